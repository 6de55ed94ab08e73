/// An hour booking's id, unique in the registry, for example `BK-2026-0001`.
public struct BookingID: RecordIdentifier {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
}

/// What the coach did in the booked time. Coaching and reporting are reimbursed; the others are
/// the protocol's list of activities that are not (P-4).
public enum BookedActivity: String, CaseIterable, Hashable, Sendable {
  case coaching
  /// Writing the accountability report (verantwoordingsrapportage, P-3).
  case reporting
  /// The coach's own business operations (eigen bedrijfsvoering).
  case administration
  /// Reistijd.
  case travel
  /// Handing personal information over to another coach (overdracht).
  case handover
  /// The coach's own training ((bij)scholing).
  case ownTraining = "own-training"
  /// Intervisie.
  case intervision
  /// Mediating the worker to other work (bemiddeling naar ander werk).
  case mediationToOtherWork = "mediation-to-other-work"

  /// Whether the protocol reimburses this activity at all (P-4).
  public var isReimbursable: Bool { self == .coaching || self == .reporting }

  public var title: String {
    switch self {
    case .coaching: "coaching"
    case .reporting: "accountability report"
    case .administration: "administration"
    case .travel: "travel time"
    case .handover: "handover to another coach"
    case .ownTraining: "the coach's own training"
    case .intervision: "intervision"
    case .mediationToOtherWork: "mediation to other work"
    }
  }
}

/// How the coach was in contact, for the packages' contact frequency (K-1..K-4).
public enum ContactKind: String, CaseIterable, Hashable, Sendable {
  /// A visit at the workplace with employer and worker (coachingsgesprek).
  case visit
  /// Contact by phone or mail.
  case call
}

/// Time a coach books on a placement (P-2): date, duration, the plan goals it served.
public struct HourBooking: Hashable, Sendable {
  public var id: BookingID
  public var placement: PlacementID
  public var coach: CoachID
  public var date: CalendarDate
  public var hours: Hours
  public var activity: BookedActivity
  public var goals: [GoalID]
  public var contact: ContactKind?
  /// For home-situation goals: whether the coach states it was directly work-related (P-7).
  public var workRelated: Bool?
  /// Whether the coach checked the wage-cost subsidy and wage-value measurement (K-5).
  public var wageSubsidyCheck: Bool
  public var description: String?

  public init(
    id: BookingID, placement: PlacementID, coach: CoachID, date: CalendarDate, hours: Hours,
    activity: BookedActivity = .coaching, goals: [GoalID], contact: ContactKind? = nil,
    workRelated: Bool? = nil, wageSubsidyCheck: Bool = false, description: String? = nil
  ) {
    self.id = id
    self.placement = placement
    self.coach = coach
    self.date = date
    self.hours = hours
    self.activity = activity
    self.goals = goals
    self.contact = contact
    self.workRelated = workRelated
    self.wageSubsidyCheck = wageSubsidyCheck
    self.description = description
  }
}
