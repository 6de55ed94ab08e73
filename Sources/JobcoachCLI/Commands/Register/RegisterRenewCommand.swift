import JobcoachCore
import JobcoachStore

/// `jobcoach register renew`: five-yearly re-registration (R-RE-1) against the PE norm.
struct RegisterRenewCommand: Command {
  static let spec = CommandSpec(
    name: "register renew",
    summary: "re-register a coach for the cycle ending on or after the date (R-RE-1)",
    synopsis: "COACH_ID [--on DATE] [--actor NAME] [--db PATH]", positionals: 1...1,
    options: [.date, .database, .actor, .wait],
    discussion: """
      Checks the cycle that contains the date against the PE norm that applies to it
      (R-PE-1..3). Met: records the re-registration (exit 0). Not met: shows what is missing
      and changes nothing (exit 1).
      """)

  let arguments: ParsedArguments
  init(_ arguments: ParsedArguments) { self.arguments = arguments }

  func run(_ context: CommandContext) throws -> Int32 {
    let register = try RegisterArguments(arguments, command: Self.spec.name, context: context)
    let renewal = try RenewRegistration(
      coach: register.coach, on: register.date, audit: register.audit
    ).run(in: register.store)
    let decision = renewal.decision
    let cycle = renewal.statement.cycle
    guard let recorded = decision.recorded else {
      context.print(
        "NOT RE-REGISTERED: \(decision.coach.nameAndID) does not meet the norm for cycle "
          + "\(cycle.number) (\(cycle.period))\n\n" + FindingRendering.text(decision.findings))
      return ExitCode.findings
    }
    context.print(
      "RE-REGISTERED: \(decision.coach.nameAndID), \(recorded.membership.registerNumber): "
        + "\(recorded.change.decision)\n")
    return ExitCode.success
  }
}
