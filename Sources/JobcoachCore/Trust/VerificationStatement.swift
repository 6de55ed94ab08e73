/// A verification as a W3C Verifiable Credential (data model 2.0) that a municipality keeps and
/// anyone can check offline (`jobcoach verify --statement`). It holds the verdict and no more
/// about the coach than the verdict needs: name and register number, never an address, birth
/// date or citizen service number; the placement only as a pseudonym; evidence as document
/// ids, never documents.
public enum VerificationStatement {
  public static let context: JSONValue = .array([.string("https://www.w3.org/ns/credentials/v2")])
  public static let credentialType = "JobcoachVerificationStatement"

  /// A new statement's id: a random UUID (version 4), as a URN.
  public static func newID() throws(TrustError) -> String {
    try newID { () throws(TrustError) in try RandomBytes.make(16) }
  }

  /// A new id from the 16 random bytes `draw` gives. About one UUID in a hundred holds a run of
  /// nine digits (across a dash too) that passes the eleven test, which every door of the
  /// registry refuses as a citizen service number; such a draw is passed over for the next, so
  /// the id is still random and a statement's own id never stops its import or its check.
  static func newID(draw: () throws(TrustError) -> [UInt8]) throws(TrustError) -> String {
    while true {
      var bytes = try draw()
      bytes[6] = bytes[6] & 0x0F | 0x40
      bytes[8] = bytes[8] & 0x3F | 0x80
      // 8-4-4-4-12 digits.
      let groups = [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { Hex.lowercase(bytes[$0]) }
      let id = "urn:uuid:" + groups.joined(separator: "-")
      if !CitizenServiceNumber.occurs(in: id) { return id }
    }
  }

  /// Where a statement the registry keeps stands in its issuer's revocation list.
  public struct Issue: Hashable, Sendable {
    public var id: String
    public var statusIndex: Int
    public init(id: String, statusIndex: Int) {
      self.id = id
      self.statusIndex = statusIndex
    }
  }

  /// The statement `issuer` makes of `answer` (unsigned: `DataIntegrity.sign` adds the proof).
  /// With `issue`, the statement has an id and a place in the issuer's revocation list; without
  /// (a statement made from documents, with no registry to keep it), it has neither and cannot
  /// be revoked.
  public static func credential(
    for answer: CoachVerification, placement: PlacementID?, issuer: PublicKey,
    issue: Issue? = nil
  ) -> JSONObject {
    let verification = answer.verification
    let date = verification.request.date
    var subject: JSONObject = [
      "type": .string("JobcoachVerification"),
      "name": .string(verification.coach.name),
    ]
    // The number the coach gave, else the one the register's standing was found under.
    let registered = verification.request.registrations.lazy.flatMap(\.finding.evidence)
      .first { $0.kind == .registration }?.reference
    if let number = verification.coach.registerNumber ?? registered {
      subject.members.append(.init(key: "registerNumber", value: .string(number)))
    }
    subject.members += [
      .init(key: "kind", value: .string(verification.request.kind.rawValue)),
      .init(key: "verifiedOn", value: JSONValue(date)),
      .init(key: "eligible", value: .bool(verification.isEligible)),
      .init(
        key: "policy",
        value: .object([
          "id": .string(answer.policy.policy.id.rawValue),
          "name": .string(answer.policy.policy.name),
          "effectiveFrom": JSONValue(answer.policy.policy.effectiveFrom),
        ])),
      .init(
        key: "rules",
        value: .array(
          verification.findings.map { finding in
            .object([
              "rule": .string(finding.rule.rawValue),
              "severity": .string(finding.severity.rawValue),
              "outcome": .string(finding.outcome.rawValue),
              "reason": .string(finding.reason.code),
              "evidence": .array(
                Array(Set(finding.evidence.map(\.reference))).sorted().map(JSONValue.string)),
            ])
          })),
    ]
    if let placement {
      subject.members.append(
        .init(key: "placement", value: .string(pseudonym(of: placement, issuer: issuer))))
    }
    var credential: JSONObject = ["@context": context]
    if let issue { credential.members.append(.init(key: "id", value: .string(issue.id))) }
    credential.members += [
      .init(
        key: "type", value: .array([.string("VerifiableCredential"), .string(credentialType)])),
      .init(key: "issuer", value: .string(issuer.did)),
      .init(key: "validFrom", value: .string(AmsterdamTime.startOfDay(date))),
    ]
    if let end = validUntil(of: verification) {
      credential.members.append(.init(key: "validUntil", value: .string(AmsterdamTime.endOfDay(end))))
    }
    credential.members.append(.init(key: "credentialSubject", value: .object(subject)))
    if let issue {
      credential.members.append(
        .init(
          key: "credentialStatus",
          value: .object(StatusListCredential.entry(index: issue.statusIndex, issuer: issuer))))
    }
    return credential
  }

  /// The verdict's natural end: the earliest last day of the qualifications, recognitions and
  /// registrations it relied on (the met findings' evidence); nil when none ends.
  public static func validUntil(of verification: Verification) -> CalendarDate? {
    let date = verification.request.date
    return verification.findings.filter { $0.outcome == .met }
      .flatMap(\.evidence)
      .filter { [.qualification, .recognition, .registration].contains($0.kind) }
      .compactMap(\.validUntil)
      .filter { $0 >= date }
      .min()
  }

  /// The placement as the statement names it: a hash of the issuer and the placement id, so
  /// the municipality that knows the placement can match it and nobody else learns it.
  public static func pseudonym(of placement: PlacementID, issuer: PublicKey) -> String {
    "urn:jobcoach:placement:" + SHA256.hex(issuer.did + "\n" + placement.rawValue)
  }
}

/// Calendar dates as the moments a credential's `validFrom` and `validUntil` need
/// (xsd:dateTimeStamp): midnight and the day's last second in Europe/Amsterdam, whose offset is
/// +01:00 in winter and +02:00 from the last Sunday of March to the last Sunday of October
/// (the change at 01:00 UTC).
public enum AmsterdamTime {
  public static func startOfDay(_ date: CalendarDate) -> String {
    // At midnight the day's change has not happened yet: the day before's offset.
    "\(date)T00:00:00" + offset(summer: isSummer(date.adding(days: -1)))
  }

