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
    let dialect = try CSVDialect.parse(arguments, command: Self.spec.name)
    let registry = try context.openRegistry(arguments)
    var output = CheckOutput(format: format, words: words, dialect: dialect, context: context)
    let rendering = output.rendering
    // Each subject is rendered where it was judged (the placements on the check's second
    // thread); this thread writes the pieces in order.
    let summary = try CheckRegistry(
      on: date, municipality: municipality, rulePrefix: rulePrefix, severity: severity
    ).run(in: registry, preparing: rendering.text) { output.add($0, rendered: $1) }
    output.finish(summary)
    return summary.isClean ? ExitCode.success : ExitCode.findings
  }

  static func summary(_ summary: CheckSummary, _ words: any Wording) -> String {
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
      summary.subjects[kind].map { words.count($0, one, many) }
    }
    let (errors, warnings, notes) = (summary.errors, summary.warnings, summary.notes)
    return dutch
      ? "\(words.count(summary.subjectCount, "onderwerp", "onderwerpen")) gecontroleerd "
        + "(\(parts.joined(separator: ", "))) op \(words.date(summary.date)): "
        + "\(words.count(errors, "fout", "fouten")), "
        + "\(words.count(warnings, "waarschuwing", "waarschuwingen")), "
        + "\(words.count(notes, "opmerking", "opmerkingen"))"
      : "checked \(summary.subjectCount) subjects (\(parts.joined(separator: ", "))) on "
        + "\(summary.date): \(errors) errors, \(warnings) warnings, \(notes) notes"
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
}

/// Writes a check's findings as its subjects come (text, JSON or CSV), in pieces of about
/// 64 KB, so the output is never held whole; `finish` writes what closes it (the summary).
struct CheckOutput {
  let format: OutputFormat
  let words: any Wording
  let dialect: CSVDialect
  let context: CommandContext
  private var pending = ""
  private var findingsWritten = 0
  private var started = false

  init(format: OutputFormat, words: any Wording, dialect: CSVDialect, context: CommandContext) {
    self.format = format
    self.words = words
    self.dialect = dialect
    self.context = context
    pending.reserveCapacity(Self.pieceSize + 4096)
  }

  static let pieceSize = 1 << 16
  /// How the JSON report opens, as `JSONWriter` writes an object whose first key is
  /// `findings`.
  static let jsonOpening = "{\n  \"findings\": ["

  var rendering: Rendering { Rendering(format: format, words: words) }

  mutating func add(_ part: SubjectFindings) {
    add(part, rendered: rendering.text(part))
  }

  /// Writes `part`, which `rendering` made `rendered`.
  mutating func add(_ part: SubjectFindings, rendered: String) {
    guard !part.findings.isEmpty else { return }
    switch format {
    case .text: break
    case .json: pending += findingsWritten == 0 ? Self.jsonOpening + "\n    " : ",\n    "
    case .csv: if findingsWritten == 0 { CSV.append(Self.csvHeader, to: &pending) }
    }
    pending += rendered
    findingsWritten += part.findings.count
    if pending.utf8.count >= Self.pieceSize { flush() }
  }

  /// One subject's findings as the output writes them, made on any thread: the text block
  /// under its heading, the JSON objects (separated, not preceded, by a comma) or the CSV
  /// records.
  struct Rendering: Sendable {
    let format: OutputFormat
    let words: any Wording

    @Sendable func text(_ part: SubjectFindings) -> String {
      var text = ""
      guard !part.findings.isEmpty else { return text }
      switch format {
      case .text:
        text +=
          CheckCommand.heading(part.subject, words.language)
          + (part.name.map { " (\($0))" } ?? "") + "\n"
        FindingRendering.append(part.findings, indent: "  ", to: &text, words)
        text += "\n"
      case .json:
        for (index, finding) in part.findings.enumerated() {
          if index > 0 { text += ",\n    " }
          JSONWriter.append(FindingRendering.json(finding, words), to: &text, indent: 2)
        }
      case .csv:
        var csv = CSV.Writer(capacity: part.findings.count * 160)
        for finding in part.findings {
          csv.append(finding.subject.kind.rawValue)
          csv.append(finding.subject.id)
          csv.append(finding.rule.rawValue)
          csv.append(finding.severity.rawValue)
          csv.append(finding.outcome.rawValue)
          csv.append(finding.reason.code)
          csv.append(words.message(finding))
          csv.endRecord()
        }
        text = csv.text
      }
      return text
    }
  }

  static let csvHeader = [
    "subject_kind", "subject_id", "rule", "severity", "outcome", "reason", "message",
  ]

  mutating func finish(_ summary: CheckSummary) {
    switch format {
    case .text:
      if let policy = summary.policy {
        pending +=
          (words.language == .nl
            ? "jobcoaches zonder plaatsing worden beoordeeld volgens "
            : "coaches without a placement are judged under ")
          + PolicyRendering.text(policy, on: summary.date, words) + "\n"
      }
      pending += CheckCommand.summary(summary, words) + "\n"
    case .json:
      let closing = JSONWriter.string(
        .object([
          "on": JSONValue(summary.date),
          "findings": .array([]),
          "policy": summary.policy.map(PolicyRendering.json) ?? .null,
          "summary": .object([
            "subjects": JSONValue(summary.subjectCount),
            "errors": JSONValue(summary.errors),
            "warnings": JSONValue(summary.warnings),
            "notes": JSONValue(summary.notes),
            "clean": JSONValue(summary.isClean),
          ]),
        ]))
      let empty = Self.jsonOpening + "],"
      precondition(closing.hasPrefix(empty), "the check's JSON opens with its findings")
      pending += findingsWritten == 0 ? closing : "\n  ]," + closing.dropFirst(empty.count)
    case .csv:
      if findingsWritten == 0 { CSV.append(Self.csvHeader, to: &pending) }
    }
    flush()
  }

  private mutating func flush() {
    guard !pending.isEmpty else { return }
    context.print(format == .csv ? dialect.write(pending, opening: !started) : pending)
    started = true
    pending.removeAll(keepingCapacity: true)
  }
}
