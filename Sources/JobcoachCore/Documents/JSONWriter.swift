/// Writes JSON with sorted keys and unescaped slashes, so output is stable and diffable.
public enum JSONWriter {
  /// `pretty` indents by two spaces and ends with a newline.
  public static func string(_ value: JSONValue, pretty: Bool = true) -> String {
    var output = ""
    write(value, into: &output, indent: pretty ? 0 : nil)
    if pretty { output += "\n" }
    return output
  }

  /// Appends `value` pretty-printed as the element of an array or object nested `indent`
  /// levels deep: for writing a long array piece by piece.
  public static func append(_ value: JSONValue, to output: inout String, indent: Int) {
    write(value, into: &output, indent: indent)
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
      func inOrder(_ left: JSONObject.Member, _ right: JSONObject.Member) -> Bool {
        left.key.utf8.lexicographicallyPrecedes(right.key.utf8)
      }
      // Most objects are built in order already: then there is nothing to sort.
      let sorted = zip(object.members, object.members.dropFirst()).allSatisfy { inOrder($0, $1) }
      let members = sorted ? object.members : object.members.sorted(by: inOrder)
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

  /// Escapes are ASCII, so the text is copied in runs between the bytes that need one.
  static func writeString(_ text: String, into output: inout String) {
    output += "\""
    let utf8 = text.utf8
    var runStart = utf8.startIndex
    var index = runStart
    while index != utf8.endIndex {
      let byte = utf8[index]
      guard byte < 0x20 || byte == 0x22 || byte == 0x5C else {
        utf8.formIndex(after: &index)
        continue
      }
      output += Substring(utf8[runStart..<index])
      switch byte {
      case 0x22: output += "\\\""
      case 0x5C: output += "\\\\"
      case 0x0A: output += "\\n"
      case 0x0D: output += "\\r"
      case 0x09: output += "\\t"
      default:
        let hex = String(byte, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      }
      utf8.formIndex(after: &index)
      runStart = index
    }
    output += Substring(utf8[runStart..<index])
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
