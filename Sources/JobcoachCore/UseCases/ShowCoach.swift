/// "What does the registry hold on this coach?": employments, qualifications and placements,
/// with the organisations' names (`jobcoach show`).
public struct ShowCoach: Hashable, Sendable {
  public var coach: CoachID
  /// The date the registration's standing is shown on.
  public var date: CalendarDate

  public init(coach: CoachID, on date: CalendarDate) {
    self.coach = coach
    self.date = date
  }

  public func run(in registry: some RegistryReading) throws -> CoachProfile {
    try registry.reading {
      guard let coach = try registry.coach(coach) else { throw UseCaseError.unknownCoach(coach) }
      let placements = try registry.placements(coachedBy: coach.id)
      var names: [OrganisationID: String] = [:]
      for id in Set(coach.employments.map(\.organisation) + placements.map(\.employer)) {
        names[id] = try registry.organisation(id)?.name
      }
      let registers = try registry.registersByID()
      let registrations = try registry.memberships(of: coach.id).map { membership in
        let register = registers[membership.register] ?? Register(id: membership.register, name: "")
        return CoachProfile.Registration(
          register: register, membership: membership,
          standing: membership.standing(on: date, in: register))
      }
      return CoachProfile(
        coach: coach, placements: placements, organisationNames: names,
        registrations: registrations)
    }
  }
}

/// The answer of `ShowCoach`.
public struct CoachProfile: Hashable, Sendable {
  public var coach: Coach
  /// By start date.
  public var placements: [Placement]
  /// The names of the organisations the coach and the placements refer to, where known.
  public var organisationNames: [OrganisationID: String]
  /// The coach's memberships, one per register, each with how it stands on the date.
  public var registrations: [Registration]

  /// A membership of one register and its standing on the date.
  public struct Registration: Hashable, Sendable {
    public var register: Register
    public var membership: Membership
    public var standing: RegistrationStanding
  }
}

/// "Which coaches are there, as what, on this date?" (`jobcoach list`): a row per coach and
/// employment in force, and a row for a coach with none (unless a kind is asked for).
public struct ListCoaches: Hashable, Sendable {
  public var kind: CoachKind?
  public var date: CalendarDate

  public init(kind: CoachKind? = nil, on date: CalendarDate) {
    self.kind = kind
    self.date = date
  }

  public struct Row: Hashable, Sendable {
    public var coach: Coach
    public var employment: Employment?
    public var organisationName: String?
  }

  public func run(in registry: some RegistryReading) throws -> [Row] {
    try registry.reading {
      let organisations = try registry.allOrganisations()
      var rows: [Row] = []
      for coach in try registry.allCoaches() {
        let employments = coach.employments(on: date).filter { kind == nil || $0.kind == kind }
        if employments.isEmpty {
          if kind == nil { rows.append(Row(coach: coach)) }
          continue
        }
        for employment in employments {
          rows.append(
            Row(
              coach: coach, employment: employment,
              organisationName: organisations[employment.organisation]?.name))
        }
      }
      return rows
    }
  }
}
