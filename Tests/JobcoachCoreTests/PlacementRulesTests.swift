import Testing

@testable import JobcoachCLI

@testable import JobcoachCore

@Suite("P: the coaching protocol")
struct ProtocolRulesTests {
  @Test("P-1: a plan agreed by all three on or before the date is met")
  func planAgreed() {
    #expect(review(coachedPlacement(), on: "2025-12-20").only(.coachingPlan)?.outcome == .met)
    let early = review(coachedPlacement(), on: "2025-12-19").only(.coachingPlan)
    #expect(early?.outcome == .unmet)
    #expect(early?.message.contains("agreed only on 2025-12-20") == true)
  }

  @Test("P-1: no plan, or a plan the employer did not agree to, is not met")
  func planMissingOrIncomplete() {
    #expect(
      review(coachedPlacement(plan: nil), on: "2026-02-01").only(.coachingPlan)?.outcome == .unmet)
    var plan = fullPlan
    plan.agreedBy = [.coach, .worker]
    let finding = review(coachedPlacement(plan: plan), on: "2026-02-01").only(.coachingPlan)
    #expect(finding?.outcome == .unmet)
    #expect(finding?.severity == .error)
    #expect(finding?.message.contains("not agreed by the employer") == true)
  }

  @Test("P-2: hours without a goal, or with a goal not in the plan, are not reimbursed")
  func hoursAttributed() {
    let bookings = [
      booking("OK", "2026-02-02"), booking("NONE", "2026-02-03", goals: []),
      booking("UNKNOWN", "2026-02-04", goals: ["G9"]),
    ]
    let review = review(coachedPlacement(), bookings, on: "2026-03-01")
    #expect(review.assessment("OK")?.reimbursable == Hours(wholeHours: 1))
    #expect(review.assessment("NONE")?.notReimbursed.first?.rule == .hoursAttributed)
    #expect(review.assessment("UNKNOWN")?.notReimbursed.first?.reason == .goalNotInPlan("G9"))
    #expect(review.only(.hoursAttributed)?.outcome == .unmet)
    #expect(review.only(.hoursAttributed)?.message.hasPrefix("2 hours not attributed") == true)
    let clean = PlacementRulesTestsSupport.review([booking("OK", "2026-02-02")])
    #expect(clean.only(.hoursAttributed)?.outcome == .met)
  }

  @Test("P-3: exactly 2 hours of reporting per report are reimbursed; the third is held (F-7)")
  func reportingCap() {
    let exactly = PlacementRulesTestsSupport.review([
      booking("R1", "2026-06-01", minutes: 90, goals: ["G3"], activity: .reporting),
      booking("R2", "2026-06-02", minutes: 30, goals: ["G3"], activity: .reporting),
    ])
    #expect(exactly.reimbursable == Hours(wholeHours: 2))
    #expect(exactly.only(.reportingHours)?.outcome == .met)

    let three = PlacementRulesTestsSupport.review([
      booking("R1", "2026-06-01", minutes: 90, goals: ["G3"], activity: .reporting),
      booking("R2", "2026-06-02", minutes: 90, goals: ["G3"], activity: .reporting),
      // Another period: another report, its own 2 hours.
      booking("R3", "2026-07-01", minutes: 120, goals: ["G3"], activity: .reporting),
    ])
    #expect(three.assessment("R1")?.reimbursable == Hours(minutes: 90))
    #expect(three.assessment("R2")?.reimbursable == Hours(minutes: 30))
    #expect(three.assessment("R2")?.notReimbursed == [])
    #expect(three.assessment("R2")?.held.first?.hours == Hours(wholeHours: 1))
    #expect(three.assessment("R2")?.held.first?.rule == .reportingHours)
    #expect(three.assessment("R2")?.awaitingDecision == Hours(wholeHours: 1))
    #expect(three.assessment("R3")?.reimbursable == Hours(wholeHours: 2))
    let findings = three.findings(.reportingHours)
    #expect(findings.map(\.outcome) == [.unmet, .met])
    #expect(findings.first?.severity == .warning)
  }

  @Test("P-3: reporting belongs under evaluation and coordination")
  func reportingUnderTheRightGoal() {
    let review = PlacementRulesTestsSupport.review([
      booking("R1", "2026-06-01", goals: ["G1"], activity: .reporting)
    ])
    #expect(review.findings(.reportingHours).contains { $0.message.contains("outside the goal") })
  }

  @Test(
    "P-4: the protocol's excluded activities are not reimbursed",
    arguments: BookedActivity.excluded)
  func excludedActivities(activity: BookedActivity) {
    let review = PlacementRulesTestsSupport.review([
      booking("X", "2026-02-02", activity: activity), booking("OK", "2026-02-03"),
    ])
    #expect(review.assessment("X")?.reimbursable == .zero)
    #expect(review.assessment("X")?.notReimbursed.first?.rule == .nonReimbursable)
    #expect(review.reimbursable == Hours(wholeHours: 1))
    #expect(review.only(.nonReimbursable)?.outcome == .unmet)
    #expect(review.only(.nonReimbursable)?.message.contains(English().activity(activity)) == true)
  }

  @Test("P-4: coaching and reporting are reimbursed")
  func reimbursedActivities() {
    let review = PlacementRulesTestsSupport.review([booking("OK", "2026-02-03")])
    #expect(review.only(.nonReimbursable)?.outcome == .met)
  }

  static let sick = Absence(
    period: DateInterval(start: day("2026-03-10"), end: day("2026-03-20")), reason: .sick)

  @Test(
    "P-5: no coaching during sick leave without approval, from its first to its last day",
    arguments: [
      ("2026-03-09", true), ("2026-03-10", false), ("2026-03-20", false), ("2026-03-21", true),
    ])
  func sickLeave(date: String, reimbursed: Bool) {
    let review = review(
      coachedPlacement(absences: [Self.sick]), [booking("B", date)], on: "2026-04-01")
    #expect((review.assessment("B")?.reimbursable == .zero) == !reimbursed)
    if !reimbursed {
      #expect(review.assessment("B")?.notReimbursed.first?.rule == .absence)
      #expect(review.only(.absence)?.severity == .error)
    } else {
      #expect(review.findings(.absence).isEmpty)
    }
  }

  @Test(
    "P-5: written approval covers bookings after its day: the day before the booking yes, that day or after no",
    arguments: [("2026-03-12", false), ("2026-03-11", true), ("2026-03-13", false)])
  func approvedSickLeave(approvedOn: String, reimbursed: Bool) {
    var sick = Self.sick
    sick.approval = AbsenceApproval(evidence: evidenceDoc, approvedOn: day(approvedOn))
    let review = review(
      coachedPlacement(absences: [sick]), [booking("B", "2026-03-12")], on: "2026-04-01")
    #expect((review.assessment("B")?.reimbursable == Hours(wholeHours: 1)) == reimbursed)
    #expect(review.assessment("B")?.duringApprovedAbsence == reimbursed)
    let outcomes = review.findings(.absence).map(\.outcome)
    #expect(outcomes == (reimbursed ? [.met] : [.unmet]))
  }

  @Test("P-6: coaching the supervisor is paid until the last day of year 3, not after")
  func employerCoaching() {
    let grant = coachingGrant(
      motivated: true,
      periods: [
        grantPeriod("2026-01-01", "2026-06-30"), grantPeriod("2028-07-01", "2028-12-31"),
        grantPeriod("2029-01-01", "2029-06-30"),
      ])
    let bookings = [
      booking("LAST", "2028-12-31", goals: ["G5"]), booking("AFTER", "2029-01-01", goals: ["G5"]),
      booking("WORKER", "2029-01-02", goals: ["G1"]),
    ]
    let review = review(
      coachedPlacement(grant: grant), bookings, on: "2029-02-01", policy: flexiblePolicy)
    #expect(review.assessment("LAST")?.reimbursable == Hours(wholeHours: 1))
    #expect(review.assessment("AFTER")?.notReimbursed.first?.rule == .employerCoaching)
    #expect(review.assessment("WORKER")?.reimbursable == Hours(wholeHours: 1))
    #expect(review.only(.employerCoaching)?.outcome == .unmet)
    #expect(review.only(.employerCoaching)?.message.contains("after 2028-12-31") == true)
  }

  @Test(
    "P-7: home-situation hours count only when stated work-related",
    arguments: [
      (Bool?.some(true), true, Outcome?.none), (false, false, .unmet), (nil, false, .undetermined),
    ])
  func homeSituation(workRelated: Bool?, reimbursed: Bool, outcome: Outcome?) {
    let review = PlacementRulesTestsSupport.review([
      booking("H", "2026-02-02", goals: ["G4"], workRelated: workRelated)
    ])
    #expect((review.reimbursable == Hours(wholeHours: 1)) == reimbursed)
    #expect(review.findings(.homeSituation).map(\.outcome) == (outcome.map { [$0] } ?? []))
  }

  @Test("P-8: a period that ended yesterday needs its result; one ending today not yet")
  func periodResults() {
    let yesterday = review(coachedPlacement(), on: "2026-07-01")
    #expect(yesterday.only(.periodResult)?.outcome == .unmet)
    #expect(yesterday.only(.periodResult)?.severity == .warning)
    #expect(review(coachedPlacement(), on: "2026-06-30").findings(.periodResult).isEmpty)

    let recorded = coachingGrant(periods: [
      grantPeriod("2026-01-01", "2026-06-30", result: .followUpLighter),
      grantPeriod("2026-07-01", "2026-12-31"),
    ])
    let met = review(coachedPlacement(grant: recorded), on: "2026-07-01").only(.periodResult)
    #expect(met?.outcome == .met)
    #expect(met?.message.contains("works, follow-up on a lighter regime") == true)
  }
}

