/// What a municipality asks before it assigns a coach: may this coach work as this kind of
/// coach on this date, for this placement, under this policy?
public struct VerificationRequest: Hashable, Sendable {
  public var kind: CoachKind
  public var date: CalendarDate
  public var placement: Placement?
  public var policy: MunicipalPolicy
  /// How the coach stands in each register on the date (R-RE-1), for a policy that requires
  /// registration (Q-POL-4); empty when the coach has no register number at all.
  public var registrations: [RegistrationEvidence]
  /// The policy the placement's grant is judged under (F-*): the one in force on the date,
  /// where `policy` is the assignment's (Q-ASG-2); nil: `policy`.
  public var fundingPolicy: MunicipalPolicy?

  public init(
    kind: CoachKind, date: CalendarDate, placement: Placement? = nil,
    policy: MunicipalPolicy = .g4Default, registrations: [RegistrationEvidence] = []
  ) {
    self.kind = kind
    self.date = date
    self.placement = placement
    self.policy = policy
    self.registrations = registrations
  }
}

/// A coach's standing in one register on a date, as the register's R-RE-1 finding says it.
public struct RegistrationEvidence: Hashable, Sendable {
  /// The register; nil for an imported public register that names none.
  public var register: RegisterID?
  public var finding: Finding

  public init(register: RegisterID?, finding: Finding) {
    self.register = register
    self.finding = finding
  }
}

/// The answer to a `VerificationRequest`: every finding, and the verdict they add up to.
public struct Verification: Hashable, Sendable {
  public var coach: Coach
  public var request: VerificationRequest
  public var findings: [Finding]
  /// The organisation the coach was judged as working for: the employment of the kind found
  /// (the assignment's delivering organisation, or the qualifying one of several external
  /// employers); nil when none was found.
  public var organisation: OrganisationID?

  public init(
    coach: Coach, request: VerificationRequest, findings: [Finding],
    organisation: OrganisationID? = nil
  ) {
    self.coach = coach
    self.request = request
    self.findings = findings
    self.organisation = organisation
  }

  /// Eligible when no finding is an error.
  public var isEligible: Bool { !findings.contains { $0.severity == .error } }
}
