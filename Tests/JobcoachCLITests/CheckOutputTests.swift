import Foundation
import Testing

@testable import JobcoachCLI
@testable import JobcoachCore

/// `check` writes its report in pieces as subjects come: what it writes whole is what
/// `JSONWriter` and `CSV` write for the whole report, in more than one write.
struct CheckOutputTests {
  /// Counts the writes, keeps the text.
  final class Pieces: OutputSink {
    var writes: [String] = []
    func write(_ text: String, to stream: JobcoachCLI.OutputStream) {
      if stream == .standardOutput { writes.append(text) }
    }
    func isTerminal(_ stream: JobcoachCLI.OutputStream) -> Bool { false }
    var text: String { writes.joined() }
  }

  static let date = CalendarDate(iso: "2026-11-23")!

  /// `count` organisations without a recognition, a warning each, one subject each.
  static func parts(_ count: Int) -> [SubjectFindings] {
    (0..<count).map { index in
      let subject = FindingSubject.organisation(OrganisationID(rawValue: "ORG-\(index)"))
      return SubjectFindings(
        subject: subject, name: "Organisatie \(index); \"B.V.\"",
        findings: [
          Finding(
            rule: .externalRecognition, severity: .warning, outcome: .unmet, subject: subject,
            reason: .registry(.notRecognised(on: date)))
        ])
    }
  }

  static func written(
    _ parts: [SubjectFindings], _ format: OutputFormat, _ dialect: CSVDialect = .rfc4180
  ) -> (Pieces, CheckSummary) {
    let sink = Pieces()
    var output = CheckOutput(
      format: format, words: English(), dialect: dialect,
      context: CommandContext(environment: [:], output: sink))
    var summary = CheckSummary(date: date, policy: nil)
    for part in parts {
      summary.add(part)
      output.add(part)
    }
    output.finish(summary)
    return (sink, summary)
  }

  static func wholeJSON(_ parts: [SubjectFindings], _ summary: CheckSummary) -> String {
    JSONWriter.string(
      .object([
        "on": JSONValue(date),
        "findings": .array(parts.flatMap(\.findings).map { FindingRendering.json($0, English()) }),
        "policy": .null,
        "summary": .object([
          "subjects": JSONValue(summary.subjectCount), "errors": JSONValue(summary.errors),
          "warnings": JSONValue(summary.warnings), "notes": JSONValue(summary.notes),
          "clean": JSONValue(summary.isClean),
        ]),
      ]))
  }

  @Test(arguments: [0, 1, 3_000])
  func theJSONWrittenInPiecesIsTheWholeReportsJSON(_ count: Int) throws {
    let parts = Self.parts(count)
    let (sink, summary) = Self.written(parts, .json)
    #expect(sink.text == Self.wholeJSON(parts, summary))
    #expect(summary.warnings == count)
    if count == 3_000 { #expect(sink.writes.count > 3) }
    let parsed = try JSONSerialization.jsonObject(with: Data(sink.text.utf8)) as? [String: Any]
    #expect((parsed?["findings"] as? [Any])?.count == count)
  }

  @Test func aDutchExcelCSVWrittenInPiecesHasOneByteOrderMarkAndEveryRow() {
    let parts = Self.parts(3_000)
    let (sink, _) = Self.written(parts, .csv, .excelNL)
    #expect(sink.writes.count > 3)
    let text = sink.text
    #expect(text.hasPrefix("\u{FEFF}subject_kind;subject_id;rule;"))
    #expect(text.unicodeScalars.filter { $0 == "\u{FEFF}" }.count == 1)
    let rows = CSVReader<ByteArraySource>.records(String(text.dropFirst()), separator: .semicolon)
    #expect(rows.count == 3_001)
    #expect(rows.last?[1] == "ORG-2999")
    // Each piece ends a record: none starts inside a quoted field.
    #expect(sink.writes.dropFirst().allSatisfy { !$0.hasPrefix("\r\n") && !$0.hasPrefix("\"") })
  }

  @Test func theTextGroupsEachSubjectUnderItsHeadingAndEndsWithTheSummary() {
    let (sink, _) = Self.written(Self.parts(2), .text)
    #expect(sink.text.hasPrefix("organisation ORG-0 (Organisatie 0; \"B.V.\")\n  warning"))
    #expect(
      sink.text.hasSuffix(
        "checked 2 subjects (2 organisations) on 2026-11-23: 0 errors, 2 warnings, 0 notes\n"))
  }
}
