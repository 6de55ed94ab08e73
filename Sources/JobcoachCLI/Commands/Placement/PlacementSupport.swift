import JobcoachCore
import JobcoachStore

extension PlacementDossier {
  /// Everything the placement rules need, read from the registry: the placement, its bookings,
  /// the policy in force on `date` (the one named, else the municipality's, else G4), the kind
  /// the coach works as on that date, and the coach's visits to the same employer's other
  /// placements.
  static func load(
    _ id: PlacementID, policy policyID: PolicyID?, on date: CalendarDate, store: RegistryStore
  ) throws -> PlacementDossier {
    guard let placement = try store.placement(id) else {
      throw CLIError.badInput("no placement with id '\(id)' in the registry")
    }
    let policy = try VerifyCommand.policy(policyID, placement: placement, on: date, store: store)
    let coachKind = try placement.coach.flatMap { try store.coach($0) }?
      .kind(on: placement, on: date)
    return PlacementDossier(
      placement: placement, bookings: try store.bookings(on: id), policy: policy,
      coachKind: coachKind, siblingVisits: try store.siblingVisits(of: placement))
  }
}

/// The option every placement command shares.
extension OptionSpec {
  static let policy = OptionSpec.value(
    "--policy", "ID", "the municipal policy (default: the placement's municipality's, else G4)")
}
