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

  /// The values of the row last bound, texts one after another in its buffer: SQLite reads
  /// them in place (`SQLITE_STATIC`) instead of copying each, which a million-row import would
  /// otherwise pay for with as many allocations. Reused from row to row: every parameter is
  /// bound again (or the bindings cleared) before the statement steps with a changed buffer.
  private var row = Row()

  /// One row's values in parameter order, as `bind` and `run` take them from a closure: a
  /// million-row writer appends each value's bytes here instead of building an array of
  /// `SQLValue` (and retaining every text in it) per row.
  struct Row {
    fileprivate enum Value {
      case null
      case integer(Int64)
      case text(start: Int, end: Int)
    }
    fileprivate var bytes: [UInt8] = []
    fileprivate var values: [Value] = []

    @inline(__always)
    mutating func text(_ text: String) {
      let start = bytes.count
      if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
        bytes.append(contentsOf: text.utf8)
      }
      values.append(.text(start: start, end: bytes.count))
    }

    @inline(__always)
    mutating func text(_ text: String?) {
      if let text { self.text(text) } else { null() }
    }

    mutating func integer(_ number: Int) { values.append(.integer(Int64(number))) }
    mutating func null() { values.append(.null) }

    mutating func append(_ value: SQLValue) {
      switch value {
      case .null: null()
      case .integer(let number): integer(number)
      case .text(let text): self.text(text)
      }
    }
  }

  /// Binds every value in order from index 1.
  func bind(_ values: [SQLValue]) throws(SQLiteError) {
    try bind { row in
      for value in values { row.append(value) }
    }
  }

  /// Binds the values `fill` appends, in order from index 1, texts in place.
  func bind(_ fill: (inout Row) -> Void) throws(SQLiteError) {
    // Worked on as a local: a class's stored array is checked for exclusive access on every
    // use.
    var row = Row()
    swap(&row, &self.row)
    defer { swap(&row, &self.row) }
    row.bytes.removeAll(keepingCapacity: true)
    row.values.removeAll(keepingCapacity: true)
    fill(&row)
    if row.values.count < parameterCount { sqlite3_clear_bindings(handle) }
    // One byte more, so an empty text still has an address (a null one would bind NULL).
    row.bytes.append(0)
    let status: Int32 = row.bytes.withUnsafeBufferPointer { bytes in
      for (offset, value) in row.values.enumerated() {
        let index = Int32(offset + 1)
        let status: Int32
        switch value {
        case .null: status = sqlite3_bind_null(handle, index)
        case .integer(let number): status = sqlite3_bind_int64(handle, index, number)
        case .text(let start, let end):
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
    try run { row in
      for value in values { row.append(value) }
    }
  }

  /// Binds the values `fill` appends, runs to completion and resets.
  func run(_ fill: (inout Row) -> Void) throws(SQLiteError) {
    sqlite3_reset(handle)
    try bind(fill)
    defer { sqlite3_reset(handle) }
    while try step() {}
  }

  func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

  func int64OrNil(_ column: Int32) -> Int64? {
    isNull(column) ? nil : sqlite3_column_int64(handle, column)
  }

  func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
  func intOrNil(_ column: Int32) -> Int? { int64OrNil(column).map(Int.init) }

  var columnCount: Int32 { sqlite3_column_count(handle) }

  /// The column's type: `SQLITE_NULL`, `SQLITE_INTEGER`, `SQLITE_TEXT`...
  func columnType(_ column: Int32) -> Int32 { sqlite3_column_type(handle, column) }

  /// `body` over the bytes of a column's text, valid only inside it; nil for NULL.
  func withTextBytes<Result>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result)
    -> Result?
  {
    guard let pointer = sqlite3_column_text(handle, column) else { return nil }
    return body(UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column))))
  }

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
