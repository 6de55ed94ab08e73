import JobcoachCore
import JobcoachStore

/// `jobcoach register renew`: five-yearly re-registration (R-RE-1) against the PE norm.
struct RegisterRenewCommand: Command {
  static let spec = CommandSpec(
    name: "register renew",
    summary: "re-register a coach for the cycle ending on or after the date (R-RE-1)",
    synopsis: "COACH_ID [--on DATE] [--actor NAME] [--db PATH]", positionals: 1...1,
    options: [.date, .database, .actor],
    discussion: """
      Checks the cycle that contains the date against the PE norm that applies to it
      (R-PE-1..3). Met: records the re-registration (exit 0). Not met: shows what is missing
      and changes nothing (exit 1).
      """)

  let arguments: ParsedArguments
  init(_ arguments: ParsedArguments) { self.arguments = arguments }

  func run(_ context: CommandContext) throws -> Int32 {
    let register = try RegisterContext(arguments, command: Self.spec.name, context: context)
    let membership = try register.requireMembership()
    guard membership.status(on: register.date) == .registered else {
      throw CLIError.badInput(
        "coach '\(register.coach.id)' is \(membership.status(on: register.date)?.rawValue ?? "not yet registered") "
          + "on \(register.date), not registered; re-registration is for registered coaches")
    }
    let statement = try register.store.registerRules().peStatement(
      try register.store.portfolio(of: register.coach.id), anchor: membership.admittedOn,
      on: register.date)
    if let renewal = membership.renewal(in: statement.cycle) {
      throw CLIError.badInput(
        "coach '\(register.coach.id)' was already re-registered for cycle "
          + "\(statement.cycle.number) on \(renewal.date)")
    }
    guard statement.isMet else {
      context.print(
        "NOT RE-REGISTERED: \(register.who) does not meet the norm for cycle "
          + "\(statement.cycle.number) (\(statement.cycle.period))\n\n"
          + FindingRendering.text(statement.findings))
      return ExitCode.findings
    }
    let decision =
      "re-registered for cycle \(statement.cycle.number) (\(statement.cycle.period)): "
      + "\(statement.counted) hours count, \(statement.accredited) accredited"
    _ = try register.record(
      StatusChange(
        date: register.date, status: .registered, rule: .reregistration, decision: decision),
      on: membership)
    context.print("RE-REGISTERED: \(register.who), \(membership.registerNumber): \(decision)\n")
    return ExitCode.success
  }
}
