/// The formats list and result commands print.
enum OutputFormat: String, CaseIterable, Sendable {
  case text, json, csv

  /// Parses `--format`, allowing only `allowed`.
  static func parse(_ value: String?, allowed: [OutputFormat], command: String) throws(UsageError)
    -> OutputFormat
  {
    guard let value else { return .text }
    guard let format = OutputFormat(rawValue: value), allowed.contains(format) else {
      throw UsageError(
        "unknown format '\(value)'; choose " + allowed.map(\.rawValue).joined(separator: ", "),
        nl: "onbekend formaat '\(value)'; kies " + allowed.map(\.rawValue).joined(separator: ", "),
        command: command)
    }
    return format
  }
}

/// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; lines end in CRLF.
enum CSV {
  static func line(_ fields: [String]) -> String {
    var text = ""
    append(fields, to: &text)
    return text
  }

  /// Appends one line, for long outputs built in one string.
  static func append(_ fields: [String], to text: inout String) {
    var writer = Writer()
    for field in fields { writer.append(field) }
    writer.endRecord()
    text += writer.text
  }

  static func field(_ text: String) -> String {
    var writer = Writer()
    writer.append(text)
    return writer.text
  }

  /// Records written as bytes, field by field: the one place a CSV field is quoted and
  /// guarded (`line`, `append` and `field` write through it). A check writes millions of
  /// fields, and appending bytes costs a fraction of appending strings.
  struct Writer {
    private var bytes: [UInt8] = []
    private var fieldsInRecord = 0

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// What was written, as text (the bytes are UTF-8: every field came from a string).
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends `field` to the record, after a comma unless it is the record's first.
    mutating func append(_ field: String) {
      if fieldsInRecord > 0 { bytes.append(0x2C) }
      fieldsInRecord += 1
      var field = field
      field.withUTF8 { append(field: $0) }
    }

    /// Ends the record with CRLF; the next field starts a new one.
    mutating func endRecord() {
      bytes.append(0x0D)
      bytes.append(0x0A)
      fieldsInRecord = 0
    }

    /// A field quoted when it holds a comma, quote or line break, with quotes doubled; one
    /// that a spreadsheet would run as a formula starts with an apostrophe, so it shows as
    /// text (OWASP's advice for CSV injection). These are ASCII: looking at the bytes is
    /// enough.
    private mutating func append(field: UnsafeBufferPointer<UInt8>) {
      let guarded = CSV.couldRunAsFormula(field)
      var quoted = false
      var hasQuote = false
      for byte in field {
        switch byte {
        case 0x22: hasQuote = true
        case 0x2C, 0x0A, 0x0D: quoted = true
        default: continue
        }
      }
      if quoted || hasQuote { bytes.append(0x22) }
      if guarded { bytes.append(0x27) }
      if hasQuote {
        for byte in field {
          bytes.append(byte)
          if byte == 0x22 { bytes.append(0x22) }
        }
      } else {
        bytes.append(contentsOf: field)
      }
      if quoted || hasQuote { bytes.append(0x22) }
    }
  }

  /// Whether a spreadsheet would read `field` as a formula: it starts with `=`, `+`, `-`, `@`,
  /// a tab or a carriage return, and is not a plain number (`-1.5` stays a number).
  static func couldRunAsFormula<Bytes: Collection<UInt8>>(_ field: Bytes) -> Bool {
    guard let first = field.first,
      first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09
        || first == 0x0D
    else { return false }
    let rest = field.dropFirst()
    let isNumber =
      (first == 0x2B || first == 0x2D) && !rest.isEmpty
      && rest.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }
      && rest.first != 0x2E && rest.filter({ $0 == 0x2E }).count <= 1
    return !isNumber
  }
}

extension Array where Element == String {
  /// The words joined by ", ", broken into lines of at most `width` characters, each line
  /// after the first indented by `indent` spaces.
  func wrapped(width: Int, indent: Int) -> String {
    var lines: [String] = []
    var line = ""
    for (index, word) in enumerated() {
      let piece = word + (index == count - 1 ? "" : ",")
      if !line.isEmpty, line.count + 1 + piece.count > width - indent {
        lines.append(line)
        line = piece
      } else {
        line += (line.isEmpty ? "" : " ") + piece
      }
    }
    lines.append(line)
    return lines.joined(separator: "\n" + String(repeating: " ", count: indent))
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }

}

/// Pads columns for text tables.
enum TextTable {
  static func render(_ rows: [[String]]) -> String {
    guard let columns = rows.map(\.count).max() else { return "" }
    var widths = Array(repeating: 0, count: columns)
    for row in rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    return rows.map { row in
      row.enumerated().map { index, cell in
        index == row.count - 1
          ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
      }.joined(separator: "  ").trimmingTrailingSpaces()
    }.joined(separator: "\n") + "\n"
  }
}