enum PlacementRulesTestsSupport {
  /// The standard placement, reviewed on 2026-12-31 with `bookings`.
  static func review(_ bookings: [HourBooking], package: CoachingPackage? = nil) -> PlacementReview
  {
    JobcoachCoreTests.review(
      coachedPlacement(grant: coachingGrant(package: package)), bookings, on: "2026-12-31")
  }
}

@Suite("K: the coaching packages")
struct PackageRulesTests {
  func packaged(_ package: CoachingPackage, wage: Bool = false) -> Placement {
    coachedPlacement(grant: coachingGrant(package: package), wageCostSubsidy: wage)
  }

  func visit(_ date: String, _ contact: ContactKind = .visit, check: Bool = false) -> HourBooking {
    booking("B-\(date)-\(contact.rawValue)", date, contact: contact, check: check)
  }

  @Test("K-1: a trial placement wants the coach at the start and a visit every week")
  func trialPlacement() {
    // Weeks from 2026-01-01: 01-01..01-07, 01-08..01-14; the last day of a week counts.
    let weekly = [visit("2026-01-01"), visit("2026-01-14")]
    let met = review(packaged(.trialPlacement), weekly, on: "2026-01-14")
    #expect(met.findings(.trialPlacementVisits).map(\.outcome) == [.met, .met])
    #expect(met.contactWindows.count == 2)

    let missedWeek = review(packaged(.trialPlacement), [visit("2026-01-01")], on: "2026-01-14")
    #expect(missedWeek.findings(.trialPlacementVisits).map(\.outcome) == [.met, .unmet])

    let lateStart = review(
      packaged(.trialPlacement), [visit("2026-01-02"), visit("2026-01-08")], on: "2026-01-14")
    #expect(lateStart.findings(.trialPlacementVisits).first?.outcome == .unmet)
    #expect(lateStart.findings(.trialPlacementVisits).first?.message.contains("first day") == true)
  }

