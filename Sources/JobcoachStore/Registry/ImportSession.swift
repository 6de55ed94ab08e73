internal import CSQLite
import JobcoachCore

/// One streaming import: records are checked and written as they are read, all in one
/// transaction, so memory does not grow with the files. Nothing is committed until `finish`,
/// and nothing at all when any problem was found: the registry is left as it was.
///
/// Into an empty registry the PE activities' covering index is dropped for the load and built
/// once at the end, which is several times faster than keeping it up to date row by row.
///
/// SQLite does not check each row's foreign keys and CHECK constraints during the import: the
/// domain has checked every value and reference before it is written (with the file and the
/// place in it, which SQLite cannot name), and re-checking a million PE activities row by row
/// was a fifth of the writing thread's time. Before the commit the foreign keys of every table
/// are checked at once, except those of `pe_activities`, whose rows are only ever written
/// straight after their portfolio's. Both checks are on again once the transaction ends.
public final class ImportSession {
  let store: RegistryStore
  let dryRun: Bool
  let audit: AuditContext?
  let log: ProblemLog
  let validator: ReferenceValidator
  var writer: ImportWriter
  var summary = ImportSummary()
  var documents: [(file: String, kind: DocumentKind?, sha256: String)] = []
  var publicRegisters: [PublicRegister] = []
  var rebuildActivityIndex = false
  var open = true

  /// Starts the transaction; problems found while reading go to `log`.
  public init(store: RegistryStore, dryRun: Bool, audit: AuditContext?, log: ProblemLog)
    throws(StoreError)
  {
    self.store = store
    self.dryRun = dryRun
    self.audit = audit
    self.log = log
    validator = ReferenceValidator(registry: StoreLookup(store: store), log: log)
    writer = try store.wrap { () throws(SQLiteError) in try ImportWriter(store: store) }
    summary.isDryRun = dryRun
    try store.wrap { () throws(SQLiteError) in
      do throws(SQLiteError) {
        // Only outside a transaction does SQLite change its foreign-key enforcement.
        try store.database.execute("PRAGMA foreign_keys = OFF")
        try store.database.execute("PRAGMA ignore_check_constraints = ON")
        try store.database.execute("BEGIN IMMEDIATE")
      } catch {
        Self.restoreChecks(store.database)
        throw error
      }
      do throws(SQLiteError) {
        if try store.database.scalarInt(
          "SELECT count(*) FROM (SELECT 1 FROM pe_activities LIMIT 1)")
          == 0
        {
          try store.database.execute("DROP INDEX pe_activities_by_coach_date")
          rebuildActivityIndex = true
        }
      } catch {
        try? store.database.execute("ROLLBACK")
        Self.restoreChecks(store.database)
        throw error
      }
    }
  }

  deinit {
    rollback()
  }

  /// Turns SQLite's own row checks back on for the connection.
  private static func restoreChecks(_ database: Database) {
    try? database.execute("PRAGMA ignore_check_constraints = OFF")
    try? database.execute("PRAGMA foreign_keys = ON")
  }

  /// Fails with SQLite's own foreign-key error when a row written refers to nothing.
  private func checkForeignKeys() throws(SQLiteError) {
    let tables = try store.database.cached(
      """
      SELECT DISTINCT m.name FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
      WHERE m.type = 'table' AND m.name != 'pe_activities' ORDER BY m.name
      """)
    tables.reset()
    defer { tables.reset() }
    var names: [String] = []
    while try tables.step() { names.append(tables.text(0) ?? "") }
    for name in names {
      let check = try store.database.cached("SELECT \"table\" FROM pragma_foreign_key_check(?)")
      try check.bind([.text(name)])
      defer { check.reset() }
      if try check.step() {
        throw SQLiteError(
          code: SQLITE_CONSTRAINT | 3 << 8, message: "FOREIGN KEY constraint failed in '\(name)'",
          sql: "PRAGMA foreign_key_check")
      }
    }
  }

  /// Checks one record and, while the import has no problems, writes it.
  public func add(_ record: ImportRecord, file: String, pointer: JSONPointer) throws(StoreError) {
    validator.check(record, file: file, pointer: pointer)
    guard log.isEmpty else { return }
    try store.wrap { () throws(SQLiteError) in
      func add(_ kind: DocumentKind, _ counts: ImportSummary.Counts) {
        var total = summary.counts[kind] ?? ImportSummary.Counts()
        total.created += counts.created
        total.updated += counts.updated
        total.unchanged += counts.unchanged
        summary.counts[kind] = total
      }
      switch record {
      case .organisation(let value): add(.organisations, try writer.write([value]))
      case .coach(let value): add(.coaches, try writer.write([value]))
      case .placement(let value): add(.placements, try writer.write([value]))
      case .policy(let value): add(.policies, try writer.write([value]))
      case .education(let value): add(.educations, try writer.write([value]))
      case .accreditation(let value): add(.accreditations, try writer.write([value]))
      case .norm(let value): add(.peNorms, try writer.write([value]))
      case .portfolio(let value): add(.portfolios, try writer.write([value]))
      case .membership(let value): add(.memberships, try writer.write([value]))
      case .booking(let value): add(.hourBookings, try writer.write([value]))
      case .publicRegister(let value): publicRegisters.append(value)
      }
    }
  }

  /// Notes a document read to its end, for the audit trail.
  public func finishDocument(_ file: String, _ info: DocumentInfo) {
    documents.append((file, info.kind, info.sha256))
  }

  /// Resolves what was left open; with no problem commits (or, for a dry run, rolls back) and
  /// returns the counts. With problems rolls back and throws them.
  public func finish() throws(StoreError) -> ImportSummary {
    validator.finish()
    guard log.isEmpty else {
      rollback()
      throw .importRejected(log.problems)
    }
    do {
      try store.wrap { () throws(SQLiteError) in
        if !publicRegisters.isEmpty {
          summary.counts[.publicRegister] = try writer.write(publicRegisters)
        }
        if rebuildActivityIndex {
          // SQLite sorts the index's entries on a helper thread as well when allowed to.
          try store.database.execute("PRAGMA threads = 2")
          try store.database.execute(Schema.activityIndex)
          try store.database.execute("PRAGMA threads = 0")
        }
        if let audit, summary.changedAnything {
          let entries = documents.map { document in
            AuditEntry(
              subjectKind: "document", subjectID: document.file, field: "import",
              newValue: document.kind?.rawValue, documentHash: document.sha256,
              reason: "import of \(document.file)")
          }
          try store.appendAudit(entries + writer.changes.entries, context: audit)
        }
        try checkForeignKeys()
        try store.database.execute(dryRun ? "ROLLBACK" : "COMMIT")
        open = false
        Self.restoreChecks(store.database)
      }
    } catch {
      rollback()
      throw error
    }
    return summary
  }

  /// Abandons the import: nothing of it stays.
  public func rollback() {
    if open {
      try? store.database.execute("ROLLBACK")
      open = false
      Self.restoreChecks(store.database)
    }
  }
}
