import Foundation
import Testing

@testable import JobcoachCLI
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

/// The second round of hostile input (issue 14): what the reader must refuse, and how.
struct HostileDocumentTests {
  func read(_ text: String, chunk: Int = 1 << 20, limit: Int = 1 << 20) -> (
    records: [ImportRecord], problems: [String]
  ) {
    read(Array(text.utf8), chunk: chunk, limit: limit)
  }

  func read(_ bytes: [UInt8], chunk: Int = 1 << 20, limit: Int = 1 << 20) -> (
    records: [ImportRecord], problems: [String]
  ) {
    let log = ProblemLog()
    var reader = DocumentReader(
      source: ByteArraySource(bytes), file: "f.json", log: log, chunkSize: chunk,
      maximumValueBytes: limit)
    var records: [ImportRecord] = []
    _ = reader.read { record, _ in records.append(record) }
    return (records, log.problems.map(\.description))
  }

  /// Item 1: a document's members other than its own kind's array are unknown fields,
  /// wherever `kind` stands; the other kind's records never count as read.
  @Test(arguments: [
    #"{"coaches":[{"id":"JC-9001","name":"S"}],"organisations":[{"id":"O-1","name":"x","kind":"employer"}],"kind":"organisations","schemaVersion":1}"#,
    #"{"coaches":[{"id":"JC-9001","name":"S"}],"kind":"organisations","schemaVersion":1,"organisations":[{"id":"O-1","name":"x","kind":"employer"}]}"#,
    #"{"kind":"organisations","schemaVersion":1,"organisations":[{"id":"O-1","name":"x","kind":"employer"}],"coaches":[{"id":"JC-9001","name":"S"}]}"#,
    #"{"kind":"organisations","coaches":[{"id":"JC-9001","name":"S"}],"schemaVersion":1,"organisations":[{"id":"O-1","name":"x","kind":"employer"}]}"#,
  ])
  func anotherKindsRecordsAreAnUnknownField(_ text: String) {
    for chunk in [1, 7, 1 << 20] {
      let result = read(text, chunk: chunk)
      #expect(result.problems.contains("f.json#/coaches: unknown field 'coaches'"), "\(result.problems)")
    }
  }

  /// Item 2: a file that is not a document of a known kind is refused, whatever it holds.
  @Test(arguments: ["null", "1", "true", "-0", "false", "\"x\"", "0.5", "[]", "null\n"])
  func aBareValueIsNotADocument(_ text: String) {
    for chunk in [1, 2, 1 << 20] {
      let result = read(text, chunk: chunk)
      #expect(result.records.isEmpty)
      #expect(result.problems.count == 1, "\(text) in chunks of \(chunk): \(result.problems)")
      #expect(result.problems.first?.hasPrefix("f.json") == true)
    }
  }

