import JobcoachCore

/// PE activities and experience read from spreadsheets (a secretary's lists, a course
/// provider's attendance list). They belong to their list (`origin = 'list'`): a portfolio
/// document replaces only its own rows, and a list's row imported again changes nothing.
extension ImportWriter {
  /// Gives the coach a portfolio to hold the list's rows, when they have none yet.
  func ensurePortfolio(_ coach: CoachID) throws(SQLiteError) {
    if listing.coach == coach { return }
    listing.coach = coach
    try database.cached(
      "INSERT INTO portfolios (coach_id) VALUES (?) ON CONFLICT (coach_id) DO NOTHING"
    ).run([SQLValue(coach)])
  }

  /// One listed activity, by the coach's id and the activity's: created, updated when the
  /// list's row held differs, or unchanged; nil when the coach's portfolio document gives an
  /// activity of that id (two sources for one activity: the import is refused).
  func write(_ activity: PEActivity, listedFor coach: CoachID) throws(SQLiteError)
    -> ImportWriter.Change?
  {
    try ensurePortfolio(coach)
    // Most rows of a list are new: one statement for them, its values bound in place (the
    // columns in the order the portfolio's insert binds them).
    let insert: Statement
    if let held = listing.insertActivity {
      insert = held
    } else {
      insert = try database.prepare(
        """
        INSERT INTO pe_activities (coach_id, id, activity_day, minutes, title, provider, category,
          accreditation_code, evidence_document, evidence_issuer, origin)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'list')
        ON CONFLICT (coach_id, id) DO NOTHING
        """)
      listing.insertActivity = insert
    }
    try withUnsafePointer(to: activity) { (pointer) throws(SQLiteError) in
      try insert.run { row in Self.append(pointer, of: coach, to: &row) }
    }
    if database.changes > 0 { return .created }
    let origin = try database.cached(
      "SELECT origin FROM pe_activities WHERE coach_id = ? AND id = ?")
    try origin.bind([SQLValue(coach), .text(activity.id.rawValue)])
    let fromPortfolio = try origin.step() && origin.text(0) == "portfolio"
    origin.reset()
    if fromPortfolio { return nil }
    let values: [SQLValue] = [
      SQLValue(coach), .text(activity.id.rawValue), .integer(activity.date.daysSinceEpoch),
      .integer(activity.hours.minutes), .text(activity.title), .text(activity.provider),
      .text(activity.category.rawValue), SQLValue(activity.accreditationCode),
      SQLValue(activity.evidence?.documentID), SQLValue(activity.evidence?.issuer),
    ]
    // Held already: changed only where a value (or the origin) differs.
    try database.cached(
      """
      UPDATE pe_activities SET activity_day = ?3, minutes = ?4, title = ?5, provider = ?6,
        category = ?7, accreditation_code = ?8, evidence_document = ?9, evidence_issuer = ?10
      WHERE coach_id = ?1 AND id = ?2 AND origin = 'list' AND NOT (activity_day IS ?3
        AND minutes IS ?4 AND title IS ?5 AND provider IS ?6 AND category IS ?7
        AND accreditation_code IS ?8 AND evidence_document IS ?9 AND evidence_issuer IS ?10)
      """
    ).run(values)
    return database.changes > 0 ? .updated : .unchanged
  }

  /// The first position of a list's experience rows: after any portfolio's.
  static let firstListedPosition = 1_000_000

  /// One listed period of experience, known by the coach, its dates and its evidence
  /// document: created, updated when its hours, description or issuer changed, or unchanged.
  func write(_ entry: ExperienceEntry, listedFor coach: CoachID) throws(SQLiteError)
    -> ImportWriter.Change
  {
    try ensurePortfolio(coach)
    let key: [SQLValue] = [
      SQLValue(coach), SQLValue(entry.period.start), SQLValue(entry.period.end),
      .text(entry.evidence.documentID),
    ]
    let held = try database.cached(
      """
      SELECT position, minutes, description, evidence_issuer FROM experience
      WHERE coach_id = ? AND origin = 'list' AND valid_from = ? AND valid_until = ?
        AND evidence_document = ?
      """)
    try held.bind(key)
    var position: Int?
    var same = false
    if try held.step() {
      position = held.int(0)
      same =
        held.int(1) == entry.hours.minutes && held.text(2) == entry.description
        && held.text(3) == entry.evidence.issuer
    }
    held.reset()
    if same { return .unchanged }
    if let position {
      try database.cached(
        """
        UPDATE experience SET minutes = ?, description = ?, evidence_issuer = ?
        WHERE coach_id = ? AND position = ?
        """
      ).run([
        .integer(entry.hours.minutes), .text(entry.description), .text(entry.evidence.issuer),
        SQLValue(coach), .integer(position),
      ])
      return .updated
    }
    let next = try database.cached(
      "SELECT max(position) + 1 FROM experience WHERE coach_id = ? AND origin = 'list'")
    try next.bind([SQLValue(coach)])
    _ = try next.step()
    let free = max(next.intOrNil(0) ?? Self.firstListedPosition, Self.firstListedPosition)
    next.reset()
    try database.cached(
      """
      INSERT INTO experience (coach_id, position, valid_from, valid_until, minutes, description,
        evidence_document, evidence_issuer, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'list')
      """
    ).run([
      SQLValue(coach), .integer(free), SQLValue(entry.period.start), SQLValue(entry.period.end),
      .integer(entry.hours.minutes), .text(entry.description), .text(entry.evidence.documentID),
      .text(entry.evidence.issuer),
    ])
    return .created
  }
}

extension StoreLookup {
  func membership(of coach: CoachID, in register: RegisterID) -> Membership? {
    (try? store.loadMemberships(coach, in: register))?.first
  }
}
