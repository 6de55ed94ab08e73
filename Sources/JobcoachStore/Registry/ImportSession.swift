internal import CSQLite
import JobcoachCore

/// One streaming import: records are checked and written as they are read, all in one
/// transaction, so memory does not grow with the files. Nothing is committed until `finish`,
/// and nothing at all when any problem was found: the registry is left as it was.
///
/// SQLite's own CHECK constraints and foreign keys stay on for every row of every table: the
/// domain checks first and reports well (with the file and the place in it, which SQLite
/// cannot name), SQLite is the last line of defence. Foreign keys are deferred to the commit
/// (`PRAGMA defer_foreign_keys`, which ends with the transaction): documents may name an
/// organisation before the document that holds it, and a violation left at the end still fails
/// the commit, so nothing is written.
public final class ImportSession {
  let store: RegistryStore
  let dryRun: Bool
  let audit: AuditContext?
  let log: ProblemLog
  let validator: ReferenceValidator
  let sightings: ImportSightings
  var writer: ImportWriter
  var summary = ImportSummary()
  var documents: [(file: String, kind: String?, sha256: String)] = []
  var publicRegisters: [PublicRegister] = []
  var open = true
  /// Whether a public register without a signature is imported (`--allow-unsigned`, for a
  /// municipality whose association has no key yet); the summary and the audit trail say so.
  public var allowsUnsignedRegisters = false
  /// The issuers whose signed public registers are accepted, read once.
  private lazy var trusted: Set<String>? = try? Set(store.acceptedSigners())

  /// Starts the transaction; problems found while reading go to `log`.
  public init(store: RegistryStore, dryRun: Bool, audit: AuditContext?, log: ProblemLog)
    throws(StoreError)
  {
    self.store = store
    self.dryRun = dryRun
    self.audit = audit
    self.log = log
    summary.isDryRun = dryRun
    // The import's own temporary tables are emptied inside its transaction.
    (sightings, writer) = try store.wrap { () throws(SQLiteError) in
      try store.database.execute("BEGIN IMMEDIATE")
      do throws(SQLiteError) {
        try store.database.execute("PRAGMA defer_foreign_keys = ON")
        return (
          try ImportSightings(store.database),
          ImportWriter(store: store, changes: try ImportWriter.ChangeLog(store.database))
        )
      } catch {
        try? store.database.execute("ROLLBACK")
        throw error
      }
    }
    validator = ReferenceValidator(
      registry: StoreLookup(store: store), log: log, sightings: sightings)
    // The memberships written are the registry's to answer for; those not written are kept.
    validator.keepsMemberships = false
  }

  deinit {
    rollback()
  }

  /// Fails with SQLite's own foreign-key error when a row written refers to nothing (what a
  /// commit with deferred foreign keys would refuse).
  private func checkForeignKeys() throws(SQLiteError) {
    guard store.database.hasUnresolvedForeignKeys else { return }
    throw SQLiteError(
      code: SQLITE_CONSTRAINT | 3 << 8, message: "FOREIGN KEY constraint failed",
      sql: "PRAGMA foreign_key_check")
  }

  /// Checks one record and, while the import has no problems, writes it.
  public func add(_ record: ImportRecord, file: String, pointer: JSONPointer) throws(StoreError) {
    try add(record, file: file, place: .pointer(pointer))
  }

  /// Checks one record read from `file` at `place` (a JSON pointer or a table's row) and,
  /// while the import has no problems, writes it.
  public func add(_ record: ImportRecord, file: String, place: RecordPlace) throws(StoreError) {
    if case .publicRegister(let register) = record, !accepts(register, file: file) { return }
    validator.check(record, file: file, place: place)
    guard log.isEmpty else {
      if case .membership(let membership) = record { validator.keep(membership) }
      return
    }
    try store.wrap { () throws(SQLiteError) in
      func add(_ kind: DocumentKind, _ counts: ImportSummary.Counts) {
        var total = summary.counts[kind] ?? ImportSummary.Counts()
        total.created += counts.created
        total.updated += counts.updated
        total.unchanged += counts.unchanged
        summary.counts[kind] = total
      }
      func count(_ kind: TableKind, _ change: ImportWriter.Change) {
        summary.tables[kind, default: ImportSummary.Counts()].count(change)
      }
      switch record {
      case .organisation(let value): add(.organisations, try writer.write([value]))
      case .coach(let value): add(.coaches, try writer.write([value]))
      case .placement(let value): add(.placements, try writer.write([value]))
      case .policy(let value): add(.policies, try writer.write([value]))
      case .education(let value): add(.educations, try writer.write([value]))
      case .accreditation(let value): add(.accreditations, try writer.write([value]))
      case .norm(let value): add(.peNorms, try writer.write([value]))
      case .register(let value):
        let counts = try writer.write([value])
        add(.registers, counts.registers)
        if counts.norms.total > 0 { add(.peNorms, counts.norms) }
      case .portfolio(let value):
        add(.portfolios, try writer.write([value]))
        for conflict in writer.conflicts.activities {
          log.report(
            file, place.appending("peActivities").appending(conflict.index).appending("id"),
            .activityGivenTwice(conflict.id, coach: conflict.coach, inPortfolio: false))
        }
        writer.conflicts.activities = []
      case .membership(let value): add(.memberships, try writer.write([value]))
      case .booking(let value): add(.hourBookings, try writer.write([value]))
      case .listedActivity(let listed):
        // One row (a batch's): a run of one.
        try writeListed(
          [listed.activity], of: listed.coach, in: listed.tableKind, file, place: { _ in place })
      case .listedActivities(let run):
        try writeListed(run.activities, of: run.coach, in: run.tableKind, file, place: run.place)
      case .listedExperience(let listed):
        guard let coach = validator.coach(of: listed.coach) else { return }
        count(.experience, try writer.write(listed.entry, listedFor: coach))
      case .decision(let value): add(.funderDecisions, try writer.write([value]))
      case .publicRegister(let value): publicRegisters.append(value)
      }
    }
  }

