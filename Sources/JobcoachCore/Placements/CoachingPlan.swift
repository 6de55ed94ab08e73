/// The eight goal categories of the coaching protocol (P-1), with the activities the seed names.
public enum GoalCategory: String, CaseIterable, Hashable, Sendable {
  /// Het introduceren van de werknemer.
  case introducingWorker = "introducing-worker"
  /// Structureren van het werk.
  case structuringWork = "structuring-work"
  /// Inwerken en trainen van de werknemer.
  case onboardingAndTraining = "onboarding-and-training"
  /// Opsporen en verhelpen storingen in de arbeidssituatie.
  case resolvingDisruptions = "resolving-disruptions"
  /// Begeleiden werknemer op het werk.
  case guidingOnTheJob = "guiding-on-the-job"
  /// Begeleiding in de thuissituatie voor zover werkgerelateerd (P-7).
  case homeSituation = "home-situation"
  /// Begeleiden van de direct leidinggevende, zodat die de rol kan overnemen (P-6).
  case guidingSupervisor = "guiding-supervisor"
  /// Evaluatie en coördinatie, including the accountability report (P-3).
  case evaluationAndCoordination = "evaluation-and-coordination"
}

/// A goal's id within its placement's coaching plan, for example `G1`.
public struct GoalID: RecordIdentifier {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
}

/// One goal of a coaching plan (coachingsdoel) and the activities planned for it.
public struct PlanGoal: Hashable, Sendable {
  public var id: GoalID
  public var category: GoalCategory
  public var description: String
  public var activities: [String]

  public init(id: GoalID, category: GoalCategory, description: String, activities: [String] = []) {
    self.id = id
    self.category = category
    self.description = description
    self.activities = activities
  }
}

/// Who agrees to a coaching plan (P-1).
public enum PlanParty: String, CaseIterable, Hashable, Comparable, Sendable {
  case coach, worker, employer

  public static func < (lhs: Self, rhs: Self) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// The coaching plan (coachingsplan, P-1): goals agreed by coach, worker and employer.
public struct CoachingPlan: Hashable, Sendable {
  public var agreedOn: CalendarDate
  public var agreedBy: Set<PlanParty>
  public var goals: [PlanGoal]

  public init(agreedOn: CalendarDate, agreedBy: Set<PlanParty>, goals: [PlanGoal]) {
    self.agreedOn = agreedOn
    self.agreedBy = agreedBy
    self.goals = goals
  }

  public func goal(_ id: GoalID) -> PlanGoal? { goals.first { $0.id == id } }
}
