/// A registry held in memory: the reference implementation of `RegistryReading`. It answers
/// every question plainly from its values and takes no shortcut (`cycleTotals` answers
/// nothing), so the use cases judge every coach from the portfolio. Tests build one directly;
/// `pe --file` builds one from a coach's own documents, which need not be a whole registry.
public struct InMemoryRegistry: RegistryReading, Sendable {
  public var organisations: [OrganisationID: Organisation] = [:]
  public var coaches: [CoachID: Coach] = [:]
  public var placements: [PlacementID: Placement] = [:]
  public var bookings: [HourBooking] = []
  public var policies: [PolicyHistory] = []
  public var memberships: [CoachID: Membership] = [:]
  public var portfolios: [CoachID: Portfolio] = [:]
  public var educations: [EducationID: RecognisedEducation] = [:]
  /// Nil when no catalogue is held: claims are then taken as claimed.
  public var accreditations: [String: Accreditation]?
  public var norms: PENormHistory = .seedDefault
  public var publicRegister: PublicRegister?
  public var municipality: OrganisationID?

  public init(
    organisations: [Organisation] = [], coaches: [Coach] = [], placements: [Placement] = [],
    bookings: [HourBooking] = [], policies: [MunicipalPolicy] = [],
    memberships: [Membership] = [], portfolios: [Portfolio] = [],
    educations: [RecognisedEducation] = [], accreditations: [Accreditation]? = nil,
    norms: [PENorm] = [], publicRegister: PublicRegister? = nil,
    defaultMunicipality: OrganisationID? = nil
  ) {
    for organisation in organisations { self.organisations[organisation.id] = organisation }
    for coach in coaches { self.coaches[coach.id] = coach }
    for placement in placements { self.placements[placement.id] = placement }
    self.bookings = bookings
    self.policies = Dictionary(grouping: policies, by: \.id).values
      .map(PolicyHistory.init(versions:)).sorted { $0.id < $1.id }
    for membership in memberships { self.memberships[membership.coach] = membership }
    for portfolio in portfolios { self.portfolios[portfolio.coach] = portfolio }
    for education in educations { self.educations[education.id] = education }
    self.accreditations = accreditations.map { list in
      Dictionary(list.map { ($0.code, $0) }, uniquingKeysWith: { _, last in last })
    }
    self.norms = PENormHistory(versions: norms)
    self.publicRegister = publicRegister
    self.municipality = defaultMunicipality
  }

  /// The records of an import batch, each id taking its last record (as an import does).
  public init(_ batch: ImportBatch) {
    self.init(
      organisations: batch.organisations.map(\.value), coaches: batch.coaches.map(\.value),
      placements: batch.placements.map(\.value), bookings: batch.bookings.map(\.value),
      policies: batch.policies.map(\.value), memberships: batch.memberships.map(\.value),
      portfolios: batch.portfolios.map(\.value), educations: batch.educations.map(\.value),
      accreditations: batch.accreditations.isEmpty ? nil : batch.accreditations.map(\.value),
      norms: batch.norms.map(\.value), publicRegister: batch.publicRegisters.last?.value)
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
    placements.values.filter { $0.coach == coach }
      .sorted { ($0.period.start, $0.id) < ($1.period.start, $1.id) }
  }

  public func bookings(on placement: PlacementID) -> [HourBooking] {
    bookings.filter { $0.placement == placement }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
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
  public func membership(of coach: CoachID) -> Membership? { memberships[coach] }
  public func portfolio(of coach: CoachID) -> Portfolio? { portfolios[coach] }

  public func registerRules() -> RegisterRules {
    RegisterRules(educations: educations, accreditations: accreditations, norms: norms)
  }

  public func peNorms() -> PENormHistory { norms }

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
    memberships.values.sorted { $0.coach < $1.coach }
  }

  public func forEachPlacementsBookings(_ body: (PlacementID, [HourBooking]) throws -> Void)
    rethrows
  {
    let grouped = Dictionary(grouping: bookings, by: \.placement)
    for placement in grouped.keys.sorted() {
      try body(placement, grouped[placement]!.sorted { ($0.date, $0.id) < ($1.date, $1.id) })
    }
  }
}
