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
        command: command)
    }
    return format
  }
}

/// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; lines end in CRLF.
enum CSV {
  static func line(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }

  static func field(_ text: String) -> String {
    // Commas, quotes and line breaks are ASCII: looking at the bytes is enough.
    guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
    else {
      return text
    }
    return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
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
