/// How a municipality lets external coaching organisations in (Q-POL-2, De Normaalste Zaak
/// option 2).
public enum ExternalOrganisationPolicy: Hashable, Sendable {
  /// The employer chooses any organisation.
  case freeChoice
  /// Only organisations on the municipality's list.
  case approvedList([OrganisationID])
  /// The coach can only be appointed through the municipality.
  case throughMunicipality

  public var code: String {
    switch self {
    case .freeChoice: "free-choice"
    case .approvedList: "approved-list"
    case .throughMunicipality: "through-municipality"
    }
  }
}

/// One version of a municipality's policy for job coaching, in force from `effectiveFrom` until
/// the next version of the same policy takes effect. Policy is data: the G4 requirements are the
/// built-in default, a municipality can require more or less (Q-POL-1) and choose its external
/// organisation policy (Q-POL-2).
public struct MunicipalPolicy: Hashable, Sendable {
  public var id: PolicyID
  public var name: String
  public var municipality: OrganisationID?
  public var effectiveFrom: CalendarDate
  /// The qualification rules that apply to each coach kind, from `RuleID.requirements(for:)`.
  public var requirements: [CoachKind: [RuleID]]
  /// Per coach kind, the registers whose good standing meets Q-POL-4; a kind not listed
  /// accepts any register.
  public var registrationRegisters: [CoachKind: [RegisterID]]
  /// Whether the municipality funds internal coaching (Q-POL-1).
  public var fundsInternalCoaching: Bool
  public var externalOrganisations: ExternalOrganisationPolicy
  /// The oldest UWV recognition framework version the municipality accepts (Q-EXT-1).
  public var minimumRecognitionFramework: RecognitionFramework
  /// The financial framework (F-1, F-6); the G4 table unless the municipality sets its own.
  public var funding: FundingFramework
  /// The coaching protocol's values (P-3, P-6).
  public var coachingProtocol: CoachingProtocol
  /// When reminders go out before a deadline.
  public var reminderStages: ReminderSchedule

  public init(
    id: PolicyID, name: String, municipality: OrganisationID? = nil, effectiveFrom: CalendarDate,
    requirements: [CoachKind: [RuleID]] = MunicipalPolicy.g4Requirements,
    fundsInternalCoaching: Bool = true,
    externalOrganisations: ExternalOrganisationPolicy = .freeChoice,
    minimumRecognitionFramework: RecognitionFramework = .uwv2016,
    funding: FundingFramework = .g4, coachingProtocol: CoachingProtocol = .standard,
    reminderStages: ReminderSchedule = .standard,
    registrationRegisters: [CoachKind: [RegisterID]] = [:]
  ) {
    self.registrationRegisters = registrationRegisters
    self.id = id
    self.name = name
    self.municipality = municipality
    self.effectiveFrom = effectiveFrom
    self.requirements = requirements
    self.fundsInternalCoaching = fundsInternalCoaching
    self.externalOrganisations = externalOrganisations
    self.minimumRecognitionFramework = minimumRecognitionFramework
    self.funding = funding
    self.coachingProtocol = coachingProtocol
    self.reminderStages = reminderStages
  }

  public static let g4Requirements: [CoachKind: [RuleID]] = Dictionary(
    uniqueKeysWithValues: CoachKind.allCases.map { ($0, RuleID.requirements(for: $0)) })

  /// The G4 minimum requirements of appendix 3.4, in force since the Participatiewet
  /// (2015-01-01): every requirement, internal coaching funded, free choice of organisation.
  public static let g4Default = MunicipalPolicy(
    id: "G4", name: "G4 minimum requirements (default)",
    effectiveFrom: CalendarDate(year: 2015, month: 1, day: 1)!)

  public func requirements(for kind: CoachKind) -> [RuleID] { requirements[kind] ?? [] }

  /// The registers Q-POL-4 accepts for `kind`; empty: any register.
  public func acceptedRegisters(for kind: CoachKind) -> [RegisterID] {
    registrationRegisters[kind] ?? []
  }
}

/// All versions of one policy, so the version in force on a date can be found.
public struct PolicyHistory: Hashable, Sendable {
  public let id: PolicyID
  /// Ordered by effective date.
  public let versions: [MunicipalPolicy]

  public init(versions: [MunicipalPolicy]) {
    precondition(!versions.isEmpty, "a policy history has at least one version")
    self.id = versions[0].id
    self.versions = versions.sorted { $0.effectiveFrom < $1.effectiveFrom }
  }

  /// The version in force on `date`: the latest one that took effect on or before it.
  public func version(on date: CalendarDate) -> MunicipalPolicy? {
    versions.last { $0.effectiveFrom <= date }
  }

  public static let g4Default = PolicyHistory(versions: [.g4Default])

  /// Each municipality's policies: the versions that name it, grouped by policy id, sorted.
  public static func byMunicipality(_ versions: [MunicipalPolicy])
    -> [OrganisationID: [PolicyHistory]]
  {
    Dictionary(grouping: versions.filter { $0.municipality != nil }, by: { $0.municipality! })
      .mapValues { versions in
        Dictionary(grouping: versions, by: \.id).values.map(PolicyHistory.init(versions:))
          .sorted { $0.id < $1.id }
      }
  }
}
