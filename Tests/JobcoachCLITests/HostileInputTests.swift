import Foundation
import Testing

@testable import JobcoachCLI
@testable import JobcoachCore
@testable import JobcoachStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The second round of hostile input (issue 14), through the command line.
struct HostileInputTests {
  // MARK: 3. A citizen service number in an argument, the environment or a file name

  @Test(arguments: [
    (["register", "remove", "JC-0013", "--reason", "Jan 123 456 782"], "the value of --reason"),
    (
      ["register", "assess", "JC-0013", "--result=insufficient", "--points=zie 123.456.782"],
      "the value of --points"
    ),
    (["register", "admit", "JC-0013", "--actor", "123456782"], "the value of --actor"),
    (["show", "W-123456782"], "argument 2"),
    (["import", "123456782.json"], "argument 2"),
  ])
  func anArgumentHoldingOneIsRefusedByItsPlace(_ arguments: [String], _ place: String) {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let before = registryBytes(db)
    let run = jobcoach(arguments + ["--db", db])
    #expect(run.code == 64)
    #expect(run.err == "error: \(place) \(English.citizenServiceNumber)\n")
    #expect(!run.err.filter { !".- ".contains($0) }.contains("123456782"))
    #expect(registryBytes(db) == before)
  }

  @Test func aUserNameHoldingOneIsRefusedAndNeverWritten() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let before = registryBytes(db)
    let run = jobcoach(
      ["settings", "--municipality", "ORG-ZAANSTAD", "--db", db], environment: ["USER": "123456782"]
    )
    #expect(run.code == 64)
    #expect(run.err.hasPrefix("error: $USER \(English.citizenServiceNumber)"))
    #expect(registryBytes(db) == before)
    let named = jobcoach(
      ["settings", "--municipality", "ORG-ZAANSTAD", "--db", db, "--actor", "Registrar"],
      environment: ["USER": "123456782"])
    #expect(named.code == 0, "\(named.err)")
  }

  @Test func aFileNameHoldingOneIsRefusedWithoutIt() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let directory = scratch.file("docs")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: samplesPath + "/coaches.json", toPath: directory + "/123-45-6782.json")
    let before = registryBytes(db)
    let run = jobcoach(["import", directory, "--db", db])
    #expect(run.code == 65)
    #expect(run.err.contains("has a name that holds what looks like a citizen service number"))
    #expect(!run.err.contains("6782"))
    #expect(registryBytes(db) == before)
    let trail = jobcoach(["audit", "log", "--db", db, "--format", "csv"]).out
    #expect(!trail.filter { !".- ".contains($0) }.contains("123456782"))
  }

  // MARK: 11. File names that would forge a line; pipes named *.json

  @Test func aNewlineInAFileNameCannotForgeALine() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let name = scratch.file("a\nerror: all is well.json")
    #expect(FileManager.default.createFile(atPath: name, contents: Data("{".utf8)))
    let run = jobcoach(["import", name, "--db", db])
    #expect(run.code == 65)
    let lines = run.err.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 2, "\(run.err)")
    #expect(lines.first?.contains("a\\nerror: all is well.json:1:2: not valid JSON") == true)
    #expect(!lines.contains { $0.hasPrefix("error: all is well") })
  }

  @Test func aPipeNamedLikeADocumentIsRefusedNotReadForEver() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let fifo = scratch.file("pipe.json")
    #expect(mkfifo(fifo, 0o600) == 0)
    let run = jobcoach(["import", fifo, "--db", db])
    #expect(run.code == 66)
    #expect(run.err.contains("not a regular file"))
    let directory = scratch.file("docs")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    #expect(mkfifo(directory + "/x.json", 0o600) == 0)
    #expect(jobcoach(["import", directory, "--db", db]).code == 66)
    #expect(jobcoach(["pe", "JC-0001", "--file", fifo]).code == 66)
  }

  @Test func initMakesAnOpenRegistryTheOwnersOnly() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    #expect(chmod(db, 0o644) == 0)
    let run = jobcoach(["init", "--db", db])
    #expect(run.code == 0)
    #expect(run.out.contains("'\(db)' was open to others (mode 644); it is now 0600"))
    #expect(mode(db) == 0o600)
    #expect(!jobcoach(["init", "--db", db]).out.contains("open to others"))
  }

  // MARK: 4. export subject never follows a link

  @Test func anExportNeverFollowsALink() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let victim = scratch.write("victim.txt", "mine")
    let link = scratch.file("link.json")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)
    for force in [[], ["--force"]] {
      let run = jobcoach(["export", "subject", "JC-0013", "--output", link, "--db", db] + force)
      #expect(run.code == 73, "\(run.err)")
    }
    #expect(String(decoding: bytes(victim) ?? Data(), as: UTF8.self) == "mine")
    #expect(mode(victim) != 0o600)
    let dangling = scratch.file("dangling.json")
    try FileManager.default.createSymbolicLink(
      atPath: dangling, withDestinationPath: scratch.file("created.txt"))
    #expect(
      jobcoach(["export", "subject", "JC-0013", "--output", dangling, "--force", "--db", db]).code
        == 73)
    #expect(!FileManager.default.fileExists(atPath: scratch.file("created.txt")))
    #expect(jobcoach(["export", "subject", "--help"]).out.contains("73 the output file exists"))
  }

  // MARK: 5. erase leaves nothing behind

  /// Every place a coach's words could hide: the file, its log, its free pages.
  func holds(_ db: String, _ text: String) -> Bool {
    [db, db + "-wal"].contains { bytes($0)?.range(of: Data(text.utf8)) != nil }
  }

  @Test func eraseLeavesNoByteOfTheCoachAnywhere() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let published = scratch.file("public.json")
    let export = jobcoach([
      "export", "public", "--on", "2026-11-23", "--format", "json", "--register", "BvJN", "--db",
      db,
    ])
    #expect(FileManager.default.createFile(atPath: published, contents: Data(export.out.utf8)))
    #expect(jobcoach(["import", published, "--allow-unsigned", "--db", db]).code == 0)
    let assessed = jobcoach([
      "register", "assess", "JC-0013", "--result", "insufficient", "--points",
      "Verslag Mila Postma aanvullen met casus Wervershoof", "--on", "2026-12-01", "--db", db,
    ])
    #expect(assessed.code == 0, "\(assessed.err)")
    #expect(holds(db, "Wervershoof"))
    // A reason that names the coach would outlive the erasure: refused, nothing changes.
    let before = registryBytes(db)
    let naming = jobcoach(["erase", "JC-0013", "--reason", "verzoek van Mila Postma", "--db", db])
    #expect(naming.code == 65)
    #expect(registryBytes(db) == before)
    let run = jobcoach(["erase", "JC-0013", "--reason", "request of the data subject", "--db", db])
    #expect(run.code == 0, "\(run.err)")
    for text in ["Mila Postma", "Postma", "Wervershoof", "RJC-00013"] {
      #expect(!holds(db, text), "\(text) is still in the registry's bytes")
    }
    #expect(jobcoach(["audit", "verify", "--db", db]).out.hasPrefix("WHOLE: "))
    let log = jobcoach(["audit", "log", "--subject", "JC-0013", "--db", db, "--format", "json"])
    let records = JSONValue.object(try log.json())["records"]?.array ?? []
    #expect(records.dropLast().allSatisfy { $0["reason"] == .null })
    #expect(records.last?["reason"] == .string("request of the data subject"))
  }

  @Test func eraseSaysWhatIsPendingWhileAnotherProgramReads() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    // Another program with a read transaction open on the registry as it was.
    let reader = try Database(path: db, mode: .readWrite)
    try reader.execute("BEGIN")
    #expect(try reader.scalarInt("SELECT count(*) FROM coaches") == 15)
    let run = jobcoach([
      "erase", "JC-0013", "--reason", "request of the data subject", "--wait", "1", "--db", db,
    ])
    #expect(run.code == 75)
    #expect(run.err.contains("another program is still reading the registry"))
    #expect(run.err.contains("jobcoach erase --finish"))
    try reader.execute("COMMIT")
    let finish = jobcoach(["erase", "--finish", "--db", db])
    #expect(finish.code == 0, "\(finish.err)")
    #expect(!holds(db, "Mila Postma"))
    #expect(jobcoach(["erase", "--finish", "JC-0001", "--db", db]).code == 64)
  }

  // MARK: 6. Writers wait their turn

  @Test func aWriterWaitsForAnotherAndGivesUpOnlyPastItsWait() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let holder = try Database(path: db, mode: .readWrite)
    try holder.execute("BEGIN IMMEDIATE")
    let refused = jobcoach([
      "settings", "--municipality", "ORG-ZAANSTAD", "--wait", "1", "--db", db,
    ])
    #expect(refused.code == 75)
    #expect(refused.err.contains("is busy: another program held it for 1 second"))
    // Released after a second and a half: the writer that waits gets its turn.
    let held = Holder(database: holder)
    let release = Thread {
      usleep(1_500_000)
      try? held.database.execute("COMMIT")
    }
    release.start()
    let output = TerminalOutput()
    let context = CommandContext(
      environment: [:], output: output, today: { CalendarDate(iso: "2026-03-02")! })
    let code = JobcoachTool.run(
      ["settings", "--municipality", "ORG-ZAANSTAD", "--db", db], context: context)
    #expect(code == 0, "\(output.standardError)")
    #expect(output.standardError.hasPrefix("waiting: another program is writing to the registry"))
    #expect(
      jobcoach(["settings", "--municipality", "ORG-ZAANSTAD", "--wait", "soon", "--db", db]).code
        == 64)
  }

  // MARK: 8. Dates at the end of what is accepted

  @Test func theLastAcceptedDateComputesWritesAndReadsBack() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let membership = scratch.write(
      "m.json",
      #"{"kind":"memberships","schemaVersion":1,"memberships":[{"coach":"JC-0015","registerNumber":"RJC-99999","admittedOn":"9899-12-31","route":"entry-requirements","statusChanges":[{"date":"9899-12-31","status":"registered","rule":"R-ADM-1","decision":"admitted"}]}]}"#
    )
    #expect(jobcoach(["import", membership, "--db", db]).code == 0)
    let export = jobcoach([
      "export", "public", "--on", "9899-12-31", "--format", "json", "--register", "BvJN", "--db",
      db,
    ])
    #expect(export.code == 0)
    #expect(export.out.contains(#""validUntil": "9904-12-30""#))
    let published = scratch.write("public.json", export.out)
    #expect(jobcoach(["import", published, "--allow-unsigned", "--db", db]).code == 0)
    let assessed = jobcoach([
      "register", "assess", "JC-0015", "--result", "insufficient", "--points", "x", "--on",
      "9899-12-31", "--register", "BvJN", "--db", db,
    ])
    #expect(assessed.code == 0, "\(assessed.err)")
    let beyond = jobcoach([
      "register", "assess", "JC-0013", "--result", "sufficient", "--on", "9999-12-31", "--db", db,
    ])
    #expect(beyond.code == 65)
    #expect(
      beyond.err.contains("--on 9999-12-31 is after 9899-12-31, the last date jobcoach accepts"))
  }

  // MARK: 9. audit verify names what is broken

  @Test func auditVerifyNamesAMissingGuardAndAnUnreadableRecord() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    do {
      let database = try Database(path: db, mode: .readWrite)
      try database.execute("DROP TRIGGER audit_log_is_never_deleted")
    }
    let dropped = jobcoach(["audit", "verify", "--db", db])
    #expect(dropped.code == 1)
    #expect(dropped.out.hasPrefix("BROKEN: the guard 'audit_log_is_never_deleted' is missing"))
    do {
      let database = try Database(path: db, mode: .readWrite)
      try database.execute(
        """
        PRAGMA ignore_check_constraints = ON;
        DROP TRIGGER audit_log_is_never_updated;
        UPDATE audit_log SET recorded_on = '2026-13-45' WHERE sequence = 5;
        """)
    }
    let unreadable = jobcoach(["audit", "verify", "--db", db])
    #expect(unreadable.code == 1)
    #expect(
      unreadable.out
        == "BROKEN: record 5 was changed after it was written: its day is not a calendar date\n")
  }

  // MARK: 10. Hours in every whole-minute form

  @Test func hoursAsDecimalsClockTextOrMinutesCountTheSame() {
    let scratch = Scratch()
    let portfolio = scratch.write(
      "p.json",
      #"{"kind":"portfolios","schemaVersion":1,"portfolios":[{"coach":"JC-0001","registeredSince":"2022-01-01","peActivities":[{"id":"X1","date":"2025-01-01","minutes":75,"title":"t","provider":"p","category":"free","evidence":{"documentId":"P1","issuer":"p"}},{"id":"X2","date":"2025-01-02","hours":"1:15","title":"t","provider":"p","category":"free","evidence":{"documentId":"P2","issuer":"p"}},{"id":"X3","date":"2025-01-03","hours":2.016667,"title":"t","provider":"p","category":"free","evidence":{"documentId":"P3","issuer":"p"}},{"id":"X4","date":"2025-01-04","hours":1.2500000000,"title":"t","provider":"p","category":"free","evidence":{"documentId":"P4","issuer":"p"}}]}]}"#
    )
    let run = jobcoach([
      "pe", "JC-0001", "--file", samplesPath + "/coaches.json", "--file",
      samplesPath + "/organisations.json", "--file", portfolio, "--on", "2026-01-01",
      "--format", "json",
    ])
    // 75 + 75 + 121 + 75 minutes = 346 minutes = 5:46.
    #expect(run.code == 1, "\(run.err)")
    #expect(run.out.contains(#""freeHours": 5.766667,"#), "\(run.out)")
    #expect(run.out.contains(#""countedHours": 2.016667,"#))
  }
}

/// A connection handed to the thread that ends its transaction.
private struct Holder: @unchecked Sendable {
  let database: Database
}
