/// An hour booking's id, unique in the registry, for example `BK-2026-0001`.
public struct BookingID: RecordIdentifier {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
}

/// What the coach did in the booked time (P-4). Coaching and reporting are reimbursed; the
/// protocol names activities that are not; the list is not exhaustive, so an activity that is
/// on neither list is kept as the coach named it and held for the funder's decision (F-7),
/// never paid silently.
public struct BookedActivity: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }

  public static let coaching = BookedActivity(rawValue: "coaching")
  /// Writing the accountability report (verantwoordingsrapportage, P-3).
  public static let reporting = BookedActivity(rawValue: "reporting")
  /// The coach's own business operations (eigen bedrijfsvoering).
  public static let administration = BookedActivity(rawValue: "administration")
  /// Reistijd.
  public static let travel = BookedActivity(rawValue: "travel")
  /// Handing personal information over to another coach (overdracht).
  public static let handover = BookedActivity(rawValue: "handover")
  /// The coach's own training ((bij)scholing).
  public static let ownTraining = BookedActivity(rawValue: "own-training")
  /// Intervisie.
  public static let intervision = BookedActivity(rawValue: "intervision")
  /// Mediating the worker to other work (bemiddeling naar ander werk).
  public static let mediationToOtherWork = BookedActivity(rawValue: "mediation-to-other-work")

  /// The activities the protocol reimburses.
  public static let reimbursed: [BookedActivity] = [.coaching, .reporting]
  /// The protocol's list of activities it does not reimburse (P-4).
  public static let excluded: [BookedActivity] = [
    .administration, .travel, .handover, .ownTraining, .intervision, .mediationToOtherWork,
  ]

  /// Whether the protocol reimburses this activity at all (P-4).
  public var isReimbursable: Bool { Self.reimbursed.contains(self) }
  /// Whether the protocol names it as not reimbursed (P-4). (Asked of every booking judged,
  /// most of them coaching: the two reimbursed names are looked at first.)
  public var isExcluded: Bool { !isReimbursable && Self.excluded.contains(self) }
  /// Neither: held for the funder's decision (P-4 is not exhaustive, F-7).
  public var isUnknown: Bool { !isReimbursable && !isExcluded }
}

/// With whom the coach was in contact (K-2: package 0 needs employer and worker each quarter).
public enum ContactParty: String, CaseIterable, Hashable, Sendable, Comparable {
  case employer, worker

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
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
  /// With whom; empty when the booking does not say (a visit is taken as with both).
  public var contactWith: Set<ContactParty>
  /// The accountability report a reporting booking was written for (P-3); nil: the report
  /// delivered first on or after the booking's date.
  public var report: ReportID?
  /// For home-situation goals: whether the coach states it was directly work-related (P-7).
  public var workRelated: Bool?
  /// Whether the coach checked the wage-cost subsidy and wage-value measurement (K-5).
  public var wageSubsidyCheck: Bool
  public var description: String?

  public init(
    id: BookingID, placement: PlacementID, coach: CoachID, date: CalendarDate, hours: Hours,
    activity: BookedActivity = .coaching, goals: [GoalID], contact: ContactKind? = nil,
    contactWith: Set<ContactParty> = [], report: ReportID? = nil,
    workRelated: Bool? = nil, wageSubsidyCheck: Bool = false, description: String? = nil
  ) {
    self.contactWith = contactWith
    self.report = report
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

extension HourBooking {
  /// The parties the contact reached: those named, else both for a visit at the workplace
  /// and nobody known for a call that names none.
  public var reached: Set<ContactParty> {
    guard contact != nil else { return [] }
    if !contactWith.isEmpty { return contactWith }
    return contact == .visit ? Set(ContactParty.allCases) : []
  }
}
