import JobcoachCore

// The funder's decisions on held hours (F-7).

extension RegistryStore {
  /// The decisions on `placement`'s held hours, by day and id.
  public func decisions(on placement: PlacementID) throws(StoreError) -> [FunderDecision] {
    try wrap { () throws(SQLiteError) in
      try loadDecisions(where: "WHERE placement_id = ?", [SQLValue(placement)])
    }
  }

  /// Every decision, by placement.
  public func allDecisions() throws(StoreError) -> [PlacementID: [FunderDecision]] {
    try wrap { () throws(SQLiteError) in
      Dictionary(grouping: try loadDecisions(where: "", []), by: \.placement)
    }
  }

  func loadDecisions(where clause: String, _ values: [SQLValue]) throws(SQLiteError)
    -> [FunderDecision]
  {
    let rows = try database.prepare(
      """
      SELECT id, placement_id, outcome, reason, decided_by, decided_on FROM funder_decisions
      \(clause) ORDER BY decided_on, id
      """)
    try rows.bind(values)
    let bookingRows = try database.cached(
      "SELECT booking_id FROM funder_decision_bookings WHERE decision_id = ? ORDER BY position")
    var result: [FunderDecision] = []
    while try rows.step() {
      let id = DecisionID(rawValue: rows.text(0) ?? "")
      let outcome: DecisionOutcome = try value(rows, 2, "funder_decisions.outcome")
      try bookingRows.bind([SQLValue(id)])
      var bookings: [BookingID] = []
      while try bookingRows.step() {
        bookings.append(BookingID(rawValue: bookingRows.text(0) ?? ""))
      }
      bookingRows.reset()
      result.append(
        FunderDecision(
          id: id, placement: PlacementID(rawValue: rows.text(1) ?? ""), bookings: bookings,
          outcome: outcome, reason: rows.text(3) ?? "", decidedBy: rows.text(4) ?? "",
          decidedOn: try date(rows, 5)))
    }
    return result
  }

  /// Records a decision with its audit entry, in one transaction.
  func record(_ decision: FunderDecision, audit: AuditContext) throws(StoreError) {
    try wrap { () throws(SQLiteError) in
      try database.writeTransaction { () throws(SQLiteError) in
        var writer = ImportWriter(store: self)
        _ = try writer.write([decision])
        try appendAudit(
          [
            AuditEntry(
              subjectKind: "funder-decision", subjectID: decision.placement.rawValue,
              field: "bookings " + decision.bookings.map(\.rawValue).joined(separator: ","),
              newValue: decision.outcome.rawValue,
              reason:
                "\(RuleID.funderDecision) \(decision.id) by \(decision.decidedBy): \(decision.reason)"
            )
          ], context: audit)
      }
    }
  }

  /// The next free decision id of `placement`: `DEC-<placement>-1` up.
  public func nextDecisionID(for placement: PlacementID) throws(StoreError) -> DecisionID {
    try wrap { () throws(SQLiteError) in
      let rows = try database.prepare("SELECT id FROM funder_decisions WHERE placement_id = ?")
      try rows.bind([SQLValue(placement)])
      let prefix = "DEC-\(placement)-"
      var highest = 0
      while try rows.step() {
        if let text = rows.text(0), text.hasPrefix(prefix),
          let number = Int(text.dropFirst(prefix.count))
        {
          highest = max(highest, number)
        }
      }
      return DecisionID(rawValue: prefix + String(highest + 1))
    }
  }
}

extension ImportWriter {
  mutating func write(_ decisions: [FunderDecision]) throws(SQLiteError) -> ImportSummary.Counts {
    let upsert = try database.cached(
      """
      INSERT INTO funder_decisions (id, placement_id, outcome, reason, decided_by, decided_on)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET placement_id = excluded.placement_id,
        outcome = excluded.outcome, reason = excluded.reason, decided_by = excluded.decided_by,
        decided_on = excluded.decided_on
      """)
    let clear = try database.cached("DELETE FROM funder_decision_bookings WHERE decision_id = ?")
    let insert = try database.cached(
      "INSERT INTO funder_decision_bookings (decision_id, position, booking_id) VALUES (?, ?, ?)")
    return try count(decisions) { (decision) throws(SQLiteError) -> Change in
      let old = try store.loadDecisions(where: "WHERE id = ?", [SQLValue(decision.id)]).first
      if old == decision { return .unchanged }
      let id = SQLValue(decision.id)
      try upsert.run([
        id, SQLValue(decision.placement), .text(decision.outcome.rawValue), .text(decision.reason),
        .text(decision.decidedBy), SQLValue(decision.decidedOn),
      ])
      try clear.run([id])
      for (position, booking) in decision.bookings.enumerated() {
        try insert.run([id, .integer(position), SQLValue(booking)])
      }
      return old == nil ? .created : .updated
    }
  }
}
