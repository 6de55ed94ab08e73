import JobcoachCore

/// The registry answers the use cases' questions (`RegistryReading`) and records the
/// register's decisions (`RegistryWriting`).
extension RegistryStore: RegistryWriting {
  public func save(_ membership: Membership, audit: AuditContext, entries: [AuditEntry])
    throws(StoreError) -> Membership
  {
    try save(membership, audit: Optional(audit), entries: entries)
  }

  public func save(_ decision: FunderDecision, audit: AuditContext) throws(StoreError)
    -> FunderDecision
  {
    var decision = decision
    if decision.id.rawValue.isEmpty { decision.id = try nextDecisionID(for: decision.placement) }
    try record(decision, audit: audit)
    return decision
  }

  /// Runs `body` in one read transaction, so everything it reads agrees; inside a transaction
  /// already, just runs it.
  public func reading<Result>(_ body: () throws -> Result) throws -> Result {
    guard !database.isInTransaction else { return try body() }
    try wrap { () throws(SQLiteError) in try database.execute("BEGIN") }
    defer { try? database.execute("COMMIT") }
    return try body()
  }

  /// Every policy with all its versions, by id.
  public func allPolicies() throws(StoreError) -> [PolicyHistory] {
    try wrap { () throws(SQLiteError) in
      Dictionary(grouping: try policies(where: "", []), by: \.id).values
        .map(PolicyHistory.init(versions:)).sorted { $0.id < $1.id }
    }
  }

  public func defaultMunicipality() throws(StoreError) -> OrganisationID? {
    try wrap { () throws(SQLiteError) in
      let row = try database.cached("SELECT value FROM settings WHERE name = ?")
      try row.bind([.text(Self.defaultMunicipalitySetting)])
      defer { row.reset() }
      return try row.step() ? row.text(0).map(OrganisationID.init(rawValue:)) : nil
    }
  }

  /// Sets (or with nil clears) the municipality whose policy applies when a caller names none,
  /// with an entry in the audit trail. Returns the one set before.
  @discardableResult
  public func setDefaultMunicipality(_ municipality: OrganisationID?, audit: AuditContext)
    throws(StoreError) -> OrganisationID?
  {
    let old = try defaultMunicipality()
    guard old != municipality else { return old }
    try wrap { () throws(SQLiteError) in
      try database.writeTransaction { () throws(SQLiteError) in
        if let municipality {
          try database.cached(
            """
            INSERT INTO settings (name, value) VALUES (?, ?)
            ON CONFLICT (name) DO UPDATE SET value = excluded.value
            """
          ).run([.text(Self.defaultMunicipalitySetting), SQLValue(municipality)])
        } else {
          try database.cached("DELETE FROM settings WHERE name = ?").run([
            .text(Self.defaultMunicipalitySetting)
          ])
        }
        try appendAudit(
          [
            AuditEntry(
              subjectKind: "registry", subjectID: "registry", field: "defaultMunicipality",
              oldValue: old?.rawValue, newValue: municipality?.rawValue,
              reason: "the policy that applies when a caller names none (Q-POL-1)")
          ], context: audit)
      }
    }
    return old
  }

  static let defaultMunicipalitySetting = "default-municipality"
}
