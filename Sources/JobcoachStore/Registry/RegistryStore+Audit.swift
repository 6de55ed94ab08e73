import JobcoachCore

extension RegistryStore {
  /// Appends `entries` to the audit trail, chained to its last record. Call inside the write
  /// transaction of the change they describe, so both land or neither does.
  func appendAudit(_ entries: [AuditEntry], context: AuditContext) throws(SQLiteError) {
    guard !entries.isEmpty else { return }
    try appendAudit(context: context) { (add) throws(SQLiteError) in
      for entry in entries { try add(entry) }
    }
  }

  /// Appends the entries `produce` hands to its argument, in order, to the audit trail's hash
  /// chain: an import's may be more than memory should hold at once.
  func appendAudit(
    context: AuditContext,
    _ produce: ((AuditEntry) throws(SQLiteError) -> Void) throws(SQLiteError) -> Void
  ) throws(SQLiteError) {
    let last = try database.prepare(
      "SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1")
    var sequence = 0
    var previous = AuditRecord.genesis
    if try last.step() {
      sequence = last.int(0)
      previous = last.text(1) ?? AuditRecord.genesis
    }
    let insert = try database.prepare(
      """
      INSERT INTO audit_log (sequence, recorded_at, recorded_on, command, actor, subject_kind,
        subject_id, field, old_value, new_value, document_hash, reason, reason_sha256,
        chain_version, previous_hash, hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    try produce { (entry) throws(SQLiteError) in
      sequence += 1
      let record = AuditRecord(
        sequence: sequence, context: context, entry: entry, previousHash: previous)
      try insert.run([
        .integer(sequence), .text(context.timestamp), SQLValue(context.day),
        .text(context.command), .text(context.actor), .text(entry.subjectKind),
        .text(entry.subjectID), .text(entry.field), SQLValue(entry.oldValue),
        SQLValue(entry.newValue), SQLValue(entry.documentHash), .text(entry.reason),
        SQLValue(record.reasonDigest), .integer(record.chainVersion), .text(previous),
        .text(record.hash),
      ])
      previous = record.hash
    }
  }

  /// Records `entries` in a transaction of their own (a change that writes nothing else).
  public func record(_ entries: [AuditEntry], context: AuditContext) throws(StoreError) {
    try wrap { () throws(SQLiteError) in
      try database.writeTransaction { () throws(SQLiteError) in
        try appendAudit(entries, context: context)
      }
    }
  }

  /// The audit trail in order, optionally only about one subject and from one day on.
  public func auditRecords(subject: String? = nil, since: CalendarDate? = nil) throws(StoreError)
    -> [AuditRecord]
  {
    let trail = try wrap { () throws(SQLiteError) in
      try readAuditTrail(subject: subject, since: since)
    }
    if let unreadable = trail.unreadable {
      throw .database(
        path: path,
        SQLiteError(
          code: 11,
          message: "audit record \(unreadable) is damaged: its day is not a calendar date; "
            + "run 'jobcoach audit verify'"))
    }
    return trail.records
  }

  /// The whole audit trail for `audit verify`: the records in order up to the first that
  /// cannot be read as one (a day that is not a date), and that record's sequence number.
  public func auditTrailForVerification() throws(StoreError) -> (
    records: [AuditRecord], unreadable: Int?
  ) {
    try wrap { () throws(SQLiteError) in try readAuditTrail(subject: nil, since: nil) }
  }

  func readAuditTrail(subject: String?, since: CalendarDate?) throws(SQLiteError) -> (
    records: [AuditRecord], unreadable: Int?
  ) {
    var clauses: [String] = []
    var values: [SQLValue] = []
    if let subject {
      clauses.append("subject_id = ?")
      values.append(.text(subject))
    }
    if let since {
      clauses.append("recorded_on >= ?")
      values.append(SQLValue(since))
    }
    let rows = try database.prepare(
      """
      SELECT sequence, recorded_at, recorded_on, command, actor, subject_kind, subject_id, field,
        old_value, new_value, document_hash, reason, previous_hash, hash, reason_sha256,
        chain_version
      FROM audit_log
      """ + (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND "))
        + " ORDER BY sequence")
    try rows.bind(values)
    var records: [AuditRecord] = []
    while try rows.step() {
      guard let dayText = rows.text(2), let day = CalendarDate(iso: dayText) else {
        return (records, rows.int(0))
      }
      let reason = rows.text(11)
      records.append(
        AuditRecord(
          sequence: rows.int(0),
          context: AuditContext(
            command: rows.text(3) ?? "", actor: rows.text(4) ?? "",
            timestamp: rows.text(1) ?? "", day: day),
          entry: AuditEntry(
            subjectKind: rows.text(5) ?? "", subjectID: rows.text(6) ?? "",
            field: rows.text(7) ?? "", oldValue: rows.text(8), newValue: rows.text(9),
            documentHash: rows.text(10), reason: reason ?? ""),
          previousHash: rows.text(12) ?? "", hash: rows.text(13) ?? "",
          chainVersion: rows.int(15), reasonDigest: rows.text(14),
          isReasonErased: reason == nil))
    }
    return (records, nil)
  }
}

/// A record the audit trail names: its kind and id.
protocol Audited {
  static var auditKind: String { get }
  var auditID: String { get }
}

extension Organisation: Audited {
  static var auditKind: String { "organisation" }
  var auditID: String { id.rawValue }
}
extension Coach: Audited {
  static var auditKind: String { "coach" }
  var auditID: String { id.rawValue }
}
extension Placement: Audited {
  static var auditKind: String { "placement" }
  var auditID: String { id.rawValue }
}
extension MunicipalPolicy: Audited {
  static var auditKind: String { "policy" }
  var auditID: String { "\(id)@\(effectiveFrom)" }
}
extension RecognisedEducation: Audited {
  static var auditKind: String { "education" }
  var auditID: String { id.rawValue }
}
extension Accreditation: Audited {
  static var auditKind: String { "accreditation" }
  var auditID: String { code }
}
extension PENorm: Audited {
  static var auditKind: String { "pe-norm" }
  var auditID: String { "\(register)@\(effectiveFrom)" }
}
extension Register: Audited {
  static var auditKind: String { "register" }
  var auditID: String { id.rawValue }
}
extension Portfolio: Audited {
  static var auditKind: String { "portfolio" }
  var auditID: String { coach.rawValue }
}
extension Membership: Audited {
  static var auditKind: String { "membership" }
  var auditID: String { coach.rawValue }
}
extension FunderDecision: Audited {
  static var auditKind: String { "funder-decision" }
  var auditID: String { id.rawValue }
}
extension HourBooking: Audited {
  static var auditKind: String { "booking" }
  var auditID: String { id.rawValue }
}

extension RegistryStore {
  /// Seals a whole trail of chain version 1 again with version 2, so its reasons become
  /// erasable; a broken trail is left as it is (`audit verify` names the break). Runs inside
  /// the upgrade's transaction, with the guard against changes lifted for it alone.
  func resealAuditTrail() throws(SQLiteError) {
    let records = try readAuditTrail(subject: nil, since: nil).records
    guard records.contains(where: { $0.chainVersion == 1 }),
      let sealed = AuditChain.resealed(records)
    else { return }
    let updateGuard = Schema.auditNeverUpdated
    try database.execute("DROP TRIGGER \(updateGuard.name)")
    let update = try database.prepare(
      """
      UPDATE audit_log SET reason_sha256 = ?, chain_version = ?, previous_hash = ?, hash = ?
      WHERE sequence = ?
      """)
    for record in sealed {
      try update.run([
        SQLValue(record.reasonDigest), .integer(record.chainVersion), .text(record.previousHash),
        .text(record.hash), .integer(record.sequence),
      ])
    }
    try database.execute(updateGuard.sql)
  }

  /// The guards of the audit trail that are missing or no longer as written.
  public func auditGuardProblems() throws(StoreError) -> [AuditGuardProblem] {
    try wrap { () throws(SQLiteError) -> [AuditGuardProblem] in
      let lookup = try database.prepare(
        "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?")
      var problems: [AuditGuardProblem] = []
      for expected in Schema.auditGuards {
        try lookup.bind([.text(expected.name)])
        guard try lookup.step(), let sql = lookup.text(0) else {
          problems.append(.missing(expected.name))
          lookup.reset()
          continue
        }
        if normalised(sql) != normalised(expected.sql) { problems.append(.altered(expected.name)) }
        lookup.reset()
      }
      return problems
    }
  }

  /// The SQL as SQLite keeps it: words one space apart, without the final semicolon.
  private func normalised(_ sql: String) -> String {
    var words = sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
      .joined(separator: " ")
    while words.hasSuffix(";") { words.removeLast() }
    return words
  }

  /// Erases the words of every reason in records about `subject` (their digests stay, so the
  /// chain stays whole). Inside the erasure's transaction.
  func eraseAuditReasons(about subject: String) throws(SQLiteError) -> Int {
    try database.prepare(
      """
      UPDATE audit_log SET reason = NULL
      WHERE subject_id = ? AND chain_version = 2 AND reason IS NOT NULL
      """
    ).run([.text(subject)])
    return database.changes
  }
}

/// A guard of the audit trail that is not as `jobcoach init` made it.
public enum AuditGuardProblem: Hashable, Sendable {
  case missing(String)
  case altered(String)
}
