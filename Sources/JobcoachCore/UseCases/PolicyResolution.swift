/// Where the policy that applies came from. Every output that judges under a policy names the
/// policy and this.
public enum PolicySource: Hashable, Sendable {
  /// The caller named it (`--policy`).
  case named
  /// The policy in force of the municipality that grants the placement.
  case placement(PlacementID, municipality: OrganisationID)
  /// The policy in force of the municipality the caller names (`--municipality`).
  case municipality(OrganisationID)
  /// The policy in force of the registry's default municipality (`jobcoach init --municipality`).
  case registryMunicipality(OrganisationID)
  /// The built-in G4 default: no municipality applies (nil), or the one that applies has no
  /// policy in force on the date.
  case builtInDefault(noPolicyOf: OrganisationID?)

  /// The municipality whose policy was looked for, if any.
  public var municipality: OrganisationID? {
    switch self {
    case .named: nil
    case .placement(_, let municipality), .municipality(let municipality),
      .registryMunicipality(let municipality):
      municipality
    case .builtInDefault(let municipality): municipality
    }
  }
}

/// The policy version that applies, and why that one.
public struct PolicyChoice: Hashable, Sendable {
  public var policy: MunicipalPolicy
  public var source: PolicySource
  /// The start of the assignment whose policy this is (Q-ASG-2): the version in force on that
  /// day, not on the date judged; nil when the date judged chose it.
  public var assignmentStart: CalendarDate?

  public init(policy: MunicipalPolicy, source: PolicySource, assignmentStart: CalendarDate? = nil) {
    self.policy = policy
    self.source = source
    self.assignmentStart = assignmentStart
  }
}

/// What a caller says about the policy: a policy by name, the placement it is about, the
/// municipality it acts for. All optional.
public struct PolicyQuestion: Hashable, Sendable {
  public var named: PolicyID?
  public var placement: Placement?
  public var municipality: OrganisationID?

  public init(
    named: PolicyID? = nil, placement: Placement? = nil, municipality: OrganisationID? = nil
  ) {
    self.named = named
    self.placement = placement
    self.municipality = municipality
  }
}

/// The one answer to "which municipal policy applies" (Q-POL-1, Q-POL-2), for every use case:
///
/// 1. the policy the caller names, in the version in force on the date (an error when it has
///    none);
/// 2. else the policy of the placement's municipality;
/// 3. else the policy of the municipality the caller names;
/// 4. else the policy of the registry's default municipality;
/// 5. else, or when that municipality has no policy in force on the date, the built-in G4
///    default.
///
/// Two policies of one municipality in force on the same date are ambiguous: an error here,
/// which `verify` reports and `check` turns into a finding on the municipality.
public struct PolicyResolver {
  /// A policy's versions by id.
  public var history: (PolicyID) throws -> PolicyHistory?
  /// A municipality's policies.
  public var histories: (OrganisationID) throws -> [PolicyHistory]
  public var defaultMunicipality: OrganisationID?

  public init(
    history: @escaping (PolicyID) throws -> PolicyHistory?,
    histories: @escaping (OrganisationID) throws -> [PolicyHistory],
    defaultMunicipality: OrganisationID?
  ) {
    self.history = history
    self.histories = histories
    self.defaultMunicipality = defaultMunicipality
  }

  /// A resolver that asks `registry` for each policy it needs.
  public init(_ registry: some RegistryReading) throws {
    self.init(
      history: { try registry.policyHistory($0) },
      histories: { try registry.policyHistories(of: $0) },
      defaultMunicipality: try registry.defaultMunicipality())
  }

  /// A resolver over policies already read, for the whole-registry use cases. A municipality's
  /// policies are the versions that name it, by policy id (as the registry answers).
  public init(policies: [PolicyHistory], defaultMunicipality: OrganisationID?) {
    let byID = Dictionary(policies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let byMunicipality = PolicyHistory.byMunicipality(policies.flatMap(\.versions))
    self.init(
      history: { byID[$0] }, histories: { byMunicipality[$0] ?? [] },
      defaultMunicipality: defaultMunicipality)
  }

  /// The policy that applies to `question` on `date`, or why none can be chosen
  /// (`UseCaseError.unknownPolicy`, `.policyNotInForce`, `.ambiguousPolicy`).
  /// The policy for `assignment` (Q-ASG-2): the one that applies to `question` as in force on
  /// the assignment's start, so a later version does not undo it; without an assignment, or
  /// for a policy the caller names, on `date`.
  public func resolve(
    _ question: PolicyQuestion, for assignment: Assignment?, on date: CalendarDate
  ) throws -> PolicyChoice {
    guard let assignment, question.named == nil else { return try resolve(question, on: date) }
    var choice = try resolve(question, on: assignment.start)
    choice.assignmentStart = assignment.start
    return choice
  }

  public func resolve(_ question: PolicyQuestion, on date: CalendarDate) throws -> PolicyChoice {
    if let id = question.named {
      let found = id == PolicyHistory.g4Default.id ? PolicyHistory.g4Default : try history(id)
      guard let found else { throw UseCaseError.unknownPolicy(id) }
      guard let version = found.version(on: date) else {
        throw UseCaseError.policyNotInForce(
          id, on: date, firstEffective: found.versions[0].effectiveFrom)
      }
      return PolicyChoice(policy: version, source: .named)
    }
    let source: PolicySource
    if let placement = question.placement, let municipality = placement.municipality {
      source = .placement(placement.id, municipality: municipality)
    } else if let municipality = question.municipality {
      source = .municipality(municipality)
    } else if let municipality = defaultMunicipality {
      source = .registryMunicipality(municipality)
    } else {
      return PolicyChoice(policy: .g4Default, source: .builtInDefault(noPolicyOf: nil))
    }
    let municipality = source.municipality!
    let inForce = try histories(municipality).compactMap { $0.version(on: date) }
    switch inForce.count {
    case 0:
      return PolicyChoice(policy: .g4Default, source: .builtInDefault(noPolicyOf: municipality))
    case 1:
      return PolicyChoice(policy: inForce[0], source: source)
    default:
      throw UseCaseError.ambiguousPolicy(
        municipality: municipality, policies: inForce.map(\.id).sorted(), on: date)
    }
  }
}
