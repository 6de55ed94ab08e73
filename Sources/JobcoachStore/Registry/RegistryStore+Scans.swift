import JobcoachCore

// Whole-registry reads that hold one record at a time: each owner (a coach, a placement) is read
// in id order with the rows of its detail tables read in step (a merge join, one ordered scan
// per table), so a check's memory does not grow with the registry.

/// The rows of one table ordered by their owner's id, as the owners are read: each owner takes
/// its rows as the scan reaches them, and nothing is held for an owner not yet read.
struct OwnedRows {
  private let rows: Statement
  /// The column that names the owner.
  private let ownerColumn: Int32
  /// The owner of the row the scan stands on; nil once past the last row.
  private var owner: KnownText?
  /// How many columns each row has.
  var columns: Int32 { rows.columnCount }

  /// `sql` must order its rows by the owner column (SQLite's binary order, as ids are read).
  init(_ database: Database, _ sql: String, ownerColumn: Int32 = 0) throws(SQLiteError) {
    rows = try database.prepare(sql)
    self.ownerColumn = ownerColumn
    owner = try rows.step() ? Self.owner(of: rows, ownerColumn) : nil
  }

  private static func owner(of rows: Statement, _ column: Int32) -> KnownText {
    rows.withTextBytes(column, KnownText.init) ?? KnownText("")
  }

  /// The detail rows of `table` owned through `ownerColumn`: the owner first, then `columns`,
  /// in the order of `position` (a table with one row per owner passes false).
  init(
    _ database: Database, table: String, columns: String, ownedBy ownerColumn: String,
    position: Bool = true
  ) throws(SQLiteError) {
    try self.init(
      database,
      "SELECT \(ownerColumn), \(columns) FROM \(table) ORDER BY \(ownerColumn)"
        + (position ? ", position" : ""))
  }

  /// Hands `add` each row of the owner `id`, in order. Owners are asked in id order; a row
  /// whose owner was passed over (none was read with its id) is the registry's corruption.
  mutating func take(_ id: String, _ add: (Statement) throws(SQLiteError) -> Void)
    throws(SQLiteError)
  {
    while let current = owner?.text, current.utf8.lexicographicallyPrecedes(id.utf8) {
      throw SQLiteError(code: 11, message: "rows of an unknown owner \(current) in \(rows.sql)")
    }
    guard let same = owner, same.text == id else { return }
    while true {
      try add(rows)
      guard try rows.step() else {
        owner = nil
        return
      }
      // Most rows have the owner of the row before: compared in place, no new string.
      if !rows.holds(ownerColumn, same) {
        owner = Self.owner(of: rows, ownerColumn)
        return
      }
    }
  }

  /// Throws when rows are left whose owner was never read.
  func finish() throws(SQLiteError) {
    if let owner {
      throw SQLiteError(
        code: 11, message: "rows of an unknown owner \(owner.text) in \(rows.sql)")
    }
  }
}

extension RegistryStore {
  /// Every coach in id order, with employments and qualifications, one at a time.
  public func forEachCoach(_ body: (Coach) throws -> Void) throws {
    var scan = try wrap { () throws(SQLiteError) in try CoachScan(self) }
    while let coach = try wrap({ () throws(SQLiteError) in try scan.next() }) { try body(coach) }
  }

  /// Every coach, sorted by id.
  public func allCoaches() throws(StoreError) -> [Coach] {
    try wrap { () throws(SQLiteError) in
      var scan = try CoachScan(self)
      var coaches: [Coach] = []
      while let coach = try scan.next() { coaches.append(coach) }
      return coaches
    }
  }

  /// Every placement in id order, with its grant, plan, absences, assignments and reports,
  /// and with its bookings (by day and id) when `withBookings`, one at a time.
  public func forEachPlacement(
    withBookings: Bool, _ body: (Placement, [HourBooking]) throws -> Void
  ) throws {
    var scan = try wrap { () throws(SQLiteError) in
      try PlacementScan(self, withBookings: withBookings)
    }
    while let (placement, bookings) = try wrap({ () throws(SQLiteError) in try scan.next() }) {
      try body(placement, bookings)
    }
  }

