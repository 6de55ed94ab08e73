/// Everything the placement rules need about one placement.
public struct PlacementDossier: Sendable {
  public var placement: Placement
  public var bookings: [HourBooking]
  /// The policy version in force on the date of the review.
  public var policy: MunicipalPolicy
  /// The kind the lead coach works as on this placement, when known (F-4).
  public var coachKind: CoachKind?
  /// The kind each assigned coach works as on this placement, where known: a municipal
  /// coach's hours count at the policy's internal rate (F-4). A coach missing here counts at
  /// the grant's rate, as the lead coach's kind says.
  public var coachKinds: [CoachID: CoachKind]
  /// The visit days of the same coach's other placements with the same employer (K-6).
  public var siblingVisits: [PlacementID: [CalendarDate]]
  /// The funder's decisions on the placement's held hours (F-7).
  public var decisions: [FunderDecision]

  public init(
    placement: Placement, bookings: [HourBooking], policy: MunicipalPolicy,
    coachKind: CoachKind? = nil, coachKinds: [CoachID: CoachKind] = [:],
    siblingVisits: [PlacementID: [CalendarDate]] = [:], decisions: [FunderDecision] = []
  ) {
    self.placement = placement
    self.bookings = bookings
    self.policy = policy
    self.coachKind = coachKind
    self.coachKinds = coachKinds
    self.siblingVisits = siblingVisits
    self.decisions = decisions
  }
}

/// Why some booked time is not reimbursed: the rule and a caseworker's reason.
public struct NonReimbursement: Hashable, Sendable {
  public var rule: RuleID
  public var hours: Hours
  public var reason: BookingReason

  public init(rule: RuleID, hours: Hours, reason: BookingReason) {
    self.rule = rule
    self.hours = hours
    self.reason = reason
  }
}

/// Booked time held for the funder's decision (F-7): neither paid nor refused until a recorded
/// decision accepts or rejects it.
public struct HeldHours: Hashable, Sendable {
  public var rule: RuleID
  public var hours: Hours
  public var reason: BookingReason
  /// The decision in force on the review date; nil while it is awaited.
  public var decision: FunderDecision?
}

/// One booking judged: how much of it is reimbursed, at which rate, what is held for the
/// funder and why the rest is not reimbursed.
public struct BookingAssessment: Hashable, Sendable {
  public var booking: HourBooking
  public var reimbursable: Hours
  public var notReimbursed: [NonReimbursement]
  /// Held for the funder's decision (F-7), decided or not.
  public var held: [HeldHours] = []
  /// Booked during an absence with the funder's written approval: the report must say so (P-5).
  public var duringApprovedAbsence: Bool
  /// The hourly rate the reimbursable hours count at: the grant's, or for a municipal coach
  /// the policy's internal rate (F-4); nil when the policy sets none.
  public var rate: Money? = nil

  public var notReimbursable: Hours { booking.hours - reimbursable }
  /// Held and not yet decided.
  public var awaitingDecision: Hours {
    held.filter { $0.decision == nil }.reduce(.zero) { $0 + $1.hours }
  }
}

extension Sequence<BookingAssessment> {
  /// The reimbursable hours priced: the hours at each rate summed first and priced once
  /// (exact to the minute, rounded once per rate); hours without a rate count nothing.
  public var cost: Money {
    var byRate: [Int: Hours] = [:]
    for assessment in self {
      guard let rate = assessment.rate else { continue }
      byRate[rate.cents, default: .zero] += assessment.reimbursable
    }
    return BookingAssessment.price(byRate)
  }
}

extension BookingAssessment {
  /// Hours by rate (in cents) priced: each rate's summed hours once, the amounts added.
  static func price(_ byRate: [Int: Hours]) -> Money {
    byRate.keys.sorted().reduce(Money(cents: 0)) { $0 + Money(cents: $1).cost(of: byRate[$1]!) }
  }
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
  /// Wholly within an absence of the worker: left out of the average (K-1, K-3, K-4) and not
  /// required (K-2, K-5).
  public var duringAbsence: Bool = false
  /// For package 0 (K-2): the parties reached in the window; the window is met only when
  /// both employer and worker were.
  public var reached: Set<ContactParty>? = nil

