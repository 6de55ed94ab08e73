import JobcoachCore

extension English {
  func funding(_ reason: FundingReason) -> String {
    switch reason {
    case .noGrant(let placement):
      "no grant is recorded for placement \(placement); the funding framework cannot be checked"
    case .framework(let policy, let g4, let level, let maxima, let shifts):
      "policy \(policy) applies \(g4 ? "the G4 default framework" : "its own framework"): "
        + "\(level.rawValue) coaching at most \(money(maxima.year1)) in year 1, "
        + "\(money(maxima.year2)) in year 2, \(money(maxima.year3)) in year 3"
        + (shifts ? "; money may shift between years 1 and 2" : "")
    case .noPeriods: "the grant has no periods; coaching is granted per half year"
    case .periodTooLong(let period, let lastDay):
      "period \(interval(period)) is longer than half a year (it may run until \(lastDay))"
    case .periodsOverlap(let period, let previous):
      "period \(interval(period)) overlaps period \(interval(previous))"
    case .periodsGranted(let count, let days):
      "\(self.count(count, "half-year period", "half-year periods")) granted, \(interval(days))"
    case .grantedUnfunded(let granted, let years, let covered):
      "\(money(granted)) granted in \(self.years(years)), which the framework does not fund"
        + beyond(covered)
    case .grantedAbove(let granted, let years, let over, let level, let maximum, let covered):
      "\(money(granted)) granted in \(self.years(years)), \(money(over)) above the "
        + "\(level.rawValue) maximum of \(money(maximum))" + beyond(covered)
    case .grantedWithin(let granted, let years, let level, let maximum):
      "\(money(granted)) granted in \(self.years(years)), within the \(level.rawValue) maximum "
        + "of \(money(maximum))"
    case .durationStandard(let until, let years):
      "coaching granted until \(until), within the first \(years) years"
    case .durationThirdYear(let until): "coaching granted until \(until), into the optional third year"
    case .durationBeyond(let until, let year, let lastYear, let frameworkEnds, let covered):
      "coaching granted until \(until), in year \(year); the framework ends after year "
        + "\(lastYear) (\(frameworkEnds))" + beyond(covered)
    case .municipalRateMissing(let policy):
      "the same framework applies to a municipal coach, but policy \(policy) sets no internal "
        + "rate: the coach's hours cannot be counted against the budget"
    case .municipalRate(let policy, let rate):
      "the same framework applies to a municipal coach: hours count at policy \(policy)'s "
        + "internal rate of \(money(rate)) an hour, excluding VAT"
    case .sameFramework(let kind, let rate):
      "the same framework applies to \(withArticle(kind)); "
        + (rate == .zero ? "no hourly rate" : "\(money(rate)) an hour, excluding VAT")
        + ", costs outside the framework are the employer's"
    case .noMotivation: "the grant goes beyond the framework without a written motivation"
    case .motivationNotAllowed(let policy):
      "the grant goes beyond the framework; policy \(policy) does not allow motivated exceptions"
    case .motivated: "the grant goes beyond the framework with a written motivation"
    case .deviationShare(let motivated, let total, let year, let percent, let above, let threshold, let policy):
      "\(motivated) of \(count(total, "placement", "placements")) whose coaching started in "
        + "\(year) (\(percent)%) \(motivated == 1 ? "has" : "have") a motivated deviation; "
        + (above ? "above" : "within") + " the \(threshold)% of "
        + (policy.map { "policy \($0)" } ?? "the default")
    }
  }

  func beyond(_ covered: Bool) -> String {
    covered
      ? "; allowed by the written motivation (F-5)"
      : "; costs outside the framework are the employer's"
  }

  /// `year 1`, `years 1-2`.
  func years(_ years: FrameworkYears) -> String {
    years.count == 1 ? "year \(years.lowerBound)" : "years \(years.lowerBound)-\(years.upperBound)"
  }

  func report(_ name: ReportName) -> String {
    switch name {
    case .report(let id): "report \(id)"
    case .reportOver(let id, let period): "report \(id), \(interval(period))"
    case .period(let period): "period \(interval(period))"
    }
  }

