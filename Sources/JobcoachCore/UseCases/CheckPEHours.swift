/// "How do my PE hours stand?": a coach's professional development hours in the register cycle
/// a date falls in, against the norm that applies (R-PE-1..3), with what is missing and by
/// when (`jobcoach pe`).
public struct CheckPEHours: Hashable, Sendable {
  public var coach: CoachID
  public var date: CalendarDate

  public init(coach: CoachID, on date: CalendarDate) {
    self.coach = coach
    self.date = date
  }

  /// The statement, from the coach's portfolio (an empty one when none was imported) and the
  /// cycles of their membership, else of the portfolio's `registeredSince`.
  public func run(in registry: some RegistryReading) throws -> CoachPEStatement {
    try registry.reading {
      let record = try registry.coach(coach)
      let portfolio = try registry.portfolio(of: coach)
      guard record != nil || portfolio != nil else { throw UseCaseError.unknownCoach(coach) }
      let held = portfolio ?? Portfolio(coach: coach)
      let rules = try registry.registerRules()
      let cycle: RegisterCycle
      if let membership = try registry.membership(of: coach) {
        // The registration's own period: the running one, or the one that ended unrenewed.
        cycle = membership.standing(on: date, norms: rules.norms).cycle
      } else if let since = held.registeredSince {
        cycle = rules.norms.cycle(containing: date, anchor: since)
      } else {
        throw UseCaseError.cycleUndetermined(coach)
      }
      return CoachPEStatement(
        statement: rules.peStatement(held, cycle: cycle, on: date), name: record?.name,
        claimsChecked: rules.accreditations != nil)
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
}
