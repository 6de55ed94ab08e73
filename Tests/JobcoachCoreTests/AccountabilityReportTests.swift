import Testing

@testable import JobcoachCore

@Suite("Money and the accountability report")
struct AccountabilityReportTests {
  @Test(
    "an amount is the minutes times the rate, rounded half up to the cent once",
    arguments: [
      (1, 30, 1),  // half a cent rounds up
      (1, 29, 0),  // 0.48 cent rounds down
      (90, 8_537, 12_806),  // 12,805.5 cents
      (60, 9_000, 9_000), (0, 9_000, 0), (1_800, 9_000, 270_000),
    ])
  func cost(minutes: Int, rateCents: Int, cents: Int) {
    #expect(Money(cents: rateCents).cost(of: Hours(minutes: minutes)) == Money(cents: cents))
  }

  @Test("amounts read as a caseworker writes them")
  func moneyText() {
    #expect(Money(euros: 2_700).description == "EUR 2,700.00")
    #expect(Money(cents: 5).description == "EUR 0.05")
    #expect(Money(cents: 1_234_567).description == "EUR 12,345.67")
    #expect(Money(cents: -54_000).description == "-EUR 540.00")
    #expect(Money(cents: 1_234_567).decimalText == "12345.67")
  }

  @Test("the report sums each goal to the minute and prices it to the cent")
  func exactSums() {
    // EUR 85.37 an hour; 20 + 105 + 15 minutes.
    let grant = coachingGrant(rateCents: 8_537)
    let bookings = [
      booking("A", "2026-02-02", minutes: 20), booking("B", "2026-02-03", minutes: 105),
      booking("C", "2026-02-04", minutes: 15, goals: ["G3"], activity: .reporting),
      booking("T", "2026-02-05", minutes: 45, activity: .travel),
      booking("OUTSIDE", "2026-03-01", minutes: 60),
    ]
    let review = review(coachedPlacement(grant: grant), bookings, on: "2026-02-28")
    let report = AccountabilityReport(
      review, period: DateInterval(start: day("2026-02-01"), end: day("2026-02-28")))
    #expect(report.booked == Hours(minutes: 185))
    #expect(report.reimbursable == Hours(minutes: 140))
    #expect(report.notReimbursable == Hours(minutes: 45))
    // 140 minutes at 8,537 cents an hour: 19,919.67 cents.
    #expect(report.amount == Money(cents: 19_920))
    #expect(report.lines.map(\.goals) == [["G1"], ["G3"]])
    #expect(report.lines[0].booked == Hours(minutes: 170))
    #expect(report.lines[0].reimbursable == Hours(minutes: 125))
    #expect(report.lines[0].amount == Money(cents: 17_785))  // 17,785.42
    #expect(report.lines[1].amount == Money(cents: 2_134))  // 2,134.25
    #expect(report.lines[1].categories == [.evaluationAndCoordination])
    #expect(report.exclusions.count == 1)
    #expect(report.exclusions[0].booking == "T")
    #expect(report.exclusions[0].rule == .nonReimbursable)
    #expect(report.exclusions[0].reason == .excludedActivity(.travel))
  }

  @Test("hours during an approved absence are listed, as the protocol asks")
  func approvedAbsenceListed() {
    let sick = Absence(
      period: DateInterval(start: day("2026-02-01"), end: day("2026-02-10")), reason: .sick,
      approval: AbsenceApproval(evidence: evidenceDoc, approvedOn: day("2026-01-30")))
    let review = review(
      coachedPlacement(absences: [sick]), [booking("S", "2026-02-03")], on: "2026-02-28")
    let report = AccountabilityReport(
      review, period: DateInterval(start: day("2026-02-01"), end: day("2026-02-28")))
    #expect(report.duringApprovedAbsence.map(\.id) == ["S"])
    #expect(report.reimbursable == Hours(wholeHours: 1))
  }
}