  public static func endOfDay(_ date: CalendarDate) -> String {
    "\(date)T23:59:59" + offset(summer: isSummer(date))
  }

  /// The calendar day a timestamp's local date names (its first ten characters).
  public static func date(of timestamp: String) -> CalendarDate? {
    guard timestamp.utf8.count >= 10 else { return nil }
    return CalendarDate(iso: timestamp.prefix(10))
  }

  /// Whether the evening of `date` is in summer time.
  static func isSummer(_ date: CalendarDate) -> Bool {
    let year = date.year
    return date >= lastSunday(year: year, month: 3) && date < lastSunday(year: year, month: 10)
  }

  static func lastSunday(year: Int, month: Int) -> CalendarDate {
    let last = CalendarDate(year: year, month: month, day: 31)!
    // 1970-01-01 was a Thursday: weekday 0 is Monday.
    let weekday = ((last.daysSinceEpoch + 3) % 7 + 7) % 7
    return last.adding(days: -((weekday + 1) % 7))
  }

  static func offset(summer: Bool) -> String { summer ? "+02:00" : "+01:00" }
}

/// "Does this statement hold?", with no registry and no network (`jobcoach statement verify`):
/// its proof, its issuer among the trusted, its period on the date, and, when the issuer's
/// revocation list is given, that the statement is not in it.
public struct CheckStatement: Sendable {
  public var trusted: [PublicKey]
  public var date: CalendarDate
  /// The issuer's status list credential (`BitstringStatusListCredential`), if given.
  public var statusList: JSONValue?

  public init(trusting trusted: [PublicKey], on date: CalendarDate, statusList: JSONValue? = nil) {
    self.trusted = trusted
    self.date = date
    self.statusList = statusList
  }

