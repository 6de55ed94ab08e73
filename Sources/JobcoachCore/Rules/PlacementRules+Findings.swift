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
      if use.spent <= row.limit {
        return finding(
          .fundingMaximum, .note, .met,
          "\(use.spent) spent in \(row.label) (\(row.days)) of \(row.limit); \(use.left) left")
      }
      return finding(
        .fundingMaximum, .error, .unmet,
        "\(use.spent) spent in \(row.label) (\(row.days)), \(use.spent - row.limit) over the "
          + "budget of \(row.limit); costs outside the framework are the employer's (F-4)")
    }
  }

  func outsidePeriods(_ assessments: [BookingAssessment]) -> [Finding] {
    let outside = assessments.filter { $0.notReimbursed.first?.rule == .halfYearPeriods }
    guard !outside.isEmpty else { return [] }
    return [
      finding(
        .halfYearPeriods, .warning, .unmet,
        "\(sum(outside).spoken) booked outside the granted periods are not reimbursed",
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
      return [finding(.coachingPlan, .error, .unmet, "there is no coaching plan")]
    }
    let evidence = EvidenceItem(
      kind: .plan, reference: placement.id.rawValue,
      detail: "coaching plan agreed on \(plan.agreedOn) by "
        + plan.agreedBy.sorted().map(\.rawValue).joined(separator: ", ")
        + ", \(plan.goals.count) goal\(plan.goals.count == 1 ? "" : "s")",
      validFrom: plan.agreedOn)
    let missing = PlanParty.allCases.filter { !plan.agreedBy.contains($0) }
    if !missing.isEmpty {
      return [
        finding(
          .coachingPlan, .error, .unmet,
          "the coaching plan is not agreed by the "
            + missing.map(\.rawValue).joined(separator: " and "), [evidence])
      ]
    }
    if plan.agreedOn > date {
      return [
        finding(
          .coachingPlan, .error, .unmet,
          "the coaching plan is agreed only on \(plan.agreedOn), after \(date)", [evidence])
      ]
    }
    if plan.goals.isEmpty {
      return [
        finding(.coachingPlan, .error, .unmet, "the coaching plan names no goals", [evidence])
      ]
    }
    return [
      finding(.coachingPlan, .note, .met, "the coaching plan is agreed by all three", [evidence])
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
      let coaches = Set(unassigned.map { assessments[$0].booking.coach.rawValue }).sorted()
      findings.append(
        finding(
          .bookedByAssignedCoach, .error, .unmet,
          "\(sum(unassigned).spoken) booked by " + coaches.joined(separator: ", ")
            + ", not assigned to the placement on the booking dates; not reimbursed",
          evidence(unassigned)))
    }
    // P-2
    let unattributed = failures[.hoursAttributed]
    findings.append(
      unattributed.isEmpty
        ? finding(.hoursAttributed, .note, .met, "every booked hour is attributed to a plan goal")
        : finding(
          .hoursAttributed, .warning, .unmet,
          "\(hours(.hoursAttributed, unattributed).spoken) not attributed to a goal of the "
            + "coaching plan and are not reimbursed", evidence(unattributed)))
    // P-3
    findings += reportingFindings(assessments)
    // P-4
    let excluded = failures[.nonReimbursable]
    let unknown = failures.held(.nonReimbursable)
    if !unknown.isEmpty {
      let kinds = Set(unknown.map { assessments[$0].booking.activity.title }).sorted()
      findings.append(
        finding(
          .nonReimbursable, .warning, .undetermined,
          "\(sum(unknown).spoken) of activities the protocol does not name ("
            + kinds.joined(separator: ", ") + "): held for the funder's decision (F-7)",
          evidence(unknown)))
    }
    if excluded.isEmpty {
      if unknown.isEmpty {
        findings.append(
          finding(.nonReimbursable, .note, .met, "no activities booked that are not reimbursed"))
      }
    } else {
      let kinds = Dictionary(grouping: excluded, by: { assessments[$0].booking.activity })
        .sorted { $0.key.rawValue < $1.key.rawValue }
        .map { "\(sum($0.value).spoken) of \($0.key.title)" }
      findings.append(
        finding(
          .nonReimbursable, .warning, .unmet,
          kinds.joined(separator: ", ") + " booked; the protocol does not reimburse these",
          evidence(excluded)))
    }
    // P-5
    let inAbsence = failures[.absence]
    let onHoliday = failures.held(.absence)
    let approved = failures.duringApprovedAbsence
    if !onHoliday.isEmpty {
      findings.append(
        finding(
          .absence, .warning, .unmet,
          "\(sum(onHoliday).spoken) booked while the worker was on holiday: not reimbursed, "
            + "approval or not, unless the funder accepts them (held, F-7)",
          evidence(onHoliday)))
    }
    if !inAbsence.isEmpty {
      findings.append(
        finding(
          .absence, .error, .unmet,
          "\(hours(.absence, inAbsence).spoken) booked while the worker was sick, without the "
            + "funder's written approval before the day booked; not reimbursed",
          evidence(inAbsence)))
    }
    if !approved.isEmpty {
      findings.append(
        finding(
          .absence, .note, .met,
          "\(sum(approved).spoken) booked during an absence with the funder's written approval: "
            + "the report must say so and show they aimed at return to work",
          evidence(approved)
            + placement.absences.compactMap { absence in
              absence.approval.map {
                EvidenceItem(
                  kind: .absence, reference: $0.evidence.documentID,
                  detail: "\(absence.reason.rawValue) \(absence.period), approved on "
                    + "\($0.approvedOn) (\($0.evidence))", validFrom: absence.period.start,
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
          "\(hours(.employerCoaching, lateEmployer).spoken) of coaching the supervisor after "
            + "\(coachingStart.adding(years: policy.coachingProtocol.employerCoachingYears).adding(days: -1)); "
            + "the employer should coach alone within "
            + "\(policy.coachingProtocol.employerCoachingYears) years", evidence(lateEmployer)))
    }
    // P-7
    let notWork = failures[.homeSituation]
    let review = failures.held(.homeSituation)
    if !notWork.isEmpty {
      findings.append(
        finding(
          .homeSituation, .warning, .unmet,
          "\(sum(notWork).spoken) of home-situation coaching are not work-related and are not "
            + "reimbursed", evidence(notWork)))
    }
    if !review.isEmpty {
      findings.append(
        finding(
          .homeSituation, .warning, .undetermined,
          "home-situation coaching of \(sum(review).spoken) needs review: the bookings do not "
            + "state it was work-related; held for the funder's decision (F-7)", evidence(review)))
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
          "\(hours.spoken) held for the funder's decision: neither paid nor refused until one "
            + "is recorded (jobcoach hours decide)", evidence(awaiting, of: assessments)))
    }
    for (decision, hours) in decided.sorted(by: {
      ($0.key.decidedOn, $0.key.id) < ($1.key.decidedOn, $1.key.id)
    }) {
      findings.append(
        finding(
          .funderDecision, .note, .met,
          "\(hours.spoken) held \(decision.outcome == .accept ? "accepted" : "rejected") by the "
            + "funder's decision \(decision.id) of \(decision.decidedOn) (\(decision.decidedBy)): "
            + decision.reason,
          [
            EvidenceItem(
              kind: .grant, reference: decision.id.rawValue,
              detail: "decision \(decision.id): \(decision.outcome.rawValue) "
                + decision.bookings.map(\.rawValue).joined(separator: ", "),
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
    var byReport: [String: (name: String, indices: [Int])] = [:]
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
            "\(total.spoken) of reporting for \(name), within \(cap.spoken)"))
      } else {
        findings.append(
          finding(
            .reportingHours, .warning, .unmet,
            "\(total.spoken) of reporting for \(name); \(cap.spoken) reimbursed, the other "
              + "\((total - cap).spoken) only if the funder accepts them (held, F-7)",
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
            "reporting booked outside the goal 'evaluation and coordination'",
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
          kind: .grant, reference: placement.id.rawValue, detail: "period \(period.period)",
          validFrom: period.start, validUntil: period.end)
      ]
      guard let result = period.result else {
        return finding(
          .periodResult, .warning, .unmet,
          "period \(period.period) ended without a recorded result", evidence)
      }
      return finding(
        .periodResult, .note, .met, "period \(period.period) ended: \(result.rawValue)", evidence)
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
            "the coach was present at the start (\(coachingStart))")
          : finding(
            .trialPlacementVisits, .warning, .unmet,
            "no visit on the first day of the trial placement (\(coachingStart))"))
    }
    let byRule = Dictionary(grouping: windows, by: \.rule)
    for rule in byRule.keys.sorted() {
      let list = byRule[rule]!
      let (unit, what) = description(of: rule)
      if Self.averaged.contains(rule) {
        findings.append(averageFinding(rule, list, unit: unit))
        continue
      }
      let short = list.filter { !$0.isMet }
      if short.isEmpty {
        findings.append(
          finding(
            rule, .note, .met,
            "\(what) in each of the \(list.count) complete \(unit)\(list.count == 1 ? "" : "s")"))
      } else {
        var listed = short.prefix(3).map { window in
          "\(window.days): \(window.contacts)"
            + (window.reached.map { reached in
              reached.count == ContactParty.allCases.count
                ? ""
                : " (no contact with the "
                  + ContactParty.allCases.filter { !reached.contains($0) }.map(\.rawValue)
                  .joined(separator: " or ") + ")"
            } ?? "")
        }.joined(separator: "; ")
        if short.count > 3 { listed += "; and \(short.count - 3) more" }
        findings.append(
          finding(
            rule, .warning, .unmet,
            "fewer than expected (\(what)) in \(short.count) of \(list.count) \(unit)"
              + "\(list.count == 1 ? "" : "s"): \(listed)"))
      }
    }
    return findings
  }

  /// The frequencies the seed states as averages ("gemiddeld"): judged over the complete
  /// windows of the granted time so far, leaving out windows wholly within an absence.
  static let averaged: Set<RuleID> = [.trialPlacementVisits, .package1Visits, .package2Visits]

  /// An averaged frequency (K-1, K-3, K-4) over `windows`.
  func averageFinding(_ rule: RuleID, _ windows: [ContactWindow], unit: String) -> Finding {
    let counted = windows.filter { !$0.duringAbsence }
    let excused = windows.count - counted.count
    let visits = counted.reduce(0) { $0 + $1.contacts }
    let required = counted.first?.required ?? windows.first?.required ?? 1
    let needed = required * counted.count
    // The average to two decimals, rounded half up, from whole numbers.
    let hundredths = counted.isEmpty ? 0 : (visits * 200 + counted.count) / (2 * counted.count)
    let average = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    let over =
      "\(visits) visit\(visits == 1 ? "" : "s") in \(counted.count) complete \(unit)"
      + "\(counted.count == 1 ? "" : "s")"
      + (excused > 0
        ? " (\(excused) \(unit)\(excused == 1 ? "" : "s") wholly within an absence left out)" : "")
      + ": on average \(average) a \(unit), at least \(required) expected"
    let evidence = windows.filter { !$0.isMet }.prefix(3).map {
      EvidenceItem(
        kind: .plan, reference: placement.id.rawValue,
        detail: "\($0.days): \($0.contacts) visit\($0.contacts == 1 ? "" : "s")",
        validFrom: $0.days.start, validUntil: $0.days.end)
    }
    return visits >= needed
      ? finding(rule, .note, .met, over, Array(evidence))
      : finding(rule, .warning, .unmet, over + "; \(needed - visits) short", Array(evidence))
  }

  func description(of rule: RuleID) -> (unit: String, what: String) {
    switch rule {
    case .trialPlacementVisits: ("week", "at least one visit")
    case .package0Contact: ("quarter", "a contact with employer and worker")
    case .package1Visits: ("month", "at least one visit")
    case .package2Visits: ("month", "at least two visits")
    default: ("quarter", "a wage-cost subsidy check")
    }
  }

  // MARK: K-6

  /// Monday of the week holding `date` (1970-01-01 was a Thursday).
  static func weekStart(_ date: CalendarDate) -> CalendarDate {
    let weekday = ((date.daysSinceEpoch + 3) % 7 + 7) % 7
    return date.adding(days: -weekday)
  }

  func clusteringFindings(_ assessments: [BookingAssessment]) -> [Finding] {
    guard !dossier.siblingVisits.isEmpty else { return [] }
    let own = Set(assessments.filter { $0.booking.contact == .visit }.map(\.booking.date))
    guard !own.isEmpty else { return [] }
    var separate: [String] = []
    var shared = 0
    for (sibling, dates) in dossier.siblingVisits.sorted(by: { $0.key < $1.key }) {
      let theirs = Set(dates.filter { $0 <= date })
      let ownWeeks = Dictionary(grouping: own, by: Self.weekStart)
      let theirWeeks = Dictionary(grouping: theirs, by: Self.weekStart)
      for week in Set(ownWeeks.keys).intersection(theirWeeks.keys).sorted() {
        if Set(ownWeeks[week]!).isDisjoint(with: theirWeeks[week]!) {
          separate.append("\(sibling) in the week of \(week)")
        } else {
          shared += 1
        }
      }
    }
    if separate.isEmpty {
      return shared == 0
        ? []
        : [
          finding(
            .clusteredTalks, .note, .met,
            "visits to this employer's other placements of the coach fall on the same days")
        ]
    }
    return [
      finding(
        .clusteredTalks, .note, .unmet,
        "visits could be clustered with the same employer's other placements: "
          + separate.joined(separator: ", "))
    ]
  }
}
