/// Who pays for the coaching of a placement.
public enum Funder: String, CaseIterable, Hashable, Sendable {
  case municipality
  /// UWV, which works only with coaches of recognised coaching organisations (Q-POL-3).
  case uwv
}

/// A placement: one worker on a paid job with one employer, coached by the coaches assigned to
/// it over time (Q-ASG-1).
///
/// The worker is known only by a pseudonymous reference. Who coaches when, for which
/// organisation, lives in the assignments, with the two facts the G4 rules ask of an internal
/// coach for this placement (Q-INT-3, Q-INT-4): they depend on the job and the coach, and never
/// carry over to another coach.
public struct Placement: Hashable, Sendable {
  public var id: PlacementID
  /// The municipality that grants the coaching; its policy applies by default.
  public var municipality: OrganisationID?
  public var employer: OrganisationID
  /// Who coaches when (Q-ASG-1), by start date; a coach change is a new assignment.
  public var assignments: [Assignment]
  public var worker: WorkerReference
  public var period: DateInterval
  public var funder: Funder
  /// Whether the coach was appointed through the municipality (Q-POL-2, third option).
  public var appointedThroughMunicipality: Bool
  /// The coaching the municipality granted (F-1..F-5); nil until it decides.
  public var grant: Grant?
  /// The coaching plan (P-1); nil until agreed.
  public var plan: CoachingPlan?
  /// The worker's absences (P-5), by start date.
  public var absences: [Absence]
  /// The accountability reports delivered to the funder (P-3), by delivery date.
  public var reports: [ReportRecord]
  /// Whether the worker's wages are subsidised (loonkostensubsidie), so the coach checks it
  /// each quarter (K-5).
  public var wageCostSubsidy: Bool

  /// With `assignments`, or with one `coach` (and its facts): one main assignment over the
  /// placement's dates whose delivering organisation is the coach's employer of the kind
  /// judged, as a placement of before assignments said it.
  public init(
    id: PlacementID, municipality: OrganisationID? = nil, employer: OrganisationID,
    coach: CoachID? = nil, assignments: [Assignment] = [], worker: WorkerReference,
    period: DateInterval, funder: Funder = .municipality,
    appointedThroughMunicipality: Bool = false, taskExperience: EvidenceReference? = nil,
    hoursExemption: HoursExemption? = nil, grant: Grant? = nil, plan: CoachingPlan? = nil,
    absences: [Absence] = [], reports: [ReportRecord] = [], wageCostSubsidy: Bool = false
  ) {
    self.reports = reports.sorted { ($0.deliveredOn, $0.id) < ($1.deliveredOn, $1.id) }
    self.id = id
    self.municipality = municipality
    self.employer = employer
    var assignments = assignments
    if let coach {
      assignments.append(
        Assignment(
          coach: coach, organisation: nil, period: period, role: .main,
          taskExperience: taskExperience, hoursExemption: hoursExemption))
    }
    self.assignments = assignments.sorted {
      ($0.period.start, $0.role) < ($1.period.start, $1.role)
    }
    self.worker = worker
    self.period = period
    self.funder = funder
    self.appointedThroughMunicipality = appointedThroughMunicipality
    self.grant = grant
    self.plan = plan
    self.absences = absences.sorted { $0.period.start < $1.period.start }
    self.wageCostSubsidy = wageCostSubsidy
  }
}

extension Placement {
  /// What makes placements siblings (K-6): the same coach with the same employer, whose talks
  /// can be clustered.
  public struct SiblingKey: Hashable, Sendable {
    public var coach: CoachID
    public var employer: OrganisationID
  }

  /// By the lead coach; nil for a placement without one: it has no siblings.
  public var siblingKey: SiblingKey? {
    leadCoach.map { SiblingKey(coach: $0, employer: employer) }
  }

  /// The coach of the main assignment that started last: who a placement is filed under
  /// (`placements(coachedBy:)`, K-6); nil when none is assigned.
  public var leadCoach: CoachID? {
    assignments.last { $0.role == .main }?.coach ?? assignments.last?.coach
  }

  /// Every coach ever assigned, in order of their first assignment.
  public var assignedCoaches: [CoachID] {
    var seen = Set<CoachID>()
    return assignments.map(\.coach).filter { seen.insert($0).inserted }
  }

  /// The days `assignment` runs: an open end runs with the placement.
  public func days(of assignment: Assignment) -> DateInterval {
    DateInterval(start: assignment.start, end: assignment.period.end ?? period.end)
  }

  /// The assignments covering `date`, main first (Q-ASG-1).
  public func assignments(on date: CalendarDate) -> [Assignment] {
    guard period.contains(date) else { return [] }
    return assignments.filter { $0.period.contains(date) }.sorted { $0.role < $1.role }
  }

  /// The coach's assignment covering `date` (the main one when both apply), else nil: the one
  /// answer to "is this coach assigned here on this day" (Q-ASG-1, P-9).
  public func assignment(of coach: CoachID, on date: CalendarDate) -> Assignment? {
    assignmentIndex(of: coach, on: date).map { assignments[$0] }
  }

  /// Where in `assignments` the coach's assignment covering `date` is, as `assignment(of:on:)`
  /// chooses it. Asked for every booking judged: one pass by index, no assignment copied.
  public func assignmentIndex(of coach: CoachID, on date: CalendarDate) -> Int? {
    guard period.contains(date) else { return nil }
    var standIn: Int?
    for index in assignments.indices
    where assignments[index].coach == coach && assignments[index].period.contains(date) {
      if assignments[index].role == .main { return index }
      if standIn == nil { standIn = index }
    }
    return standIn
  }
}

/// Hours per week an internal coach is freed from other work to coach (vrijstelling).
public struct HoursExemption: Hashable, Sendable {
  public var perWeek: Hours
  public var evidence: EvidenceReference

  public init(perWeek: Hours, evidence: EvidenceReference) {
    self.perWeek = perWeek
    self.evidence = evidence
  }
}

extension Placement {
  /// What is wrong with `assignment` beside the ones before it in a placement of `period`
  /// (Q-ASG-1): it must lie within the placement, and two main assignments never overlap (a
  /// coach change is a new assignment from the day after). Nil when nothing is.
  public static func assignmentProblem(
    _ assignment: Assignment, among earlier: ArraySlice<Assignment>, in period: DateInterval
  ) -> (field: String, reason: ProblemReason)? {
    if assignment.start < period.start {
      return (
        "from", .assignmentBeforePlacement(start: assignment.start, placementStart: period.start)
      )
    }
    if let end = period.end, (assignment.period.end ?? end) > end {
      return (assignment.period.end == nil ? "from" : "until", .assignmentPastPlacement(end: end))
    }
    guard assignment.role == .main else { return nil }
    let effective = DateInterval(start: assignment.start, end: assignment.period.end ?? period.end)
    for other in earlier where other.role == .main {
      let span = DateInterval(start: other.start, end: other.period.end ?? period.end)
      if span.overlaps(effective) {
        return ("from", .mainAssignmentsOverlap(other.coach, span))
      }
    }
    return nil
  }
}
