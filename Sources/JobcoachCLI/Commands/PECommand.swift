import JobcoachCore
import JobcoachStore

/// `jobcoach pe`: a coach checks their professional development hours in the current cycle.
struct PECommand: Command {
  static let spec = CommandSpec(
    name: "pe", summary: "check a coach's PE hours in the current cycle against the norm",
    synopsis: "COACH_ID [--on DATE] [--format text|json] [--db PATH]\n"
      + "       jobcoach pe --file PORTFOLIO.json [--file CATALOGUE.json...] [COACH_ID] [--on DATE]",
    positionals: 0...1,
    options: [
      .date,
      .value("--format", "FORMAT", "text or json (default text)"),
      .database,
      .value(
        "--file", "PATH",
        "check from documents (a portfolio, and optionally the accreditation "
          + "catalogue, educations, norms, memberships) without a registry", repeatable: true),
    ],
    discussion: """
      Shows the cycle the date falls in, accredited and free hours, how many free hours count
      (R-PE-3), the total that counts (R-PE-1), what is missing for each part of the norm
      (R-PE-2), the days left, and each activity that did not count and why. The cycles run
      five years (as the norm says) from the admission date, or from the portfolio's
      registeredSince when the coach is not in the registry.

      With --file and no accreditation catalogue among the documents, accredited activities are
      taken as claimed (the codes cannot be checked).

      exit codes: 0 norm met on the date, 1 not met, 65 bad input, 66 missing file or registry.

      example: jobcoach pe --file Samples/portfolios.json JC-0002 --on 2026-11-23
      """)