  func placement(_ reason: PlacementReason) -> String {
    switch reason {
    case .spent(let spent, let years, let days, let limit):
      spent <= limit
        ? "\(money(spent)) spent in \(self.years(years)) (\(interval(days))) of \(money(limit)); "
          + "\(money(limit - spent)) left"
        : "\(money(spent)) spent in \(self.years(years)) (\(interval(days))), "
          + "\(money(spent - limit)) over the budget of \(money(limit)); costs outside the "
          + "framework are the employer's (F-4)"
    case .bookedOutsidePeriods(let hours):
      "\(self.hours(hours)) booked outside the granted periods are not reimbursed"
    case .noPlan: "there is no coaching plan"
    case .planNotAgreedBy(let parties):
      "the coaching plan is not agreed by the " + parties.map(\.rawValue).joined(separator: " and ")
    case .planAgreedLate(let agreedOn, let date):
      "the coaching plan is agreed only on \(agreedOn), after \(date)"
    case .planWithoutGoals: "the coaching plan names no goals"
    case .planAgreed: "the coaching plan is agreed by all three"
    case .bookedByUnassigned(let hours, let coaches):
      "\(self.hours(hours)) booked by \(ids(coaches)), not assigned to the placement on the "
        + "booking dates; not reimbursed"
    case .allHoursAttributed: "every booked hour is attributed to a plan goal"
    case .hoursNotAttributed(let hours):
      "\(self.hours(hours)) not attributed to a goal of the coaching plan and are not reimbursed"
    case .unknownActivities(let hours, let activities):
      "\(self.hours(hours)) of activities the protocol does not name ("
        + activities.map(activity).joined(separator: ", ") + "): held for the funder's decision (F-7)"
    case .noExcludedActivities: "no activities booked that are not reimbursed"
    case .excludedActivities(let kinds):
      kinds.map { "\(hours($0.hours)) of \(activity($0.activity))" }.joined(separator: ", ")
        + " booked; the protocol does not reimburse these"
    case .bookedOnHoliday(let hours):
      "\(self.hours(hours)) booked while the worker was on holiday: not reimbursed, approval or "
        + "not, unless the funder accepts them (held, F-7)"
    case .bookedWhileSick(let hours):
      "\(self.hours(hours)) booked while the worker was sick, without the funder's written "
        + "approval before the day booked; not reimbursed"
    case .bookedDuringApprovedAbsence(let hours):
      "\(self.hours(hours)) booked during an absence with the funder's written approval: the "
        + "report must say so and show they aimed at return to work"
    case .employerCoachingLate(let hours, let after, let years):
      "\(self.hours(hours)) of coaching the supervisor after \(after); the employer should coach "
        + "alone within \(years) years"
    case .homeSituationNotWork(let hours):
      "\(self.hours(hours)) of home-situation coaching are not work-related and are not reimbursed"
    case .homeSituationNeedsReview(let hours):
      "home-situation coaching of \(self.hours(hours)) needs review: the bookings do not state it "
        + "was work-related; held for the funder's decision (F-7)"
    case .reportingWithin(let total, let name, let cap):
      "\(hours(total)) of reporting for \(report(name)), within \(hours(cap))"
    case .reportingOver(let total, let name, let cap):
      "\(hours(total)) of reporting for \(report(name)); \(hours(cap)) reimbursed, the other "
        + "\(hours(total - cap)) only if the funder accepts them (held, F-7)"
    case .reportingOutsideGoal: "reporting booked outside the goal 'evaluation and coordination'"
    case .heldAwaiting(let hours):
      "\(self.hours(hours)) held for the funder's decision: neither paid nor refused until one is "
        + "recorded (jobcoach hours decide)"
    case .heldDecided(let hours, let accepted, let decision, let date, let by, let reason):
      "\(self.hours(hours)) held \(accepted ? "accepted" : "rejected") by the funder's decision "
        + "\(decision) of \(date) (\(by)): \(reason)"
    case .periodWithoutResult(let period): "period \(interval(period)) ended without a recorded result"
    case .periodResult(let period, let result): "period \(interval(period)) ended: \(Words.result(result, .en))"
    case .presentAtStart(let date): "the coach was present at the start (\(date))"
    case .noVisitAtStart(let date): "no visit on the first day of the trial placement (\(date))"
    case .contactsInEveryWindow(let rule, let windows):
      "\(frequency(rule).what) in each of the \(windows) complete "
        + units(rule, windows)
    case .contactsShort(let rule, let short, let windows):
      "fewer than expected (\(frequency(rule).what)) in \(short.count) of \(windows) "
        + units(rule, windows) + ": "
        + short.prefix(3).map { window in
          "\(interval(window.days)): \(window.contacts)"
            + (window.reached.map { reached in
              reached.count == ContactParty.allCases.count
                ? ""
                : " (no contact with the "
                  + ContactParty.allCases.filter { !reached.contains($0) }.map(\.rawValue)
                  .joined(separator: " or ") + ")"
            } ?? "")
        }.joined(separator: "; ")
        + (short.count > 3 ? "; and \(short.count - 3) more" : "")
    case .averageVisits(let rule, let visits, let windows, let excused, let hundredths, let required, let short):
      "\(count(visits, "visit", "visits")) in \(windows) complete \(units(rule, windows))"
        + (excused > 0 ? " (\(excused) \(units(rule, excused)) wholly within an absence left out)" : "")
        + ": on average \(average(hundredths, ".")) a \(frequency(rule).unit), at least \(required) "
        + "expected" + (short.map { "; \($0) short" } ?? "")
    case .visitsOnSameDays:
      "visits to this employer's other placements of the coach fall on the same days"
    case .visitsCouldBeClustered(let weeks):
      "visits could be clustered with the same employer's other placements: "
        + weeks.map { "\($0.placement) in the week of \($0.week)" }.joined(separator: ", ")
    }
  }

