import Foundation
import Testing

@testable import JobcoachCore
@testable import JobcoachStore

/// A fresh directory per test, removed afterwards.
final class TemporaryDirectory {
  let path: String
  init() {
    path = NSTemporaryDirectory() + "jobcoach-store-" + UUID().uuidString
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

  /// A registry of schema version 5 gains the accreditation code in its PE covering index when
  /// opened, and keeps its data.
  @Test func aVersionFiveRegistryIsMigrated() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("r.sqlite")
    do {
      let (store, _) = try RegistryStore.create(at: path)
      let (documents, log) = batch(allDocuments)
      #expect(log.isEmpty)
      _ = try store.apply(documents)
    }
    do {
      let database = try Database(path: path, mode: .readWrite)
      try database.execute(
        """
        DROP INDEX pe_activities_by_coach_date;
        CREATE INDEX pe_activities_by_coach_date
          ON pe_activities(coach_id, activity_date, category, minutes);
        DROP TABLE settings;
        PRAGMA user_version = 5;
        """)
    }
    let store = try RegistryStore.open(at: path)
    #expect(try store.schemaVersion() == Schema.currentVersion)
    let database = try Database(path: path, mode: .readWrite)
    let row = try database.prepare(
      "SELECT sql FROM sqlite_schema WHERE name = 'pe_activities_by_coach_date'")
    #expect(try row.step())
    #expect(row.text(0)?.contains("minutes, accreditation_code)") == true)
    #expect(try database.scalarInt("SELECT count(*) FROM coaches") ?? 0 > 0)
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
    do {
      let database = try Database(path: path, mode: .readWrite)
      try database.execute("DROP TABLE settings; PRAGMA user_version = 6;")
    }
    let audit = AuditContext(
      command: "settings", actor: "test", timestamp: "2026-12-01T10:00:00Z",
      day: CalendarDate(iso: "2026-12-01")!)
    do {
      let store = try RegistryStore.open(at: path)
      #expect(try store.schemaVersion() == 7)
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
