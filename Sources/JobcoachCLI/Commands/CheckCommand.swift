import JobcoachCore
import JobcoachStore

/// `jobcoach check`: every rule over the whole registry on one date.
struct CheckCommand: Command {
  static let spec = CommandSpec(
    name: "check",
    summary: "run every rule over every coach, organisation, placement and membership",
    synopsis:
      "[--on DATE] [--municipality ID] [--rule PREFIX] [--severity error|warning|note] "
      + "[--format text|json|csv] [--db PATH | --file FILE...]",
    positionals: 0...0,
    options: [
      .date, .municipality,
      .value("--rule", "PREFIX", "only rules whose id starts so (Q-INT, F-1, R-PE)"),
      .value("--severity", "LEVEL", "only findings this severe or worse: error, warning or note"),
      .value("--format", "FORMAT", "text, json or csv (default text)"),
      CSVDialect.option, .database, .documents,
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
          "unknown severity '\(text)'; choose error, warning or note", command: Self.spec.name)
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
    let report = try CheckRegistry(
      on: date, municipality: municipality, rulePrefix: rulePrefix, severity: severity
    ).run(in: try context.openRegistry(arguments))
    switch format {
    case .json: context.print(JSONWriter.string(Self.json(report)))
    case .csv:
      context.print(
        try CSVDialect.parse(arguments, command: Self.spec.name).write(Self.csv(report)))
    case .text: context.print(Self.text(report))
    }
    return report.isClean ? ExitCode.success : ExitCode.findings
  }

  static func summary(_ report: CheckReport) -> String {
    let kinds = Dictionary(grouping: report.subjects, by: \.kind)
    let parts: [String] = [
      (FindingSubject.Kind.coach, "coach", "coaches"),
      (.organisation, "organisation", "organisations"),
      (.placement, "placement", "placements"), (.membership, "membership", "memberships"),
    ].compactMap { kind, one, many in
      kinds[kind].map { "\($0.count) \($0.count == 1 ? one : many)" }
    }
    return
      "checked \(report.subjects.count) subjects (\(parts.joined(separator: ", "))) on "
      + "\(report.date): \(report.count(.error)) errors, \(report.count(.warning)) warnings, "
      + "\(report.count(.note)) notes"
  }

  static func json(_ report: CheckReport) -> JSONValue {
    .object([
      "on": JSONValue(report.date),
      "findings": .array(report.findings.map(FindingRendering.json)),
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

  static func csv(_ report: CheckReport) -> String {
    var text = ""
    text.reserveCapacity(report.findings.count * 128)
    CSV.append(
      ["subject_kind", "subject_id", "rule", "severity", "outcome", "message"], to: &text)
    for finding in report.findings {
      CSV.append(
        [
          finding.subject.kind.rawValue, finding.subject.id, finding.rule.rawValue,
          finding.severity.rawValue, finding.outcome.rawValue, finding.message,
        ], to: &text)
    }
    return text
  }

  static func text(_ report: CheckReport) -> String {
    var text = ""
    var subject: FindingSubject?
    var group: [Finding] = []
    func flush() {
      guard let subject, !group.isEmpty else { return }
      text += "\(subject)" + (report.names[subject].map { " (\($0))" } ?? "") + "\n"
      FindingRendering.append(group, indent: "  ", to: &text)
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
        "coaches without a placement are judged under "
        + PolicyRendering.text(policy, on: report.date) + "\n"
    }
    return text + summary(report) + "\n"
  }
}
