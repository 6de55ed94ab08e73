import JobcoachCore

extension RegistryStore {
  /// The association's list of recognised educations, by id.
  public func recognisedEducations() throws(StoreError) -> [EducationID: RecognisedEducation] {
    try wrap { () throws(SQLiteError) in try recognisedEducationsRaw() }
  }

  func recognisedEducationsRaw(only id: EducationID? = nil) throws(SQLiteError)
    -> [EducationID: RecognisedEducation]
  {
    let rows = try database.prepare(
      "SELECT id, title, provider, recognised_from, recognised_until FROM educations"
        + (id == nil ? "" : " WHERE id = ?"))
    if let id { try rows.bind([SQLValue(id)]) }
    var result: [EducationID: RecognisedEducation] = [:]
    while try rows.step() {
      let id = EducationID(rawValue: rows.text(0) ?? "")
      result[id] = RecognisedEducation(
        id: id, title: rows.text(1) ?? "", provider: rows.text(2) ?? "",
        recognition: DateInterval(start: try date(rows, 3), end: try optionalDate(rows, 4)))
    }
    return result
  }

  /// The accreditation catalogue, by code; nil when the registry holds none.
  public func accreditationCatalogue() throws(StoreError) -> [String: Accreditation]? {
    try wrap { () throws(SQLiteError) in
      let catalogue = try accreditationsRaw()
      return catalogue.isEmpty ? nil : catalogue
    }
  }

  func accreditationsRaw(only code: String? = nil) throws(SQLiteError)
    -> [String: Accreditation]
  {
    let rows = try database.prepare(
      "SELECT code, title, provider, minutes, valid_from, valid_until FROM accreditations"
        + (code == nil ? "" : " WHERE code = ?"))
    if let code { try rows.bind([.text(code)]) }
    var result: [String: Accreditation] = [:]
    while try rows.step() {
      let code = rows.text(0) ?? ""
      result[code] = Accreditation(
        code: code, title: rows.text(1) ?? "", provider: rows.text(2) ?? "",
        hours: Hours(minutes: rows.int(3)),
        validity: DateInterval(start: try date(rows, 4), end: try optionalDate(rows, 5)))
    }
    return result
  }

  /// Every register with its norms and terms, by id (R-REG-1); never empty (the schema
  /// holds the seed's register). A register without norms has the seed's.
  public func registers() throws(StoreError) -> [Register] {
    try wrap { () throws(SQLiteError) in try loadRegisters() }
  }

  func loadRegisters(only id: RegisterID? = nil) throws(SQLiteError) -> [Register] {
    let rows = try database.prepare(
      """
      SELECT id, name, admission_minutes, diploma_admission_minutes, lists_recognised_educations,
        renewal_window_months, grace_months FROM registers
      """ + (id == nil ? "" : " WHERE id = ?") + " ORDER BY id")
    if let id { try rows.bind([SQLValue(id)]) }
    var registers: [Register] = []
    var lowersAdmission: [RegisterID: Hours] = [:]
    while try rows.step() {
      let id = RegisterID(rawValue: rows.text(0) ?? "")
      registers.append(
        Register(
          id: id, name: rows.text(1) ?? "", admissionHours: Hours(minutes: rows.int(2)),
          recognisedEducations: rows.int(4) == 1 ? [] : nil,
          renewal: RenewalTerms(windowMonths: rows.int(5), graceMonths: rows.int(6))))
      if let minutes = rows.intOrNil(3) { lowersAdmission[id] = Hours(minutes: minutes) }
    }
    let educations = try database.prepare(
      """
      SELECT register_id, role, education_id FROM register_educations
      ORDER BY register_id, role, position
      """)
    var listed: [RegisterID: [String: [EducationID]]] = [:]
    while try educations.step() {
      listed[RegisterID(rawValue: educations.text(0) ?? ""), default: [:]][
        educations.text(1) ?? "", default: []
      ].append(EducationID(rawValue: educations.text(2) ?? ""))
    }
    let norms = Dictionary(grouping: try loadNorms(), by: \.register)
    for index in registers.indices {
      let id = registers[index].id
      if registers[index].recognisedEducations != nil {
        registers[index].recognisedEducations = listed[id]?["recognised"] ?? []
      }
      if let hours = lowersAdmission[id] {
        registers[index].diplomaAdmission = DiplomaAdmission(
          hours: hours, educations: listed[id]?["lowers-admission"] ?? [])
      }
      registers[index].norms = PENormHistory(versions: norms[id] ?? [])
    }
    return registers
  }

