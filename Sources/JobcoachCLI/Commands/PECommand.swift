import JobcoachCore
import JobcoachStore

/// `jobcoach pe`: a coach checks their professional development hours in the current cycle.
struct PECommand: Command {
  static let spec = CommandSpec(
    name: "pe", summary: "check a coach's PE hours in the current period against the norm",
    synopsis: "COACH_ID [--on DATE] [--register ID] [--format text|json] [--db PATH]\n"
      + "       jobcoach pe --file PORTFOLIO.json [--file CATALOGUE...] [COACH_ID] [--on DATE]",
    positionals: 0...1,
    options: [
      .date,
      .value("--format", "FORMAT", "text or json (default text)"),
      .register,
      Language.option, .database,
      .value(
        "--file", "PATH",
        "check from documents (a portfolio, and optionally the accreditation "
          + "catalogue, educations, registers, memberships) without a registry", repeatable: true),
    ],
    discussion: """
      Shows the cycle the date falls in, accredited and free hours, how many free hours count
      (R-PE-3), the total that counts (R-PE-1), what is missing for each part of the norm
      (R-PE-2), the days left, and each activity that did not count and why. The periods are
      the registration's (R-RE-2): as long as the register's norm says, from the admission or
      the latest sufficient assessment, each next one only after a renewal; a lapsed
      registration shows the period that ended. A coach not in the registry counts from the
      portfolio's registeredSince. A coach in several registers names one with --register.

      With --file and no accreditation catalogue among the documents, accredited activities are
      taken as claimed (the codes cannot be checked).

      exit codes: 0 norm met on the date, 1 not met, 65 bad input, 66 missing file or registry.

      example: jobcoach pe --file Samples/portfolios.json --file Samples/memberships.json
        JC-0002 --on 2026-11-23
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
      throw UsageError(
        "name a coach, or a portfolio with --file",
        nl: "noem een jobcoach, of een portfolio met --file", command: Self.spec.name)
    }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let date = try context.date(arguments, command: Self.spec.name)
    let words = try context.words(arguments, command: Self.spec.name, format: format)
    let files = arguments.allValues("--file")
    let answer: CoachPEStatement
    if files.isEmpty {
      let store = try context.openRegistryFile(arguments, command: Self.spec.name)
      answer = try CheckPEHours(coach: coachID!, on: date, register: arguments.register)
        .run(in: store)
    } else {
      // A coach's own documents need not make a whole registry: a portfolio alone will do.
      let documents = InMemoryRegistry(
        try DocumentLoader.load(files, tableKind: try DocumentLoader.tableKind(arguments)))
      answer = try CheckPEHours(
        coach: try coachID ?? documents.onlyPortfolioCoach(), on: date,
        register: arguments.register
      ).run(in: documents)
    }
    switch format {
    case .json:
      context.print(JSONWriter.string(Self.json(answer, words)))
    default:
      context.print(Self.text(answer, words))
    }
    return answer.statement.isMet ? ExitCode.success : ExitCode.findings
  }

  static func json(_ answer: CoachPEStatement, _ words: any Wording) -> JSONValue {
    let statement = answer.statement
    return .object([
      "coach": JSONValue(statement.coach.rawValue),
      "claimsChecked": JSONValue(answer.claimsChecked),
      "name": JSONValue(answer.name),
      "register": .object([
        "id": JSONValue(answer.register.id.rawValue), "name": JSONValue(answer.register.name),
        "registerNumber": JSONValue(answer.membership?.registerNumber),
        "status": JSONValue(answer.standing?.statusCode),
        "lapsedOn": JSONValue(answer.standing?.lapsedOn),
      ]),
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
      "daysLeft": answer.daysLeft.map { JSONValue($0) } ?? .null,
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
            "note": JSONValue(judgement.note.map(words.activity)),
          ])
        }),
      "findings": .array(statement.findings.map { FindingRendering.json($0, words) }),
    ])
  }

  /// Said when accredited claims were taken as claimed, for want of a catalogue.
  static let claimsUnchecked =
    "accreditation codes not checked: no catalogue was given, so the accredited hours may be "
    + "too high (run 'jobcoach export catalogue --output DIR' at the association and pass DIR "
    + "with --file)\n"

  /// The same, for a Dutch reader (the coach checking their own hours).
  static let claimsUncheckedDutch =
    "accreditatiecodes niet gecontroleerd: er is geen catalogus meegegeven, dus de "
    + "geaccrediteerde uren kunnen te hoog zijn (laat de beroepsvereniging 'jobcoach export "
    + "catalogue --output MAP' draaien en geef MAP mee met --file)\n"

  static func text(_ answer: CoachPEStatement, _ words: any Wording) -> String {
    let statement = answer.statement
    let dutch = words.language == .nl
    let who = answer.name.map { "\($0) (\(statement.coach))" } ?? statement.coach.rawValue
    let norm = statement.norm
    var text =
      dutch
      ? "PE-uren van \(who) op \(words.date(statement.date)): "
        + "\(statement.isMet ? "VOLDAAN" : "NIET VOLDAAN")\n"
      : "PE hours of \(who) on \(statement.date): \(statement.isMet ? "MET" : "NOT MET")\n"
    let left: String
    if let lapsed = answer.standing?.lapsedOn {
      left = dutch ? "verlopen op \(words.date(lapsed))" : "lapsed on \(lapsed)"
    } else if let days = answer.daysLeft {
      left = dutch ? "nog \(words.count(days, "dag", "dagen"))" : words.count(days, "day", "days") + " left"
    } else {
      left = dutch ? "afgelopen" : "ended"
    }
    text +=
      (dutch
        ? "registratieperiode \(statement.cycle.number): \(words.interval(statement.cycle.period)), "
        : "cycle \(statement.cycle.number): \(statement.cycle.start) to \(statement.cycle.end), ")
      + "\(left)\nregister: \(answer.register.name) (\(answer.register.id))"
      + (answer.membership.map { ", \($0.registerNumber)" } ?? "")
      + (dutch ? "\nnorm: " : "\nnorm: ") + "\(norm.name)\n"
    if !answer.claimsChecked { text += dutch ? claimsUncheckedDutch : claimsUnchecked }
    text += "\n"
    func missing(_ hours: Hours) -> String {
      hours == .zero
        ? (dutch ? "voldaan" : "met")
        : dutch ? "er ontbreekt \(words.hours(hours))" : "\(hours) missing"
    }
    let number = words.number
    text += TextTable.render(
      [
        [
          dutch ? "geaccrediteerd" : "accredited", number(statement.accredited),
          (dutch ? "ten minste " : "at least ") + number(norm.minimumAccredited),
          missing(statement.missingAccredited),
        ],
        [
          dutch ? "vrij in te vullen" : "free", number(statement.free),
          dutch
            ? "\(number(statement.countedFree)) tellen mee (ten hoogste \(number(norm.maximumFree)))"
            : "\(statement.countedFree) count (at most \(norm.maximumFree))", "",
        ],
        [
          dutch ? "totaal" : "counted", number(statement.counted),
          (dutch ? "ten minste " : "at least ") + number(norm.totalHours),
          missing(statement.missingHours),
        ],
      ].map { ["  " + $0[0]] + $0.dropFirst() })
    let notes = statement.activities.filter { $0.note != nil }
    if !notes.isEmpty {
      text +=
        dutch
        ? "\nactiviteiten die niet meetelden zoals opgegeven:\n"
        : "\nactivities that did not count as claimed:\n"
      for judgement in notes {
        text +=
          "  \(judgement.activity.id)  \(judgement.activity.date)  "
          + "\(number(judgement.activity.hours)) \(dutch ? "uur" : "h")  \(judgement.activity.title): "
          + "\(words.activity(judgement.note!))\n"
      }
    }
    let warnings = statement.findings.filter { $0.severity != .note }
    if !warnings.isEmpty {
      text += "\n" + FindingRendering.text(warnings, words)
    }
    return text
  }
}
