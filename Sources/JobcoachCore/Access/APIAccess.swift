/// Who may do what over the web API (issue 20): a token names its holder and role, and the
/// role decides. The one place these rules live; the web front end asks them.
///
/// - the association (de beroepsvereniging) reads and writes everything;
/// - a municipality (gemeente) reads verifications and placements of its own municipality;
/// - a coach (jobcoach) reads only their own PE statement and subject export.
public enum AccessRole: String, CaseIterable, Hashable, Sendable {
  case association, municipality, coach
}

/// An API token as the registry keeps it: never the secret, only its digest.
public struct AccessToken: Hashable, Sendable {
  /// The holder's name, unique: the actor in the audit trail for what the token writes.
  public var name: String
  public var role: AccessRole
  /// The municipality a municipality's token is for.
  public var municipality: OrganisationID?
  /// The coach a coach's token is for.
  public var coach: CoachID?
  public var issuedOn: CalendarDate
  public var revokedOn: CalendarDate?

  public init(
    name: String, role: AccessRole, municipality: OrganisationID? = nil, coach: CoachID? = nil,
    issuedOn: CalendarDate, revokedOn: CalendarDate? = nil
  ) {
    self.name = name
    self.role = role
    self.municipality = municipality
    self.coach = coach
    self.issuedOn = issuedOn
    self.revokedOn = revokedOn
  }

  /// A new secret: `jc_` and 64 letters `a` to `p` (32 random bytes; no digit, so no run that
  /// looks like a citizen service number).
  public static func newSecret() throws(TrustError) -> String {
    "jc_" + Hex.letters(try RandomBytes.make(32))
  }

  /// What the registry keeps of a secret: its SHA-256, in hex.
  public static func digest(of secret: String) -> String { SHA256.hex(secret) }

  /// Whether `text` has the form of a secret (before it is looked up).
  public static func isSecret(_ text: String) -> Bool {
    text.utf8.count == 67 && text.hasPrefix("jc_")
      && text.utf8.dropFirst(3).allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "p") }
  }
}

/// What a request asks, with what the registry says of its subject.
public enum AccessRequest: Hashable, Sendable {
  /// A coach's verification, touching these municipalities (the placement's, the policy's,
  /// the one named).
  case verification(touching: Set<OrganisationID>)
  /// A placement of this municipality (nil: the placement names none).
  case placement(municipality: OrganisationID?)
  case peStatement(of: CoachID)
  case subjectExport(of: CoachID)
  /// The audit trail.
  case audit
  /// Any change to the registry: imports, register decisions.
  case write
}

extension AccessToken {
  /// Whether the token is revoked on `date`: from its day of revocation on.
  public func isRevoked(on date: CalendarDate) -> Bool {
    revokedOn.map { $0 <= date } ?? false
  }

  /// Whether the holder may do `request`; a revoked token may do nothing.
  public func may(_ request: AccessRequest, on date: CalendarDate) -> Bool {
    if isRevoked(on: date) { return false }
    switch role {
    case .association:
      return true
    case .municipality:
      guard let municipality else { return false }
      switch request {
      case .verification(let touching): return touching.isSubset(of: [municipality])
      case .placement(let owner): return owner == municipality
      case .peStatement, .subjectExport, .audit, .write: return false
      }
    case .coach:
      guard let coach else { return false }
      switch request {
      case .peStatement(let subject), .subjectExport(let subject): return subject == coach
      case .verification, .placement, .audit, .write: return false
      }
    }
  }
}
