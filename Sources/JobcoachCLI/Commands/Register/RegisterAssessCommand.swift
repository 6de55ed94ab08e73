import JobcoachCore
import JobcoachStore

/// `jobcoach register assess`: records the judgement of a portfolio assessment (R-ASM-1).
struct RegisterAssessCommand: Command {
  static let spec = CommandSpec(
    name: "register assess", summary: "record a portfolio assessment (R-ASM-1)",
    synopsis:
      "COACH_ID --result sufficient|insufficient [--points TEXT] [--deadline DATE] [--on DATE] [--actor NAME] [--db PATH]",
    positionals: 1...1,
    options: [
      .value("--result", "RESULT", "sufficient or insufficient"),
      .value("--points", "TEXT", "the points to improve (required when insufficient)"),
      .value(
        "--deadline", "DATE", "when an insufficient portfolio must be improved (default: 6 months)"),
      .date, .database, .actor,
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
      throw UsageError("missing --result sufficient|insufficient", command: Self.spec.name)
    }
    guard let result = AssessmentResult(rawValue: text) else {
      throw UsageError(
        "unknown result '\(text)'; choose sufficient or insufficient", command: Self.spec.name)
    }
    self.result = result
    points = arguments.value("--points")
    if result == .insufficient, points?.isEmpty ?? true {
      throw UsageError(
        "an insufficient result names the points to improve: --points TEXT", command: Self.spec.name
      )
    }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let register = try RegisterContext(arguments, command: Self.spec.name, context: context)
    let membership = try register.requireMembership()
    if membership.status(on: register.date) == .removed {
      throw CLIError.badInput("coach '\(register.coach.id)' was removed from the register")
    }
    var deadline: CalendarDate?
    if result == .insufficient {
      if let text = arguments.value("--deadline") {
        guard let date = CalendarDate(iso: text), date > register.date else {
          throw UsageError(
            "--deadline must be a date after \(register.date)", command: Self.spec.name)
        }
        deadline = date
      } else {
        deadline = register.date.adding(months: 6)
      }
    }
    let assessment = Assessment(
      judgedOn: register.date, result: result, improvementPoints: points, deadline: deadline)
    let change =
      result == .sufficient
      ? StatusChange(
        date: register.date, status: .registered, rule: .assessment,
        decision: "portfolio assessment sufficient: stays registered")
      : StatusChange(
        date: register.date, status: .assessmentDue, rule: .assessment,
        decision: "portfolio assessment insufficient; improve by \(deadline!): \(points!)")
    _ = try register.record(change, assessment: assessment, on: membership)
    context.print("\(register.who), \(membership.registerNumber): \(change.decision)\n")
    return ExitCode.success
  }
}
