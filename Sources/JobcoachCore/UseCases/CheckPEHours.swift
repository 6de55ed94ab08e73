/// "How do my PE hours stand?": a coach's professional development hours in the register cycle
/// a date falls in, against the norm that applies (R-PE-1..3), with what is missing and by
/// when (`jobcoach pe`).
public struct CheckPEHours: Hashable, Sendable {
  public var coach: CoachID
  public var date: CalendarDate
  /// The register whose norm applies; nil: the coach's only membership's, else the only
  /// register held.
  public var register: RegisterID?
  /// A portfolio to judge in place of the one held: a coach checking a file before sending it
  /// (nothing is stored). Its coach must be `coach`.
  public var portfolio: Portfolio?

  public init(
    coach: CoachID, on date: CalendarDate, register: RegisterID? = nil, portfolio: Portfolio? = nil
  ) {
    self.coach = coach
    self.date = date
    self.register = register
    self.portfolio = portfolio
  }

  /// The statement, from the coach's portfolio (an empty one when none was imported) and the
  /// cycles of their membership, else of the portfolio's `registeredSince`.
  public func run(in registry: some RegistryReading) throws -> CoachPEStatement {
    try registry.reading {
      let record = try registry.coach(coach)
      let portfolio = try self.portfolio ?? registry.portfolio(of: coach)
      guard record != nil || portfolio != nil else { throw UseCaseError.unknownCoach(coach) }
      let held = portfolio ?? Portfolio(coach: coach)
      let (register, membership) = try registry.membership(of: coach, named: register)
      let rules = try registry.registerRules(for: register)
      let cycle: RegisterCycle
      var standing: RegistrationStanding?
      if let membership {
        // The registration's own period: the running one, or the one that ended unrenewed.
        standing = membership.standing(on: date, in: register)
        cycle = standing!.cycle
      } else if let since = held.registeredSince {
        cycle = rules.norms.cycle(containing: date, anchor: since)
      } else {
        throw UseCaseError.cycleUndetermined(coach)
      }
      return CoachPEStatement(
        statement: rules.peStatement(held, cycle: cycle, on: date), name: record?.name,
        claimsChecked: rules.accreditations != nil, register: register, membership: membership,
        standing: standing)
    }
  }
}

/// The answer of `CheckPEHours`.
public struct CoachPEStatement: Hashable, Sendable {
  public var statement: PEStatement
  /// The coach's name, when the registry holds the coach.
  public var name: String?
  /// Whether accredited claims were checked against an accreditation catalogue; without one
  /// they are taken as claimed.
  public var claimsChecked: Bool
  /// The register whose norm and periods applied.
  public var register: Register
  /// The coach's membership of it, and its standing on the date; nil for a portfolio's own
  /// `registeredSince`.
  public var membership: Membership?
  public var standing: RegistrationStanding?

  /// Days left in the period judged; nil when none are (the period ended, or the
  /// registration lapsed): "-1 days left" is no answer.
  public var daysLeft: Int? {
    guard standing?.lapsedOn == nil, statement.daysLeft >= 0 else { return nil }
    return statement.daysLeft
  }
}
