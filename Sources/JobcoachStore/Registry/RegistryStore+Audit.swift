import JobcoachCore

extension RegistryStore {
  /// Appends `entries` to the audit trail, chained to its last record. Call inside the write
  /// transaction of the change they describe, so both land or neither does.
  func appendAudit(_ entries: [AuditEntry], context: AuditContext) throws(SQLiteError) {
    guard !entries.isEmpty else { return }
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
        subject_id, field, old_value, new_value, document_hash, reason, previous_hash, hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    for entry in entries {
      sequence += 1
      let record = AuditRecord(
        sequence: sequence, context: context, entry: entry, previousHash: previous)
      try insert.run([
        .integer(sequence), .text(context.timestamp), SQLValue(context.day),
        .text(context.command), .text(context.actor), .text(entry.subjectKind),
        .text(entry.subjectID), .text(entry.field), SQLValue(entry.oldValue),
        SQLValue(entry.newValue), SQLValue(entry.documentHash), .text(entry.reason),
        .text(previous), .text(record.hash),
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
    try wrap { () throws(SQLiteError) in
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
          old_value, new_value, document_hash, reason, previous_hash, hash FROM audit_log
        """ + (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND "))
          + " ORDER BY sequence")
      try rows.bind(values)
      var records: [AuditRecord] = []
      while try rows.step() {
        records.append(
          AuditRecord(
            sequence: rows.int(0),
            context: AuditContext(
              command: rows.text(3) ?? "", actor: rows.text(4) ?? "",
              timestamp: rows.text(1) ?? "", day: try date(rows, 2)),
            entry: AuditEntry(
              subjectKind: rows.text(5) ?? "", subjectID: rows.text(6) ?? "",
              field: rows.text(7) ?? "", oldValue: rows.text(8), newValue: rows.text(9),
              documentHash: rows.text(10), reason: rows.text(11) ?? ""),
            previousHash: rows.text(12) ?? "", hash: rows.text(13) ?? ""))
      }
      return records
    }
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
  var auditID: String { effectiveFrom.description }
}
extension Portfolio: Audited {
  static var auditKind: String { "portfolio" }
  var auditID: String { coach.rawValue }
}
extension Membership: Audited {
  static var auditKind: String { "membership" }
  var auditID: String { coach.rawValue }
}
extension HourBooking: Audited {
  static var auditKind: String { "booking" }
  var auditID: String { id.rawValue }
}
