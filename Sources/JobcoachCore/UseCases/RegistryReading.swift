/// What the use cases read from a registry. The store implements it over SQLite; tests and a
/// coach's own documents (`pe --file`) use `InMemoryRegistry`, the reference.
///
/// A reading method answers from what the registry holds and never judges: the rules live in
/// the use cases. Methods throw only when the registry itself fails.
public protocol RegistryReading {
  // MARK: One record

  /// The coach with `id`, with employments and qualifications; nil when unknown.
  func coach(_ id: CoachID) throws -> Coach?
  /// The organisation with `id`, with its recognitions; nil when unknown.
  func organisation(_ id: OrganisationID) throws -> Organisation?
  /// The placement with `id`, with its grant, plan and absences; nil when unknown.
  func placement(_ id: PlacementID) throws -> Placement?
  /// The placements a coach coaches, by start date.
  func placements(coachedBy coach: CoachID) throws -> [Placement]
  /// The bookings on a placement, by date and id.
  func bookings(on placement: PlacementID) throws -> [HourBooking]
  /// The days the coach visited each of `placements` (bookings with a visit), by placement.
  func visitDays(on placements: [PlacementID]) throws -> [PlacementID: [CalendarDate]]
  /// Every version of the policy `id`; nil when unknown.
  func policyHistory(_ id: PolicyID) throws -> PolicyHistory?
  /// The policies a municipality has set, each with all its versions, by id.
  func policyHistories(of municipality: OrganisationID) throws -> [PolicyHistory]
  /// The municipality whose policy applies when a caller names none (`jobcoach init
  /// --municipality`); nil when none is set.
  func defaultMunicipality() throws -> OrganisationID?
  /// The coach's register membership, if any.
  func membership(of coach: CoachID) throws -> Membership?
  /// The coach's portfolio; nil when none was imported.
  func portfolio(of coach: CoachID) throws -> Portfolio?
  /// What the register's rules need: recognised educations, the accreditation catalogue
  /// (nil when none is held), the PE norms.
  func registerRules() throws -> RegisterRules
  /// The register's PE norms alone (which `registerRules()` also holds), for the cycles.
  func peNorms() throws -> PENormHistory
  /// The imported public register with only the entry for `number` (none when it is not
  /// listed); nil when no public register was imported.
  func publicRegister(listing number: String) throws -> PublicRegister?

  // MARK: The whole registry

  /// Every organisation, by id.
  func allOrganisations() throws -> [OrganisationID: Organisation]
  /// Every coach, sorted by id.
  func allCoaches() throws -> [Coach]
  /// Every placement, sorted by id, with grant, plan and absences (no bookings).
  func allPlacements() throws -> [Placement]
  /// Every policy with all its versions, sorted by id.
  func allPolicies() throws -> [PolicyHistory]
  /// Every membership, sorted by coach id.
  func allMemberships() throws -> [Membership]
  /// Hands `body` the bookings of each placement that has any, in placement id order, each
  /// placement's by date and id: one pass, so a whole-registry check never holds every
  /// booking at once.
  func forEachPlacementsBookings(_ body: (PlacementID, [HourBooking]) throws -> Void) throws

  /// An optimisation the use cases may ask for: each coach's PE totals over the cycle given,
  /// up to the date judged on (R-PE-4), for the coaches whose every activity there is plainly
  /// demonstrable (with evidence, none listed twice) and whose every claim stands as claimed
  /// (`RegisterRules.claimStands`). A coach left out is judged from the portfolio. Answering
  /// nothing is always correct; a faster answer is held to the portfolio's by a differential
  /// test.
  func cycleTotals(_ cycles: [CoachID: RegisterCycle], on date: CalendarDate, rules: RegisterRules)
    throws -> [CoachID: PETotals]

  /// Runs `body` so that everything it reads comes from one state of the registry.
  func reading<Result>(_ body: () throws -> Result) throws -> Result
}

extension RegistryReading {
  public func cycleTotals(
    _ cycles: [CoachID: RegisterCycle], on date: CalendarDate, rules: RegisterRules
  ) throws -> [CoachID: PETotals] { [:] }

  public func reading<Result>(_ body: () throws -> Result) throws -> Result { try body() }
}

/// What the register's use cases write: a membership as decided, with its audit entries, in
/// one transaction.
public protocol RegistryWriting: RegistryReading {
  /// Saves `membership` whole (status changes and assessments included) with `entries` in the
  /// audit trail. An empty register number asks for the next free one. Returns it as stored.
  func save(_ membership: Membership, audit: AuditContext, entries: [AuditEntry]) throws
    -> Membership
}
