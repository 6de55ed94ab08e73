import JobcoachCore

/// PE activities and experience read from spreadsheets (a secretary's lists, a course
/// provider's attendance list). They belong to their list (`origin = 'list'`): a portfolio
/// document replaces only its own rows, and a list's row imported again changes nothing.
extension ImportWriter {
  /// Gives the coach a portfolio to hold the list's rows, when they have none yet.
  func ensurePortfolio(_ coach: CoachID) throws(SQLiteError) {
    if lastPortfolio.coach == coach { return }
    lastPortfolio.coach = coach
    try database.cached(
      "INSERT INTO portfolios (coach_id) VALUES (?) ON CONFLICT (coach_id) DO NOTHING"
    ).run([SQLValue(coach)])
  }

  /// One listed activity, by the coach's id and the activity's: created, updated when the row
  /// held differs (or came from the portfolio), or unchanged.
  func write(_ activity: PEActivity, listedFor coach: CoachID) throws(SQLiteError)
    -> ImportWriter.Change
  {
    try ensurePortfolio(coach)
    let held = try database.cached(
      """
      SELECT activity_day, minutes, title, provider, category, accreditation_code,
        evidence_document, evidence_issuer, origin
      FROM pe_activities WHERE coach_id = ? AND id = ?
      """)
    try held.bind([SQLValue(coach), .text(activity.id.rawValue)])
    var change = ImportWriter.Change.created
    if try held.step() {
      let same =
        held.int(0) == activity.date.daysSinceEpoch && held.int(1) == activity.hours.minutes
        && held.text(2) == activity.title && held.text(3) == activity.provider
        && held.text(4) == activity.category.rawValue
        && held.text(5) == activity.accreditationCode
        && held.text(6) == activity.evidence?.documentID
        && held.text(7) == activity.evidence?.issuer && held.text(8) == "list"
      change = same ? .unchanged : .updated
    }
    held.reset()
    guard change != .unchanged else { return .unchanged }
    try database.cached(
      """
      INSERT INTO pe_activities (coach_id, id, activity_day, minutes, title, provider, category,
        accreditation_code, evidence_document, evidence_issuer, origin)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'list')
      ON CONFLICT (coach_id, id) DO UPDATE SET activity_day = excluded.activity_day,
        minutes = excluded.minutes, title = excluded.title, provider = excluded.provider,
        category = excluded.category, accreditation_code = excluded.accreditation_code,
        evidence_document = excluded.evidence_document,
        evidence_issuer = excluded.evidence_issuer, origin = 'list'
      """
    ).run([
      SQLValue(coach), .text(activity.id.rawValue), .integer(activity.date.daysSinceEpoch),
      .integer(activity.hours.minutes), .text(activity.title), .text(activity.provider),
      .text(activity.category.rawValue), SQLValue(activity.accreditationCode),
      SQLValue(activity.evidence?.documentID), SQLValue(activity.evidence?.issuer),
    ])
    return change
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
