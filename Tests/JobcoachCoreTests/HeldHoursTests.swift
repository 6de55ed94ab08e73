import Testing

@testable import JobcoachCore

/// F-7, P-3 per report, P-4 not exhaustive, P-5 holiday and sickness (issue 16): hours held
/// for the funder stay unpaid until a recorded decision settles them.
struct HeldHoursTests {
  static func decision(
    _ id: String, _ bookings: [BookingID], _ outcome: DecisionOutcome, on date: String
  ) -> FunderDecision {
    FunderDecision(
      id: DecisionID(rawValue: id), placement: "P1", bookings: bookings, outcome: outcome,
      reason: "reason \(id)", decidedBy: "Funder", decidedOn: day(date))
  }

  static func reviewed(
    _ bookings: [HourBooking], decisions: [FunderDecision] = [], absences: [Absence] = [],
    reports: [ReportRecord] = [], on date: String = "2026-12-31"
  ) -> PlacementReview {
    var placement = coachedPlacement(absences: absences)
    placement.reports = reports
    return PlacementReview(
      PlacementDossier(
        placement: placement, bookings: bookings, policy: .g4Default, coachKind: .external,
        decisions: decisions), on: day(date))
  }

  /// An activity the protocol does not name is held (never paid silently); accepted, it is
  /// paid and the report's totals count it; rejected, it is refused with the decision.
  @Test func anUnknownActivityHeldThenAcceptedThenInTheReport() {
    let lunch = booking("U", "2026-02-02", activity: BookedActivity(rawValue: "lunch-meeting"))
    let held = Self.reviewed([lunch, booking("OK", "2026-02-03")])
    #expect(held.assessment("U")?.reimbursable == .zero)
    #expect(held.assessment("U")?.awaitingDecision == Hours(wholeHours: 1))
    #expect(held.assessment("U")?.notReimbursed == [])
    #expect(held.findings(.nonReimbursable).first?.outcome == .undetermined)
    #expect(held.only(.funderDecision)?.severity == .warning)
    #expect(held.awaitingDecision == Hours(wholeHours: 1))

    let accepted = Self.reviewed(
      [lunch, booking("OK", "2026-02-03")],
      decisions: [Self.decision("D1", ["U"], .accept, on: "2026-03-01")])
    #expect(accepted.assessment("U")?.reimbursable == Hours(wholeHours: 1))
    #expect(accepted.assessment("U")?.held.first?.decision?.id == "D1")
    #expect(accepted.awaitingDecision == .zero)
    let report = AccountabilityReport(
      accepted, period: DateInterval(start: day("2026-01-01"), end: day("2026-06-30")))
    #expect(report.reimbursable == Hours(wholeHours: 2))
    #expect(report.amount == Money(cents: 18_000))
    #expect(report.held.map(\.decision?.outcome) == [.accept])

    // A decision dated after the review date is not in force yet.
    let early = Self.reviewed(
      [lunch], decisions: [Self.decision("D1", ["U"], .accept, on: "2026-03-01")], on: "2026-02-28")
    #expect(early.assessment("U")?.awaitingDecision == Hours(wholeHours: 1))
    let rejected = Self.reviewed(
      [lunch], decisions: [Self.decision("D2", ["U"], .reject, on: "2026-03-01")])
    #expect(rejected.assessment("U")?.reimbursable == .zero)
    #expect(rejected.assessment("U")?.notReimbursed.first?.rule == .funderDecision)
    guard case .rejected(_, let decision)? = rejected.assessment("U")?.notReimbursed.first?.reason
    else {
      Issue.record("not rejected by a decision")
      return
    }
    #expect(decision.id == "D2")
  }

  /// P-3 per report: a second report in the same half year has 2 hours of its own.
  @Test func aSecondReportInAPeriodHasItsOwnTwoHours() {
    let reports = [
      ReportRecord(
        id: "R1", period: DateInterval(start: day("2026-01-01"), end: day("2026-03-31")),
        deliveredOn: day("2026-04-02")),
      ReportRecord(
        id: "R2", period: DateInterval(start: day("2026-04-01"), end: day("2026-06-30")),
        deliveredOn: day("2026-07-02")),
    ]
    let bookings = [
      booking("A", "2026-04-01", minutes: 120, goals: ["G3"], activity: .reporting),
      booking("B", "2026-06-30", minutes: 120, goals: ["G3"], activity: .reporting),
    ]
    let two = Self.reviewed(bookings, reports: reports)
    #expect(two.reimbursable == Hours(wholeHours: 4))
    #expect(two.findings(.reportingHours).map(\.outcome) == [.met, .met])
    // Without the second report, both count against the one half year: 2 hours held.
    let one = Self.reviewed(bookings)
    #expect(one.reimbursable == Hours(wholeHours: 2))
    #expect(one.assessment("B")?.awaitingDecision == Hours(wholeHours: 2))
    // A booking may name its report.
    var named = bookings
    named[1].report = "R1"
    let toFirst = Self.reviewed(named, reports: reports)
    #expect(toFirst.findings(.reportingHours).contains { $0.message.contains("report R1") })
  }

