import Testing

@testable import JobcoachCore

struct JSONParserTests {
  func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    try JSONParser.parse(Array(text.utf8))
  }

  @Test func parsesADocumentKeepingNumberText() throws {
    let value = try parse(#"{"a": [1, 2.50, -0.5e3, true, null], "b": "x\u00e9\n"}"#)
    guard case .object(let object) = value else {
      Issue.record("not an object")
      return
    }
    #expect(
      object["a"] == .array([.number("1"), .number("2.50"), .number("-0.5e3"), .bool(true), .null]))
    #expect(object["b"] == .string("xé\n"))
    #expect(object.keys == ["a", "b"])
  }

  @Test(arguments: [
    ("{\"a\": 1,}", 1, 9, "expected a member name"),
    ("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate member name 'a'"),
    ("[1, 2", 1, 6, "unexpected end of file"),
    ("{\n  \"a\": tru\n}", 2, 8, "invalid literal"),
    ("", 1, 1, "the file is empty"),
    ("[01]", 1, 2, "leading zero"),
    ("\"a\tb\"", 1, 3, "control character"),
    ("[1] 2", 1, 5, "unexpected text after"),
    ("\"\\ud800\"", 1, 8, "lone surrogate"),
  ])
  func reportsWhereAndWhat(_ text: String, _ line: Int, _ column: Int, _ message: String) {
    #expect {
      _ = try parse(text)
    } throws: { error in
      guard let error = error as? JSONSyntaxError else { return false }
      return error.line == line && error.column == column && error.message.contains(message)
    }
  }

  @Test func rejectsInvalidUTF8() {
    #expect(throws: JSONSyntaxError.self) {
      try JSONParser.parse([0x22, 0xC3, 0x28, 0x22])
    }
  }

  @Test func rejectsUTF16() {
    #expect(throws: JSONSyntaxError.self) {
      try JSONParser.parse([0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00])
    }
  }

  @Test func skipsAByteOrderMark() throws {
    #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[]".utf8)) == .array([]))
  }

  @Test func limitsNesting() {
    let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect {
      _ = try parse(deep)
    } throws: { ($0 as? JSONSyntaxError)?.message.contains("nesting deeper") == true }
    let fine = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
    #expect(throws: Never.self) { _ = try parse(fine) }
  }

  @Test func writerSortsKeysAndLeavesSlashesAlone() {
    let value = JSONValue.object(["b": .string("a/b \"q\""), "a": .number("1.5")])
    #expect(JSONWriter.string(value, pretty: false) == #"{"a":1.5,"b":"a/b \"q\""}"#)
  }

  @Test(arguments: [
    ("plain", #""plain""#), ("", #""""#), ("Zoë \u{1F469}", "\"Zoë \u{1F469}\""),
    ("a\"b\\c", #""a\"b\\c""#), ("line\nnext\r\t", #""line\nnext\r\t""#),
    ("\u{1}\u{1F}x", #""\u0001\u001fx""#), ("\"", #""\"""#),
  ])
  func writerEscapesOnlyWhatJSONRequires(_ text: String, _ written: String) throws {
    #expect(JSONWriter.string(.string(text), pretty: false) == written)
    #expect(try JSONParser.parse(Array(written.utf8)) == .string(text))
  }

  @Test func writerOutputParsesBack() throws {
    // Keys in sorted order, as the writer prints them, so the parsed object compares equal.
    let value = JSONValue.object([
      "empty": .object([:]), "list": .array([.null, .bool(false), .string("tab\there\u{1}")]),
    ])
    #expect(try JSONParser.parse(Array(JSONWriter.string(value).utf8)) == value)
  }

  @Test func pointerEscapesSlashAndTilde() {
    #expect(JSONPointer(["a/b", "c~d", "0"]).description == "/a~1b/c~0d/0")
    #expect(JSONPointer.root.description == "")
  }
}

struct JSONParserDuplicateTests {
  /// An object of `count` members m0, m1, ... with member `repeated` named again at the end.
  func object(_ count: Int, repeating repeated: Int) -> [UInt8] {
    let members = (0..<count).map { "\"m\($0)\": \($0)" } + ["\"m\(repeated)\": 0"]
    return Array(("{" + members.joined(separator: ", ") + "}").utf8)
  }

  @Test(arguments: [(3, 1), (15, 14), (16, 15), (17, 16), (40, 0), (40, 39)])
  func duplicatesAreFoundInSmallAndLargeObjects(_ count: Int, _ repeated: Int) {
    #expect(throws: JSONSyntaxError.self) {
      try JSONParser.parse(object(count, repeating: repeated))
    }
  }

  @Test func manyDistinctMembersAreFine() throws {
    let members = (0..<40).map { "\"m\($0)\": \($0)" }.joined(separator: ", ")
    guard case .object(let parsed) = try JSONParser.parse(Array("{\(members)}".utf8)) else {
      Issue.record("not an object")
      return
    }
    #expect(parsed.members.count == 40)
  }
}
