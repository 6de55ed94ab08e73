import JobcoachCore

extension RegistryStore {
  /// The organisation with `id`, with its recognitions; nil when unknown.
  public func organisation(_ id: OrganisationID) throws(StoreError) -> Organisation? {
    try wrap { () throws(SQLiteError) in try loadOrganisation(id) }
  }

  func loadOrganisation(_ id: OrganisationID) throws(SQLiteError) -> Organisation? {
    let row = try database.cached("SELECT name, kind FROM organisations WHERE id = ?")
    try row.bind([SQLValue(id)])
    guard try row.step(), let name = row.text(0),
      let kind = row.text(1).flatMap(OrganisationKind.init(rawValue:))
    else { return nil }
    let rows = try database.cached(
      """
      SELECT framework, valid_from, valid_until, evidence_document, evidence_issuer, withdrawn_on
      FROM recognitions WHERE organisation_id = ? ORDER BY position
      """)
    try rows.bind([SQLValue(id)])
    var recognitions: [UWVRecognition] = []
    while try rows.step() {
      recognitions.append(
        UWVRecognition(
          framework: RecognitionFramework(year: rows.int(0)), validFrom: try date(rows, 1),
          validUntil: try optionalDate(rows, 2),
          evidence: EvidenceReference(documentID: rows.text(3) ?? "", issuer: rows.text(4) ?? ""),
          withdrawnOn: try optionalDate(rows, 5)))
    }
    return Organisation(id: id, name: name, kind: kind, recognitions: recognitions)
  }

  /// Every organisation, by id.
  public func allOrganisations() throws(StoreError) -> [OrganisationID: Organisation] {
    try wrap { () throws(SQLiteError) in
      let rows = try database.prepare("SELECT id FROM organisations ORDER BY id")
      var result: [OrganisationID: Organisation] = [:]
      while try rows.step() {
        let id = OrganisationID(rawValue: rows.text(0) ?? "")
        if let organisation = try loadOrganisation(id) { result[id] = organisation }
      }
      return result
    }
  }

  /// The coach with `id`, with employments and qualifications; nil when unknown.
  public func coach(_ id: CoachID) throws(StoreError) -> Coach? {
    try wrap { () throws(SQLiteError) in try loadCoach(id) }
  }

  func loadCoach(_ id: CoachID) throws(SQLiteError) -> Coach? {
    let row = try database.cached("SELECT name, register_number FROM coaches WHERE id = ?")
    try row.bind([SQLValue(id)])
    guard try row.step(), let name = row.text(0) else { return nil }
    var coach = Coach(id: id, name: name, registerNumber: row.text(1))
    let employments = try database.cached(
      "SELECT \(Self.employmentColumns) FROM employments WHERE coach_id = ? ORDER BY position")
    try employments.bind([SQLValue(id)])
    while try employments.step() { coach.employments.append(try employment(employments)) }
    let qualifications = try database.cached(
      """
      SELECT \(Self.qualificationColumns) FROM qualifications WHERE coach_id = ?
      ORDER BY position
      """)
    try qualifications.bind([SQLValue(id)])
    while try qualifications.step() {
      coach.qualifications.append(try qualification(qualifications))
    }
    return coach
  }

  static let employmentColumns = "organisation_id, kind, valid_from, valid_until"
  static let qualificationColumns =
    "kind, title, issued_on, expires_on, issuer, evidence_document, evidence_issuer"

  /// An employment from `employmentColumns` starting at column `first`.
  func employment(_ row: Statement, from first: Int32 = 0) throws(SQLiteError) -> Employment {
    guard let kind = row.text(first + 1).flatMap(CoachKind.init(rawValue:)) else {
      throw corrupt("employments.kind")
    }
    return Employment(
      organisation: OrganisationID(rawValue: row.text(first) ?? ""), kind: kind,
      period: DateInterval(
        start: try date(row, first + 2), end: try optionalDate(row, first + 3)))
  }

  /// A qualification from `qualificationColumns` starting at column `first`.
  func qualification(_ row: Statement, from first: Int32 = 0) throws(SQLiteError)
    -> Qualification
  {
    guard let kind = row.text(first).flatMap(QualificationKind.init(rawValue:)) else {
      throw corrupt("qualifications.kind")
    }
    return Qualification(
      kind: kind, title: row.text(first + 1) ?? "", issuedOn: try date(row, first + 2),
      expiresOn: try optionalDate(row, first + 3), issuer: row.text(first + 4) ?? "",
      evidence: evidence(row, first + 5))
  }

  /// Every coach id, sorted.
  public func coachIDs() throws(StoreError) -> [CoachID] {
    try wrap { () throws(SQLiteError) in
      let rows = try database.prepare("SELECT id FROM coaches ORDER BY id")
      var ids: [CoachID] = []
      while try rows.step() { ids.append(CoachID(rawValue: rows.text(0) ?? "")) }
      return ids
    }
  }

