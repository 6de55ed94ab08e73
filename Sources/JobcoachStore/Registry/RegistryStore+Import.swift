import JobcoachCore

/// What an import did, per document kind.
public struct ImportSummary: Hashable, Sendable {
  public struct Counts: Hashable, Sendable {
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    public init() {}
    public var total: Int { created + updated + unchanged }
  }

  public var counts: [DocumentKind: Counts] = [:]
  /// The rows of CSV tables (PE activities, attendance, experience), by table kind; hour
  /// bookings count with the bookings.
  public var tables: [TableKind: Counts] = [:]
  /// True when nothing was written (a dry run).
  public var isDryRun = false
  /// The files of public registers imported without a signature (`--allow-unsigned`).
  public var unsignedRegisters: [String] = []

  public init() {}

  public var total: Counts {
    (Array(counts.values) + Array(tables.values)).reduce(into: Counts()) {
      $0.created += $1.created
      $0.updated += $1.updated
      $0.unchanged += $1.unchanged
    }
  }

  /// Whether the import changed anything.
  public var changedAnything: Bool { total.created + total.updated > 0 }
}

/// Answers an import's reference checks from inside its transaction.
struct StoreLookup: RegistryLookup {
  let store: RegistryStore

  private func first(_ sql: String, _ value: SQLValue) -> String? {
    guard let row = try? store.database.cached(sql), (try? row.bind([value])) != nil,
      (try? row.step()) == true
    else { return nil }
    defer { row.reset() }
    return row.text(0) ?? ""
  }

  func organisationKind(_ id: OrganisationID) -> OrganisationKind? {
    first("SELECT kind FROM organisations WHERE id = ?", SQLValue(id))
      .flatMap(OrganisationKind.init(rawValue:))
  }

  func containsCoach(_ id: CoachID) -> Bool {
    first("SELECT 1 FROM coaches WHERE id = ?", SQLValue(id)) != nil
  }

  func containsPlacement(_ id: PlacementID) -> Bool {
    first("SELECT 1 FROM placements WHERE id = ?", SQLValue(id)) != nil
  }

  func registerNumberHolder(_ number: String, in register: RegisterID) -> CoachID? {
    guard
      let row = try? store.database.cached(
        "SELECT coach_id FROM memberships WHERE register_id = ? AND register_number = ?"),
      (try? row.bind([SQLValue(register), .text(number)])) != nil, (try? row.step()) == true
    else { return nil }
    defer { row.reset() }
    return CoachID(rawValue: row.text(0) ?? "")
  }

  func containsRegister(_ id: RegisterID) -> Bool {
    first("SELECT 1 FROM registers WHERE id = ?", SQLValue(id)) != nil
  }

  func containsEducation(_ id: EducationID) -> Bool {
    first("SELECT 1 FROM educations WHERE id = ?", SQLValue(id)) != nil
  }

  func bookingPlacement(_ id: BookingID) -> PlacementID? {
    first("SELECT placement_id FROM hour_bookings WHERE id = ?", SQLValue(id))
      .map(PlacementID.init(rawValue:))
  }
}

extension RegistryStore {
  /// Applies everything in `batch` in one transaction: all of it, or (on any problem) none of it.
  /// Re-importing the same records changes nothing and counts them as unchanged. With `dryRun`
  /// the transaction is rolled back after counting. The batch goes through the same
  /// `ImportSession` as a streaming import, kind by kind.
  public func apply(
    _ batch: ImportBatch, dryRun: Bool = false, audit: AuditContext? = nil
  ) throws(StoreError) -> ImportSummary {
    let session = try ImportSession(store: self, dryRun: dryRun, audit: audit, log: ProblemLog())
    do throws(StoreError) {
      for located in batch.recordsInOrder {
        try session.add(located.value, file: located.file, place: located.place)
      }
    } catch {
      session.rollback()
      throw error
    }
    for file in batch.files {
      session.finishDocument(
        file,
        DocumentInfo(
          kind: batch.fileKinds[file], tableKind: batch.tableKinds[file],
          sha256: batch.fileHashes[file] ?? "", byteCount: 0))
    }
    return try session.finish()
  }
}

