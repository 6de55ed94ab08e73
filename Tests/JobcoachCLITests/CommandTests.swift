import Foundation
import Testing

@testable import JobcoachCLI
@testable import JobcoachCore

struct VerifyCommandTests {
  @Test func eligibleCoachExitsZeroWithTheVerdictFirst() {
    let run = jobcoach(["verify", "JC-0001", "--as", "municipal", "--file", samplesPath])
    #expect(run.code == 0)
    #expect(run.err == "")
    #expect(
      run.out.hasPrefix(
        "ELIGIBLE: Anouk de Vries (JC-0001) may be assigned as a municipal coach on 2026-03-02\n"))
    #expect(run.out.contains("met      Q-MUN-1  Anouk de Vries has completed an hbo education"))
    #expect(run.out.contains("evidence: hbo diploma: Bachelor Social Work, issued 2011-07-01"))
  }

  @Test func notEligibleExitsOneAndNamesTheRules() {
    let run = jobcoach([
      "verify", "JC-0007", "--as", "external", "--on", "2026-07-01", "--policy", "POL-ZAANSTAD",
      "--file", samplesPath,
    ])
    #expect(run.code == 1)
    #expect(
      run.out.hasPrefix(
        "NOT ELIGIBLE: Gert de Boer (JC-0007) may not be assigned as an external coach on "
          + "2026-07-01; not met: Q-EXT-1, Q-POL-2\n"))
    #expect(run.out.contains("the recognition ended on 2026-06-30, the day before 2026-07-01"))
  }

  @Test func jsonHasTheContractKeys() throws {
    let run = jobcoach([
      "verify", "JC-0010", "--as", "internal", "--placement", "PL-2026-001", "--format", "json",
      "--file", samplesPath,
    ])
    #expect(run.code == 0)
    let result = try run.json()
    #expect(result["coach"] == .string("JC-0010"))
    #expect(result["kind"] == .string("internal"))
    #expect(result["on"] == .string("2026-03-02"))
    #expect(result["eligible"] == .bool(true))
    #expect(result["placement"] == .string("PL-2026-001"))
    guard case .array(let findings)? = result["findings"], case .object(let first)? = findings.first
    else {
      Issue.record("findings missing")
      return
    }
    for key in ["rule", "severity", "message", "evidence", "subject", "outcome"] {
      #expect(first[key] != nil, "\(key)")
    }
    // The placement's municipality's policy applies when none is named.
    guard case .object(let policy)? = result["policy"] else {
      Issue.record("policy missing")
      return
    }
    #expect(policy["id"] == .string("POL-ZAANSTAD"))
  }

  @Test func internalWithoutPlacementIsNeverMet() throws {
    let run = jobcoach([
      "verify", "JC-0010", "--as", "internal", "--format", "json", "--file", samplesPath,
    ])
    #expect(run.code == 1)
    let text = run.out
    #expect(text.contains("\"outcome\": \"undetermined\""))
  }

  @Test func verifiesFromARegistryFileToo() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let run = jobcoach(["verify", "JC-0003", "--as", "municipal", "--db", db])
    #expect(run.code == 1)
    #expect(run.out.contains("NOT MET  Q-MUN-1"))
    let fromEnvironment = jobcoach(
      ["verify", "JC-0001", "--as", "municipal"], environment: ["JOBCOACH_DB": db])
    #expect(fromEnvironment.code == 0)
  }

  @Test(arguments: [
    (["verify", "JC-0001"], "error: missing --as municipal|internal|external\n"),
    (
      ["verify", "JC-0001", "--as", "boss"],
      "error: unknown coach kind 'boss'; choose municipal, internal or external\n"
    ),
    (
      ["verify", "JC-0001", "--as", "municipal", "--on", "2023-02-29"],
      "error: '2023-02-29' is not a date; write --on YYYY-MM-DD (a day that exists)\n"
    ),
    (["verify", "--as", "municipal"], "error: missing argument: "),
    (
      ["verify", "JC-0001", "--as", "municipal", "--colour"],
      "error: unknown option '--colour' for 'jobcoach verify'\n"
    ),
    (
      ["verify", "JC-0001", "--as", "municipal", "--format", "xml"],
      "error: unknown format 'xml'; choose text, json\n"
    ),
  ])
  func usageErrorsExit64WithUsage(_ arguments: [String], _ message: String) {
    let run = jobcoach(arguments + ["--file", samplesPath])
    #expect(run.code == 64)
    #expect(run.out == "")
    #expect(run.err.hasPrefix(message))
    #expect(run.err.contains("usage: jobcoach verify COACH_ID --as"))
  }

  @Test func unknownCoachPlacementOrPolicyExit65() {
    let coach = jobcoach(["verify", "JC-9999", "--as", "municipal", "--file", samplesPath])
    #expect(coach.code == 65)
    #expect(coach.err == "error: no coach with id 'JC-9999' in the registry\n")
    let placement = jobcoach([
      "verify", "JC-0010", "--as", "internal", "--placement", "PL-X", "--file", samplesPath,
    ])
    #expect(placement.err == "error: no placement with id 'PL-X' in the registry\n")
    #expect(placement.code == 65)
    let policy = jobcoach([
      "verify", "JC-0010", "--as", "internal", "--policy", "POL-X", "--file", samplesPath,
    ])
    #expect(policy.code == 65)
    let notYet = jobcoach([
      "verify", "JC-0001", "--as", "municipal", "--policy", "POL-ZAANSTAD", "--on", "2023-12-31",
      "--file", samplesPath,
    ])
    #expect(notYet.code == 65)
    #expect(notYet.err.contains("its first version takes effect on 2024-01-01"))
  }

  @Test func missingRegistryExits66() {
    let scratch = Scratch()
    let run = jobcoach([
      "verify", "JC-0001", "--as", "municipal", "--db", scratch.file("none.sqlite"),
    ])
    #expect(run.code == 66)
    #expect(run.err.hasPrefix("error: no registry at '\(scratch.file("none.sqlite"))'"))
    #expect(!FileManager.default.fileExists(atPath: scratch.file("none.sqlite")))
  }

  @Test func missingDocumentExits66() {
    let run = jobcoach(["verify", "JC-0001", "--as", "municipal", "--file", "/nonexistent/x.json"])
    #expect(run.code == 66)
    #expect(run.err == "error: cannot read '/nonexistent/x.json': no such file or directory\n")
  }
}

