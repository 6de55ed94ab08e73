import JobcoachCore
import JobcoachStore

/// `jobcoach register admit`: admission against R-ADM-1 and R-ADM-2.
struct RegisterAdmitCommand: Command {
  static let spec = CommandSpec(
    name: "register admit", summary: "admit a coach to the register (R-ADM-1, R-ADM-2)",
    synopsis: "COACH_ID [--on DATE] [--register ID] [--actor NAME] [--db PATH]", positionals: 1...1,
    options: [.date, .register, Language.option, .database, .actor, .wait],
    discussion: """
      Admits the coach when their portfolio holds a diploma of an education the association
      recognised on the diploma date (R-ADM-1) and at least 1,400 hours of experience that
      ended by the date (R-ADM-2); assigns the next register number. Otherwise explains what is
      missing and changes nothing.

      exit codes: 0 admitted, 1 not admitted, 65 unknown coach or already registered.
      """)

  let arguments: ParsedArguments
  init(_ arguments: ParsedArguments) { self.arguments = arguments }

  func run(_ context: CommandContext) throws -> Int32 {
    let register = try RegisterArguments(arguments, command: Self.spec.name, context: context)
    let words = try context.words(arguments, command: Self.spec.name, format: .text)
    let decision = try AdmitCoach(
      coach: register.coach, on: register.date, audit: register.audit,
      register: register.registerID
    )
    .run(in: register.store)
    guard let membership = decision.recorded?.membership else {
      context.print(
        words.say(
          "NOT ADMITTED: \(decision.coach.nameAndID) does not meet the entry requirements of "
            + "\(decision.register.name) on \(register.date)",
          "NIET INGESCHREVEN: \(decision.coach.nameAndID) voldoet op \(words.date(register.date)) "
            + "niet aan de toelatingseisen van \(decision.register.name)") + "\n\n"
          + FindingRendering.text(decision.findings, words))
      return ExitCode.findings
    }
    context.print(
      words.say(
        "ADMITTED: \(decision.coach.nameAndID) is registered in \(decision.register.name) as "
          + "\(membership.registerNumber) from \(register.date)",
        "INGESCHREVEN: \(decision.coach.nameAndID) staat in \(decision.register.name) als "
          + "\(membership.registerNumber) vanaf \(words.date(register.date))") + "\n\n"
        + FindingRendering.text(decision.findings, words))
    return ExitCode.success
  }
}
