import Foundation
import Testing

@testable import JobcoachCore
@testable import JobcoachStore

/// A fresh directory per test, removed afterwards.
/// A unique name of letters only (no digits that could look like a citizen service number).
func digitFreeName() -> String {
  String(
    UUID().uuidString.compactMap {
      $0.isHexDigit ? Character(UnicodeScalar(UInt8(ascii: "a") + UInt8($0.hexDigitValue!))) : nil
    })
}

final class TemporaryDirectory {
  let path: String
  init() {
    path = NSTemporaryDirectory() + "jobcoach-store-" + digitFreeName()
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(atPath: path) }
  func file(_ name: String) -> String { path + "/" + name }
}

func batch(_ documents: [(String, String)]) -> (ImportBatch, ProblemLog) {
  var batch = ImportBatch()
  let log = ProblemLog()
  for (file, text) in documents { batch.read(Array(text.utf8), file: file, log: log) }
  return (batch, log)
}

let organisationsDocument = """
  {"kind": "organisations", "schemaVersion": 1, "organisations": [
    {"id": "MUN", "name": "Gemeente", "kind": "municipality"},
    {"id": "EMP", "name": "Bakkerij", "kind": "employer"},
    {"id": "CO", "name": "Coaching", "kind": "coaching-organisation", "recognitions": [
      {"framework": "2016", "validFrom": "2020-01-01", "validUntil": "2026-06-30",
       "evidence": {"documentId": "UWV-1", "issuer": "UWV"}, "withdrawnOn": null}]}]}
  """

let coachesDocument = """
  {"kind": "coaches", "schemaVersion": 1, "coaches": [
    {"id": "JC-1", "name": "Anouk", "employments": [
      {"organisation": "MUN", "kind": "municipal", "from": "2020-01-01"}],
     "qualifications": [{"kind": "hbo-diploma", "title": "Bachelor", "issuedOn": "2010-07-01",
       "issuer": "Hogeschool", "evidence": {"documentId": "D1", "issuer": "DUO"}}]},
    {"id": "JC-2", "name": "Johan", "employments": [
      {"organisation": "EMP", "kind": "internal", "from": "2012-01-01", "until": "2030-12-31"}]}]}
  """

let placementsDocument = """
  {"kind": "placements", "schemaVersion": 1, "placements": [
    {"id": "P-1", "municipality": "MUN", "employer": "EMP", "coach": "JC-2", "worker": "W-1",
     "start": "2026-01-01", "end": "2026-12-31", "funder": "uwv",
     "appointedThroughMunicipality": true,
     "taskExperience": {"documentId": "T", "issuer": "EMP"},
     "hoursExemption": {"hoursPerWeek": 2.5, "evidence": {"documentId": "X", "issuer": "EMP"}}}]}
  """

let policiesDocument = """
  {"kind": "policies", "schemaVersion": 1, "policies": [
    {"id": "POL", "name": "v1", "municipality": "MUN", "effectiveFrom": "2024-01-01",
     "fundsInternalCoaching": true,
     "externalOrganisations": {"policy": "approved-list", "approved": ["CO"]}},
    {"id": "POL", "name": "v2", "municipality": "MUN", "effectiveFrom": "2026-07-01",
     "fundsInternalCoaching": false, "externalOrganisations": {"policy": "free-choice"},
     "requirements": {"internal": ["Q-INT-1"]}}]}
  """

let portfoliosDocument = """
  {"kind": "portfolios", "schemaVersion": 1, "portfolios": [
    {"coach": "JC-1", "peActivities": [
      {"id": "A1", "date": "1969-12-31", "hours": 2, "title": "Before the epoch", "provider": "P",
       "category": "free"},
      {"id": "A2", "date": "2024-02-29", "hours": 8, "title": "Leap day", "provider": "P",
       "category": "accredited", "accreditationCode": "ACC",
       "evidence": {"documentId": "CERT-2", "issuer": "P"}},
      {"id": "A3", "date": "9899-12-31", "hours": 1.5, "title": "Last day", "provider": "P",
       "category": "free"}]}]}
  """

let allDocuments = [
  ("organisations.json", organisationsDocument), ("coaches.json", coachesDocument),
  ("placements.json", placementsDocument), ("policies.json", policiesDocument),
]

