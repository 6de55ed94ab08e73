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
            let lean = try leanPortfolio(coach, in: cycle, checked: rules.accreditations != nil)
          {
            snapshot.portfolios[coach] = lean
            continue
          }
        }
        snapshot.portfolios[coach] = try loadPortfolio(coach) ?? Portfolio(coach: coach)
      }
    }
    return snapshot
  }

  /// The activities of `cycle` with what the totals need (date, hours, category, code), or nil
  /// when an accredited claim among them is one the PE rules report on by itself: a code that
  /// is missing, not in the catalogue (when `checked`), not valid on the date, or worth fewer
  /// hours than claimed. Then the whole portfolio is read instead.
  func leanPortfolio(_ coach: CoachID, in cycle: RegisterCycle, checked: Bool)
    throws(SQLiteError) -> Portfolio?
  {
    let rows = try database.cached(
      """
      SELECT a.id, a.activity_date, a.minutes, a.category, a.accreditation_code, c.code,
        c.valid_from, coalesce(c.valid_until, '9999-12-31'), c.minutes
      FROM pe_activities a LEFT JOIN accreditations c ON c.code = a.accreditation_code
      WHERE a.coach_id = ? AND a.activity_date BETWEEN ? AND ?
      """)
    try rows.bind([SQLValue(coach), SQLValue(cycle.start), SQLValue(cycle.end)])
    defer { rows.reset() }
    var portfolio = Portfolio(coach: coach)
    while try rows.step() {
      let accredited = rows.text(3) == "accredited"
      let day = rows.text(1) ?? ""
      if accredited {
        guard let code = rows.text(4) else { return nil }
        if checked {
          guard rows.text(5) == code, let from = rows.text(6), let until = rows.text(7),
            from <= day, day <= until, rows.int(2) <= rows.int(8)
          else { return nil }
        }
        portfolio.activities.append(
          PEActivity(
            id: ActivityID(rawValue: rows.text(0) ?? ""), date: try date(rows, 1),
            hours: Hours(minutes: rows.int(2)), title: "", provider: "", category: .accredited,
            accreditationCode: code))
      } else {
        portfolio.activities.append(
          PEActivity(
            id: ActivityID(rawValue: rows.text(0) ?? ""), date: try date(rows, 1),
            hours: Hours(minutes: rows.int(2)), title: "", provider: "", category: .free,
            accreditationCode: rows.text(4)))
      }
    }
    return portfolio
  }
}
