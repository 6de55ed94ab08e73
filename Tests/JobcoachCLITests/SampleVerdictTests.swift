import Testing

@testable import JobcoachCLI
@testable import JobcoachCore

/// Every sample gives the verdict `Samples/README.md` says it shows.
struct SampleVerdictTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var arguments: String
    var eligible: Bool
    var errors: Set<String>
    var warnings: Set<String> = []
    var testDescription: String { arguments }
  }

  static let cases: [Case] = [
    Case(arguments: "JC-0001 --as municipal --on 2026-03-02", eligible: true, errors: []),
    Case(arguments: "JC-0002 --as municipal --on 2026-03-02", eligible: true, errors: []),
    Case(arguments: "JC-0003 --as municipal --on 2026-03-02", eligible: false, errors: ["Q-MUN-1"]),
    Case(arguments: "JC-0004 --as municipal --on 2026-03-01", eligible: false, errors: ["Q-MUN-2"]),
    Case(arguments: "JC-0004 --as municipal --on 2026-03-02", eligible: true, errors: []),
    Case(arguments: "JC-0005 --as municipal --on 2026-03-02", eligible: false, errors: ["Q-MUN-2"]),
    Case(
      arguments: "JC-0005 --as internal --on 2025-12-31", eligible: false,
      errors: ["Q-INT-3", "Q-INT-4"]),
    Case(
      arguments: "JC-0006 --as external --on 2026-03-02 --policy POL-ZAANSTAD", eligible: true,
      errors: []),
    Case(
      arguments: "JC-0006 --as external --on 2026-04-01 --placement PL-2026-005", eligible: true,
      errors: []),
    Case(
      arguments: "JC-0007 --as external --on 2026-06-30 --policy POL-ZAANSTAD", eligible: true,
      errors: []),
    Case(
      arguments: "JC-0007 --as external --on 2026-07-01 --policy POL-ZAANSTAD", eligible: false,
      errors: ["Q-EXT-1", "Q-POL-2"]),
    Case(arguments: "JC-0008 --as external --on 2026-04-14", eligible: true, errors: []),
    Case(arguments: "JC-0008 --as external --on 2026-04-15", eligible: false, errors: ["Q-EXT-1"]),
    Case(
      arguments: "JC-0008 --as external --on 2026-04-14 --policy POL-ZAANSTAD", eligible: false,
      errors: ["Q-POL-2"]),
    Case(
      arguments: "JC-0009 --as external --on 2026-06-30 --policy POL-ZAANSTAD", eligible: false,
      errors: ["Q-POL-2"]),
    Case(
      arguments: "JC-0009 --as external --on 2026-07-01 --policy POL-ZAANSTAD", eligible: true,
      errors: []),
    Case(
      arguments: "JC-0009 --as external --on 2026-06-01 --placement PL-2026-006", eligible: false,
      errors: ["Q-POL-2"]),
    Case(
      arguments: "JC-0010 --as internal --on 2026-03-02 --placement PL-2026-001", eligible: true,
      errors: []),
    Case(
      arguments: "JC-0010 --as internal --on 2026-03-02", eligible: false,
      errors: ["Q-INT-3", "Q-INT-4"]),
    Case(
      arguments:
        "JC-0010 --as internal --on 2026-03-02 --placement PL-2026-001 --policy POL-PURMEREND",
      eligible: false, errors: ["Q-POL-1"]),
    Case(
      arguments: "JC-0011 --as internal --on 2026-03-02 --placement PL-2026-002", eligible: false,
      errors: ["Q-INT-2", "Q-INT-4"]),
    Case(
      arguments: "JC-0012 --as internal --on 2026-09-01 --placement PL-2026-003", eligible: false,
      errors: ["Q-INT", "Q-INT-3"], warnings: ["Q-INT-1"]),
    Case(
      // The employment starts the day after the assignment does (Q-ASG-1, a warning).
      arguments: "JC-0012 --as internal --on 2026-09-02 --placement PL-2026-003", eligible: false,
      errors: ["Q-INT-3"], warnings: ["Q-ASG-1", "Q-INT-1"]),
    Case(
      arguments: "JC-0013 --as internal --on 2026-03-02", eligible: false,
      errors: ["Q-INT", "Q-INT-3", "Q-INT-4"]),
    Case(
      arguments: "JC-0013 --as external --on 2026-03-02 --policy POL-ZAANSTAD", eligible: true,
      errors: []),
    Case(
      arguments: "JC-0014 --as external --on 2026-06-30 --placement PL-2026-004", eligible: true,
      errors: [], warnings: ["Q-EXT-1", "Q-POL-3", "R-RE-1"]),
    Case(
      arguments: "JC-0014 --as external --on 2026-07-01 --placement PL-2026-004", eligible: false,
      errors: ["Q-EXT-1", "Q-POL-3"], warnings: ["R-RE-1"]),
    Case(
      arguments: "JC-0015 --as internal --on 2026-05-01 --placement PL-2026-007", eligible: false,
      errors: ["Q-INT-1"]),
  ]

  @Test(arguments: cases)
  func sampleGivesItsIntendedVerdict(_ sample: Case) throws {
    let arguments =
      ["verify"] + sample.arguments.split(separator: " ").map(String.init)
      + ["--file", samplesPath, "--format", "json"]
    let run = jobcoach(arguments)
    #expect(run.code == (sample.eligible ? 0 : 1), "\(run.err)")
    #expect(run.err == "")
    let result = try run.json()
    #expect(result["eligible"] == .bool(sample.eligible))
    guard case .array(let findings)? = result["findings"] else {
      Issue.record("no findings array")
      return
    }
    var errors: Set<String> = []
    var warnings: Set<String> = []
    for case .object(let finding) in findings {
      guard case .string(let rule)? = finding["rule"],
        case .string(let severity)? = finding["severity"]
      else { continue }
      if severity == "error" { errors.insert(rule) }
      if severity == "warning" { warnings.insert(rule) }
    }
    #expect(errors == sample.errors)
    #expect(warnings == sample.warnings)
  }
}