struct RegistryStoreTests {
  @Test func createMakesAPrivateFileAndIsIdempotent() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("r.sqlite")
    let (store, created) = try RegistryStore.create(at: path)
    #expect(created)
    #expect(try store.schemaVersion() == Schema.currentVersion)
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let (_, createdAgain) = try RegistryStore.create(at: path)
    #expect(!createdAgain)
  }

  @Test func openingAMissingRegistryFails() {
    let directory = TemporaryDirectory()
    #expect(throws: StoreError.registryMissing(path: directory.file("none.sqlite"))) {
      _ = try RegistryStore.open(at: directory.file("none.sqlite"))
    }
  }

  @Test func aFileThatIsNotARegistryIsRefusedAndLeftAsItIs() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("notes.sqlite")
    let bytes = Data(
      "these are my notes, not a database\n".utf8 + [UInt8](repeating: 7, count: 600))
    try bytes.write(to: URL(fileURLWithPath: path))
    #expect {
      _ = try RegistryStore.open(at: path)
    } throws: { error in
      if case .notARegistry = error as? StoreError { return true }
      return false
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
  }

  @Test func aDatabaseOfAnotherProgramIsRefused() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("other.sqlite")
    let database = try Database(path: path, mode: .readWriteCreate)
    try database.execute("CREATE TABLE notes (text TEXT)")
    #expect {
      _ = try RegistryStore.open(at: path)
    } throws: { error in
      if case .notARegistry(_, let reason) = error as? StoreError {
        return reason.contains("another program")
      }
      return false
    }
  }

  @Test func aNewerSchemaIsRefusedNotMigratedBackwards() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("r.sqlite")
    _ = try RegistryStore.create(at: path)
    do {
      let database = try Database(path: path, mode: .readWrite)
      try database.execute("PRAGMA user_version = 99")
    }
    #expect(throws: StoreError.newerSchema(path: path, found: 99, known: Schema.currentVersion)) {
      _ = try RegistryStore.open(at: path)
    }
  }

  @Test func aNewRegistryHasSixteenKilobytePages() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("r.sqlite")
    _ = try RegistryStore.create(at: path)
    let database = try Database(path: path, mode: .readWrite)
    #expect(try database.scalarInt("PRAGMA page_size") == 16384)
    #expect(try database.scalarInt("PRAGMA user_version") == Int64(Schema.currentVersion))
  }

  /// Turns a registry of the current schema back into one of `version` (5 or 6), as those
  /// versions made them: activity and booking dates as text, no settings, and before 6 an
  /// index without the accreditation code.
  static func downgrade(_ path: String, to version: Int) throws {
    let database = try Database(path: path, mode: .readWrite)
    try downgradeAuditTrail(database)
    try database.execute(
      """
      CREATE TABLE old_activities (
        coach_id TEXT NOT NULL REFERENCES portfolios(coach_id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        activity_date TEXT NOT NULL CHECK (date(activity_date) IS activity_date),
        minutes INTEGER NOT NULL CHECK (minutes > 0),
        title TEXT NOT NULL, provider TEXT NOT NULL,
        category TEXT NOT NULL CHECK (category IN ('accredited', 'free')),
        accreditation_code TEXT, evidence_document TEXT, evidence_issuer TEXT,
        PRIMARY KEY (coach_id, id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO old_activities SELECT coach_id, id, date(activity_day * 86400, 'unixepoch'),
        minutes, title, provider, category, accreditation_code, evidence_document,
        evidence_issuer FROM pe_activities;
      DROP TABLE pe_activities;
      ALTER TABLE old_activities RENAME TO pe_activities;
      CREATE INDEX pe_activities_by_coach_date ON pe_activities(coach_id, activity_date, category,
        minutes\(version >= 6 ? ", accreditation_code" : ""));
      CREATE TABLE old_bookings (
        id TEXT PRIMARY KEY,
        placement_id TEXT NOT NULL REFERENCES placements(id),
        coach_id TEXT NOT NULL REFERENCES coaches(id),
        booked_on TEXT NOT NULL CHECK (date(booked_on) IS booked_on),
        minutes INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
        activity TEXT NOT NULL, goals TEXT NOT NULL,
        contact TEXT CHECK (contact IS NULL OR contact IN ('visit', 'call')),
        work_related INTEGER, wage_subsidy_check INTEGER NOT NULL, description TEXT
      ) STRICT;
      INSERT INTO old_bookings SELECT id, placement_id, coach_id,
        date(booked_day * 86400, 'unixepoch'), minutes, activity, goals, contact, work_related,
        wage_subsidy_check, description FROM hour_bookings;
      DROP TABLE hour_bookings;
      ALTER TABLE old_bookings RENAME TO hour_bookings;
      CREATE INDEX hour_bookings_by_placement ON hour_bookings(placement_id, booked_on);
      DROP TABLE settings;
      PRAGMA user_version = \(version);
      """)
  }

  /// The register's tables as before schema 10 (one register, so no register column, no
  /// registers, no policy register lists), and placements as before 11 (one coach each, no
  /// assignments).
  static func downgradeRegisters(_ database: Database) throws {
    try database.execute(
      """
      DROP TABLE api_tokens;
      DROP TABLE issued_statements;
      DROP TABLE trusted_issuers;
      DROP TABLE issuing_keys;
      ALTER TABLE experience DROP COLUMN origin;
      ALTER TABLE pe_activities DROP COLUMN origin;
      DROP TABLE accountability_reports;
      DROP TABLE funder_decision_bookings;
      DROP TABLE funder_decisions;
      ALTER TABLE hour_bookings DROP COLUMN report_id;
      ALTER TABLE hour_bookings DROP COLUMN contact_with;
      ALTER TABLE policies DROP COLUMN municipal_rate_cents;
      ALTER TABLE policies DROP COLUMN deviation_share_percent;
      UPDATE placements SET
        coach_id = (SELECT coach_id FROM assignments a WHERE a.placement_id = placements.id
          AND a.position = 0),
        task_experience_document = (SELECT task_experience_document FROM assignments a
          WHERE a.placement_id = placements.id AND a.position = 0),
        task_experience_issuer = (SELECT task_experience_issuer FROM assignments a
          WHERE a.placement_id = placements.id AND a.position = 0),
        exemption_minutes_per_week = (SELECT exemption_minutes_per_week FROM assignments a
          WHERE a.placement_id = placements.id AND a.position = 0),
        exemption_document = (SELECT exemption_document FROM assignments a
          WHERE a.placement_id = placements.id AND a.position = 0),
        exemption_issuer = (SELECT exemption_issuer FROM assignments a
          WHERE a.placement_id = placements.id AND a.position = 0);
      DROP TABLE assignments;
      CREATE TEMP TABLE old_norms AS SELECT * FROM pe_norms WHERE register_id = 'BvJN';
      CREATE TEMP TABLE old_memberships AS SELECT * FROM memberships WHERE register_id = 'BvJN';
      CREATE TEMP TABLE old_changes AS
        SELECT * FROM membership_status_changes WHERE register_id = 'BvJN';
      CREATE TEMP TABLE old_assessments AS SELECT * FROM assessments WHERE register_id = 'BvJN';
      DROP TABLE membership_status_changes;
      DROP TABLE assessments;
      DROP TABLE memberships;
      DROP TABLE pe_norms;
      DROP TABLE register_educations;
      DROP TABLE registers;
      CREATE TABLE pe_norms (
        effective_from TEXT PRIMARY KEY CHECK (date(effective_from) IS effective_from),
        name TEXT NOT NULL, cycle_years INTEGER NOT NULL, total_minutes INTEGER NOT NULL,
        minimum_accredited_minutes INTEGER NOT NULL, maximum_free_minutes INTEGER NOT NULL,
        practice_minutes INTEGER,
        selection TEXT NOT NULL CHECK (selection IN ('cycle-start', 'cycle-end'))
      ) STRICT;
      CREATE TABLE memberships (
        coach_id TEXT PRIMARY KEY REFERENCES coaches(id) ON DELETE CASCADE,
        register_number TEXT NOT NULL UNIQUE,
        admitted_on TEXT NOT NULL CHECK (date(admitted_on) IS admitted_on),
        route TEXT NOT NULL CHECK (route IN ('entry-requirements', 'earlier-admission'))
      ) STRICT;
      CREATE TABLE membership_status_changes (
        coach_id TEXT NOT NULL REFERENCES memberships(coach_id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        change_date TEXT NOT NULL CHECK (date(change_date) IS change_date),
        status TEXT NOT NULL
          CHECK (status IN ('applicant', 'registered', 'assessment-due', 'suspended', 'removed')),
        rule TEXT NOT NULL, decision TEXT NOT NULL,
        PRIMARY KEY (coach_id, position)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE assessments (
        coach_id TEXT NOT NULL REFERENCES memberships(coach_id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        submitted_on TEXT CHECK (submitted_on IS NULL OR date(submitted_on) IS submitted_on),
        judged_on TEXT NOT NULL CHECK (date(judged_on) IS judged_on),
        result TEXT NOT NULL CHECK (result IN ('sufficient', 'insufficient')),
        improvement_points TEXT,
        deadline TEXT CHECK (deadline IS NULL OR date(deadline) IS deadline),
        PRIMARY KEY (coach_id, position)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO pe_norms SELECT effective_from, name, cycle_years, total_minutes,
        minimum_accredited_minutes, maximum_free_minutes, practice_minutes, selection
        FROM old_norms;
      INSERT INTO memberships SELECT coach_id, register_number, admitted_on, route
        FROM old_memberships;
      INSERT INTO membership_status_changes SELECT coach_id, position, change_date, status, rule,
        decision FROM old_changes;
      INSERT INTO assessments SELECT coach_id, position, submitted_on, judged_on, result,
        improvement_points, deadline FROM old_assessments;
      DROP TABLE old_norms;
      DROP TABLE old_memberships;
      DROP TABLE old_changes;
      DROP TABLE old_assessments;
      ALTER TABLE policies DROP COLUMN municipal_registers;
      ALTER TABLE policies DROP COLUMN internal_registers;
      ALTER TABLE policies DROP COLUMN external_registers;
      ALTER TABLE public_register DROP COLUMN register_id;
      PRAGMA user_version = 9;
      """)
  }

  /// The audit trail as before schema 9: no digest, no chain version, every record hashed
  /// over its reason's words (chain version 1).
  static func downgradeAuditTrail(_ database: Database) throws {
    try downgradeRegisters(database)
    let rows = try database.prepare(
      """
      SELECT sequence, recorded_at, recorded_on, command, actor, subject_kind, subject_id, field,
        old_value, new_value, document_hash, reason FROM audit_log ORDER BY sequence
      """)
    var records: [AuditRecord] = []
    var previous = AuditRecord.genesis
    while try rows.step() {
      var record = AuditRecord(
        sequence: rows.int(0),
        context: AuditContext(
          command: rows.text(3)!, actor: rows.text(4)!, timestamp: rows.text(1)!,
          day: CalendarDate(iso: rows.text(2)!)!),
        entry: AuditEntry(
          subjectKind: rows.text(5)!, subjectID: rows.text(6)!, field: rows.text(7)!,
          oldValue: rows.text(8), newValue: rows.text(9), documentHash: rows.text(10),
          reason: rows.text(11)!),
        previousHash: previous, hash: "", chainVersion: 1)
      record.hash = record.computedHash
      previous = record.hash
      records.append(record)
    }
    rows.reset()
    try database.execute(
      """
      DROP TABLE audit_log;
      CREATE TABLE audit_log (
        sequence INTEGER PRIMARY KEY,
        recorded_at TEXT NOT NULL,
        recorded_on TEXT NOT NULL CHECK (date(recorded_on) IS recorded_on),
        command TEXT NOT NULL, actor TEXT NOT NULL, subject_kind TEXT NOT NULL,
        subject_id TEXT NOT NULL, field TEXT NOT NULL, old_value TEXT, new_value TEXT,
        document_hash TEXT, reason TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_by_subject ON audit_log(subject_id);
      CREATE TRIGGER audit_log_is_never_updated BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit records are never changed'); END;
      CREATE TRIGGER audit_log_is_never_deleted BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit records are never deleted'); END;
      PRAGMA user_version = 8;
      """)
    let insert = try database.prepare(
      """
      INSERT INTO audit_log (sequence, recorded_at, recorded_on, command, actor, subject_kind,
        subject_id, field, old_value, new_value, document_hash, reason, previous_hash, hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    for record in records {
      try insert.run([
        .integer(record.sequence), .text(record.context.timestamp), SQLValue(record.context.day),
        .text(record.context.command), .text(record.context.actor),
        .text(record.entry.subjectKind), .text(record.entry.subjectID), .text(record.entry.field),
        SQLValue(record.entry.oldValue), SQLValue(record.entry.newValue),
        SQLValue(record.entry.documentHash), .text(record.entry.reason),
        .text(record.previousHash), .text(record.hash),
      ])
    }
  }

  /// A registry of schema version 8 (today's before issue 14): its whole audit trail is sealed
  /// again so reasons can be erased; every word and every record stays, and an erasure then
  /// leaves the trail whole.
  @Test func aVersionEightTrailIsSealedAgainAndItsReasonsBecomeErasable() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("r.sqlite")
    let audit = AuditContext(
      command: "register assess", actor: "Registrar", timestamp: "2026-11-23T09:00:00Z",
      day: CalendarDate(iso: "2026-11-23")!)
    let before: [AuditRecord]
    do {
      let (store, _) = try RegistryStore.create(at: path)
      _ = try store.apply(batch(allDocuments).0, audit: audit)
      try store.record(
        [
          AuditEntry(
            subjectKind: "membership", subjectID: "JC-1", field: "assessment",
            reason: "R-ASM-1: Zoë Visser improves her report")
        ], context: audit)
      before = try store.auditRecords()
    }
    try Self.downgradeAuditTrail(try Database(path: path, mode: .readWrite))
    let store = try RegistryStore.open(at: path)
    #expect(try store.schemaVersion() == Schema.currentVersion)
    let after = try store.auditRecords()
    #expect(after.map(\.entry) == before.map(\.entry))
    #expect(after.allSatisfy { $0.chainVersion == 2 })
    #expect(AuditChain.firstBreak(after) == nil)
    #expect(try store.auditGuardProblems() == [])
    switch try store.erase("JC-1", reason: "request of the data subject", audit: audit) {
    case .erased(let erasure): #expect(erasure.auditReasonsErased >= 2)
    default: Issue.record("JC-1 is erased")
    }
    let erased = try store.auditRecords()
    #expect(AuditChain.firstBreak(erased) == nil)
    #expect(!erased.contains { $0.entry.reason.contains("Zoë") })
  }

  /// A registry of schema version 5 gains the settings table and PE activity days (without
  /// the covering index) when opened, and keeps its data.
  @Test func aVersionFiveRegistryIsMigrated() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("r.sqlite")
    let expected: Portfolio
    do {
      let (store, _) = try RegistryStore.create(at: path)
      let (documents, log) = batch(allDocuments + [("portfolios.json", portfoliosDocument)])
      #expect(log.isEmpty)
      _ = try store.apply(documents)
      expected = try #require(try store.portfolio(of: "JC-1"))
      #expect(
        expected.activities.map(\.date.description) == ["1969-12-31", "2024-02-29", "9899-12-31"])
      #expect(!expected.activities.isEmpty)
    }
    try Self.downgrade(path, to: 5)
    let store = try RegistryStore.open(at: path)
    #expect(try store.schemaVersion() == Schema.currentVersion)
    #expect(try store.portfolio(of: "JC-1") == expected)
    let database = try Database(path: path, mode: .readWrite)
    #expect(
      try database.scalarInt(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'pe_activities' "
          + "AND sql IS NOT NULL") == 0)
    #expect(try database.scalarInt("SELECT count(*) FROM coaches") ?? 0 > 0)
    #expect(try database.scalarInt("SELECT count(*) FROM pragma_foreign_key_check") == 0)
  }

  /// A registry of schema version 6 gains the settings table, with no default municipality,
  /// and keeps its data; a default set then survives reopening.
  @Test func aVersionSixRegistryGainsSettings() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("r.sqlite")
    do {
      let (store, _) = try RegistryStore.create(at: path)
      _ = try store.apply(batch(allDocuments).0)
    }
    try Self.downgrade(path, to: 6)
    let audit = AuditContext(
      command: "settings", actor: "test", timestamp: "2026-12-01T10:00:00Z",
      day: CalendarDate(iso: "2026-12-01")!)
    do {
      let store = try RegistryStore.open(at: path)
      #expect(try store.schemaVersion() == Schema.currentVersion)
      #expect(try store.defaultMunicipality() == nil)
      #expect(try store.allCoaches().count > 0)
      #expect(try store.setDefaultMunicipality("ORG-ZAANSTAD", audit: audit) == nil)
    }
    let store = try RegistryStore.open(at: path)
    #expect(try store.defaultMunicipality() == "ORG-ZAANSTAD")
    #expect(try store.setDefaultMunicipality(nil, audit: audit) == "ORG-ZAANSTAD")
    #expect(try store.defaultMunicipality() == nil)
    let trail = try store.auditRecords(subject: "registry").map(\.entry.field)
    #expect(trail.filter { $0 == "defaultMunicipality" }.count == 2)
  }

  @Test func importedRecordsReadBackEqual() throws {
    let store = try RegistryStore.inMemory()
    let (documents, log) = batch(allDocuments)
    #expect(log.isEmpty)
    let summary = try store.apply(documents)
    #expect(summary.total.created == 8)
    for located in documents.coaches {
      #expect(try store.coach(located.value.id) == located.value)
    }
    for located in documents.organisations {
      #expect(try store.organisation(located.value.id) == located.value)
    }
    #expect(try store.placement("P-1") == documents.placements[0].value)
    let history = try #require(try store.policyHistory("POL"))
    #expect(history.versions == documents.policies.map(\.value))
    #expect(try store.policyHistories(of: "MUN").map(\.id) == ["POL"])
    #expect(try store.placements(coachedBy: "JC-2").map(\.id) == ["P-1"])
  }

  @Test func reimportChangesNothingAndAChangeIsAnUpdate() throws {
    let store = try RegistryStore.inMemory()
    _ = try store.apply(batch(allDocuments).0)
    let again = try store.apply(batch(allDocuments).0)
    #expect(!again.changedAnything)
    #expect(again.total.unchanged == 8)
    let renamed = coachesDocument.replacingOccurrences(of: "\"Anouk\"", with: "\"Anouk de Vries\"")
    let changed = try store.apply(batch([("coaches.json", renamed)]).0)
    #expect(changed.counts[.coaches]?.updated == 1)
    #expect(changed.counts[.coaches]?.unchanged == 1)
    #expect(try store.coach("JC-1")?.name == "Anouk de Vries")
  }

  @Test func aBadReferenceInTheLastRecordLeavesTheFileByteForByteUnchanged() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("r.sqlite")
    let (store, _) = try RegistryStore.create(at: path)
    _ = try store.apply(batch(Array(allDocuments.prefix(2))).0)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let walBefore = try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))
    let broken = placementsDocument.replacingOccurrences(
      of: "\"coach\": \"JC-2\"", with: "\"coach\": \"JC-404\"")
    #expect {
      _ = try store.apply(batch([allDocuments[0], allDocuments[1], ("placements.json", broken)]).0)
    } throws: { error in
      guard case .importRejected(let problems) = error as? StoreError else { return false }
      return problems.map(\.description) == [
        "placements.json#/placements/0/coach: no coach with id 'JC-404' in this import or the registry"
      ]
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    #expect((try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))) == walBefore)
    #expect(try store.placement("P-1") == nil)
  }

  @Test func referencesResolveAgainstTheRegistry() throws {
    let store = try RegistryStore.inMemory()
    _ = try store.apply(batch([allDocuments[0]]).0)
    // The coaches document alone refers to organisations already in the registry.
    let summary = try store.apply(batch([allDocuments[1]]).0)
    #expect(summary.counts[.coaches]?.created == 2)
  }

  @Test func dryRunCountsButWritesNothing() throws {
    let store = try RegistryStore.inMemory()
    let summary = try store.apply(batch(allDocuments).0, dryRun: true)
    #expect(summary.isDryRun)
    #expect(summary.total.created == 8)
    #expect(try store.coachIDs().isEmpty)
  }
}
