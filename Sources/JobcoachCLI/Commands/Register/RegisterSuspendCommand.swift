import JobcoachCore
import JobcoachStore

/// `jobcoach register suspend`: suspends a registration from a date (R-RE-4).
struct RegisterSuspendCommand: Command {
  static let spec = CommandSpec(
    name: "register suspend", summary: "suspend a coach's registration, with the reason (R-RE-4)",
    synopsis:
      "COACH_ID --reason TEXT [--on DATE] [--until DATE] [--register ID] [--actor NAME] [--db PATH]",
    positionals: 1...1,
    options: [
      .value("--reason", "TEXT", "why the registration is suspended"),
      .value("--until", "DATE", "the last day of the suspension (default: until reinstated)"),
      .date, .register, .database, .actor, .wait,
    ],
    discussion: """
      From the date the coach is published as suspended and is not registered in good
      standing (verify does not count them as registered). With --until the reinstatement the
      day after is recorded at once; without it, 'jobcoach register reinstate' ends it.

      exit codes: 0 suspended, 64 no reason, 65 not registered on the date or no such coach.
      """)

  let arguments: ParsedArguments
  let reason: String

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    reason = try arguments.reason(
      command: Self.spec.name, why: ": a suspension is always explained")
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let until = try context.date(arguments, option: "--until", command: Self.spec.name)
    let register = try RegisterArguments(arguments, command: Self.spec.name, context: context)
    let words = try context.words(arguments, command: Self.spec.name, format: .text)
    let recorded = try SuspendCoach(
      coach: register.coach, reason: reason, on: register.date, until: until,
      audit: register.audit,
      register: register.registerID
    ).run(in: register.store)
    context.print(
      "\(recorded.coach.nameAndID), \(recorded.membership.registerNumber): "
        + words.say(
          "suspended from \(register.date)" + (until.map { " until \($0)" } ?? " until reinstated"),
          "geschorst vanaf \(words.date(register.date))"
            + (until.map { " t/m \(words.date($0))" } ?? " tot herstel"))
        + " (\(RuleID.suspension))\n")
    return ExitCode.success
  }
}

/// `jobcoach register reinstate`: ends a suspension (R-RE-4).
struct RegisterReinstateCommand: Command {
  static let spec = CommandSpec(
    name: "register reinstate", summary: "end a coach's suspension (R-RE-4)",
    synopsis: "COACH_ID [--on DATE] [--register ID] [--actor NAME] [--db PATH]", positionals: 1...1,
    options: [.date, .register, .database, .actor, .wait],
    discussion: """
      From the date the registration stands as it did before the suspension.

      exit codes: 0 reinstated, 65 not suspended on the date or no such coach.
      """)

  let arguments: ParsedArguments
  init(_ arguments: ParsedArguments) { self.arguments = arguments }

  func run(_ context: CommandContext) throws -> Int32 {
    let register = try RegisterArguments(arguments, command: Self.spec.name, context: context)
    let words = try context.words(arguments, command: Self.spec.name, format: .text)
    let recorded = try ReinstateCoach(
      coach: register.coach, on: register.date, audit: register.audit,
      register: register.registerID
    ).run(in: register.store)
    context.print(
      "\(recorded.coach.nameAndID), \(recorded.membership.registerNumber): "
        + words.say("reinstated on \(register.date)", "hersteld op \(words.date(register.date))")
        + " (\(RuleID.suspension))\n")
    return ExitCode.success
  }
}
