import Foundation
import Testing

@testable import JobcoachCLI
@testable import JobcoachCore

/// The reading thread must hand on exactly what one thread reading the files in turn finds,
/// in the same order, however small its queue.
struct DocumentPipelineTests {
  enum Seen: Equatable {
    case record(String, RecordPlace)
    case problem(String)
    case document(String, String)
    case unopenable(String)
  }

  /// What reading the files one after another on this thread finds.
  func readInTurn(_ files: [String]) -> [Seen] {
    var seen: [Seen] = []
    for file in files {
      guard let source = FileSource(path: file) else {
        seen.append(.unopenable(file))
        break
      }
      let log = ProblemLog(limit: .max)
      var reader = DocumentReader(source: source, file: file, log: log)
      let info = reader.read { record, pointer in
        for problem in log.takeProblems() { seen.append(.problem(English().line(problem))) }
        seen.append(.record(file, .pointer(pointer)))
      }
      for problem in log.takeProblems() { seen.append(.problem(English().line(problem))) }
      seen.append(.document(file, info.sha256))
    }
    return seen
  }

  func drain(_ pipeline: DocumentPipeline) -> [Seen] {
    var seen: [Seen] = []
    while let events = pipeline.next() {
      // As the import does: every batch goes back, to be freed on the reading thread.
      defer { pipeline.giveBack(events) }
      for event in events {
        switch event {
        case .record(_, let file, let pointer): seen.append(.record(file, pointer))
        case .problem(let problem): seen.append(.problem(English().line(problem)))
        case .document(let file, let info): seen.append(.document(file, info.sha256))
        case .unopenable(let file): seen.append(.unopenable(file))
        }
      }
    }
    pipeline.stop()
    return seen
  }

  @Test(arguments: [(1, 1), (2, 3), (8, 64)])
  func eventsArriveInTheOrderOneThreadMeetsThem(_ capacity: Int, _ batchSize: Int) throws {
    let scratch = Scratch()
    // A portfolio with one bad activity between good ones, between two good documents.
    var text = try String(contentsOfFile: samplesPath + "/portfolios.json", encoding: .utf8)
    text = text.replacingAll("\"hours\": 8,", with: "\"hours\": -8,")
    let broken = scratch.file("broken-portfolios.json")
    try text.write(toFile: broken, atomically: true, encoding: .utf8)
    let files = [samplesPath + "/coaches.json", broken, samplesPath + "/memberships.json"]
    let expected = readInTurn(files)
    #expect(expected.contains { if case .problem = $0 { true } else { false } })
    #expect(expected.filter { if case .record = $0 { true } else { false } }.count > 20)
    let pipeline = DocumentPipeline(
      files: files, progress: nil, capacity: capacity, batchSize: batchSize)
    #expect(drain(pipeline) == expected)
  }

  /// A document of nothing but bad records: its problems go on chunk by chunk, in order.
  @Test func problemsOfADocumentWithoutGoodRecordsArriveInOrder() throws {
    let scratch = Scratch()
    let bad = (0..<2000).map { index in
      #"{"coach": "JC-\#(index)", "peActivities": [{"id": "A", "date": "2024-02-30", "hours": 1, "#
        + #""title": "T", "provider": "P", "category": "free"}]}"#
    }
    let file = scratch.write(
      "bad.json",
      #"{"kind": "portfolios", "schemaVersion": 1, "portfolios": ["#
        + bad.joined(separator: ",\n") + "]}")
    let files = [file, samplesPath + "/memberships.json"]
    let expected = readInTurn(files)
    #expect(expected.filter { if case .problem = $0 { true } else { false } }.count == 2000)
    let pipeline = DocumentPipeline(
      files: files, progress: nil, capacity: 1, batchSize: 8, chunkSize: 4096)
    #expect(drain(pipeline) == expected)
  }

  @Test func aFileThatCannotBeOpenedEndsTheReading() {
    let files = [
      samplesPath + "/organisations.json", "/nonexistent/coaches.json",
      samplesPath + "/memberships.json",
    ]
    let seen = drain(DocumentPipeline(files: files, progress: nil, capacity: 1, batchSize: 1))
    #expect(seen == readInTurn(files))
    #expect(seen.last == .unopenable("/nonexistent/coaches.json"))
  }

  /// Stopping while the reader waits on a full queue ends its thread; nothing more arrives.
  @Test func stoppingEarlyEndsTheReader() {
    let files = Array(repeating: samplesPath + "/portfolios.json", count: 20)
    let pipeline = DocumentPipeline(files: files, progress: nil, capacity: 1, batchSize: 1)
    #expect(pipeline.next() != nil)
    pipeline.stop()
    #expect(pipeline.next() == nil)
  }
}
