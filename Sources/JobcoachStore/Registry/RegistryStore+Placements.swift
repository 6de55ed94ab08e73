import JobcoachCore

// A placement's grant, coaching plan and absences, and the hour bookings on it.

/// Separates a goal's activities in one column; no activity text holds it.
private let activitySeparator = "\u{1F}"

extension RegistryStore {
  /// Reads the grant, plan and absences of `placement` from their tables.
  func loadDetails(of placement: inout Placement) throws(SQLiteError) {
    let id = SQLValue(placement.id)
    let grantRow = try database.cached(
      """
      SELECT level, hourly_rate_cents, package, motivation_document, motivation_issuer,
        motivation_summary FROM grants WHERE placement_id = ?
      """)
    try grantRow.bind([id])
    if try grantRow.step() {
      let level: GuidanceLevel = try value(grantRow, 0, "grants.level")
      let package: CoachingPackage? = try optionalValue(grantRow, 2, "grants.package")
      let motivation = evidence(grantRow, 3).map {
        Motivation(evidence: $0, summary: grantRow.text(5) ?? "")
      }
      let periodRows = try database.cached(
        """
        SELECT start_on, end_on, amount_cents, result FROM grant_periods
        WHERE placement_id = ? ORDER BY position
        """)
      try periodRows.bind([id])
      var periods: [GrantPeriod] = []
      while try periodRows.step() {
        let result: PeriodResult? = try optionalValue(periodRows, 3, "grant_periods.result")
        periods.append(
          GrantPeriod(
            start: try date(periodRows, 0), end: try date(periodRows, 1),
            amount: periodRows.intOrNil(2).map(Money.init(cents:)), result: result))
      }
      placement.grant = Grant(
        level: level, hourlyRate: Money(cents: grantRow.int(1)), package: package,
        motivation: motivation, periods: periods)
    }
    let planRow = try database.cached(
      "SELECT agreed_on, agreed_by FROM coaching_plans WHERE placement_id = ?")
    try planRow.bind([id])
    if try planRow.step() {
      var parties: Set<PlanParty> = []
      for name in (planRow.text(1) ?? "").split(separator: ",") {
        guard let party = PlanParty(rawValue: String(name)) else {
          throw corrupt("coaching_plans.agreed_by")
        }
        parties.insert(party)
      }
      let goalRows = try database.cached(
        """
        SELECT goal_id, category, description, activities FROM plan_goals
        WHERE placement_id = ? ORDER BY position
        """)
      try goalRows.bind([id])
      var goals: [PlanGoal] = []
      while try goalRows.step() {
        let category: GoalCategory = try value(goalRows, 1, "plan_goals.category")
        let activities = goalRows.text(3) ?? ""
        goals.append(
          PlanGoal(
            id: GoalID(rawValue: goalRows.text(0) ?? ""), category: category,
            description: goalRows.text(2) ?? "",
            activities: activities.isEmpty
              ? [] : activities.split(separator: activitySeparator).map(String.init)))
      }
      placement.plan = CoachingPlan(
        agreedOn: try date(planRow, 0), agreedBy: parties, goals: goals)
    }
    let absenceRows = try database.cached(
      """
      SELECT start_on, end_on, reason, approval_document, approval_issuer, approved_on
      FROM absences WHERE placement_id = ? ORDER BY position
      """)
    try absenceRows.bind([id])
    var absences: [Absence] = []
    while try absenceRows.step() {
      let reason: AbsenceReason = try value(absenceRows, 2, "absences.reason")
      var approval: AbsenceApproval?
      if let evidence = evidence(absenceRows, 3) {
        approval = AbsenceApproval(evidence: evidence, approvedOn: try date(absenceRows, 5))
      }
      absences.append(
        Absence(
          period: DateInterval(start: try date(absenceRows, 0), end: try date(absenceRows, 1)),
          reason: reason, approval: approval))
    }
    placement.absences = absences
  }

  /// The bookings on `placement`, by date.
  public func bookings(on placement: PlacementID) throws(StoreError) -> [HourBooking] {
    try wrap { () throws(SQLiteError) in
      try bookings(where: "WHERE placement_id = ? ORDER BY booked_on, id", [SQLValue(placement)])
    }
  }

  /// The other placements of the same coach with the same employer, and their visit days (K-6).
  public func siblingVisits(of placement: Placement) throws(StoreError)
    -> [PlacementID: [CalendarDate]]
  {
    guard let coach = placement.coach else { return [:] }
    return try wrap { () throws(SQLiteError) in
      let rows = try database.prepare(
        """
        SELECT p.id, b.booked_on FROM placements p
        LEFT JOIN hour_bookings b ON b.placement_id = p.id AND b.contact = 'visit'
        WHERE p.employer_id = ? AND p.coach_id = ? AND p.id <> ?
        ORDER BY p.id, b.booked_on
        """)
      try rows.bind([SQLValue(placement.employer), SQLValue(coach), SQLValue(placement.id)])
      var result: [PlacementID: [CalendarDate]] = [:]
      while try rows.step() {
        let id = PlacementID(rawValue: rows.text(0) ?? "")
        result[id, default: []] += try optionalDate(rows, 1).map { [$0] } ?? []
      }
      return result
    }
  }

  static let bookingColumns = """
    SELECT id, placement_id, coach_id, booked_on, minutes, activity, goals, contact, work_related,
      wage_subsidy_check, description FROM hour_bookings
    """

