/// Writes JSON with sorted keys and unescaped slashes, so output is stable and diffable.
public enum JSONWriter {
  /// `pretty` indents by two spaces and ends with a newline.
  public static func string(_ value: JSONValue, pretty: Bool = true) -> String {
    String(decoding: bytes(value, pretty: pretty), as: UTF8.self)
  }

  /// The UTF-8 of `string(value, pretty:)`.
  public static func bytes(_ value: JSONValue, pretty: Bool = true) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(4_096)
    write(value, into: &output, indent: pretty ? 0 : nil)
    if pretty { output.append(0x0A) }
    return output
  }

  /// Appends `value` pretty-printed as the element of an array or object nested `indent`
  /// levels deep: for writing a long array piece by piece.
  public static func append(_ value: JSONValue, to output: inout String, indent: Int) {
    var bytes: [UInt8] = []
    write(value, into: &bytes, indent: indent)
    output += String(decoding: bytes, as: UTF8.self)
  }

  /// Writes into bytes, not a `String`: appending bytes is several times cheaper than
  /// appending substrings, and a verification's JSON is written for every request to the web
  /// API.
  static func write(_ value: JSONValue, into output: inout [UInt8], indent: Int?) {
    switch value {
    case .null: output += "null".utf8
    case .bool(let flag): output += (flag ? "true" : "false").utf8
    case .number(let text): output += text.utf8
    case .string(let text): writeString(text, into: &output)
    case .array(let elements):
      if elements.isEmpty {
        output += "[]".utf8
        return
      }
      output.append(UInt8(ascii: "["))
      for (offset, element) in elements.enumerated() {
        if offset > 0 { output.append(UInt8(ascii: ",")) }
        newline(&output, indent.map { $0 + 1 })
        write(element, into: &output, indent: indent.map { $0 + 1 })
      }
      newline(&output, indent)
      output.append(UInt8(ascii: "]"))
    case .object(let object):
      func inOrder(_ left: JSONObject.Member, _ right: JSONObject.Member) -> Bool {
        left.key.utf8.lexicographicallyPrecedes(right.key.utf8)
      }
      // Most objects are built in order already: then there is nothing to sort.
      let sorted = zip(object.members, object.members.dropFirst()).allSatisfy { inOrder($0, $1) }
      let members = sorted ? object.members : object.members.sorted(by: inOrder)
      if members.isEmpty {
        output += "{}".utf8
        return
      }
      output.append(UInt8(ascii: "{"))
      for (offset, member) in members.enumerated() {
        if offset > 0 { output.append(UInt8(ascii: ",")) }
        newline(&output, indent.map { $0 + 1 })
        writeString(member.key, into: &output)
        output.append(UInt8(ascii: ":"))
        if indent != nil { output.append(UInt8(ascii: " ")) }
        write(member.value, into: &output, indent: indent.map { $0 + 1 })
      }
      newline(&output, indent)
      output.append(UInt8(ascii: "}"))
    }
  }

  static func newline(_ output: inout [UInt8], _ indent: Int?) {
    guard let indent else { return }
    output.append(0x0A)
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
  }

  /// Escapes are ASCII, so the text is copied in runs between the bytes that need one.
  static func writeString(_ text: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { utf8 in
      var runStart = 0
      for index in 0..<utf8.count {
        let byte = utf8[index]
        guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
        switch byte {
        case 0x22: output += #"\""#.utf8
        case 0x5C: output += #"\\"#.utf8
        case 0x0A: output += #"\n"#.utf8
        case 0x0D: output += #"\r"#.utf8
        case 0x09: output += #"\t"#.utf8
        default:
          let digits = Array("0123456789abcdef".utf8)
          output += #"\u00"#.utf8
          output.append(digits[Int(byte >> 4)])
          output.append(digits[Int(byte & 0x0F)])
        }
        runStart = index + 1
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
    output.append(UInt8(ascii: "\""))
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
