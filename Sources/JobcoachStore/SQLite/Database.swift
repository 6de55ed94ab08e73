internal import CSQLite

/// SQLite's process-wide settings, made once before the first connection opens. Without
/// memory statistics no allocation takes SQLite's global mutex (nothing here reads them).
private let sqliteConfigured: Void = {
  _ = jobcoach_sqlite3_disable_memory_statistics()
}()

/// One connection to an SQLite database. Not shared across threads: one command owns one.
final class Database {
  enum OpenMode {
    case readWrite
    case readWriteCreate
  }

  let handle: OpaquePointer
  let path: String

  /// Waits for other connections' locks, as the policy says.
  let busyWaiter: BusyWaiter

  /// Opens with extended result codes, waiting for other writers as `waiting` says.
  init(path: String, mode: OpenMode, waiting: WaitPolicy = .default) throws(SQLiteError) {
    _ = sqliteConfigured
    var handle: OpaquePointer?
    var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
    if mode == .readWriteCreate { flags |= SQLITE_OPEN_CREATE }
    let status = sqlite3_open_v2(path, &handle, flags, nil)
    guard status == SQLITE_OK, let handle else {
      let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      if let handle { sqlite3_close_v2(handle) }
      throw SQLiteError(code: status, message: message)
    }
    self.handle = handle
    self.path = path
    sqlite3_extended_result_codes(handle, 1)
    busyWaiter = BusyWaiter(policy: waiting)
    busyWaiter.install(on: handle)
  }

  deinit {
    sqlite3_close_v2(handle)
  }

  var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }

  func error(_ code: Int32, sql: String? = nil) -> SQLiteError {
    SQLiteError(code: code, message: lastErrorMessage, sql: sql)
  }

  /// Runs one or more statements without parameters.
  func execute(_ sql: String) throws(SQLiteError) {
    // A cached statement left on its last row holds a read snapshot; a connection with one
    // cannot wait for another writer (SQLite answers busy at once, to avoid a deadlock).
    // Every transaction therefore starts with all of them reset.
    if sql.hasPrefix("BEGIN") {
      for statement in cache.values { statement.reset() }
    }
    let status = sqlite3_exec(handle, sql, nil, nil, nil)
    guard status == SQLITE_OK else { throw error(status, sql: sql) }
  }

  /// Statements prepared once and kept, for the hot paths (imports, lookups).
  private var cache: [String: Statement] = [:]

  /// The statement for `sql`, prepared on first use and reset (bindings cleared) on every use.
  /// Only for statements that are run to completion before the same SQL is asked for again.
  func cached(_ sql: String) throws(SQLiteError) -> Statement {
    if let statement = cache[sql] {
      statement.reset()
      return statement
    }
    let statement = try prepare(sql)
    cache[sql] = statement
    return statement
  }

  func prepare(_ sql: String) throws(SQLiteError) -> Statement {
    try Statement(database: self, sql: sql)
  }

  /// The single integer a query returns, or nil for no row or NULL.
  func scalarInt(_ sql: String) throws(SQLiteError) -> Int64? {
    let statement = try prepare(sql)
    guard try statement.step() else { return nil }
    return statement.int64OrNil(0)
  }

  /// Runs `body` inside `BEGIN IMMEDIATE` ... `COMMIT`; rolls back when it throws.
  func writeTransaction<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
    try execute("BEGIN IMMEDIATE")
    do throws(SQLiteError) {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  var changes: Int { Int(sqlite3_changes(handle)) }

  /// Whether rows written in this transaction still refer to nothing: the count SQLite keeps
  /// for deferred foreign keys, which a commit would refuse.
  var hasUnresolvedForeignKeys: Bool {
    var current: Int32 = 0
    var highest: Int32 = 0
    sqlite3_db_status(handle, SQLITE_DBSTATUS_DEFERRED_FKS, &current, &highest, 0)
    return current > 0
  }

  /// Whether a transaction is open on this connection.
  var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
}