  func loadNorms(where clause: String = "", _ values: [SQLValue] = []) throws(SQLiteError)
    -> [PENorm]
  {
    let rows = try database.prepare(
      """
      SELECT name, effective_from, cycle_years, total_minutes, minimum_accredited_minutes,
        maximum_free_minutes, practice_minutes, selection, register_id FROM pe_norms \(clause)
      ORDER BY register_id, effective_from
      """)
    try rows.bind(values)
    var result: [PENorm] = []
    while try rows.step() {
      result.append(
        PENorm(
          name: rows.text(0) ?? "", effectiveFrom: try date(rows, 1), cycleYears: rows.int(2),
          totalHours: Hours(minutes: rows.int(3)), minimumAccredited: Hours(minutes: rows.int(4)),
          maximumFree: Hours(minutes: rows.int(5)),
          practiceHours: rows.intOrNil(6).map(Hours.init(minutes:)),
          selection: NormSelection(rawValue: rows.text(7) ?? "") ?? .cycleStart,
          register: RegisterID(rawValue: rows.text(8) ?? "")))
    }
    return result
  }

  /// All a register's rules need: the register, the association's educations and catalogue.
  public func registerRules(for register: Register) throws(StoreError) -> RegisterRules {
    RegisterRules(
      register: register, educations: try recognisedEducations(),
      accreditations: try accreditationCatalogue())
  }

  /// The coach's portfolio; nil when none was imported.
  public func portfolio(of coach: CoachID) throws(StoreError) -> Portfolio? {
    try wrap { () throws(SQLiteError) in try loadPortfolio(coach) }
  }

  /// The coach's portfolio: every row, or with `origin` only the rows of that origin
  /// (`portfolio`: what the last portfolio document gave).
  func loadPortfolio(_ coach: CoachID, origin: String? = nil) throws(SQLiteError) -> Portfolio? {
    let only = origin.map { " AND origin = '\($0)'" } ?? ""
    let head = try database.cached("SELECT registered_since FROM portfolios WHERE coach_id = ?")
    try head.bind([SQLValue(coach)])
    guard try head.step() else { return nil }
    var portfolio = Portfolio(coach: coach, registeredSince: try optionalDate(head, 0))
    let diplomas = try database.cached(
      """
      SELECT education_id, issued_on, evidence_document, evidence_issuer FROM education_diplomas
      WHERE coach_id = ? ORDER BY position
      """)
    try diplomas.bind([SQLValue(coach)])
    while try diplomas.step() {
      portfolio.educations.append(
        EducationDiploma(
          education: EducationID(rawValue: diplomas.text(0) ?? ""), issuedOn: try date(diplomas, 1),
          evidence: evidence(diplomas, 2) ?? EvidenceReference(documentID: "", issuer: "")))
    }
    let experience = try database.cached(
      """
      SELECT valid_from, valid_until, minutes, description, evidence_document, evidence_issuer
      FROM experience WHERE coach_id = ?\(only) ORDER BY position
      """)
    try experience.bind([SQLValue(coach)])
    while try experience.step() {
      portfolio.experience.append(
        ExperienceEntry(
          period: DateInterval(start: try date(experience, 0), end: try date(experience, 1)),
          hours: Hours(minutes: experience.int(2)), description: experience.text(3) ?? "",
          evidence: evidence(experience, 4) ?? EvidenceReference(documentID: "", issuer: "")))
    }
    let activities = try database.cached(
      """
      SELECT id, activity_day, minutes, title, provider, category, accreditation_code,
        evidence_document, evidence_issuer
      FROM pe_activities WHERE coach_id = ?\(only) ORDER BY activity_day, id
      """)
    try activities.bind([SQLValue(coach)])
    while try activities.step() {
      portfolio.activities.append(
        PEActivity(
          id: ActivityID(rawValue: activities.text(0) ?? ""), date: try day(activities, 1),
          hours: Hours(minutes: activities.int(2)), title: activities.text(3) ?? "",
          provider: activities.text(4) ?? "",
          category: PECategory(rawValue: activities.text(5) ?? "") ?? .free,
          accreditationCode: activities.text(6), evidence: evidence(activities, 7)))
    }
    return portfolio
  }

  /// The coach's memberships, one per register, by register id.
  public func memberships(of coach: CoachID) throws(StoreError) -> [Membership] {
    try wrap { () throws(SQLiteError) in try loadMemberships(coach) }
  }

  func loadMemberships(_ coach: CoachID, in register: RegisterID? = nil) throws(SQLiteError)
    -> [Membership]
  {
    let only = register == nil ? "" : " AND register_id = ?"
    let key = [SQLValue(coach)] + (register.map { [SQLValue($0)] } ?? [])
    let head = try database.cached(
      """
      SELECT register_id, register_number, admitted_on, route FROM memberships
      WHERE coach_id = ?\(only) ORDER BY register_id
      """)
    try head.bind(key)
    var memberships: [Membership] = []
    while try head.step() {
      guard let route = AdmissionRoute(rawValue: head.text(3) ?? "") else {
        throw corrupt("memberships.route")
      }
      memberships.append(
        Membership(
          coach: coach, register: RegisterID(rawValue: head.text(0) ?? ""),
          registerNumber: head.text(1) ?? "", admittedOn: try date(head, 2), route: route))
    }
    /// Hands each row of `table` (the coach's, by register and position) to its membership.
    func merge(
      _ table: String, _ columns: String,
      _ add: (inout Membership, Statement) throws(SQLiteError) -> Void
    ) throws(SQLiteError) {
      let rows = try database.cached(
        """
        SELECT register_id, \(columns) FROM \(table)
        WHERE coach_id = ?\(only) ORDER BY register_id, position
        """)
      try rows.bind(key)
      while try rows.step() {
        let id = RegisterID(rawValue: rows.text(0) ?? "")
        guard let index = memberships.firstIndex(where: { $0.register == id }) else {
          throw corrupt("\(table).register_id")
        }
        try add(&memberships[index], rows)
      }
    }
    try merge("membership_status_changes", Self.statusChangeColumns) {
      membership, row throws(SQLiteError) in
      membership.statusChanges.append(try statusChange(row, from: 1))
    }
    try merge("assessments", Self.assessmentColumns) { membership, row throws(SQLiteError) in
      membership.assessments.append(try assessment(row, from: 1))
    }
    return memberships
  }

