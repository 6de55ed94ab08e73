import JobcoachCore
import JobcoachStore

/// `jobcoach register remove`: takes a coach off the register, with the reason.
struct RegisterRemoveCommand: Command {
  static let spec = CommandSpec(
    name: "register remove", summary: "remove a coach from the register, with the reason",
    synopsis: "COACH_ID --reason TEXT [--on DATE] [--register ID] [--actor NAME] [--db PATH]",
    positionals: 1...1,
    options: [
      .value("--reason", "TEXT", "why the coach is removed"),
      .date, .register, .database, .actor, .wait,
    ],
    discussion: """
      Records the status 'removed' under R-ASM-1 when the last assessment was insufficient,
      else under R-RE-1. The history stays; nothing is deleted.
      """)

  let arguments: ParsedArguments
  let reason: String

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    reason = try arguments.reason(command: Self.spec.name)
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let register = try RegisterArguments(arguments, command: Self.spec.name, context: context)
    let words = try context.words(arguments, command: Self.spec.name, format: .text)
    let recorded = try RemoveCoach(
      coach: register.coach, reason: reason, on: register.date, audit: register.audit,
      register: register.registerID
    ).run(in: register.store)
    context.print(
      "\(recorded.coach.nameAndID), \(recorded.membership.registerNumber): "
        + words.say(
          "removed from the register on \(register.date)",
          "uitgeschreven uit het register op \(words.date(register.date))")
        + " (\(recorded.change.rule))\n")
    return ExitCode.success
  }
}
