import JobcoachCore

/// The key a registry signs with: its public identifier and the file that holds it (the
/// private key itself never enters the registry).
public struct IssuingKey: Hashable, Sendable {
  public var did: String
  public var keyFile: String

  public init(did: String, keyFile: String) {
    self.did = did
    self.keyFile = keyFile
  }
}

/// An issuer whose signed public registers this registry accepts.
public struct TrustedIssuer: Hashable, Sendable {
  public var did: String
  public var name: String

  public init(did: String, name: String) {
    self.did = did
    self.name = name
  }
}

/// A statement this registry signed, as it keeps it for revocation.
public struct IssuedStatement: Hashable, Sendable {
  public var id: String
  public var issuer: String
  public var statusIndex: Int
  public var coach: CoachID
  public var verifiedOn: CalendarDate
  public var revoked: Bool
}

/// What revoking a statement found.
public enum Revocation: Hashable, Sendable {
  case revoked(IssuedStatement)
  case alreadyRevoked(IssuedStatement)
  case unknown
}

/// Keys, trusted issuers and issued statements (issue 19); every change is in the audit trail.
extension RegistryStore {
  /// The key in use for signing, if one was set with `keys use`.
  public func issuingKey() throws(StoreError) -> IssuingKey? {
    try wrap { () throws(SQLiteError) in
      let row = try database.cached("SELECT did, key_file FROM issuing_keys WHERE in_use = 1")
      defer { row.reset() }
      guard try row.step() else { return nil }
      return IssuingKey(did: row.text(0) ?? "", keyFile: row.text(1) ?? "")
    }
  }

  /// Makes `key` the one the registry signs with (the one before stays known, not in use).
  /// Returns the key in use before.
  @discardableResult
  public func useIssuingKey(_ key: IssuingKey, audit: AuditContext) throws(StoreError)
    -> IssuingKey?
  {
    let old = try issuingKey()
    guard old != key else { return old }
    try wrap { () throws(SQLiteError) in
      try database.writeTransaction { () throws(SQLiteError) in
        try database.cached("UPDATE issuing_keys SET in_use = 0 WHERE in_use = 1").run([])
        try database.cached(
          """
          INSERT INTO issuing_keys (did, key_file, in_use) VALUES (?, ?, 1)
          ON CONFLICT (did) DO UPDATE SET key_file = excluded.key_file, in_use = 1
          """
        ).run([.text(key.did), .text(key.keyFile)])
        try appendAudit(
          [
            AuditEntry(
              subjectKind: "registry", subjectID: "registry", field: "issuingKey",
              oldValue: old?.did, newValue: key.did,
              reason: "the key the registry signs statements and its public register with")
          ], context: audit)
      }
    }
    return old
  }

  public func trustedIssuers() throws(StoreError) -> [TrustedIssuer] {
    try wrap { () throws(SQLiteError) in
      let rows = try database.cached("SELECT did, name FROM trusted_issuers ORDER BY name, did")
      defer { rows.reset() }
      var issuers: [TrustedIssuer] = []
      while try rows.step() {
        issuers.append(TrustedIssuer(did: rows.text(0) ?? "", name: rows.text(1) ?? ""))
      }
      return issuers
    }
  }

  /// Trusts `issuer` (or renames one trusted already). Returns the one held before, if any.
  @discardableResult
  public func trust(_ issuer: TrustedIssuer, audit: AuditContext) throws(StoreError)
    -> TrustedIssuer?
  {
    let old = try trustedIssuers().first { $0.did == issuer.did }
    guard old != issuer else { return old }
    try wrap { () throws(SQLiteError) in
      try database.writeTransaction { () throws(SQLiteError) in
        try database.cached(
          """
          INSERT INTO trusted_issuers (did, name) VALUES (?, ?)
          ON CONFLICT (did) DO UPDATE SET name = excluded.name
          """
        ).run([.text(issuer.did), .text(issuer.name)])
        try appendAudit(
          [
            AuditEntry(
              subjectKind: "trusted-issuer", subjectID: issuer.did, field: "name",
              oldValue: old?.name, newValue: issuer.name,
              reason: "an issuer whose signed public register this registry accepts")
          ], context: audit)
      }
    }
    return old
  }

  /// Whose signatures this registry accepts: the issuers it trusts and its own key in use (an
  /// association importing its own export, checking its own statements).
  public func acceptedSigners() throws(StoreError) -> [String] {
    try trustedIssuers().map(\.did) + [try issuingKey()?.did].compactMap { $0 }
  }

