/// One line of the register as the association publishes it: nothing but the register number,
/// the name, the status on the publication date, registered since and valid until. No
/// address, no date of birth, no employer, no PE details.
public struct PublicRegisterEntry: Hashable, Sendable {
  public var registerNumber: String
  public var name: String
  public var status: MembershipStatus
  public var registeredSince: CalendarDate
  /// The end of the running five-year cycle (R-RE-1).
  public var validUntil: CalendarDate?

  public init(
    registerNumber: String, name: String, status: MembershipStatus, registeredSince: CalendarDate,
    validUntil: CalendarDate?
  ) {
    self.registerNumber = registerNumber
    self.name = name
    self.status = status
    self.registeredSince = registeredSince
    self.validUntil = validUntil
  }
}

/// The published register: who is in it on `publishedOn`.
public struct PublicRegister: Hashable, Sendable {
  /// The register's name, for example the association's.
  public var register: String
  /// The register's id (R-REG-1); nil in a public register that names none.
  public var registerID: RegisterID?
  public var publishedOn: CalendarDate
  public var entries: [PublicRegisterEntry]
  /// Whose signature the document carried, as it was read (not whether that issuer is
  /// trusted: the registry importing it decides that).
  public var signature: RegisterSignature

  public init(
    register: String, registerID: RegisterID? = nil, publishedOn: CalendarDate,
    entries: [PublicRegisterEntry], signature: RegisterSignature = .unsigned
  ) {
    self.register = register
    self.registerID = registerID
    self.publishedOn = publishedOn
    self.entries = entries
    self.signature = signature
  }

  /// The statuses published. Removed coaches and applicants are left out: the register shows
  /// who is in it, not who was refused or left.
  public static let publishedStatuses: Set<MembershipStatus> = [
    .registered, .assessmentDue, .suspended,
  ]

  /// `register` on `date` from its memberships, by register number.
  public init(
    register: Register, on date: CalendarDate, memberships: [Membership], names: [CoachID: String]
  ) {
    self.register = register.name
    self.registerID = register.id
    self.publishedOn = date
    self.signature = .unsigned
    self.entries = memberships.compactMap { membership in
      let standing = membership.standing(on: date, in: register)
      guard standing.isPublished, let status = standing.status,
        let name = names[membership.coach]
      else { return nil }
      return PublicRegisterEntry(
        registerNumber: membership.registerNumber, name: name, status: status,
        registeredSince: membership.admittedOn, validUntil: standing.validUntil)
    }.sorted { $0.registerNumber < $1.registerNumber }
  }

  public func entry(_ registerNumber: String) -> PublicRegisterEntry? {
    entries.first { $0.registerNumber == registerNumber }
  }
}

/// The signature a public register document carries (issue 19): its proof (eddsa-jcs-2022)
/// checked over the whole document as read.
public enum RegisterSignature: Hashable, Sendable {
  case unsigned
  /// The proof holds and is by the key the document's `issuer` names.
  case signed(by: String)
  /// The proof does not hold: the document was changed after signing, or the proof is unusable.
  case invalid(DataIntegrity.Failure)
  /// The proof holds but is by another key than the `issuer` named.
  case issuerNotSigner(issuer: String, signer: String)

  /// The signature of `document` (a whole public register as read).
  public static func of(_ document: JSONObject) -> RegisterSignature {
    guard document["proof"] != nil else { return .unsigned }
    switch DataIntegrity.issuer(of: document) {
    case .proof(let failure): return .invalid(failure)
    case .notTheIssuer(let issuer, let signer): return .issuerNotSigner(issuer: issuer, signer: signer)
    case .issuer(let issuer): return .signed(by: issuer)
    }
  }
}

/// A coach's standing in the register on a date (R-RE-1), from the membership when this
/// registry keeps the register, else from an imported public register.
public enum RegisterStanding {
  /// R-RE-3: a registration that lapsed, as a check finding.
  public static func lapse(
    of membership: Membership, _ standing: RegistrationStanding, lapsed: CalendarDate
  ) -> Finding {
    Finding(
      rule: standing.lapsedAfterAssessment ? .assessment : .renewalWindow,
      severity: standing.isInGracePeriod ? .warning : .error, outcome: .unmet,
      subject: .coach(membership.coach),
      reason: .register(
        .lapsed(
          number: membership.registerNumber, on: lapsed,
          standing.lapseReason ?? .assessmentDeadlinePassed, final: !standing.isInGracePeriod)))
  }

  /// The R-RE-1 finding with the register it is about.
  public static func evidence(
    for coach: Coach, membership: Membership?, in register: Register?, published: PublicRegister?,
    on date: CalendarDate
  ) -> RegistrationEvidence? {
    finding(for: coach, membership: membership, in: register, published: published, on: date)
      .map {
        RegistrationEvidence(register: membership?.register ?? published?.registerID, finding: $0)
      }
  }

  public static func finding(
    for coach: Coach, membership: Membership?, in register: Register?, published: PublicRegister?,
    on date: CalendarDate
  ) -> Finding? {
    let subject = FindingSubject.coach(coach.id)
    var evidence: [EvidenceItem] = []
    func finding(_ severity: Severity, _ outcome: Outcome, _ reason: RegisterReason) -> Finding {
      Finding(
        rule: .reregistration, severity: severity, outcome: outcome, subject: subject,
        reason: .register(reason), evidence: evidence)
    }
    if let membership {
      let register =
        register ?? Register(id: membership.register, name: membership.register.rawValue)
      let number = membership.registerNumber
      let standing = membership.standing(on: date, in: register)
      // The register's word: number, status on the date, period and valid-until (Q-POL-4).
      evidence = [
        EvidenceItem(
          kind: .registration, reference: number,
          facts: .registration(
            register: register.name, register.id, status: standing.statusCode, on: date,
            period: standing.cycle.number, standing.cycle.period, validUntil: standing.validUntil),
          validFrom: standing.cycle.start, validUntil: standing.validUntil)
      ]
      if let lapsed = standing.lapsedOn {
        return finding(
          .warning, .unmet,
          .lapsed(
            number: number, on: lapsed, standing.lapseReason ?? .assessmentDeadlinePassed,
            final: false))
      }
      switch standing.status {
      case .registered?:
        return finding(
          .note, .met,
          .registered(number: number, since: membership.admittedOn, until: standing.cycle.end))
      case let status?:
        return finding(
          .warning, .unmet, .status(number: number, status, on: date))
      case nil:
        return finding(.warning, .unmet, .notYetRegistered(number: number, on: date))
      }
    }
    guard let number = coach.registerNumber else { return nil }
    guard let published else {
      return finding(
        .warning, .undetermined,
        .numberUnchecked(number: number))
    }
    let source = published.publishedOn
    guard let entry = published.entry(number) else {
      return finding(.warning, .unmet, .numberNotPublished(number: number, publishedOn: source))
    }
    if entry.name != coach.name {
      return finding(.warning, .unmet, .numberOfAnotherName(number: number, publishedOn: source))
    }
    if entry.status != .registered {
      return finding(
        .warning, .unmet, .publishedStatus(number: number, entry.status, publishedOn: source))
    }
    if let until = entry.validUntil, until < date {
      return finding(
        .warning, .unmet, .publishedUntil(number: number, until: until, publishedOn: source))
    }
    return finding(
      .note, .met,
      .publishedRegistered(
        number: number, since: entry.registeredSince, until: entry.validUntil,
        publishedOn: source))
  }
}
