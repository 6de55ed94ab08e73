import Foundation
import JobcoachTestSupport
import Testing

@testable import JobcoachCLI
@testable import JobcoachCore
@testable import JobcoachStore

struct CheckCommandTests {
  static let goldenPath = repositoryRoot + "/Tests/JobcoachCLITests/Golden/check-samples.json"

  /// The samples' every finding on 2026-11-23, reviewed by hand once (see Samples/README.md).
  /// After an intended change: JOBCOACH_UPDATE_GOLDEN=1 swift test --filter CheckCommandTests,
  /// then review the diff.
  @Test func samplesGiveExactlyTheGoldenFindings() throws {
    let run = jobcoach(["check", "--file", samplesPath, "--on", "2026-11-23", "--format", "json"])
    #expect(run.code == 1, "\(run.err)")
    if ProcessInfo.processInfo.environment["JOBCOACH_UPDATE_GOLDEN"] == "1" {
      try run.out.write(toFile: Self.goldenPath, atomically: true, encoding: .utf8)
    }
    let golden = try String(contentsOfFile: Self.goldenPath, encoding: .utf8)
    #expect(run.out == golden)
  }

  @Test func theSummaryCountsSubjectsAndSeverities() {
    let run = jobcoach([
      "check", "--file", samplesPath, "--on", "2026-11-23", "--severity", "warning",
    ])
    #expect(run.code == 1)
    #expect(
      run.out.hasSuffix(
        "checked 41 subjects (15 coaches, 6 organisations, 12 placements, 8 memberships) on "
          + "2026-11-23: 14 errors, 20 warnings, 0 notes\n"))
    #expect(
      run.out.contains("\nplacement PL-2026-008\n  NOT MET  F-1  EUR 3,240.00 spent in year 1"))
  }

  /// Text: a subject line, its findings indented two spaces (evidence further), a blank line.
  @Test func textGroupsFindingsUnderTheirSubject() {
    let run = jobcoach(["check", "--file", samplesPath, "--on", "2026-11-23"])
    let blocks = run.out.components(separatedBy: "\n\n")
    #expect(blocks.count > 30)  // subjects with findings, then the summary
    for block in blocks.dropLast() {
      let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(
        ["coach", "organisation", "placement", "membership"].contains {
          lines[0].hasPrefix($0 + " ")
        })
      #expect(lines.count > 1)
      #expect(
        lines.dropFirst().allSatisfy {
          $0.hasPrefix("  ") && !$0.hasPrefix("   ") || $0.hasPrefix("            ")
        })
    }
    #expect(
      blocks.last?.hasPrefix(
        "coaches without a placement are judged under G4 minimum requirements (default) (G4, "
          + "in force from 2015-01-01): the built-in default: no municipality named and none "
          + "set for the registry\nchecked 41 subjects") == true)
    #expect(run.out.contains("\n\nplacement PL-2026-008\n  met      F-6  policy POL-PURMEREND"))
  }

  @Test func filtersByRulePrefixAndExitsByWhatIsShown() throws {
    let warningsOnly = jobcoach([
      "check", "--file", samplesPath, "--on", "2026-11-23", "--rule", "K-", "--format", "csv",
    ])
    #expect(warningsOnly.code == 0)
    let lines = warningsOnly.out.split(separator: "\r\n")
    #expect(lines.first == "subject_kind,subject_id,rule,severity,outcome,reason,message")
    #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",")[2].hasPrefix("K-") })
    #expect(lines.count > 1)

    let errors = jobcoach([
      "check", "--file", samplesPath, "--on", "2026-11-23", "--rule", "Q-EXT", "--severity",
      "error", "--format", "json",
    ])
    #expect(errors.code == 1)
    let result = JSONValue.object(try errors.json())
    let subjects = (result["findings"]?.array ?? []).compactMap { $0["subject"]?["id"] }
    #expect(subjects == [.string("JC-0007"), .string("JC-0008"), .string("JC-0014")])
    #expect(result["summary"]?["errors"] == .number("3"))
  }

  @Test func aCleanRegistryExitsZero() {
    let run = jobcoach([
      "check", "--file", samplesPath + "/organisations.json", "--on", "2026-03-02",
    ])
    #expect(run.code == 0, "\(run.err)")
    #expect(run.out.hasSuffix("0 errors, 0 warnings, 4 notes\n"))
  }

  @Test func anUnknownSeverityIsAUsageError() {
    let run = jobcoach(["check", "--severity", "fatal"])
    #expect(run.code == 64)
    #expect(run.err.hasPrefix("error: unknown severity 'fatal'; choose error, warning or note\n"))
  }
}

struct StoreAgainstReferenceTests {
  /// The registry's answers (ordered scans, the SQL totals over the covering index) give the
  /// same check as the in-memory reference over the same documents, finding for finding.
  @Test(arguments: ["2026-03-02", "2026-11-23", "2026-12-14", "2027-06-01"])
  func theStoreChecksAsTheReferenceDoes(_ day: String) throws {
    let scratch = Scratch()
    let store = try RegistryStore.open(at: scratch.sampleRegistry())
    let reference = InMemoryRegistry(try DocumentLoader.load([samplesPath]))
    let date = try #require(CalendarDate(iso: day))
    let fast = try CheckRegistry(on: date).run(in: store)
    let slow = try CheckRegistry(on: date).run(in: reference)
    #expect(fast == slow)
    #expect(!fast.findings.isEmpty)
  }