  func bookings(where clause: String, _ values: [SQLValue]) throws(SQLiteError) -> [HourBooking] {
    let rows = try database.prepare(Self.bookingColumns + " " + clause)
    try rows.bind(values)
    var result: [HourBooking] = []
    while try rows.step() {
      let activity: BookedActivity = try value(rows, 5, "hour_bookings.activity")
      let contact: ContactKind? = try optionalValue(rows, 7, "hour_bookings.contact")
      let goals = rows.text(6) ?? ""
      result.append(
        HourBooking(
          id: BookingID(rawValue: rows.text(0) ?? ""),
          placement: PlacementID(rawValue: rows.text(1) ?? ""),
          coach: CoachID(rawValue: rows.text(2) ?? ""), date: try date(rows, 3),
          hours: Hours(minutes: rows.int(4)), activity: activity,
          goals: goals.isEmpty
            ? [] : goals.split(separator: ",").map { GoalID(rawValue: String($0)) },
          contact: contact, workRelated: rows.intOrNil(8).map { $0 != 0 },
          wageSubsidyCheck: rows.int(9) != 0, description: rows.text(10)))
    }
    return result
  }
}

extension ImportWriter {
  /// Replaces the grant, plan and absences of `placement` with the ones it carries.
  func writeDetails(of placement: Placement) throws(SQLiteError) {
    let id = SQLValue(placement.id)
    // Children first: an import writes without foreign-key enforcement, so nothing cascades.
    for table in ["grant_periods", "grants", "plan_goals", "coaching_plans", "absences"] {
      try database.cached("DELETE FROM \(table) WHERE placement_id = ?").run([id])
    }
    if let grant = placement.grant {
      try database.cached(
        """
        INSERT INTO grants (placement_id, level, hourly_rate_cents, package, motivation_document,
          motivation_issuer, motivation_summary) VALUES (?, ?, ?, ?, ?, ?, ?)
        """
      ).run([
        id, .text(grant.level.rawValue), .integer(grant.hourlyRate.cents),
        SQLValue(grant.package?.rawValue), SQLValue(grant.motivation?.evidence.documentID),
        SQLValue(grant.motivation?.evidence.issuer), SQLValue(grant.motivation?.summary),
      ])
      let insertPeriod = try database.cached(
        """
        INSERT INTO grant_periods (placement_id, position, start_on, end_on, amount_cents, result)
        VALUES (?, ?, ?, ?, ?, ?)
        """)
      for (position, period) in grant.periods.enumerated() {
        try insertPeriod.run([
          id, .integer(position), SQLValue(period.start), SQLValue(period.end),
          SQLValue(period.amount?.cents), SQLValue(period.result?.rawValue),
        ])
      }
    }
    if let plan = placement.plan {
      try database.cached(
        "INSERT INTO coaching_plans (placement_id, agreed_on, agreed_by) VALUES (?, ?, ?)"
      ).run([
        id, SQLValue(plan.agreedOn),
        .text(plan.agreedBy.sorted().map(\.rawValue).joined(separator: ",")),
      ])
      let insertGoal = try database.cached(
        """
        INSERT INTO plan_goals (placement_id, position, goal_id, category, description, activities)
        VALUES (?, ?, ?, ?, ?, ?)
        """)
      for (position, goal) in plan.goals.enumerated() {
        try insertGoal.run([
          id, .integer(position), SQLValue(goal.id), .text(goal.category.rawValue),
          .text(goal.description),
          .text(
            goal.activities.map { $0.replacingAll(activitySeparator, with: " ") }
              .joined(separator: activitySeparator)),
        ])
      }
    }
    let insertAbsence = try database.cached(
      """
      INSERT INTO absences (placement_id, position, start_on, end_on, reason, approval_document,
        approval_issuer, approved_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """)
    for (position, absence) in placement.absences.enumerated() {
      try insertAbsence.run([
        id, .integer(position), SQLValue(absence.period.start), SQLValue(absence.period.end),
        .text(absence.reason.rawValue), SQLValue(absence.approval?.evidence.documentID),
        SQLValue(absence.approval?.evidence.issuer), SQLValue(absence.approval?.approvedOn),
      ])
    }
  }

  /// Bookings are kept by id: a booking imported again is unchanged, a corrected one updated.
  mutating func write(_ bookings: [HourBooking]) throws(SQLiteError) -> ImportSummary.Counts {
    let upsert = try database.cached(
      """
      INSERT INTO hour_bookings (id, placement_id, coach_id, booked_on, minutes, activity, goals,
        contact, work_related, wage_subsidy_check, description)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET placement_id = excluded.placement_id,
        coach_id = excluded.coach_id, booked_on = excluded.booked_on, minutes = excluded.minutes,
        activity = excluded.activity, goals = excluded.goals, contact = excluded.contact,
        work_related = excluded.work_related, wage_subsidy_check = excluded.wage_subsidy_check,
        description = excluded.description
      """)
    return try count(bookings) { (booking) throws(SQLiteError) -> Change in
      let old = try store.bookings(where: "WHERE id = ?", [SQLValue(booking.id)]).first
      if old == booking { return .unchanged }
      try upsert.run([
        SQLValue(booking.id), SQLValue(booking.placement), SQLValue(booking.coach),
        SQLValue(booking.date), .integer(booking.hours.minutes), .text(booking.activity.rawValue),
        .text(booking.goals.map(\.rawValue).joined(separator: ",")),
        SQLValue(booking.contact?.rawValue), booking.workRelated.map(SQLValue.init) ?? .null,
        SQLValue(booking.wageSubsidyCheck), SQLValue(booking.description),
      ])
      return old == nil ? .created : .updated
    }
  }
}
