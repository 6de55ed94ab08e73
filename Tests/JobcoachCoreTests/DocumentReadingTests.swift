import Testing

@testable import JobcoachCore

struct DocumentReadingTests {
  /// Reads `text` as file `f.json`; returns the batch and the problems as strings.
  func read(_ text: String, file: String = "f.json") -> (ImportBatch, [String]) {
    var batch = ImportBatch()
    let log = ProblemLog()
    batch.read(Array(text.utf8), file: file, log: log)
    return (batch, log.problems.map(\.description))
  }

  func coaches(_ records: String) -> String {
    #"{"kind": "coaches", "schemaVersion": 1, "coaches": ["# + records + "]}"
  }

  @Test func readsACoach() throws {
    let (batch, problems) = read(
      coaches(
        #"{"id": "JC-1", "name": "Anouk", "employments": [{"organisation": "MUN", "kind": "municipal", "from": "2020-01-01", "until": null}], "qualifications": [{"kind": "hbo-diploma", "title": "Bachelor", "issuedOn": "2010-07-01", "issuer": "Hogeschool", "evidence": {"documentId": "D1", "issuer": "DUO"}}]}"#
      ))
    #expect(problems == [])
    let coach = try #require(batch.coaches.first?.value)
    #expect(coach.id == "JC-1")
    #expect(coach.employments.first?.period.end == nil)
    #expect(coach.qualifications.first?.evidence?.issuer == "DUO")
    #expect(batch.coaches.first?.pointer.description == "/coaches/0")
  }

  @Test func unknownFieldIsAnErrorWithItsPointer() {
    let (batch, problems) = read(
      coaches(#"{"id": "JC-1", "name": "A", "birthDate": "1980-01-01"}"#))
    #expect(batch.coaches.isEmpty)
    #expect(problems == ["f.json#/coaches/0/birthDate: unknown field 'birthDate'"])
  }

  @Test func missingFieldAndWrongTypeAreReportedTogether() {
    let (_, problems) = read(
      coaches(
        #"{"name": "A"}, {"id": "JC-2", "name": 5}, {"id": "JC-3", "name": "C", "employments": [{"organisation": "M", "kind": "boss", "from": "2023-02-29"}]}"#
      ))
    #expect(
      problems == [
        "f.json#/coaches/0: missing required field 'id'",
        "f.json#/coaches/1/name: expected a string, found a number",
        "f.json#/coaches/2/employments/0/kind: expected one of 'municipal', 'internal', 'external'",
        "f.json#/coaches/2/employments/0/from: '2023-02-29' is not a calendar date (YYYY-MM-DD, a day that exists)",
      ])
  }

  @Test func syntaxErrorsNameLineAndColumn() {
    let (_, problems) = read("{\n  \"kind\": \"coaches\",\n  \"schemaVersion\": 1,\n}")
    #expect(problems == ["f.json:4:1: not valid JSON: expected a member name in double quotes"])
  }

  @Test func citizenServiceNumberIsRefusedAndNeverEchoed() {
    let (_, problems) = read(coaches(#"{"id": "JC-1", "name": "111222333"}"#))
    #expect(problems.count == 1)
    #expect(problems[0].contains("/coaches/0/name"))
    #expect(problems[0].contains("citizen service number"))
    #expect(!problems[0].contains("111222333"))
  }

  @Test func unknownKindAndSchemaVersion() {
    #expect(
      read(#"{"kind": "invoices", "schemaVersion": 1}"#).1.first?.contains(
        "#/kind: this is not a document jobcoach imports") == true)
    #expect(
      read(#"{"kind": "coaches", "schemaVersion": 7, "coaches": []}"#).1 == [
        "f.json#/schemaVersion: schema version 7 of 'coaches' documents is not known to this jobcoach (it reads 1)"
      ])
    #expect(read("[]").1 == ["f.json#: expected an object, found an array"])
  }

  @Test func recognitionThatEndsBeforeItStarts() {
    let (_, problems) = read(
      #"{"kind": "organisations", "schemaVersion": 1, "organisations": [{"id": "CO", "name": "C", "kind": "coaching-organisation", "recognitions": [{"framework": "2016", "validFrom": "2026-01-01", "validUntil": "2025-12-31", "evidence": {"documentId": "E", "issuer": "UWV"}}]}]}"#
    )
    #expect(
      problems == [
        "f.json#/organisations/0/recognitions/0/validUntil: the recognition ends (2025-12-31) before it starts (2026-01-01)"
      ])
  }