struct ImportCommandTests {
  @Test func importsThenSaysNothingChanged() {
    let scratch = Scratch()
    let db = scratch.file("r.sqlite")
    #expect(jobcoach(["init", "--db", db]).out == "created registry '\(db)' (schema version 15)\n")
    let first = jobcoach(["import", samplesPath, "--db", db])
    #expect(first.code == 0)
    // The seed's register is always held, so the samples' BvJN record changes nothing.
    // 12 JSON documents and 4 CSV tables: 2 bookings, 3 PE activities, 2 attendees, 1 period.
    #expect(first.out.hasPrefix("imported 16 files: 177 created, 0 updated, 1 unchanged\n"))
    #expect(first.out.contains("  hour-bookings: 103 created, 0 updated, 0 unchanged\n"))
    #expect(first.out.contains("  pe-activities (CSV): 3 created, 0 updated, 0 unchanged\n"))
    #expect(first.out.contains("  experience (CSV): 1 created, 0 updated, 0 unchanged\n"))
    #expect(first.out.contains("  attendance (CSV): 2 created, 0 updated, 0 unchanged\n"))
    #expect(first.out.contains("  registers: 1 created, 0 updated, 1 unchanged\n"))
    #expect(first.out.contains("  pe-norms: 2 created, 0 updated, 0 unchanged\n"))
    #expect(first.out.contains("  coaches: 15 created, 0 updated, 0 unchanged\n"))
    let second = jobcoach(["import", samplesPath, "--db", db])
    #expect(second.code == 0)
    #expect(second.out.hasPrefix("nothing changed: 178 records already in the registry as given\n"))
  }

