/// "Whom must we remind today, and of what?": the deadlines (a registered coach's cycle end, a
/// UWV recognition's end, a qualification's expiry, an insufficient assessment's deadline) and
/// the reminder stages they reach (`jobcoach remind`).
public struct ListReminders: Hashable, Sendable {
  /// Where the reminder stages come from.
  public enum Stages: Hashable, Sendable {
    /// Given by the caller (`--stages 6m,12w,30d,7d`).
    case given(ReminderSchedule)
    /// The stages of the policy that applies (`PolicyResolver`): the one named, else the
    /// caller's municipality's, else the registry's default municipality's, else G4's.
    case policy(named: PolicyID?, municipality: OrganisationID?)
  }

  public var date: CalendarDate
  public var stages: Stages

  public init(on date: CalendarDate, stages: Stages = .policy(named: nil, municipality: nil)) {
    self.date = date
    self.stages = stages
  }

  public func run(in registry: some RegistryReading) throws -> RemindersAnswer {
    try registry.reading {
      var schedule: ReminderSchedule
      var policy: PolicyChoice?
      switch stages {
      case .given(let given):
        schedule = given
      case .policy(let named, let municipality):
        let choice = try PolicyResolver(registry).resolve(
          PolicyQuestion(named: named, municipality: municipality), on: date)
        schedule = choice.policy.reminderStages
        policy = choice
      }
      let deadlines = Reminders.deadlines(
        memberships: try registry.allMemberships(), coaches: try registry.allCoaches(),
        organisations: try registry.allOrganisations(), registers: try registry.registersByID(),
        from: date)
      return RemindersAnswer(
        date: date, schedule: schedule, policy: policy, deadlines: deadlines)
    }
  }
}

/// The answer of `ListReminders`.
public struct RemindersAnswer: Hashable, Sendable {
  public var date: CalendarDate
  public var schedule: ReminderSchedule
  /// The policy the stages came from; nil when the caller gave them.
  public var policy: PolicyChoice?
  /// Every deadline on or after the date, soonest first.
  public var deadlines: [Deadline]

  /// The deadlines that reach a stage exactly on the date: a daily run reminds once per stage.
  public var due: [Reminder] { Reminders.due(deadlines, schedule: schedule, on: date) }

  /// The deadlines within the first stage, for a calendar of what is coming.
  public var withinFirstStage: [Deadline] {
    guard let first = schedule.stages.first else { return [] }
    return deadlines.filter { first.day(before: $0.date) <= date }
  }
}