  /// Every placement in id order, as `forEachPlacement(withBookings: true)` gives them, with
  /// its bookings' rows copied as read: they are made into values where `decode` is asked,
  /// by the thread that judges the placement. On a machine without a core to spare for the
  /// reading thread (`copiesBookingRows`), made as read.
  public func forEachPlacement(pendingBookings body: (Placement, PendingBookings) throws -> Void)
    throws
  {
    guard copiesBookingRows else {
      try forEachPlacement(withBookings: true) { try body($0, PendingBookings($1)) }
      return
    }
    var scan = try wrap { () throws(SQLiteError) in try PlacementScan(self, withBookings: true) }
    let path = path
    while let (placement, copies) = try wrap({ () throws(SQLiteError) in try scan.nextCopying() })
    {
      let id = placement.id
      try body(
        placement,
        PendingBookings(decoding: { try Self.bookings(copies, of: id, registry: path) }))
    }
  }

  /// The bookings of `placement` from their copied rows; a value the registry cannot hold is
  /// the registry's corruption, as when read from the statement.
  static func bookings(_ copies: CopiedRows, of placement: PlacementID, registry path: String)
    throws(StoreError) -> [HourBooking]
  {
    // A reader of its own: what it reuses (a goal list) is this placement's and this
    // thread's, never counted by two threads at once.
    var reader = BookingReader()
    do {
      return try copies.forEach { row throws(SQLiteError) in
        try booking(row, &reader, of: placement)
      }
    } catch {
      throw .database(path: path, error)
    }
  }

  /// Every placement by id, with grant, plan and absences (no bookings).
  public func allPlacements() throws(StoreError) -> [Placement] {
    try wrap { () throws(SQLiteError) in
      var scan = try PlacementScan(self, withBookings: false)
      var placements: [Placement] = []
      while let (placement, _) = try scan.next() { placements.append(placement) }
      return placements
    }
  }
}

/// Coaches in id order, each with its employments and qualifications.
struct CoachScan {
  private let store: RegistryStore
  private let coaches: Statement
  private var employments: OwnedRows
  private var qualifications: OwnedRows

  init(_ store: RegistryStore) throws(SQLiteError) {
    self.store = store
    let database = store.database
    coaches = try database.prepare("SELECT id, name, register_number FROM coaches ORDER BY id")
    employments = try OwnedRows(
      database, table: "employments", columns: RegistryStore.employmentColumns,
      ownedBy: "coach_id")
    qualifications = try OwnedRows(
      database, table: "qualifications", columns: RegistryStore.qualificationColumns,
      ownedBy: "coach_id")
  }

  /// The next coach; nil after the last.
  mutating func next() throws(SQLiteError) -> Coach? {
    guard try coaches.step() else {
      try employments.finish()
      try qualifications.finish()
      return nil
    }
    let id = coaches.text(0) ?? ""
    var coach = Coach(
      id: CoachID(rawValue: id), name: coaches.text(1) ?? "", registerNumber: coaches.text(2))
    let store = store
    try employments.take(id) { row throws(SQLiteError) in
      coach.employments.append(try store.employment(row, from: 1))
    }
    try qualifications.take(id) { row throws(SQLiteError) in
      coach.qualifications.append(try store.qualification(row, from: 1))
    }
    return coach
  }
}

/// Placements in id order, each with the rows of its detail tables and, when asked, its
/// bookings.
struct PlacementScan {
  private let store: RegistryStore
  private let placements: Statement
  private var grants: OwnedRows
  private var grantPeriods: OwnedRows
  private var plans: OwnedRows
  private var goals: OwnedRows
  private var absences: OwnedRows
  private var assignments: OwnedRows
  private var reports: OwnedRows
  private var bookings: OwnedRows?
  private var reader = BookingReader()