  static let placementColumns = """
    SELECT id, municipality_id, employer_id, worker_ref, start_on, end_on, funder,
      appointed_through_municipality, wage_cost_subsidy
    FROM placements
    """

  /// The placement with `id`; nil when unknown.
  public func placement(_ id: PlacementID) throws(StoreError) -> Placement? {
    try wrap { () throws(SQLiteError) in
      try placements(where: "WHERE id = ?", [SQLValue(id)]).first
    }
  }

  /// The placements a coach coaches, by start date.
  public func placements(coachedBy coach: CoachID) throws(StoreError) -> [Placement] {
    try wrap { () throws(SQLiteError) in
      try placements(
        where: """
          WHERE id IN (SELECT placement_id FROM assignments WHERE coach_id = ?)
          ORDER BY start_on, id
          """, [SQLValue(coach)])
    }
  }

  /// The placements `clause` selects, each with its grant, plan and absences.
  func placements(where clause: String, _ values: [SQLValue]) throws(SQLiteError) -> [Placement] {
    var result = try placementRows(where: clause, values)
    for index in result.indices { try loadDetails(of: &result[index]) }
    return result
  }

  /// The placements' own rows, without grant, plan or absences.
  func placementRows(where clause: String, _ values: [SQLValue]) throws(SQLiteError)
    -> [Placement]
  {
    // Cached: a check asks for each coach's placements in turn.
    let rows = try database.cached(Self.placementColumns + " " + clause)
    try rows.bind(values)
    var result: [Placement] = []
    while try rows.step() { result.append(try placement(rows)) }
    return result
  }

  /// A placement's own row from `placementColumns`, without grant, plan or absences.
  func placement(_ rows: Statement) throws(SQLiteError) -> Placement {
    guard let funder = rows.text(6).flatMap(Funder.init(rawValue:)) else {
      throw corrupt("placements.funder")
    }
    return Placement(
      id: PlacementID(rawValue: rows.text(0) ?? ""),
      municipality: rows.text(1).map(OrganisationID.init(rawValue:)),
      employer: OrganisationID(rawValue: rows.text(2) ?? ""),
      worker: WorkerReference(rawValue: rows.text(3) ?? ""),
      period: DateInterval(start: try date(rows, 4), end: try optionalDate(rows, 5)),
      funder: funder, appointedThroughMunicipality: rows.int(7) != 0,
      wageCostSubsidy: rows.int(8) != 0)
  }

  /// All versions of the policy `id`; nil when unknown.
  public func policyHistory(_ id: PolicyID) throws(StoreError) -> PolicyHistory? {
    try wrap { () throws(SQLiteError) in
      let versions = try policies(where: "WHERE id = ?", [SQLValue(id)])
      return versions.isEmpty ? nil : PolicyHistory(versions: versions)
    }
  }

  /// The policies a municipality has set, each with all its versions.
  public func policyHistories(of municipality: OrganisationID) throws(StoreError) -> [PolicyHistory]
  {
    try wrap { () throws(SQLiteError) in
      let versions = try policies(where: "WHERE municipality_id = ?", [SQLValue(municipality)])
      return PolicyHistory.byMunicipality(versions)[municipality] ?? []
    }
  }

