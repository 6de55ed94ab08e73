import JobcoachCore

/// How a CSV is written: RFC 4180 (the default: comma, ISO dates, decimal points), or as Dutch
/// Excel reads it (`excel-nl`: semicolon, a UTF-8 byte order mark, decimal commas, dates as
/// `dd-mm-jjjj`), so a secretary's spreadsheet opens it in columns. The keys and values are
/// the same; only their spelling differs.
enum CSVDialect: String, CaseIterable, Sendable {
  case rfc4180
  case excelNL = "excel-nl"

  /// `--csv-dialect rfc4180|excel-nl`.
  static let option = OptionSpec.value(
    "--csv-dialect", "DIALECT",
    "rfc4180 (default: comma, ISO dates) or excel-nl (semicolon, BOM, decimal comma, dd-mm-jjjj)")

  static func parse(_ arguments: ParsedArguments, command: String) throws(UsageError) -> CSVDialect
  {
    guard let text = arguments.value("--csv-dialect") else { return .rfc4180 }
    guard let dialect = CSVDialect(rawValue: text) else {
      throw UsageError(
        "unknown CSV dialect '\(text)'; choose rfc4180 or excel-nl",
        nl: "onbekend CSV-dialect '\(text)'; kies rfc4180 of excel-nl", command: command)
    }
    return dialect
  }

  /// `text`, an RFC 4180 CSV as `CSV` writes it (whole records), in this dialect; `opening`
  /// when it is the file's first piece, which Excel's dialect starts with a byte order mark.
  func write(_ text: String, opening: Bool = true) -> String {
    guard self == .excelNL else { return text }
    var result = opening ? "\u{FEFF}" : ""
    for record in CSV.records(text) {
      for (index, field) in record.enumerated() {
        if index > 0 { result += ";" }
        result += Self.excelField(Self.dutch(field))
      }
      result += "\r\n"
    }
    return result
  }

  /// A field as Dutch Excel reads it: an ISO date as `dd-mm-jjjj`, a decimal number with a
  /// comma; anything else as it is.
  static func dutch(_ field: String) -> String {
    let bytes = Array(field.utf8)
    func digits(_ range: Range<Int>) -> Bool {
      bytes[range].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
    if bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D, digits(0..<4), digits(5..<7),
      digits(8..<10)
    {
      let text = Array(field)
      return String(text[8..<10]) + "-" + String(text[5..<7]) + "-" + String(text[0..<4])
    }
    let unsigned = bytes.first == 0x2D ? Array(bytes.dropFirst()) : bytes
    if let point = unsigned.firstIndex(of: 0x2E), point > 0, point < unsigned.count - 1,
      unsigned.enumerated().allSatisfy({
        $0.offset == point || ($0.element >= 0x30 && $0.element <= 0x39)
      })
    {
      return String(field.map { $0 == "." ? "," : $0 })
    }
    return field
  }

  /// Quoted where a semicolon, quote or line break needs it (the formula guard was applied
  /// when the RFC 4180 text was written).
  static func excelField(_ field: String) -> String {
    guard field.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return field
    }
    return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
  }
}

extension CSV {
  /// The records of an RFC 4180 text (quoted fields, doubled quotes, CRLF or LF), read as
  /// `jobcoach import` reads a CSV table.
  static func records(_ text: String) -> [[String]] {
    CSVReader<ByteArraySource>.records(text)
  }
}
