/// The kinds of qualification the G4 requirements (appendix 3.4) ask for.
public enum QualificationKind: String, CaseIterable, Hashable, Sendable {
  /// A completed hbo education (hbo-diploma).
  case hboDiploma = "hbo-diploma"
  /// Hbo working-and-thinking level (hbo werk- en denkniveau), assessed without the diploma.
  case hboLevel = "hbo-level"
  /// A jobcoach training module with a certificate or diploma (opleidingsmodule jobcoach).
  case jobcoachTraining = "jobcoach-training"
  /// An in-company jobcoach training followed in practice within the organisation.
  case inCompanyTraining = "in-company-training"
  /// A training to guide workers with a limitation on the workplace (Harrie/Buddy or similar).
  case workplaceGuidanceTraining = "workplace-guidance-training"
  /// Demonstrable experience giving work instructions (werkinstructies).
  case workInstructionExperience = "work-instruction-experience"
}

/// A qualification of a coach, with the evidence that proves it.
public struct Qualification: Hashable, Sendable {
  public var kind: QualificationKind
  /// What the document calls it, for example "Ik ben Harrie" or "Post-hbo Jobcoach".
  public var title: String
  public var issuedOn: CalendarDate
  /// The last day it is valid; nil when it does not expire.
  public var expiresOn: CalendarDate?
  public var issuer: String
  public var evidence: EvidenceReference?

  public init(
    kind: QualificationKind, title: String, issuedOn: CalendarDate, expiresOn: CalendarDate? = nil,
    issuer: String, evidence: EvidenceReference? = nil
  ) {
    self.kind = kind
    self.title = title
    self.issuedOn = issuedOn
    self.expiresOn = expiresOn
    self.issuer = issuer
    self.evidence = evidence
  }

  /// Valid from the issue date through the expiry date, both inclusive.
  public func isValid(on date: CalendarDate) -> Bool {
    DateInterval(start: issuedOn, end: expiresOn).contains(date)
  }
}
