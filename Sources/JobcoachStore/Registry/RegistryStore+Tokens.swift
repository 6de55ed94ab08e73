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
    // Not before it was issued (the table's CHECK).
    let day = max(date, old.issuedOn)
    try wrap { () throws(SQLiteError) in
      try database.writeTransaction { () throws(SQLiteError) in
        try database.cached("UPDATE api_tokens SET revoked_day = ? WHERE name = ?")
          .run([.integer(day.daysSinceEpoch), .text(name)])
        try appendAudit(
          [
            AuditEntry(
              subjectKind: "api-token", subjectID: name, field: "revoked",
              oldValue: nil, newValue: day.description,
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

