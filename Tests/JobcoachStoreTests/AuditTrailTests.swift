import Testing

@testable import JobcoachCore
@testable import JobcoachStore

struct AuditTrailTests {
  static let context = AuditContext(
    command: "import", actor: "Registrar", timestamp: "2026-11-23T09:00:00Z",
    day: CalendarDate(iso: "2026-11-23")!)

  func importedStore() throws -> RegistryStore {
    let store = try RegistryStore.inMemory()
    _ = try store.apply(batch(allDocuments).0, audit: Self.context)
    return store
  }

  @Test func anImportRecordsEachDocumentAndEachChangedRecord() throws {
    let store = try importedStore()
    let records = try store.auditRecords()
    // 4 documents, 8 records.
    #expect(records.count == 12)
    let documents = records.filter { $0.entry.subjectKind == "document" }
    #expect(documents.map(\.entry.subjectID) == allDocuments.map(\.0))
    #expect(documents.first?.entry.documentHash == SHA256.hex(organisationsDocument))
    #expect(records.map(\.sequence) == Array(1...12))
    #expect(records.allSatisfy { $0.context.actor == "Registrar" })
    #expect(AuditChain.firstBreak(records) == nil)
    // Importing the same again changes nothing and records nothing.
    _ = try store.apply(batch(allDocuments).0, audit: Self.context)
    #expect(try store.auditRecords().count == 12)
    #expect(try store.auditRecords(subject: "JC-1").map(\.entry.newValue) == ["created"])
  }

  @Test func aDryRunRecordsNothing() throws {
    let store = try RegistryStore.inMemory()
    _ = try store.apply(batch(allDocuments).0, dryRun: true, audit: Self.context)
    #expect(try store.auditRecords().isEmpty)
  }

  @Test func theDatabaseRefusesToChangeOrDeleteARecord() throws {
    let store = try importedStore()
    #expect(throws: SQLiteError.self) {
      try store.database.execute("UPDATE audit_log SET actor = 'x' WHERE sequence = 1")
    }
    #expect(throws: SQLiteError.self) {
      try store.database.execute("DELETE FROM audit_log WHERE sequence = 1")
    }
    #expect(AuditChain.firstBreak(try store.auditRecords()) == nil)
  }

  /// Tampering as someone with the file would: drop the guards, then rewrite.
  func tampered(_ sql: String) throws -> AuditBreak? {
    let store = try importedStore()
    try store.database.execute(
      """
      DROP TRIGGER audit_log_is_never_updated; DROP TRIGGER audit_log_is_never_deleted;
      """ + sql)
    return AuditChain.firstBreak(try store.auditRecords())
  }

  @Test func aChangedRecordIsDetected() throws {
    let broken = try tampered("UPDATE audit_log SET new_value = 'updated' WHERE sequence = 7")
    #expect(broken == AuditBreak(sequence: 7, problem: .changed))
  }

  @Test func aRemovedRecordIsDetected() throws {
    let broken = try tampered("DELETE FROM audit_log WHERE sequence = 5")
    #expect(broken == AuditBreak(sequence: 6, problem: .predecessorMissing))
  }

  @Test func anInsertedRecordIsDetected() throws {
    // A forged record chained to record 4, its own hash correct, slipped in as number 5.
    let store = try importedStore()
    let records = try store.auditRecords()
    let forged = AuditRecord(
      sequence: 5, context: Self.context,
      entry: AuditEntry(
        subjectKind: "membership", subjectID: "JC-1", field: "status", newValue: "registered",
        reason: "forged"), previousHash: records[3].hash)
    try store.database.execute(
      """
      DROP TRIGGER audit_log_is_never_updated; DROP TRIGGER audit_log_is_never_deleted;
      UPDATE audit_log SET sequence = sequence + 100 WHERE sequence >= 5;
      UPDATE audit_log SET sequence = sequence - 99 WHERE sequence >= 105;
      INSERT INTO audit_log (sequence, recorded_at, recorded_on, command, actor, subject_kind,
        subject_id, field, old_value, new_value, document_hash, reason, previous_hash, hash)
      VALUES (5, '2026-11-23T09:00:00Z', '2026-11-23', 'import', 'Registrar', 'membership',
        'JC-1', 'status', NULL, 'registered', NULL, 'forged', '\(forged.previousHash)',
        '\(forged.hash)');
      """)
    let broken = AuditChain.firstBreak(try store.auditRecords())
    #expect(broken == AuditBreak(sequence: 6, problem: .inserted))
  }

  @Test func aMembershipSaveRecordsItsStatusChangeInTheSameTransaction() throws {
    let store = try importedStore()
    let membership = Membership(
      coach: "JC-1", registerNumber: "", admittedOn: CalendarDate(iso: "2026-11-23")!,
      route: .entryRequirements,
      statusChanges: [
        StatusChange(
          date: CalendarDate(iso: "2026-11-23")!, status: .registered, rule: .admissionEducation,
          decision: "admitted")
      ])
    let entry = AuditEntry(
      subjectKind: "membership", subjectID: "JC-1", field: "status", newValue: "registered",
      reason: "R-ADM-1: admitted")
    _ = try store.save(membership, audit: Self.context, entries: [entry])
    let last = try #require(try store.auditRecords(subject: "JC-1").last)
    #expect(last.entry == entry)
    #expect(last.sequence == 13)
  }
}
