/// A JSON value as our documents use it. Numbers keep their text, so hours and counts are read
/// exactly, never through floating point.
public enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  /// The number's text, checked against the JSON grammar.
  case number(String)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)
}

/// A JSON object with its members in document order. Keys are unique (the parser rejects
/// duplicates).
public struct JSONObject: Hashable, Sendable {
  public struct Member: Hashable, Sendable {
    public var key: String
    public var value: JSONValue
    public init(key: String, value: JSONValue) {
      self.key = key
      self.value = value
    }
  }

  public var members: [Member]

  public init(_ members: [Member] = []) { self.members = members }

  /// The value for `key`. Linear: our objects have a handful of members.
  public subscript(key: String) -> JSONValue? {
    members.first { $0.key == key }?.value
  }

  public var keys: [String] { members.map(\.key) }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
  /// Members in the literal's order.
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self.members = elements.map { Member(key: $0.0, value: $0.1) }
  }
}

/// A JSON Pointer (RFC 6901) to a place in a document, such as `/coaches/3/employments/0/from`.
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible {
  public private(set) var tokens: [String]

  public init(_ tokens: [String] = []) { self.tokens = tokens }

  public static let root = JSONPointer()

  public func appending(_ key: String) -> JSONPointer {
    var copy = self
    copy.tokens.append(key)
    return copy
  }

  public func appending(_ index: Int) -> JSONPointer { appending(String(index)) }

  /// `""` for the whole document, else `/a/b` with `~` and `/` escaped.
  public var description: String {
    tokens.map {
      "/" + $0.replacingOccurrences("~", with: "~0").replacingOccurrences("/", with: "~1")
    }.joined()
  }
}

extension String {
  /// Every occurrence of `target` replaced, without Foundation.
  /// Matches bytes of UTF-8, which is enough for the escaping it is used for (quotes,
  /// markup characters) and never splits a character, as UTF-8 sequences cannot overlap.
  public func replacingAll(_ target: String, with replacement: String) -> String {
    let pattern = Array(target.utf8)
    guard let first = pattern.first else { return self }
    var source = self
    return source.withUTF8 { bytes -> String in
      var result: [UInt8] = []
      var copied = 0
      var index = 0
      while index + pattern.count <= bytes.count {
        if bytes[index] == first
          && pattern.indices.allSatisfy({ bytes[index + $0] == pattern[$0] })
        {
          if result.isEmpty { result.reserveCapacity(bytes.count + 16) }
          result += bytes[copied..<index]
          result += replacement.utf8
          index += pattern.count
          copied = index
        } else {
          index += 1
        }
      }
      guard copied > 0 else { return self }
      result += bytes[copied...]
      return String(decoding: result, as: UTF8.self)
    }
  }

  /// Foundation-free replacement, enough for pointer escaping.
  func replacingOccurrences(_ target: Character, with replacement: String) -> String {
    guard contains(target) else { return self }
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