/// Writes records, comparing each with what the registry holds so re-imports are no-ops.
struct ImportWriter {
  let store: RegistryStore
  var database: Database { store.database }
  /// The records changed so far, for the audit trail; nil where the caller writes its own
  /// entries (a register decision, a funder decision).
  let changes: ChangeLog?
  /// Activities a portfolio document and a list both give (by coach and id), for the session
  /// to report: each index into the portfolio's activities.
  let conflicts = Conflicts()

  final class Conflicts {
    var activities: [(coach: CoachID, index: Int, id: ActivityID)] = []
  }

  /// What a table's rows reuse, row after row: a list runs coach by coach.
  let listing = Listing()

  final class Listing {
    /// The coach whose portfolio a row last made sure of.
    var coach: CoachID?
    /// The insert of a listed activity, prepared once: looking a cached statement up by its
    /// text hashed that text for each of a million rows.
    var insertActivity: Statement?
  }

  /// The audit entries of the records an import changes, in order, kept in a temporary table
  /// until the import's end (an import of 100,000 coaches changes 300,000 records).
  final class ChangeLog {
    let database: Database
    private(set) var count = 0

    init(_ database: Database) throws(SQLiteError) {
      self.database = database
      try database.execute(
        """
        CREATE TEMP TABLE IF NOT EXISTS import_changes (
          sequence INTEGER PRIMARY KEY, subject_kind TEXT NOT NULL, subject_id TEXT NOT NULL,
          field TEXT NOT NULL, old_value TEXT, new_value TEXT, document_hash TEXT,
          reason TEXT NOT NULL
        )
        """)
      try database.execute("DELETE FROM temp.import_changes")
    }