  /// No longer trusts `did`; returns the issuer removed, nil when it was not trusted.
  @discardableResult
  public func distrust(_ did: String, audit: AuditContext) throws(StoreError) -> TrustedIssuer? {
    guard let old = try trustedIssuers().first(where: { $0.did == did }) else { return nil }
    try wrap { () throws(SQLiteError) in
      try database.writeTransaction { () throws(SQLiteError) in
        try database.cached("DELETE FROM trusted_issuers WHERE did = ?").run([.text(did)])
        try appendAudit(
          [
            AuditEntry(
              subjectKind: "trusted-issuer", subjectID: did, field: "name",
              oldValue: old.name, newValue: nil,
              reason: "no longer trusted: its signed public registers are refused")
          ], context: audit)
      }
    }
    return old
  }

  /// Keeps a statement about to be signed by `issuer`: a new id and a free place in the
  /// issuer's revocation list, in the audit trail.
  public func recordStatement(
    issuer: String, coach: CoachID, verifiedOn date: CalendarDate, audit: AuditContext
  ) throws -> VerificationStatement.Issue {
    let id = try VerificationStatement.newID()
    return try wrap { () throws(SQLiteError) in
      try database.writeTransaction { () throws(SQLiteError) in
        let taken = try database.cached(
          "SELECT 1 FROM issued_statements WHERE issuer = ? AND status_index = ?")
        let index = BitstringStatusList.freeIndex { index in
          defer { taken.reset() }
          try? taken.bind([.text(issuer), .integer(index)])
          return (try? taken.step()) ?? true
        }
        guard let index else {
          throw SQLiteError(
            code: 13, message: "the revocation list of \(issuer) is full", sql: "issued_statements")
        }
        try database.cached(
          """
          INSERT INTO issued_statements (id, issuer, status_index, coach_id, verified_day)
          VALUES (?, ?, ?, ?, ?)
          """
        ).run([.text(id), .text(issuer), .integer(index), SQLValue(coach), .integer(date.daysSinceEpoch)])
        try appendAudit(
          [
            AuditEntry(
              subjectKind: "statement", subjectID: id, field: "issued",
              newValue: "\(coach.rawValue) on \(date) by \(issuer)",
              reason: "a signed verification statement (revocable: place \(index))")
          ], context: audit)
        return VerificationStatement.Issue(id: id, statusIndex: index)
      }
    }
  }

  public func issuedStatement(_ id: String) throws(StoreError) -> IssuedStatement? {
    try wrap { () throws(SQLiteError) in
      let row = try database.cached(
        """
        SELECT id, issuer, status_index, coach_id, verified_day, revoked
        FROM issued_statements WHERE id = ?
        """)
      try row.bind([.text(id)])
      defer { row.reset() }
      guard try row.step() else { return nil }
      return IssuedStatement(
        id: row.text(0) ?? "", issuer: row.text(1) ?? "", statusIndex: row.int(2),
        coach: CoachID(rawValue: row.text(3) ?? ""),
        verifiedOn: CalendarDate(daysSinceEpoch: row.int(4)), revoked: row.int(5) == 1)
    }
  }

  /// Withdraws statement `id`: its place in the revocation list is set from the next
  /// published register on. `reason` goes to the audit trail.
  public func revokeStatement(_ id: String, reason: String, audit: AuditContext)
    throws(StoreError) -> Revocation
  {
    guard var statement = try issuedStatement(id) else { return .unknown }
    guard !statement.revoked else { return .alreadyRevoked(statement) }
    try wrap { () throws(SQLiteError) in
      try database.writeTransaction { () throws(SQLiteError) in
        try database.cached("UPDATE issued_statements SET revoked = 1 WHERE id = ?").run([
          .text(id)
        ])
        try appendAudit(
          [
            AuditEntry(
              subjectKind: "statement", subjectID: id, field: "revoked", oldValue: "false",
              newValue: "true", reason: reason)
          ], context: audit)
      }
    }
    statement.revoked = true
    return .revoked(statement)
  }

  /// The revocation list of `issuer`: the places of its statements withdrawn.
  public func revocationList(of issuer: String) throws(StoreError) -> BitstringStatusList {
    try wrap { () throws(SQLiteError) in
      let rows = try database.cached(
        "SELECT status_index FROM issued_statements WHERE issuer = ? AND revoked = 1")
      try rows.bind([.text(issuer)])
      defer { rows.reset() }
      var list = BitstringStatusList()
      while try rows.step() { list.set(rows.int(0)) }
      return list
    }
  }
}