  public var isMet: Bool {
    duringAbsence
      || (contacts >= required && (reached.map { $0.count == ContactParty.allCases.count } ?? true))
  }
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
  /// The reimbursable hours at their rates, excluding VAT (F-4).
  public var amount: Money { assessments.cost }
  /// Hours held for the funder and not yet decided (F-7).
  public var awaitingDecision: Hours { assessments.reduce(.zero) { $0 + $1.awaitingDecision } }

  /// Whether no finding is an error.
  public var isInOrder: Bool { !findings.contains { $0.severity == .error } }

  /// Reviews `dossier` as it stands on `date`.
  public init(_ dossier: PlacementDossier, on date: CalendarDate) {
    self.dossier = dossier
    self.date = date
    let placement = dossier.placement
    let funding = FundingRules(
      placement: placement, policy: dossier.policy, coachKind: dossier.coachKind)
    let bookings = Self.bookings(dossier.bookings, through: date)
    let rules = PlacementRules(dossier: dossier, date: date)
    assessments = rules.assess(bookings)
    budget = rules.budget(funding, assessments)
    contactWindows = rules.contactWindows(bookings)
    findings = funding.grantFindings()
    findings += rules.findings(assessments: assessments, budget: budget, windows: contactWindows)
  }
}

extension PlacementReview {
  /// The bookings on or before `date`, by date and id. The registry hands them over in that
  /// order: they are then taken as they are, without a copy.
  static func bookings(_ bookings: [HourBooking], through date: CalendarDate) -> [HourBooking] {
    func inOrder(_ first: borrowing HourBooking, _ second: borrowing HourBooking) -> Bool {
      first.date < second.date || (first.date == second.date && first.id < second.id)
    }
    let ready = bookings.indices.allSatisfy { index in
      bookings[index].date <= date && (index == 0 || inOrder(bookings[index - 1], bookings[index]))
    }
    return ready ? bookings : bookings.filter { $0.date <= date }.sorted(by: inOrder)
  }
}

/// The working state of one review; the P rules and the K rules live here.
struct PlacementRules: PlacementFindings {
  let dossier: PlacementDossier
  let date: CalendarDate
  // Held, not computed from the dossier: they are asked for every booking, and a computed
  // property would copy the placement (and retain each of its arrays) at every ask.
  let placement: Placement
  let grant: Grant?
  let policy: MunicipalPolicy
  /// The day coaching started: the first granted period, else the placement's start.
  let coachingStart: CalendarDate

  init(dossier: PlacementDossier, date: CalendarDate) {
    self.dossier = dossier
    self.date = date
    placement = dossier.placement
    grant = dossier.placement.grant
    policy = dossier.policy
    coachingStart = grant?.coachingStart ?? placement.period.start
  }

  // MARK: Bookings

  /// Judges each booking in date order. The first rule a booking fails decides why it is not
  /// reimbursed, or why it is held for the funder (F-7); reporting counts against the cap of
  /// its report only when nothing else failed (P-3). A funder's decision in force on the date
  /// pays or refuses held hours.
  func assess(_ bookings: [HourBooking]) -> [BookingAssessment] {
    var reportingUsed: [String: Hours] = [:]
    let cap = policy.coachingProtocol.reportingPerReport
    let employerYears = policy.coachingProtocol.employerCoachingYears
    let decisions = dossier.decisions.byBooking(on: date)
    let context = FailureContext(
      categories: (placement.plan?.goals ?? []).map { ($0.id, $0.category) },
      employerCoachingEnds: coachingStart.adding(years: employerYears),
      employerYears: employerYears)
    // A placement's bookings are mostly one coach's: the rate is looked up when the coach
    // changes, not for every booking.
    var rateCoach: CoachID?
    var coachRate: Money?
    return bookings.map { booking in
      if booking.coach != rateCoach {
        rateCoach = booking.coach
        coachRate = rate(of: booking)
      }
      var assessment = BookingAssessment(
        booking: booking, reimbursable: booking.hours, notReimbursed: [],
        duringApprovedAbsence: false, rate: coachRate)
      /// `hours` held for the funder: paid or refused as a decision says, else awaited.
      func hold(_ rule: RuleID, _ hours: Hours, _ reason: BookingReason) {
        let decision = decisions[booking.id]
        assessment.held.append(
          HeldHours(rule: rule, hours: hours, reason: reason, decision: decision))
        switch decision?.outcome {
        case .accept?: break
        case .reject?:
          assessment.reimbursable -= hours
          assessment.notReimbursed.append(
            NonReimbursement(
              rule: .funderDecision, hours: hours,
              reason: .rejected(reason, decision!)))
        case nil:
          assessment.reimbursable -= hours
        }
      }
      if let failure = firstFailure(booking, context, &assessment) {
        if failure.held {
          hold(failure.rule, booking.hours, failure.message)
        } else {
          assessment.reimbursable = .zero
          assessment.notReimbursed = [
            NonReimbursement(rule: failure.rule, hours: booking.hours, reason: failure.message)
          ]
        }
        return assessment
      }
      if booking.activity == .reporting, let report = report(of: booking) {
        let used = reportingUsed[report.key, default: .zero]
        let room = used >= cap ? Hours.zero : cap - used
        let paid = min(room, booking.hours)
        reportingUsed[report.key] = used + booking.hours
        if paid < booking.hours {
          hold(
            .reportingHours, booking.hours - paid,
            .reportingBeyondCap(cap, report.name))
        }
      }
      return assessment
    }
  }

