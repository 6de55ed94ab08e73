import JobcoachCore

// A placement's grant, coaching plan and absences, and the hour bookings on it.

/// Separates a goal's activities in one column (U+001F, one byte); no activity text holds it.
private let activitySeparator = "\u{1F}"

extension RegistryStore {
  static let grantColumns =
    "level, hourly_rate_cents, package, motivation_document, motivation_issuer, motivation_summary"
  static let grantPeriodColumns = "start_on, end_on, amount_cents, result"
  static let planColumns = "agreed_on, agreed_by"
  static let goalColumns = "goal_id, category, description, activities"
  static let absenceColumns =
    "start_on, end_on, reason, approval_document, approval_issuer, approved_on"
  static let reportColumns = "id, start_on, end_on, delivered_on"
  static let assignmentColumns = """
    coach_id, organisation_id, start_on, end_on, role, task_experience_document,
      task_experience_issuer, exemption_minutes_per_week, exemption_document, exemption_issuer
    """

  /// Reads the grant, plan and absences of `placement` from their tables.
  func loadDetails(of placement: inout Placement) throws(SQLiteError) {
    let id = SQLValue(placement.id)
    func rows(_ columns: String, _ table: String, ordered: Bool = true) throws(SQLiteError)
      -> Statement
    {
      let statement = try database.cached(
        "SELECT \(columns) FROM \(table) WHERE placement_id = ?"
          + (ordered ? " ORDER BY position" : ""))
      try statement.bind([id])
      return statement
    }
    let grantRow = try rows(Self.grantColumns, "grants", ordered: false)
    if try grantRow.step() {
      var grant = try self.grant(grantRow)
      let periodRows = try rows(Self.grantPeriodColumns, "grant_periods")
      while try periodRows.step() { grant.periods.append(try grantPeriod(periodRows)) }
      placement.grant = grant
    }
    let planRow = try rows(Self.planColumns, "coaching_plans", ordered: false)
    if try planRow.step() {
      var plan = try self.plan(planRow)
      let goalRows = try rows(Self.goalColumns, "plan_goals")
      while try goalRows.step() { plan.goals.append(try goal(goalRows)) }
      placement.plan = plan
    }
    let absenceRows = try rows(Self.absenceColumns, "absences")
    var absences: [Absence] = []
    while try absenceRows.step() { absences.append(try absence(absenceRows)) }
    placement.absences = absences
    let reportRows = try rows(Self.reportColumns, "accountability_reports")
    var reports: [ReportRecord] = []
    while try reportRows.step() { reports.append(try reportRecord(reportRows)) }
    placement.reports = reports
    let assignmentRows = try rows(Self.assignmentColumns, "assignments")
    var assignments: [Assignment] = []
    while try assignmentRows.step() { assignments.append(try assignment(assignmentRows)) }
    placement.assignments = assignments
  }

  func reportRecord(_ row: Statement, from first: Int32 = 0) throws(SQLiteError) -> ReportRecord {
    ReportRecord(
      id: ReportID(rawValue: row.text(first) ?? ""),
      period: DateInterval(start: try date(row, first + 1), end: try date(row, first + 2)),
      deliveredOn: try date(row, first + 3))
  }

  /// An assignment from `assignmentColumns` starting at column `first`.
  func assignment(_ row: Statement, from first: Int32 = 0) throws(SQLiteError) -> Assignment {
    let role: AssignmentRole = try value(row, first + 4, "assignments.role")
    var exemption: HoursExemption?
    if let minutes = row.intOrNil(first + 7) {
      exemption = HoursExemption(
        perWeek: Hours(minutes: minutes),
        evidence: evidence(row, first + 8) ?? EvidenceReference(documentID: "", issuer: ""))
    }
    return Assignment(
      coach: CoachID(rawValue: row.text(first) ?? ""),
      organisation: row.text(first + 1).map(OrganisationID.init(rawValue:)),
      period: DateInterval(start: try date(row, first + 2), end: try optionalDate(row, first + 3)),
      role: role, taskExperience: evidence(row, first + 5), hoursExemption: exemption)
  }

  /// A grant without its periods, from `grantColumns` starting at column `first`.
  func grant(_ row: Statement, from first: Int32 = 0) throws(SQLiteError) -> Grant {
    let level: GuidanceLevel = try value(row, first, "grants.level")
    let package: CoachingPackage? = try optionalValue(row, first + 2, "grants.package")
    let motivation = evidence(row, first + 3).map {
      Motivation(evidence: $0, summary: row.text(first + 5) ?? "")
    }
    return Grant(
      level: level, hourlyRate: Money(cents: row.int(first + 1)), package: package,
      motivation: motivation, periods: [])
  }

  func grantPeriod(_ row: Statement, from first: Int32 = 0) throws(SQLiteError) -> GrantPeriod {
    let result: PeriodResult? = try optionalValue(row, first + 3, "grant_periods.result")
    return GrantPeriod(
      start: try date(row, first), end: try date(row, first + 1),
      amount: row.intOrNil(first + 2).map(Money.init(cents:)), result: result)
  }

