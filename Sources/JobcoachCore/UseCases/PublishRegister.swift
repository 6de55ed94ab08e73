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
      return try Self.publish([register], on: date, from: registry)[0]
    }
  }

  /// Every register held, each as `run` publishes it, in the registry's order: the public
  /// web lookup searches them all.
  public static func everyRegister(on date: CalendarDate, in registry: some RegistryReading)
    throws -> [PublicRegister]
  {
    try registry.reading { try publish(try registry.registers(), on: date, from: registry) }
  }

  static func publish(
    _ registers: [Register], on date: CalendarDate, from registry: some RegistryReading
  ) throws -> [PublicRegister] {
    var names: [CoachID: String] = [:]
    for coach in try registry.allCoaches() { names[coach.id] = coach.name }
    let memberships = Dictionary(grouping: try registry.allMemberships(), by: \.register)
    return registers.map { register in
      PublicRegister(
        register: register, on: date, memberships: memberships[register.id] ?? [], names: names)
    }
  }
}
