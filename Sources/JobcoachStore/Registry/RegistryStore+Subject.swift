import JobcoachCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Everything the registry holds about one coach: the right of access.
public struct SubjectRecord: Sendable {
  public var coach: Coach
  public var portfolio: Portfolio?
  /// One per register the coach is a member of.
  public var memberships: [Membership]
  public var placements: [Placement]
  public var bookings: [HourBooking]
  public var audit: [AuditRecord]
}

extension RegistryStore {
  /// Everything about `id`; nil when the registry holds no such coach.
  public func subjectRecord(_ id: CoachID) throws(StoreError) -> SubjectRecord? {
    guard let coach = try coach(id) else { return nil }
    return SubjectRecord(
      coach: coach,
      portfolio: try wrap { () throws(SQLiteError) in try loadPortfolio(id) },
      memberships: try memberships(of: id), placements: try placements(coachedBy: id),
      bookings: try wrap { () throws(SQLiteError) in
        try bookings(where: "WHERE coach_id = ? ORDER BY booked_day, id", [SQLValue(id)])
      }, audit: try auditRecords(subject: id.rawValue))
  }

  /// Removes a coach's personal data: the coach, their employments, qualifications,
  /// portfolio, membership and hour bookings, their entry in an imported public register and
  /// the words of every reason in the audit trail about them (the digests stay, so the chain
  /// stays whole); placements keep their other facts, without the coach's assignments. One more audit record says
  /// who erased whom and why; a reason that names the coach is refused, as it would outlive
  /// the erasure. Then the file is rewritten (`finishErasure`), so no byte of the data is left
  /// in it, its free pages or its write-ahead log.
  public func erase(_ id: CoachID, reason: String, audit: AuditContext) throws(StoreError)
    -> ErasureResult
  {
    let result = try wrap { () throws(SQLiteError) -> ErasureResult in
      try database.execute("PRAGMA secure_delete = ON")
      return try database.writeTransaction { () throws(SQLiteError) -> ErasureResult in
        let found = try database.prepare("SELECT name, register_number FROM coaches WHERE id = ?")
        try found.bind([SQLValue(id)])
        guard try found.step() else { return .noSuchCoach }
        let name = found.text(0) ?? ""
        var numbers = Set([found.text(1)].compactMap { $0 })
        found.reset()
        if Erasure.reason(reason, names: name) { return .reasonNamesTheCoach }
        let key = [SQLValue(id)]
        let membership = try database.prepare(
          "SELECT register_number FROM memberships WHERE coach_id = ?")
        try membership.bind(key)
        while try membership.step() {
          if let number = membership.text(0) { numbers.insert(number) }
        }
        membership.reset()
        var removedEntries = 0
        for number in numbers.sorted() {
          try database.prepare("DELETE FROM public_register WHERE register_number = ?").run([
            .text(number)
          ])
          removedEntries += database.changes
        }
        try database.prepare("DELETE FROM hour_bookings WHERE coach_id = ?").run(key)
        try database.prepare("DELETE FROM assignments WHERE coach_id = ?").run(key)
        try database.prepare("DELETE FROM memberships WHERE coach_id = ?").run(key)
        try database.prepare("DELETE FROM portfolios WHERE coach_id = ?").run(key)
        try database.prepare("DELETE FROM coaches WHERE id = ?").run(key)
        let reasons = try eraseAuditReasons(about: id.rawValue)
        try appendAudit(
          [
            AuditEntry(
              subjectKind: "coach", subjectID: id.rawValue, field: "personal data",
              oldValue: nil, newValue: "erased", reason: reason)
          ], context: audit)
        return .erased(
          Erasure(
            auditReasonsErased: reasons, publicRegisterEntriesRemoved: removedEntries,
            fileIsClean: false))
      }
    }
    guard case .erased(var erasure) = result else { return result }
    erasure.fileIsClean = try finishErasure()
    return .erased(erasure)
  }

  /// Rewrites the registry file from its live content (`VACUUM`: no free page, no slack
  /// space keeps old bytes) and empties the write-ahead log into it. False when another
  /// program still reads an older state, so old pages remain in the log: run again once it is
  /// closed (the busy handler waits for it as `WaitPolicy` says).
  public func finishErasure() throws(StoreError) -> Bool {
    guard path != Self.inMemoryPath else { return true }
    return try wrap { () throws(SQLiteError) -> Bool in
      try database.execute("PRAGMA secure_delete = ON")
      try database.execute("VACUUM")
      let checkpoint = try database.prepare("PRAGMA wal_checkpoint(TRUNCATE)")
      guard try checkpoint.step() else { return false }
      let busy = checkpoint.int(0)
      checkpoint.reset()
      return busy == 0 && Self.fileSize(path + "-wal") == 0
    }
  }

  static func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
  }
}

/// What `erase` did.
public enum ErasureResult: Hashable, Sendable {
  case noSuchCoach
  /// The reason names the coach: it would stay in the audit trail after the erasure.
  case reasonNamesTheCoach
  case erased(Erasure)
}

public struct Erasure: Hashable, Sendable {
  /// Reasons in the audit trail whose words were erased (digests kept).
  public var auditReasonsErased: Int
  /// Entries of imported public registers removed.
  public var publicRegisterEntriesRemoved: Int
  /// Whether the file and its write-ahead log hold no old page any more.
  public var fileIsClean: Bool

  /// Dutch name particles (tussenvoegsels), which alone name nobody.
  static let particles: Set<String> = [
    "van", "der", "den", "de", "het", "ter", "ten", "te", "op", "in", "'t", "la", "le", "du",
  ]

  /// Whether `reason` names the person called `name`: any word of the name of two letters or
  /// more, particles aside, as a word of the reason (case and accents as written).
  static func reason(_ reason: String, names name: String) -> Bool {
    func words(_ text: String) -> [String] {
      text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
    }
    let nameWords = Set(words(name).filter { $0.count >= 2 && !particles.contains($0) })
    return words(reason).contains { nameWords.contains($0) }
  }
}
