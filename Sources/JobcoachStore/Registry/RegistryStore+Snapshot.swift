import JobcoachCore

extension RegistryStore {
  /// Everything the whole-registry check reads, in one read transaction so the parts agree.
  ///
  /// With `date`, a registered coach's portfolio holds only what the PE rules use on that date:
  /// the activities of the running cycle, without titles and evidence, when none of them needs
  /// a word of its own (an accredited claim whose code is missing, unknown, not valid on its
  /// date or worth fewer hours). Every other portfolio is read whole. The findings are the
  /// same; the reading is several times faster at national scale.
  public func snapshot(on date: CalendarDate? = nil) throws(StoreError) -> RegistrySnapshot {
    try wrap { () throws(SQLiteError) in try database.execute("BEGIN") }
    defer { try? database.execute("COMMIT") }
    var snapshot = RegistrySnapshot(registerRules: try registerRules())
    snapshot.organisations = try allOrganisations()
    snapshot.coaches = try allCoaches()
    snapshot.memberships = try allMemberships()
    let rules = snapshot.registerRules
    try wrap { () throws(SQLiteError) in
      snapshot.placements = try placements(where: "ORDER BY id", [])
      snapshot.bookings = Dictionary(
        grouping: try bookings(where: "ORDER BY placement_id, booked_on, id", []),
        by: \.placement)
      snapshot.policies = Dictionary(grouping: try policies(where: "", []), by: \.id).values
        .map(PolicyHistory.init(versions:)).sorted { $0.id < $1.id }
      for membership in snapshot.memberships {
        let coach = membership.coach
        if let date, membership.route == .entryRequirements,
          membership.status(on: date) == .registered
        {
          let cycle = rules.norms.cycle(containing: date, anchor: membership.admittedOn)
          if rules.norms.norm(for: cycle.period).practiceHours == nil,
            try !hasIrregularClaims(coach, in: cycle, checked: rules.accreditations != nil)
          {
            snapshot.portfolios[coach] = try leanPortfolio(coach, in: cycle)
            continue
          }
        }
        snapshot.portfolios[coach] = try loadPortfolio(coach) ?? Portfolio(coach: coach)
      }
    }
    return snapshot
  }

  /// Whether an accredited claim in `cycle` is one the PE rules report on by itself.
  func hasIrregularClaims(_ coach: CoachID, in cycle: RegisterCycle, checked: Bool)
    throws(SQLiteError) -> Bool
  {
    let statement = try database.cached(
      checked
        ? """
        SELECT 1 FROM pe_activities a LEFT JOIN accreditations c ON c.code = a.accreditation_code
        WHERE a.coach_id = ? AND a.activity_date BETWEEN ? AND ? AND a.category = 'accredited'
          AND (c.code IS NULL OR a.activity_date < c.valid_from
            OR a.activity_date > coalesce(c.valid_until, '9999-12-31') OR a.minutes > c.minutes)
        LIMIT 1
        """
        : """
        SELECT 1 FROM pe_activities WHERE coach_id = ? AND activity_date BETWEEN ? AND ?
          AND category = 'accredited' AND accreditation_code IS NULL LIMIT 1
        """)
    try statement.bind([SQLValue(coach), SQLValue(cycle.start), SQLValue(cycle.end)])
    defer { statement.reset() }
    return try statement.step()
  }

  /// The activities of `cycle` with what the totals need: date, hours, category and code.
  func leanPortfolio(_ coach: CoachID, in cycle: RegisterCycle) throws(SQLiteError) -> Portfolio {
    let rows = try database.cached(
      """
      SELECT id, activity_date, minutes, category, accreditation_code FROM pe_activities
      WHERE coach_id = ? AND activity_date BETWEEN ? AND ?
      """)
    try rows.bind([SQLValue(coach), SQLValue(cycle.start), SQLValue(cycle.end)])
    var portfolio = Portfolio(coach: coach)
    while try rows.step() {
      portfolio.activities.append(
        PEActivity(
          id: ActivityID(rawValue: rows.text(0) ?? ""), date: try date(rows, 1),
          hours: Hours(minutes: rows.int(2)), title: "", provider: "",
          category: rows.text(3) == "accredited" ? .accredited : .free,
          accreditationCode: rows.text(4)))
    }
    return portfolio
  }
}