  /// Reading every coach and membership in ordered scans gives what reading each one gives.
  @Test func bulkReadsEqualReadsOneByOne() throws {
    let scratch = Scratch()
    let store = try RegistryStore.open(at: scratch.sampleRegistry())
    let coaches = try store.allCoaches()
    #expect(coaches.count == 15)
    #expect(coaches.contains { !$0.employments.isEmpty && !$0.qualifications.isEmpty })
    #expect(try coaches == store.coachIDs().compactMap { try store.coach($0) })
    let memberships = try store.allMemberships()
    #expect(memberships.contains { !$0.statusChanges.isEmpty })
    #expect(memberships.contains { !$0.assessments.isEmpty })
    #expect(
      try memberships
        == Set(memberships.map(\.coach)).sorted().flatMap { try store.memberships(of: $0) })
    let placements = try store.allPlacements()
    #expect(placements.contains { $0.grant != nil && $0.plan != nil && !$0.absences.isEmpty })
    #expect(try placements == placements.compactMap { try store.placement($0.id) })
  }

  /// Coaches whose claims all stand get summed totals; a coach with a claim that needs a word
  /// of its own (R-PE-2) gets none and is judged from the portfolio. Both groups occur.
  @Test func totalsOnlyForCoachesWhoseClaimsAllStand() throws {
    let scratch = Scratch()
    let store = try RegistryStore.open(at: scratch.sampleRegistry())
    let date = try #require(CalendarDate(iso: "2026-11-23"))
    let rules = try store.registerRules(for: try store.register(.seedDefault))
    var cycles: [CoachID: RegisterCycle] = [:]
    for membership in try store.allMemberships()
    where membership.register == .seedDefault && membership.route == .entryRequirements
      && membership.status(on: date) == .registered
    {
      cycles[membership.coach] = membership.standing(on: date, in: rules.register).cycle
    }
    let totals = try store.cycleTotals(cycles, on: date, rules: rules)
    #expect(!totals.isEmpty)
    var judgedFromPortfolio = 0
    for (coach, cycle) in cycles {
      let portfolio = try #require(try store.portfolio(of: coach))
      let claims = portfolio.activities.filter {
        cycle.period.contains($0.date) && $0.category == .accredited
      }
      let allStand = claims.allSatisfy {
        rules.claimStands(code: $0.accreditationCode, on: $0.date, hours: $0.hours)
      }
      if let totals = totals[coach] {
        #expect(allStand, "\(coach)")
        let statement = rules.peStatement(portfolio, anchor: cycle.start, on: date)
        #expect(totals.accredited == statement.accredited, "\(coach)")
        #expect(totals.free == statement.free, "\(coach)")
      } else {
        #expect(!allStand, "\(coach)")
        judgedFromPortfolio += 1
      }
    }
    #expect(judgedFromPortfolio > 0)
  }
}

struct CSVFormulaTests {
  /// Issue 14, item 11: a cell that a spreadsheet would run cannot run.
  @Test(arguments: [
    ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("+1+1", "'+1+1"),
    ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("=1,2", "\"'=1,2\""),
    ("-", "'-"), ("-1.5", "-1.5"), ("+12", "+12"), ("-.5", "'-.5"), ("a=b", "a=b"), ("", ""),
  ])
  func aFormulaShowsAsText(_ text: String, _ field: String) {
    #expect(CSV.field(text) == field)
  }
}

struct CSVTests {
  @Test(arguments: [
    ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
    ("two\nlines", "\"two\nlines\""), ("cr\r", "\"cr\r\""), ("", ""), ("Zoë", "Zoë"),
  ])
  func fieldsAreQuotedOnlyWhenTheyMustBe(_ text: String, _ field: String) {
    #expect(CSV.field(text) == field)
  }

  @Test func aLineEndsInCRLF() {
    #expect(CSV.line(["a", "b,c", ""]) == "a,\"b,c\",\r\n")
  }

  /// Records written field by field read back as the fields written (a formula's guard, the
  /// apostrophe, aside), over random fields of commas, quotes, line breaks, formula starts
  /// and letters beyond ASCII; and the writer's records are `line`'s.
  @Test func writtenRecordsReadBackAsTheirFields() {
    var random = SplitMix(seed: 2026_12_03)
    let pieces: [String] = [
      "a", ",", "\"", "\n", "\r\n", "=", "+", "-", "@", "\t", "1", ".", "Zoë", "é", " ", ";",
    ]
    var records: [[String]] = []
    var writer = CSV.Writer()
    var lines = ""
    for _ in 0..<500 {
      var record: [String] = []
      for _ in 0..<(1 + random.next() % 6) {
        var field = ""
        for _ in 0..<(random.next() % 5) { field += pieces[Int(random.next() % 16)] }
        record.append(field)
      }
      // A record of one empty field is an empty line, which a reader skips.
      guard record != [""] else { continue }
      records.append(record)
      for field in record { writer.append(field) }
      writer.endRecord()
      lines += CSV.line(record)
    }
    #expect(writer.text == lines)
    let read = CSV.records(writer.text)
    #expect(read.count == records.count)
    for (written, back) in zip(records, read) {
      let unguarded = back.map { field in
        field.hasPrefix("'") && CSV.couldRunAsFormula(Array(field.utf8.dropFirst()))
          ? String(field.dropFirst()) : field
      }
      #expect(unguarded == written)
    }
  }
}