  /// A plan without its goals.
  func plan(_ row: Statement, from first: Int32 = 0) throws(SQLiteError) -> CoachingPlan {
    var parties: Set<PlanParty> = []
    for name in row.texts(first + 1, separatedBy: UInt8(ascii: ",")) {
      guard let party = PlanParty(rawValue: name) else {
        throw corrupt("coaching_plans.agreed_by")
      }
      parties.insert(party)
    }
    return CoachingPlan(agreedOn: try date(row, first), agreedBy: parties, goals: [])
  }

  func goal(_ row: Statement, from first: Int32 = 0) throws(SQLiteError) -> PlanGoal {
    let category: GoalCategory = try value(row, first + 1, "plan_goals.category")
    return PlanGoal(
      id: GoalID(rawValue: row.text(first) ?? ""), category: category,
      description: row.text(first + 2) ?? "",
      activities: row.texts(first + 3, separatedBy: 0x1F))
  }

  func absence(_ row: Statement, from first: Int32 = 0) throws(SQLiteError) -> Absence {
    let reason: AbsenceReason = try value(row, first + 2, "absences.reason")
    var approval: AbsenceApproval?
    if let evidence = evidence(row, first + 3) {
      approval = AbsenceApproval(evidence: evidence, approvedOn: try date(row, first + 5))
    }
    return Absence(
      period: DateInterval(start: try date(row, first), end: try date(row, first + 1)),
      reason: reason, approval: approval)
  }

  /// The bookings on `placement`, by date.
  public func bookings(on placement: PlacementID) throws(StoreError) -> [HourBooking] {
    try wrap { () throws(SQLiteError) in
      try bookings(
        where: "WHERE placement_id = ? ORDER BY booked_day, id", [SQLValue(placement)])
    }
  }

  /// The days the coach visited each of `placements`, by placement; a placement without a
  /// visit is left out.
  public func visitDays(on placements: [PlacementID]) throws(StoreError)
    -> [PlacementID: [CalendarDate]]
  {
    try wrap { () throws(SQLiteError) in
      var result: [PlacementID: [CalendarDate]] = [:]
      for placement in placements {
        let rows = try database.cached(
          """
          SELECT booked_day FROM hour_bookings WHERE placement_id = ? AND contact = 'visit'
          ORDER BY booked_day
          """)
        try rows.bind([SQLValue(placement)])
        var days: [CalendarDate] = []
        while try rows.step() { days.append(try day(rows, 0)) }
        if !days.isEmpty { result[placement] = days }
      }
      return result
    }
  }

  static let bookingColumns = """
    SELECT id, placement_id, coach_id, booked_day, minutes, activity, goals, contact, work_related,
      wage_subsidy_check, description, report_id, contact_with FROM hour_bookings
    """

  func bookings(where clause: String, _ values: [SQLValue]) throws(SQLiteError) -> [HourBooking] {
    let rows = try database.prepare(Self.bookingColumns + " " + clause)
    try rows.bind(values)
    var result: [HourBooking] = []
    // One reader for all the rows, so what a row shares with the one before is reused.
    var reader = BookingReader()
    while try rows.step() { result.append(try Self.booking(rows, &reader)) }
    return result
  }

  /// A booking from `bookingColumns`.
  func booking(_ rows: Statement) throws(SQLiteError) -> HourBooking {
    var reader = BookingReader()
    return try Self.booking(rows, &reader)
  }

  /// A booking from `bookingColumns` (a statement's row or a copy of it), reusing what the
  /// row before had in common with it (placement, coach, activity, goals): a scan of millions
  /// of bookings makes a new string only for what is new. A scan that took the row as
  /// `placement`'s passes it.
  static func booking(
    _ rows: some ColumnReading, _ reader: inout BookingReader, of placement: PlacementID? = nil
  ) throws(SQLiteError) -> HourBooking {
    let placement =
      placement ?? PlacementID(rawValue: rows.text(1, reusing: &reader.placement) ?? "")
    let coach = rows.text(2, reusing: &reader.coach) ?? ""
    let activityText = rows.text(5, reusing: &reader.activityText)
    if activityText != reader.activity?.rawValue {
      guard let activity = activityText.flatMap(BookedActivity.init(rawValue:)) else {
        throw corrupt("hour_bookings.activity")
      }
      reader.activity = activity
    }
    // Compared in place: a string for each of millions of rows cost more than the rest.
    var contact: ContactKind?
    if !rows.isNull(7) {
      contact = ContactKind.allCases.first { rows.holds(7, $0.rawValue) }
      if contact == nil { throw corrupt("hour_bookings.contact") }
    }
    // A placement's bookings name a few goal lists, row after row in any order: each list is
    // split once and found again by its bytes.
    let goals: [GoalID]
    if let index = reader.goalLists.firstIndex(where: { rows.holds(6, $0.text) }) {
      goals = reader.goalLists[index].goals
    } else {
      let text = rows.withTextBytes(6, KnownText.init) ?? KnownText("")
      goals = rows.texts(6, separatedBy: UInt8(ascii: ",")).map(GoalID.init(rawValue:))
      if reader.goalLists.count < BookingReader.goalListsKept {
        reader.goalLists.append((text, goals))
      }
    }
    return HourBooking(
      id: BookingID(rawValue: rows.text(0) ?? ""), placement: placement,
      coach: CoachID(rawValue: coach), date: try day(rows, 3),
      hours: Hours(minutes: rows.int(4)), activity: reader.activity!, goals: goals,
      contact: contact,
      contactWith: rows.isEmptyText(12)
        ? [] : try contactParties(rows.texts(12, separatedBy: UInt8(ascii: ","))),
      report: rows.text(11).map(ReportID.init(rawValue:)),
      workRelated: rows.intOrNil(8).map { $0 != 0 },
      wageSubsidyCheck: rows.int(9) != 0, description: rows.text(10))
  }