  func frequency(_ rule: RuleID) -> (unit: String, what: String) {
    switch rule {
    case .trialPlacementVisits: ("week", "at least one visit")
    case .package0Contact: ("quarter", "a contact with employer and worker")
    case .package1Visits: ("month", "at least one visit")
    case .package2Visits: ("month", "at least two visits")
    default: ("quarter", "a wage-cost subsidy check")
    }
  }

  func units(_ rule: RuleID, _ count: Int) -> String {
    frequency(rule).unit + (count == 1 ? "" : "s")
  }

  func registry(_ reason: RegistryReason) -> String {
    switch reason {
    case .ambiguousPolicy(let municipality, let policies, let date, let placement):
      placement
        ? "the policy of municipality '\(municipality)' cannot be chosen on \(date): several are "
          + "in force (\(ids(policies))); the placement cannot be judged until one ends or is named"
        : "several policies are in force on \(date) (\(ids(policies))): its placements cannot be "
          + "judged until one ends or is named"
    case .policyNotChosen(let error): self.error(error)
    case .recognised(let framework, let date, let until):
      "recognised by UWV (framework \(framework)) on \(date)"
        + (until.map { ", until \($0)" } ?? "")
    case .notRecognised(let date):
      "no UWV recognition in force on \(date): its coaches cannot be assigned as external coaches"
    case .assignedForNonEmployer(let coach, let placement, let organisation, let date):
      "\(coach) is assigned to placement \(placement) for '\(organisation)', which does not "
        + "employ the coach on \(date)"
    }
  }

  func booking(_ reason: BookingReason) -> String {
    switch reason {
    case .notAssigned(let coach, let placement, let date):
      "booked by \(coach), who is not assigned to placement \(placement) on \(date)"
    case .noGrant: "no coaching is granted for this placement"
    case .outsidePeriods: "booked outside the granted periods"
    case .excludedActivity(let activity): "\(self.activity(activity)) is not reimbursed"
    case .notAttributed: "not attributed to a goal of the coaching plan"
    case .goalNotInPlan(let goal): "goal '\(goal)' is not in the coaching plan"
    case .onHoliday(let period):
      "the worker was on holiday (\(interval(period))); coaching then is not reimbursed unless "
        + "the funder accepts it"
    case .sick(let period, let approvedOn):
      "the worker was sick (\(interval(period))); coaching "
        + (approvedOn.map { "not after the funder's written approval of \($0)" }
          ?? "without the funder's written approval") + " is not reimbursed"
    case .unknownActivity(let activity):
      "\(self.activity(activity)) is neither a coaching activity nor on the protocol's list of "
        + "activities not reimbursed; held for the funder's decision"
    case .supervisorCoachingLate(let years, let start):
      "coaching of the supervisor more than \(years) years after coaching started (\(start))"
    case .homeSituationNotWork: "home-situation coaching that is not work-related"
    case .homeSituationUnstated:
      "home-situation coaching the booking does not state was work-related; held for the "
        + "funder's decision"
    case .reportingBeyondCap(let cap, let name):
      "beyond the \(hours(cap)) of reporting reimbursed per accountability report "
        + "(\(report(name))); more is at the funder's discretion"
    case .rejected(let reason, let decision):
      "\(booking(reason)); rejected by the funder's decision \(decision.id) of "
        + "\(decision.decidedOn) (\(decision.decidedBy)): \(decision.reason)"
    }
  }
}

/// Hundredths as a decimal with two places: `1.50` / `1,50`.
func average(_ hundredths: Int, _ point: String) -> String {
  "\(hundredths / 100)\(point)\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
}
