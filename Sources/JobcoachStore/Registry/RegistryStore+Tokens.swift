internal import CSQLite
import JobcoachCore

/// The web API's tokens (issue 20): issued, looked up by their secret's digest, revoked; each
/// change in the audit trail.
extension RegistryStore {
  /// Keeps `token` with the digest of its secret. A name already held is refused.
  public func issueToken(_ token: AccessToken, secretDigest: String, audit: AuditContext)
    throws(StoreError)
  {
    try wrap { () throws(SQLiteError) in
      try database.writeTransaction { () throws(SQLiteError) in
        try database.cached(
          """
          INSERT INTO api_tokens (name, role, municipality, coach_id, secret_sha256, issued_day)
          VALUES (?, ?, ?, ?, ?, ?)
          """
        ).run([
          .text(token.name), .text(token.role.rawValue),
          token.municipality.map { .text($0.rawValue) } ?? .null,
          token.coach.map { .text($0.rawValue) } ?? .null, .text(secretDigest),
          .integer(token.issuedOn.daysSinceEpoch),
        ])
        let scope = token.municipality?.rawValue ?? token.coach?.rawValue
        try appendAudit(
          [
            AuditEntry(
              subjectKind: "api-token", subjectID: token.name, field: "issued",
              newValue: token.role.rawValue + (scope.map { " " + $0 } ?? ""),
              reason: "a token for the web API")
          ], context: audit)
      }
    }
  }

  /// Every token, by name.
  public func tokens() throws(StoreError) -> [AccessToken] {
    try wrap { () throws(SQLiteError) in
      let rows = try database.cached(
        """
        SELECT name, role, municipality, coach_id, issued_day, revoked_day FROM api_tokens
        ORDER BY name
        """)
      defer { rows.reset() }
      var tokens: [AccessToken] = []
      while try rows.step() { tokens.append(try token(rows)) }
      return tokens
    }
  }

  /// The token whose secret has this digest, revoked or not.
  public func token(secretDigest: String) throws(StoreError) -> AccessToken? {
    try wrap { () throws(SQLiteError) in
      let rows = try database.cached(
        """
        SELECT name, role, municipality, coach_id, issued_day, revoked_day FROM api_tokens
        WHERE secret_sha256 = ?
        """)
      defer { rows.reset() }
      try rows.bind([.text(secretDigest)])
      return try rows.step() ? try token(rows) : nil
    }
  }

  /// Revokes the token named `name` from `date` on; returns it as it was, nil when there is no
  /// such token. A token revoked already stays revoked from its first day.
  @discardableResult
  public func revokeToken(_ name: String, on date: CalendarDate, audit: AuditContext)
    throws(StoreError) -> AccessToken?
  {
    guard let old = try tokens().first(where: { $0.name == name }) else { return nil }
    guard old.revokedOn == nil else { return old }
    try wrap { () throws(SQLiteError) in
      try database.writeTransaction { () throws(SQLiteError) in
        try database.cached("UPDATE api_tokens SET revoked_day = ? WHERE name = ?")
          .run([.integer(max(date, old.issuedOn).daysSinceEpoch), .text(name)])
        try appendAudit(
          [
            AuditEntry(
              subjectKind: "api-token", subjectID: name, field: "revoked",
              oldValue: nil, newValue: max(date, old.issuedOn).description,
              reason: "the token no longer opens the web API")
          ], context: audit)
      }
    }
    return old
  }

  private func token(_ rows: Statement) throws(SQLiteError) -> AccessToken {
    guard let role = rows.text(1).flatMap(AccessRole.init(rawValue:)) else {
      throw corrupt("api_tokens.role")
    }
    return AccessToken(
      name: rows.text(0) ?? "", role: role,
      municipality: rows.text(2).map(OrganisationID.init(rawValue:)),
      coach: rows.text(3).map(CoachID.init(rawValue:)), issuedOn: try day(rows, 4),
      revokedOn: rows.intOrNil(5) == nil ? nil : try day(rows, 5))
  }
}

/// A mark that changes whenever the registry changes, through this connection or any other:
/// SQLite's data version (commits by other connections) with this connection's own count of
/// changes. An answer computed under one mark holds while the mark stays.
public struct ChangeMark: Hashable, Sendable {
  let dataVersion: Int64
  let ownChanges: Int64
}

extension RegistryStore {
  public func changeMark() throws(StoreError) -> ChangeMark {
    try wrap { () throws(SQLiteError) in
      let version = try database.cached("PRAGMA data_version")
      defer { version.reset() }
      _ = try version.step()
      return ChangeMark(
        dataVersion: version.int64OrNil(0) ?? 0,
        ownChanges: Int64(sqlite3_total_changes64(database.handle)))
    }
  }
}
