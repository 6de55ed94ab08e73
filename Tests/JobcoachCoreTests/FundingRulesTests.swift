import Testing

@testable import JobcoachCore

@Suite("F: the funding framework")
struct FundingRulesTests {
  // MARK: F-1 granted amounts

  @Test("F-1: a grant of exactly the year's maximum is within the framework")
  func grantAtTheMaximum() {
    let grant = coachingGrant(periods: [
      grantPeriod("2026-01-01", "2026-06-30", cents: 150_000),
      grantPeriod("2026-07-01", "2026-12-31", cents: 120_000),
    ])
    let review = review(coachedPlacement(grant: grant), on: "2026-02-01")
    let granted = review.findings(.fundingMaximum).filter { $0.message.contains("granted") }
    #expect(granted.map(\.outcome) == [.met])
    #expect(review.findings(.motivatedException).isEmpty)
    #expect(review.isInOrder)
  }

  @Test("F-1, F-5: one cent above the maximum without a motivation is not met")
  func grantOneCentOver() {
    let grant = coachingGrant(periods: [
      grantPeriod("2026-01-01", "2026-06-30", cents: 150_001),
      grantPeriod("2026-07-01", "2026-12-31", cents: 120_000),
    ])
    let review = review(coachedPlacement(grant: grant), on: "2026-02-01")
    let granted = review.findings(.fundingMaximum).first { $0.message.contains("granted") }
    #expect(granted?.outcome == .unmet)
    #expect(granted?.severity == .error)
    #expect(granted?.message.contains("EUR 0.01 above") == true)
    #expect(review.only(.motivatedException)?.outcome == .unmet)
    #expect(!review.isInOrder)
  }

