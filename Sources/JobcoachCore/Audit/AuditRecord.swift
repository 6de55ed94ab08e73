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

/// One record of the audit trail: never deleted, never changed but for one thing: the free text
/// of its reason may be erased (when the coach it is about is erased), leaving its digest. Its
/// hash covers every field (the reason by that digest) and the previous record's hash, so
/// changing, removing or inserting a record breaks the chain, and erasing a reason does not.
public struct AuditRecord: Hashable, Sendable {
  public var sequence: Int
  public var context: AuditContext
  /// The change; its `reason` is empty once erased.
  public var entry: AuditEntry
  public var previousHash: String
  public var hash: String
  /// How the hash is made: 1 covers the reason's words (records written before schema 9,
  /// until the upgrade re-seals them), 2 covers the reason's SHA-256.
  public var chainVersion: Int
  /// The SHA-256 (hex) of the reason as written; for chain version 2.
  public var reasonDigest: String?
  /// Whether the reason's words were erased (only its digest is left).
  public var isReasonErased: Bool

  /// The hash of the record before the first.
  public static let genesis = String(repeating: "0", count: 64)

  /// The chain version new records are written with.
  public static let currentChainVersion = 2

  /// A new record, chained to `previousHash`.
  public init(sequence: Int, context: AuditContext, entry: AuditEntry, previousHash: String) {
    self.sequence = sequence
    self.context = context
    self.entry = entry
    self.previousHash = previousHash
    self.chainVersion = Self.currentChainVersion
    self.reasonDigest = SHA256.hex(Array(entry.reason.utf8))
    self.isReasonErased = false
    self.hash = ""
    self.hash = computedHash
  }

  /// As read back from storage, with the hash it was stored with.
  public init(
    sequence: Int, context: AuditContext, entry: AuditEntry, previousHash: String, hash: String,
    chainVersion: Int = 1, reasonDigest: String? = nil, isReasonErased: Bool = false
  ) {
    self.sequence = sequence
    self.context = context
    self.entry = entry
    self.previousHash = previousHash
    self.hash = hash
    self.chainVersion = chainVersion
    self.reasonDigest = reasonDigest
    self.isReasonErased = isReasonErased
  }

  /// SHA-256 over the fields in a fixed order, each length-prefixed so no two records share
  /// their bytes; an absent value differs from an empty one. The sequence number is left out:
  /// it only orders the records, the previous hash is what chains them. From chain version 2
  /// the reason enters as its digest, so its words can be erased without breaking the chain.
  public var computedHash: String {
    let reason = chainVersion >= 2 ? "sha256:" + (reasonDigest ?? "") : entry.reason
    let fields: [String?] = [
      context.timestamp, context.day.description, context.command,
      context.actor, entry.subjectKind, entry.subjectID, entry.field, entry.oldValue,
      entry.newValue, entry.documentHash, reason, previousHash,
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

  /// Whether the record is as it was written: its hash matches its fields, and a reason still
  /// there matches its digest.
  public var isIntact: Bool {
    guard computedHash == hash else { return false }
    guard chainVersion >= 2, !isReasonErased else { return true }
    return reasonDigest == SHA256.hex(Array(entry.reason.utf8))
  }

  /// The record with its reason's words erased: same place in the chain, same hash.
  public func erasingReason() -> AuditRecord {
    var copy = self
    copy.entry.reason = ""
    copy.isReasonErased = true
    return copy
  }
}

/// Where an audit trail stops being trustworthy.
public struct AuditBreak: Hashable, Sendable {
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
}

public enum AuditChain {
  /// The first break in `records` (ordered by sequence), or nil when the chain is whole.
  public static func firstBreak(_ records: [AuditRecord]) -> AuditBreak? {
    var previousHash = AuditRecord.genesis
    var seen: Set<String> = [AuditRecord.genesis]
    for record in records {
      if !record.isIntact {
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

  /// `records` (a whole trail, in order) sealed again with the current chain version: the
  /// upgrade that makes old reasons erasable. Nil when the trail is not whole: a broken trail
  /// is left as it is, for `audit verify` to name the break.
  public static func resealed(_ records: [AuditRecord]) -> [AuditRecord]? {
    guard firstBreak(records) == nil else { return nil }
    var previous = AuditRecord.genesis
    return records.map { record in
      let sealed = AuditRecord(
        sequence: record.sequence, context: record.context, entry: record.entry,
        previousHash: previous)
      previous = sealed.hash
      return sealed
    }
  }
}
