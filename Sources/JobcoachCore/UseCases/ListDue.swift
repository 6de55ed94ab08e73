/// "Who must re-register or be assessed soon?": registered coaches whose cycle ends within a
/// window, with the hours they still miss, and earlier registrants with an assessment due
/// (R-ASM-1), soonest first (`jobcoach register due`).
public struct ListDue: Hashable, Sendable {
  public var date: CalendarDate
  /// The window, in days from the date.
  public var within: Int
  /// The register; nil: the only register held.
  public var register: RegisterID?

  public init(on date: CalendarDate, within: Int = 90, register: RegisterID? = nil) {
    self.date = date
    self.within = within
    self.register = register
  }

  /// One coach who must act.
  public struct Item: Hashable, Sendable {
    public enum Reason: String, Hashable, Sendable {
      case reregistration = "re-registration"
      case assessment
    }
    public var coach: CoachID
    public var name: String
    public var registerNumber: String
    public var reason: Reason
    public var due: CalendarDate
    /// For a re-registration: what the running cycle still misses.
    public var missingAccredited: Hours?
    public var missingHours: Hours?
  }

  public func run(in registry: some RegistryReading) throws -> [Item] {
    try registry.reading {
      let register = try registry.register(named: self.register)
      let rules = try registry.registerRules(for: register)
      var names: [CoachID: String] = [:]
      for coach in try registry.allCoaches() { names[coach.id] = coach.name }
      // Only the cycles ending within the window need their hours.
      let members = try registry.allMemberships().filter {
        $0.register == register.id && $0.status(on: date) != .removed && $0.status(on: date) != nil
      }
      // Periods ending within the window, and lapsed ones still in their grace period.
      let ending = members.filter { membership in
        let standing = membership.standing(on: date, in: register)
        return
          (standing.isRegistered && standing.renewal == nil
          && date.days(until: standing.cycle.end) <= within) || standing.isInGracePeriod
      }
      let pe = try RegisterPE(
        ending + members.filter { $0.route == .earlierAdmission }, on: date, rules: rules,
        registry: registry, portfoliosFor: { $0.route == .earlierAdmission })
      var items: [Item] = []
      for membership in ending {
        let statement = try pe.statement(of: membership)
        items.append(
          Item(
            coach: membership.coach, name: names[membership.coach] ?? "",
            registerNumber: membership.registerNumber, reason: .reregistration,
            due: statement.cycle.end, missingAccredited: statement.missingAccredited,
            missingHours: statement.missingHours))
      }
      for membership in members where membership.route == .earlierAdmission {
        let assessment = rules.assessmentFindings(
          membership, portfolio: try pe.portfolio(of: membership.coach), on: date)
        guard assessment.contains(where: { $0.outcome == .unmet }) else { continue }
        items.append(
          Item(
            coach: membership.coach, name: names[membership.coach] ?? "",
            registerNumber: membership.registerNumber, reason: .assessment,
            due: membership.latestAssessment(on: date)?.deadline ?? date))
      }
      return items.sorted { ($0.due, $0.coach) < ($1.due, $1.coach) }
    }
  }
}