  let coachID: CoachID?
  let format: OutputFormat
  let arguments: ParsedArguments

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    coachID = arguments.positionals.first.map(CoachID.init(rawValue:))
    format = try OutputFormat.parse(
      arguments.value("--format"), allowed: [.text, .json], command: Self.spec.name)
    if coachID == nil, arguments.allValues("--file").isEmpty {
      throw UsageError("name a coach, or a portfolio with --file", command: Self.spec.name)
    }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let date = try context.date(arguments, command: Self.spec.name)
    let files = arguments.allValues("--file")
    let statement: PEStatement
    let name: String?
    if files.isEmpty {
      let store = try RegistryStore.open(at: context.databasePath(arguments))
      let id = coachID!
      guard let coach = try store.coach(id) else {
        throw CLIError.badInput("no coach with id '\(id)' in the registry")
      }
      name = coach.name
      let portfolio = try store.portfolio(of: id)
      let anchor = try Self.anchor(portfolio, membership: try store.membership(of: id))
      statement = try store.registerRules().peStatement(portfolio, anchor: anchor, on: date)
    } else {
      let batch = try DocumentLoader.load(files)
      let portfolios = batch.portfolios.map(\.value)
      let portfolio: Portfolio
      if let coachID {
        guard let found = portfolios.first(where: { $0.coach == coachID }) else {
          throw CLIError.badInput("no portfolio of coach '\(coachID)' in the documents")
        }
        portfolio = found
      } else {
        guard portfolios.count == 1 else {
          throw CLIError.badInput(
            portfolios.isEmpty
              ? "the documents hold no portfolio"
              : "the documents hold \(portfolios.count) portfolios; name the coach")
        }
        portfolio = portfolios[0]
      }
      name = batch.coaches.first { $0.value.id == portfolio.coach }?.value.name
      let membership = batch.memberships.first { $0.value.coach == portfolio.coach }?.value
      let rules = RegisterRules(
        educations: Dictionary(batch.educations.map { ($0.value.id, $0.value) }) { $1 },
        accreditations: batch.accreditations.isEmpty
          ? nil : Dictionary(batch.accreditations.map { ($0.value.code, $0.value) }) { $1 },
        norms: PENormHistory(versions: batch.norms.map(\.value)))
      statement = rules.peStatement(
        portfolio, anchor: try Self.anchor(portfolio, membership: membership), on: date)
    }
    switch format {
    case .json: context.print(JSONWriter.string(Self.json(statement, name: name)))
    default: context.print(Self.text(statement, name: name))
    }
    return statement.isMet ? ExitCode.success : ExitCode.findings
  }

  /// Where the cycles start: the admission date, else the portfolio's registeredSince.
  static func anchor(_ portfolio: Portfolio, membership: Membership?) throws -> CalendarDate {
    if let membership { return membership.admittedOn }
    if let since = portfolio.registeredSince { return since }
    throw CLIError.badInput(
      "coach '\(portfolio.coach)' is not in the register and the portfolio gives no "
        + "'registeredSince': the cycle cannot be determined")
  }

  static func json(_ statement: PEStatement, name: String?) -> JSONValue {
    .object([
      "coach": JSONValue(statement.coach.rawValue),
      "name": JSONValue(name),
      "on": JSONValue(statement.date),
      "cycle": .object([
        "number": JSONValue(statement.cycle.number),
        "start": JSONValue(statement.cycle.start), "end": JSONValue(statement.cycle.end),
      ]),
      "norm": .object([
        "name": JSONValue(statement.norm.name),
        "effectiveFrom": JSONValue(statement.norm.effectiveFrom),
        "totalHours": JSONValue(statement.norm.totalHours),
        "minimumAccreditedHours": JSONValue(statement.norm.minimumAccredited),
        "maximumFreeHours": JSONValue(statement.norm.maximumFree),
      ]),
      "accreditedHours": JSONValue(statement.accredited),
      "freeHours": JSONValue(statement.free),
      "countedFreeHours": JSONValue(statement.countedFree),
      "countedHours": JSONValue(statement.counted),
      "missingAccreditedHours": JSONValue(statement.missingAccredited),
      "missingHours": JSONValue(statement.missingHours),
      "met": JSONValue(statement.isMet),
      "daysLeft": JSONValue(statement.daysLeft),
      "activities": .array(
        statement.activities.map { judgement in
          .object([
            "id": JSONValue(judgement.activity.id.rawValue),
            "date": JSONValue(judgement.activity.date),
            "hours": JSONValue(judgement.activity.hours),
            "title": JSONValue(judgement.activity.title),
            "category": JSONValue(judgement.activity.category.rawValue),
            "countedAs": JSONValue(judgement.countedAs?.rawValue),
            "countedHours": JSONValue(judgement.countedHours),
            "note": JSONValue(judgement.note),
          ])
        }),
      "findings": .array(statement.findings.map(FindingRendering.json)),
    ])
  }

  static func text(_ statement: PEStatement, name: String?) -> String {
    let who = name.map { "\($0) (\(statement.coach))" } ?? statement.coach.rawValue
    let norm = statement.norm
    var text = "PE hours of \(who) on \(statement.date): \(statement.isMet ? "MET" : "NOT MET")\n"
    text +=
      "cycle \(statement.cycle.number): \(statement.cycle.start) to \(statement.cycle.end), "
      + "\(statement.daysLeft) days left\nnorm: \(norm.name)\n\n"
    func missing(_ hours: Hours) -> String { hours == .zero ? "met" : "\(hours) missing" }
    text += TextTable.render(
      [
        [
          "accredited", statement.accredited.decimalText, "at least \(norm.minimumAccredited)",
          missing(statement.missingAccredited),
        ],
        [
          "free", statement.free.decimalText,
          "\(statement.countedFree) count (at most \(norm.maximumFree))", "",
        ],
        [
          "counted", statement.counted.decimalText, "at least \(norm.totalHours)",
          missing(statement.missingHours),
        ],
      ].map { ["  " + $0[0]] + $0.dropFirst() })
    let notes = statement.activities.filter { $0.note != nil }
    if !notes.isEmpty {
      text += "\nactivities that did not count as claimed:\n"
      for judgement in notes {
        text +=
          "  \(judgement.activity.id)  \(judgement.activity.date)  "
          + "\(judgement.activity.hours) h  \(judgement.activity.title): \(judgement.note!)\n"
      }
    }
    let warnings = statement.findings.filter { $0.severity != .note }
    if !warnings.isEmpty {
      text += "\n" + FindingRendering.text(warnings)
    }
    return text
  }
}
