import JobcoachCore
import JobcoachStore

/// `jobcoach check`: every rule over the whole registry on one date.
struct CheckCommand: Command {
  static let spec = CommandSpec(
    name: "check",
    summary: "run every rule over every coach, organisation, placement and membership",
    synopsis:
      "[--on DATE] [--municipality ID] [--rule PREFIX] [--severity error|warning|note] "
      + "[--format text|json|csv] [--lang nl|en] [--db PATH | --file FILE...]",
    positionals: 0...0,
    options: [
      .date, .municipality,
      .value("--rule", "PREFIX", "only rules whose id starts so (Q-INT, F-1, R-PE)"),
      .value("--severity", "LEVEL", "only findings this severe or worse: error, warning or note"),
      .value("--format", "FORMAT", "text, json or csv (default text)"),
      CSVDialect.option, Language.option, .database, .documents,
    ],
    discussion: """
      The same rules verify, placement show and pe use, over everything the registry holds:
      each coach as every kind they are employed as on the date (for each placement they
      coach, under its municipality's policy; without a placement, under the policy of
      --municipality, else of the registry's default municipality, else G4), each coaching
      organisation's UWV recognition, each placement's grant, bookings and contacts, each
      membership's assessment and PE hours. A municipality with two policies in force is an
      error (Q-POL-1), and its placements are not judged. Findings are grouped by subject;
      the last line counts them.

      With --file the documents are checked in a registry in memory, so an organisation can
      check its data before sending it.

      exit codes: 0 no error finding (after the filters), 1 some, 64 usage, 65 bad documents,
      66 registry or file missing.

      example: jobcoach check --file Samples --on 2026-11-23 --severity warning
      """)

  let arguments: ParsedArguments
  let rulePrefix: String?
  let severity: Severity
  let municipality: OrganisationID?
  let format: OutputFormat

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    rulePrefix = arguments.value("--rule")
    if let text = arguments.value("--severity") {
      guard let severity = Severity(rawValue: text) else {
        throw UsageError(
          "unknown severity '\(text)'; choose error, warning or note",
          nl: "onbekende ernst '\(text)'; kies error, warning of note", command: Self.spec.name)
      }
      self.severity = severity
    } else {
      severity = .note
    }
    municipality = arguments.value("--municipality").map(OrganisationID.init(rawValue:))
    format = try OutputFormat.parse(
      arguments.value("--format"), allowed: OutputFormat.allCases, command: Self.spec.name)
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let date = try context.date(arguments, command: Self.spec.name)
    // CSV, like JSON, is for tools: its messages follow --lang or $JOBCOACH_LANG only.
    let words = try context.words(
      arguments, command: Self.spec.name, format: format == .text ? .text : .json)
    let report = try CheckRegistry(
      on: date, municipality: municipality, rulePrefix: rulePrefix, severity: severity
    ).run(in: try context.openRegistry(arguments))
    switch format {
    case .json: context.print(JSONWriter.string(Self.json(report, words)))
    case .csv:
      context.print(
        try CSVDialect.parse(arguments, command: Self.spec.name).write(Self.csv(report, words)))
    case .text: context.print(Self.text(report, words))
    }
    return report.isClean ? ExitCode.success : ExitCode.findings
  }

  static func summary(_ report: CheckReport, _ words: any Wording) -> String {
    let kinds = Dictionary(grouping: report.subjects, by: \.kind)
    let dutch = words.language == .nl
    let names: [(FindingSubject.Kind, String, String)] =
      dutch
      ? [
        (.coach, "jobcoach", "jobcoaches"), (.organisation, "organisatie", "organisaties"),
        (.placement, "plaatsing", "plaatsingen"), (.membership, "inschrijving", "inschrijvingen"),
      ]
      : [
        (.coach, "coach", "coaches"), (.organisation, "organisation", "organisations"),
        (.placement, "placement", "placements"), (.membership, "membership", "memberships"),
      ]
    let parts = names.compactMap { kind, one, many in
      kinds[kind].map { words.count($0.count, one, many) }
    }
    let (errors, warnings, notes) =
      (report.count(.error), report.count(.warning), report.count(.note))
    return dutch
      ? "\(words.count(report.subjects.count, "onderwerp", "onderwerpen")) gecontroleerd "
        + "(\(parts.joined(separator: ", "))) op \(words.date(report.date)): "
        + "\(words.count(errors, "fout", "fouten")), "
        + "\(words.count(warnings, "waarschuwing", "waarschuwingen")), "
        + "\(words.count(notes, "opmerking", "opmerkingen"))"
      : "checked \(report.subjects.count) subjects (\(parts.joined(separator: ", "))) on "
        + "\(report.date): \(errors) errors, \(warnings) warnings, \(notes) notes"
  }

  /// A subject as the check's heading names it: `coach JC-0001`, `jobcoach JC-0001`.
  static func heading(_ subject: FindingSubject, _ language: Language) -> String {
    guard language == .nl else { return subject.description }
    let kind =
      switch subject.kind {
      case .coach: "jobcoach"
      case .organisation: "organisatie"
      case .placement: "plaatsing"
      case .policy: "beleid"
      case .membership: "inschrijving"
      }
    return "\(kind) \(subject.id)"
  }

  static func json(_ report: CheckReport, _ words: any Wording) -> JSONValue {
    .object([
      "on": JSONValue(report.date),
      "findings": .array(report.findings.map { FindingRendering.json($0, words) }),
      "policy": report.policy.map(PolicyRendering.json) ?? .null,
      "summary": .object([
        "subjects": JSONValue(report.subjects.count),
        "errors": JSONValue(report.count(.error)),
        "warnings": JSONValue(report.count(.warning)),
        "notes": JSONValue(report.count(.note)),
        "clean": JSONValue(report.isClean),
      ]),
    ])
  }

  static func csv(_ report: CheckReport, _ words: any Wording) -> String {
    var text = ""
    text.reserveCapacity(report.findings.count * 128)
    CSV.append(
      ["subject_kind", "subject_id", "rule", "severity", "outcome", "reason", "message"],
      to: &text)
    for finding in report.findings {
      CSV.append(
        [
          finding.subject.kind.rawValue, finding.subject.id, finding.rule.rawValue,
          finding.severity.rawValue, finding.outcome.rawValue, finding.reason.code,
          words.message(finding),
        ], to: &text)
    }
    return text
  }

  static func text(_ report: CheckReport, _ words: any Wording) -> String {
    var text = ""
    var subject: FindingSubject?
    var group: [Finding] = []
    func flush() {
      guard let subject, !group.isEmpty else { return }
      text +=
        heading(subject, words.language) + (report.names[subject].map { " (\($0))" } ?? "") + "\n"
      FindingRendering.append(group, indent: "  ", to: &text, words)
      text += "\n"
    }
    for finding in report.findings {
      if finding.subject != subject {
        flush()
        subject = finding.subject
        group = []
      }
      group.append(finding)
    }
    flush()
    if let policy = report.policy {
      text +=
        (words.language == .nl
          ? "jobcoaches zonder plaatsing worden beoordeeld volgens "
          : "coaches without a placement are judged under ")
        + PolicyRendering.text(policy, on: report.date, words) + "\n"
    }
    return text + summary(report, words) + "\n"
  }
}