  /// The parties of `contact_with`, the names of its comma list.
  static func contactParties(_ names: [String]) throws(SQLiteError) -> Set<ContactParty> {
    var parties: Set<ContactParty> = []
    for name in names {
      guard let party = ContactParty(rawValue: name) else {
        throw corrupt("hour_bookings.contact_with")
      }
      parties.insert(party)
    }
    return parties
  }
}

/// What one booking row had that the next is likely to share.
struct BookingReader {
  var placement: KnownText?
  var coach: KnownText?
  var activityText: KnownText?
  var activity: BookedActivity?
  /// The goal lists met so far, with their text; a scan starts them afresh for each
  /// placement (a list is then counted only by the thread that judges that placement).
  var goalLists: [(text: KnownText, goals: [GoalID])] = []
  static let goalListsKept = 8
}

extension ImportWriter {
  /// Replaces the grant, plan and absences of `placement` with the ones it carries.
  func writeDetails(of placement: Placement) throws(SQLiteError) {
    let id = SQLValue(placement.id)
    // Children first: an import writes without foreign-key enforcement, so nothing cascades.
    for table in [
      "grant_periods", "grants", "plan_goals", "coaching_plans", "absences", "assignments",
      "accountability_reports",
    ] {
      try database.cached("DELETE FROM \(table) WHERE placement_id = ?").run([id])
    }
    let insertAssignment = try database.cached(
      """
      INSERT INTO assignments (placement_id, position, coach_id, organisation_id, start_on, end_on,
        role, task_experience_document, task_experience_issuer, exemption_minutes_per_week,
        exemption_document, exemption_issuer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    let insertReport = try database.cached(
      """
      INSERT INTO accountability_reports (placement_id, position, id, start_on, end_on,
        delivered_on) VALUES (?, ?, ?, ?, ?, ?)
      """)
    for (position, report) in placement.reports.enumerated() {
      try insertReport.run([
        id, .integer(position), SQLValue(report.id), SQLValue(report.period.start),
        SQLValue(report.period.end), SQLValue(report.deliveredOn),
      ])
    }
    for (position, assignment) in placement.assignments.enumerated() {
      try insertAssignment.run([
        id, .integer(position), SQLValue(assignment.coach), SQLValue(assignment.organisation),
        SQLValue(assignment.period.start), SQLValue(assignment.period.end),
        .text(assignment.role.rawValue), SQLValue(assignment.taskExperience?.documentID),
        SQLValue(assignment.taskExperience?.issuer),
        SQLValue(assignment.hoursExemption?.perWeek.minutes),
        SQLValue(assignment.hoursExemption?.evidence.documentID),
        SQLValue(assignment.hoursExemption?.evidence.issuer),
      ])
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
      INSERT INTO hour_bookings (id, placement_id, coach_id, booked_day, minutes, activity, goals,
        contact, work_related, wage_subsidy_check, description, report_id, contact_with)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET placement_id = excluded.placement_id,
        coach_id = excluded.coach_id, booked_day = excluded.booked_day, minutes = excluded.minutes,
        activity = excluded.activity, goals = excluded.goals, contact = excluded.contact,
        work_related = excluded.work_related, wage_subsidy_check = excluded.wage_subsidy_check,
        description = excluded.description, report_id = excluded.report_id,
        contact_with = excluded.contact_with
      """)
    let lookup = try database.cached(RegistryStore.bookingColumns + " WHERE id = ?")
    return try count(bookings) { (booking) throws(SQLiteError) -> Change in
      try lookup.bind([SQLValue(booking.id)])
      let old = try lookup.step() ? try store.booking(lookup) : nil
      lookup.reset()
      if old == booking { return .unchanged }
      try upsert.run([
        SQLValue(booking.id), SQLValue(booking.placement), SQLValue(booking.coach),
        .integer(booking.date.daysSinceEpoch), .integer(booking.hours.minutes),
        .text(booking.activity.rawValue),
        .text(booking.goals.map(\.rawValue).joined(separator: ",")),
        SQLValue(booking.contact?.rawValue), booking.workRelated.map(SQLValue.init) ?? .null,
        SQLValue(booking.wageSubsidyCheck), SQLValue(booking.description),
        SQLValue(booking.report),
        .text(booking.contactWith.sorted().map(\.rawValue).joined(separator: ",")),
      ])
      return old == nil ? .created : .updated
    }
  }
}
