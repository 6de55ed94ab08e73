import JobcoachCore

/// Builders for the placement rules (F, P, K): a placement starting 2026-01-01 with two
/// half-year periods, a plan with one goal of each category the rules single out.

func grantPeriod(_ start: String, _ end: String, cents: Int? = nil, result: PeriodResult? = nil)
  -> GrantPeriod
{
  GrantPeriod(
    start: day(start), end: day(end), amount: cents.map(Money.init(cents:)), result: result)
}

let twoHalfYears = [
  grantPeriod("2026-01-01", "2026-06-30"), grantPeriod("2026-07-01", "2026-12-31"),
]

let motivation = Motivation(evidence: evidenceDoc, summary: "Longer coaching avoids sheltered work")

func coachingGrant(
  _ level: GuidanceLevel = .light, rateCents: Int = 9000, package: CoachingPackage? = nil,
  motivated: Bool = false, periods: [GrantPeriod] = twoHalfYears
) -> Grant {
  Grant(
    level: level, hourlyRate: Money(cents: rateCents), package: package,
    motivation: motivated ? motivation : nil, periods: periods)
}

let fullPlan = CoachingPlan(
  agreedOn: day("2025-12-20"), agreedBy: Set(PlanParty.allCases),
  goals: [
    PlanGoal(id: "G1", category: .guidingOnTheJob, description: "On the job"),
    PlanGoal(id: "G3", category: .evaluationAndCoordination, description: "Evaluation"),
    PlanGoal(id: "G4", category: .homeSituation, description: "On time for work"),
    PlanGoal(id: "G5", category: .guidingSupervisor, description: "Supervisor takes over"),
  ])

func coachedPlacement(
  grant: Grant? = coachingGrant(), plan: CoachingPlan? = fullPlan, absences: [Absence] = [],
  wageCostSubsidy: Bool = false, end: String? = nil
) -> Placement {
  Placement(
    id: "P1", municipality: "MUN", employer: "EMP", coach: "C1", worker: "W-1",
    period: DateInterval(start: day("2026-01-01"), end: end.map(day)), grant: grant, plan: plan,
    absences: absences, wageCostSubsidy: wageCostSubsidy)
}

func booking(
  _ id: String, _ date: String, minutes: Int = 60, goals: [GoalID] = ["G1"],
  activity: BookedActivity = .coaching, contact: ContactKind? = nil, workRelated: Bool? = nil,
  check: Bool = false
) -> HourBooking {
  HourBooking(
    id: BookingID(rawValue: id), placement: "P1", coach: "C1", date: day(date),
    hours: Hours(minutes: minutes), activity: activity, goals: goals, contact: contact,
    workRelated: workRelated, wageSubsidyCheck: check)
}

/// `count` visits of an hour each, one a day from `first`.
func dailyVisits(_ first: String, count: Int, minutes: Int = 60) -> [HourBooking] {
  (0..<count).map { index in
    let date = day(first).adding(days: index)
    return HourBooking(
      id: BookingID(rawValue: "V\(index)"), placement: "P1", coach: "C1", date: date,
      hours: Hours(minutes: minutes), goals: ["G1"], contact: .visit)
  }
}

/// A policy like Zaanstreek-Waterland's: money shifts between years 1 and 2, motivated
/// exceptions allowed.
let flexiblePolicy = MunicipalPolicy(
  id: "FLEX", name: "Flexible", effectiveFrom: day("2015-01-01"),
  funding: FundingFramework(
    light: FundingFramework.g4.light, medium: FundingFramework.g4.medium,
    shiftsBetweenYears: true, allowsMotivatedExceptions: true))

func review(
  _ placement: Placement, _ bookings: [HourBooking] = [], on date: String,
  policy: MunicipalPolicy = .g4Default, coachKind: CoachKind? = .external,
  siblings: [PlacementID: [CalendarDate]] = [:]
) -> PlacementReview {
  PlacementReview(
    PlacementDossier(
      placement: placement, bookings: bookings, policy: policy, coachKind: coachKind,
      siblingVisits: siblings), on: day(date))
}

extension PlacementReview {
  func findings(_ rule: RuleID) -> [Finding] { findings.filter { $0.rule == rule } }
  /// The single finding of `rule`; nil when there is none or more than one.
  func only(_ rule: RuleID) -> Finding? {
    let list = findings(rule)
    return list.count == 1 ? list[0] : nil
  }
  func assessment(_ id: String) -> BookingAssessment? {
    assessments.first { $0.booking.id.rawValue == id }
  }
}