  @Test("K-2: package 0 wants a contact with employer and worker every three months; a call counts")
  func package0() {
    var call = visit("2026-03-31", .call)
    call.contactWith = [.employer, .worker]
    let met = review(packaged(.package0), [call], on: "2026-03-31")
    #expect(met.only(.package0Contact)?.outcome == .met)
    // A call that names nobody reached nobody known.
    let unnamed = review(packaged(.package0), [visit("2026-03-31", .call)], on: "2026-03-31")
    #expect(unnamed.only(.package0Contact)?.outcome == .unmet)
    let unmet = review(packaged(.package0), [visit("2026-04-01", .call)], on: "2026-04-01")
    #expect(unmet.only(.package0Contact)?.outcome == .unmet)
    // The quarter is judged only once it is complete.
    #expect(review(packaged(.package0), on: "2026-03-30").findings(.package0Contact).isEmpty)
  }

  @Test("K-3: package 1 wants a visit a month; a call is no visit")
  func package1() {
    let met = review(packaged(.package1), [visit("2026-01-31")], on: "2026-01-31")
    #expect(met.only(.package1Visits)?.outcome == .met)
    let call = review(packaged(.package1), [visit("2026-01-15", .call)], on: "2026-01-31")
    #expect(call.only(.package1Visits)?.outcome == .unmet)
    #expect(call.only(.package1Visits)?.severity == .warning)
  }

