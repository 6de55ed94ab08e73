extension PlacementRules {
  /// The findings of the spending (F-1), protocol (P) and package (K) rules.
  func findings(
    assessments: [BookingAssessment], budget: [BudgetUse], windows: [ContactWindow]
  ) -> [Finding] {
    var findings: [Finding] = []
    findings += spendingFindings(budget)
    findings += outsidePeriods(assessments)
    findings += planFindings(hasBookings: !assessments.isEmpty)
    findings += bookingRuleFindings(assessments)
    findings += resultFindings()
    findings += contactFindings(windows, assessments)
    findings += clusteringFindings(assessments)
    return findings
  }

  // MARK: F-1 spending

  func spendingFindings(_ budget: [BudgetUse]) -> [Finding] {
    budget.filter { $0.row.days.start <= date }.map { use in
      let row = use.row
      let within = use.spent <= row.limit
      return finding(
        .fundingMaximum, within ? .note : .error, within ? .met : .unmet,
        .spent(use.spent, years: row.years, days: row.days, limit: row.limit))
    }
  }

  func outsidePeriods(_ assessments: [BookingAssessment]) -> [Finding] {
    let outside = assessments.filter { $0.notReimbursed.first?.rule == .halfYearPeriods }
    guard !outside.isEmpty else { return [] }
    return [
      finding(
        .halfYearPeriods, .warning, .unmet,
        .bookedOutsidePeriods(sum(outside)),
        outside.map(evidence))
    ]
  }

  func sum(_ assessments: [BookingAssessment]) -> Hours {
    assessments.reduce(.zero) { $0 + $1.booking.hours }
  }

  func evidence(_ assessment: BookingAssessment) -> EvidenceItem {
    let booking = assessment.booking
    return EvidenceItem(
      kind: .booking, reference: booking.id.rawValue,
      facts: .booking(booking.id, booking.date, booking.hours, booking.activity),
      validFrom: booking.date, validUntil: booking.date)
  }

  // MARK: P-1

  func planFindings(hasBookings: Bool) -> [Finding] {
    guard grant != nil || hasBookings else { return [] }
    guard let plan = placement.plan else {
      return [finding(.coachingPlan, .error, .unmet, .noPlan)]
    }
    let evidence = EvidenceItem(
      kind: .plan, reference: placement.id.rawValue,
      facts: .plan(agreedOn: plan.agreedOn, by: plan.agreedBy.sorted(), goals: plan.goals.count),
      validFrom: plan.agreedOn)
    let missing = PlanParty.allCases.filter { !plan.agreedBy.contains($0) }
    if !missing.isEmpty {
      return [
        finding(
          .coachingPlan, .error, .unmet,
          .planNotAgreedBy(missing), [evidence])
      ]
    }
    if plan.agreedOn > date {
      return [
        finding(
          .coachingPlan, .error, .unmet,
          .planAgreedLate(on: plan.agreedOn, date: date), [evidence])
      ]
    }
    if plan.goals.isEmpty {
      return [
        finding(.coachingPlan, .error, .unmet, .planWithoutGoals, [evidence])
      ]
    }
    return [
      finding(.coachingPlan, .note, .met, .planAgreed, [evidence])
    ]
  }

  // MARK: P-2..P-7

  /// The bookings (by index into the review's assessments) whose hours fail each rule, found
  /// in one pass.
  struct Failures {
    var byRule: [RuleID: [Int]] = [:]
    /// The bookings with hours held for the funder under each rule and not yet decided (F-7).
    var heldByRule: [RuleID: [Int]] = [:]
    var duringApprovedAbsence: [Int] = []

    init(_ assessments: [BookingAssessment]) {
      for index in assessments.indices {
        for part in assessments[index].notReimbursed where byRule[part.rule]?.last != index {
          byRule[part.rule, default: []].append(index)
        }
        // Only what still awaits a decision; decided parts are F-7's to report.
        for part in assessments[index].held
        where part.decision == nil && heldByRule[part.rule]?.last != index {
          heldByRule[part.rule, default: []].append(index)
        }
        if assessments[index].duringApprovedAbsence { duringApprovedAbsence.append(index) }
      }
    }

    subscript(rule: RuleID) -> [Int] { byRule[rule] ?? [] }
    func held(_ rule: RuleID) -> [Int] { heldByRule[rule] ?? [] }
  }

  func sum(_ indices: [Int], of assessments: [BookingAssessment]) -> Hours {
    indices.reduce(.zero) { $0 + assessments[$1].booking.hours }
  }

  func evidence(_ indices: [Int], of assessments: [BookingAssessment]) -> [EvidenceItem] {
    indices.map { evidence(assessments[$0]) }
  }

  func bookingRuleFindings(_ assessments: [BookingAssessment]) -> [Finding] {
    guard !assessments.isEmpty else { return [] }
    var findings: [Finding] = []
    let failures = Failures(assessments)
    func hours(_ rule: RuleID, _ indices: [Int]) -> Hours {
      indices.reduce(.zero) { total, index in
        assessments[index].notReimbursed.reduce(total) { $1.rule == rule ? $0 + $1.hours : $0 }
      }
    }
    func evidence(_ indices: [Int]) -> [EvidenceItem] { self.evidence(indices, of: assessments) }
    func sum(_ indices: [Int]) -> Hours { self.sum(indices, of: assessments) }
    // P-9
    let unassigned = failures[.bookedByAssignedCoach]
    if !unassigned.isEmpty {
      let coaches = Set(unassigned.map { assessments[$0].booking.coach }).sorted()
      findings.append(
        finding(
          .bookedByAssignedCoach, .error, .unmet,
          .bookedByUnassigned(sum(unassigned), coaches: coaches), evidence(unassigned)))
    }
    // P-2
    let unattributed = failures[.hoursAttributed]
    findings.append(
      unattributed.isEmpty
        ? finding(.hoursAttributed, .note, .met, .allHoursAttributed)
        : finding(
          .hoursAttributed, .warning, .unmet,
          .hoursNotAttributed(hours(.hoursAttributed, unattributed)), evidence(unattributed)))
    // P-3
    findings += reportingFindings(assessments)
    // P-4
    let excluded = failures[.nonReimbursable]
    let unknown = failures.held(.nonReimbursable)
    if !unknown.isEmpty {
      let kinds = Set(unknown.map { assessments[$0].booking.activity }).sorted {
        $0.rawValue < $1.rawValue
      }
      findings.append(
        finding(
          .nonReimbursable, .warning, .undetermined, .unknownActivities(sum(unknown), kinds),
          evidence(unknown)))
    }
    if excluded.isEmpty {
      if unknown.isEmpty {
        findings.append(
          finding(.nonReimbursable, .note, .met, .noExcludedActivities))
      }
    } else {
      let kinds = Dictionary(grouping: excluded, by: { assessments[$0].booking.activity })
        .sorted { $0.key.rawValue < $1.key.rawValue }
        .map { ActivityHours(activity: $0.key, hours: sum($0.value)) }
      findings.append(
        finding(
          .nonReimbursable, .warning, .unmet, .excludedActivities(kinds), evidence(excluded)))
    }
    // P-5
    let inAbsence = failures[.absence]
    let onHoliday = failures.held(.absence)
    let approved = failures.duringApprovedAbsence
    if !onHoliday.isEmpty {
      findings.append(
        finding(
          .absence, .warning, .unmet,
          .bookedOnHoliday(sum(onHoliday)),
          evidence(onHoliday)))
    }
    if !inAbsence.isEmpty {
      findings.append(
        finding(
          .absence, .error, .unmet,
          .bookedWhileSick(hours(.absence, inAbsence)),
          evidence(inAbsence)))
    }
    if !approved.isEmpty {
      findings.append(
        finding(
          .absence, .note, .met,
          .bookedDuringApprovedAbsence(sum(approved)),
          evidence(approved)
            + placement.absences.compactMap { absence in
              absence.approval.map {
                EvidenceItem(
                  kind: .absence, reference: $0.evidence.documentID,
                  facts: .approvedAbsence(
                    absence.reason, absence.period, approvedOn: $0.approvedOn, $0.evidence),
                  validFrom: absence.period.start,
                  validUntil: absence.period.end)
              }
            }))
    }
    // P-6
    let lateEmployer = failures[.employerCoaching]
    if !lateEmployer.isEmpty {
      findings.append(
        finding(
          .employerCoaching, .warning, .unmet,
          .employerCoachingLate(
            hours(.employerCoaching, lateEmployer),
            after: coachingStart.adding(years: policy.coachingProtocol.employerCoachingYears)
              .adding(days: -1),
            years: policy.coachingProtocol.employerCoachingYears), evidence(lateEmployer)))
    }
    // P-7
    let notWork = failures[.homeSituation]
    let review = failures.held(.homeSituation)
    if !notWork.isEmpty {
      findings.append(
        finding(
          .homeSituation, .warning, .unmet,
          .homeSituationNotWork(sum(notWork)), evidence(notWork)))
    }
    if !review.isEmpty {
      findings.append(
        finding(
          .homeSituation, .warning, .undetermined,
          .homeSituationNeedsReview(sum(review)), evidence(review)))
    }
    findings += heldFindings(assessments)
    return findings
  }

  /// F-7: hours held for the funder, awaiting a decision or settled by one.
  func heldFindings(_ assessments: [BookingAssessment]) -> [Finding] {
    var awaiting: [Int] = []
    var decided: [FunderDecision: Hours] = [:]
    for index in assessments.indices {
      for part in assessments[index].held {
        if let decision = part.decision {
          decided[decision, default: .zero] += part.hours
        } else if awaiting.last != index {
          awaiting.append(index)
        }
      }
    }
    var findings: [Finding] = []
    if !awaiting.isEmpty {
      let hours = awaiting.reduce(Hours.zero) { $0 + assessments[$1].awaitingDecision }
      findings.append(
        finding(
          .funderDecision, .warning, .undetermined,
          .heldAwaiting(hours), evidence(awaiting, of: assessments)))
    }
    for (decision, hours) in decided.sorted(by: {
      ($0.key.decidedOn, $0.key.id) < ($1.key.decidedOn, $1.key.id)
    }) {
      findings.append(
        finding(
          .funderDecision, .note, .met,
          .heldDecided(
            hours, accepted: decision.outcome == .accept, decision: decision.id,
            on: decision.decidedOn, by: decision.decidedBy, reason: decision.reason),
          [
            EvidenceItem(
              kind: .grant, reference: decision.id.rawValue,
              facts: .decision(decision.id, decision.outcome, decision.bookings),
              validFrom: decision.decidedOn)
          ]))
    }
    return findings
  }

  /// P-3: the reporting hours of each accountability report (its records, else each granted
  /// half year), against the cap per report.
  func reportingFindings(_ assessments: [BookingAssessment]) -> [Finding] {
    let cap = policy.coachingProtocol.reportingPerReport
    var order: [String] = []
    var byReport: [String: (name: ReportName, indices: [Int])] = [:]
    for index in assessments.indices {
      let assessment = assessments[index]
      guard assessment.booking.activity == .reporting,
        assessment.notReimbursed.allSatisfy({ $0.rule == .funderDecision }),
        let report = report(of: assessment.booking)
      else { continue }
      if byReport[report.key] == nil {
        order.append(report.key)
        byReport[report.key] = (report.name, [])
      }
      byReport[report.key]!.indices.append(index)
    }
    var findings: [Finding] = []
    for key in order {
      let (name, reporting) = byReport[key]!
      let total = sum(reporting, of: assessments)
      if total <= cap {
        findings.append(
          finding(
            .reportingHours, .note, .met,
            .reportingWithin(total, name, cap: cap)))
      } else {
        findings.append(
          finding(
            .reportingHours, .warning, .unmet,
            .reportingOver(total, name, cap: cap),
            evidence(reporting, of: assessments)))
      }
      let misfiled = reporting.filter { index in
        !assessments[index].booking.goals.contains {
          placement.plan?.goal($0)?.category == .evaluationAndCoordination
        }
      }
      if !misfiled.isEmpty {
        findings.append(
          finding(
            .reportingHours, .warning, .unmet,
            .reportingOutsideGoal,
            evidence(misfiled, of: assessments)))
      }
    }
    return findings
  }

  // MARK: P-8

  func resultFindings() -> [Finding] {
    guard let grant else { return [] }
    return grant.periods.filter { $0.end < date }.map { period in
      let evidence = [
        EvidenceItem(
          kind: .grant, reference: placement.id.rawValue,
          facts: .grantPeriod(period.period, amount: nil),
          validFrom: period.start, validUntil: period.end)
      ]
      guard let result = period.result else {
        return finding(
          .periodResult, .warning, .unmet,
          .periodWithoutResult(period.period), evidence)
      }
      return finding(
        .periodResult, .note, .met, .periodResult(period.period, result), evidence)
    }
  }

  // MARK: K-1..K-5

  func contactFindings(_ windows: [ContactWindow], _ assessments: [BookingAssessment])
    -> [Finding]
  {
    var findings: [Finding] = []
    if grant?.package == .trialPlacement, coachingStart <= date {
      let present = assessments.contains {
        $0.booking.date == coachingStart && $0.booking.contact == .visit
      }
      findings.append(
        present
          ? finding(
            .trialPlacementVisits, .note, .met,
            .presentAtStart(coachingStart))
          : finding(
            .trialPlacementVisits, .warning, .unmet,
            .noVisitAtStart(coachingStart)))
    }
    let byRule = Dictionary(grouping: windows, by: \.rule)
    for rule in byRule.keys.sorted() {
      let list = byRule[rule]!
      if Self.averaged.contains(rule) {
        findings.append(averageFinding(rule, list))
        continue
      }
      let short = list.filter { !$0.isMet }
      if short.isEmpty {
        findings.append(finding(rule, .note, .met, .contactsInEveryWindow(rule, windows: list.count)))
      } else {
        findings.append(
          finding(rule, .warning, .unmet, .contactsShort(rule, short: short, windows: list.count)))
      }
    }
    return findings
  }

  /// The frequencies the seed states as averages ("gemiddeld"): judged over the complete
  /// windows of the granted time so far, leaving out windows wholly within an absence.
  static let averaged: Set<RuleID> = [.trialPlacementVisits, .package1Visits, .package2Visits]

  /// An averaged frequency (K-1, K-3, K-4) over `windows`.
  func averageFinding(_ rule: RuleID, _ windows: [ContactWindow]) -> Finding {
    let counted = windows.filter { !$0.duringAbsence }
    let excused = windows.count - counted.count
    let visits = counted.reduce(0) { $0 + $1.contacts }
    let required = counted.first?.required ?? windows.first?.required ?? 1
    let needed = required * counted.count
    // The average to two decimals, rounded half up, from whole numbers.
    let hundredths = counted.isEmpty ? 0 : (visits * 200 + counted.count) / (2 * counted.count)
    let evidence = windows.filter { !$0.isMet }.prefix(3).map {
      EvidenceItem(
        kind: .plan, reference: placement.id.rawValue,
        facts: .contactWindow($0.days, visits: $0.contacts),
        validFrom: $0.days.start, validUntil: $0.days.end)
    }
    let met = visits >= needed
    return finding(
      rule, met ? .note : .warning, met ? .met : .unmet,
      .averageVisits(
        rule, visits: visits, windows: counted.count, excused: excused, hundredths: hundredths,
        required: required, short: met ? nil : needed - visits), Array(evidence))
  }

  // MARK: K-6

  /// Monday of the week holding `date` (1970-01-01 was a Thursday).
  static func weekStart(_ date: CalendarDate) -> CalendarDate {
    let weekday = ((date.daysSinceEpoch + 3) % 7 + 7) % 7
    return date.adding(days: -weekday)
  }

  func clusteringFindings(_ assessments: [BookingAssessment]) -> [Finding] {
    guard !dossier.siblingVisits.isEmpty else { return [] }
    var own: Set<CalendarDate> = []
    for index in assessments.indices where assessments[index].booking.contact == .visit {
      own.insert(assessments[index].booking.date)
    }
    guard !own.isEmpty else { return [] }
    var separate: [SiblingWeek] = []
    var shared = 0
    for (sibling, dates) in dossier.siblingVisits.sorted(by: { $0.key < $1.key }) {
      let theirs = Set(dates.filter { $0 <= date })
      let ownWeeks = Dictionary(grouping: own, by: Self.weekStart)
      let theirWeeks = Dictionary(grouping: theirs, by: Self.weekStart)
      for week in Set(ownWeeks.keys).intersection(theirWeeks.keys).sorted() {
        if Set(ownWeeks[week]!).isDisjoint(with: theirWeeks[week]!) {
          separate.append(SiblingWeek(placement: sibling, week: week))
        } else {
          shared += 1
        }
      }
    }
    if separate.isEmpty {
      return shared == 0
        ? []
        : [
          finding(.clusteredTalks, .note, .met, .visitsOnSameDays)
        ]
    }
    return [
      finding(.clusteredTalks, .note, .unmet, .visitsCouldBeClustered(separate))
    ]
  }
}
