import Foundation
import Testing

@testable import JobcoachCLI
@testable import JobcoachCore

/// A terminal for the progress line.
final class TerminalOutput: OutputSink {
  var standardError = ""
  func write(_ text: String, to stream: JobcoachCLI.OutputStream) {
    if stream == .standardError { standardError += text }
  }
  func isTerminal(_ stream: JobcoachCLI.OutputStream) -> Bool { true }
}

struct StreamingImportTests {
  @Test func aReferenceToARecordInALaterFileResolves() {
    let scratch = Scratch()
    let db = scratch.file("r.sqlite")
    #expect(jobcoach(["init", "--db", db]).code == 0)
    // "a-..." sorts before "b-...": the portfolio is read before its coach.
    let portfolio = scratch.write(
      "a-portfolio.json",
      """
      {"kind": "portfolios", "schemaVersion": 1, "portfolios": [{"coach": "C-1", "peActivities": [
        {"id": "A1", "date": "2025-01-10", "hours": 8, "title": "Course", "provider": "P",
         "category": "free"}]}]}
      """)
    let coach = scratch.write(
      "b-coach.json",
      #"{"kind": "coaches", "schemaVersion": 1, "coaches": [{"id": "C-1", "name": "C"}]}"#)
    let run = jobcoach(["import", portfolio, coach, "--db", db])
    #expect(run.code == 0, "\(run.err)")
    #expect(run.out.hasPrefix("imported 2 files: 2 created"))
    let missing = scratch.write(
      "c-portfolio.json",
      #"{"kind": "portfolios", "schemaVersion": 1, "portfolios": [{"coach": "C-9", "peActivities": []}]}"#
    )
    let bad = jobcoach(["import", missing, "--db", db])
    #expect(bad.code == 65)
    #expect(
      bad.err
        == "error: \(missing)#/portfolios/0/coach: no coach with id 'C-9' in this import or the registry\n"
        + "error: 1 problem in the input; nothing was written\n")
  }

  @Test func progressShowsAfterASecondOnATerminalAndIsCleared() {
    let terminal = TerminalOutput()
    let context = CommandContext(environment: [:], output: terminal)
    let late = ProgressLine(
      context: context, total: 200_000_000,
      start: DispatchTime.now().uptimeNanoseconds - 2_000_000_000)
    late.update(50_000_000, file: "/data/portfolios.json")
    #expect(terminal.standardError == "\r\u{1B}[Kimporting: 25% (50 of 200 MB), portfolios.json")
    late.finishing("all read; committing")
    #expect(terminal.standardError.hasSuffix("\r\u{1B}[Kimporting: all read; committing"))
    late.finish()
    #expect(terminal.standardError.hasSuffix("committing\r\u{1B}[K"))
    // Cleared once: the summary printed next starts on a clean line, nothing after it.
    let cleared = terminal.standardError
    late.finish()
    late.finishing("again")
    #expect(terminal.standardError == cleared)

    let quiet = TerminalOutput()
    let early = ProgressLine(context: CommandContext(environment: [:], output: quiet), total: 10)
    early.update(5, file: "f.json")
    early.finish()
    #expect(quiet.standardError == "")
  }
}
