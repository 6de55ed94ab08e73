@testable import JobcoachCore

/// An in-memory registry the register's decisions can write to: `InMemoryRegistry` for
/// reading, with the memberships saved and the audit entries recorded kept here.
final class RecordingRegistry: RegistryWriting {
  var registry: InMemoryRegistry
  private(set) var audit: [(AuditContext, AuditEntry)] = []
  private(set) var saves = 0

  init(_ registry: InMemoryRegistry) { self.registry = registry }

  func save(_ membership: Membership, audit context: AuditContext, entries: [AuditEntry])
    -> Membership
  {
    var membership = membership
    if membership.registerNumber.isEmpty {
      membership.registerNumber = "RJC-\(10_000 + registry.memberships.count + 1)"
    }
    registry.memberships[membership.coach, default: []].removeAll {
      $0.register == membership.register
    }
    registry.memberships[membership.coach, default: []].append(membership)
    registry.memberships[membership.coach]!.sort { $0.register < $1.register }
    audit += entries.map { (context, $0) }
    saves += 1
    return membership
  }

  func save(_ decision: FunderDecision, audit context: AuditContext) -> FunderDecision {
    var decision = decision
    if decision.id.rawValue.isEmpty {
      decision.id = DecisionID(
        rawValue: "DEC-\(decision.placement)-\(registry.decisionList.count + 1)")
    }
    registry.decisionList.append(decision)
    audit.append(
      (
        context,
        AuditEntry(
          subjectKind: "funder-decision", subjectID: decision.placement.rawValue,
          field: "bookings", newValue: decision.outcome.rawValue, reason: decision.reason)
      ))
    saves += 1
    return decision
  }

  func coach(_ id: CoachID) -> Coach? { registry.coach(id) }
  func organisation(_ id: OrganisationID) -> Organisation? { registry.organisation(id) }
  func placement(_ id: PlacementID) -> Placement? { registry.placement(id) }
  func placements(coachedBy coach: CoachID) -> [Placement] { registry.placements(coachedBy: coach) }
  func bookings(on placement: PlacementID) -> [HourBooking] { registry.bookings(on: placement) }
  func decisions(on placement: PlacementID) -> [FunderDecision] {
    registry.decisions(on: placement)
  }
  func allDecisions() -> [PlacementID: [FunderDecision]] { registry.allDecisions() }
  func visitDays(on placements: [PlacementID]) -> [PlacementID: [CalendarDate]] {
    registry.visitDays(on: placements)
  }
  func policyHistory(_ id: PolicyID) -> PolicyHistory? { registry.policyHistory(id) }
  func policyHistories(of municipality: OrganisationID) -> [PolicyHistory] {
    registry.policyHistories(of: municipality)
  }
  func defaultMunicipality() -> OrganisationID? { registry.defaultMunicipality() }
  func memberships(of coach: CoachID) -> [Membership] { registry.memberships(of: coach) }
  func portfolio(of coach: CoachID) -> Portfolio? { registry.portfolio(of: coach) }
  func registers() -> [Register] { registry.registers() }
  func registerRules(for register: Register) -> RegisterRules {
    registry.registerRules(for: register)
  }
  func publicRegister(listing number: String) -> PublicRegister? {
    registry.publicRegister(listing: number)
  }
  func allOrganisations() -> [OrganisationID: Organisation] { registry.allOrganisations() }
  func allCoaches() -> [Coach] { registry.allCoaches() }
  func allPlacements() -> [Placement] { registry.allPlacements() }
  func allPolicies() -> [PolicyHistory] { registry.allPolicies() }
  func allMemberships() -> [Membership] { registry.allMemberships() }
  func forEachCoach(_ body: (Coach) throws -> Void) rethrows {
    try registry.forEachCoach(body)
  }
  /// When set, reading placements with their bookings fails after this many (a registry
  /// that breaks in the middle of a check).
  var failsAfterPlacements: Int?
  struct ReadFailure: Error {}
  /// When set, the bookings of the placement at this place in the scan cannot be made into
  /// values (their bytes are wrong), found only by the thread that judges it.
  var failsDecodingPlacement: Int?
  struct DecodeFailure: Error {}

  func forEachPlacement(pendingBookings body: (Placement, PendingBookings) throws -> Void)
    throws
  {
    var read = 0
    let failing = failsDecodingPlacement
    try forEachPlacement(withBookings: true) { placement, bookings in
      let index = read
      read += 1
      try body(
        placement,
        PendingBookings(decoding: {
          if index == failing { throw DecodeFailure() }
          return bookings
        }))
    }
  }

  func forEachPlacement(
    withBookings: Bool, _ body: (Placement, [HourBooking]) throws -> Void
  ) throws {
    var read = 0
    try registry.forEachPlacement(withBookings: withBookings) { placement, bookings in
      if withBookings, let limit = failsAfterPlacements, read == limit { throw ReadFailure() }
      read += 1
      try body(placement, bookings)
    }
  }
}

let testAudit = AuditContext(
  command: "test", actor: "tester", timestamp: "2026-11-23T10:00:00Z", day: day("2026-11-23"))

/// A registered coach's membership from `admitted` on, with the status changes given after it.
func registeredMembership(
  _ coach: CoachID, number: String, admitted: String, route: AdmissionRoute = .entryRequirements,
  changes: [StatusChange] = [], assessments: [Assessment] = []
) -> Membership {
  Membership(
    coach: coach, registerNumber: number, admittedOn: day(admitted), route: route,
    statusChanges: [
      StatusChange(
        date: day(admitted), status: .registered, rule: .admissionEducation, decision: "admitted")
    ] + changes, assessments: assessments)
}

/// `hours` accredited hours on `date` with code `ACC` (valid 2000-2099, 8 hours each at most).
func accredited(_ id: String, _ date: String, hours: Int = 8, code: String? = "ACC") -> PEActivity {
  PEActivity(
    id: ActivityID(rawValue: id), date: day(date), hours: Hours(wholeHours: hours),
    title: "Course", provider: "Provider", category: .accredited, accreditationCode: code,
    evidence: EvidenceReference(documentID: "CERT-\(id)", issuer: "Provider"))
}

func free(_ id: String, _ date: String, hours: Int) -> PEActivity {
  PEActivity(
    id: ActivityID(rawValue: id), date: day(date), hours: Hours(wholeHours: hours),
    title: "Intervision", provider: "Peers", category: .free,
    evidence: EvidenceReference(documentID: "PRESENCE-\(id)", issuer: "Peers"))
}

let accCatalogue = [
  Accreditation(
    code: "ACC", title: "Course", provider: "Provider", hours: Hours(wholeHours: 8),
    validity: DateInterval(start: day("2000-01-01"), end: day("2099-12-31")))
]