  @Test func onlyCoachingOrganisationsHoldRecognitions() {
    let (_, problems) = read(
      #"{"kind": "organisations", "schemaVersion": 1, "organisations": [{"id": "E", "name": "Bakker", "kind": "employer", "recognitions": [{"framework": "2016", "validFrom": "2026-01-01", "evidence": {"documentId": "E", "issuer": "UWV"}}]}]}"#
    )
    #expect(problems.count == 1)
    #expect(
      problems[0].hasPrefix("f.json#/organisations/0/recognitions: only a coaching organisation"))
  }

  @Test func hoursFinerThanAMinuteAreRefused() {
    let (_, problems) = read(
      #"{"kind": "placements", "schemaVersion": 1, "placements": [{"id": "P", "employer": "E", "worker": "W-1", "start": "2026-01-01", "hoursExemption": {"hoursPerWeek": 1.001, "evidence": {"documentId": "D", "issuer": "E"}}}]}"#
    )
    #expect(
      problems == [
        "f.json#/placements/0/hoursExemption/hoursPerWeek: 1.001 is not a whole number of minutes: 1 (1:00) or 1.016667 (1:01)"
      ])
  }

  @Test func policyRequirementsMustFitTheKind() {
    let (_, problems) = read(
      #"{"kind": "policies", "schemaVersion": 1, "policies": [{"id": "P", "name": "P", "effectiveFrom": "2026-01-01", "fundsInternalCoaching": true, "externalOrganisations": {"policy": "free-choice"}, "requirements": {"internal": ["Q-MUN-1"]}}]}"#
    )
    #expect(problems.count == 1)
    #expect(
      problems[0].hasPrefix(
        "f.json#/policies/0/requirements/internal/0: 'Q-MUN-1' is not a requirement for internal coaches"
      ))
  }

  @Test func policyKeepsG4DefaultsForKindsItLeavesOut() throws {
    let (batch, problems) = read(
      #"{"kind": "policies", "schemaVersion": 1, "policies": [{"id": "P", "name": "P", "effectiveFrom": "2026-01-01", "fundsInternalCoaching": false, "externalOrganisations": {"policy": "approved-list", "approved": ["CO"]}, "requirements": {"internal": ["Q-INT-1"]}}]}"#
    )
    #expect(problems == [])
    let policy = try #require(batch.policies.first?.value)
    #expect(policy.requirements(for: .internal) == ["Q-INT-1"])
    #expect(policy.requirements(for: .municipal) == ["Q-MUN-1", "Q-MUN-2"])
    #expect(policy.externalOrganisations == .approvedList(["CO"]))
  }

  @Test func duplicateIdsAndUnknownReferencesAcrossFiles() {
    var batch = ImportBatch()
    let log = ProblemLog()
    batch.read(
      Array(
        #"{"kind": "organisations", "schemaVersion": 1, "organisations": [{"id": "MUN", "name": "M", "kind": "municipality"}]}"#
          .utf8), file: "a.json", log: log)
    batch.read(Array(coaches(#"{"id": "JC-1", "name": "A"}"#).utf8), file: "b.json", log: log)
    batch.read(
      Array(
        coaches(
          #"{"id": "JC-1", "name": "A"}, {"id": "JC-2", "name": "B", "employments": [{"organisation": "MUN", "kind": "external", "from": "2020-01-01"}, {"organisation": "NOPE", "kind": "municipal", "from": "2020-01-01"}]}"#
        ).utf8), file: "c.json", log: log)
    #expect(log.isEmpty)
    batch.validateReferences(against: EmptyRegistry(), log: log)
    #expect(
      log.problems.map(\.description) == [
        "c.json#/coaches/0/id: coach id 'JC-1' appears twice in this import; first at b.json#/coaches/0/id",
        "c.json#/coaches/1/employments/0/organisation: the employer of an external coach must be a coaching organisation or self-employed coach; 'MUN' is a municipality",
        "c.json#/coaches/1/employments/1/organisation: no organisation with id 'NOPE' in this import or the registry",
      ])
  }
}

struct RegisterDocumentReadingTests {
  func read(_ text: String) -> (ImportBatch, [String]) {
    var batch = ImportBatch()
    let log = ProblemLog()
    batch.read(Array(text.utf8), file: "p.json", log: log)
    return (batch, log.problems.map(\.description))
  }

  func portfolio(_ activities: String) -> String {
    #"{"kind": "portfolios", "schemaVersion": 1, "portfolios": [{"coach": "JC-1", "peActivities": ["#
      + activities + "]}]}"
  }

  @Test func readsExactHours() throws {
    let (batch, problems) = read(
      portfolio(
        #"{"id": "a", "date": "2024-01-01", "hours": 1.25, "title": "T", "provider": "P", "category": "free"}"#
      ))
    #expect(problems == [])
    #expect(
      try #require(batch.portfolios.first).value.activities.first?.hours == Hours(minutes: 75))
  }

  @Test func activityProblemsAreReportedWithPointers() {
    let (_, problems) = read(
      portfolio(
        #"{"id": "a", "date": "2024-01-01", "hours": -2, "title": "T", "provider": "P", "category": "free"}, {"id": "b", "date": "2024-01-01", "hours": 2, "title": "T", "provider": "P", "category": "free", "accreditationCode": "X"}, {"id": "a", "date": "2024-02-30", "hours": "8", "title": "T", "provider": "P", "category": "course"}"#
      ))
    #expect(
      problems == [
        "p.json#/portfolios/0/peActivities/0/hours: hours must not be negative, found -2",
        "p.json#/portfolios/0/peActivities/1/accreditationCode: only an accredited activity has an accreditation code",
        "p.json#/portfolios/0/peActivities/2/date: '2024-02-30' is not a calendar date (YYYY-MM-DD, a day that exists)",
        "p.json#/portfolios/0/peActivities/2/hours: hours as a text must be \"H:MM\" (such as \"80:59\"), minutes 00 to 59",
        "p.json#/portfolios/0/peActivities/2/category: expected one of 'accredited', 'free'",
      ])
  }

  @Test func duplicateActivityIdsInAPortfolio() {
    let (_, problems) = read(
      portfolio(
        #"{"id": "a", "date": "2024-01-01", "hours": 2, "title": "T", "provider": "P", "category": "free"}, {"id": "a", "date": "2024-01-02", "hours": 2, "title": "T", "provider": "P", "category": "free"}"#
      ))
    #expect(problems.count == 1)
    #expect(
      problems[0].hasPrefix("p.json#/portfolios/0/peActivities/1/id: activity id 'a' appears twice")
    )
  }

  @Test func insufficientAssessmentNeedsItsPoints() {
    let (_, problems) = read(
      #"{"kind": "memberships", "schemaVersion": 1, "memberships": [{"coach": "JC-1", "registerNumber": "RJC-1", "admittedOn": "2010-01-01", "route": "earlier-admission", "assessments": [{"judgedOn": "2025-01-01", "result": "insufficient"}]}]}"#
    )
    #expect(
      problems == [
        "p.json#/memberships/0/assessments/0: an insufficient assessment names the points to improve ('improvementPoints')"
      ])
  }

  @Test func normNumbersMustAddUp() {
    let (_, problems) = read(
      #"{"kind": "pe-norms", "schemaVersion": 1, "norms": [{"name": "N", "effectiveFrom": "2020-01-01", "cycleYears": 0, "totalHours": 100, "minimumAccreditedHours": 120, "maximumFreeHours": 20}]}"#
    )
    #expect(
      problems == [
        "p.json#/norms/0/cycleYears: a cycle is 1 to 10 years, not 0",
        "p.json#/norms/0/minimumAccreditedHours: the accredited minimum (120) is more than the total (100)",
      ])
  }
}

