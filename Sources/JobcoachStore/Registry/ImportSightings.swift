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
    try database.execute("DELETE FROM temp.import_sightings")
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
