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
  /// True when nothing was written (a dry run).
  public var isDryRun = false

  public init() {}

  public var total: Counts {
    counts.values.reduce(into: Counts()) {
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

  func organisationKind(_ id: OrganisationID) -> OrganisationKind? {
    guard let row = try? store.database.prepare("SELECT kind FROM organisations WHERE id = ?"),
      (try? row.bind([SQLValue(id)])) != nil, (try? row.step()) == true
    else { return nil }
    return row.text(0).flatMap(OrganisationKind.init(rawValue:))
  }

  func containsCoach(_ id: CoachID) -> Bool {
    guard let row = try? store.database.prepare("SELECT 1 FROM coaches WHERE id = ?"),
      (try? row.bind([SQLValue(id)])) != nil
    else { return false }
    return (try? row.step()) == true
  }
}

extension RegistryStore {
  /// Applies everything in `batch` in one transaction: all of it, or (on any problem) none of it.
  /// Re-importing the same records changes nothing and counts them as unchanged. With `dryRun`
  /// the transaction is rolled back after counting.
  public func apply(_ batch: ImportBatch, dryRun: Bool = false) throws(StoreError) -> ImportSummary {
    do {
      try database.execute("BEGIN IMMEDIATE")
    } catch {
      throw .database(path: path, error)
    }
    do throws(StoreError) {
      let log = ProblemLog()
      batch.validateReferences(against: StoreLookup(store: self), log: log)
      guard log.isEmpty else { throw .importRejected(log.problems) }
      var summary = ImportSummary()
      summary.isDryRun = dryRun
      try wrap { () throws(SQLiteError) in
        var writer = try ImportWriter(store: self)
        summary.counts[.organisations] = try writer.write(batch.organisations.map(\.value))
        summary.counts[.coaches] = try writer.write(batch.coaches.map(\.value))
        summary.counts[.placements] = try writer.write(batch.placements.map(\.value))
        summary.counts[.policies] = try writer.write(batch.policies.map(\.value))
      }
      if dryRun {
        try wrap { () throws(SQLiteError) in try database.execute("ROLLBACK") }
      } else {
        try wrap { () throws(SQLiteError) in try database.execute("COMMIT") }
      }
      return summary
    } catch {
      try? database.execute("ROLLBACK")
      throw error
    }
  }
}

/// Writes records, comparing each with what the registry holds so re-imports are no-ops.
struct ImportWriter {
  let store: RegistryStore
  var database: Database { store.database }

  init(store: RegistryStore) throws(SQLiteError) {
    self.store = store
  }

  enum Change { case created, updated, unchanged }

  mutating func write(_ organisations: [Organisation]) throws(SQLiteError) -> ImportSummary.Counts {
    let upsert = try database.prepare(
      """
      INSERT INTO organisations (id, name, kind) VALUES (?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind
      """)
    let clear = try database.prepare("DELETE FROM recognitions WHERE organisation_id = ?")
    let insertRecognition = try database.prepare(
      """
      INSERT INTO recognitions (organisation_id, position, framework, valid_from, valid_until,
        evidence_document, evidence_issuer, withdrawn_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """)
    return try count(organisations) { (organisation) throws(SQLiteError) -> Change in
      let existing = try store.loadOrganisation(organisation.id)
      if existing == organisation { return .unchanged }
      try upsert.run([SQLValue(organisation.id), .text(organisation.name), .text(organisation.kind.rawValue)])
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
    let upsert = try database.prepare(
      """
      INSERT INTO coaches (id, name) VALUES (?, ?)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name
      """)
    let clearEmployments = try database.prepare("DELETE FROM employments WHERE coach_id = ?")
    let clearQualifications = try database.prepare("DELETE FROM qualifications WHERE coach_id = ?")
    let insertEmployment = try database.prepare(
      """
      INSERT INTO employments (coach_id, position, organisation_id, kind, valid_from, valid_until)
      VALUES (?, ?, ?, ?, ?, ?)
      """)
    let insertQualification = try database.prepare(
      """
      INSERT INTO qualifications (coach_id, position, kind, title, issued_on, expires_on, issuer,
        evidence_document, evidence_issuer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    return try count(coaches) { (coach) throws(SQLiteError) -> Change in
      let existing = try store.loadCoach(coach.id)
      if existing == coach { return .unchanged }
      try upsert.run([SQLValue(coach.id), .text(coach.name)])
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
    let upsert = try database.prepare(
      """
      INSERT INTO placements (id, municipality_id, employer_id, coach_id, worker_ref, start_on,
        end_on, funder, appointed_through_municipality, task_experience_document,
        task_experience_issuer, exemption_minutes_per_week, exemption_document, exemption_issuer)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET municipality_id = excluded.municipality_id,
        employer_id = excluded.employer_id, coach_id = excluded.coach_id,
        worker_ref = excluded.worker_ref, start_on = excluded.start_on, end_on = excluded.end_on,
        funder = excluded.funder,
        appointed_through_municipality = excluded.appointed_through_municipality,
        task_experience_document = excluded.task_experience_document,
        task_experience_issuer = excluded.task_experience_issuer,
        exemption_minutes_per_week = excluded.exemption_minutes_per_week,
        exemption_document = excluded.exemption_document,
        exemption_issuer = excluded.exemption_issuer
      """)
    return try count(placements) { (placement) throws(SQLiteError) -> Change in
      let existing = try store.placements(where: "WHERE id = ?", [SQLValue(placement.id)]).first
      if existing == placement { return .unchanged }
      try upsert.run([
        SQLValue(placement.id), SQLValue(placement.municipality), SQLValue(placement.employer),
        SQLValue(placement.coach), SQLValue(placement.worker), SQLValue(placement.period.start),
        SQLValue(placement.period.end), .text(placement.funder.rawValue),
        SQLValue(placement.appointedThroughMunicipality),
        SQLValue(placement.taskExperience?.documentID), SQLValue(placement.taskExperience?.issuer),
        SQLValue(placement.hoursExemption?.perWeek.minutes),
        SQLValue(placement.hoursExemption?.evidence.documentID),
        SQLValue(placement.hoursExemption?.evidence.issuer),
      ])
      return existing == nil ? .created : .updated
    }
  }

  mutating func write(_ policies: [MunicipalPolicy]) throws(SQLiteError) -> ImportSummary.Counts {
    let upsert = try database.prepare(
      """
      INSERT INTO policies (id, effective_from, name, municipality_id, funds_internal_coaching,
        external_policy, minimum_framework, municipal_requirements, internal_requirements,
        external_requirements) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id, effective_from) DO UPDATE SET name = excluded.name,
        municipality_id = excluded.municipality_id,
        funds_internal_coaching = excluded.funds_internal_coaching,
        external_policy = excluded.external_policy, minimum_framework = excluded.minimum_framework,
        municipal_requirements = excluded.municipal_requirements,
        internal_requirements = excluded.internal_requirements,
        external_requirements = excluded.external_requirements
      """)
    let clear = try database.prepare(
      "DELETE FROM policy_approved_organisations WHERE policy_id = ? AND effective_from = ?")
    let insertApproved = try database.prepare(
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
      try upsert.run([
        SQLValue(policy.id), SQLValue(policy.effectiveFrom), .text(policy.name),
        SQLValue(policy.municipality), SQLValue(policy.fundsInternalCoaching),
        .text(policy.externalOrganisations.code), .integer(policy.minimumRecognitionFramework.year),
        joined(.municipal), joined(.internal), joined(.external),
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

  func count<Record>(
    _ records: [Record], _ write: (Record) throws(SQLiteError) -> Change
  ) throws(SQLiteError) -> ImportSummary.Counts {
    var counts = ImportSummary.Counts()
    for record in records {
      switch try write(record) {
      case .created: counts.created += 1
      case .updated: counts.updated += 1
      case .unchanged: counts.unchanged += 1
      }
    }
    return counts
  }
}
