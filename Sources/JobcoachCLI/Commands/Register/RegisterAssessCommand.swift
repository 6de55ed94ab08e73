import JobcoachCore
import JobcoachStore

/// `jobcoach register assess`: records the judgement of a portfolio assessment (R-ASM-1).
struct RegisterAssessCommand: Command {
  static let spec = CommandSpec(
    name: "register assess", summary: "record a portfolio assessment (R-ASM-1)",
    synopsis:
      "COACH_ID --result sufficient|insufficient [--points TEXT] [--deadline DATE] [--on DATE] [--register ID] [--actor NAME] [--db PATH]",
    positionals: 1...1,
    options: [
      .value("--result", "RESULT", "sufficient or insufficient"),
      .value("--points", "TEXT", "the points to improve (required when insufficient)"),
      .value(
        "--deadline", "DATE", "when an insufficient portfolio must be improved (default: 6 months)"),
      .date, .register, .database, .actor, .wait,
    ],
    discussion: """
      Sufficient: the coach stays registered. Insufficient: the points to improve are recorded
      with a deadline and the status becomes assessment-due; a coach who cannot deliver the
      required quality is then removed with 'jobcoach register remove'.
      """)

  let arguments: ParsedArguments
  let result: AssessmentResult
  let points: String?

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    guard let text = arguments.value("--result") else {
      throw UsageError(
        "missing --result sufficient|insufficient",
        nl: "--result sufficient|insufficient ontbreekt", command: Self.spec.name)
    }
    guard let result = AssessmentResult(rawValue: text) else {
      throw UsageError(
        "unknown result '\(text)'; choose sufficient or insufficient",
        nl: "onbekend resultaat '\(text)'; kies sufficient of insufficient", command: Self.spec.name)
    }
    self.result = result
    points = arguments.value("--points")
    if result == .insufficient, points?.isEmpty ?? true {
      throw UsageError(
        "an insufficient result names the points to improve: --points TEXT",
        nl: "een onvoldoende resultaat noemt de verbeterpunten: --points TEKST",
        command: Self.spec.name
      )
    }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let register = try RegisterArguments(arguments, command: Self.spec.name, context: context)
    var deadline: CalendarDate?
    if result == .insufficient, let text = arguments.value("--deadline") {
      guard let date = CalendarDate(iso: text), date > register.date else {
        throw UsageError(
          "--deadline must be a date after \(register.date)",
          nl: "--deadline is een datum na \(register.date)", command: Self.spec.name)
      }
      try CommandContext.accept(date, option: "--deadline")
      deadline = date
    }
    let recorded = try AssessCoach(
      coach: register.coach, result: result, points: points, deadline: deadline,
      on: register.date, audit: register.audit,
      register: register.registerID
    ).run(in: register.store)
    let words = try context.words(arguments, command: Self.spec.name, format: .text)
    context.print(
      "\(recorded.coach.nameAndID), \(recorded.membership.registerNumber): "
        + (words.language == .nl
          ? result == .sufficient
            ? "portfoliobeoordeling voldoende: ingeschreven, een nieuwe registratieperiode begint op "
              + "\(words.date(register.date)) (R-RE-2)"
            : "portfoliobeoordeling onvoldoende"
              + (deadline.map { "; verbeteren vóór \(words.date($0))" } ?? "") + ": \(points ?? "")"
          : recorded.change.decision) + "\n")
    return ExitCode.success
  }
}
