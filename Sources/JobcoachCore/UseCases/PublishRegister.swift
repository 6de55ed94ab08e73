/// "Who is in the register on this date?": the register as the association publishes it,
/// number, name, status, registered since and valid until, nothing else (`jobcoach export
/// public`).
public struct PublishRegister: Hashable, Sendable {
  public var date: CalendarDate
  /// The register's name in the export.
  public var register: String

  public init(on date: CalendarDate, register: String) {
    self.date = date
    self.register = register
  }

  public func run(in registry: some RegistryReading) throws -> PublicRegister {
    try registry.reading {
      var names: [CoachID: String] = [:]
      for coach in try registry.allCoaches() { names[coach.id] = coach.name }
      return PublicRegister(
        register: register, on: date, memberships: try registry.allMemberships(), names: names,
        norms: try registry.peNorms())
    }
  }
}
