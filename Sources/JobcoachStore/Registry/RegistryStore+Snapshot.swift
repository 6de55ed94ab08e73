import JobcoachCore

extension RegistryStore {
  /// Everything the whole-registry check reads, in one read transaction so the parts agree.
  public func snapshot() throws(StoreError) -> RegistrySnapshot {
    try wrap { () throws(SQLiteError) in try database.execute("BEGIN") }
    defer { try? database.execute("COMMIT") }
    var snapshot = RegistrySnapshot(registerRules: try registerRules())
    snapshot.organisations = try allOrganisations()
    snapshot.coaches = try allCoaches()
    snapshot.memberships = try allMemberships()
    try wrap { () throws(SQLiteError) in
      snapshot.placements = try placements(where: "ORDER BY id", [])
      snapshot.bookings = Dictionary(
        grouping: try bookings(where: "ORDER BY placement_id, booked_on, id", []),
        by: \.placement)
      snapshot.policies = Dictionary(grouping: try policies(where: "", []), by: \.id).values
        .map(PolicyHistory.init(versions:)).sorted { $0.id < $1.id }
      for membership in snapshot.memberships {
        snapshot.portfolios[membership.coach] =
          try loadPortfolio(membership.coach) ?? Portfolio(coach: membership.coach)
      }
    }
    return snapshot
  }
}