    func append(_ entry: AuditEntry) throws(SQLiteError) {
      count += 1
      try database.cached(
        """
        INSERT INTO temp.import_changes (sequence, subject_kind, subject_id, field, old_value,
          new_value, document_hash, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
      ).run([
        .integer(count), .text(entry.subjectKind), .text(entry.subjectID), .text(entry.field),
        SQLValue(entry.oldValue), SQLValue(entry.newValue), SQLValue(entry.documentHash),
        .text(entry.reason),
      ])
    }

    /// Each entry, in the order appended.
    func forEach(_ body: (AuditEntry) throws(SQLiteError) -> Void) throws(SQLiteError) {
      let rows = try database.prepare(
        """
        SELECT subject_kind, subject_id, field, old_value, new_value, document_hash, reason
        FROM temp.import_changes ORDER BY sequence
        """)
      while try rows.step() {
        try body(
          AuditEntry(
            subjectKind: rows.text(0) ?? "", subjectID: rows.text(1) ?? "",
            field: rows.text(2) ?? "", oldValue: rows.text(3), newValue: rows.text(4),
            documentHash: rows.text(5), reason: rows.text(6) ?? ""))
      }
    }
  }

  init(store: RegistryStore, changes: ChangeLog? = nil) {
    self.store = store
    self.changes = changes
  }

  enum Change { case created, updated, unchanged }
}

extension ImportSummary.Counts {
  /// Counts one record's change.
  mutating func count(_ change: ImportWriter.Change) {
    switch change {
    case .created: created += 1
    case .updated: updated += 1
    case .unchanged: unchanged += 1
    }
  }

  /// Adds `other`'s counts.
  mutating func add(_ other: ImportSummary.Counts) {
    created += other.created
    updated += other.updated
    unchanged += other.unchanged
  }
}

extension ImportWriter {

  mutating func write(_ organisations: [Organisation]) throws(SQLiteError) -> ImportSummary.Counts {
    let upsert = try database.cached(
      """
      INSERT INTO organisations (id, name, kind) VALUES (?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind
      """)
    let clear = try database.cached("DELETE FROM recognitions WHERE organisation_id = ?")
    let insertRecognition = try database.cached(
      """
      INSERT INTO recognitions (organisation_id, position, framework, valid_from, valid_until,
        evidence_document, evidence_issuer, withdrawn_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """)
    return try count(organisations) { (organisation) throws(SQLiteError) -> Change in
      let existing = try store.loadOrganisation(organisation.id)
      if existing == organisation { return .unchanged }
      try upsert.run([
        SQLValue(organisation.id), .text(organisation.name), .text(organisation.kind.rawValue),
      ])
      try clear.run([SQLValue(organisation.id)])
      for (position, recognition) in organisation.recognitions.enumerated() {
        try insertRecognition.run([
          SQLValue(organisation.id), .integer(position), .integer(recognition.framework.year),
          SQLValue(recognition.validFrom), SQLValue(recognition.validUntil),
          .text(recognition.evidence.documentID), .text(recognition.evidence.issuer),
          SQLValue(recognition.withdrawnOn),
        ])
      }
      return existing == nil ? .created : .updated
    }
  }

  mutating func write(_ coaches: [Coach]) throws(SQLiteError) -> ImportSummary.Counts {
    let upsert = try database.cached(
      """
      INSERT INTO coaches (id, name, register_number) VALUES (?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name,
        register_number = excluded.register_number
      """)
    let clearEmployments = try database.cached("DELETE FROM employments WHERE coach_id = ?")
    let clearQualifications = try database.cached("DELETE FROM qualifications WHERE coach_id = ?")
    let insertEmployment = try database.cached(
      """
      INSERT INTO employments (coach_id, position, organisation_id, kind, valid_from, valid_until)
      VALUES (?, ?, ?, ?, ?, ?)
      """)
    let insertQualification = try database.cached(
      """
      INSERT INTO qualifications (coach_id, position, kind, title, issued_on, expires_on, issuer,
        evidence_document, evidence_issuer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    return try count(coaches) { (coach) throws(SQLiteError) -> Change in
      let existing =
        try exists("SELECT 1 FROM coaches WHERE id = ?", SQLValue(coach.id))
        ? store.loadCoach(coach.id) : nil
      if existing == coach { return .unchanged }
      try upsert.run([SQLValue(coach.id), .text(coach.name), SQLValue(coach.registerNumber)])
      try clearEmployments.run([SQLValue(coach.id)])
      try clearQualifications.run([SQLValue(coach.id)])
      for (position, employment) in coach.employments.enumerated() {
        try insertEmployment.run([
          SQLValue(coach.id), .integer(position), SQLValue(employment.organisation),
          .text(employment.kind.rawValue), SQLValue(employment.period.start),
          SQLValue(employment.period.end),
        ])
      }
      for (position, qualification) in coach.qualifications.enumerated() {
        try insertQualification.run([
          SQLValue(coach.id), .integer(position), .text(qualification.kind.rawValue),
          .text(qualification.title), SQLValue(qualification.issuedOn),
          SQLValue(qualification.expiresOn), .text(qualification.issuer),
          SQLValue(qualification.evidence?.documentID), SQLValue(qualification.evidence?.issuer),
        ])
      }
      return existing == nil ? .created : .updated
    }
  }

  mutating func write(_ placements: [Placement]) throws(SQLiteError) -> ImportSummary.Counts {
    let upsert = try database.cached(
      """
      INSERT INTO placements (id, municipality_id, employer_id, worker_ref, start_on, end_on,
        funder, appointed_through_municipality, wage_cost_subsidy)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET municipality_id = excluded.municipality_id,
        employer_id = excluded.employer_id, worker_ref = excluded.worker_ref,
        start_on = excluded.start_on, end_on = excluded.end_on, funder = excluded.funder,
        appointed_through_municipality = excluded.appointed_through_municipality,
        wage_cost_subsidy = excluded.wage_cost_subsidy
      """)
    return try count(placements) { (placement) throws(SQLiteError) -> Change in
      let existing = try store.placements(where: "WHERE id = ?", [SQLValue(placement.id)]).first
      if existing == placement { return .unchanged }
      try upsert.run([
        SQLValue(placement.id), SQLValue(placement.municipality), SQLValue(placement.employer),
        SQLValue(placement.worker), SQLValue(placement.period.start),
        SQLValue(placement.period.end), .text(placement.funder.rawValue),
        SQLValue(placement.appointedThroughMunicipality), SQLValue(placement.wageCostSubsidy),
      ])
      try writeDetails(of: placement)
      return existing == nil ? .created : .updated
    }
  }

  mutating func write(_ policies: [MunicipalPolicy]) throws(SQLiteError) -> ImportSummary.Counts {
    let upsert = try database.cached(
      """
      INSERT INTO policies (id, effective_from, name, municipality_id, funds_internal_coaching,
        external_policy, minimum_framework, municipal_requirements, internal_requirements,
        external_requirements, light_year1_cents, light_year2_cents, light_year3_cents,
        medium_year1_cents, medium_year2_cents, medium_year3_cents, shifts_between_years,
        motivated_exceptions, reporting_minutes_per_report, employer_coaching_years,
        reminder_stages, municipal_registers, internal_registers, external_registers,
        municipal_rate_cents, deviation_share_percent)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id, effective_from) DO UPDATE SET name = excluded.name,
        municipality_id = excluded.municipality_id,
        funds_internal_coaching = excluded.funds_internal_coaching,
        external_policy = excluded.external_policy, minimum_framework = excluded.minimum_framework,
        municipal_requirements = excluded.municipal_requirements,
        internal_requirements = excluded.internal_requirements,
        external_requirements = excluded.external_requirements,
        light_year1_cents = excluded.light_year1_cents,
        light_year2_cents = excluded.light_year2_cents,
        light_year3_cents = excluded.light_year3_cents,
        medium_year1_cents = excluded.medium_year1_cents,
        medium_year2_cents = excluded.medium_year2_cents,
        medium_year3_cents = excluded.medium_year3_cents,
        shifts_between_years = excluded.shifts_between_years,
        motivated_exceptions = excluded.motivated_exceptions,
        reporting_minutes_per_report = excluded.reporting_minutes_per_report,
        employer_coaching_years = excluded.employer_coaching_years,
        reminder_stages = excluded.reminder_stages,
        municipal_registers = excluded.municipal_registers,
        internal_registers = excluded.internal_registers,
        external_registers = excluded.external_registers,
        municipal_rate_cents = excluded.municipal_rate_cents,
        deviation_share_percent = excluded.deviation_share_percent
      """)
    let clear = try database.cached(
      "DELETE FROM policy_approved_organisations WHERE policy_id = ? AND effective_from = ?")
    let insertApproved = try database.cached(
      """
      INSERT INTO policy_approved_organisations (policy_id, effective_from, position,
        organisation_id) VALUES (?, ?, ?, ?)
      """)
    return try count(policies) { (policy) throws(SQLiteError) -> Change in
      let existing = try store.policies(
        where: "WHERE id = ? AND effective_from = ?",
        [SQLValue(policy.id), SQLValue(policy.effectiveFrom)]
      ).first
      if existing == policy { return .unchanged }
      func joined(_ kind: CoachKind) -> SQLValue {
        .text(policy.requirements(for: kind).map(\.rawValue).joined(separator: ","))
      }
      func registers(_ kind: CoachKind) -> SQLValue {
        .text(policy.acceptedRegisters(for: kind).map(\.rawValue).joined(separator: ","))
      }
      try upsert.run([
        SQLValue(policy.id), SQLValue(policy.effectiveFrom), .text(policy.name),
        SQLValue(policy.municipality), SQLValue(policy.fundsInternalCoaching),
        .text(policy.externalOrganisations.code), .integer(policy.minimumRecognitionFramework.year),
        joined(.municipal), joined(.internal), joined(.external),
        .integer(policy.funding.light.year1.cents), .integer(policy.funding.light.year2.cents),
        .integer(policy.funding.light.year3.cents), .integer(policy.funding.medium.year1.cents),
        .integer(policy.funding.medium.year2.cents), .integer(policy.funding.medium.year3.cents),
        SQLValue(policy.funding.shiftsBetweenYears),
        SQLValue(policy.funding.allowsMotivatedExceptions),
        .integer(policy.coachingProtocol.reportingPerReport.minutes),
        .integer(policy.coachingProtocol.employerCoachingYears),
        .text(policy.reminderStages.codes), registers(.municipal), registers(.internal),
        registers(.external), SQLValue(policy.funding.municipalCoachRate?.cents),
        .integer(policy.funding.deviationSharePercent),
      ])
      try clear.run([SQLValue(policy.id), SQLValue(policy.effectiveFrom)])
      if case .approvedList(let approved) = policy.externalOrganisations {
        for (position, organisation) in approved.enumerated() {
          try insertApproved.run([
            SQLValue(policy.id), SQLValue(policy.effectiveFrom), .integer(position),
            SQLValue(organisation),
          ])
        }
      }
      return existing == nil ? .created : .updated
    }
  }

  mutating func write(_ educations: [RecognisedEducation]) throws(SQLiteError)
    -> ImportSummary.Counts
  {
    let upsert = try database.cached(
      """
      INSERT INTO educations (id, title, provider, recognised_from, recognised_until)
      VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET title = excluded.title, provider = excluded.provider,
        recognised_from = excluded.recognised_from, recognised_until = excluded.recognised_until
      """)
    return try count(educations) { (education) throws(SQLiteError) -> Change in
      let old = try store.recognisedEducationsRaw(only: education.id)[education.id]
      if old == education { return .unchanged }
      try upsert.run([
        SQLValue(education.id), .text(education.title), .text(education.provider),
        SQLValue(education.recognition.start), SQLValue(education.recognition.end),
      ])
      return old == nil ? .created : .updated
    }
  }

  mutating func write(_ accreditations: [Accreditation]) throws(SQLiteError) -> ImportSummary.Counts
  {
    let upsert = try database.cached(
      """
      INSERT INTO accreditations (code, title, provider, minutes, valid_from, valid_until)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (code) DO UPDATE SET title = excluded.title, provider = excluded.provider,
        minutes = excluded.minutes, valid_from = excluded.valid_from,
        valid_until = excluded.valid_until
      """)
    return try count(accreditations) { (accreditation) throws(SQLiteError) -> Change in
      let old = try store.accreditationsRaw(only: accreditation.code)[accreditation.code]
      if old == accreditation { return .unchanged }
      try upsert.run([
        .text(accreditation.code), .text(accreditation.title), .text(accreditation.provider),
        .integer(accreditation.hours.minutes), SQLValue(accreditation.validity.start),
        SQLValue(accreditation.validity.end),
      ])
      return old == nil ? .created : .updated
    }
  }

  mutating func write(_ norms: [PENorm]) throws(SQLiteError) -> ImportSummary.Counts {
    let upsert = try database.cached(
      """
      INSERT INTO pe_norms (register_id, effective_from, name, cycle_years, total_minutes,
        minimum_accredited_minutes, maximum_free_minutes, practice_minutes, selection)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (register_id, effective_from) DO UPDATE SET name = excluded.name,
        cycle_years = excluded.cycle_years, total_minutes = excluded.total_minutes,
        minimum_accredited_minutes = excluded.minimum_accredited_minutes,
        maximum_free_minutes = excluded.maximum_free_minutes,
        practice_minutes = excluded.practice_minutes, selection = excluded.selection
      """)
    return try count(norms) { (norm) throws(SQLiteError) -> Change in
      let old = try store.loadNorms(
        where: "WHERE register_id = ? AND effective_from = ?",
        [SQLValue(norm.register), SQLValue(norm.effectiveFrom)]
      ).first
      if old == norm { return .unchanged }
      try upsert.run([
        SQLValue(norm.register), SQLValue(norm.effectiveFrom), .text(norm.name),
        .integer(norm.cycleYears), .integer(norm.totalHours.minutes),
        .integer(norm.minimumAccredited.minutes), .integer(norm.maximumFree.minutes),
        SQLValue(norm.practiceHours?.minutes), .text(norm.selection.rawValue),
      ])
      return old == nil ? .created : .updated
    }
  }

  /// A register's own fields and education lists replace what was held; its inline norms are
  /// written as norm versions of it (others it has keep) and counted as norms.
  mutating func write(_ registers: [Register]) throws(SQLiteError)
    -> (registers: ImportSummary.Counts, norms: ImportSummary.Counts)
  {
    let upsert = try database.cached(
      """
      INSERT INTO registers (id, name, admission_minutes, diploma_admission_minutes,
        lists_recognised_educations, renewal_window_months, grace_months)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name,
        admission_minutes = excluded.admission_minutes,
        diploma_admission_minutes = excluded.diploma_admission_minutes,
        lists_recognised_educations = excluded.lists_recognised_educations,
        renewal_window_months = excluded.renewal_window_months, grace_months = excluded.grace_months
      """)
    let clearEducations = try database.cached(
      "DELETE FROM register_educations WHERE register_id = ?")
    let insertEducation = try database.cached(
      """
      INSERT INTO register_educations (register_id, role, position, education_id)
      VALUES (?, ?, ?, ?)
      """)
    /// The register's row and education lists.
    func writeRow(_ register: Register) throws(SQLiteError) {
      let id = SQLValue(register.id)
      try upsert.run([
        id, .text(register.name), .integer(register.admissionHours.minutes),
        SQLValue(register.diplomaAdmission?.hours.minutes),
        SQLValue(register.recognisedEducations != nil), .integer(register.renewal.windowMonths),
        .integer(register.renewal.graceMonths),
      ])
      try clearEducations.run([id])
      let lists: [(String, [EducationID])] = [
        ("recognised", register.recognisedEducations ?? []),
        ("lowers-admission", register.diplomaAdmission?.educations ?? []),
      ]
      for (role, educations) in lists {
        for (position, education) in educations.enumerated() {
          try insertEducation.run([id, .text(role), .integer(position), SQLValue(education)])
        }
      }
    }
    let counts = try count(registers) { (register) throws(SQLiteError) -> Change in
      guard let old = try store.loadRegisters(only: register.id).first else {
        try writeRow(register)
        return .created
      }
      var comparable = register
      comparable.norms = old.norms
      if old == comparable { return .unchanged }
      try writeRow(register)
      return .updated
    }
    // The norms given inside a register are its norm versions, counted as norms.
    let inline = registers.filter { $0.norms != .seedDefault }.flatMap(\.norms.versions)
    return (counts, inline.isEmpty ? ImportSummary.Counts() : try write(inline))
  }

  /// A portfolio replaces the coach's previous one whole, so importing it twice never counts
  /// hours twice.
  mutating func write(_ portfolios: [Portfolio]) throws(SQLiteError) -> ImportSummary.Counts {
    let upsert = try database.cached(
      """
      INSERT INTO portfolios (coach_id, registered_since) VALUES (?, ?)
      ON CONFLICT (coach_id) DO UPDATE SET registered_since = excluded.registered_since
      """)
    let clearDiplomas = try database.cached("DELETE FROM education_diplomas WHERE coach_id = ?")
    let clearExperience = try database.cached(
      "DELETE FROM experience WHERE coach_id = ? AND origin = 'portfolio'")
    let clearActivities = try database.cached(
      "DELETE FROM pe_activities WHERE coach_id = ? AND origin = 'portfolio'")
    let insertDiploma = try database.cached(
      """
      INSERT INTO education_diplomas (coach_id, position, education_id, issued_on,
        evidence_document, evidence_issuer) VALUES (?, ?, ?, ?, ?, ?)
      """)
    let insertExperience = try database.cached(
      """
      INSERT INTO experience (coach_id, position, valid_from, valid_until, minutes, description,
        evidence_document, evidence_issuer) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """)
    let insertActivity = try database.cached(
      """
      INSERT INTO pe_activities (coach_id, id, activity_day, minutes, title, provider, category,
        accreditation_code, evidence_document, evidence_issuer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (coach_id, id) DO NOTHING
      """)
    return try count(portfolios) { (portfolio) throws(SQLiteError) -> Change in
      let old =
        try exists("SELECT 1 FROM portfolios WHERE coach_id = ?", SQLValue(portfolio.coach))
        ? store.loadPortfolio(portfolio.coach, origin: "portfolio") : nil
      if let old {
        var comparable = portfolio
        comparable.activities.sort { ($0.date, $0.id) < ($1.date, $1.id) }
        if old == comparable { return .unchanged }
      }
      let coach = SQLValue(portfolio.coach)
      try upsert.run([coach, SQLValue(portfolio.registeredSince)])
      try clearDiplomas.run([coach])
      try clearExperience.run([coach])
      try clearActivities.run([coach])
      for (position, diploma) in portfolio.educations.enumerated() {
        try insertDiploma.run([
          coach, .integer(position), SQLValue(diploma.education), SQLValue(diploma.issuedOn),
          .text(diploma.evidence.documentID), .text(diploma.evidence.issuer),
        ])
      }
      for (position, entry) in portfolio.experience.enumerated() {
        try insertExperience.run([
          coach, .integer(position), SQLValue(entry.period.start), SQLValue(entry.period.end),
          .integer(entry.hours.minutes), .text(entry.description),
          .text(entry.evidence.documentID), .text(entry.evidence.issuer),
        ])
      }
      // A million rows in a national import: bound straight from the activities, in place.
      try portfolio.activities.withUnsafeBufferPointer { (activities) throws(SQLiteError) in
        for index in activities.indices {
          try insertActivity.run { row in
            Self.append(activities.baseAddress! + index, of: portfolio.coach, to: &row)
          }
          // The portfolio's own rows are gone: what is left with its id came from a list.
          if database.changes == 0 {
            conflicts.activities.append((portfolio.coach, index, activities[index].id))
          }
        }
      }
      return old == nil ? .created : .updated
    }
  }

  /// An activity's row of `pe_activities`, in the order of the insert's columns. Read through
  /// a pointer: copying the activity out of its array retained each of its texts.
  static func append(
    _ activity: UnsafePointer<PEActivity>, of coach: CoachID, to row: inout Statement.Row
  ) {
    row.text(coach.rawValue)
    row.text(activity.pointee.id.rawValue)
    row.integer(activity.pointee.date.daysSinceEpoch)
    row.integer(activity.pointee.hours.minutes)
    row.text(activity.pointee.title)
    row.text(activity.pointee.provider)
    row.text(activity.pointee.category.rawValue)
    row.text(activity.pointee.accreditationCode)
    row.text(activity.pointee.evidence?.documentID)
    row.text(activity.pointee.evidence?.issuer)
  }

  mutating func write(_ memberships: [Membership]) throws(SQLiteError) -> ImportSummary.Counts {
    let upsert = try database.cached(
      """
      INSERT INTO memberships (register_id, coach_id, register_number, admitted_on, route)
      VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (coach_id, register_id) DO UPDATE SET register_number = excluded.register_number,
        admitted_on = excluded.admitted_on, route = excluded.route
      """)
    let clearChanges = try database.cached(
      "DELETE FROM membership_status_changes WHERE coach_id = ? AND register_id = ?")
    let clearAssessments = try database.cached(
      "DELETE FROM assessments WHERE coach_id = ? AND register_id = ?")
    let insertChange = try database.cached(
      """
      INSERT INTO membership_status_changes (coach_id, register_id, position, change_date, status,
        rule, decision) VALUES (?, ?, ?, ?, ?, ?, ?)
      """)
    let insertAssessment = try database.cached(
      """
      INSERT INTO assessments (coach_id, register_id, position, submitted_on, judged_on, result,
        improvement_points, deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """)
    return try count(memberships) { (membership) throws(SQLiteError) -> Change in
      let old = try store.loadMemberships(membership.coach, in: membership.register).first
      if old == membership { return .unchanged }
      let coach = SQLValue(membership.coach)
      let register = SQLValue(membership.register)
      try upsert.run([
        register, coach, .text(membership.registerNumber), SQLValue(membership.admittedOn),
        .text(membership.route.rawValue),
      ])
      try clearChanges.run([coach, register])
      try clearAssessments.run([coach, register])
      for (position, change) in membership.statusChanges.enumerated() {
        try insertChange.run([
          coach, register, .integer(position), SQLValue(change.date),
          .text(change.status.rawValue), .text(change.rule.rawValue), .text(change.decision),
        ])
      }
      for (position, assessment) in membership.assessments.enumerated() {
        try insertAssessment.run([
          coach, register, .integer(position), SQLValue(assessment.submittedOn),
          SQLValue(assessment.judgedOn), .text(assessment.result.rawValue),
          SQLValue(assessment.improvementPoints), SQLValue(assessment.deadline),
        ])
      }
      return old == nil ? .created : .updated
    }
  }

  /// Whether the row `sql` selects exists: a cheap check before loading a record to compare.
  func exists(_ sql: String, _ key: SQLValue) throws(SQLiteError) -> Bool {
    let statement = try database.cached(sql)
    try statement.bind([key])
    defer { statement.reset() }
    return try statement.step()
  }

  /// Writes each record, counts what changed, and notes each change for the audit trail
  /// (bookings only in bulk: the document's hash records them).
  func count<Record: Audited>(
    _ records: [Record], _ write: (Record) throws(SQLiteError) -> Change
  ) throws(SQLiteError) -> ImportSummary.Counts {
    var counts = ImportSummary.Counts()
    for record in records {
      let change = try write(record)
      counts.count(change)
      if let changes, change != .unchanged, Record.self != HourBooking.self {
        try changes.append(
          AuditEntry(
            subjectKind: Record.auditKind, subjectID: record.auditID, field: "record",
            oldValue: change == .created ? nil : "previous version",
            newValue: change == .created ? "created" : "updated", reason: "import"))
      }
    }
    return counts
  }
}