  @Test func anErrorInTheLastRecordOfTheLastFileWritesNothing() throws {
    let scratch = Scratch()
    let db = scratch.file("r.sqlite")
    _ = jobcoach(["init", "--db", db])
    _ = jobcoach(["import", samplesPath + "/organisations.json", "--db", db])
    let before = try #require(bytes(db))
    let walBefore = bytes(db + "-wal")
    let bad = scratch.write(
      "zz-last.json",
      """
      {"kind": "placements", "schemaVersion": 1, "placements": [
        {"id": "PL-OK", "employer": "ORG-KORENSCHOOF", "worker": "W-1", "start": "2026-01-01"},
        {"id": "PL-BAD", "employer": "ORG-KORENSCHOOF", "coach": "JC-0404", "worker": "W-2",
         "start": "2026-01-01"}]}
      """)
    let run = jobcoach(["import", samplesPath, bad, "--db", db])
    #expect(run.code == 65)
    #expect(run.out == "")
    #expect(
      run.err == "error: \(bad)#/placements/1/coach: no coach with id 'JC-0404' in this import or "
        + "the registry\nerror: 1 problem in the input; nothing was written\n")
    #expect(bytes(db) == before)
    #expect(bytes(db + "-wal") == walBefore)
    let list = jobcoach(["list", "--db", db])
    #expect(list.out == "ID  NAME  KIND  ORGANISATION\n0 rows on 2026-03-02\n")
  }

  @Test func everyProblemIsReportedWithFileAndPointer() {
    let scratch = Scratch()
    let db = scratch.file("r.sqlite")
    _ = jobcoach(["init", "--db", db])
    let bad = scratch.write(
      "bad.json",
      """
      {"kind": "coaches", "schemaVersion": 1, "coaches": [
        {"id": "JC-1", "name": "A", "nickname": "x"},
        {"id": 7, "name": "B"},
        {"name": "C", "employments": [{"organisation": "ORG", "kind": "internal", "from": "2024-13-01"}]}]}
      """)
    let run = jobcoach(["import", bad, "--db", db])
    #expect(run.code == 65)
    #expect(
      run.err == """
        error: \(bad)#/coaches/0/nickname: unknown field 'nickname'
        error: \(bad)#/coaches/1/id: expected an id as a string, found a number
        error: \(bad)#/coaches/2: missing required field 'id'
        error: \(bad)#/coaches/2/employments/0/from: '2024-13-01' is not a calendar date (YYYY-MM-DD, a day that exists)
        error: 4 problems in the input; nothing was written

        """)
  }

  @Test func dryRunWritesNothing() {
    let scratch = Scratch()
    let db = scratch.file("r.sqlite")
    _ = jobcoach(["init", "--db", db])
    let run = jobcoach(["import", "--dry-run", samplesPath, "--db", db])
    #expect(run.code == 0)
    #expect(run.out.hasPrefix("dry run, nothing written: 16 files would give 177 created"))
    #expect(jobcoach(["show", "JC-0001", "--db", db]).code == 65)
  }

  @Test func importNeedsAnExistingRegistry() {
    let scratch = Scratch()
    let run = jobcoach(["import", samplesPath, "--db", scratch.file("r.sqlite")])
    #expect(run.code == 66)
  }

  @Test func aFileThatIsNotARegistryExits70AndIsUntouched() {
    let scratch = Scratch()
    let path = scratch.write("r.sqlite", String(repeating: "not a database\n", count: 100))
    let before = bytes(path)
    let run = jobcoach(["import", samplesPath, "--db", path])
    #expect(run.code == 70)
    #expect(run.err.contains("is not a jobcoach registry or is damaged"))
    #expect(bytes(path) == before)
  }
}

