/// "May this coach be assigned as this kind of coach, for this placement, on this date?": the
/// question a municipality's caseworker asks before an assignment (`jobcoach verify`).
public struct VerifyCoach: Hashable, Sendable {
  public var coach: CoachID
  public var kind: CoachKind
  public var placement: PlacementID?
  /// The policy the caller names; else the placement's, the caller's municipality's, the
  /// registry's default municipality's, or G4 (`PolicyResolver`).
  public var policy: PolicyID?
  /// The municipality the caller acts for.
  public var municipality: OrganisationID?
  public var date: CalendarDate

  public init(
    coach: CoachID, kind: CoachKind, placement: PlacementID? = nil, policy: PolicyID? = nil,
    municipality: OrganisationID? = nil, on date: CalendarDate
  ) {
    self.coach = coach
    self.kind = kind
    self.placement = placement
    self.policy = policy
    self.municipality = municipality
    self.date = date
  }

  /// The verdict with every finding: the qualification rules the policy requires (Q-*), the
  /// policy's own (Q-POL-*), the grant's (F-*) with a placement, and the register standing
  /// (R-RE-1) when the coach has a membership or gives a register number.
  public func run(in registry: some RegistryReading) throws -> CoachVerification {
    try registry.reading {
      guard let coach = try registry.coach(coach) else { throw UseCaseError.unknownCoach(coach) }
      var placement: Placement?
      if let id = self.placement {
        guard let found = try registry.placement(id) else {
          throw UseCaseError.unknownPlacement(id)
        }
        placement = found
      }
      let resolver = try PolicyResolver(registry)
      let question = PolicyQuestion(named: policy, placement: placement, municipality: municipality)
      // Q-ASG-2: the coach's assignment is judged under the policy of its start; the
      // placement's grant under the policy of the date, as `placement show` judges it.
      let assignment = placement?.assignment(of: coach.id, on: date)
      let choice = try resolver.resolve(question, for: assignment, on: date)
      let funding = assignment == nil ? choice : try resolver.resolve(question, on: date)
      var organisations: [OrganisationID: Organisation] = [:]
      for id in Set(coach.employments.map(\.organisation) + [placement?.employer].compactMap { $0 })
      {
        organisations[id] = try registry.organisation(id)
      }
      let registrations = try LookUpRegisterStanding.evidence(for: coach, on: date, in: registry)
      var request = VerificationRequest(
        kind: kind, date: date, placement: placement, policy: choice.policy,
        registrations: registrations)
      request.fundingPolicy = funding.policy
      var verification = QualificationRules(organisations: organisations).verify(coach, request)
      verification.findings += registrations.map(\.finding)
      return CoachVerification(verification: verification, policy: choice)
    }
  }
}

/// The answer of `VerifyCoach`: the verification and the policy it applied, with why.
public struct CoachVerification: Hashable, Sendable {
  public var verification: Verification
  public var policy: PolicyChoice

  public var isEligible: Bool { verification.isEligible }
}

/// "Is this coach in good standing in the registers on this date?" (R-RE-1), from each
/// membership when this registry keeps the register, else from an imported public register.
public struct LookUpRegisterStanding: Hashable, Sendable {
  public var coach: CoachID
  public var date: CalendarDate

  public init(coach: CoachID, on date: CalendarDate) {
    self.coach = coach
    self.date = date
  }

  /// The R-RE-1 finding of each register the coach is in, by register id; empty when the coach
  /// has no membership and gives no register number.
  public func run(in registry: some RegistryReading) throws -> [Finding] {
    try registry.reading {
      guard let coach = try registry.coach(coach) else { throw UseCaseError.unknownCoach(coach) }
      return try Self.evidence(for: coach, on: date, in: registry).map(\.finding)
    }
  }

  static func evidence(for coach: Coach, on date: CalendarDate, in registry: some RegistryReading)
    throws -> [RegistrationEvidence]
  {
    let memberships = try registry.memberships(of: coach.id)
    if memberships.isEmpty {
      guard let number = coach.registerNumber else { return [] }
      let published = try registry.publicRegister(listing: number)
      return [
        RegisterStanding.evidence(
          for: coach, membership: nil, in: nil, published: published, on: date)
      ].compactMap { $0 }
    }
    let registers = try registry.registersByID()
    return memberships.compactMap { membership in
      RegisterStanding.evidence(
        for: coach, membership: membership, in: registers[membership.register], published: nil,
        on: date)
    }
  }
}
