import Testing

@testable import JobcoachCore
@testable import JobcoachStore

/// SQLite's own CHECK constraints and foreign keys stay on during an import, for every table:
/// the domain checks first and reports well, SQLite is the last line of defence.
struct ImportSessionTests {
  func checks(_ store: RegistryStore) throws -> (foreignKeys: Int64?, ignoreChecks: Int64?) {
    (
      try store.database.scalarInt("PRAGMA foreign_keys"),
      try store.database.scalarInt("PRAGMA ignore_check_constraints")
    )
  }

  @Test func rowChecksAreOnWhileTheImportWrites() throws {
    let directory = TemporaryDirectory()
    let (store, _) = try RegistryStore.create(at: directory.file("r.sqlite"))
    let (records, _) = batch([("o.json", organisationsDocument), ("c.json", coachesDocument)])
    let session = try ImportSession(store: store, dryRun: false, audit: nil, log: ProblemLog())
    for located in records.recordsInOrder {
      try session.add(located.value, file: located.file, pointer: located.pointer)
    }
    let (foreignKeys, ignoreChecks) = try checks(store)
    #expect(foreignKeys == 1)
    #expect(ignoreChecks == 0)
    // A CHECK constraint refuses the row at once, inside the import's transaction.
    #expect(throws: SQLiteError.self) {
      try store.database.execute(
        "INSERT INTO employments (coach_id, position, organisation_id, kind, valid_from) "
          + "VALUES ('JC-1', 9, 'MUN', 'municipal', '2020-13-01')")
    }
    #expect(throws: SQLiteError.self) {
      try store.database.execute(
        "INSERT INTO pe_activities (coach_id, id, activity_day, minutes, title, provider, "
          + "category) VALUES ('JC-1', 'A', 18262, 0, 't', 'p', 'free')")
    }
    #expect(throws: SQLiteError.self) {
      try store.database.execute(
        "INSERT INTO pe_activities (coach_id, id, activity_day, minutes, title, provider, "
          + "category) VALUES ('JC-1', 'A', 2932897, 60, 't', 'p', 'free')")
    }
    _ = try session.finish()
    #expect(try store.database.scalarInt("SELECT count(*) FROM coaches") == 2)
  }

  /// Documents may name an organisation before the document that holds it: references are
  /// checked when the import commits.
  @Test func aReferenceToARecordLaterInTheImportIsFine() throws {
    let directory = TemporaryDirectory()
    let (store, _) = try RegistryStore.create(at: directory.file("r.sqlite"))
    let (records, log) = batch([("c.json", coachesDocument), ("o.json", organisationsDocument)])
    #expect(log.isEmpty)
    let session = try ImportSession(store: store, dryRun: false, audit: nil, log: ProblemLog())
    for located in records.coaches {
      try session.add(.coach(located.value), file: located.file, pointer: located.pointer)
    }
    for located in records.organisations {
      try session.add(.organisation(located.value), file: located.file, pointer: located.pointer)
    }
    let summary = try session.finish()
    #expect(summary.counts[.coaches]?.created == 2)
    #expect(try store.database.scalarInt("SELECT count(*) FROM employments") ?? 0 > 0)
  }

  @Test func aRowReferringToNothingStopsTheCommit() throws {
    let directory = TemporaryDirectory()
    let (store, _) = try RegistryStore.create(at: directory.file("r.sqlite"))
    let session = try ImportSession(store: store, dryRun: false, audit: nil, log: ProblemLog())
    // What the domain's reference check would never let through, written behind its back.
    try store.database.execute(
      "INSERT INTO portfolios (coach_id, registered_since) VALUES ('JC-NOBODY', NULL)")
    let error = #expect(throws: StoreError.self) { try session.finish() }
    #expect(error?.description.contains("FOREIGN KEY constraint failed") == true)
    #expect(try store.database.scalarInt("SELECT count(*) FROM portfolios") == 0)
    #expect(try checks(store).foreignKeys == 1)
  }

  /// A dry run commits nothing, and still fails as the commit would.
  @Test func aDryRunWithARowReferringToNothingFails() throws {
    let directory = TemporaryDirectory()
    let (store, _) = try RegistryStore.create(at: directory.file("r.sqlite"))
    let session = try ImportSession(store: store, dryRun: true, audit: nil, log: ProblemLog())
    try store.database.execute(
      "INSERT INTO portfolios (coach_id, registered_since) VALUES ('JC-NOBODY', NULL)")
    let error = #expect(throws: StoreError.self) { try session.finish() }
    #expect(error?.description.contains("FOREIGN KEY constraint failed") == true)
    #expect(try store.database.scalarInt("SELECT count(*) FROM portfolios") == 0)
  }

  @Test func aDryRunWritesNothing() throws {
    let directory = TemporaryDirectory()
    let (store, _) = try RegistryStore.create(at: directory.file("r.sqlite"))
    let (records, _) = batch([("o.json", organisationsDocument), ("c.json", coachesDocument)])
    let summary = try store.apply(records, dryRun: true)
    #expect(summary.counts[.coaches]?.created == 2)
    #expect(try store.database.scalarInt("SELECT count(*) FROM coaches") == 0)
  }

  @Test func anImportedRegistryPassesIntegrityAndForeignKeyChecks() throws {
    let directory = TemporaryDirectory()
    let (store, _) = try RegistryStore.create(at: directory.file("r.sqlite"))
    let (records, log) = batch([
      ("o.json", organisationsDocument), ("c.json", coachesDocument),
      ("p.json", placementsDocument), ("pol.json", policiesDocument),
    ])
    #expect(log.isEmpty)
    _ = try store.apply(records)
    // integrity_check also tests every CHECK constraint; foreign_key_check every reference.
    let integrity = try store.database.cached("PRAGMA integrity_check")
    #expect(try integrity.step())
    #expect(integrity.text(0) == "ok")
    integrity.reset()
    #expect(try store.database.scalarInt("SELECT count(*) FROM pragma_foreign_key_check") == 0)
  }
}