struct PlacementDocumentReadingTests {
  func read(_ text: String) -> (ImportBatch, [String]) {
    var batch = ImportBatch()
    let log = ProblemLog()
    batch.read(Array(text.utf8), file: "f.json", log: log)
    return (batch, log.problems.map(\.description))
  }

  func placement(_ extra: String) -> String {
    #"{"kind": "placements", "schemaVersion": 1, "placements": [{"id": "P", "employer": "E", "worker": "W-1", "start": "2026-01-01", "#
      + extra + "}]}"
  }

  func bookings(_ records: String) -> String {
    #"{"kind": "hour-bookings", "schemaVersion": 1, "bookings": ["# + records + "]}"
  }

  @Test func grantProblemsNameTheirPointer() {
    let (batch, problems) = read(
      placement(
        #""grant": {"level": "heavy", "hourlyRateCents": -1, "package": "package-3", "periods": [{"start": "2026-07-01", "end": "2026-01-01", "amountCents": 12.5}]}"#
      ))
    #expect(batch.placements.isEmpty)
    #expect(
      problems == [
        "f.json#/placements/0/grant/level: expected one of 'light', 'medium'",
        "f.json#/placements/0/grant/hourlyRateCents: an amount must not be negative, found -1",
        "f.json#/placements/0/grant/package: expected one of 'trial-placement', 'package-0', 'package-1', 'package-2'",
        "f.json#/placements/0/grant/periods/0/amountCents: expected an amount in whole euro cents (270000 for EUR 2,700), found the number 12.5",
        "f.json#/placements/0/grant/periods/0/end: the period ends (2026-01-01) before it starts (2026-07-01)",
      ])
  }

  @Test func aGrantWithoutPeriodsAndAPlanWithATwiceNamedGoalAreRefused() {
    let (_, problems) = read(
      placement(
        #""grant": {"level": "light", "hourlyRateCents": 0, "periods": []}, "plan": {"agreedOn": "2026-01-01", "agreedBy": ["coach", "boss"], "goals": [{"id": "G1", "category": "guiding-on-the-job", "description": "a"}, {"id": "G1", "category": "tax-forms", "description": "b"}]}"#
      ))
    #expect(
      problems == [
        "f.json#/placements/0/grant/periods: a grant has at least one half-year period (F-2)",
        "f.json#/placements/0/plan/agreedBy/1: expected one of 'coach', 'worker', 'employer'",
        "f.json#/placements/0/plan/goals/1/category: expected one of 'introducing-worker', 'structuring-work', 'onboarding-and-training', 'resolving-disruptions', 'guiding-on-the-job', 'home-situation', 'guiding-supervisor', 'evaluation-and-coordination'",
      ])
  }

  @Test func absencesEndAfterTheyStart() {
    let (_, problems) = read(
      placement(#""absences": [{"from": "2026-03-10", "until": "2026-03-09", "reason": "sick"}]"#))
    #expect(
      problems == [
        "f.json#/placements/0/absences/0/until: the absence ends (2026-03-09) before it starts (2026-03-10)"
      ])
  }

  @Test func readsABookingWithItsDefaults() throws {
    let (batch, problems) = read(
      bookings(
        #"{"id": "B-1", "placement": "P", "coach": "C", "date": "2026-02-02", "hours": 1.25}"#))
    #expect(problems == [])
    let booking = try #require(batch.bookings.first?.value)
    #expect(booking.hours == Hours(minutes: 75))
    #expect(booking.activity == .coaching)
    #expect(booking.goals == [])
    #expect(booking.wageSubsidyCheck == false)
  }

  @Test func bookingProblemsNameTheirPointer() {
    let (batch, problems) = read(
      bookings(
        #"{"id": "B-1", "placement": "P", "coach": "C", "date": "2026-02-30", "hours": 0}, {"id": "B-2", "placement": "P", "coach": "C", "date": "2026-02-02", "hours": 25}, {"id": "B-3", "placement": "P", "coach": "C", "date": "2026-02-02", "hours": 1.001, "activity": "lunch", "worker": "W-1"}, {"id": "B-4", "placement": "P", "coach": "C", "date": "2026-02-32", "hours": 1, "activity": "lunch", "worker": "123456782"}"#
      ))
    #expect(batch.bookings.isEmpty)
    #expect(
      problems == [
        "f.json#/bookings/0/date: '2026-02-30' is not a calendar date (YYYY-MM-DD, a day that exists)",
        "f.json#/bookings/0/hours: a booking of 0 hours books nothing; leave it out",
        "f.json#/bookings/1/hours: a booking covers one day: at most 24 hours, found 25",
        "f.json#/bookings/2/hours: 1.001 is not a whole number of minutes: 1 (1:00) or 1.016667 (1:01)",
        "f.json#/bookings/2/worker: unknown field 'worker'",
        // A citizen service number anywhere: only its place is named; nothing else of the
        // record is read, so nothing of it is echoed (issue 14, item 3).
        "f.json#/bookings/3/worker: holds what looks like a citizen service number (BSN); the registry never stores one, use a pseudonymous reference",
      ])
  }

  @Test func policyFundingAndProtocolAreRead() throws {
    let (batch, problems) = read(
      #"{"kind": "policies", "schemaVersion": 1, "policies": [{"id": "P", "name": "P", "effectiveFrom": "2026-01-01", "fundsInternalCoaching": true, "externalOrganisations": {"policy": "free-choice"}, "funding": {"medium": {"year1Cents": 500000, "year2Cents": 300000, "year3Cents": 150000}, "allowsMotivatedExceptions": true}, "coachingProtocol": {"employerCoachingYears": 0}}]}"#
    )
    #expect(
      problems == [
        "f.json#/policies/0/coachingProtocol/employerCoachingYears: expected 1 to 10 years, found 0"
      ])
    #expect(batch.policies.isEmpty)
    let (fixed, none) = read(
      #"{"kind": "policies", "schemaVersion": 1, "policies": [{"id": "P", "name": "P", "effectiveFrom": "2026-01-01", "fundsInternalCoaching": true, "externalOrganisations": {"policy": "free-choice"}, "funding": {"medium": {"year1Cents": 500000, "year2Cents": 300000, "year3Cents": 150000}, "allowsMotivatedExceptions": true}}]}"#
    )
    #expect(none == [])
    let funding = try #require(fixed.policies.first?.value.funding)
    #expect(funding.medium.year1 == Money(euros: 5_000))
    #expect(funding.light == FundingFramework.g4.light)
    #expect(funding.allowsMotivatedExceptions)
    #expect(!funding.shiftsBetweenYears)
  }
}

