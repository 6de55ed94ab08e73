import Foundation
import JobcoachCLI
import JobcoachCore
import JobcoachStore
import Testing

@testable import JobcoachServer

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An import over the web is one transaction: reads during one see the registry before or
/// after it, never a mix; a server killed in the middle of one leaves all of it or none.
@Suite(.serialized) struct ImportDuringReadsTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  static func run(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
    let output = CapturedOutput()
    let code = JobcoachTool.run(arguments, context: CommandContext(environment: [:], output: output))
    return (code, output.standardOutput, output.standardError)
  }

  /// A fresh directory whose name holds no digit.
  static func scratch() -> String {
    let letters = (0..<16).map { _ in String(UnicodeScalar(UInt8.random(in: 97...122))) }.joined()
    let path = NSTemporaryDirectory() + "jobcoach-web-" + letters
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// A registry with the samples, `count` more coaches (ids and names in letters), and the
  /// secret of an association's token.
  static func registry(in directory: String, coaches count: Int) throws -> (path: String, secret: String) {
    let path = directory + "/r.sqlite"
    #expect(run(["init", "--db", path]).code == 0)
    #expect(run(["import", root + "/Samples", "--db", path]).code == 0)
    let document = directory + "/coaches.json"
    try coachesDocument(count).write(toFile: document, atomically: true, encoding: .utf8)
    #expect(run(["import", document, "--db", path]).code == 0)
    let issued = run([
      "tokens", "issue", "--role", "association", "--name", "test", "--db", path, "--actor", "t",
    ])
    #expect(issued.code == 0)
    return (path, issued.out.trimmingCharacters(in: .newlines))
  }

  static func letters(_ number: Int) -> String {
    String(String(number, radix: 16).map { Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(String($0), radix: 16)!)) })
  }

  static func coachesDocument(_ count: Int) -> String {
    let coaches = (0..<count).map { #"{"id": "JC-X\#(letters($0))", "name": "Coach \#(letters($0))"}"# }
    return #"{"kind": "coaches", "schemaVersion": 1, "coaches": ["# + coaches.joined(separator: ", ") + "]}"
  }

  /// Every one of those coaches admitted to the association's register, in one document.
  static func membershipsDocument(_ count: Int) -> String {
    let members = (0..<count).map {
      #"{"coach": "JC-X\#(letters($0))", "registerNumber": "RJC-\#(10_000 + $0)", "register": "BvJN", "admittedOn": "2024-05-01", "route": "entry-requirements", "statusChanges": [{"date": "2024-05-01", "status": "registered", "rule": "R-ADM-1", "decision": "admitted"}]}"#
    }
    return #"{"kind": "memberships", "schemaVersion": 1, "memberships": ["# + members.joined(separator: ", ") + "]}"
  }

  static func importRequest(_ body: [UInt8], secret: String) -> String {
    "POST /api/v1/imports HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(secret)\r\n"
      + "Content-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
  }

  /// The entries of the association's register, read over the API.
  static func registerEntries(_ port: UInt16) -> Int? {
    guard let answer = HTTPServerTests.get(port, "/api/v1/register?register=BvJN&on=2026-11-23"),
      answer.status == 200, case .object(let object)? = try? JSONParser.parse(answer.body),
      case .array(let entries)? = object["entries"]
    else { return nil }
    return entries.count
  }

  @Test func readsDuringAnImportSeeTheRegistryBeforeOrAfterNeverAMix() throws {
    let directory = Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let added = 500
    let (path, secret) = try Self.registry(in: directory, coaches: added)
    let pool = try ConnectionPool(path: path, count: 4)
    let site = WebFrontEnd(today: { CalendarDate(iso: "2026-11-23")! })
    let server = HTTPServer(limits: .init(threads: 4)) { request in
      pool.with { site.respond(to: request, store: $0) } ?? WebFrontEnd.unavailable()
    }
    try server.start(listening: "127.0.0.1:0")
    defer { server.stop() }
    let port = server.port
    let before = try #require(Self.registerEntries(port))

    final class Seen: @unchecked Sendable {
      var counts: [Int: Int] = [:]
      var reads = 0
      var importStatus: Int?
      let lock = NSLock()
    }
    let seen = Seen()
    let body = Array(Self.membershipsDocument(added).utf8)
    Thread.detachNewThread {
      usleep(20_000)
      let answer = HTTPServerTests.exchange(port: port, Self.importRequest(body, secret: secret), body: body)
      seen.lock.withLock { seen.importStatus = answer?.status ?? -1 }
    }
    // Four readers until the import is answered and at least 1,000 reads are done.
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
      while true {
        let count = Self.registerEntries(port) ?? -1
        let done = seen.lock.withLock { () -> Bool in
          seen.counts[count, default: 0] += 1
          seen.reads += 1
          return seen.importStatus != nil && seen.reads >= 1_000
        }
        if done { break }
      }
    }
    #expect(seen.importStatus == 200)
    #expect(seen.reads >= 1_000)
    // Before or after, nothing between, and both seen.
    #expect(Set(seen.counts.keys) == [before, before + added], "\(seen.counts)")
  }

  /// The server program itself, killed (SIGKILL) at several moments of an import request.
  @Test func aServerKilledDuringAnImportLeavesAllOfItOrNone() throws {
    let server = try #require(Self.serverProgram(), "jobcoach-serve is built beside the tests")
    let directory = Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let added = 20_000
    let (path, secret) = try Self.registry(in: directory, coaches: added)
    let before = try RegistryStore.open(at: path).allMemberships().count
    let body = Array(Self.membershipsDocument(added).utf8)
    var outcomes: [Int] = []
    // The last run waits for the answer before the kill: then all of it must be there.
    for delay in [0, 20_000, 60_000, 150_000, 400_000, -1] {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: server)
      process.arguments = ["--db", path, "--listen", "127.0.0.1:0", "--threads", "2"]
      let errors = Pipe()
      process.standardError = errors
      try process.run()
      // The first line says where it listens.
      var said = Data()
      while !said.contains(UInt8(ascii: "\n")) {
        let chunk = errors.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        said += chunk
      }
      let text = String(decoding: said, as: UTF8.self)
      // "jobcoach serve: http://127.0.0.1:PORT/ ..."
      let address = text.firstRange(of: "http://").map { text[$0.upperBound...].prefix { $0 != "/" } }
      let port = address?.split(separator: ":").last.flatMap { UInt16($0) }
      guard let port else {
        process.terminate()
        process.waitUntilExit()
        Issue.record("no port in \(text)")
        return
      }
      let answered = DispatchSemaphore(value: 0)
      Thread.detachNewThread {
        _ = HTTPServerTests.exchange(port: port, Self.importRequest(body, secret: secret), body: body)
        answered.signal()
      }
      if delay < 0 { answered.wait() } else { usleep(useconds_t(delay)) }
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let now = try RegistryStore.open(at: path).allMemberships().count
      #expect(now == before || now == before + added, "after \(delay) µs: \(now)")
      outcomes.append(now - before)
      if now != before { break }
    }
    // The first kill came before the import was committed; the last after.
    #expect(outcomes.first == 0, "\(outcomes)")
    #expect(outcomes.last == added, "\(outcomes)")
  }

  /// `jobcoach-serve` in the directory of the running test program.
  static func serverProgram() -> String? {
    #if canImport(Glibc)
      var buffer = [CChar](repeating: 0, count: 4_096)
      let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
      guard length > 0 else { return nil }
      let executable = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      let directory = URL(fileURLWithPath: executable).deletingLastPathComponent().path
    #else
      guard let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") })
      else { return nil }
      let directory = URL(fileURLWithPath: bundle.bundlePath).deletingLastPathComponent().path
    #endif
    let path = directory + "/jobcoach-serve"
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
  }
}