  @Test("F-5: a motivation covers a grant beyond the framework only where the policy allows it")
  func motivationNeedsAPolicyThatAllowsIt() {
    let grant = coachingGrant(
      motivated: true,
      periods: [
        grantPeriod("2026-01-01", "2026-06-30", cents: 250_000),
        grantPeriod("2026-07-01", "2026-12-31", cents: 200_000),
      ])
    let strict = review(coachedPlacement(grant: grant), on: "2026-02-01")
    #expect(strict.only(.motivatedException)?.outcome == .unmet)
    #expect(strict.only(.motivatedException)?.message.contains("does not allow") == true)

    let flexible = review(coachedPlacement(grant: grant), on: "2026-02-01", policy: flexiblePolicy)
    #expect(flexible.only(.motivatedException)?.outcome == .met)
    #expect(
      flexible.only(.motivatedException)?.evidence.contains { $0.kind == .motivation } == true)
    #expect(flexible.findings(.fundingMaximum).allSatisfy { $0.outcome == .met })
    #expect(flexible.isInOrder)
    // The motivated amount is the budget: EUR 4,500 for years 1-2 pooled, not EUR 4,100.
    #expect(flexible.budget.first?.row.limit == Money(euros: 4_500))
    #expect(strict.budget.first?.row.limit == Money(euros: 2_700))
  }

  // MARK: F-1 spending

  @Test("F-1: spending exactly the year's maximum is met; one minute more is not")
  func spendingBoundary() {
    // Light, EUR 90 an hour: EUR 2,700 is exactly 30 hours.
    let thirty = dailyVisits("2026-01-02", count: 30)
    let atMaximum = review(coachedPlacement(), thirty, on: "2026-12-31")
    #expect(atMaximum.budget.first?.spent == Money(euros: 2_700))
    #expect(atMaximum.only(.fundingMaximum)?.outcome == .met)
    #expect(atMaximum.budget.first?.left == .zero)

    let oneMinuteMore = thirty + [booking("X", "2026-03-01", minutes: 1)]
    let over = review(coachedPlacement(), oneMinuteMore, on: "2026-12-31")
    // 30 hours and 1 minute at EUR 90: EUR 2,701.50.
    #expect(over.budget.first?.spent == Money(cents: 270_150))
    #expect(over.only(.fundingMaximum)?.outcome == .unmet)
    #expect(over.only(.fundingMaximum)?.severity == .error)
    #expect(over.only(.fundingMaximum)?.message.contains("EUR 1.50 over") == true)
  }

  @Test("F-1, F-5: where money may shift, years 1 and 2 share one budget")
  func shiftingBetweenYears() {
    let grant = coachingGrant(periods: [
      grantPeriod("2026-01-01", "2026-06-30"), grantPeriod("2026-07-01", "2026-12-31"),
      grantPeriod("2027-01-01", "2027-06-30"),
    ])
    // 35 hours at EUR 90 in year 1: EUR 3,150, above 2,700 but within 4,100.
    let bookings = dailyVisits("2026-02-01", count: 35)
    let strict = review(coachedPlacement(grant: grant), bookings, on: "2027-02-01")
    #expect(strict.budget.map(\.row.years) == [1...1, 2...2])
    #expect(strict.findings(.fundingMaximum).contains { $0.outcome == .unmet })

    let flexible = review(
      coachedPlacement(grant: grant), bookings, on: "2027-02-01", policy: flexiblePolicy)
    #expect(flexible.budget.map(\.row.years) == [1...2])
    #expect(flexible.budget.first?.row.limit == Money(euros: 4_100))
    #expect(flexible.findings(.fundingMaximum).allSatisfy { $0.outcome == .met })
  }

  // MARK: F-2

  @Test("F-2: a period of exactly half a year is met; one day longer is not")
  func halfYearBoundary() {
    let exact = review(
      coachedPlacement(grant: coachingGrant(periods: [grantPeriod("2026-01-01", "2026-06-30")])),
      on: "2026-02-01")
    #expect(exact.only(.halfYearPeriods)?.outcome == .met)

    let longer = review(
      coachedPlacement(grant: coachingGrant(periods: [grantPeriod("2026-01-01", "2026-07-01")])),
      on: "2026-02-01")
    #expect(longer.only(.halfYearPeriods)?.outcome == .unmet)
    #expect(longer.only(.halfYearPeriods)?.message.contains("may run until 2026-06-30") == true)
  }

  /// F-2's month ends (issue 16): a half year from the 31st runs to the month's last day when
  /// the month has no such day; from 28 February it runs to 27 August, not the 28th.
  @Test(
    "F-2: half years at month ends",
    arguments: [
      ("2026-03-31", "2026-09-30", Outcome.met), ("2026-08-31", "2027-02-28", .met),
      ("2026-02-28", "2026-08-27", .met), ("2026-02-28", "2026-08-28", .unmet),
    ])
  func halfYearsAtMonthEnds(_ start: String, _ end: String, _ outcome: Outcome) {
    var placement = coachedPlacement(grant: coachingGrant(periods: [grantPeriod(start, end)]))
    placement.period = DateInterval(start: day(start), end: nil)
    let result = review(placement, on: start)
    #expect(result.only(.halfYearPeriods)?.outcome == outcome)
  }

  @Test("F-2: overlapping periods are not met")
  func overlappingPeriods() {
    let grant = coachingGrant(periods: [
      grantPeriod("2026-01-01", "2026-06-30"), grantPeriod("2026-06-30", "2026-12-29"),
    ])
    let review = review(coachedPlacement(grant: grant), on: "2026-02-01")
    #expect(review.findings(.halfYearPeriods).contains { $0.message.contains("overlaps") })
  }

  @Test("F-2: hours outside the granted periods are not reimbursed; the last day still is")
  func bookingsOutsideThePeriods() {
    let grant = coachingGrant(periods: [grantPeriod("2026-01-01", "2026-06-30")])
    let bookings = [booking("IN", "2026-06-30"), booking("OUT", "2026-07-01")]
    let review = review(coachedPlacement(grant: grant), bookings, on: "2026-08-01")
    #expect(review.assessment("IN")?.reimbursable == Hours(wholeHours: 1))
    #expect(review.assessment("OUT")?.reimbursable == .zero)
    #expect(review.assessment("OUT")?.notReimbursed.first?.rule == .halfYearPeriods)
    #expect(
      review.findings(.halfYearPeriods).contains { $0.severity == .warning && $0.outcome == .unmet }
    )
  }

  @Test("F-2: without a grant the framework cannot be checked and no hour is reimbursed")
  func noGrant() {
    let review = review(
      coachedPlacement(grant: nil), [booking("B", "2026-02-01")], on: "2026-03-01")
    #expect(review.findings(.halfYearPeriods).contains { $0.outcome == .undetermined })
    #expect(review.reimbursable == .zero)
  }

  // MARK: F-3

  @Test(
    "F-3: two years, the optional third, and not a day beyond without a motivation",
    arguments: [
      ("2027-12-31", Outcome.met, "within the first 2 years"),
      ("2028-12-31", Outcome.met, "optional third year"),
      ("2029-01-01", Outcome.unmet, "framework ends after year 3"),
    ])
  func duration(lastDay: String, outcome: Outcome, phrase: String) {
    let last = day(lastDay)
    let grant = coachingGrant(periods: [
      grantPeriod("2026-01-01", "2026-06-30"),
      GrantPeriod(start: last.adding(months: -6).adding(days: 1), end: last),
    ])
    let review = review(coachedPlacement(grant: grant), on: "2026-02-01")
    #expect(review.only(.fundingDuration)?.outcome == outcome)
    #expect(review.only(.fundingDuration)?.message.contains(phrase) == true)
  }

  @Test("F-3, F-5: a fourth year with a motivation under a policy that allows it is met")
  func fourthYearMotivated() {
    let grant = coachingGrant(
      motivated: true,
      periods: [grantPeriod("2026-01-01", "2026-06-30"), grantPeriod("2029-01-01", "2029-06-30")])
    let review = review(coachedPlacement(grant: grant), on: "2026-02-01", policy: flexiblePolicy)
    #expect(review.only(.fundingDuration)?.outcome == .met)
    #expect(review.only(.motivatedException)?.outcome == .met)
  }

  // MARK: F-4

  @Test(
    "F-4: the same framework for every kind; a municipal coach counts at the internal rate",
    arguments: [
      (CoachKind.municipal, 0, Outcome.undetermined), (.municipal, 9000, .undetermined),
      (.external, 9000, .met), (.internal, 4000, .met),
    ])
  func everyKindUnderTheFramework(kind: CoachKind, rateCents: Int, outcome: Outcome) {
    let placement = coachedPlacement(grant: coachingGrant(rateCents: rateCents))
    let review = review(placement, on: "2026-02-01", coachKind: kind)
    #expect(review.only(.sameFrameworkEveryKind)?.outcome == outcome)
  }

  /// F-4: a municipal coach's hours count against the budget at the policy's internal rate,
  /// not the grant's; at exactly the budget F-1 is met, one cent over it is not.
  @Test(arguments: [(2_700_00, Outcome.met), (2_700_01, .unmet)])
  func municipalCoachHoursCountAtTheInternalRate(rateCents: Int, outcome: Outcome) {
    // One hour at the internal rate: exactly year 1's EUR 2,700.00, or one cent over.
    var policy = MunicipalPolicy.g4Default
    policy.funding.municipalCoachRate = Money(cents: rateCents)
    let review = review(
      coachedPlacement(grant: coachingGrant(rateCents: 9000)), [booking("B", "2026-02-02")],
      on: "2026-02-03", policy: policy, coachKind: .municipal)
    #expect(review.amount == Money(cents: rateCents))
    #expect(review.only(.sameFrameworkEveryKind)?.message.contains("internal rate") == true)
    let year1 = review.findings(.fundingMaximum).first
    #expect(year1?.outcome == outcome)
  }

  // MARK: F-6

  @Test("F-6: the municipality's own amounts decide, and the finding names its policy")
  func ownFramework() {
    var generous = MunicipalPolicy.g4Default
    generous.id = "OWN"
    generous.funding.light.year1 = Money(euros: 3_000)
    let bookings = dailyVisits("2026-01-02", count: 31)  // EUR 2,790
    let g4 = review(coachedPlacement(), bookings, on: "2026-12-31")
    let own = review(coachedPlacement(), bookings, on: "2026-12-31", policy: generous)
    #expect(g4.only(.fundingMaximum)?.outcome == .unmet)
    #expect(own.only(.fundingMaximum)?.outcome == .met)
    #expect(own.only(.municipalFramework)?.message.contains("policy OWN applies its own") == true)
    #expect(g4.only(.municipalFramework)?.message.contains("G4 default") == true)
  }

  @Test("verify --placement: a grant beyond the framework makes the coach not eligible")
  func verifyChecksTheGrant() {
    let coach = Coach(
      id: "C1", name: "Coach", employments: [employment("CO", .external)], qualifications: [])
    var placement = coachedPlacement(
      grant: coachingGrant(periods: [grantPeriod("2026-01-01", "2026-06-30", cents: 300_000)]))
    let organisations = [coachingOrganisation([recognition()]), employer, municipality]
    let over = verify(
      coach, as: .external, on: "2026-02-01", placement: placement, organisations: organisations)
    #expect(!over.isEligible)
    #expect(over.findings.contains { $0.rule == .fundingMaximum && $0.outcome == .unmet })

    placement.grant = coachingGrant()
    let within = verify(
      coach, as: .external, on: "2026-02-01", placement: placement, organisations: organisations)
    #expect(within.isEligible)
    #expect(within.findings.contains { $0.rule == .halfYearPeriods && $0.outcome == .met })
  }
}

