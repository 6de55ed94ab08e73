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
        subject_id, field, old_value, new_value, document_hash, reason, reason_sha256,
        chain_version, previous_hash, hash)
      VALUES (5, '2026-11-23T09:00:00Z', '2026-11-23', 'import', 'Registrar', 'membership',
        'JC-1', 'status', NULL, 'registered', NULL, 'forged', '\(forged.reasonDigest ?? "")', 2,
        '\(forged.previousHash)', '\(forged.hash)');
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

  // MARK: Erasable reasons (issue 14, item 5)

  @Test func aReasonCanBeErasedAndTheChainStaysWhole() throws {
    let store = try importedStore()
    let before = try store.auditRecords()
    _ = try store.database.execute(
      "UPDATE audit_log SET reason = NULL WHERE subject_id = 'JC-1'")
    let after = try store.auditRecords()
    #expect(after.count == before.count)
    #expect(after.filter(\.isReasonErased).map(\.entry.subjectID) == ["JC-1"])
    #expect(after.map(\.hash) == before.map(\.hash))
    #expect(AuditChain.firstBreak(after) == nil)
  }

  @Test func theGuardLetsNothingElseChange() throws {
    let store = try importedStore()
    for sql in [
      "UPDATE audit_log SET reason = 'other words' WHERE sequence = 1",
      "UPDATE audit_log SET reason = NULL, actor = 'x' WHERE sequence = 1",
      "UPDATE audit_log SET reason = NULL, reason_sha256 = NULL WHERE sequence = 1",
      "UPDATE audit_log SET reason = NULL, chain_version = 1 WHERE sequence = 1",
    ] {
      #expect(throws: SQLiteError.self, "\(sql)") { try store.database.execute(sql) }
    }
    #expect(try store.auditGuardProblems() == [])
  }

  @Test func wordsPutBackThatDoNotMatchTheDigestAreAChange() throws {
    let store = try importedStore()
    try store.database.execute(
      """
      DROP TRIGGER audit_log_is_never_updated;
      UPDATE audit_log SET reason = 'something else' WHERE sequence = 3;
      """)
    #expect(
      AuditChain.firstBreak(try store.auditRecords()) == AuditBreak(sequence: 3, problem: .changed))
    #expect(try store.auditGuardProblems() == [.missing("audit_log_is_never_updated")])
  }

  @Test func anAlteredGuardIsNamed() throws {
    let store = try importedStore()
    try store.database.execute(
      """
      DROP TRIGGER audit_log_is_never_deleted;
      CREATE TRIGGER audit_log_is_never_deleted BEFORE DELETE ON audit_log WHEN 0
        BEGIN SELECT RAISE(ABORT, 'audit records are never deleted'); END;
      """)
    #expect(try store.auditGuardProblems() == [.altered("audit_log_is_never_deleted")])
  }

  @Test func aDayThatIsNotADateNamesItsRecord() throws {
    let store = try importedStore()
    try store.database.execute(
      """
      PRAGMA ignore_check_constraints = ON;
      DROP TRIGGER audit_log_is_never_updated;
      UPDATE audit_log SET recorded_on = '2026-13-45' WHERE sequence = 4;
      PRAGMA ignore_check_constraints = OFF;
      """)
    let trail = try store.auditTrailForVerification()
    #expect(trail.records.count == 3)
    #expect(trail.unreadable == 4)
    #expect(throws: StoreError.self) { try store.auditRecords() }
  }

  @Test func aResealedTrailIsWholeAndKeepsEveryWord() throws {
    var previous = AuditRecord.genesis
    var old: [AuditRecord] = []
    for sequence in 1...5 {
      var record = AuditRecord(
        sequence: sequence, context: Self.context,
        entry: AuditEntry(
          subjectKind: "membership", subjectID: "JC-\(sequence % 2)", field: "status",
          reason: "R-ASM-1: words \(sequence)"),
        previousHash: previous, hash: "", chainVersion: 1)
      record.hash = record.computedHash
      previous = record.hash
      old.append(record)
    }
    #expect(AuditChain.firstBreak(old) == nil)
    let sealed = try #require(AuditChain.resealed(old))
    #expect(sealed.allSatisfy { $0.chainVersion == 2 })
    #expect(sealed.map(\.entry) == old.map(\.entry))
    #expect(AuditChain.firstBreak(sealed) == nil)
    #expect(AuditChain.firstBreak(sealed.map { $0.erasingReason() }) == nil)
    // A broken trail is not sealed again: the break stays for `audit verify` to name.
    var broken = old
    broken[2].entry.reason = "changed"
    #expect(AuditChain.resealed(broken) == nil)
  }

  @Test func aVersionOneRecordCannotHaveItsReasonErased() {
    var record = AuditRecord(
      sequence: 1, context: Self.context,
      entry: AuditEntry(subjectKind: "coach", subjectID: "JC-1", field: "x", reason: "words"),
      previousHash: AuditRecord.genesis, hash: "", chainVersion: 1)
    record.hash = record.computedHash
    #expect(record.isIntact)
    #expect(!record.erasingReason().isIntact)
  }
}
