/// How much a finding weighs. An error makes a coach ineligible or a check fail.
public enum Severity: String, CaseIterable, Hashable, Comparable, Sendable {
  case error, warning, note

  private var rank: Int {
    switch self {
    case .error: 0
    case .warning: 1
    case .note: 2
    }
  }
  /// Errors sort first.
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// What a rule concluded.
public enum Outcome: String, CaseIterable, Hashable, Sendable {
  case met
  case unmet
  /// The registry lacks what the rule needs (for example, no placement was named).
  case undetermined
  /// The rule does not apply here, or the policy does not require it.
  case notApplicable = "not-applicable"
}

/// What a finding is about.
public struct FindingSubject: Hashable, Comparable, Sendable, CustomStringConvertible {
  public enum Kind: String, Hashable, Sendable {
    case coach, organisation, placement, policy, membership
  }
  public var kind: Kind
  public var id: String

  public init(kind: Kind, id: String) {
    self.kind = kind
    self.id = id
  }
  public static func coach(_ id: CoachID) -> Self { Self(kind: .coach, id: id.rawValue) }
  public static func organisation(_ id: OrganisationID) -> Self {
    Self(kind: .organisation, id: id.rawValue)
  }
  public static func placement(_ id: PlacementID) -> Self {
    Self(kind: .placement, id: id.rawValue)
  }
  public static func policy(_ id: PolicyID) -> Self { Self(kind: .policy, id: id.rawValue) }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.kind.rawValue, lhs.id) < (rhs.kind.rawValue, rhs.id)
  }
  public var description: String { "\(kind.rawValue) \(id)" }
}

/// One piece of evidence a rule used: a diploma, a recognition, an employment, a policy.
public struct EvidenceItem: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable {
    case qualification, recognition, employment, placement, policy, organisation
    case grant, motivation, plan, booking, absence
    /// A membership of the register: its number, status and period.
    case registration
  }

  /// What the evidence says, as values: worded only when someone reads it.
  public enum Facts: Hashable, Sendable {
    /// An hour booking: its id, day, hours and activity.
    case booking(BookingID, CalendarDate, Hours, BookedActivity)
    /// A policy version (or PE norm): its name and the day it takes effect.
    case policy(name: String, effectiveFrom: CalendarDate)
    case employment(CoachKind, OrganisationRef, DateInterval)
    case qualification(Qualification)
    case recognition(UWVRecognition, organisation: String)
    /// A document that proves what the finding says.
    case document(EvidenceReference)
    case exemption(perWeek: Hours, EvidenceReference)
    case assignment(AssignmentRole, DateInterval, for: OrganisationRef?)
    /// A diploma of an education (its title, or its id when the list lacks it).
    case diploma(education: String, known: Bool, issuedOn: CalendarDate, EvidenceReference)
    case experience(Hours, DateInterval, description: String)
    case plan(agreedOn: CalendarDate, by: [PlanParty], goals: Int)
    case approvedAbsence(AbsenceReason, DateInterval, approvedOn: CalendarDate, EvidenceReference)
    case decision(DecisionID, DecisionOutcome, [BookingID])
    case grantPeriod(DateInterval, amount: Money?)
    case contactWindow(DateInterval, visits: Int)
    case motivation(summary: String, EvidenceReference)
    case motivatedPlacement(PlacementID, summary: String)
    /// A membership's word: register, status on the date (nil: not yet registered), period.
    case registration(
      register: String, RegisterID, status: String?, on: CalendarDate, period: Int,
      DateInterval, validUntil: CalendarDate?)
  }

  public var kind: Kind
  /// The evidence document's id, or the record's id when there is no document.
  public var reference: String
  public var facts: Facts
  public var validFrom: CalendarDate?
  public var validUntil: CalendarDate?

  public init(
    kind: Kind, reference: String, facts: Facts, validFrom: CalendarDate? = nil,
    validUntil: CalendarDate? = nil
  ) {
    self.kind = kind
    self.reference = reference
    self.facts = facts
    self.validFrom = validFrom
    self.validUntil = validUntil
  }
}

/// What a rule found: the rule, how much it weighs, what it is about, why (a reason with its
/// facts as values, worded by the front end), and the evidence it used. Rules return findings;
/// they never print.
public struct Finding: Hashable, Sendable {
  public var rule: RuleID
  public var severity: Severity
  public var outcome: Outcome
  public var subject: FindingSubject
  public var reason: FindingReason
  public var evidence: [EvidenceItem]

  public init(
    rule: RuleID, severity: Severity, outcome: Outcome, subject: FindingSubject,
    reason: FindingReason,
    evidence: [EvidenceItem] = []
  ) {
    self.rule = rule
    self.severity = severity
    self.outcome = outcome
    self.subject = subject
    self.reason = reason
    self.evidence = evidence
  }
}