  /// Writes a list's activities for the coach `reference` names (resolved by the check before,
  /// or reported there), counting them by `kind`; an id the coach's portfolio gives too is
  /// reported at its row (`place(index)`) and ends the writing.
  private func writeListed(
    _ activities: [PEActivity], of reference: CoachReference, in kind: TableKind,
    _ file: String, place: (Int) -> RecordPlace
  ) throws(SQLiteError) {
    guard let coach = validator.coach(of: reference) else { return }
    var counts = ImportSummary.Counts()
    defer { summary.tables[kind, default: ImportSummary.Counts()].add(counts) }
    for index in activities.indices {
      guard let change = try writer.write(activities[index], listedFor: coach) else {
        log.report(
          file, place(index).appending(kind == .attendance ? "list" : "id"),
          .activityGivenTwice(activities[index].id, coach: coach, inPortfolio: true))
        return
      }
      counts.count(change)
    }
  }

  /// Whether a public register may be imported: signed by a trusted issuer, or unsigned where
  /// that is allowed; else its problem is reported.
  private func accepts(_ register: PublicRegister, file: String) -> Bool {
    let root = RecordPlace.pointer(.root)
    switch register.signature {
    case .signed(let issuer):
      guard trusted?.contains(issuer) == true else {
        log.report(file, root.appending("issuer"), .registerIssuerNotTrusted(issuer))
        return false
      }
      return true
    case .unsigned:
      guard allowsUnsignedRegisters else {
        log.report(file, root, .registerUnsigned)
        return false
      }
      summary.unsignedRegisters.append(file)
      return true
    case .invalid:
      log.report(file, root.appending("proof"), .registerSignatureInvalid)
      return false
    case .issuerNotSigner(let issuer, let signer):
      log.report(file, root.appending("issuer"), .registerIssuerNotSigner(issuer: issuer, signer: signer))
      return false
    }
  }

  /// Notes a document read to its end, for the audit trail.
  public func finishDocument(_ file: String, _ info: DocumentInfo) {
    documents.append((file, info.kind?.rawValue ?? info.tableKind?.rawValue, info.sha256))
  }

  /// Resolves what was left open; with no problem commits (or, for a dry run, rolls back) and
  /// returns the counts. With problems rolls back and throws them.
  public func finish() throws(StoreError) -> ImportSummary {
    validator.finish()
    if let failure = sightings.failure {
      rollback()
      try store.wrap { () throws(SQLiteError) in throw failure }
    }
    guard log.isEmpty else {
      rollback()
      throw .importRejected(log.problems)
    }
    do {
      try store.wrap { () throws(SQLiteError) in
        if !publicRegisters.isEmpty {
          summary.counts[.publicRegister] = try writer.write(publicRegisters)
        }
        // An unsigned register taken in is said in the trail even when it changed nothing.
        if let audit, summary.changedAnything || !summary.unsignedRegisters.isEmpty {
          let unsigned = Set(summary.unsignedRegisters)
          let entries = documents.map { document in
            AuditEntry(
              subjectKind: "document", subjectID: document.file, field: "import",
              newValue: document.kind, documentHash: document.sha256,
              reason: unsigned.contains(document.file)
                ? "import of \(document.file), an UNSIGNED public register (--allow-unsigned): "
                  + "nothing shows who published it"
                : "import of \(document.file)")
          }
          try store.appendAudit(context: audit) { (add) throws(SQLiteError) in
            for entry in entries { try add(entry) }
            try writer.changes?.forEach(add)
          }
        }
        if dryRun {
          // A dry run commits nothing, so it asks SQLite now what the commit would find.
          try checkForeignKeys()
        }
        try store.database.execute(dryRun ? "ROLLBACK" : "COMMIT")
        open = false
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
    }
  }
}
