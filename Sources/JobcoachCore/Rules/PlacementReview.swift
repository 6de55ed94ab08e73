/// Everything the placement rules need about one placement.
public struct PlacementDossier: Sendable {
  public var placement: Placement
  public var bookings: [HourBooking]
  /// The policy version in force on the date of the review.
  public var policy: MunicipalPolicy
  /// The kind the coach works as on this placement, when known (F-4).
  public var coachKind: CoachKind?
  /// The visit days of the same coach's other placements with the same employer (K-6).
  public var siblingVisits: [PlacementID: [CalendarDate]]

  public init(
    placement: Placement, bookings: [HourBooking], policy: MunicipalPolicy,
    coachKind: CoachKind? = nil, siblingVisits: [PlacementID: [CalendarDate]] = [:]
  ) {
    self.placement = placement
    self.bookings = bookings
    self.policy = policy
    self.coachKind = coachKind
    self.siblingVisits = siblingVisits
  }
}

/// Why some booked time is not reimbursed: the rule and a caseworker's reason.
public struct NonReimbursement: Hashable, Sendable {
  public var rule: RuleID
  public var hours: Hours
  public var reason: String

  public init(rule: RuleID, hours: Hours, reason: String) {
    self.rule = rule
    self.hours = hours
    self.reason = reason
  }
}

/// One booking judged: how much of it is reimbursed and why the rest is not.
public struct BookingAssessment: Hashable, Sendable {
  public var booking: HourBooking
  public var reimbursable: Hours
  public var notReimbursed: [NonReimbursement]
  /// Booked during an absence with the funder's written approval: the report must say so (P-5).
  public var duringApprovedAbsence: Bool

  public var notReimbursable: Hours { booking.hours - reimbursable }
}

/// The state of a budget line on the review date.
public struct BudgetUse: Hashable, Sendable {
  public var row: FundingRules.BudgetRow
  public var spent: Money

  /// What is left of the limit; negative when overspent.
  public var left: Money { row.limit - spent }
}

/// A window of the contact frequency a package promises, and the contacts in it (K-1..K-5).
public struct ContactWindow: Hashable, Sendable {
  public var rule: RuleID
  public var days: DateInterval
  public var contacts: Int
  public var required: Int

  public var isMet: Bool { contacts >= required }
}

/// The review of one placement on a date: every booking judged, the budget per framework year,
/// the contact frequency, and every finding of the F, P and K rules.
public struct PlacementReview: Sendable {
  public var dossier: PlacementDossier
  public var date: CalendarDate
  /// The bookings on or before the date, in date order, each judged.
  public var assessments: [BookingAssessment]
  public var budget: [BudgetUse]
  public var contactWindows: [ContactWindow]
  public var findings: [Finding]

  public var placement: Placement { dossier.placement }
  public var booked: Hours { assessments.reduce(.zero) { $0 + $1.booking.hours } }
  public var reimbursable: Hours { assessments.reduce(.zero) { $0 + $1.reimbursable } }
  /// The reimbursable hours at the grant's hourly rate.
  public var amount: Money {
    (placement.grant?.hourlyRate ?? .zero).cost(of: reimbursable)
  }

  /// Whether no finding is an error.
  public var isInOrder: Bool { !findings.contains { $0.severity == .error } }

  /// Reviews `dossier` as it stands on `date`.
  public init(_ dossier: PlacementDossier, on date: CalendarDate) {
    self.dossier = dossier
    self.date = date
    let placement = dossier.placement
    let funding = FundingRules(
      placement: placement, policy: dossier.policy, coachKind: dossier.coachKind)
    let bookings = dossier.bookings.filter { $0.date <= date }
      .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    let rules = PlacementRules(dossier: dossier, date: date)
    assessments = rules.assess(bookings)
    budget = rules.budget(funding, assessments)
    contactWindows = rules.contactWindows(bookings)
    findings = funding.grantFindings()
    findings += rules.findings(assessments: assessments, budget: budget, windows: contactWindows)
  }
}

/// The working state of one review; the P rules and the K rules live here.
struct PlacementRules: PlacementFindings {
  let dossier: PlacementDossier
  let date: CalendarDate

