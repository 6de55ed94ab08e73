internal import CSQLite

/// A mark that changes whenever the registry changes, through this connection or any other:
/// SQLite's data version (commits by other connections) with this connection's own count of
/// changes. An answer computed under one mark holds while the mark stays.
public struct ChangeMark: Hashable, Sendable {
  let dataVersion: Int64
  let ownChanges: Int64
}

extension RegistryStore {
  public func changeMark() throws(StoreError) -> ChangeMark {
    try wrap { () throws(SQLiteError) in
      let version = try database.cached("PRAGMA data_version")
      defer { version.reset() }
      _ = try version.step()
      return ChangeMark(
        dataVersion: version.int64OrNil(0) ?? 0,
        ownChanges: Int64(sqlite3_total_changes64(database.handle)))
    }
  }
}