/// The catalogue's documents read back as the records they were written from.
struct CatalogueDocumentsTests {
  @Test func everyRecordReadsBackAsWritten() throws {
    var norm = PENorm.seedDefault
    norm.practiceHours = Hours(minutes: 20)
    let rules = RegisterRules(
      educations: [
        "E1": RecognisedEducation(
          id: "E1", title: "Post-hbo", provider: "HU",
          recognition: DateInterval(start: day("2010-01-01"), end: day("2030-12-31"))),
        "E2": RecognisedEducation(
          id: "E2", title: "Jobcoach", provider: "Saxion",
          recognition: DateInterval(start: day("2012-01-01"), end: nil)),
      ],
      accreditations: [
        "A": Accreditation(
          code: "A", title: "Course", provider: "P", hours: Hours(minutes: 20),
          validity: DateInterval(start: day("2020-01-01"), end: nil)),
        "B": Accreditation(
          code: "B", title: "Other", provider: "Q", hours: Hours(wholeHours: 8),
          validity: DateInterval(start: day("2020-01-01"), end: day("2024-12-31"))),
      ],
      norms: PENormHistory(versions: [norm]))
    var batch = ImportBatch()
    let log = ProblemLog()
    let other = Register(
      id: "RJ-NOORD", name: "Noord", admissionHours: Hours(wholeHours: 1200),
      diplomaAdmission: DiplomaAdmission(hours: Hours(wholeHours: 600), educations: ["E1"]),
      recognisedEducations: ["E1", "E2"],
      norms: PENormHistory(versions: [
        PENorm(
          name: "Noord", effectiveFrom: day("2015-01-01"), cycleYears: 4,
          totalHours: Hours(wholeHours: 80), minimumAccredited: Hours(wholeHours: 60),
          maximumFree: Hours(wholeHours: 20), register: "RJ-NOORD")
      ]), renewal: RenewalTerms(windowMonths: 3, graceMonths: 2))
    for (file, document) in CatalogueDocuments.documents(
      registers: [rules.register, other], educations: rules.educations,
      accreditations: rules.accreditations)
    {
      batch.read(Array(JSONWriter.string(document).utf8), file: file, log: log)
    }
    #expect(log.isEmpty, "\(log.problems)")
    #expect(Set(batch.accreditations.map(\.value)) == Set(rules.accreditations!.values))
    #expect(Set(batch.educations.map(\.value)) == Set(rules.educations.values))
    #expect(batch.registers.map(\.value) == [rules.register, other])
    #expect(batch.registers.first?.value.norms.versions == [norm])
  }
}
