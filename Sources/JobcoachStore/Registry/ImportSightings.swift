internal import CSQLite
import JobcoachCore

/// Where an import first saw each record, in a temporary table of the import's connection
/// (SQLite keeps temporary tables in a file of their own, with a small cache): an import of
/// millions of bookings holds none of them in memory. The table is emptied when an import
/// starts; the import's transaction holds its rows.
final class ImportSightings: RecordSightings {
  let database: Database
  /// The first error SQLite gave; the import fails with it.
  private(set) var failure: SQLiteError?

  init(_ database: Database) throws(SQLiteError) {
    self.database = database
    try database.execute(
      """
      CREATE TEMP TABLE IF NOT EXISTS import_sightings (
        name TEXT PRIMARY KEY, file TEXT NOT NULL, place TEXT NOT NULL, detail TEXT
      ) WITHOUT ROWID
      """)
    try database.execute(
      """
      CREATE TEMP TABLE IF NOT EXISTS import_postponed (
        sequence INTEGER PRIMARY KEY, target TEXT NOT NULL, id TEXT NOT NULL, placement TEXT,
        file TEXT NOT NULL, place TEXT NOT NULL
      )
      """)
    try database.execute("DELETE FROM temp.import_sightings")
    try database.execute("DELETE FROM temp.import_postponed")
  }

  func postpone(_ reference: PostponedReference) {
    do throws(SQLiteError) {
      try database.cached(
        """
        INSERT INTO temp.import_postponed (sequence, target, id, placement, file, place)
        VALUES (?, ?, ?, ?, ?, ?)
        """
      ).run { row in
        row.integer(reference.sequence)
        row.text(reference.target.rawValue)
        row.text(reference.id)
        row.text(reference.placement)
        row.text(reference.file)
        row.text(reference.place.stored)
      }
    } catch {
      failure = failure ?? error
    }
  }

  func forEachPostponed(_ body: (PostponedReference) -> Void) {
    do throws(SQLiteError) {
      // A statement of its own: `body` asks the registry (and these tables) as it goes.
      let rows = try database.prepare(
        "SELECT sequence, target, id, placement, file, place FROM temp.import_postponed "
          + "ORDER BY sequence")
      while try rows.step() {
        guard let target = PostponedReference.Target(rawValue: rows.text(1) ?? ""),
          let place = DocumentProblem.Place(stored: rows.text(5) ?? "")
        else {
          // Written by `postpone` in this transaction: unreadable only if the file is damaged.
          throw SQLiteError(
            code: SQLITE_CORRUPT, message: "a postponed reference cannot be read back",
            sql: "SELECT ... FROM temp.import_postponed")
        }
        body(
          PostponedReference(
            sequence: rows.int(0), target: target, id: rows.text(2) ?? "",
            placement: rows.text(3), file: rows.text(4) ?? "", place: place))
      }
    } catch {
      failure = failure ?? error
    }
  }

  func sight(
    _ name: RecordName, file: String, place: DocumentProblem.Place, detail: String?
  ) -> RecordSighting? {
    let key = name.key
    do throws(SQLiteError) {
      let insert = try database.cached(
        """
        INSERT INTO temp.import_sightings (name, file, place, detail) VALUES (?, ?, ?, ?)
        ON CONFLICT (name) DO NOTHING
        """)
      try insert.run { row in
        row.text(key)
        row.text(file)
        row.text(place.stored)
        row.text(detail)
      }
      guard database.changes == 0 else { return nil }
      return try sighting(key)
    } catch {
      failure = failure ?? error
      return nil
    }
  }

  func sighting(of name: RecordName) -> RecordSighting? {
    do throws(SQLiteError) {
      return try sighting(name.key)
    } catch {
      failure = failure ?? error
      return nil
    }
  }

  private func sighting(_ key: String) throws(SQLiteError) -> RecordSighting? {
    let select = try database.cached(
      "SELECT file, place, detail FROM temp.import_sightings WHERE name = ?")
    try select.bind([.text(key)])
    defer { select.reset() }
    guard try select.step(), let place = DocumentProblem.Place(stored: select.text(1) ?? "")
    else { return nil }
    return RecordSighting(file: select.text(0) ?? "", place: place, detail: select.text(2))
  }
}