  var placement: Placement { dossier.placement }
  var grant: Grant? { placement.grant }
  var policy: MunicipalPolicy { dossier.policy }
  /// The day coaching started: the first granted period, else the placement's start.
  var coachingStart: CalendarDate { grant?.coachingStart ?? placement.period.start }

  // MARK: Bookings

  /// Judges each booking in date order. The first rule a booking fails decides why it is not
  /// reimbursed; reporting counts against the cap of its period only when nothing else failed.
  func assess(_ bookings: [HourBooking]) -> [BookingAssessment] {
    var reportingUsed: [CalendarDate: Hours] = [:]
    let cap = policy.coachingProtocol.reportingPerReport
    let employerYears = policy.coachingProtocol.employerCoachingYears
    let context = FailureContext(
      categories: Dictionary(
        (placement.plan?.goals ?? []).map { ($0.id, $0.category) },
        uniquingKeysWith: { first, _ in first }),
      employerCoachingEnds: coachingStart.adding(years: employerYears),
      employerYears: employerYears)
    return bookings.map { booking in
      var assessment = BookingAssessment(
        booking: booking, reimbursable: booking.hours, notReimbursed: [],
        duringApprovedAbsence: false)
      if let reason = firstFailure(booking, context, &assessment) {
        assessment.reimbursable = .zero
        assessment.notReimbursed = [
          NonReimbursement(rule: reason.rule, hours: booking.hours, reason: reason.message)
        ]
        return assessment
      }
      if booking.activity == .reporting, let period = grant?.period(containing: booking.date) {
        let used = reportingUsed[period.start, default: .zero]
        let room = used >= cap ? Hours.zero : cap - used
        let paid = min(room, booking.hours)
        reportingUsed[period.start] = used + booking.hours
        if paid < booking.hours {
          assessment.reimbursable = paid
          assessment.notReimbursed = [
            NonReimbursement(
              rule: .reportingHours, hours: booking.hours - paid,
              reason: "beyond the \(cap.spoken) of reporting reimbursed per accountability report "
                + "(period \(period.period)); more is at the funder's discretion")
          ]
        }
      }
      return assessment
    }
  }

  /// What judging every booking of a review shares, worked out once.
  struct FailureContext {
    /// The plan's goals' categories.
    let categories: [GoalID: GoalCategory]
    /// The first day coaching the supervisor is no longer reimbursed (P-6).
    let employerCoachingEnds: CalendarDate
    let employerYears: Int
  }

  private func firstFailure(
    _ booking: HourBooking, _ context: FailureContext, _ assessment: inout BookingAssessment
  ) -> (rule: RuleID, message: String)? {
    // P-9: only the coach assigned on the day books reimbursable hours (Q-ASG-1).
    guard placement.assignment(of: booking.coach, on: booking.date) != nil else {
      return (
        .bookedByAssignedCoach,
        "booked by \(booking.coach), who is not assigned to placement \(placement.id) on "
          + "\(booking.date)"
      )
    }
    guard let grant else { return (.halfYearPeriods, "no coaching is granted for this placement") }
    guard grant.period(containing: booking.date) != nil else {
      return (.halfYearPeriods, "booked outside the granted periods")
    }
    if !booking.activity.isReimbursable {
      return (.nonReimbursable, "\(booking.activity.title) is not reimbursed")
    }
    if booking.goals.isEmpty {
      return (.hoursAttributed, "not attributed to a goal of the coaching plan")
    }
    // The goals' categories, in a small array: a booking serves one or two goals.
    var categories: [GoalCategory] = []
    categories.reserveCapacity(booking.goals.count)
    for goal in booking.goals {
      guard let category = context.categories[goal] else {
        return (.hoursAttributed, "goal '\(goal)' is not in the coaching plan")
      }
      categories.append(category)
    }
    if let absence = placement.absences.first(where: { $0.period.contains(booking.date) }) {
      if let approval = absence.approval, approval.approvedOn <= booking.date {
        assessment.duringApprovedAbsence = true
      } else {
        let why =
          absence.approval == nil
          ? "without the funder's written approval"
          : "before the funder's written approval of \(absence.approval!.approvedOn)"
        return (
          .absence,
          "the worker was \(absence.reason == .sick ? "sick" : "on holiday") "
            + "(\(absence.period)); coaching \(why) is not reimbursed"
        )
      }
    }
    if categories.contains(.guidingSupervisor), booking.date >= context.employerCoachingEnds {
      return (
        .employerCoaching,
        "coaching of the supervisor more than \(context.employerYears) years after coaching "
          + "started (\(coachingStart))"
      )
    }
    if categories.contains(.homeSituation) {
      switch booking.workRelated {
      case false?:
        return (.homeSituation, "home-situation coaching that is not work-related")
      case nil:
        return (
          .homeSituation,
          "home-situation coaching awaiting review: the booking does not state it was work-related"
        )
      case true?: break
      }
    }
    return nil
  }