  func policies(where clause: String, _ values: [SQLValue]) throws(SQLiteError) -> [MunicipalPolicy]
  {
    let rows = try database.prepare(
      """
      SELECT id, effective_from, name, municipality_id, funds_internal_coaching, external_policy,
        minimum_framework, municipal_requirements, internal_requirements, external_requirements,
        light_year1_cents, light_year2_cents, light_year3_cents, medium_year1_cents,
        medium_year2_cents, medium_year3_cents, shifts_between_years, motivated_exceptions,
        reporting_minutes_per_report, employer_coaching_years, reminder_stages,
        municipal_registers, internal_registers, external_registers, municipal_rate_cents,
        deviation_share_percent
      FROM policies \(clause) ORDER BY id, effective_from
      """)
    try rows.bind(values)
    let approvedRows = try database.prepare(
      """
      SELECT organisation_id FROM policy_approved_organisations
      WHERE policy_id = ? AND effective_from = ? ORDER BY position
      """)
    var result: [MunicipalPolicy] = []
    while try rows.step() {
      let id = rows.text(0) ?? ""
      let effectiveFrom = try date(rows, 1)
      let external: ExternalOrganisationPolicy
      switch rows.text(5) {
      case "free-choice": external = .freeChoice
      case "through-municipality": external = .throughMunicipality
      case "approved-list":
        approvedRows.reset()
        try approvedRows.bind([.text(id), SQLValue(effectiveFrom)])
        var approved: [OrganisationID] = []
        while try approvedRows.step() {
          approved.append(OrganisationID(rawValue: approvedRows.text(0) ?? ""))
        }
        external = .approvedList(approved)
      default: throw corrupt("policies.external_policy")
      }
      func rules(_ column: Int32) -> [RuleID] {
        (rows.text(column) ?? "").split(separator: ",").map { RuleID(rawValue: String($0)) }
      }
      var registers: [CoachKind: [RegisterID]] = [:]
      for (kind, column) in [(CoachKind.municipal, 21), (.internal, 22), (.external, 23)] {
        let listed = (rows.text(Int32(column)) ?? "").split(separator: ",")
        if !listed.isEmpty { registers[kind] = listed.map { RegisterID(rawValue: String($0)) } }
      }
      result.append(
        MunicipalPolicy(
          id: PolicyID(rawValue: id), name: rows.text(2) ?? "",
          municipality: rows.text(3).map(OrganisationID.init(rawValue:)),
          effectiveFrom: effectiveFrom,
          requirements: [.municipal: rules(7), .internal: rules(8), .external: rules(9)],
          fundsInternalCoaching: rows.int(4) != 0, externalOrganisations: external,
          minimumRecognitionFramework: RecognitionFramework(year: rows.int(6)),
          funding: FundingFramework(
            light: .init(
              year1: Money(cents: rows.int(10)), year2: Money(cents: rows.int(11)),
              year3: Money(cents: rows.int(12))),
            medium: .init(
              year1: Money(cents: rows.int(13)), year2: Money(cents: rows.int(14)),
              year3: Money(cents: rows.int(15))),
            shiftsBetweenYears: rows.int(16) != 0, allowsMotivatedExceptions: rows.int(17) != 0,
            municipalCoachRate: rows.intOrNil(24).map(Money.init(cents:)),
            deviationSharePercent: rows.int(25)),
          coachingProtocol: CoachingProtocol(
            reportingPerReport: Hours(minutes: rows.int(18)), employerCoachingYears: rows.int(19)),
          reminderStages: try reminderSchedule(rows.text(20)), registrationRegisters: registers))
    }
    return result
  }

  // MARK: Column helpers

  func reminderSchedule(_ text: String?) throws(SQLiteError) -> ReminderSchedule {
    guard let text, let schedule = ReminderSchedule(codes: text) else {
      throw corrupt("policies.reminder_stages")
    }
    return schedule
  }

  func corrupt(_ field: String) -> SQLiteError { Self.corrupt(field) }

  static func corrupt(_ field: String) -> SQLiteError {
    SQLiteError(code: 11, message: "unexpected value in \(field)")
  }

  func date(_ statement: Statement, _ column: Int32) throws(SQLiteError) -> CalendarDate {
    guard let text = statement.text(column), let date = CalendarDate(iso: text) else {
      throw corrupt("a date column")
    }
    return date
  }

  /// A date stored as its day number (days since 1970-01-01).
  func day(_ statement: Statement, _ column: Int32) throws(SQLiteError) -> CalendarDate {
    try Self.day(statement, column)
  }

  static func day(_ row: some ColumnReading, _ column: Int32) throws(SQLiteError) -> CalendarDate {
    let date = CalendarDate(daysSinceEpoch: row.int(column))
    guard row.isNull(column) == false, CalendarDate.earliest <= date, date <= .latest
    else { throw corrupt("a day column") }
    return date
  }

  func optionalDate(_ statement: Statement, _ column: Int32) throws(SQLiteError) -> CalendarDate? {
    statement.isNull(column) ? nil : try date(statement, column)
  }

  /// A value spelled as its raw value in a column: nil for NULL, an error for an unknown one.
  func optionalValue<Value: RawRepresentable<String>>(
    _ statement: Statement, _ column: Int32, _ field: String
  ) throws(SQLiteError) -> Value? {
    guard let text = statement.text(column) else { return nil }
    guard let value = Value(rawValue: text) else { throw corrupt(field) }
    return value
  }

  /// A value spelled as its raw value in a column that is never NULL.
  func value<Value: RawRepresentable<String>>(
    _ statement: Statement, _ column: Int32, _ field: String
  ) throws(SQLiteError) -> Value {
    guard let value: Value = try optionalValue(statement, column, field) else {
      throw corrupt(field)
    }
    return value
  }

  /// An evidence reference from two columns (document, issuer); nil when the document is NULL.
  func evidence(_ statement: Statement, _ column: Int32) -> EvidenceReference? {
    guard let document = statement.text(column) else { return nil }
    return EvidenceReference(documentID: document, issuer: statement.text(column + 1) ?? "")
  }
}