  @Test("K-4: package 2 wants two visits a month; two bookings on one day are one visit")
  func package2() {
    let two = review(
      packaged(.package2), [visit("2026-01-05"), visit("2026-01-19")], on: "2026-01-31")
    #expect(two.only(.package2Visits)?.outcome == .met)
    let sameDay = [visit("2026-01-05"), booking("AGAIN", "2026-01-05", contact: .visit)]
    let one = review(packaged(.package2), sameDay, on: "2026-01-31")
    #expect(one.contactWindows.first?.contacts == 1)
    #expect(one.only(.package2Visits)?.outcome == .unmet)
    #expect(one.only(.package2Visits)?.message.contains("1 visit in 1 complete month") == true)
    #expect(
      one.only(.package2Visits)?.evidence.first?.detail == "2026-01-01 to 2026-01-31: 1 visit")
  }

  @Test("K-5: a wage-cost subsidy is checked each quarter")
  func quarterlyCheck() {
    let placement = packaged(.package1, wage: true)
    let checked = review(placement, [visit("2026-03-31", check: true)], on: "2026-03-31")
    #expect(checked.only(.quarterlySubsidyCheck)?.outcome == .met)
    let unchecked = review(placement, [visit("2026-03-31")], on: "2026-03-31")
    #expect(unchecked.only(.quarterlySubsidyCheck)?.outcome == .unmet)
    #expect(review(packaged(.package1), on: "2026-03-31").findings(.quarterlySubsidyCheck).isEmpty)
  }

  @Test("K-6: visits to the same employer's other workers fall on the same day")
  func clusteredTalks() {
    let own = [visit("2026-01-06")]  // a Tuesday
    let together = review(
      packaged(.package1), own, on: "2026-01-31", siblings: ["P2": [day("2026-01-06")]])
    #expect(together.only(.clusteredTalks)?.outcome == .met)
    let apart = review(
      packaged(.package1), own, on: "2026-01-31", siblings: ["P2": [day("2026-01-08")]])
    #expect(apart.only(.clusteredTalks)?.outcome == .unmet)
    #expect(apart.only(.clusteredTalks)?.severity == .note)
    #expect(apart.only(.clusteredTalks)?.message.contains("P2 in the week of 2026-01-05") == true)
    // Another week is no missed cluster.
    let otherWeek = review(
      packaged(.package1), own, on: "2026-01-31", siblings: ["P2": [day("2026-01-12")]])
    #expect(otherWeek.findings(.clusteredTalks).isEmpty)
    #expect(review(packaged(.package1), own, on: "2026-01-31").findings(.clusteredTalks).isEmpty)
  }

  @Test("without a package no contact frequency is promised")
  func noPackage() {
    let review = review(coachedPlacement(), [visit("2026-01-05")], on: "2026-06-30")
    #expect(review.contactWindows.isEmpty)
  }
}