  /// What the revocation list says of the statement.
  public enum Revocation: Hashable, Sendable {
    /// No list was given.
    case notAsked
    /// The statement has no place in a list (made from documents): it cannot be revoked.
    case notRevocable
    case current
    case revoked
  }

  /// Why a statement does not hold.
  public enum Problem: Hashable, Sendable {
    /// Not a credential of ours: a JSON object with `@context`, `type` and `issuer`.
    case notAStatement
    case proof(DataIntegrity.Failure)
    /// Signed by another key than its `issuer` names.
    case issuerNotSigner(issuer: String, signer: String)
    case untrustedIssuer(String)
    case notYetValid(CalendarDate)
    case expired(CalendarDate)
    /// The issuer withdrew the statement (its bit is set in the issuer's list).
    case revoked
    /// The list given cannot answer for this statement.
    case statusList(StatusListCredential.Problem)
  }

  /// What the check found.
  public struct Outcome: Hashable, Sendable {
    public var issuer: String?
    public var validFrom: CalendarDate?
    public var validUntil: CalendarDate?
    public var revocation = Revocation.notAsked
    public var problems: [Problem]
    public var holds: Bool { problems.isEmpty }

    public init(
      issuer: String? = nil, validFrom: CalendarDate? = nil, validUntil: CalendarDate? = nil,
      revocation: Revocation = .notAsked, problems: [Problem]
    ) {
      self.issuer = issuer
      self.validFrom = validFrom
      self.validUntil = validUntil
      self.revocation = revocation
      self.problems = problems
    }
  }

  public func run(_ document: JSONValue) -> Outcome {
    guard case .object(let statement) = document, statement["@context"] != nil,
      case .array(let types)? = statement["type"], types.contains(.string("VerifiableCredential")),
      case .string(let issuer)? = statement["issuer"]
    else { return Outcome(problems: [.notAStatement]) }
    var outcome = Outcome(issuer: issuer, problems: [])
    switch DataIntegrity.issuer(of: statement) {
    case .proof(let failure): outcome.problems.append(.proof(failure))
    case .notTheIssuer(let issuer, let signer):
      outcome.problems.append(.issuerNotSigner(issuer: issuer, signer: signer))
    case .issuer(let did):
      if !trusted.contains(where: { $0.did == did }) {
        outcome.problems.append(.untrustedIssuer(issuer))
      }
    }
    if case .string(let text)? = statement["validFrom"] {
      outcome.validFrom = AmsterdamTime.date(of: text)
      if let start = outcome.validFrom, date < start { outcome.problems.append(.notYetValid(start)) }
      if outcome.validFrom == nil { outcome.problems.append(.notAStatement) }
    }
    if case .string(let text)? = statement["validUntil"] {
      outcome.validUntil = AmsterdamTime.date(of: text)
      if let end = outcome.validUntil, date > end { outcome.problems.append(.expired(end)) }
      if outcome.validUntil == nil { outcome.problems.append(.notAStatement) }
    }
    if let statusList { checkStatus(statement, issuer: issuer, in: statusList, &outcome) }
    return outcome
  }

  private func checkStatus(
    _ statement: JSONObject, issuer: String, in list: JSONValue, _ outcome: inout Outcome
  ) {
    guard let status = statement["credentialStatus"] else {
      outcome.revocation = .notRevocable
      return
    }
    guard case .object(let entry) = status,
      entry["statusPurpose"] == .string("revocation"),
      case .string(let listID)? = entry["statusListCredential"],
      case .string(let indexText)? = entry["statusListIndex"], let index = Int(indexText)
    else {
      outcome.problems.append(.notAStatement)
      return
    }
    switch StatusListCredential.isRevoked(index: index, listID: listID, issuer: issuer, in: list) {
    case .failure(let problem): outcome.problems.append(.statusList(problem))
    case .success(true):
      outcome.revocation = .revoked
      outcome.problems.append(.revoked)
    case .success(false): outcome.revocation = .current
    }
  }
}
