/// A registry held in memory: the reference implementation of `RegistryReading`. It answers
/// every question plainly from its values and takes no shortcut (`cycleTotals` answers
/// nothing), so the use cases judge every coach from the portfolio. Tests build one directly;
/// `pe --file` builds one from a coach's own documents, which need not be a whole registry.
public struct InMemoryRegistry: RegistryReading, Sendable {
  public var organisations: [OrganisationID: Organisation] = [:]
  public var coaches: [CoachID: Coach] = [:]
  public var placements: [PlacementID: Placement] = [:]
  public var bookings: [HourBooking] = []
  public var decisionList: [FunderDecision] = []
  public var policies: [PolicyHistory] = []
  /// Each coach's memberships, by register id.
  public var memberships: [CoachID: [Membership]] = [:]
  public var portfolios: [CoachID: Portfolio] = [:]
  public var educations: [EducationID: RecognisedEducation] = [:]
  /// Nil when no catalogue is held: claims are then taken as claimed.
  public var accreditations: [String: Accreditation]?
  /// Every register with its norms, by id; never empty.
  public var registerList: [Register] = [.seedDefault]
  public var publicRegister: PublicRegister?
  public var municipality: OrganisationID?

  public init(
    organisations: [Organisation] = [], coaches: [Coach] = [], placements: [Placement] = [],
    bookings: [HourBooking] = [], decisions: [FunderDecision] = [],
    policies: [MunicipalPolicy] = [],
    memberships: [Membership] = [], portfolios: [Portfolio] = [],
    educations: [RecognisedEducation] = [], accreditations: [Accreditation]? = nil,
    norms: [PENorm] = [], registers: [Register] = [], publicRegister: PublicRegister? = nil,
    defaultMunicipality: OrganisationID? = nil
  ) {
    for organisation in organisations { self.organisations[organisation.id] = organisation }
    for coach in coaches { self.coaches[coach.id] = coach }
    for placement in placements { self.placements[placement.id] = placement }
    self.bookings = bookings
    self.decisionList = Dictionary(
      decisions.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last }
    )
    .values.sorted { ($0.decidedOn, $0.id) < ($1.decidedOn, $1.id) }
    self.policies = Dictionary(grouping: policies, by: \.id).values
      .map(PolicyHistory.init(versions:)).sorted { $0.id < $1.id }
    for membership in memberships {
      self.memberships[membership.coach, default: []].removeAll {
        $0.register == membership.register
      }
      self.memberships[membership.coach, default: []].append(membership)
      self.memberships[membership.coach]!.sort { $0.register < $1.register }
    }
    for portfolio in portfolios { self.portfolios[portfolio.coach] = portfolio }
    for education in educations { self.educations[education.id] = education }
    self.accreditations = accreditations.map { list in
      Dictionary(list.map { ($0.code, $0) }, uniquingKeysWith: { _, last in last })
    }
    self.registerList = Self.assemble(registers, norms: norms)
    self.publicRegister = publicRegister
    self.municipality = defaultMunicipality
  }

  /// The records of an import batch, each id taking its last record (as an import does).
  public init(_ batch: ImportBatch) {
    self.init(
      organisations: batch.organisations.map(\.value), coaches: batch.coaches.map(\.value),
      placements: batch.placements.map(\.value), bookings: batch.bookings.map(\.value),
      decisions: batch.decisions.map(\.value),
      policies: batch.policies.map(\.value), memberships: batch.memberships.map(\.value),
      portfolios: Self.portfolios(of: batch), educations: batch.educations.map(\.value),
      accreditations: batch.accreditations.isEmpty ? nil : batch.accreditations.map(\.value),
      norms: batch.norms.map(\.value), registers: batch.registers.map(\.value),
      publicRegister: batch.publicRegisters.last?.value)
  }

  /// The portfolios as an import leaves them: each coach's last portfolio document, with the
  /// activities and experience the batch's tables list for the coach (an activity by its id).
  static func portfolios(of batch: ImportBatch) -> [Portfolio] {
    var byCoach: [CoachID: Portfolio] = [:]
    var order: [CoachID] = []
    func add(_ portfolio: Portfolio) {
      if byCoach[portfolio.coach] == nil { order.append(portfolio.coach) }
      byCoach[portfolio.coach] = portfolio
    }
    for portfolio in batch.portfolios { add(portfolio.value) }
    let holders = batch.registerNumberHolders
    func update(_ reference: CoachReference, _ change: (inout Portfolio) -> Void) {
      guard let coach = reference.coach({ holders[$1]?[$0] }) else { return }
      var portfolio = byCoach[coach] ?? Portfolio(coach: coach)
      change(&portfolio)
      add(portfolio)
    }
    for listed in batch.listedActivities {
      update(listed.value.coach) { portfolio in
        portfolio.activities.removeAll { $0.id == listed.value.activity.id }
        portfolio.activities.append(listed.value.activity)
      }
    }
    for listed in batch.listedExperience {
      update(listed.value.coach) { $0.experience.append(listed.value.entry) }
    }
    return order.compactMap { byCoach[$0] }
  }

  /// The registers as an import leaves them: the seed's register, each register given (the
  /// last of an id wins), each with its inline norms and the norm versions given for it
  /// separately (one per effective date, the last wins); a register with none keeps the
  /// seed's norm.
  static func assemble(_ registers: [Register], norms: [PENorm]) -> [Register] {
    var byID: [RegisterID: Register] = [RegisterID.seedDefault: .seedDefault]
    var versions: [RegisterID: [CalendarDate: PENorm]] = [:]
    for register in registers {
      byID[register.id] = register
      for norm in register.norms.versions where register.norms != .seedDefault {
        versions[register.id, default: [:]][norm.effectiveFrom] = norm
      }
    }
    for norm in norms { versions[norm.register, default: [:]][norm.effectiveFrom] = norm }
    for (id, held) in versions where byID[id] != nil {
      byID[id]!.norms = PENormHistory(versions: Array(held.values))
    }
    return byID.values.sorted { $0.id < $1.id }
  }

  /// The coach of the only portfolio held, for a coach checking their own file without naming
  /// themselves.
  public func onlyPortfolioCoach() throws -> CoachID {
    guard portfolios.count == 1, let coach = portfolios.keys.first else {
      throw portfolios.isEmpty
        ? UseCaseError.noPortfolio(nil) : UseCaseError.severalPortfolios(count: portfolios.count)
    }
    return coach
  }

  // MARK: RegistryReading

  public func coach(_ id: CoachID) -> Coach? { coaches[id] }
  public func organisation(_ id: OrganisationID) -> Organisation? { organisations[id] }
  public func placement(_ id: PlacementID) -> Placement? { placements[id] }

  public func placements(coachedBy coach: CoachID) -> [Placement] {
    placements.values.filter { $0.assignedCoaches.contains(coach) }
      .sorted { ($0.period.start, $0.id) < ($1.period.start, $1.id) }
  }

  public func bookings(on placement: PlacementID) -> [HourBooking] {
    bookings.filter { $0.placement == placement }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
  }

  public func decisions(on placement: PlacementID) -> [FunderDecision] {
    decisionList.filter { $0.placement == placement }
  }

  public func allDecisions() -> [PlacementID: [FunderDecision]] {
    Dictionary(grouping: decisionList, by: \.placement)
  }

  public func visitDays(on placements: [PlacementID]) -> [PlacementID: [CalendarDate]] {
    var result: [PlacementID: [CalendarDate]] = [:]
    for placement in placements {
      let days = bookings(on: placement).filter { $0.contact == .visit }.map(\.date)
      if !days.isEmpty { result[placement] = days }
    }
    return result
  }

  public func policyHistory(_ id: PolicyID) -> PolicyHistory? {
    policies.first { $0.id == id }
  }

  public func policyHistories(of municipality: OrganisationID) -> [PolicyHistory] {
    PolicyHistory.byMunicipality(policies.flatMap(\.versions))[municipality] ?? []
  }

  public func defaultMunicipality() -> OrganisationID? { municipality }
  public func memberships(of coach: CoachID) -> [Membership] { memberships[coach] ?? [] }
  public func portfolio(of coach: CoachID) -> Portfolio? { portfolios[coach] }

  public func registers() -> [Register] { registerList }

  public func registerRules(for register: Register) -> RegisterRules {
    RegisterRules(register: register, educations: educations, accreditations: accreditations)
  }

  public func publicRegister(listing number: String) -> PublicRegister? {
    guard var register = publicRegister else { return nil }
    register.entries = register.entries.filter { $0.registerNumber == number }
    return register
  }

  public func allOrganisations() -> [OrganisationID: Organisation] { organisations }
  public func allCoaches() -> [Coach] { coaches.values.sorted { $0.id < $1.id } }
  public func allPlacements() -> [Placement] { placements.values.sorted { $0.id < $1.id } }
  public func allPolicies() -> [PolicyHistory] { policies }
  public func allMemberships() -> [Membership] {
    memberships.keys.sorted().flatMap { memberships[$0]! }
  }

  public func forEachCoach(_ body: (Coach) throws -> Void) rethrows {
    for coach in allCoaches() { try body(coach) }
  }

  public func forEachPlacement(
    withBookings: Bool, _ body: (Placement, [HourBooking]) throws -> Void
  ) rethrows {
    let grouped = withBookings ? Dictionary(grouping: bookings, by: \.placement) : [:]
    for placement in allPlacements() {
      try body(
        placement,
        (grouped[placement.id] ?? []).sorted { ($0.date, $0.id) < ($1.date, $1.id) })
    }
  }
}
