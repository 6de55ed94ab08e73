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

/// The built `jobcoach` (by `swift build --build-tests`, as `.ci/run` does).
let jobcoachBinary = repositoryRoot + "/.build/debug/jobcoach"
let binaryIsBuilt = FileManager.default.isExecutableFile(atPath: jobcoachBinary)

/// Documents for `coaches` coaches with `activities` PE activities each, ids starting `prefix`.
func writeLoad(in directory: String, prefix: String, coaches: Int, activities: Int) throws {
  try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  var coachLines: [String] = []
  var portfolioLines: [String] = []
  for index in 0..<coaches {
    let id = "\(prefix)\(index)"
    coachLines.append(
      #"{"id": "\#(id)", "name": "Coach \#(id)", "employments": [{"organisation": "ORG-ZAANSTAD", "kind": "municipal", "from": "2020-01-01"}]}"#
    )
    let items = (0..<activities).map { number in
      #"{"id": "A\#(number)", "date": "2024-0\#(1 + number % 9)-1\#(number % 9)", "hours": 2, "title": "Course \#(number)", "provider": "Provider", "category": "free"}"#
    }
    portfolioLines.append(
      #"{"coach": "\#(id)", "peActivities": ["# + items.joined(separator: ",") + "]}")
  }
  try
    (#"{"kind": "coaches", "schemaVersion": 1, "coaches": ["# + coachLines.joined(separator: ",\n")
    + "]}")
    .write(toFile: directory + "/coaches.json", atomically: true, encoding: .utf8)
  try
    (#"{"kind": "portfolios", "schemaVersion": 1, "portfolios": ["#
    + portfolioLines.joined(separator: ",\n") + "]}")
    .write(toFile: directory + "/portfolios.json", atomically: true, encoding: .utf8)
}

func startJobcoach(_ arguments: [String]) throws -> Process {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: jobcoachBinary)
  process.arguments = arguments
  process.standardOutput = FileHandle.nullDevice
  process.standardError = Pipe()
  try process.run()
  return process
}

func count(_ table: String, in db: String) throws -> Int {
  let store = try RegistryStore.open(at: db)
  return Int(try store.database.scalarInt("SELECT count(*) FROM \(table)") ?? -1)
}

@Suite(.serialized)
struct CrashAndConcurrencyTests {
  /// Kills `jobcoach import` with SIGKILL at pseudo-random moments: after each kill the file
  /// passes SQLite's integrity check and holds all of the import or none of it.
  @Test(.enabled(if: binaryIsBuilt, "needs .build/debug/jobcoach (swift build --build-tests)"))
  func aKilledImportLeavesAllOrNothing() throws {
    let scratch = Scratch()
    let template = scratch.file("template.sqlite")
    #expect(jobcoach(["init", "--db", template]).code == 0)
    #expect(jobcoach(["import", samplesPath + "/organisations.json", "--db", template]).code == 0)
    let data = scratch.file("load")
    try writeLoad(in: data, prefix: "K-", coaches: 300, activities: 60)
    // How long an import runs here, so the kills fall across the whole of it.
    let timing = scratch.file("timing.sqlite")
    try FileManager.default.copyItem(atPath: template, toPath: timing)
    let started = Date()
    let whole = try startJobcoach(["import", data, "--db", timing])
    whole.waitUntilExit()
    #expect(whole.terminationStatus == 0)
    let duration = Date().timeIntervalSince(started)
    var random = SystemRandomNumberGenerator()
    var killedMidway = 0
    var completed = 0
    let kills = 12
    for round in 0..<kills {
      let db = scratch.file("r\(round).sqlite")
      try FileManager.default.copyItem(atPath: template, toPath: db)
      let process = try startJobcoach(["import", data, "--db", db])
      // Spread over the run: round r dies somewhere in the r-th twelfth of it.
      let moment =
        duration * (Double(round) + Double.random(in: 0..<1, using: &random)) / Double(kills)
      usleep(UInt32(moment * 1_000_000))
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        killedMidway += 1
      }
      process.waitUntilExit()
      if process.terminationReason == .exit {
        #expect(process.terminationStatus == 0)
        completed += 1
      }
      let store = try RegistryStore.open(at: db)
      let check = try store.database.prepare("PRAGMA integrity_check")
      #expect(try check.step() && check.text(0) == "ok", "round \(round)")
      let coaches = try count("coaches", in: db)
      let activities = try count("pe_activities", in: db)
      #expect(
        (coaches == 0 && activities == 0) || (coaches == 300 && activities == 18_000),
        "round \(round): \(coaches) coaches, \(activities) activities")
      #expect(AuditChain.firstBreak(try store.auditRecords()) == nil)
    }
    #expect(killedMidway >= kills / 2, "most kills should land during the import")
    print(
      "kill test: \(kills) rounds, \(killedMidway) killed during the import, \(completed) completed"
    )
  }

  /// Two processes change the registry at once: both succeed, one waiting for the other.
  @Test(.enabled(if: binaryIsBuilt, "needs .build/debug/jobcoach (swift build --build-tests)"))
  func concurrentWritersBothSucceedAndNothingIsLost() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let rounds = 5
    var operations = 0
    for round in 0..<rounds {
      let first = scratch.file("a\(round)")
      let second = scratch.file("b\(round)")
      try writeLoad(in: first, prefix: "A\(round)-", coaches: 100, activities: 20)
      try writeLoad(in: second, prefix: "B\(round)-", coaches: 100, activities: 20)
      let processes = [
        try startJobcoach(["import", first, "--db", db, "--actor", "writer A"]),
        try startJobcoach(["import", second, "--db", db, "--actor", "writer B"]),
        try startJobcoach([
          "register", "assess", "JC-0013", "--result", "insufficient", "--points",
          "round \(round)", "--on", "2026-11-23", "--db", db, "--actor", "writer C",
        ]),
      ]
      for process in processes {
        process.waitUntilExit()
        operations += 1
        let error =
          (process.standardError as? Pipe).map {
            String(decoding: $0.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
          } ?? ""
        #expect(process.terminationStatus == 0, "\(error)")
        #expect(!error.contains("locked"))
      }
    }
    #expect(try count("coaches", in: db) == 15 + rounds * 200)
    #expect(try count("pe_activities", in: db) >= rounds * 200 * 20)
    let store = try RegistryStore.open(at: db)
    #expect(try store.memberships(of: "JC-0013").first?.assessments.count ?? 0 >= rounds)
    let records = try store.auditRecords()
    #expect(AuditChain.firstBreak(records) == nil)
    #expect(records.map(\.sequence) == Array(1...records.count))
    print("concurrency test: \(operations) operations in \(rounds) rounds, none lost")
  }
}
