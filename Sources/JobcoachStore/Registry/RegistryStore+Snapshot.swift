import JobcoachCore

extension RegistryStore {
  /// Everything the whole-registry check reads, in one read transaction so the parts agree.
  ///
  /// With `date`, registered coaches whose norm asks no practice hours get their running
  /// cycle's PE totals summed in one query over the covering index (`peTotals`) when every
  /// claim in it stands as claimed, and no portfolio. A coach with a claim that needs a word
  /// of its own (an accredited claim whose code is missing, unknown, not valid on its date or
  /// worth fewer hours) gets the whole portfolio, as does every other member. The findings are
  /// the same; the reading is several times faster at national scale.
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
      var cycles: [CoachID: RegisterCycle] = [:]
      if let date {
        for membership in snapshot.memberships
        where membership.route == .entryRequirements && membership.status(on: date) == .registered {
          let cycle = rules.norms.cycle(containing: date, anchor: membership.admittedOn)
          if rules.norms.norm(for: cycle.period).practiceHours == nil {
            cycles[membership.coach] = cycle
          }
        }
        snapshot.peTotals = try cycleTotals(cycles, rules: rules)
      }
      for membership in snapshot.memberships where snapshot.peTotals[membership.coach] == nil {
        snapshot.portfolios[membership.coach] =
          try loadPortfolio(membership.coach) ?? Portfolio(coach: membership.coach)
      }
    }
    return snapshot
  }

  /// Each coach's PE totals over their cycle, for the coaches whose every claim in it stands
  /// as claimed (`RegisterRules.claimStands`, asked per accredited row by the SQL function
  /// `jobcoach_claim_stands`); coaches with any other claim are left out.
  func cycleTotals(_ cycles: [CoachID: RegisterCycle], rules: RegisterRules)
    throws(SQLiteError) -> [CoachID: PETotals]
  {
    guard !cycles.isEmpty else { return [:] }
    try database.defineFunction("jobcoach_claim_stands", arity: 3) { arguments in
      guard let day = arguments.utf8(1) else { return 0 }
      return rules.claimStands(
        codeUTF8: arguments.utf8(0), isoDateUTF8: day, minutes: arguments.int(2)) ? 1 : 0
    }
    try database.execute(
      """
      CREATE TEMP TABLE IF NOT EXISTS check_cycles (
        coach_id TEXT PRIMARY KEY, first_day TEXT NOT NULL, last_day TEXT NOT NULL
      ) WITHOUT ROWID;
      DELETE FROM temp.check_cycles;
      """)
    defer { try? database.execute("DELETE FROM temp.check_cycles") }
    let insert = try database.cached("INSERT INTO temp.check_cycles VALUES (?, ?, ?)")
    for (coach, cycle) in cycles {
      try insert.run([SQLValue(coach), SQLValue(cycle.start), SQLValue(cycle.end)])
    }
    var totals: [CoachID: PETotals] = [:]
    totals.reserveCapacity(cycles.count)
    for coach in cycles.keys { totals[coach] = PETotals() }
    let rows = try database.cached(
      """
      SELECT c.coach_id,
        sum(CASE WHEN a.category = 'accredited' THEN a.minutes ELSE 0 END),
        sum(CASE WHEN a.category = 'accredited' THEN 0 ELSE a.minutes END),
        min(CASE WHEN a.category = 'accredited'
          THEN jobcoach_claim_stands(a.accreditation_code, a.activity_date, a.minutes)
          ELSE 1 END)
      FROM temp.check_cycles c
      JOIN pe_activities a INDEXED BY pe_activities_by_coach_date
        ON a.coach_id = c.coach_id AND a.activity_date BETWEEN c.first_day AND c.last_day
      GROUP BY c.coach_id
      """)
    defer { rows.reset() }
    while try rows.step() {
      let coach = CoachID(rawValue: rows.text(0) ?? "")
      guard rows.int(3) == 1 else {
        totals[coach] = nil
        continue
      }
      totals[coach] = PETotals(
        accredited: Hours(minutes: rows.int(1)), free: Hours(minutes: rows.int(2)))
    }
    return totals
  }
}
