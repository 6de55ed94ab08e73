import Testing

@testable import JobcoachCore

/// Q-POL-1: which municipal policy applies has one answer, for every use case.
struct PolicyResolverTests {
  static let zaanstadV1 = MunicipalPolicy(
    id: "POL-Z", name: "Zaanstad v1", municipality: "MUN-Z", effectiveFrom: day("2024-01-01"))
  static let zaanstadV2 = MunicipalPolicy(
    id: "POL-Z", name: "Zaanstad v2", municipality: "MUN-Z", effectiveFrom: day("2026-07-01"),
    fundsInternalCoaching: false)
  static let purmerend = MunicipalPolicy(
    id: "POL-P", name: "Purmerend", municipality: "MUN-P", effectiveFrom: day("2025-01-01"))
  /// A second policy of Purmerend that takes effect later: ambiguous from then on.
  static let purmerendPilot = MunicipalPolicy(
    id: "POL-P2", name: "Purmerend pilot", municipality: "MUN-P",
    effectiveFrom: day("2026-09-01"))

  func resolver(
    _ policies: [MunicipalPolicy] = [zaanstadV1, zaanstadV2, purmerend, purmerendPilot],
    default municipality: OrganisationID? = nil
  ) -> PolicyResolver {
    PolicyResolver(
      policies: Dictionary(grouping: policies, by: \.id).values.map(PolicyHistory.init),
      defaultMunicipality: municipality)
  }

  func placement(municipality: OrganisationID?) -> Placement {
    Placement(
      id: "P1", municipality: municipality, employer: "EMP", coach: "C1", worker: "W-1",
      period: DateInterval(start: day("2026-01-01"), end: nil))
  }

  @Test func aNamedPolicyInItsVersionInForce() throws {
    let choice = try resolver().resolve(PolicyQuestion(named: "POL-Z"), on: day("2026-06-30"))
    #expect(choice.policy.name == "Zaanstad v1")
    #expect(choice.source == .named)
    // The day the second version takes effect, it applies.
    let next = try resolver().resolve(PolicyQuestion(named: "POL-Z"), on: day("2026-07-01"))
    #expect(next.policy.name == "Zaanstad v2")
    // A named policy wins over the placement's.
    let named = try resolver().resolve(
      PolicyQuestion(named: "POL-Z", placement: placement(municipality: "MUN-P")),
      on: day("2026-03-01"))
    #expect(named.policy.id == "POL-Z")
  }

  @Test func theBuiltInDefaultCanBeNamed() throws {
    let choice = try resolver().resolve(PolicyQuestion(named: "G4"), on: day("2026-03-01"))
    #expect(choice.policy == .g4Default)
    #expect(choice.source == .named)
  }

  @Test func aNamedPolicyUnknownOrNotYetInForceIsRefused() {
    #expect(throws: UseCaseError.unknownPolicy("POL-X")) {
      try resolver().resolve(PolicyQuestion(named: "POL-X"), on: day("2026-03-01"))
    }
    // The day before its first version: not in force; on the day: in force.
    #expect(
      throws: UseCaseError.policyNotInForce(
        "POL-Z", on: day("2023-12-31"), firstEffective: day("2024-01-01"))
    ) {
      try resolver().resolve(PolicyQuestion(named: "POL-Z"), on: day("2023-12-31"))
    }
    #expect(
      (try? resolver().resolve(PolicyQuestion(named: "POL-Z"), on: day("2024-01-01"))) != nil)
  }

  @Test func thePlacementsMunicipalityDecides() throws {
    let question = PolicyQuestion(placement: placement(municipality: "MUN-Z"), municipality: "MUN-P")
    let choice = try resolver(default: "MUN-P").resolve(question, on: day("2026-03-01"))
    #expect(choice.policy.name == "Zaanstad v1")
    #expect(choice.source == .placement("P1", municipality: "MUN-Z"))
  }

  @Test func thenTheCallersMunicipalityThenTheRegistrysDefault() throws {
    let date = day("2026-03-01")
    let caller = try resolver(default: "MUN-Z").resolve(
      PolicyQuestion(placement: placement(municipality: nil), municipality: "MUN-P"), on: date)
    #expect(caller.policy.id == "POL-P")
    #expect(caller.source == .municipality("MUN-P"))
    let registry = try resolver(default: "MUN-Z").resolve(PolicyQuestion(), on: date)
    #expect(registry.policy.id == "POL-Z")
    #expect(registry.source == .registryMunicipality("MUN-Z"))
    let none = try resolver().resolve(PolicyQuestion(), on: date)
    #expect(none.policy == .g4Default)
    #expect(none.source == .builtInDefault(noPolicyOf: nil))
  }

  /// A municipality whose only policy is not yet in force, or that has none, falls back to
  /// G4, and the answer says whose policy was looked for.
  @Test func aMunicipalityWithoutAPolicyInForceGetsTheDefault() throws {
    let before = try resolver().resolve(
      PolicyQuestion(municipality: "MUN-Z"), on: day("2023-12-31"))
    #expect(before.policy == .g4Default)
    #expect(before.source == .builtInDefault(noPolicyOf: "MUN-Z"))
    let unknown = try resolver().resolve(PolicyQuestion(municipality: "MUN-X"), on: day("2026-01-01"))
    #expect(unknown.source == .builtInDefault(noPolicyOf: "MUN-X"))
  }

  /// Two policies of one municipality in force on the date: refused, both named. The day
  /// before the second takes effect there is one answer.
  @Test func twoPoliciesInForceAreAmbiguous() throws {
    let question = PolicyQuestion(placement: placement(municipality: "MUN-P"))
    let before = try resolver().resolve(question, on: day("2026-08-31"))
    #expect(before.policy.id == "POL-P")
    #expect(throws: UseCaseError.ambiguousPolicy(
      municipality: "MUN-P", policies: ["POL-P", "POL-P2"], on: day("2026-09-01"))) {
      try resolver().resolve(question, on: day("2026-09-01"))
    }
    // Naming one settles it.
    let named = try resolver().resolve(
      PolicyQuestion(named: "POL-P2", placement: placement(municipality: "MUN-P")),
      on: day("2026-09-01"))
    #expect(named.policy.id == "POL-P2")
  }

  /// The resolver over a registry asks the registry and gives the same answers.
  @Test func overARegistryTheAnswersAreTheSame() throws {
    let registry = InMemoryRegistry(
      policies: [Self.zaanstadV1, Self.zaanstadV2, Self.purmerend, Self.purmerendPilot],
      defaultMunicipality: "MUN-Z")
    let overRegistry = try PolicyResolver(registry)
    let overValues = resolver(default: "MUN-Z")
    for date in ["2023-12-31", "2024-01-01", "2026-06-30", "2026-07-01", "2026-09-01"] {
      for question in [
        PolicyQuestion(), PolicyQuestion(named: "POL-Z"), PolicyQuestion(municipality: "MUN-P"),
        PolicyQuestion(placement: placement(municipality: "MUN-P")),
      ] {
        let one = Result { try overRegistry.resolve(question, on: day(date)) }
        let other = Result { try overValues.resolve(question, on: day(date)) }
        #expect(
          String(describing: one) == String(describing: other), "\(date) \(question)")
      }
    }
  }
}
