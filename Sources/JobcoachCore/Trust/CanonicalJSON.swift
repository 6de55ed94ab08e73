/// The JSON Canonicalization Scheme (JCS, RFC 8785): the one text of a JSON value that a
/// signature covers. Members sorted by their keys' UTF-16 code units, no whitespace, strings
/// with the fewest escapes, numbers as ECMAScript writes an IEEE 754 double.
public enum CanonicalJSON {
  /// Why a value has no canonical form.
  public enum Problem: Error, Hashable, Sendable {
    /// A number that is not a finite double (JCS works on I-JSON numbers).
    case numberOutOfRange(String)
  }

  public static func string(_ value: JSONValue) throws(Problem) -> String {
    var output = ""
    try write(value, into: &output)
    return output
  }

  public static func bytes(_ value: JSONValue) throws(Problem) -> [UInt8] {
    Array(try string(value).utf8)
  }

  static func write(_ value: JSONValue, into output: inout String) throws(Problem) {
    switch value {
    case .null: output += "null"
    case .bool(let flag): output += flag ? "true" : "false"
    case .number(let text): output += try number(text)
    case .string(let text): writeString(text, into: &output)
    case .array(let elements):
      output += "["
      for (offset, element) in elements.enumerated() {
        if offset > 0 { output += "," }
        try write(element, into: &output)
      }
      output += "]"
    case .object(let object):
      output += "{"
      let members = object.members.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
      for (offset, member) in members.enumerated() {
        if offset > 0 { output += "," }
        writeString(member.key, into: &output)
        output += ":"
        try write(member.value, into: &output)
      }
      output += "}"
    }
  }

  /// RFC 8785 §3.2.2.2: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other controls as `\u00xx`
  /// (lower-case hex), everything else as it is.
  static func writeString(_ text: String, into output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x22: output += "\\\""
      case 0x5C: output += "\\\\"
      case 0x08: output += "\\b"
      case 0x0C: output += "\\f"
      case 0x0A: output += "\\n"
      case 0x0D: output += "\\r"
      case 0x09: output += "\\t"
      case 0..<0x20:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }

  /// A JSON number's text as ECMAScript's `Number.prototype.toString` writes the double it
  /// denotes (RFC 8785 §3.2.2.3): the shortest digits that read back as the same double,
  /// plainly from 1e-6 up to 1e21, else with an exponent.
  public static func number(_ text: String) throws(Problem) -> String {
    guard let value = Double(text), value.isFinite else { throw .numberOutOfRange(text) }
    return number(value)
  }

  public static func number(_ value: Double) -> String {
    if value == 0 { return "0" }  // and -0
    let negative = value < 0
    // Swift's description gives the shortest round-trip digits too; only the layout differs.
    let described = (negative ? -value : value).description
    let parts = described.split(separator: "e", maxSplits: 1)
    let mantissa = parts[0]
    var exponent = parts.count > 1 ? Int(parts[1])! : 0
    let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    let whole = String(pieces[0])
    let fraction = pieces.count > 1 ? String(pieces[1]) : ""
    var digits = Array(whole + fraction)
    // value = 0.digits x 10^n
    exponent += whole.count
    while digits.first == "0" {
      digits.removeFirst()
      exponent -= 1
    }
    while digits.last == "0" { digits.removeLast() }
    let k = digits.count
    let n = exponent
    var result: String
    if k <= n && n <= 21 {
      result = String(digits) + String(repeating: "0", count: n - k)
    } else if 0 < n && n <= 21 {
      result = String(digits[0..<n]) + "." + String(digits[n...])
    } else if -6 < n && n <= 0 {
      result = "0." + String(repeating: "0", count: -n) + String(digits)
    } else {
      let power = n - 1
      result =
        String(digits[0]) + (k > 1 ? "." + String(digits[1...]) : "") + "e"
        + (power < 0 ? "-" : "+") + String(abs(power))
    }
    return negative ? "-" + result : result
  }
}
