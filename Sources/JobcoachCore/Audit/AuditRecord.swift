/// What a change to the registry records in the audit trail: what changed and why. The store
/// adds when, which command and who, and chains it to the record before.
public struct AuditEntry: Hashable, Sendable {
  /// The kind of record changed (`coach`, `membership`, `document`, ...) and its id.
  public var subjectKind: String
  public var subjectID: String
  public var field: String
  public var oldValue: String?
  public var newValue: String?
  /// The SHA-256 of the imported document the change came from, if any.
  public var documentHash: String?
  /// The rule or reason.
  public var reason: String

  public init(
    subjectKind: String, subjectID: String, field: String, oldValue: String? = nil,
    newValue: String? = nil, documentHash: String? = nil, reason: String
  ) {
    self.subjectKind = subjectKind
    self.subjectID = subjectID
    self.field = field
    self.oldValue = oldValue
    self.newValue = newValue
    self.documentHash = documentHash
    self.reason = reason
  }
}

/// Who changes the registry, with which command, when.
public struct AuditContext: Hashable, Sendable {
  public var command: String
  public var actor: String
  /// The moment, as an ISO 8601 UTC timestamp (`2026-11-23T09:15:00Z`).
  public var timestamp: String
  /// The calendar day in Europe/Amsterdam, for `audit log --since`.
  public var day: CalendarDate

  public init(command: String, actor: String, timestamp: String, day: CalendarDate) {
    self.command = command
    self.actor = actor
    self.timestamp = timestamp
    self.day = day
  }
}

/// One record of the audit trail: never updated, never deleted. Its hash covers every field
/// and the previous record's hash, so changing, removing or inserting a record breaks the chain.
public struct AuditRecord: Hashable, Sendable {
  public var sequence: Int
  public var context: AuditContext
  public var entry: AuditEntry
  public var previousHash: String
  public var hash: String

  /// The hash of the record before the first.
  public static let genesis = String(repeating: "0", count: 64)

  public init(sequence: Int, context: AuditContext, entry: AuditEntry, previousHash: String) {
    self.sequence = sequence
    self.context = context
    self.entry = entry
    self.previousHash = previousHash
    self.hash = ""
    self.hash = computedHash
  }

  /// As read back from storage, with the hash it was stored with.
  public init(
    sequence: Int, context: AuditContext, entry: AuditEntry, previousHash: String, hash: String
  ) {
    self.sequence = sequence
    self.context = context
    self.entry = entry
    self.previousHash = previousHash
    self.hash = hash
  }

  /// SHA-256 over the fields in a fixed order, each length-prefixed so no two records share
  /// their bytes; an absent value differs from an empty one. The sequence number is left out:
  /// it only orders the records, the previous hash is what chains them.
  public var computedHash: String {
    let fields: [String?] = [
      context.timestamp, context.day.description, context.command,
      context.actor, entry.subjectKind, entry.subjectID, entry.field, entry.oldValue,
      entry.newValue, entry.documentHash, entry.reason, previousHash,
    ]
    var hasher = SHA256()
    for field in fields {
      if let field {
        hasher.update("\(field.utf8.count):".utf8)
        hasher.update(field.utf8)
      } else {
        hasher.update("-;".utf8)
      }
    }
    return hasher.finalizeHex()
  }
}

/// Where an audit trail stops being trustworthy.
public struct AuditBreak: Hashable, Sendable, CustomStringConvertible {
  public enum Problem: Hashable, Sendable {
    /// The record's content no longer matches its hash.
    case changed
    /// The record it follows is not there: removed, or replaced by another.
    case predecessorMissing
    /// It follows an earlier record, so another was inserted between them.
    case inserted
  }
  /// The first record that does not check out.
  public var sequence: Int
  public var problem: Problem

  public var description: String {
    switch problem {
    case .changed:
      "record \(sequence) was changed after it was written: its content does not match its hash"
    case .predecessorMissing:
      "the record before record \(sequence) was removed or replaced: record \(sequence) follows "
        + "a record that is not in the trail"
    case .inserted:
      "a record was inserted before record \(sequence): record \(sequence) follows an earlier "
        + "record, not the one before it"
    }
  }
}

public enum AuditChain {
  /// The first break in `records` (ordered by sequence), or nil when the chain is whole.
  public static func firstBreak(_ records: [AuditRecord]) -> AuditBreak? {
    var previousHash = AuditRecord.genesis
    var seen: Set<String> = [AuditRecord.genesis]
    for record in records {
      if record.computedHash != record.hash {
        return AuditBreak(sequence: record.sequence, problem: .changed)
      }
      if record.previousHash != previousHash {
        return AuditBreak(
          sequence: record.sequence,
          problem: seen.contains(record.previousHash) ? .inserted : .predecessorMissing)
      }
      seen.insert(record.hash)
      previousHash = record.hash
    }
    return nil
  }
}
