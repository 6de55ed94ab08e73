import Foundation
import Testing

@testable import JobcoachCore
@testable import JobcoachStore

/// Registers as data (issue 15) and assignments (issue 16): a registry of schema version 9, made by the migrations of
/// that time and filled as it was, upgrades in place; every membership, status change,
/// assessment and norm becomes the seed register's, and nothing is lost.
struct RegistersMigrationTests {
  @Test func aVersionNineRegistryUpgradesAndLosesNothing() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("r.sqlite")
    do {
      let database = try Database(path: path, mode: .readWriteCreate)
      try database.execute("PRAGMA foreign_keys = ON")
      try database.execute("BEGIN")
      for migration in Schema.migrations.prefix(9) { try database.execute(migration) }
      try database.execute(
        """
        PRAGMA application_id = \(Schema.applicationID);
        PRAGMA user_version = 9;
        INSERT INTO coaches (id, name) VALUES ('JC-1', 'Anouk'), ('JC-2', 'Bram');
        INSERT INTO organisations (id, name, kind) VALUES ('EMP', 'Bakkerij', 'employer');
        INSERT INTO placements (id, employer_id, coach_id, worker_ref, start_on, end_on, funder, appointed_through_municipality,
          task_experience_document, task_experience_issuer, exemption_minutes_per_week,
          exemption_document, exemption_issuer)
          VALUES ('PL-1', 'EMP', 'JC-1', 'W-1', '2026-02-01', '2027-01-31', 'municipality', 0, 'TASK-1', 'Bakkerij',
            240, 'EXEMPT-1', 'Bakkerij');
        INSERT INTO memberships VALUES ('JC-1', 'RJC-00001', '2020-02-29', 'entry-requirements');
        INSERT INTO memberships VALUES ('JC-2', 'RJC-00002', '2008-05-01', 'earlier-admission');
        INSERT INTO membership_status_changes VALUES
          ('JC-1', 0, '2020-02-29', 'registered', 'R-ADM-1', 'admitted'),
          ('JC-2', 0, '2008-05-01', 'registered', 'R-ADM-1', 'admitted'),
          ('JC-2', 1, '2025-03-01', 'assessment-due', 'R-ASM-1', 'insufficient');
        INSERT INTO assessments VALUES
          ('JC-2', 0, NULL, '2025-03-01', 'insufficient', 'more PE', '2025-09-01');
        INSERT INTO pe_norms VALUES
          ('2008-01-01', 'old norm', 5, 6660, 4860, 1800, NULL, 'cycle-start'),
          ('2030-01-01', 'new norm', 5, 7200, 5400, 1800, 600, 'cycle-end');
        COMMIT;
        """)
    }
    let store = try RegistryStore.open(at: path)
    #expect(try store.schemaVersion() == Schema.currentVersion)
    // The placement's single coach became one main assignment over its dates, with its facts
    // (Q-ASG-1), and nothing of it is read from the placement itself any more.
    let placement = try #require(try store.placement("PL-1"))
    #expect(
      placement.assignments == [
        Assignment(
          coach: "JC-1", organisation: nil,
          period: DateInterval(
            start: CalendarDate(iso: "2026-02-01")!, end: CalendarDate(iso: "2027-01-31")!),
          role: .main, taskExperience: EvidenceReference(documentID: "TASK-1", issuer: "Bakkerij"),
          hoursExemption: HoursExemption(
            perWeek: Hours(wholeHours: 4),
            evidence: EvidenceReference(documentID: "EXEMPT-1", issuer: "Bakkerij")))
      ])
    #expect(try store.placements(coachedBy: "JC-1").map(\.id) == ["PL-1"])
    #expect(try store.registers().map(\.id) == [.seedDefault])
    let register = try store.register(.seedDefault)
    #expect(register.name == Register.seedDefault.name)
    #expect(register.admissionHours == Hours(wholeHours: 1400))
    #expect(register.recognisedEducations == nil && register.diplomaAdmission == nil)
    #expect(register.renewal == RenewalTerms(windowMonths: 6, graceMonths: 3))
    #expect(register.norms.versions.map(\.name) == ["old norm", "new norm"])
    #expect(register.norms.versions.allSatisfy { $0.register == .seedDefault })
    #expect(register.norms.versions[1].practiceHours == Hours(minutes: 600))
    #expect(register.norms.versions[1].selection == .cycleEnd)

    let memberships = try store.allMemberships()
    #expect(memberships.map(\.coach) == ["JC-1", "JC-2"])
    #expect(memberships.allSatisfy { $0.register == .seedDefault })
    #expect(memberships.map(\.registerNumber) == ["RJC-00001", "RJC-00002"])
    #expect(memberships[1].statusChanges.map(\.status) == [.registered, .assessmentDue])
    #expect(memberships[1].assessments.first?.improvementPoints == "more PE")
    #expect(memberships[1].assessments.first?.deadline == CalendarDate(iso: "2025-09-01"))
    // Admitted on 29 February: the period ends on 28 February five years on (F-2).
    let standing = memberships[0].standing(on: CalendarDate(iso: "2025-02-28")!, in: register)
    #expect(standing.cycle.end == CalendarDate(iso: "2025-02-28"))
    #expect(standing.isRegistered)
    // The registry's own constraints hold after the upgrade.
    let check = try store.database.prepare("PRAGMA foreign_key_check")
    #expect(try !check.step())
  }
}
