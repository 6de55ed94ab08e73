import JobcoachCore

extension RegistryStore {
  /// The rules `jobcoach_claim_stands` asks, set before each sum. That function and
  /// `jobcoach_same_activity_key` are defined once per connection, by `claimRules()` (SQLite
  /// refuses to redefine a function while a statement is active).
  final class ClaimRules {
    var rules = RegisterRules()
  }

  func claimRules() throws(SQLiteError) -> ClaimRules {
    if let claimRulesBox { return claimRulesBox }
    let box = ClaimRules()
    try database.defineFunction("jobcoach_claim_stands", arity: 3) { [box] arguments in
      box.rules.claimStands(
        codeUTF8: arguments.utf8(0), on: CalendarDate(daysSinceEpoch: arguments.int(1)),
        minutes: arguments.int(2)) ? 1 : 0
    }
    try database.defineFunction("jobcoach_same_activity_key", arity: 5, Self.sameActivityKey)
    claimRulesBox = box
    return box
  }

  /// `jobcoach_same_activity_key(day, code, title, document, issuer)`: a 64-bit digest (FNV-1a)
  /// of what makes two listed activities the same one (R-PE-4, `PEActivity.sameActivityKey`):
  /// the day, the code (else the title), the evidence document and issuer; NULL without a
  /// document. The same activity always has the same key, so counting distinct keys finds
  /// every activity listed twice; two different ones sharing a key (about one chance in
  /// 2^64 a pair) only send their coach to the portfolio's judgement, which is exact. Digesting
  /// the fields in place spares SQLite a string built and sorted for each of a million rows.
  static func sameActivityKey(_ arguments: FunctionArguments) -> Int? {
    guard let document = arguments.utf8(3) else { return nil }
    var digest: UInt64 = 0xcbf2_9ce4_8422_2325
    func add(_ byte: UInt8) { digest = (digest ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    func add(_ bytes: UnsafeBufferPointer<UInt8>?) {
      for byte in bytes ?? UnsafeBufferPointer(start: nil, count: 0) { add(byte) }
    }
    var day = UInt64(bitPattern: Int64(arguments.int(0)))
    for _ in 0..<8 {
      add(UInt8(truncatingIfNeeded: day))
      day >>= 8
    }
    if let code = arguments.utf8(1) {
      add(1)
      add(code)
    } else {
      add(2)
      add(arguments.utf8(2))
    }
    add(0x1F)
    add(document)
    add(0x1F)
    add(arguments.utf8(4))
    return Int(truncatingIfNeeded: digest)
  }

  /// Each coach's PE totals over their cycle, for the coaches whose every claim in it stands
  /// as claimed (`RegisterRules.claimStands`, asked per accredited row by the SQL function
  /// `jobcoach_claim_stands`); coaches with any other claim are left out.
  ///
  /// The sums are SQL over each coach's range of the table; which claims stand is the domain's answer, asked
  /// per row. Held to the portfolio's statement by `PECountingDifferentialTests`.
  public func cycleTotals(
    _ cycles: [CoachID: RegisterCycle], on date: CalendarDate, rules: RegisterRules
  ) throws(StoreError) -> [CoachID: PETotals] {
    guard !cycles.isEmpty else { return [:] }
    return try wrap { () throws(SQLiteError) in try sumCycles(cycles, on: date, rules: rules) }
  }

  func sumCycles(_ cycles: [CoachID: RegisterCycle], on date: CalendarDate, rules: RegisterRules)
    throws(SQLiteError) -> [CoachID: PETotals]
  {
    try claimRules().rules = rules
    try database.execute(
      """
      CREATE TEMP TABLE IF NOT EXISTS check_cycles (
        coach_id TEXT PRIMARY KEY, first_day INTEGER NOT NULL, last_day INTEGER NOT NULL
      ) WITHOUT ROWID;
      DELETE FROM temp.check_cycles;
      """)
    defer { try? database.execute("DELETE FROM temp.check_cycles") }
    let insert = try database.cached("INSERT INTO temp.check_cycles VALUES (?, ?, ?)")
    for (coach, cycle) in cycles {
      try insert.run([
        // R-PE-4: nothing after the date judged on counts.
        SQLValue(coach), .integer(cycle.start.daysSinceEpoch),
        .integer(min(cycle.end, date).daysSinceEpoch),
      ])
    }
    var totals: [CoachID: PETotals] = [:]
    totals.reserveCapacity(cycles.count)
    for coach in cycles.keys { totals[coach] = PETotals() }
    let rows = try database.cached(
      """
      SELECT c.coach_id,
        sum(CASE WHEN a.category = 'accredited' THEN a.minutes ELSE 0 END),
        sum(CASE WHEN a.category = 'accredited' THEN 0 ELSE a.minutes END),
        min(CASE WHEN a.evidence_document IS NULL THEN 0
          WHEN a.category = 'accredited'
          THEN jobcoach_claim_stands(a.accreditation_code, a.activity_day, a.minutes)
          ELSE 1 END),
        count(*) = count(DISTINCT jobcoach_same_activity_key(a.activity_day,
          a.accreditation_code, a.title, a.evidence_document, a.evidence_issuer))
      FROM temp.check_cycles c
      JOIN pe_activities a
        ON a.coach_id = c.coach_id AND a.activity_day BETWEEN c.first_day AND c.last_day
      GROUP BY c.coach_id
      """)
    defer { rows.reset() }
    while try rows.step() {
      let coach = CoachID(rawValue: rows.text(0) ?? "")
      // Any activity without evidence, listed twice (R-PE-4), or with a claim that needs a
      // word of its own: judged from the portfolio.
      guard rows.int(3) == 1, rows.int(4) == 1 else {
        totals[coach] = nil
        continue
      }
      totals[coach] = PETotals(
        accredited: Hours(minutes: rows.int(1)), free: Hours(minutes: rows.int(2)))
    }
    return totals
  }
}