  @Test func twoByteOrderMarksAreRefused() {
    let document = Array(#"{"kind":"coaches","schemaVersion":1,"coaches":[{"id":"A","name":"a"}]}"#.utf8)
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    #expect(read(bom + document).problems == [])
    for chunk in [1, 4, 1 << 20] {
      let twice = read(bom + bom + document, chunk: chunk)
      #expect(twice.records.isEmpty)
      #expect(
        twice.problems == [
          "f.json:1:4: not valid JSON: a second byte order mark; the file starts with one at most"
        ])
    }
    // A mark inside the document is no mark but a stray character.
    let inside = Array(#"{"kind":"coaches","schemaVersion":1,"coaches":["#.utf8) + bom
      + Array(#"{"id":"A","name":"a"}]}"#.utf8)
    #expect(read(inside).problems.first?.contains("unexpected character") == true)
  }

  /// Item 3: a citizen service number anywhere in a record is named by place, never echoed,
  /// and the record is not read.
  @Test(arguments: [
    (#"{"id":"JC-1","name":"Jan 123456782"}"#, "/coaches/0/name"),
    (#"{"id":"JC-1","name":"Jan 123.456.782"}"#, "/coaches/0/name"),
    (#"{"id":"W-123456782","name":"Jan"}"#, "/coaches/0/id"),
    (#"{"id":"JC-1","name":"\u0031\u00323456782"}"#, "/coaches/0/name"),
    (#"{"id":"JC-1","name":"Jan","employments":[{"from":"123456782"}]}"#, "/coaches/0/employments/0/from"),
    (#"{"id":"JC-1","name":"Jan","123-456-782":1}"#, "/coaches/0"),
    (#"{"id":"JC-1","name":"Jan","hours":123456782}"#, "/coaches/0/hours"),
  ])
  func aCitizenServiceNumberIsNamedByPlaceNeverEchoed(_ record: String, _ place: String) {
    let text = #"{"kind":"coaches","schemaVersion":1,"coaches":["# + record + "]}"
    for chunk in [3, 1 << 20] {
      let result = read(text, chunk: chunk)
      #expect(result.records.isEmpty)
      #expect(
        result.problems == ["f.json#\(place): " + (place == "/coaches/0" ? "a member name " : "")
          + English.citizenServiceNumber], "\(result.problems)")
    }
  }

  @Test func aDuplicateMemberNameIsNotEchoed() {
    let result = read(#"{"kind":"coaches","schemaVersion":1,"coaches":[{"id":"A","123456782":1,"123456782":2}]}"#)
    #expect(result.problems.count == 1)
    #expect(result.problems.first?.contains("duplicate member name (one that looks like a citizen service number)") == true)
    #expect(!result.problems.joined().contains("123456782"))
  }

  @Test(arguments: [
    (#""schemaVersion":123456782"#, "/schemaVersion"),
    (#""kind":"123-456-782""#, "/kind"),
    (#""123456782":true"#, ""),
    (#""$schema":"https://example.org/123456782.json""#, "/$schema"),
  ])
  func aCitizenServiceNumberInTheHeaderIsNamedByPlace(_ member: String, _ place: String) {
    let text = #"{"# + member + #", "kind":"coaches","coaches":[]}"#
    let result = read(text)
    #expect(!result.problems.isEmpty)
    #expect(result.problems.allSatisfy { !$0.contains("456") }, "\(result.problems)")
    #expect(result.problems.first?.hasPrefix("f.json#\(place): ") == true, "\(result.problems)")
  }

  /// Item 7: a token without an end is refused once it passes the limit, and the reader
  /// never holds much more than the limit and a chunk, whatever the input.
  @Test(arguments: [UInt8(0), UInt8(ascii: "x"), UInt8(ascii: "1")])
  func anUndelimitedTokenIsRefusedWithinTheLimit(_ byte: UInt8) {
    let bytes = [UInt8](repeating: byte, count: 3 << 20)
    let log = ProblemLog()
    var reader = DocumentReader(
      source: ByteArraySource(bytes), file: "f.json", log: log, chunkSize: 64 << 10,
      maximumValueBytes: 256 << 10)
    let info = reader.read { _, _ in }
    #expect(info.byteCount == bytes.count, "the whole file is still hashed")
    #expect(log.problems.count == 1)
    #expect(reader.peakBufferCount <= (256 << 10) + 2 * (64 << 10), "\(reader.peakBufferCount)")
  }

  @Test func aRecordLongerThanTheLimitIsRefusedAtItsPlace() {
    let long = String(repeating: "x", count: 300_000)
    let text = #"{"kind":"coaches","schemaVersion":1,"coaches":[{"id":"A","name":"a"},{"id":"B","name":""# + long + #""}]}"#
    let result = read(text, chunk: 4096, limit: 256 << 10)
    #expect(
      result.problems == [
        "f.json#/coaches/1: a single value longer than 256 KiB; no record or field jobcoach reads is this large"
      ])
    let unterminated = read(#"{"kind":"coaches","schemaVersion":1,"coaches":[{"id":"A","name":""# + long, chunk: 4096, limit: 256 << 10)
    #expect(unterminated.problems.count == 1)
  }

  @Test func anotherKindsRecordsArrayIsPassedOverNotHeld() {
    let record = #"{"id":"JC-9001","name":"S"},"#
    let many = String(repeating: record, count: 20_000) + #"{"id":"JC-9002","name":"T"}"#
    let text = #"{"kind":"organisations","schemaVersion":1,"organisations":[],"coaches":["# + many + "]}"
    let log = ProblemLog()
    var reader = DocumentReader(
      source: ByteArraySource(Array(text.utf8)), file: "f.json", log: log, chunkSize: 4096,
      maximumValueBytes: 64 << 10)
    var records = 0
    _ = reader.read { _, _ in records += 1 }
    #expect(records == 0)
    #expect(log.problems.map(\.description) == ["f.json#/coaches: unknown field 'coaches'"])
    #expect(reader.peakBufferCount < 64 << 10)
  }

  /// Found by the reader fuzzer: an escape split across chunks inside a records array that is
  /// passed over (here: before `kind`, at an unknown schema version).
  @Test func anEscapeAcrossChunksInAnArrayPassedOver() {
    let text = #"{"kin_":"educations","schemaVersion":0,"educations":[{"title":"a\\b\\\\\\c","recognisedFrom":"2010-01-01"}]}"#
    for chunk in 1...8 {
      let result = read(text, chunk: chunk)
      #expect(result.records.isEmpty)
      #expect(!result.problems.isEmpty)
    }
  }

  /// Item 11: a null where an array belongs, and a `$schema` that is not a text.
  @Test(arguments: [
    (#"{"kind":"coaches","schemaVersion":1,"coaches":[{"id":"A","name":"a","employments":null}]}"#,
     "f.json#/coaches/0/employments: expected an array, found null"),
    (#"{"$schema":{},"kind":"coaches","schemaVersion":1,"coaches":[]}"#,
     "f.json#/$schema: expected a string, found an object"),
    (#"{"$schema":null,"kind":"coaches","schemaVersion":1,"coaches":[]}"#,
     "f.json#/$schema: expected a string, found null"),
    (#"{"kind":"coaches","schemaVersion":1,"coaches":null}"#,
     "f.json#/coaches: expected an array, found null"),
  ])
  func nullsAndStraySchemasAreTypeErrors(_ text: String, _ problem: String) {
    #expect(read(text).problems == [problem])
  }

  @Test func aSchemaReferenceAsATextIsAllowed() {
    #expect(read(#"{"$schema":"../Schemas/coaches.schema.json","kind":"coaches","schemaVersion":1,"coaches":[]}"#).problems == [])
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

struct NullObjectsAsTheSchemasAllowTests {
  /// The schemas allow null for optional objects (evidence, requirements): still read as absent.
  @Test func anOptionalObjectMayBeNull() {
    let log = ProblemLog()
    var batch = ImportBatch()
    batch.read(
      Array(#"{"kind": "policies", "schemaVersion": 1, "policies": [{"id": "P", "name": "P", "effectiveFrom": "2026-01-01", "fundsInternalCoaching": true, "externalOrganisations": {"policy": "free-choice"}, "requirements": null}]}"#.utf8),
      file: "f.json", log: log)
    #expect(log.isEmpty, "\(log.problems)")
    #expect(batch.policies.count == 1)
  }
}
