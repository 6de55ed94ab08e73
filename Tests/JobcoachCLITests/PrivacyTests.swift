import Foundation
import Testing

@testable import JobcoachCLI
@testable import JobcoachCore
@testable import JobcoachStore

func mode(_ path: String) -> Int? {
  (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
}

struct PrivacyTests {
  @Test func exportSubjectHoldsEverythingAboutTheCoach() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let run = jobcoach(["export", "subject", "JC-0013", "--db", db])
    #expect(run.code == 0, "\(run.err)")
    let export = JSONValue.object(try run.json())
    #expect(export["coach"]?["name"] == .string("Mila Postma"))
    #expect((export["coach"]?["employments"]?.array.count ?? 0) == 2)
    #expect(export["memberships"]?.array.map { $0["registerNumber"] } == [.string("RJC-00013")])
    #expect(export["memberships"]?.array.first?["register"] == .string("BvJN"))
    #expect((export["portfolio"]?["peActivities"]?.array.count ?? 0) > 0)
    #expect((export["bookings"]?.array.count ?? 0) == 10)
    #expect((export["audit"]?.array.count ?? 0) == 3)
    #expect(jobcoach(["export", "subject", "JC-9999", "--db", db]).code == 65)
  }

  @Test func anExportFileIsTheOwnersOnly() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let file = scratch.file("jc-0001.json")
    // Even over a file that anyone could read.
    #expect(
      FileManager.default.createFile(
        atPath: file, contents: Data("old".utf8), attributes: [.posixPermissions: 0o644]))
    // An existing file is replaced only when asked (issue 14, item 4).
    let refused = jobcoach(["export", "subject", "JC-0001", "--output", file, "--db", db])
    #expect(refused.code == 73)
    #expect(refused.err.contains("give --force to replace a file"))
    #expect(String(decoding: bytes(file) ?? Data(), as: UTF8.self) == "old")
    let run = jobcoach(["export", "subject", "JC-0001", "--output", file, "--force", "--db", db])
    #expect(run.code == 0, "\(run.err)")
    #expect(mode(file) == 0o600)
    #expect(String(decoding: bytes(file) ?? Data(), as: UTF8.self).contains("Anouk de Vries"))
    #expect(mode(db) == 0o600)
    #expect(mode(db + "-wal").map { $0 == 0o600 } ?? true)
    let unwritable = jobcoach([
      "export", "subject", "JC-0001", "--output", scratch.file("no/such/dir.json"), "--db", db,
    ])
    #expect(unwritable.code == 73)
  }

  @Test func eraseRemovesThePersonalDataAndKeepsTheAuditTrailWhole() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let run = jobcoach([
      "erase", "JC-0013", "--reason", "request of the coach, 2026-11-20", "--db", db,
      "--actor", "Privacy officer",
    ])
    #expect(run.code == 0, "\(run.err)")
    #expect(jobcoach(["export", "subject", "JC-0013", "--db", db]).code == 65)
    #expect(jobcoach(["audit", "verify", "--db", db]).out.hasPrefix("WHOLE: "))
    let log = jobcoach(["audit", "log", "--subject", "JC-0013", "--db", db, "--format", "json"])
    let records = JSONValue.object(try log.json())["records"]?.array ?? []
    #expect(records.last?["newValue"] == .string("erased"))
    #expect(records.last?["reason"] == .string("request of the coach, 2026-11-20"))
    #expect(records.last?["actor"] == .string("Privacy officer"))
    // The placement stays, without its coach; the name is nowhere in the file any more.
    let shown = jobcoach(["placement", "show", "PL-2026-010", "--on", "2026-11-23", "--db", db])
    #expect(shown.code != 65)
    #expect(!shown.out.contains("Mila Postma"))
    let file = try #require(bytes(db))
    #expect(file.range(of: Data("Mila Postma".utf8)) == nil)
    #expect(bytes(db + "-wal").map { $0.range(of: Data("Mila Postma".utf8)) == nil } ?? true)
  }

  @Test func eraseNeedsAReasonAndACoach() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    #expect(jobcoach(["erase", "JC-0013", "--db", db]).code == 64)
    #expect(jobcoach(["erase", "JC-9999", "--reason", "x", "--db", db]).code == 65)
  }

  @Test func aCorruptRegistryIsRefusedWithExit70AndLeftAsItIs() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    #expect(jobcoach(["audit", "verify", "--db", db]).code == 0)
    // Keep the SQLite header, scribble over the pages after it.
    var data = try #require(bytes(db))
    for offset in stride(from: 4096, to: data.count, by: 97) { data[offset] = 0xA5 }
    let broken = scratch.file("broken.sqlite")
    #expect(FileManager.default.createFile(atPath: broken, contents: data))
    let run = jobcoach(["check", "--db", broken, "--on", "2026-11-23"])
    #expect(run.code == 70, "\(run.out)")
    #expect(run.err.hasPrefix("error: "))
    #expect(bytes(broken) == data)
    let imported = jobcoach(["import", samplesPath + "/coaches.json", "--db", broken])
    #expect(imported.code == 70)
    #expect(bytes(broken) == data)
  }

  @Test func errorsNeverShowTheValuesBoundToSQL() throws {
    let store = try RegistryStore.inMemory()
    let insert = "INSERT INTO coaches (id, name) VALUES (?, ?)"
    try store.database.prepare(insert).run([.text("JC-1"), .text("Secret Name")])
    do {
      try store.database.prepare(insert).run([.text("JC-1"), .text("Secret Name")])
      Issue.record("a duplicate key was accepted")
    } catch {
      let text = "\(StoreError.database(path: "r.sqlite", error))"
      #expect(text.contains("UNIQUE constraint failed: coaches.id"))
      #expect(!text.contains("Secret Name") && !text.contains("JC-1"))
    }
  }
}