  static let statusChangeColumns = "change_date, status, rule, decision"
  static let assessmentColumns = "submitted_on, judged_on, result, improvement_points, deadline"

  /// A status change from `statusChangeColumns` starting at column `first`.
  func statusChange(_ row: Statement, from first: Int32 = 0) throws(SQLiteError) -> StatusChange {
    guard let status = MembershipStatus(rawValue: row.text(first + 1) ?? "") else {
      throw corrupt("membership_status_changes.status")
    }
    return StatusChange(
      date: try date(row, first), status: status, rule: RuleID(rawValue: row.text(first + 2) ?? ""),
      decision: row.text(first + 3) ?? "")
  }

  /// An assessment from `assessmentColumns` starting at column `first`.
  func assessment(_ row: Statement, from first: Int32 = 0) throws(SQLiteError) -> Assessment {
    Assessment(
      submittedOn: try optionalDate(row, first), judgedOn: try date(row, first + 1),
      result: AssessmentResult(rawValue: row.text(first + 2) ?? "") ?? .insufficient,
      improvementPoints: row.text(first + 3), deadline: try optionalDate(row, first + 4))
  }

  /// The key that orders memberships as `allMemberships` does: coach, then register (ids hold
  /// no byte below the separator, so the text orders as the pair).
  static let membershipOwner = "coach_id || char(31) || register_id"

  /// Every membership, by coach id, then register id.
  public func allMemberships() throws(StoreError) -> [Membership] {
    try wrap { () throws(SQLiteError) in
      let rows = try database.prepare(
        """
        SELECT coach_id, register_id, register_number, admitted_on, route FROM memberships
        ORDER BY \(Self.membershipOwner)
        """)
      var memberships: [Membership] = []
      while try rows.step() {
        guard let route = AdmissionRoute(rawValue: rows.text(4) ?? "") else {
          throw corrupt("memberships.route")
        }
        memberships.append(
          Membership(
            coach: CoachID(rawValue: rows.text(0) ?? ""),
            register: RegisterID(rawValue: rows.text(1) ?? ""), registerNumber: rows.text(2) ?? "",
            admittedOn: try date(rows, 3), route: route))
      }
      var statusChanges = try OwnedRows(
        database, table: "membership_status_changes", columns: Self.statusChangeColumns,
        ownedBy: Self.membershipOwner)
      var assessments = try OwnedRows(
        database, table: "assessments", columns: Self.assessmentColumns,
        ownedBy: Self.membershipOwner)
      for index in memberships.indices {
        let owner = "\(memberships[index].coach.rawValue)\u{1F}\(memberships[index].register.rawValue)"
        try statusChanges.take(owner) { row throws(SQLiteError) in
          memberships[index].statusChanges.append(try statusChange(row, from: 1))
        }
        try assessments.take(owner) { row throws(SQLiteError) in
          memberships[index].assessments.append(try assessment(row, from: 1))
        }
      }
      try statusChanges.finish()
      try assessments.finish()
      return memberships
    }
  }

  /// The next free number in `register` (`RegisterNumbering`).
  func nextRegisterNumber(in register: RegisterID) throws(SQLiteError) -> String {
    let rows = try database.prepare("SELECT register_number FROM memberships WHERE register_id = ?")
    try rows.bind([SQLValue(register)])
    var numbers: [String] = []
    while try rows.step() { numbers.append(rows.text(0) ?? "") }
    return RegisterNumbering.next(after: numbers)
  }

  /// Saves a membership as given (status changes and assessments included), in one transaction.
  /// For `register admit` with no membership yet, `registerNumber` may be empty: the next free
  /// number is assigned. Returns the membership as stored.
  public func save(
    _ membership: Membership, audit: AuditContext?, entries: [AuditEntry]
  ) throws(StoreError) -> Membership {
    try wrap { () throws(SQLiteError) in
      try database.writeTransaction { () throws(SQLiteError) in
        var membership = membership
        if membership.registerNumber.isEmpty {
          membership.registerNumber = try nextRegisterNumber(in: membership.register)
        }
        var writer = ImportWriter(store: self)
        _ = try writer.write([membership])
        if let audit {
          try appendAudit(entries, context: audit)
        }
        return membership
      }
    }
  }
}
