import Testing

@testable import JobcoachCore
@testable import JobcoachStore

/// The import leaves SQLite's row checks to the domain while it writes; these pin down that the
/// checks come back on and that a reference to nothing still stops the commit.
struct ImportSessionTests {
  func checks(_ store: RegistryStore) throws -> (foreignKeys: Int64?, ignoreChecks: Int64?) {
    (
      try store.database.scalarInt("PRAGMA foreign_keys"),
      try store.database.scalarInt("PRAGMA ignore_check_constraints")
    )
  }

  @Test func rowChecksAreOnAgainAfterACommittedImport() throws {
    let directory = TemporaryDirectory()
    let (store, _) = try RegistryStore.create(at: directory.file("r.sqlite"))
    let (records, log) = batch([
      ("o.json", organisationsDocument), ("c.json", coachesDocument),
    ])
    #expect(log.isEmpty)
    let summary = try store.apply(records)
    #expect(summary.counts[.coaches]?.created == 2)
    let (foreignKeys, ignoreChecks) = try checks(store)
    #expect(foreignKeys == 1)
    #expect(ignoreChecks == 0)
    // And SQLite enforces them again for every other writer.
    #expect(throws: SQLiteError.self) {
      try store.database.execute(
        "INSERT INTO employments (coach_id, position, organisation_id, kind, valid_from) "
          + "VALUES ('JC-1', 9, 'NOWHERE', 'municipal', '2020-01-01')")
    }
    #expect(throws: SQLiteError.self) {
      try store.database.execute(
        "INSERT INTO employments (coach_id, position, organisation_id, kind, valid_from) "
          + "VALUES ('JC-1', 9, 'MUN', 'municipal', '2020-13-01')")
    }
  }

  /// SQLite compiles the checks into each statement; a statement prepared during the import
  /// (the writer's, cached) must check rows again once it is over.
  @Test func aStatementPreparedDuringTheImportChecksRowsAfterIt() throws {
    let directory = TemporaryDirectory()
    let (store, _) = try RegistryStore.create(at: directory.file("r.sqlite"))
    let (records, _) = batch([("o.json", organisationsDocument), ("c.json", coachesDocument)])
    _ = try store.apply(records)
    let session = try ImportSession(store: store, dryRun: false, audit: nil, log: ProblemLog())
    let insert = try store.database.cached(
      "INSERT INTO employments (coach_id, position, organisation_id, kind, valid_from) "
        + "VALUES (?, 9, ?, ?, '2020-01-01')")
    _ = try session.finish()
    #expect(throws: SQLiteError.self) {
      try insert.run([.text("JC-1"), .text("MUN"), .text("bogus")])
    }
    #expect(throws: SQLiteError.self) {
      try insert.run([.text("JC-1"), .text("NOWHERE"), .text("municipal")])
    }
    #expect(try store.database.scalarInt("SELECT count(*) FROM employments") == 2)
  }

  @Test func rowChecksAreOnAgainAfterADryRun() throws {
    let directory = TemporaryDirectory()
    let (store, _) = try RegistryStore.create(at: directory.file("r.sqlite"))
    let (records, _) = batch([("o.json", organisationsDocument), ("c.json", coachesDocument)])
    let summary = try store.apply(records, dryRun: true)
    #expect(summary.counts[.coaches]?.created == 2)
    #expect(try store.database.scalarInt("SELECT count(*) FROM coaches") == 0)
    let (foreignKeys, ignoreChecks) = try checks(store)
    #expect(foreignKeys == 1)
    #expect(ignoreChecks == 0)
  }

  @Test func rowChecksAreOnAgainAfterARejectedImport() throws {
    let directory = TemporaryDirectory()
    let (store, _) = try RegistryStore.create(at: directory.file("r.sqlite"))
    // Coaches employed by organisations the registry does not hold.
    let (records, _) = batch([("c.json", coachesDocument)])
    #expect(throws: StoreError.self) { try store.apply(records) }
    let (foreignKeys, ignoreChecks) = try checks(store)
    #expect(foreignKeys == 1)
    #expect(ignoreChecks == 0)
    #expect(try store.database.scalarInt("SELECT count(*) FROM coaches") == 0)
  }

  @Test func aRowReferringToNothingStopsTheCommit() throws {
    let directory = TemporaryDirectory()
    let (store, _) = try RegistryStore.create(at: directory.file("r.sqlite"))
    let session = try ImportSession(store: store, dryRun: false, audit: nil, log: ProblemLog())
    // What the domain's reference check would never let through, written behind its back.
    try store.database.execute(
      "INSERT INTO portfolios (coach_id, registered_since) VALUES ('JC-NOBODY', NULL)")
    let error = #expect(throws: StoreError.self) { try session.finish() }
    #expect(error?.description.contains("FOREIGN KEY constraint failed in 'portfolios'") == true)
    #expect(try store.database.scalarInt("SELECT count(*) FROM portfolios") == 0)
    #expect(try checks(store).foreignKeys == 1)
  }

  @Test func aRegistryImportedWithoutRowChecksPassesThem() throws {
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
