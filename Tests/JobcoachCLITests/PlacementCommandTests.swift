import Foundation
import Testing

@testable import JobcoachCLI
@testable import JobcoachCore

extension JSONValue {
  subscript(key: String) -> JSONValue? {
    guard case .object(let object) = self else { return nil }
    return object[key]
  }
  var array: [JSONValue] {
    guard case .array(let values) = self else { return [] }
    return values
  }
}

struct PlacementShowTests {
  /// Each sample placement on 2026-11-23, as Samples/README.md describes it: exit code, the
  /// rules with error findings, the rules with warnings, hours booked and reimbursable, amount.
  @Test(arguments: [
    ("PL-2024-001", 0, [String](), ["K-3", "P-7"], "93.5", "92.5", 786_250),
    ("PL-2026-001", 0, [], [], "22", "22", 110_000),
    ("PL-2026-002", 0, [], [], "0", "0", 0),
    ("PL-2026-008", 1, ["F-1"], ["K-5"], "36", "36", 324_000),
    ("PL-2026-009", 0, [], ["P-3", "P-4", "P-8"], "12.5", "10", 80_000),
    ("PL-2026-010", 1, ["P-5"], [], "18", "16.5", 140_250),
    ("PL-2026-011", 0, [], ["K-4"], "16.5", "16.5", 0),
  ])
  func samplePlacementsAreAsIntended(
    _ id: String, _ code: Int32, _ errors: [String], _ warnings: [String], _ booked: String,
    _ reimbursable: String, _ cents: Int
  ) throws {
    let run = jobcoach([
      "placement", "show", id, "--on", "2026-11-23", "--file", samplesPath, "--format", "json",
    ])
    #expect(run.code == code, "\(run.err)")
    let result = JSONValue.object(try run.json())
    let findings = result["findings"]?.array ?? []
    func rules(_ severity: String) -> [String] {
      Array(
        Set(
          findings.filter { $0["severity"] == .string(severity) }.compactMap {
            if case .string(let rule)? = $0["rule"] { rule } else { nil }
          })
      ).sorted()
    }
    #expect(rules("error") == errors)
    #expect(rules("warning") == warnings)
    #expect(result["hours"]?["booked"] == .number(booked))
    #expect(result["hours"]?["reimbursable"] == .number(reimbursable))
    #expect(result["hours"]?["amountCents"] == .number(String(cents)))
    #expect(result["inOrder"] == .bool(code == 0))
  }

  @Test func overBudgetShowsWhatIsLeftAsANegativeAmount() throws {
    let run = jobcoach([
      "placement", "show", "PL-2026-008", "--on", "2026-11-23", "--file", samplesPath,
      "--format", "json",
    ])
    let budget = JSONValue.object(try run.json())["budget"]?.array ?? []
    #expect(budget.count == 1)
    #expect(budget.first?["years"] == .string("year 1"))
    #expect(budget.first?["limitCents"] == .number("270000"))
    #expect(budget.first?["spentCents"] == .number("324000"))
    #expect(budget.first?["leftCents"] == .number("-54000"))
  }

  @Test func textStartsWithTheVerdictAndNamesTheRules() {
    let run = jobcoach([
      "placement", "show", "PL-2026-010", "--on", "2026-11-23", "--file", samplesPath,
    ])
    #expect(run.code == 1)
    #expect(run.out.hasPrefix("NOT IN ORDER: placement PL-2026-010 on 2026-11-23; not met: P-5\n"))
    #expect(
      run.out.contains("absent: sick 2026-08-03 to 2026-08-30, coaching approved on 2026-08-03"))
    #expect(run.out.contains("hours up to 2026-11-23: 18 booked, 16.5 reimbursable (EUR 1,402.50)"))
  }

  @Test func thirdYearWithMotivationUsesTheMotivatedBudget() throws {
    let run = jobcoach([
      "placement", "show", "PL-2024-001", "--on", "2026-11-23", "--file", samplesPath,
      "--format", "json",
    ])
    let result = JSONValue.object(try run.json())
    let budget = result["budget"]?.array ?? []
    #expect(budget.map { $0["years"] } == [.string("years 1-2"), .string("year 3")])
    #expect(budget.last?["maximumCents"] == .number("140000"))
    #expect(budget.last?["limitCents"] == .number("240000"))
    let f5 = (result["findings"]?.array ?? []).filter { $0["rule"] == .string("F-5") }
    #expect(f5.map { $0["outcome"] } == [.string("met")])
  }

  @Test func unknownPlacementIsBadInput() {
    let run = jobcoach(["placement", "show", "PL-9999", "--file", samplesPath])
    #expect(run.code == 65)
    #expect(run.err == "error: no placement with id 'PL-9999' in the registry\n")
  }

  @Test func verifyWithAPlacementChecksItsGrant() throws {
    let run = jobcoach([
      "verify", "JC-0006", "--as", "external", "--placement", "PL-2024-001", "--on", "2026-11-23",
      "--file", samplesPath, "--format", "json",
    ])
    #expect(run.code == 0, "\(run.err)")
    let findings = JSONValue.object(try run.json())["findings"]?.array ?? []
    let funding = findings.filter {
      if case .string(let rule)? = $0["rule"] { rule.hasPrefix("F-") } else { false }
    }
    #expect(funding.contains { $0["rule"] == .string("F-5") && $0["outcome"] == .string("met") })
    #expect(funding.contains { $0["rule"] == .string("F-3") && $0["outcome"] == .string("met") })
  }
}

