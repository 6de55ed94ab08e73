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
  /// The funder's decisions on a placement's held hours (F-7), by day and id.
  func decisions(on placement: PlacementID) throws -> [FunderDecision]
  /// Every funder decision, by placement.
  func allDecisions() throws -> [PlacementID: [FunderDecision]]
  /// The days the coach visited each of `placements` (bookings with a visit), by placement.
  func visitDays(on placements: [PlacementID]) throws -> [PlacementID: [CalendarDate]]
  /// Every version of the policy `id`; nil when unknown.
  func policyHistory(_ id: PolicyID) throws -> PolicyHistory?
  /// The policies a municipality has set, each with all its versions, by id.
  func policyHistories(of municipality: OrganisationID) throws -> [PolicyHistory]
  /// The municipality whose policy applies when a caller names none (`jobcoach init
  /// --municipality`); nil when none is set.
  func defaultMunicipality() throws -> OrganisationID?
  /// The coach's memberships, one per register, by register id.
  func memberships(of coach: CoachID) throws -> [Membership]
  /// The coach's portfolio; nil when none was imported.
  func portfolio(of coach: CoachID) throws -> Portfolio?
  /// Every register with its norms and terms, by id (R-REG-1); never empty: the seed's
  /// register when no other is held.
  func registers() throws -> [Register]
  /// What a register's rules need besides the register: the association's recognised
  /// educations and its accreditation catalogue (nil when none is held).
  func registerRules(for register: Register) throws -> RegisterRules
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
  /// Every membership, sorted by coach id, then register id.
  func allMemberships() throws -> [Membership]
  /// Hands `body` every coach in id order, as `allCoaches` gives them, one at a time: a
  /// whole-registry check never holds every coach at once.
  func forEachCoach(_ body: (Coach) throws -> Void) throws
  /// Hands `body` every placement in id order, as `allPlacements` gives them, with its
  /// bookings by date and id when `withBookings` (else none), one at a time: a whole-registry
  /// check never holds every placement or booking at once.
  func forEachPlacement(withBookings: Bool, _ body: (Placement, [HourBooking]) throws -> Void)
    throws
  /// As `forEachPlacement(withBookings: true)`, with each placement's bookings handed over
  /// as read, to be made into values by whichever thread judges the placement: the thread
  /// that reads then only copies rows. The default hands them over made.
  func forEachPlacement(pendingBookings body: (Placement, PendingBookings) throws -> Void) throws

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

/// A placement's bookings as a registry read them: `decode` makes them into values, by date
/// and id, on the thread that asks, or throws what the registry's bytes do not allow.
public struct PendingBookings: Sendable {
  private let make: @Sendable () throws -> [HourBooking]

  /// Bookings made already.
  public init(_ bookings: [HourBooking]) { make = { bookings } }
  /// Bookings that `make` makes when asked.
  public init(decoding make: @escaping @Sendable () throws -> [HourBooking]) { self.make = make }

  public func decode() throws -> [HourBooking] { try make() }
}

extension RegistryReading {
  public func forEachPlacement(pendingBookings body: (Placement, PendingBookings) throws -> Void)
    throws
  {
    try forEachPlacement(withBookings: true) { try body($0, PendingBookings($1)) }
  }

  /// The register `id`; throws naming the registers held when there is none.
  public func register(_ id: RegisterID) throws -> Register {
    let all = try registers()
    guard let register = all.first(where: { $0.id == id }) else {
      throw UseCaseError.unknownRegister(id, known: all.map(\.id))
    }
    return register
  }

  /// The register a command means (R-REG-1): the one `named`, else the only register held;
  /// throws naming the choice when there are several.
  public func register(named: RegisterID?) throws -> Register {
    let all = try registers()
    return try register(RegisterChoice.resolve(named, among: all.map(\.id), known: all.map(\.id)))
  }

  /// The coach's membership a register decision is about: of the register `named`, else the
  /// coach's only one; nil when the coach is not a member of it (or of any), with the
  /// register meant.
  public func membership(of coach: CoachID, named: RegisterID?) throws
    -> (register: Register, membership: Membership?)
  {
    let held = try memberships(of: coach)
    let all = try registers()
    let id = try RegisterChoice.resolve(
      named, among: held.isEmpty ? all.map(\.id) : held.map(\.register), known: all.map(\.id))
    return (try register(id), held.first { $0.register == id })
  }

  /// Each register by id.
  public func registersByID() throws -> [RegisterID: Register] {
    Dictionary(try registers().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

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
  /// Records a funder decision (F-7) with its audit entry, in one transaction. An empty id
  /// asks for the placement's next free one. Returns it as stored.
  func save(_ decision: FunderDecision, audit: AuditContext) throws -> FunderDecision
}
