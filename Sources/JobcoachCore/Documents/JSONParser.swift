/// Where and why a text is not JSON.
public struct JSONSyntaxError: Error, Hashable, Sendable {
  /// 1-based line and column (in bytes) of the problem.
  public var line: Int
  public var column: Int
  public var reason: ProblemReason
}

/// A strict JSON (RFC 8259) parser over UTF-8 bytes: rejects invalid UTF-8, control characters
/// in strings, duplicate keys, trailing text, and nesting deeper than `maximumDepth`.
///
/// Complexity: O(n) in the input size; recursion depth is bounded by `maximumDepth`.
public struct JSONParser {
  public static let defaultMaximumDepth = 64

  /// Parses one JSON value that fills the whole input (a UTF-8 byte order mark is skipped).
  public static func parse(
    _ bytes: [UInt8], maximumDepth: Int = defaultMaximumDepth
  ) throws(JSONSyntaxError) -> JSONValue {
    let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
      var parser = Scanner(bytes: buffer, maximumDepth: maximumDepth)
      return Result { () throws(JSONSyntaxError) in try parser.parseDocument() }
    }
    return try result.get()
  }

  /// Parses one JSON value that fills `buffer`: a piece of a larger document, read in place
  /// (so a byte order mark is not skipped: inside a document it is not JSON).
  static func parse(
    _ buffer: UnsafeBufferPointer<UInt8>, maximumDepth: Int = defaultMaximumDepth
  ) throws(JSONSyntaxError) -> JSONValue {
    var parser = Scanner(bytes: buffer, maximumDepth: maximumDepth)
    return try parser.parseDocument(startsFile: false)
  }

  struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let maximumDepth: Int
    var index = 0
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
      self.bytes = bytes
      self.maximumDepth = maximumDepth
    }

    func failure(_ reason: ProblemReason, at offset: Int? = nil) -> JSONSyntaxError {
      let end = min(offset ?? index, bytes.count)
      var line = 1
      var lineStart = 0
      for position in 0..<end where bytes[position] == 0x0A {
        line += 1
        lineStart = position + 1
      }
      return JSONSyntaxError(line: line, column: end - lineStart + 1, reason: reason)
    }

    mutating func parseDocument(startsFile: Bool = true) throws(JSONSyntaxError) -> JSONValue {
      if startsFile, bytes.count >= 2,
        (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)
      {
        throw failure(.utf16, at: 0)
      }
      if startsFile, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
        index = 3
      }
      skipWhitespace()
      guard index < bytes.count else {
        throw failure(bytes.isEmpty ? .emptyFile : .noJSONValue)
      }
      let value = try parseValue()
      skipWhitespace()
      guard index == bytes.count else { throw failure(.textAfterValue) }
      return value
    }

    mutating func skipWhitespace() {
      while index < bytes.count {
        switch bytes[index] {
        case 0x20, 0x0A, 0x0D, 0x09: index += 1
        default: return
        }
      }
    }

    mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
      guard index < bytes.count else { throw failure(.unexpectedEnd(in: nil)) }
      switch bytes[index] {
      case UInt8(ascii: "{"): return try parseObject()
      case UInt8(ascii: "["): return try parseArray()
      case UInt8(ascii: "\""): return .string(try parseString())
      case UInt8(ascii: "t"):
        try expectLiteral("true")
        return .bool(true)
      case UInt8(ascii: "f"):
        try expectLiteral("false")
        return .bool(false)
      case UInt8(ascii: "n"):
        try expectLiteral("null")
        return .null
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        return .number(try parseNumber())
      default:
        throw failure(.unexpectedCharacter(printable(bytes[index])))
      }
    }

    /// The key as a message may name it: nil when it holds what looks like a citizen
    /// service number.
    static func shown(_ key: String) -> String? {
      CitizenServiceNumber.occurs(in: key) ? nil : key
    }

    func printable(_ byte: UInt8) -> String {
      byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
      let start = index
      let count = literal.utf8CodeUnitCount
      guard index + count <= bytes.count else { throw failure(.unexpectedEnd(in: nil)) }
      for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] {
        throw failure(.invalidLiteral(expected: "\(literal)"), at: start)
      }
      index += count
    }

    mutating func enter() throws(JSONSyntaxError) {
      depth += 1
      if depth > maximumDepth {
        throw failure(.nestingTooDeep(maximumDepth))
      }
    }

    mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
      try enter()
      index += 1
      var members: [JSONObject.Member] = []
      var seen = Set<String>()
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
        index += 1
        depth -= 1
        return .object(JSONObject(members))
      }
      while true {
        skipWhitespace()
        guard index < bytes.count else { throw failure(.unexpectedEnd(in: .object)) }
        guard bytes[index] == UInt8(ascii: "\"") else {
          throw failure(.expectedMemberName)
        }
        let keyStart = index
        let key = try parseString()
        // Small objects check duplicates by scanning; large ones with a set.
        if members.count == 16 { seen = Set(members.map(\.key)) }
        let duplicate =
          members.count < 16 ? members.contains { $0.key == key } : !seen.insert(key).inserted
        guard !duplicate else {
          throw failure(.duplicateMember(name: Self.shown(key)), at: keyStart)
        }
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
          throw failure(.expectedColon(after: Self.shown(key)))
        }
        index += 1
        skipWhitespace()
        let value = try parseValue()
        members.append(JSONObject.Member(key: key, value: value))
        skipWhitespace()
        guard index < bytes.count else { throw failure(.unexpectedEnd(in: .object)) }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
          continue
        }
        guard bytes[index] == UInt8(ascii: "}") else { throw failure(.expectedCommaOrEnd(.object)) }
        index += 1
        depth -= 1
        return .object(JSONObject(members))
      }
    }

    mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
      try enter()
      index += 1
      var elements: [JSONValue] = []
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        index += 1
        depth -= 1
        return .array(elements)
      }
      while true {
        skipWhitespace()
        elements.append(try parseValue())
        skipWhitespace()
        guard index < bytes.count else { throw failure(.unexpectedEnd(in: .array)) }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
          continue
        }
        guard bytes[index] == UInt8(ascii: "]") else { throw failure(.expectedCommaOrEnd(.array)) }
        index += 1
        depth -= 1
        return .array(elements)
      }
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> String {
      let start = index
      func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
      if bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard index < bytes.count, isDigit(bytes[index]) else {
        throw failure(.invalidNumber(nil), at: start)
      }
      if bytes[index] == UInt8(ascii: "0") {
        index += 1
        if index < bytes.count, isDigit(bytes[index]) {
          throw failure(.invalidNumber(.leadingZero), at: start)
        }
      } else {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
      }
      if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
        index += 1
        guard index < bytes.count, isDigit(bytes[index]) else {
          throw failure(.invalidNumber(.noDigitAfterPoint), at: start)
        }
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
      }
      if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")
      {
        index += 1
        if index < bytes.count,
          bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
        {
          index += 1
        }
        guard index < bytes.count, isDigit(bytes[index]) else {
          throw failure(.invalidNumber(.noDigitInExponent), at: start)
        }
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
      }
      guard index - start <= 64 else {
        throw failure(.numberTooLong, at: start)
      }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// Parses a string starting at the opening quote; validates UTF-8 and escapes.
    mutating func parseString() throws(JSONSyntaxError) -> String {
      let start = index
      index += 1
      let contentStart = index
      // Fast path: no escapes.
      let plain = JSONParser.scanPlainText(bytes, from: contentStart)
      index = plain.stop
      if index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          guard
            let text = JSONParser.text(
              UnsafeBufferPointer(rebasing: bytes[contentStart..<index]), highBits: plain.highBits)
          else { throw failure(.invalidUTF8, at: start) }
          index += 1
          return text
        }
        if byte < 0x20 { throw failure(.controlCharacter) }
      }
      guard index < bytes.count else { throw failure(.unterminatedString, at: start) }
      // Slow path with escapes: collect bytes.
      var buffer = Array(UnsafeBufferPointer(rebasing: bytes[contentStart..<index]))
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          index += 1
          guard let text = String(validating: buffer, as: UTF8.self) else {
            throw failure(.invalidUTF8, at: start)
          }
          return text
        }
        if byte < 0x20 { throw failure(.controlCharacter) }
        if byte != UInt8(ascii: "\\") {
          buffer.append(byte)
          index += 1
          continue
        }
        index += 1
        guard index < bytes.count else { throw failure(.unterminatedString, at: start) }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""): buffer.append(0x22)
        case UInt8(ascii: "\\"): buffer.append(0x5C)
        case UInt8(ascii: "/"): buffer.append(0x2F)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try parseHex4()
          if (0xD800...0xDBFF).contains(scalar) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
              bytes[index + 1] == UInt8(ascii: "u")
            else { throw failure(.loneSurrogate) }
            index += 2
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
              throw failure(.loneSurrogate)
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          } else if (0xDC00...0xDFFF).contains(scalar) {
            throw failure(.loneSurrogate)
          }
          guard let unicode = Unicode.Scalar(scalar) else { throw failure(.invalidUnicodeEscape) }
          buffer.append(contentsOf: UTF8.encode(unicode)!)
        default:
          throw failure(.invalidEscape(printable(escape)), at: index - 2)
        }
      }
      throw failure(.unterminatedString, at: start)
    }

    mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
      guard index + 4 <= bytes.count else { throw failure(.unexpectedEnd(in: .escape)) }
      var value: UInt32 = 0
      for _ in 0..<4 {
        let byte = bytes[index]
        let digit: UInt32
        switch byte {
        case 0x30...0x39: digit = UInt32(byte - 0x30)
        case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
        case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
        default: throw failure(.invalidHexDigit)
        }
        value = value << 4 | digit
        index += 1
      }
      return value
    }
  }
}

extension JSONParser {
  /// Scans a string's text from `start` (just past its opening quote) to the first quote,
  /// backslash or control character: where it stopped (or the end), and the bytes' bits
  /// together (below 0x80: all ASCII).
  static func scanPlainText(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int)
    -> (stop: Int, highBits: UInt8)
  {
    var index = start
    var highBits: UInt8 = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
      highBits |= byte
      index += 1
    }
    return (index, highBits)
  }

  /// The text of bytes without escapes: ASCII as it is (no validation needed, and
  /// `String(validating:)` is slow: it is not specialised), anything else validated; nil when
  /// not UTF-8.
  static func text(_ bytes: UnsafeBufferPointer<UInt8>, highBits: UInt8) -> String? {
    highBits < 0x80
      ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
  }
}
