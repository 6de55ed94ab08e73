/// Who pays for the coaching of a placement.
public enum Funder: String, CaseIterable, Hashable, Sendable {
  case municipality
  /// UWV, which works only with coaches of recognised coaching organisations (Q-POL-3).
  case uwv
}

/// A placement: one worker on a paid job with one employer, coached by one coach.
///
/// The worker is known only by a pseudonymous reference. The two facts that the G4 rules ask of
/// an internal coach for this placement live here, because they depend on the job, not only on
/// the coach: experience with the worker's tasks (Q-INT-3) and an hours exemption (Q-INT-4).
public struct Placement: Hashable, Sendable {
  public var id: PlacementID
  /// The municipality that grants the coaching; its policy applies by default.
  public var municipality: OrganisationID?
  public var employer: OrganisationID
  public var coach: CoachID?
  public var worker: WorkerReference
  public var period: DateInterval
  public var funder: Funder
  /// Whether the coach was appointed through the municipality (Q-POL-2, third option).
  public var appointedThroughMunicipality: Bool
  /// Evidence that the coach has experience with the work the worker does (Q-INT-3).
  public var taskExperience: EvidenceReference?
  /// The coach's exemption from part of their working hours to coach (Q-INT-4).
  public var hoursExemption: HoursExemption?
  /// The coaching the municipality granted (F-1..F-5); nil until it decides.
  public var grant: Grant?
  /// The coaching plan (P-1); nil until agreed.
  public var plan: CoachingPlan?
  /// The worker's absences (P-5), by start date.
  public var absences: [Absence]
  /// Whether the worker's wages are subsidised (loonkostensubsidie), so the coach checks it
  /// each quarter (K-5).
  public var wageCostSubsidy: Bool

  public init(
    id: PlacementID, municipality: OrganisationID? = nil, employer: OrganisationID,
    coach: CoachID?, worker: WorkerReference, period: DateInterval, funder: Funder = .municipality,
    appointedThroughMunicipality: Bool = false, taskExperience: EvidenceReference? = nil,
    hoursExemption: HoursExemption? = nil, grant: Grant? = nil, plan: CoachingPlan? = nil,
    absences: [Absence] = [], wageCostSubsidy: Bool = false
  ) {
    self.id = id
    self.municipality = municipality
    self.employer = employer
    self.coach = coach
    self.worker = worker
    self.period = period
    self.funder = funder
    self.appointedThroughMunicipality = appointedThroughMunicipality
    self.taskExperience = taskExperience
    self.hoursExemption = hoursExemption
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

  /// Nil for a placement without a coach: it has no siblings.
  public var siblingKey: SiblingKey? {
    coach.map { SiblingKey(coach: $0, employer: employer) }
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