  /// The hourly rate of `booking`'s coach (F-4): a municipal coach's at the policy's internal
  /// rate, any other at the grant's.
  func rate(of booking: HourBooking) -> Money? {
    rate(of: dossier.coachKinds[booking.coach] ?? dossier.coachKind)
  }

  /// The hourly rate of a coach of `kind` (F-4).
  func rate(of kind: CoachKind?) -> Money? {
    if kind == .municipal { return policy.funding.municipalCoachRate }
    return grant?.hourlyRate ?? Money(cents: 0)
  }

  /// The report a reporting booking counts against (P-3): the one it names; else the first
  /// delivered on or after its date whose period started by then; else, for a placement that
  /// records no reports, its half-year period as the report of that period.
  func report(of booking: HourBooking) -> (key: String, name: ReportName)? {
    let reports = placement.reports
    if let id = booking.report {
      return ("report \(id)", .report(id))
    }
    if let report = reports.filter({
      $0.deliveredOn >= booking.date && $0.period.start <= booking.date
    })
    .min(by: { ($0.deliveredOn, $0.id) < ($1.deliveredOn, $1.id) }) {
      return ("report \(report.id)", .reportOver(report.id, report.period))
    }
    guard let period = grant?.period(containing: booking.date) else { return nil }
    return ("period \(period.start)", .period(period.period))
  }

  /// What judging every booking of a review shares, worked out once.
  struct FailureContext {
    /// The plan's goals with their categories, in the plan's order (a plan has a few: a
    /// look along them is cheaper than hashing each booking's goals).
    let categories: [(goal: GoalID, category: GoalCategory)]

    /// The category of `goal` in the plan (the first goal of that id), nil when not in it.
    func category(of goal: GoalID) -> GoalCategory? {
      categories.first { $0.goal == goal }?.category
    }
    /// The first day coaching the supervisor is no longer reimbursed (P-6).
    let employerCoachingEnds: CalendarDate
    let employerYears: Int
  }

  private func firstFailure(
    _ booking: HourBooking, _ context: FailureContext, _ assessment: inout BookingAssessment
  ) -> (rule: RuleID, message: BookingReason, held: Bool)? {
    // P-9: only the coach assigned on the day books reimbursable hours (Q-ASG-1).
    guard placement.assignmentIndex(of: booking.coach, on: booking.date) != nil else {
      return (
        .bookedByAssignedCoach,
        .notAssigned(booking.coach, placement: placement.id, on: booking.date), false
      )
    }
    guard let grant else {
      return (.halfYearPeriods, .noGrant, false)
    }
    guard grant.period(containing: booking.date) != nil else {
      return (.halfYearPeriods, .outsidePeriods, false)
    }
    if booking.activity.isExcluded {
      return (.nonReimbursable, .excludedActivity(booking.activity), false)
    }
    if booking.goals.isEmpty {
      return (.hoursAttributed, .notAttributed, false)
    }
    // What the goals' categories say, without making an array for every booking.
    var coachesSupervisor = false
    var atHome = false
    for goal in booking.goals {
      guard let category = context.category(of: goal) else {
        return (.hoursAttributed, .goalNotInPlan(goal), false)
      }
      coachesSupervisor = coachesSupervisor || category == .guidingSupervisor
      atHome = atHome || category == .homeSituation
    }
    if let absence = placement.absences.first(where: { $0.period.contains(booking.date) }) {
      switch absence.reason {
      case .holiday:
        // P-5: no exception for a holiday; only the funder's decision pays such hours.
        return (.absence, .onHoliday(absence.period), true)
      case .sick:
        // The written approval covers bookings dated after it, not on its day.
        if let approval = absence.approval, approval.approvedOn < booking.date {
          assessment.duringApprovedAbsence = true
        } else {
          return (.absence, .sick(absence.period, approvedOn: absence.approval?.approvedOn), false)
        }
      }
    }
    if booking.activity.isUnknown {
      return (
        .nonReimbursable,
        .unknownActivity(booking.activity), true
      )
    }
    if coachesSupervisor, booking.date >= context.employerCoachingEnds {
      return (
        .employerCoaching,
        .supervisorCoachingLate(years: context.employerYears, coachingStart: coachingStart), false
      )
    }
    if atHome {
      switch booking.workRelated {
      case false?:
        return (.homeSituation, .homeSituationNotWork, false)
      case nil:
        return (
          .homeSituation,
          .homeSituationUnstated, true
        )
      case true?: break
      }
    }
    return nil
  }

