import JobcoachCore
import JobcoachStore

/// `jobcoach hours decide`: the funder's decision on held hours (F-7).
struct HoursDecideCommand: Command {
  static let spec = CommandSpec(
    name: "hours decide",
    summary: "record the funder's decision on held hours: accept or reject (F-7)",
    synopsis:
      "PLACEMENT_ID --bookings ID[,ID...] --accept|--reject --reason TEXT --by NAME [--on DATE] "
      + "[--actor NAME] [--db PATH]",
    positionals: 1...1,
    options: [
      .value(
        "--bookings", "ID,...", "the bookings decided on, comma-separated or repeated",
        repeatable: true),
      .flag("--accept", "the held hours are paid"),
      .flag("--reject", "the held hours are not paid"),
      .value("--reason", "TEXT", "why, as the funder decided"),
      .value("--by", "NAME", "who decided for the funder"),
      .date, .database, .actor, .wait,
    ],
    discussion: """
      Hours held for the funder (reporting beyond 2 hours per report, P-3; an activity the
      protocol does not name, P-4; home-situation hours not stated to be work-related, P-7;
      coaching during a holiday, P-5) stay unpaid until the funder decides. The decision
      covers the held hours of each booking named, from its date on; 'placement show' and
      'hours report' list it beside the hours. Recorded in the audit trail.

      exit codes: 0 recorded, 64 usage, 65 a booking not on the placement or with nothing
      held, 66 registry missing.

      example: jobcoach hours decide PL-2026-009 --bookings BK-0045 --accept
        --reason "report needed a second round" --by "UWV, J. de Wit" --on 2026-11-23
      """)

  let arguments: ParsedArguments
  let placement: PlacementID
  let bookings: [BookingID]
  let outcome: DecisionOutcome
  let reason: String
  let decidedBy: String

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    placement = PlacementID(rawValue: arguments.positionals[0])
    bookings = arguments.allValues("--bookings").flatMap { $0.split(separator: ",") }
      .map { BookingID(rawValue: String($0.filter { $0 != " " })) }
      .filter { !$0.rawValue.isEmpty }
    guard !bookings.isEmpty else {
      throw UsageError(
        "name the bookings decided on: --bookings ID[,ID...]",
        nl: "noem de urenregels van het besluit: --bookings ID[,ID...]", command: Self.spec.name)
    }
    switch (arguments.flag("--accept"), arguments.flag("--reject")) {
    case (true, false): outcome = .accept
    case (false, true): outcome = .reject
    default:
      throw UsageError(
        "give exactly one of --accept and --reject",
        nl: "geef precies één van --accept en --reject", command: Self.spec.name)
    }
    reason = try arguments.reason(command: Self.spec.name)
    guard let by = arguments.value("--by"), !by.allSatisfy(\.isWhitespace) else {
      throw UsageError(
        "missing --by NAME: who decided for the funder",
        nl: "--by NAAM ontbreekt: wie besliste namens de financier", command: Self.spec.name)
    }
    decidedBy = by
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let date = try context.date(arguments, command: Self.spec.name)
    let audit = try context.audit(Self.spec.name, arguments)
    let store = try context.openRegistryFile(arguments, command: Self.spec.name)
    let (decision, settled) = try DecideHeldHours(
      placement: placement, bookings: bookings, outcome: outcome, reason: reason,
      decidedBy: decidedBy, on: date, audit: audit
    ).run(in: store)
    let hours = settled.reduce(Hours.zero) { $0 + $1.hours }
    let w = try context.words(arguments, command: Self.spec.name, format: .text)
    let accepted = decision.outcome == .accept
    let list = bookings.map(\.rawValue).joined(separator: ", ")
    context.print(
      w.say(
        "\(accepted ? "ACCEPTED" : "REJECTED"): \(w.hours(hours)) held on placement \(placement) "
          + "(\(list)), decision \(decision.id) of \(date) by \(decidedBy): \(reason)",
        "\(accepted ? "GEACCEPTEERD" : "AFGEWEZEN"): \(w.hours(hours)) ter beoordeling op plaatsing "
          + "\(placement) (\(list)), besluit \(decision.id) van \(w.date(date)) door "
          + "\(decidedBy): \(reason)") + "\n")
    return ExitCode.success
  }
}
