import Foundation
import JobcoachCore
import JobcoachStore

/// `jobcoach check`: every rule over the whole registry on one date.
struct CheckCommand: Command {
  static let spec = CommandSpec(
    name: "check",
    summary: "run every rule over every coach, organisation, placement and membership",
    synopsis:
      "[--on DATE] [--rule PREFIX] [--severity error|warning|note] [--format text|json|csv] "
      + "[--db PATH | --file FILE...]",
    positionals: 0...0,
    options: [
      .date,
      .value("--rule", "PREFIX", "only rules whose id starts so (Q-INT, F-1, R-PE)"),
      .value("--severity", "LEVEL", "only findings this severe or worse: error, warning or note"),
      .value("--format", "FORMAT", "text, json or csv (default text)"),
      .database, .documents,
    ],
    discussion: """
      The same rules verify, placement show and pe use, over everything the registry holds:
      each coach as every kind they are employed as on the date (for each placement they
      coach, under its municipality's policy), each coaching organisation's UWV recognition,
      each placement's grant, bookings and contacts, each membership's assessment and PE
      hours. Findings are grouped by subject; the last line counts them.

      With --file the documents are checked in a registry in memory, so an organisation can
      check its data before sending it.

      exit codes: 0 no error finding (after the filters), 1 some, 64 usage, 65 bad documents,
      66 registry or file missing.

      example: jobcoach check --file Samples --on 2026-11-23 --severity warning
      """)

  let arguments: ParsedArguments
  let rulePrefix: String?
  let severity: Severity
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
    format = try OutputFormat.parse(
      arguments.value("--format"), allowed: OutputFormat.allCases, command: Self.spec.name)
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let date = try context.date(arguments, command: Self.spec.name)
    let store = try context.openRegistry(arguments)
    let snapshot = try store.snapshot(on: date)
    // The coaches' rules and the rest are independent: one on each core.
    let parts = inParallel(
      { RegistryCheck.coachPart(snapshot, on: date) },
      { RegistryCheck.otherPart(snapshot, on: date) })
    var report = RegistryCheck.report([parts.0, parts.1], on: date)
    if rulePrefix != nil || severity != .note {
      report.findings.removeAll {
        $0.severity > severity || !(rulePrefix.map($0.rule.rawValue.hasPrefix) ?? true)
      }
    }
    switch format {
    case .json: context.print(JSONWriter.string(Self.json(report)))
    case .csv: context.print(Self.csv(report))
    case .text: context.print(Self.text(report, names: Self.names(snapshot)))
    }
    return report.isClean ? ExitCode.success : ExitCode.findings
  }

  /// Names to show beside ids in text.
  static func names(_ snapshot: RegistrySnapshot) -> [FindingSubject: String] {
    var names: [FindingSubject: String] = [:]
    for coach in snapshot.coaches { names[.coach(coach.id)] = coach.name }
    for organisation in snapshot.organisations.values {
      names[.organisation(organisation.id)] = organisation.name
    }
    for membership in snapshot.memberships {
      names[FindingSubject(kind: .membership, id: membership.registerNumber)] =
        "coach \(membership.coach)"
    }
    return names
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

  static func text(_ report: CheckReport, names: [FindingSubject: String]) -> String {
    var text = ""
    var subject: FindingSubject?
    var group: [Finding] = []
    func flush() {
      guard let subject, !group.isEmpty else { return }
      text += "\(subject)" + (names[subject].map { " (\($0))" } ?? "") + "\n"
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
    return text + summary(report) + "\n"
  }
}

/// Runs `first` and `second` at the same time and gives both results.
func inParallel<First: Sendable, Second: Sendable>(
  _ first: @Sendable () -> First, _ second: @Sendable () -> Second
) -> (First, Second) {
  var firstResult: First?
  var secondResult: Second?
  withUnsafeMutablePointer(to: &firstResult) { firstSlot in
    withUnsafeMutablePointer(to: &secondResult) { secondSlot in
      // Each iteration writes its own result only; concurrentPerform returns when both are done.
      let firstSlot = UnsafeSendablePointer(pointer: firstSlot)
      let secondSlot = UnsafeSendablePointer(pointer: secondSlot)
      DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 {
          firstSlot.pointer.pointee = first()
        } else {
          secondSlot.pointer.pointee = second()
        }
      }
    }
  }
  return (firstResult!, secondResult!)
}

/// A pointer handed to code that runs on another thread, which writes only its own part.
private struct UnsafeSendablePointer<Pointee>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<Pointee>
}