/// F-5 monitoring: the share of motivated deviations per municipality per year.
struct DeviationMonitoringTests {
  static func placements(_ count: Int, motivated: Int, year: Int = 2026) -> [Placement] {
    (0..<count).map { index in
      var placement = coachedPlacement(
        grant: coachingGrant(
          motivated: index < motivated,
          periods: [grantPeriod("\(year)-02-01", "\(year)-07-31")]))
      placement.id = PlacementID(rawValue: "P\(index)")
      return placement
    }
  }

  /// Exactly 10% is within the default threshold; one more is above it (a warning).
  @Test(arguments: [(10, 1, Severity.note), (9, 1, .warning), (20, 2, .note), (20, 3, .warning)])
  func theShareAgainstTheThreshold(_ count: Int, _ motivated: Int, _ severity: Severity) {
    let findings = DeviationMonitoring.findings(
      Self.placements(count, motivated: motivated), policies: [:], on: day("2026-12-31"))
    #expect(findings.count == 1)
    #expect(findings.first?.severity == severity)
    #expect(findings.first?.subject == .organisation("MUN"))
    #expect(findings.first?.evidence.count == motivated)
  }

  /// Per year, by when coaching started; a policy's own threshold applies; a grant that has
  /// not started by the date does not count yet.
  @Test func perYearUnderThePolicysThreshold() {
    var policy = flexiblePolicy
    policy.funding.deviationSharePercent = 50
    let placements =
      Self.placements(2, motivated: 1, year: 2025)
      + Self.placements(1, motivated: 1, year: 2026).map {
        var placement = $0
        placement.id = "Q1"
        return placement
      }
    let findings = DeviationMonitoring.findings(
      placements, policies: ["MUN": policy], on: day("2026-01-31"))
    #expect(findings.map(\.severity) == [.note])
    #expect(
      findings.first?.message
        == "1 of 2 placements whose coaching started in 2025 (50%) has a motivated deviation; within the 50% of policy FLEX"
    )
  }
}
