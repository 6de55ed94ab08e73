/// The part a coach plays in a placement (Q-ASG-1).
public enum AssignmentRole: String, CaseIterable, Hashable, Sendable, Comparable {
  /// The coach who coaches the placement.
  case main
  /// The fall-back coach (terugvalcoach) who stands in while the main coach cannot.
  case standIn

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .main && rhs == .standIn }
}

/// A coach assigned to a placement over a period (Q-ASG-1): who, for which organisation, from
/// when until when, in which role, and for an internal coach the two facts of this coach in
/// this placement (Q-INT-3, Q-INT-4), which never carry over to another coach. A coach change
/// is a new assignment; one can be recorded before it starts, so a caseworker records the
/// intended assignment and then verifies it.
public struct Assignment: Hashable, Sendable {
  public var coach: CoachID
  /// The organisation that delivers the coaching: it must employ the coach as the kind judged
  /// on the assignment's dates. Nil only for the single coach of a placement from before
  /// assignments, whose employer of the kind judged is taken.
  public var organisation: OrganisationID?
  /// Both days included; an open end runs with the placement.
  public var period: DateInterval
  public var role: AssignmentRole
  /// Evidence of the coach's experience with the worker's tasks (Q-INT-3).
  public var taskExperience: EvidenceReference?
  /// The coach's exemption from part of their working hours to coach here (Q-INT-4).
  public var hoursExemption: HoursExemption?

  public init(
    coach: CoachID, organisation: OrganisationID?, period: DateInterval,
    role: AssignmentRole = .main, taskExperience: EvidenceReference? = nil,
    hoursExemption: HoursExemption? = nil
  ) {
    self.coach = coach
    self.organisation = organisation
    self.period = period
    self.role = role
    self.taskExperience = taskExperience
    self.hoursExemption = hoursExemption
  }

  public var start: CalendarDate { period.start }
}