  init(_ store: RegistryStore, withBookings: Bool) throws(SQLiteError) {
    self.store = store
    let database = store.database
    placements = try database.prepare(RegistryStore.placementColumns + " ORDER BY id")
    func details(_ table: String, _ columns: String, position: Bool = true) throws(SQLiteError)
      -> OwnedRows
    {
      try OwnedRows(
        database, table: table, columns: columns, ownedBy: "placement_id", position: position)
    }
    grants = try details("grants", RegistryStore.grantColumns, position: false)
    grantPeriods = try details("grant_periods", RegistryStore.grantPeriodColumns)
    plans = try details("coaching_plans", RegistryStore.planColumns, position: false)
    goals = try details("plan_goals", RegistryStore.goalColumns)
    absences = try details("absences", RegistryStore.absenceColumns)
    assignments = try details("assignments", RegistryStore.assignmentColumns)
    reports = try details("accountability_reports", RegistryStore.reportColumns)
    bookings =
      withBookings
      ? try OwnedRows(
        database, RegistryStore.bookingColumns + " ORDER BY placement_id, booked_day, id",
        ownerColumn: 1)
      : nil
  }

  /// The next placement with its bookings (none when not asked for); nil after the last.
  mutating func next() throws(SQLiteError) -> (Placement, [HourBooking])? {
    guard let placement = try nextPlacement() else { return nil }
    var booked: [HourBooking] = []
    if bookings != nil {
      var reader = reader
      // Each placement's bookings get goal lists of their own: a list shared with the
      // placement before would have its reference count written by this thread and by the
      // thread judging that placement at once.
      reader.goalLists.removeAll(keepingCapacity: true)
      try bookings!.take(placement.id.rawValue) { row throws(SQLiteError) in
        booked.append(try RegistryStore.booking(row, &reader, of: placement.id))
      }
      self.reader = reader
    }
    return (placement, booked)
  }

  /// The next placement with its bookings' rows copied, not yet values; nil after the last.
  /// For a scan made with bookings.
  mutating func nextCopying() throws(SQLiteError) -> (Placement, CopiedRows)? {
    precondition(bookings != nil, "a scan made without bookings has no rows to copy")
    guard let placement = try nextPlacement() else { return nil }
    var copies = CopiedRows(columns: bookings!.columns)
    try bookings!.take(placement.id.rawValue) { row throws(SQLiteError) in copies.append(row) }
    return (placement, copies)
  }

  /// The next placement with the rows of its detail tables; nil after the last.
  private mutating func nextPlacement() throws(SQLiteError) -> Placement? {
    guard try placements.step() else {
      for rows in [grants, grantPeriods, plans, goals, absences, assignments, reports] {
        try rows.finish()
      }
      try bookings?.finish()
      return nil
    }
    var placement = try store.placement(placements)
    let id = placement.id.rawValue
    let store = store
    try grants.take(id) { row throws(SQLiteError) in
      placement.grant = try store.grant(row, from: 1)
    }
    try grantPeriods.take(id) { row throws(SQLiteError) in
      placement.grant?.periods.append(try store.grantPeriod(row, from: 1))
    }
    try plans.take(id) { row throws(SQLiteError) in placement.plan = try store.plan(row, from: 1) }
    try goals.take(id) { row throws(SQLiteError) in
      placement.plan?.goals.append(try store.goal(row, from: 1))
    }
    try absences.take(id) { row throws(SQLiteError) in
      placement.absences.append(try store.absence(row, from: 1))
    }
    try assignments.take(id) { row throws(SQLiteError) in
      placement.assignments.append(try store.assignment(row, from: 1))
    }
    try reports.take(id) { row throws(SQLiteError) in
      placement.reports.append(try store.reportRecord(row, from: 1))
    }
    return placement
  }
}