struct HoursCommandTests {
  @Test func reportSumsAPeriodPerGoalWithEveryReason() throws {
    let run = jobcoach([
      "hours", "report", "PL-2026-009", "--period", "2026-03-01..2026-08-31", "--file",
      samplesPath, "--format", "json",
    ])
    #expect(run.code == 0, "\(run.err)")
    let report = JSONValue.object(try run.json())
    #expect(report["totals"]?["booked"] == .number("12.5"))
    #expect(report["totals"]?["reimbursable"] == .number("10"))
    #expect(report["totals"]?["notReimbursable"] == .number("2.5"))
    #expect(report["totals"]?["amountCents"] == .number("80000"))
    let excluded = report["notReimbursed"]?.array ?? []
    #expect(excluded.map { $0["rule"] } == [.string("P-4"), .string("P-3")])
    #expect(excluded.map { $0["hours"] } == [.number("1.5"), .number("1")])
    let lines = report["lines"]?.array ?? []
    #expect(
      lines.map { $0["goals"] } == [.array([]), .array([.string("G1")]), .array([.string("G3")])])
    #expect(lines.map { $0["amountCents"] } == [.number("0"), .number("64000"), .number("16000")])
  }

  @Test func reportListsHoursDuringApprovedAbsence() throws {
    let run = jobcoach([
      "hours", "report", "PL-2026-010", "--period", "2026-04-01..2026-09-30", "--file",
      samplesPath,
    ])
    #expect(run.code == 0)
    #expect(
      run.out.contains("\ntotal  ") && run.out.contains("14      12.5          1.5  EUR 1,062.50\n")
    )
    #expect(run.out.contains("P-5  the worker was sick (2026-05-11 to 2026-05-24)"))
    #expect(run.out.contains("during an absence, with the funder's written approval (P-5)"))
  }

  @Test func reportAsCSVEndsWithTheTotal() {
    let run = jobcoach([
      "hours", "report", "PL-2026-009", "--period", "2026-03-01..2026-08-31", "--file",
      samplesPath, "--format", "csv",
    ])
    #expect(
      run.out.hasPrefix(
        "goals,categories,booked_hours,reimbursable_hours,not_reimbursable_hours,amount_cents\r\n"))
    #expect(run.out.hasSuffix("total,,12.5,10,2.5,80000\r\n"))
  }

  @Test(arguments: [
    (["--period", "2026-03-01"], "--period takes two dates as START..END"),
    (["--period", "2026-08-31..2026-03-01"], "the period ends (2026-03-01) before it starts"),
    ([], "missing --period START..END"),
  ])
  func reportPeriodMistakesAreUsageErrors(_ extra: [String], _ message: String) {
    let run = jobcoach(["hours", "report", "PL-2026-009", "--file", samplesPath] + extra)
    #expect(run.code == 64)
    #expect(run.err.contains(message))
  }

  @Test func importAddsBookingsAndAgainChangesNothing() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let file = scratch.write(
      "b.json",
      """
      {"kind": "hour-bookings", "schemaVersion": 1, "bookings": [
        {"id": "BK-NEW", "placement": "PL-2026-009", "coach": "JC-0007", "date": "2026-11-19",
         "hours": 2, "goals": ["G1"], "contact": "visit"}]}
      """)
    let first = jobcoach(["hours", "import", file, "--db", db])
    #expect(first.code == 0, "\(first.err)")
    #expect(first.out.hasPrefix("imported 1 file: 1 created, 0 updated, 0 unchanged\n"))
    let again = jobcoach(["hours", "import", file, "--db", db])
    #expect(again.out.hasPrefix("nothing changed: 1 record already in the registry as given\n"))
    let shown = jobcoach(["placement", "show", "PL-2026-009", "--on", "2026-11-23", "--db", db])
    #expect(shown.out.contains("14.5 booked, 12 reimbursable (EUR 960.00)"))
  }

  @Test func importRefusesOtherDocumentsAndUnknownPlacementsAndWritesNothing() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let before = try #require(bytes(db))
    let wrongKind = jobcoach(["hours", "import", samplesPath + "/coaches.json", "--db", db])
    #expect(wrongKind.code == 65)
    #expect(
      wrongKind.err.contains(
        "coaches.json#/kind: this is a 'coaches' document; 'hours import' reads only 'hour-bookings'"
      ))
    let stray = scratch.write(
      "stray.json",
      """
      {"kind": "hour-bookings", "schemaVersion": 1, "bookings": [
        {"id": "BK-X", "placement": "PL-0000", "coach": "JC-0007", "date": "2026-11-19",
         "hours": 2, "goals": ["G1"]}]}
      """)
    let unknown = jobcoach(["hours", "import", stray, "--db", db])
    #expect(unknown.code == 65)
    #expect(
      unknown.err.contains(
        "stray.json#/bookings/0/placement: no placement with id 'PL-0000' in this import or the registry"
      ))
    #expect(bytes(db) == before)
  }
}
