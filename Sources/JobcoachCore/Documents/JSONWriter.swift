/// Writes JSON with sorted keys and unescaped slashes, so output is stable and diffable.
public enum JSONWriter {
  /// `pretty` indents by two spaces and ends with a newline.
  public static func string(_ value: JSONValue, pretty: Bool = true) -> String {
    var output = ""
    write(value, into: &output, indent: pretty ? 0 : nil)
    if pretty { output += "\n" }
    return output
  }

  static func write(_ value: JSONValue, into output: inout String, indent: Int?) {
    switch value {
    case .null: output += "null"
    case .bool(let flag): output += flag ? "true" : "false"
    case .number(let text): output += text
    case .string(let text): writeString(text, into: &output)
    case .array(let elements):
      if elements.isEmpty {
        output += "[]"
        return
      }
      output += "["
      for (offset, element) in elements.enumerated() {
        if offset > 0 { output += "," }
        newline(&output, indent.map { $0 + 1 })
        write(element, into: &output, indent: indent.map { $0 + 1 })
      }
      newline(&output, indent)
      output += "]"
    case .object(let object):
      let members = object.members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
      if members.isEmpty {
        output += "{}"
        return
      }
      output += "{"
      for (offset, member) in members.enumerated() {
        if offset > 0 { output += "," }
        newline(&output, indent.map { $0 + 1 })
        writeString(member.key, into: &output)
        output += indent == nil ? ":" : ": "
        write(member.value, into: &output, indent: indent.map { $0 + 1 })
      }
      newline(&output, indent)
      output += "}"
    }
  }

  static func newline(_ output: inout String, _ indent: Int?) {
    guard let indent else { return }
    output += "\n"
    output += String(repeating: "  ", count: indent)
  }

  static func writeString(_ text: String, into output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}

extension JSONValue {
  public init(_ text: String) { self = .string(text) }
  public init(_ text: String?) { self = text.map(JSONValue.string) ?? .null }
  public init(_ flag: Bool) { self = .bool(flag) }
  public init(_ number: Int) { self = .number(String(number)) }
  public init(_ date: CalendarDate?) { self = date.map { .string($0.description) } ?? .null }
  /// Hours as a decimal number (`1399.75`).
  public init(_ hours: Hours) { self = .number(hours.decimalText) }
}
