import JobcoachCore
import JobcoachStore

/// `jobcoach register admit`: admission against R-ADM-1 and R-ADM-2.
struct RegisterAdmitCommand: Command {
  static let spec = CommandSpec(
    name: "register admit", summary: "admit a coach to the register (R-ADM-1, R-ADM-2)",
    synopsis: "COACH_ID [--on DATE] [--actor NAME] [--db PATH]", positionals: 1...1,
    options: [.date, .database, .actor],
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
    let register = try RegisterContext(arguments, command: Self.spec.name, context: context)
    if let membership = register.membership, membership.status(on: register.date) != .removed {
      throw CLIError.badInput(
        "coach '\(register.coach.id)' is already in the register as \(membership.registerNumber) "
          + "since \(membership.admittedOn)")
    }
    let rules = try register.store.registerRules()
    let findings = rules.admissionFindings(
      try register.store.portfolio(of: register.coach.id), on: register.date)
    guard findings.allSatisfy({ $0.outcome == .met }) else {
      context.print(
        "NOT ADMITTED: \(register.who) does not meet the entry requirements on \(register.date)\n\n"
          + FindingRendering.text(findings))
      return ExitCode.findings
    }
    let admission = StatusChange(
      date: register.date, status: .registered, rule: .admissionEducation,
      decision: "admitted: meets R-ADM-1 and R-ADM-2")
    let membership = try register.store.save(
      Membership(
        coach: register.coach.id, registerNumber: "", admittedOn: register.date,
        route: .entryRequirements, statusChanges: [admission]),
      audit: register.audit,
      entries: [
        register.statusEntry(admission, from: register.membership?.status(on: register.date))
      ])
    context.print(
      "ADMITTED: \(register.who) is registered as \(membership.registerNumber) from "
        + "\(register.date)\n\n" + FindingRendering.text(findings))
    return ExitCode.success
  }
}
