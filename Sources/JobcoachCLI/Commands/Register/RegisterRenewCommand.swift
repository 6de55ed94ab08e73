import JobcoachCore
import JobcoachStore

/// `jobcoach register renew`: five-yearly re-registration (R-RE-1) against the PE norm.
struct RegisterRenewCommand: Command {
  static let spec = CommandSpec(
    name: "register renew",
    summary: "re-register a coach for the next period (R-RE-1, R-RE-3)",
    synopsis: "COACH_ID [--on DATE] [--register ID] [--actor NAME] [--db PATH]", positionals: 1...1,
    options: [.date, .register, Language.option, .database, .actor, .wait],
    discussion: """
      Judges the period that is ending (from six months before its last day) or, in the three
      months' grace after it, the period that ended, against the PE norm that applies to it
      (R-PE-1..4), counting what was spent by the date. Met: records the re-registration; the
      next period starts the day after the judged one ends, and the output names it (exit 0).
      Not met: shows what is missing and changes nothing (exit 1). Before the window opens
      or after the grace period: refused with the dates (exit 65).
      """)

  let arguments: ParsedArguments
  init(_ arguments: ParsedArguments) { self.arguments = arguments }

  func run(_ context: CommandContext) throws -> Int32 {
    let register = try RegisterArguments(arguments, command: Self.spec.name, context: context)
    let words = try context.words(arguments, command: Self.spec.name, format: .text)
    let renewal = try RenewRegistration(
      coach: register.coach, on: register.date, audit: register.audit,
      register: register.registerID
    ).run(in: register.store)
    let decision = renewal.decision
    let cycle = renewal.statement.cycle
    guard let recorded = decision.recorded else {
      context.print(
        words.say(
          "NOT RE-REGISTERED: \(decision.coach.nameAndID) does not meet the norm for cycle "
            + "\(cycle.number) (\(cycle.period))",
          "NIET GEHERREGISTREERD: \(decision.coach.nameAndID) voldoet niet aan de norm voor "
            + "registratieperiode \(cycle.number) (\(words.interval(cycle.period)))")
          + "\n\n" + FindingRendering.text(decision.findings, words))
      return ExitCode.findings
    }
    guard words.language == .nl else {
      let next = renewal.nextPeriod.map { ", valid until \($0.end)" } ?? ""
      context.print(
        "RE-REGISTERED: \(decision.coach.nameAndID), \(recorded.membership.registerNumber): "
          + "\(recorded.change.decision)\(next)\n")
      return ExitCode.success
    }
    context.print(
      "GEHERREGISTREERD: \(decision.coach.nameAndID), \(recorded.membership.registerNumber): "
        + "registratieperiode \(cycle.number) (\(words.interval(cycle.period))) telt "
        + "\(words.hours(renewal.statement.counted)), waarvan \(words.hours(renewal.statement.accredited)) "
        + "geaccrediteerd"
        + (renewal.nextPeriod.map {
          "; registratieperiode \($0.number) (\(words.interval($0.period))), geldig t/m "
            + words.date($0.end)
        } ?? "") + "\n")
    return ExitCode.success
  }
}
