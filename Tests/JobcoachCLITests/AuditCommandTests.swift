import Foundation
import Testing

@testable import JobcoachCLI
@testable import JobcoachCore

struct AuditCommandTests {
  @Test func everyChangeIsRecordedWithItsActorAndTheTrailVerifies() throws {
    let scratch = Scratch()
    let db = scratch.file("r.sqlite")
    #expect(jobcoach(["init", "--db", db, "--actor", "Registrar A"]).code == 0)
    #expect(
      jobcoach(["import", samplesPath, "--db", db], environment: ["USER": "sysuser"]).code == 0)
    let removed = jobcoach([
      "register", "remove", "JC-0013", "--reason", "quality not delivered", "--on", "2026-11-23",
      "--db", db, "--actor", "Board",
    ])
    #expect(removed.code == 0, "\(removed.err)")

    let verify = jobcoach(["audit", "verify", "--db", db])
    #expect(verify.code == 0)
    #expect(verify.out.hasPrefix("WHOLE: 86 audit records, head "))

    let log = jobcoach(["audit", "log", "--subject", "JC-0013", "--db", db, "--format", "json"])
    let records = JSONValue.object(try log.json())["records"]?.array ?? []
    #expect(
      records.map { $0["actor"] } == [
        .string("sysuser"), .string("sysuser"), .string("sysuser"), .string("Board"),
      ])
    #expect(records.last?["field"] == .string("status"))
    #expect(records.last?["oldValue"] == .string("registered"))
    #expect(records.last?["newValue"] == .string("removed"))
    #expect(records.last?["reason"] == .string("BvJN R-RE-1: removed: quality not delivered"))

    let first = jobcoach(["audit", "log", "--db", db, "--format", "csv"])
    let lines = first.out.split(separator: "\r\n")
    // A header, 1 init, 16 documents (12 JSON, 4 CSV), 68 records (bookings and the tables'
    // rows only by their document; the seed's register as it was), 1 removal.
    #expect(lines.count == 87)
    #expect(lines[1].contains(",init,Registrar A,registry,registry,schemaVersion,,15,"))
    #expect(lines[2].contains(",import,sysuser,document,"))

    let later = jobcoach(["audit", "log", "--since", "2026-03-03", "--db", db])
    #expect(
      later.out
        == TextTable.render([
          ["#", "WHEN", "COMMAND", "WHO", "SUBJECT", "FIELD", "OLD", "NEW", "REASON"]
        ]))
  }

  @Test func aHeadThatIsGoneMeansTheTrailWasCutOff() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let ok = jobcoach(["audit", "verify", "--db", db, "--head", String(repeating: "a", count: 64)])
    #expect(ok.code == 1)
    #expect(ok.out.hasPrefix("BROKEN: no record has the head hash"))
  }

  @Test func aBlankActorIsAUsageError() {
    let scratch = Scratch()
    let run = jobcoach(["init", "--db", scratch.file("r.sqlite"), "--actor", " "])
    #expect(run.code == 64)
    #expect(run.err.hasPrefix("error: --actor takes a name of 1 to 100 characters on one line\n"))
  }
}
