/// The accountability report of a period (verantwoordingsrapportage): the hours booked per goal,
/// reimbursable and not, why each hour that is not, and the amount at the hourly rate.
///
/// Sums are exact: hours are whole minutes, and each amount is priced once per rate from its
/// summed minutes (rounded half up to the cent). The total is priced from the total hours at
/// each rate, so it can differ by a cent from the sum of the rounded lines; the report never
/// adds rounded amounts. Amounts exclude VAT (F-4).
public struct AccountabilityReport: Hashable, Sendable {
  /// One line: the bookings that served the same goals.
  public struct Line: Hashable, Sendable {
    /// The plan goals, in the order booked; empty for bookings without a goal.
    public var goals: [GoalID]
    /// Their categories, where the plan knows the goal.
    public var categories: [GoalCategory]
    public var booked: Hours
    public var reimbursable: Hours
    public var amount: Money
    public var notReimbursable: Hours { booked - reimbursable }
  }

  /// Hours held for the funder's decision (F-7), with the decision once made.
  public struct Held: Hashable, Sendable {
    public var booking: BookingID
    public var date: CalendarDate
    public var rule: RuleID
    public var hours: Hours
    public var reason: BookingReason
    public var decision: FunderDecision?

    public init(
      booking: BookingID, date: CalendarDate, rule: RuleID, hours: Hours, reason: BookingReason,
      decision: FunderDecision?
    ) {
      self.booking = booking
      self.date = date
      self.rule = rule
      self.hours = hours
      self.reason = reason
      self.decision = decision
    }
  }

  /// One part of a booking that is not reimbursed, with its rule and reason.
  public struct Exclusion: Hashable, Sendable {
    public var booking: BookingID
    public var date: CalendarDate
    public var rule: RuleID
    public var hours: Hours
    public var reason: BookingReason
  }

  public var placement: PlacementID
  public var period: DateInterval
  public var hourlyRate: Money
  public var lines: [Line]
  public var exclusions: [Exclusion]
  /// Every part held for the funder in the period, decided or awaiting.
  public var held: [Held]
  /// Bookings during an absence with written approval: the report says so (P-5).
  public var duringApprovedAbsence: [HourBooking]
  public var booked: Hours
  public var reimbursable: Hours
  public var amount: Money

  public var notReimbursable: Hours { booked - reimbursable }

  /// The report of `period` from `review`, which judged every booking up to the period's end.
  public init(_ review: PlacementReview, period: DateInterval) {
    let placement = review.placement
    let rate = placement.grant?.hourlyRate ?? .zero
    let inPeriod = review.assessments.filter { period.contains($0.booking.date) }
    self.placement = placement.id
    self.period = period
    self.hourlyRate = rate
    var order: [[GoalID]] = []
    var grouped: [[GoalID]: [BookingAssessment]] = [:]
    for assessment in inPeriod {
      let key = assessment.booking.goals
      if grouped[key] == nil { order.append(key) }
      grouped[key, default: []].append(assessment)
    }
    lines = order.sorted {
      $0.map(\.rawValue).joined(separator: ",") < $1.map(\.rawValue).joined(separator: ",")
    }
    .map { goals in
      let list = grouped[goals]!
      let reimbursable = list.reduce(Hours.zero) { $0 + $1.reimbursable }
      return Line(
        goals: goals,
        categories: goals.compactMap { placement.plan?.goal($0)?.category },
        booked: list.reduce(.zero) { $0 + $1.booking.hours }, reimbursable: reimbursable,
        amount: list.cost)
    }
    exclusions = inPeriod.flatMap { assessment in
      assessment.notReimbursed.map {
        Exclusion(
          booking: assessment.booking.id, date: assessment.booking.date, rule: $0.rule,
          hours: $0.hours, reason: $0.reason)
      }
    }
    held = inPeriod.flatMap { assessment in
      assessment.held.map {
        Held(
          booking: assessment.booking.id, date: assessment.booking.date, rule: $0.rule,
          hours: $0.hours, reason: $0.reason, decision: $0.decision)
      }
    }
    duringApprovedAbsence = inPeriod.filter(\.duringApprovedAbsence).map(\.booking)
    booked = inPeriod.reduce(.zero) { $0 + $1.booking.hours }
    reimbursable = inPeriod.reduce(.zero) { $0 + $1.reimbursable }
    amount = inPeriod.cost
  }
}
