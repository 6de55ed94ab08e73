/// Why a worker was absent. Only the kind is kept, never a diagnosis.
public enum AbsenceReason: String, CaseIterable, Hashable, Sendable {
  case sick, holiday
}

/// The funder's written approval, given beforehand, to coach during an absence (P-5).
public struct AbsenceApproval: Hashable, Sendable {
  public var evidence: EvidenceReference
  public var approvedOn: CalendarDate

  public init(evidence: EvidenceReference, approvedOn: CalendarDate) {
    self.evidence = evidence
    self.approvedOn = approvedOn
  }
}

/// A period the worker did not work (P-5).
public struct Absence: Hashable, Sendable {
  public var period: DateInterval
  public var reason: AbsenceReason
  public var approval: AbsenceApproval?

  public init(period: DateInterval, reason: AbsenceReason, approval: AbsenceApproval? = nil) {
    self.period = period
    self.reason = reason
    self.approval = approval
  }
}
