import Foundation
import Testing

@testable import JobcoachCore

/// The streaming reader must say exactly what reading the whole file says, however the bytes
/// arrive.
struct DocumentReaderTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples")

  struct Read: Equatable {
    var pointer: JSONPointer
    var record: ImportRecord
  }

  func read(_ bytes: [UInt8], chunk: Int) -> (
    records: [Read], problems: [String], info: DocumentInfo
  ) {
    let log = ProblemLog()
    var reader = DocumentReader(
      source: ByteArraySource(bytes), file: "f.json", log: log, chunkSize: chunk)
    var records: [Read] = []
    let info = reader.read { record, pointer in
      records.append(Read(pointer: pointer, record: record))
    }
    return (records, log.problems.map(\.description), info)
  }

  @Test(arguments: ["portfolios.json", "placements.json", "hour-bookings.json", "policies.json"])
  func tinyChunksReadTheSameAsOneChunk(_ name: String) throws {
    let bytes = Array(try Data(contentsOf: Self.samples.appendingPathComponent(name)))
    let whole = read(bytes, chunk: bytes.count + 1)
    #expect(whole.problems == [])
    #expect(!whole.records.isEmpty)
    for chunk in [1, 7, 64, 4096] {
      let pieces = read(bytes, chunk: chunk)
      #expect(pieces.records == whole.records, "chunk \(chunk)")
      #expect(pieces.problems == [])
      #expect(pieces.info.sha256 == SHA256.hex(bytes))
      #expect(pieces.info.byteCount == bytes.count)
    }
  }

  static let broken: [String] = [
    // A syntax error deep in the records, on line 4.
    "{\"kind\": \"coaches\", \"schemaVersion\": 1, \"coaches\": [\n{\"id\": \"A\", \"name\": \"a\"},\n{\"id\": \"B\",\n \"name\": \"b\" \"x\"}]}",
    // Truncated in the middle of a record.
    "{\"kind\": \"coaches\", \"schemaVersion\": 1, \"coaches\": [{\"id\": \"A\", \"na",
    // The kind after the records, and a version nobody knows.
    "{\"coaches\": [{\"id\": \"A\", \"name\": \"a\"}], \"kind\": \"coaches\", \"schemaVersion\": 9}",
    // A version nobody knows before the records: they are not read.
    "{\"kind\": \"coaches\", \"schemaVersion\": 9, \"coaches\": [{\"id\": 5}]}",
    // Not an object, an empty element, trailing text, a duplicate member.
    "[1, 2]",
    "{\"kind\": \"coaches\", \"schemaVersion\": 1, \"coaches\": [{\"id\": \"A\", \"name\": \"a\"},]}",
    "{\"kind\": \"coaches\", \"schemaVersion\": 1, \"coaches\": []} x",
    "{\"kind\": \"coaches\", \"kind\": \"coaches\"}", "", "   ",
  ]

  @Test(arguments: broken)
  func problemsAreTheSameInAnyChunkSize(_ text: String) {
    let bytes = Array(text.utf8)
    let whole = read(bytes, chunk: 1 << 20)
    #expect(!whole.problems.isEmpty)
    for chunk in [1, 3, 16] {
      #expect(read(bytes, chunk: chunk).problems == whole.problems, "chunk \(chunk)")
    }
  }

  @Test(arguments: [0, 1, 5])
  func positionsAreWhereTheWholeFileParserPutsThem(_ index: Int) throws {
    let bytes = Array(Self.broken[index].utf8)
    var expected: JSONSyntaxError?
    do { _ = try JSONParser.parse(bytes) } catch { expected = error }
    let error = try #require(expected)
    #expect(
      read(bytes, chunk: 5).problems
        == ["f.json:\(error.line):\(error.column): not valid JSON: \(error.message)"])
  }

  @Test func theVersionIsCheckedWhereverItStands() {
    let after = read(Array(Self.broken[2].utf8), chunk: 1 << 20)
    #expect(
      after.problems == [
        "f.json#/schemaVersion: schema version 9 of 'coaches' documents is not known to this jobcoach (it reads 1)"
      ])
    let before = read(Array(Self.broken[3].utf8), chunk: 1 << 20)
    #expect(before.records.isEmpty)
    #expect(before.problems == after.problems)
  }
}

struct DocumentReaderNewlineTests {
  /// The sixteen-at-a-time count against a plain one, across lane edges and with none at all.
  @Test func newlinesAreCountedAndTheLastFound() {
    var generator = SystemRandomNumberGenerator()
    for length in [0, 1, 15, 16, 17, 31, 32, 33, 100, 1_000] {
      for density in [0, 1, 8, 64] {
        let bytes: [UInt8] = (0..<length).map { _ in
          density > 0 && Int.random(in: 0..<density, using: &generator) == 0
            ? 0x0A : UInt8.random(in: 0x20...0x7E, using: &generator)
        }
        let expected = (
          count: bytes.filter { $0 == 0x0A }.count, last: bytes.lastIndex(of: 0x0A) ?? -1
        )
        let found = bytes.withUnsafeBytes { lineFeeds(in: $0) }
        #expect(found == expected, "length \(length), one in \(density)")
      }
    }
  }
}

struct ValueEndScannerTests {
  /// Strings of every length up to three lanes, with an escaped quote or backslash at every
  /// place, end where they end, read whole or split at every byte.
  @Test func stringsEndAtTheirClosingQuoteWhereverTheEscapesFall() {
    for length in 0...48 {
      for escapeAt in [-1] + Array(0..<length) {
        var text = Array(repeating: UInt8(ascii: "a"), count: length)
        if escapeAt >= 0 {
          text.replaceSubrange(
            escapeAt..<escapeAt + 1,
            with: escapeAt % 2 == 0 ? Array(#"\""#.utf8) : Array(#"\\"#.utf8))
        }
        let value = Array(#"{"k": ""#.utf8) + text + Array(#"", "n": 1}"#.utf8)
        let document = value + Array(", ".utf8)
        var whole = ValueEndScanner(position: 0)
        let end = document.withUnsafeBufferPointer { whole.scan($0, valueStart: 0) }
        #expect(end == value.count, "length \(length), escape at \(escapeAt)")
        // Fed a byte more each time, as chunks arrive.
        var split = ValueEndScanner(position: 0)
        var found: Int?
        for available in 1...document.count where found == nil {
          found = document.withUnsafeBufferPointer {
            split.scan(UnsafeBufferPointer(rebasing: $0[..<available]), valueStart: 0)
          }
        }
        #expect(found == value.count, "split: length \(length), escape at \(escapeAt)")
      }
    }
  }
}
