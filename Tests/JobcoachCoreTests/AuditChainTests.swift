import Testing

@testable import JobcoachCore

struct AuditChainTests {
  static let context = AuditContext(
    command: "import", actor: "tester", timestamp: "2026-11-23T09:00:00Z",
    day: CalendarDate(iso: "2026-11-23")!)

  /// A chain of `count` records about coaches C1, C2, ...
  static func chain(_ count: Int) -> [AuditRecord] {
    var records: [AuditRecord] = []
    var previous = AuditRecord.genesis
    for index in 1...count {
      let record = AuditRecord(
        sequence: index, context: context,
        entry: AuditEntry(
          subjectKind: "coach", subjectID: "C\(index)", field: "record", newValue: "created",
          reason: "import"), previousHash: previous)
      records.append(record)
      previous = record.hash
    }
    return records
  }

  @Test func aWholeChainHasNoBreak() {
    #expect(AuditChain.firstBreak(Self.chain(5)) == nil)
    #expect(AuditChain.firstBreak([]) == nil)
  }

  @Test func aChangedRecordIsNamed() {
    var records = Self.chain(5)
    records[2].entry.newValue = "updated"
    #expect(AuditChain.firstBreak(records) == AuditBreak(sequence: 3, problem: .changed))
  }

  @Test func aChangedRecordWithARecomputedHashBreaksTheNextOne() {
    var records = Self.chain(5)
    records[2].context.actor = "someone else"
    records[2].hash = records[2].computedHash
    #expect(AuditChain.firstBreak(records) == AuditBreak(sequence: 4, problem: .predecessorMissing))
  }

  @Test func aRemovedRecordIsFoundAtTheOneAfterIt() {
    var records = Self.chain(5)
    records.remove(at: 1)
    let broken = AuditChain.firstBreak(records)
    #expect(broken == AuditBreak(sequence: 3, problem: .predecessorMissing))
    #expect(
      broken?.description.hasPrefix("the record before record 3 was removed or replaced") == true)
  }

  @Test func anInsertedRecordIsFoundAtTheOneItPushedAside() {
    var records = Self.chain(5)
    let forged = AuditRecord(
      sequence: 3, context: Self.context,
      entry: AuditEntry(
        subjectKind: "membership", subjectID: "C9", field: "status", newValue: "registered",
        reason: "forged"), previousHash: records[1].hash)
    records.insert(forged, at: 2)
    for index in 3..<records.count { records[index].sequence += 1 }
    let broken = AuditChain.firstBreak(records)
    #expect(broken == AuditBreak(sequence: 4, problem: .inserted))
    #expect(broken?.description.hasPrefix("a record was inserted before record 4") == true)
  }

  @Test func absentAndEmptyValuesHashDifferently() {
    let empty = AuditRecord(
      sequence: 1, context: Self.context,
      entry: AuditEntry(subjectKind: "c", subjectID: "x", field: "f", oldValue: "", reason: "r"),
      previousHash: AuditRecord.genesis)
    let absent = AuditRecord(
      sequence: 1, context: Self.context,
      entry: AuditEntry(subjectKind: "c", subjectID: "x", field: "f", oldValue: nil, reason: "r"),
      previousHash: AuditRecord.genesis)
    #expect(empty.hash != absent.hash)
    #expect(empty.hash.count == 64)
  }
}
