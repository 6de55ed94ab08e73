import Foundation
import Testing

@testable import JobcoachCore

/// Inputs the fuzzer found: each must read the same in pieces as at once.
struct FuzzFindingTests {
  /// The problems, and the hash of what was read (always the whole file).
  func problems(_ bytes: [UInt8], chunk: Int) -> [String] {
    let log = ProblemLog()
    var reader = DocumentReader(
      source: ByteArraySource(bytes), file: "f", log: log, chunkSize: chunk)
    let info = reader.read { _, _ in }
    return log.problems.map(\.description) + [info.sha256 == SHA256.hex(bytes) ? "hash ok" : "hash"]
  }

  @Test(arguments: [
    Array("{\"kind\": \"coaches\"}".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
  ])
  func utf16(_ body: [UInt8]) {
    let bytes: [UInt8] = [0xFF, 0xFE] + body
    #expect(problems(bytes, chunk: 3) == problems(bytes, chunk: bytes.count))
    #expect(problems(bytes, chunk: 1) == problems(bytes, chunk: bytes.count))
  }

  @Test(arguments: ["[1,", "tru", "\"abc", "\u{FF}", "[1] x", "{\"kind\": [}", "-", "{"])
  func brokenValuesAreReportedInAnyPieces(_ text: String) {
    let bytes = Array(text.utf8)
    let whole = problems(bytes, chunk: max(1, bytes.count))
    #expect(!whole.isEmpty)
    for chunk in [1, 2, 3] { #expect(problems(bytes, chunk: chunk) == whole, "chunk \(chunk)") }
  }
}
