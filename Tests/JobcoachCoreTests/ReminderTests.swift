import Testing

@testable import JobcoachCore

struct ReminderTests {
  @Test(arguments: [
    ("6m", "2026-06-30", "2025-12-30"), ("12w", "2026-06-30", "2026-04-07"),
    ("30d", "2026-06-30", "2026-05-31"), ("7d", "2026-06-30", "2026-06-23"),
    ("6m", "2026-08-31", "2026-02-28"),  // no 31 February: the month's last day
  ])
  func aStageIsReachedOnItsExactDay(_ code: String, _ deadline: String, _ reached: String) throws {
    let stage = try #require(ReminderStage(code: code))
    #expect(stage.day(before: day(deadline)) == day(reached))
    let schedule = ReminderSchedule([stage])
    #expect(schedule.stageReached(for: day(deadline), on: day(reached)) == stage)
    #expect(schedule.stageReached(for: day(deadline), on: day(reached).adding(days: -1)) == nil)
    #expect(schedule.stageReached(for: day(deadline), on: day(reached).adding(days: 1)) == nil)
  }

  @Test func theStandardScheduleIsSixMonthsTwelveWeeksThirtyAndSevenDays() {
    #expect(ReminderSchedule.standard.codes == "6m,12w,30d,7d")
    #expect(ReminderSchedule(codes: "7d,6m,30d,12w") == .standard)
    #expect(ReminderSchedule(codes: "6x") == nil)
    #expect(ReminderSchedule(codes: "0d") == nil)
    #expect(ReminderSchedule(codes: "") == nil)
  }

  @Test func theStageADeadlineHasReached() {
    let schedule = ReminderSchedule.standard
    let deadline = day("2026-12-14")
    #expect(schedule.stage(of: deadline, on: day("2026-06-13")) == nil)
    #expect(schedule.stage(of: deadline, on: day("2026-06-14"))?.code == "6m")
    #expect(schedule.stage(of: deadline, on: day("2026-11-14"))?.code == "30d")
    #expect(schedule.stage(of: deadline, on: day("2026-12-14"))?.code == "7d")
    #expect(schedule.stage(of: deadline, on: day("2026-12-15")) == nil)
  }

  static var registry: InMemoryRegistry {
    var coach = Coach(
      id: "C1", name: "Coach One",
      qualifications: [
        qualification(.workplaceGuidanceTraining, issued: "2024-01-01", expires: "2026-12-31")
      ])
    coach.employments = [employment("CO", .external)]
    let membership = Membership(
      coach: "C1", registerNumber: "RJC-1", admittedOn: day("2021-12-15"),
      route: .entryRequirements,
      statusChanges: [
        StatusChange(
          date: day("2021-12-15"), status: .registered, rule: .admissionEducation,
          decision: "admitted")
      ])
    return InMemoryRegistry(
      organisations: [coachingOrganisation([recognition(from: "2020-01-01", until: "2026-06-30")])],
      coaches: [coach], memberships: [membership])
  }

  static func deadlines(from date: String) -> [Deadline] {
    let registry = Self.registry
    return Reminders.deadlines(
      memberships: registry.allMemberships(), coaches: registry.allCoaches(),
      organisations: registry.organisations,
      registers: Dictionary(uniqueKeysWithValues: registry.registers().map { ($0.id, $0) }),
      from: day(date))
  }

  @Test func deadlinesComeFromCyclesRecognitionsAndQualifications() {
    let deadlines = Self.deadlines(from: "2026-01-01")
    #expect(deadlines.map(\.kind) == [.recognitionEnd, .reregistration, .qualificationExpiry])
    #expect(deadlines.map(\.date) == [day("2026-06-30"), day("2026-12-14"), day("2026-12-31")])
    #expect(deadlines[1].uid == "reregistration-C1-2021-12-15@jobcoach")
    // A later day keeps the same UIDs, so a calendar updates instead of duplicating.
    let later = Self.deadlines(from: "2026-07-01")
    #expect(later.map(\.uid) == Array(deadlines.map(\.uid).dropFirst()))
  }

  @Test func remindersAreTheDeadlinesReachingAStageThatDay() {
    let deadlines = Self.deadlines(from: "2026-05-31")
    let due = Reminders.due(deadlines, schedule: .standard, on: day("2026-05-31"))
    #expect(due.map(\.deadline.kind) == [.recognitionEnd])
    #expect(due.map(\.stage.code) == ["30d"])
    #expect(Reminders.due(deadlines, schedule: .standard, on: day("2026-06-01")).isEmpty)
  }
}
