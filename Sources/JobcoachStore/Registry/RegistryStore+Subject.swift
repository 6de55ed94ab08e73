import JobcoachCore

/// Everything the registry holds about one coach: the right of access.
public struct SubjectRecord: Sendable {
  public var coach: Coach
  public var portfolio: Portfolio?
  public var membership: Membership?
  public var placements: [Placement]
  public var bookings: [HourBooking]
  public var audit: [AuditRecord]
}

extension RegistryStore {
  /// Everything about `id`; nil when the registry holds no such coach.
  public func subjectRecord(_ id: CoachID) throws(StoreError) -> SubjectRecord? {
    guard let coach = try coach(id) else { return nil }
    return SubjectRecord(
      coach: coach,
      portfolio: try wrap { () throws(SQLiteError) in try loadPortfolio(id) },
      membership: try membership(of: id), placements: try placements(coachedBy: id),
      bookings: try wrap { () throws(SQLiteError) in
        try bookings(where: "WHERE coach_id = ? ORDER BY booked_day, id", [SQLValue(id)])
      }, audit: try auditRecords(subject: id.rawValue))
  }

  /// Removes a coach's personal data: the coach, their employments, qualifications,
  /// portfolio, membership and hour bookings; placements keep their facts without the coach.
  /// Freed pages are overwritten. The audit trail keeps its records (which hold ids and
  /// reasons, not the data) and gains one saying who erased whom and why, so it stays whole.
  /// Returns false when there is no such coach.
  public func erase(_ id: CoachID, reason: String, audit: AuditContext) throws(StoreError) -> Bool {
    let erased = try wrap { () throws(SQLiteError) -> Bool in
      try database.execute("PRAGMA secure_delete = ON")
      return try database.writeTransaction { () throws(SQLiteError) -> Bool in
        let exists = try database.prepare("SELECT 1 FROM coaches WHERE id = ?")
        try exists.bind([SQLValue(id)])
        guard try exists.step() else { return false }
        let key = [SQLValue(id)]
        try database.prepare("DELETE FROM hour_bookings WHERE coach_id = ?").run(key)
        try database.prepare("UPDATE placements SET coach_id = NULL WHERE coach_id = ?").run(key)
        try database.prepare("DELETE FROM memberships WHERE coach_id = ?").run(key)
        try database.prepare("DELETE FROM portfolios WHERE coach_id = ?").run(key)
        try database.prepare("DELETE FROM coaches WHERE id = ?").run(key)
        try appendAudit(
          [
            AuditEntry(
              subjectKind: "coach", subjectID: id.rawValue, field: "personal data",
              oldValue: nil, newValue: "erased", reason: reason)
          ], context: audit)
        return true
      }
    }
    // Copy the erasure into the file now, so no old page lingers in the write-ahead log.
    if erased, path != Self.inMemoryPath {
      try wrap { () throws(SQLiteError) in try database.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
    }
    return erased
  }
}