  // MARK: Budget

  /// Each framework year's spending: the reimbursable hours of the bookings in it, each at its
  /// coach's rate (F-4: a municipal coach's hours count too).
  func budget(_ funding: FundingRules, _ assessments: [BookingAssessment]) -> [BudgetUse] {
    guard let grant else { return [] }
    let rows = funding.budgetRows(grant)
    // Each row's reimbursable hours per rate, in one pass (no copy of the assessments).
    var hours = [[Int: Hours]](repeating: [:], count: rows.count)
    // By index: a `for in` would copy each assessment, and the booking in it.
    for position in assessments.indices {
      guard let rate = assessments[position].rate, assessments[position].reimbursable > .zero
      else { continue }
      for index in rows.indices where rows[index].days.contains(assessments[position].booking.date) {
        hours[index][rate.cents, default: .zero] += assessments[position].reimbursable
      }
    }
    return zip(rows, hours).map { row, byRate in
      BudgetUse(row: row, spent: BookingAssessment.price(byRate))
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
    /// The distinct days of the bookings `include` picks by their contact and subsidy check,
    /// sorted. (Bookings come by date.) Handed the two fields, not the booking: a booking
    /// handed to a closure was copied, strings and all, for each one.
    func days(_ include: (ContactKind?, _ subsidyChecked: Bool) -> Bool) -> [CalendarDate] {
      var days: [CalendarDate] = []
      for index in bookings.indices
      where include(bookings[index].contact, bookings[index].wageSubsidyCheck) {
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
    let visits = days { contact, _ in contact == .visit }
    let contacts = days { contact, _ in contact != nil }
    /// Whether every day of `window` lies in one absence of the worker.
    func absent(_ window: DateInterval) -> Bool {
      placement.absences.contains {
        $0.period.contains(window.start) && window.end.map($0.period.contains) == true
      }
    }
    /// The parties the contacts in `window` reached.
    func parties(_ window: DateInterval) -> Set<ContactParty> {
      var reached: Set<ContactParty> = []
      for index in bookings.indices where window.contains(bookings[index].date) {
        reached.formUnion(bookings[index].reached)
      }
      return reached
    }
    var result: [ContactWindow] = []
    switch grant?.package {
    case .trialPlacement?:
      result += windows(weeks: true).map {
        ContactWindow(
          rule: .trialPlacementVisits, days: $0, contacts: count(visits, $0), required: 1,
          duringAbsence: absent($0))
      }
    case .package0?:
      result += windows(months: 3).map {
        ContactWindow(
          rule: .package0Contact, days: $0, contacts: count(contacts, $0), required: 1,
          duringAbsence: absent($0), reached: parties($0))
      }
    case .package1?:
      result += windows(months: 1).map {
        ContactWindow(
          rule: .package1Visits, days: $0, contacts: count(visits, $0), required: 1,
          duringAbsence: absent($0))
      }
    case .package2?:
      result += windows(months: 1).map {
        ContactWindow(
          rule: .package2Visits, days: $0, contacts: count(visits, $0), required: 2,
          duringAbsence: absent($0))
      }
    case nil: break
    }
    if placement.wageCostSubsidy {
      let checks = days { _, checked in checked }
      result += windows(months: 3).map {
        ContactWindow(
          rule: .quarterlySubsidyCheck, days: $0, contacts: count(checks, $0), required: 1)
      }
    }
    return result
  }
}
