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

  /// What the evidence says, as values where a rule names many of them (a check names every
  /// booking that is not reimbursed): worded only when someone reads it.
  public enum Facts: Hashable, Sendable {
    /// A line already worded.
    case text(String)
    /// An hour booking: its id, day, hours and activity.
    case booking(BookingID, CalendarDate, Hours, BookedActivity)
    /// A policy version: its name and the day it takes effect.
    case policy(name: String, effectiveFrom: CalendarDate)
  }

  public var kind: Kind
  /// The evidence document's id, or the record's id when there is no document.
  public var reference: String
  public var facts: Facts
  public var validFrom: CalendarDate?
  public var validUntil: CalendarDate?

  public init(
    kind: Kind, reference: String, detail: String, validFrom: CalendarDate? = nil,
    validUntil: CalendarDate? = nil
  ) {
    self.init(
      kind: kind, reference: reference, facts: .text(detail), validFrom: validFrom,
      validUntil: validUntil)
  }

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

  /// A caseworker-readable line: what it is, who issued it, its dates.
  public var detail: String {
    switch facts {
    case .text(let text): text
    case .booking(let id, let date, let hours, let activity):
      "\(id) on \(date): \(hours.spoken) \(activity.title)"
    case .policy(let name, let effectiveFrom): "\(name), in force from \(effectiveFrom)"
    }
  }
}

/// What a rule found: the rule, how much it weighs, what it is about, a message a caseworker
/// understands, and the evidence it used. Rules return findings; they never print.
public struct Finding: Hashable, Sendable {
  public var rule: RuleID
  public var severity: Severity
  public var outcome: Outcome
  public var subject: FindingSubject
  public var message: String
  public var evidence: [EvidenceItem]

  public init(
    rule: RuleID, severity: Severity, outcome: Outcome, subject: FindingSubject, message: String,
    evidence: [EvidenceItem] = []
  ) {
    self.rule = rule
    self.severity = severity
    self.outcome = outcome
    self.subject = subject
    self.message = message
    self.evidence = evidence
  }
}
