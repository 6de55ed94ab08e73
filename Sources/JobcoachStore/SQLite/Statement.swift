internal import CSQLite
import JobcoachCore

/// A prepared statement; finalized when released. Bind by 1-based index.
final class Statement {
  let handle: OpaquePointer
  let sql: String
  unowned let database: Database
  /// How many parameters the SQL has.
  let parameterCount: Int

  init(database: Database, sql: String) throws(SQLiteError) {
    var handle: OpaquePointer?
    let status = sqlite3_prepare_v2(database.handle, sql, -1, &handle, nil)
    guard status == SQLITE_OK, let handle else { throw database.error(status, sql: sql) }
    self.handle = handle
    self.sql = sql
    self.database = database
    parameterCount = Int(sqlite3_bind_parameter_count(handle))
  }

  deinit {
    sqlite3_finalize(handle)
  }

  /// Resets the statement and clears its bindings, so it can run again.
  func reset() {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
  }

  /// The texts of the row last bound, one after another: SQLite reads them in place
  /// (`SQLITE_STATIC`) instead of copying each, which a million-row import would otherwise pay
  /// for with as many allocations. Reused from row to row; the bindings are cleared before the
  /// buffer changes again.
  private var rowBytes: [UInt8] = []
  private var textSpans: [Int] = []

  /// Binds every value in order from index 1, texts in place from `rowBytes`.
  func bind(_ values: [SQLValue]) throws(SQLiteError) {
    if values.count < parameterCount { sqlite3_clear_bindings(handle) }
    // Worked on as locals: a class's stored array is checked for exclusive access on every
    // use.
    var rowBytes: [UInt8] = []
    var textSpans: [Int] = []
    swap(&rowBytes, &self.rowBytes)
    swap(&textSpans, &self.textSpans)
    defer {
      swap(&rowBytes, &self.rowBytes)
      swap(&textSpans, &self.textSpans)
    }
    rowBytes.removeAll(keepingCapacity: true)
    textSpans.removeAll(keepingCapacity: true)
    for value in values {
      guard case .text(let text) = value else { continue }
      textSpans.append(rowBytes.count)
      if text.utf8.withContiguousStorageIfAvailable({ rowBytes.append(contentsOf: $0) }) == nil {
        rowBytes.append(contentsOf: text.utf8)
      }
      textSpans.append(rowBytes.count)
    }
    // One byte more, so an empty text still has an address (a null one would bind NULL).
    rowBytes.append(0)
    let status: Int32 = rowBytes.withUnsafeBufferPointer { bytes in
      var span = 0
      for (offset, value) in values.enumerated() {
        let index = Int32(offset + 1)
        let status: Int32
        switch value {
        case .null: status = sqlite3_bind_null(handle, index)
        case .integer(let number): status = sqlite3_bind_int64(handle, index, Int64(number))
        case .text:
          let start = textSpans[span]
          let end = textSpans[span + 1]
          span += 2
          status = (bytes.baseAddress! + start).withMemoryRebound(
            to: CChar.self, capacity: end - start + 1
          ) { sqlite3_bind_text(handle, index, $0, Int32(end - start), nil) }
        }
        guard status == SQLITE_OK else { return status }
      }
      return SQLITE_OK
    }
    guard status == SQLITE_OK else { throw database.error(status, sql: sql) }
  }

  /// Steps once: true when a row is ready, false when done.
  @discardableResult
  func step() throws(SQLiteError) -> Bool {
    let status = sqlite3_step(handle)
    switch status {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default: throw database.error(status, sql: sql)
    }
  }

  /// Binds, runs to completion and resets.
  func run(_ values: [SQLValue]) throws(SQLiteError) {
    sqlite3_reset(handle)
    try bind(values)
    defer { sqlite3_reset(handle) }
    while try step() {}
  }

  func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

  func int64OrNil(_ column: Int32) -> Int64? {
    isNull(column) ? nil : sqlite3_column_int64(handle, column)
  }

  func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
  func intOrNil(_ column: Int32) -> Int? { int64OrNil(column).map(Int.init) }

  /// The text of a column, or nil for NULL (never `String(cString:)` on a NULL pointer).
  func text(_ column: Int32) -> String? {
    guard let pointer = sqlite3_column_text(handle, column) else { return nil }
    let count = Int(sqlite3_column_bytes(handle, column))
    return String(
      decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
  }
}

/// A value to bind.
enum SQLValue {
  case null
  case text(String)
  case integer(Int)

  init(_ text: String?) { self = text.map(SQLValue.text) ?? .null }
  init(_ number: Int?) { self = number.map(SQLValue.integer) ?? .null }
  init(_ flag: Bool) { self = .integer(flag ? 1 : 0) }
  /// Dates are stored as `YYYY-MM-DD` text, which sorts as dates do.
  init(_ date: CalendarDate?) { self = date.map { .text($0.description) } ?? .null }
  init<ID: RecordIdentifier>(_ id: ID?) { self = id.map { .text($0.rawValue) } ?? .null }
}