  /// P-5: a holiday has no exception: held, approval or not, until the funder decides.
  @Test(arguments: [false, true])
  func holidayHoursAreHeldWithOrWithoutApproval(_ approved: Bool) {
    let holiday = Absence(
      period: DateInterval(start: day("2026-07-13"), end: day("2026-07-24")), reason: .holiday,
      approval: approved
        ? AbsenceApproval(evidence: evidenceDoc, approvedOn: day("2026-07-01")) : nil)
    let review = Self.reviewed([booking("H", "2026-07-15")], absences: [holiday])
    #expect(review.assessment("H")?.reimbursable == .zero)
    #expect(review.assessment("H")?.held.first?.rule == .absence)
    #expect(review.assessment("H")?.duringApprovedAbsence == false)
    #expect(review.findings(.absence).first?.message.contains("on holiday") == true)
  }

  /// P-5: sickness with approval: covered from the day after the approval; on the first day
  /// of the absence with approval given the day before, paid.
  @Test(arguments: [("2026-03-09", true), ("2026-03-10", false)])
  func sicknessApprovedTheDayBeforeOrOnTheFirstDay(_ approvedOn: String, _ paid: Bool) {
    let sick = Absence(
      period: DateInterval(start: day("2026-03-10"), end: day("2026-03-20")), reason: .sick,
      approval: AbsenceApproval(evidence: evidenceDoc, approvedOn: day(approvedOn)))
    let review = Self.reviewed([booking("S", "2026-03-10")], absences: [sick])
    #expect((review.assessment("S")?.reimbursable == Hours(wholeHours: 1)) == paid)
    #expect(review.assessment("S")?.duringApprovedAbsence == paid)
  }
}

/// K-1..K-4 as corrected (issue 16): frequencies are averages over the granted time so far,
/// windows wholly within an absence left out; package 0 reaches employer and worker.
struct ContactAverageTests {
  static func visit(
    _ id: String, _ date: String, with: Set<ContactParty> = [], kind: ContactKind = .visit
  )
    -> HourBooking
  {
    HourBooking(
      id: BookingID(rawValue: id), placement: "P1", coach: "C1", date: day(date),
      hours: Hours(wholeHours: 1), goals: ["G1"], contact: kind, contactWith: with)
  }

  static func reviewed(
    _ package: CoachingPackage, _ bookings: [HourBooking], absences: [Absence] = [],
    on date: String
  ) -> PlacementReview {
    review(
      coachedPlacement(grant: coachingGrant(package: package), absences: absences), bookings,
      on: date)
  }

  /// Package 1: two visits in one month and none the next is on average one a month.
  @Test func anAverageNotAMinimumInEveryMonth() {
    let review = Self.reviewed(
      .package1, [Self.visit("A", "2026-01-05"), Self.visit("B", "2026-01-20")], on: "2026-02-28")
    #expect(review.only(.package1Visits)?.outcome == .met)
    #expect(review.only(.package1Visits)?.message.contains("on average 1.00 a month") == true)
    let short = Self.reviewed(.package1, [Self.visit("A", "2026-01-05")], on: "2026-02-28")
    #expect(short.only(.package1Visits)?.outcome == .unmet)
  }

  /// Package 1 with one month of holiday: that month is left out of the average.
  @Test func aMonthWhollyWithinAnAbsenceIsLeftOut() {
    let holiday = Absence(
      period: DateInterval(start: day("2026-02-01"), end: day("2026-02-28")), reason: .holiday)
    let review = Self.reviewed(
      .package1, [Self.visit("A", "2026-01-05"), Self.visit("C", "2026-03-05")],
      absences: [holiday], on: "2026-03-31")
    #expect(review.only(.package1Visits)?.outcome == .met)
    #expect(
      review.only(.package1Visits)?.message.contains("(1 month wholly within an absence left out)")
        == true)
    // A holiday that covers only part of February leaves the month in: short.
    let partial = Absence(
      period: DateInterval(start: day("2026-02-02"), end: day("2026-02-28")), reason: .holiday)
    let counted = Self.reviewed(
      .package1, [Self.visit("A", "2026-01-05"), Self.visit("C", "2026-03-05")],
      absences: [partial], on: "2026-03-31")
    #expect(counted.only(.package1Visits)?.outcome == .unmet)
  }

  /// Package 0: each quarter a contact with employer and with worker; a call with the
  /// employer alone is not enough.
  @Test func packageZeroReachesEmployerAndWorker() {
    let both = Self.reviewed(
      .package0,
      [
        Self.visit("A", "2026-02-05", with: [.employer], kind: .call),
        Self.visit("B", "2026-03-05", with: [.worker], kind: .call),
      ], on: "2026-03-31")
    #expect(both.only(.package0Contact)?.outcome == .met)
    let employerOnly = Self.reviewed(
      .package0, [Self.visit("A", "2026-02-05", with: [.employer], kind: .call)], on: "2026-03-31")
    #expect(employerOnly.only(.package0Contact)?.outcome == .unmet)
    #expect(
      employerOnly.only(.package0Contact)?.message.contains("no contact with the worker") == true)
    // A visit at the workplace that names nobody is with both.
    let visit = Self.reviewed(.package0, [Self.visit("V", "2026-02-05")], on: "2026-03-31")
    #expect(visit.only(.package0Contact)?.outcome == .met)
  }
}