  // MARK: Budget

  func budget(_ funding: FundingRules, _ assessments: [BookingAssessment]) -> [BudgetUse] {
    guard let grant else { return [] }
    let rows = funding.budgetRows(grant)
    var hours = [Hours](repeating: .zero, count: rows.count)
    for assessment in assessments {
      for (index, row) in rows.enumerated() where row.days.contains(assessment.booking.date) {
        hours[index] += assessment.reimbursable
      }
    }
    return zip(rows, hours).map { row, hours in
      BudgetUse(row: row, spent: grant.hourlyRate.cost(of: hours))
    }
  }

  // MARK: Contact frequency

  /// Windows of `months` (or of 7 days) from the start of coaching, complete on the date.
  func windows(months: Int? = nil, weeks: Bool = false) -> [DateInterval] {
    let end = min(date, placement.period.end ?? date)
    var result: [DateInterval] = []
    var index = 0
    while true {
      let start: CalendarDate
      let next: CalendarDate
      if weeks {
        start = coachingStart.adding(days: 7 * index)
        next = start.adding(days: 7)
      } else {
        start = coachingStart.adding(months: months! * index)
        next = coachingStart.adding(months: months! * (index + 1))
      }
      let last = next.adding(days: -1)
      guard last <= end else { break }
      result.append(DateInterval(start: start, end: last))
      index += 1
    }
    return result
  }

  func contactWindows(_ bookings: [HourBooking]) -> [ContactWindow] {
    /// The distinct days of the bookings `include` picks, sorted. (Bookings come by date.)
    func days(_ include: (borrowing HourBooking) -> Bool) -> [CalendarDate] {
      var days: [CalendarDate] = []
      for index in bookings.indices where include(bookings[index]) {
        let date = bookings[index].date
        if days.last != date { days.append(date) }
      }
      return days.count > 1 && zip(days, days.dropFirst()).contains(where: { $0 >= $1 })
        ? Array(Set(days)).sorted() : days
    }
    /// How many of the sorted `days` fall in `window`: two binary searches.
    func count(_ days: [CalendarDate], _ window: DateInterval) -> Int {
      func firstIndex(notBefore date: CalendarDate) -> Int {
        var low = 0
        var high = days.count
        while low < high {
          let middle = (low + high) / 2
          if days[middle] < date { low = middle + 1 } else { high = middle }
        }
        return low
      }
      let end = window.end.map { firstIndex(notBefore: $0.adding(days: 1)) } ?? days.count
      return end - firstIndex(notBefore: window.start)
    }
    let visits = days { $0.contact == .visit }
    let contacts = days { $0.contact != nil }
    var result: [ContactWindow] = []
    switch grant?.package {
    case .trialPlacement?:
      result += windows(weeks: true).map {
        ContactWindow(
          rule: .trialPlacementVisits, days: $0, contacts: count(visits, $0), required: 1)
      }
    case .package0?:
      result += windows(months: 3).map {
        ContactWindow(rule: .package0Contact, days: $0, contacts: count(contacts, $0), required: 1)
      }
    case .package1?:
      result += windows(months: 1).map {
        ContactWindow(rule: .package1Visits, days: $0, contacts: count(visits, $0), required: 1)
      }
    case .package2?:
      result += windows(months: 1).map {
        ContactWindow(rule: .package2Visits, days: $0, contacts: count(visits, $0), required: 2)
      }
    case nil: break
    }
    if placement.wageCostSubsidy {
      let checks = days { $0.wageSubsidyCheck }
      result += windows(months: 3).map {
        ContactWindow(
          rule: .quarterlySubsidyCheck, days: $0, contacts: count(checks, $0), required: 1)
      }
    }
    return result
  }
}
