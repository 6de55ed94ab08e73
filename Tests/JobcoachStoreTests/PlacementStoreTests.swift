import Testing

@testable import JobcoachCore
@testable import JobcoachStore

let coachedPlacementDocument = """
  {"kind": "placements", "schemaVersion": 1, "placements": [
    {"id": "P-2", "municipality": "MUN", "employer": "EMP", "coach": "JC-2", "worker": "W-2",
     "start": "2026-01-01", "wageCostSubsidy": true,
     "grant": {"level": "medium", "hourlyRateCents": 8537, "package": "package-2",
       "motivation": {"evidence": {"documentId": "M-1", "issuer": "MUN"}, "summary": "Longer"},
       "periods": [
         {"start": "2026-01-01", "end": "2026-06-30", "amountCents": 225000,
          "result": "follow-up-same"},
         {"start": "2026-07-01", "end": "2026-12-31"}]},
     "plan": {"agreedOn": "2025-12-20", "agreedBy": ["employer", "coach", "worker"],
       "goals": [
         {"id": "G1", "category": "guiding-on-the-job", "description": "On the job",
          "activities": ["In contact with colleagues", "Making agreements"]},
         {"id": "G3", "category": "evaluation-and-coordination", "description": "Report"}]},
     "absences": [
       {"from": "2026-03-10", "until": "2026-03-20", "reason": "sick",
        "approval": {"evidence": {"documentId": "A-1", "issuer": "MUN"},
                     "approvedOn": "2026-03-09"}},
       {"from": "2026-07-13", "until": "2026-07-24", "reason": "holiday"}]}]}
  """

let bookingsDocument = """
  {"kind": "hour-bookings", "schemaVersion": 1, "bookings": [
    {"id": "BK-1", "placement": "P-2", "coach": "JC-2", "date": "2026-02-02", "hours": 1.75,
     "goals": ["G1"], "contact": "visit", "description": "Visit"},
    {"id": "BK-2", "placement": "P-2", "coach": "JC-2", "date": "2026-02-03", "hours": 0.5,
     "activity": "travel"},
    {"id": "BK-3", "placement": "P-2", "coach": "JC-2", "date": "2026-02-04", "hours": 1,
     "goals": ["G1", "G3"], "workRelated": false, "wageSubsidyCheck": true}]}
  """

let fundingPolicyDocument = """
  {"kind": "policies", "schemaVersion": 1, "policies": [
    {"id": "OWN", "name": "Own", "municipality": "MUN", "effectiveFrom": "2025-01-01",
     "fundsInternalCoaching": true, "externalOrganisations": {"policy": "free-choice"},
     "funding": {"light": {"year1Cents": 300000, "year2Cents": 150000, "year3Cents": 0},
                 "shiftsBetweenYears": true, "allowsMotivatedExceptions": true},
     "coachingProtocol": {"reportingHoursPerReport": 1.5, "employerCoachingYears": 2}}]}
  """

struct PlacementStoreTests {
  let documents =
    allDocuments + [
      ("coached.json", coachedPlacementDocument), ("bookings.json", bookingsDocument),
      ("funding.json", fundingPolicyDocument),
    ]

  @Test func grantsPlansAbsencesBookingsAndFundingReadBackEqual() throws {
    let store = try RegistryStore.inMemory()
    let (input, log) = batch(documents)
    #expect(log.problems.map(\.description) == [])
    let summary = try store.apply(input)
    #expect(summary.counts[.hourBookings]?.created == 3)
    let stored = try #require(try store.placement("P-2"))
    let read = try #require(input.placements.first { $0.value.id == "P-2" }?.value)
    #expect(stored == read)
    #expect(stored.grant?.periods.first?.amount == Money(cents: 225_000))
    #expect(stored.plan?.goals.first?.activities.count == 2)
    #expect(stored.absences.count == 2)
    #expect(try store.bookings(on: "P-2") == input.bookings.map(\.value))
    let policy = try #require(try store.policyHistory("OWN")?.versions.first)
    #expect(policy == input.policies.first { $0.value.id == "OWN" }?.value)
    #expect(policy.funding.light.year1 == Money(euros: 3_000))
    #expect(policy.funding.medium == FundingFramework.g4.medium)
    #expect(policy.coachingProtocol.reportingPerReport == Hours(minutes: 90))
  }

  @Test func reimportingBookingsChangesNothingAndACorrectionUpdatesOne() throws {
    let store = try RegistryStore.inMemory()
    _ = try store.apply(batch(documents).0)
    let again = try store.apply(batch(documents).0)
    #expect(!again.changedAnything)
    let corrected = bookingsDocument.replacingOccurrences(
      of: "\"hours\": 1.75", with: "\"hours\": 2")
    let changed = try store.apply(batch([("bookings.json", corrected)]).0)
    #expect(changed.counts[.hourBookings]?.updated == 1)
    #expect(changed.counts[.hourBookings]?.unchanged == 2)
    #expect(try store.bookings(on: "P-2").first?.hours == Hours(wholeHours: 2))
  }

  @Test func aPlacementImportedAgainWithoutItsGrantLosesIt() throws {
    let store = try RegistryStore.inMemory()
    _ = try store.apply(batch(documents).0)
    let withoutGrant = """
      {"kind": "placements", "schemaVersion": 1, "placements": [
        {"id": "P-2", "municipality": "MUN", "employer": "EMP", "coach": "JC-2", "worker": "W-2",
         "start": "2026-01-01"}]}
      """
    let summary = try store.apply(batch([("p.json", withoutGrant)]).0)
    #expect(summary.counts[.placements]?.updated == 1)
    let stored = try store.placement("P-2")
    #expect(stored?.grant == nil)
    #expect(stored?.plan == nil)
    #expect(stored?.absences == [])
    // The bookings stay: they are the coach's record, not the placement's.
    #expect(try store.bookings(on: "P-2").count == 3)
  }

  @Test func aBookingOnAnUnknownPlacementRejectsTheWholeImport() throws {
    let store = try RegistryStore.inMemory()
    _ = try store.apply(batch(allDocuments).0)
    let stray = bookingsDocument.replacingOccurrences(of: "\"P-2\"", with: "\"P-9\"")
    #expect(throws: StoreError.self) { try store.apply(batch([("b.json", stray)]).0) }
    do {
      _ = try store.apply(batch([("b.json", stray)]).0)
    } catch {
      guard case .importRejected(let problems) = error else { return }
      #expect(
        problems.first?.description
          == "b.json#/bookings/0/placement: no placement with id 'P-9' in this import or the registry"
      )
    }
    #expect(try store.bookings(on: "P-9").isEmpty)
  }

  @Test func visitDaysAreTheVisitsBookedOnEachPlacement() throws {
    let store = try RegistryStore.inMemory()
    _ = try store.apply(batch(documents).0)
    #expect(try store.visitDays(on: ["P-1", "P-2"]) == ["P-2": [CalendarDate(iso: "2026-02-02")!]])
    #expect(try store.visitDays(on: ["P-9"]).isEmpty)
  }
}
