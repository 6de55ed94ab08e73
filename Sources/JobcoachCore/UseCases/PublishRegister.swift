/// "Who is in the register on this date?": the register as the association publishes it,
/// number, name, status, registered since and valid until, nothing else (`jobcoach export
/// public`).
public struct PublishRegister: Hashable, Sendable {
  public var date: CalendarDate
  /// The register to publish; nil: the only register held.
  public var register: RegisterID?

  public init(on date: CalendarDate, register: RegisterID? = nil) {
    self.date = date
    self.register = register
  }

  public func run(in registry: some RegistryReading) throws -> PublicRegister {
    try registry.reading {
      let register = try registry.register(named: self.register)
      var names: [CoachID: String] = [:]
      for coach in try registry.allCoaches() { names[coach.id] = coach.name }
      return PublicRegister(
        register: register, on: date,
        memberships: try registry.allMemberships().filter { $0.register == register.id },
        names: names)
    }
  }
}