struct ListAndShowCommandTests {
  @Test func listsByKindInEveryFormat() throws {
    let text = jobcoach(["list", "--kind", "internal", "--file", samplesPath])
    #expect(text.code == 0)
    #expect(text.out.hasPrefix("ID       NAME            KIND      ORGANISATION\n"))
    #expect(
      text.out.contains(
        "JC-0010  Johan Koster    internal  Bakkerij De Korenschoof B.V. (ORG-KORENSCHOOF)\n"))
    #expect(text.out.hasSuffix("3 rows on 2026-03-02\n"))
    let csv = jobcoach(["list", "--kind", "external", "--format", "csv", "--file", samplesPath])
    #expect(
      csv.out.hasPrefix(
        "id,name,kind,organisation,organisationName\r\nJC-0006,Fatima El Amrani,external,ORG-JOBCOACHPLUS,JobcoachPlus Noord-Holland\r\n"
      ))
    let json = try jobcoach(["list", "--format", "json", "--file", samplesPath]).json()
    guard case .array(let coaches)? = json["coaches"] else {
      Issue.record("no coaches")
      return
    }
    // JC-0012's employment starts later in the year: listed without a kind.
    #expect(coaches.count == 15)
    #expect(json["on"] == .string("2026-03-02"))
  }

  @Test func showsACoach() throws {
    let text = jobcoach(["show", "JC-0005", "--file", samplesPath])
    #expect(text.code == 0)
    #expect(
      text.out.hasPrefix(
        "Eva Smit (JC-0005)\n\nemployments:\n  internal coach at Bakkerij De Korenschoof B.V. (ORG-KORENSCHOOF), 2018-04-01 to 2025-12-31\n  municipal coach at Gemeente Zaanstad (ORG-ZAANSTAD), 2026-01-01 to open end\n"
      ))
    let json = try jobcoach(["show", "JC-0010", "--format", "json", "--file", samplesPath]).json()
    guard case .array(let placements)? = json["placements"] else {
      Issue.record("no placements")
      return
    }
    #expect(placements.count == 1)
  }
}

struct ToolTests {
  @Test func helpListsEveryCommandOnStdout() {
    let run = jobcoach(["--help"])
    #expect(run.code == 0)
    #expect(run.err == "")
    for command in ["init", "import", "verify", "show", "list"] {
      #expect(run.out.contains("\n  \(command) "), "\(command)")
    }
  }

  @Test(arguments: commandNames)
  func everyCommandHasHelp(_ command: String) {
    let run = jobcoach(command.split(separator: " ").map(String.init) + ["--help"])
    #expect(run.code == 0)
    #expect(run.out.hasPrefix("usage: jobcoach \(command)"))
    #expect(run.out.contains("--help"))
  }

  @Test(arguments: ["placement", "hours"])
  func aGroupWithoutSubCommandIsAUsageError(_ group: String) {
    let run = jobcoach([group])
    #expect(run.code == 64)
    #expect(run.err.hasPrefix("error: '\(group)' needs a sub-command\n"))
  }

  @Test func unknownCommandIsAUsageError() {
    let run = jobcoach(["frobnicate"])
    #expect(run.code == 64)
    #expect(run.err.hasPrefix("error: unknown command 'frobnicate'\n"))
  }

  @Test func initTwiceKeepsTheRegistry() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let again = jobcoach(["--db", db, "init"])
    #expect(again.code == 0)
    #expect(again.out == "registry '\(db)' is ready (schema version 15)\n")
    #expect(jobcoach(["show", "JC-0001", "--db", db]).code == 0)
    let attributes = try FileManager.default.attributesOfItem(atPath: db)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
  }
}

/// Every command's name, one or two words.
let commandNames: [String] = JobcoachTool.commands.map { command in command.spec.name }
