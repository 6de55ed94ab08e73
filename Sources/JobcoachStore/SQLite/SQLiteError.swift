/// A failure reported by SQLite: the extended result code, SQLite's message and the SQL text.
/// Never the bound values: they may be personal data.
public struct SQLiteError: Error, Hashable, Sendable, CustomStringConvertible {
  public var code: Int32
  public var message: String
  public var sql: String?

  public init(code: Int32, message: String, sql: String? = nil) {
    self.code = code
    self.message = message
    self.sql = sql
  }

  /// The primary result code (the low byte of the extended code).
  public var primaryCode: Int32 { code & 0xFF }

  /// Another connection held a lock past the wait (SQLITE_BUSY or SQLITE_LOCKED).
  public var isBusy: Bool { primaryCode == 5 || primaryCode == 6 }

  public var description: String {
    var text = "sqlite error \(code): \(message)"
    if let sql { text += " (in '\(sql.split(separator: "\n").joined(separator: " "))')" }
    return text
  }
}
