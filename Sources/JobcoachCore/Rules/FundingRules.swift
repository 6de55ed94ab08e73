/// The funding framework's rules (F-1..F-6) on a placement's grant: what was granted, for how
/// long, at what rate, and whether a written motivation covers what goes beyond the framework.
///
/// Pure: the policy version in force on the date supplies the framework (F-6).
public struct FundingRules: PlacementFindings, Sendable {
  public var placement: Placement
  public var policy: MunicipalPolicy
  /// The kind the coach works as on this placement, when known (F-4).
  public var coachKind: CoachKind?

  public init(placement: Placement, policy: MunicipalPolicy, coachKind: CoachKind?) {
    self.placement = placement
    self.policy = policy
    self.coachKind = coachKind
  }

  var framework: FundingFramework { policy.funding }

  /// Whether a grant beyond the framework is covered: a motivation, and a policy that allows it.
  var motivationCovers: Bool {
    placement.grant?.motivation != nil && framework.allowsMotivatedExceptions
  }

  /// The findings on the grant itself, as `verify --placement` and `placement show` report them.
  public func grantFindings() -> [Finding] {
    guard let grant = placement.grant else {
      return [
        Finding(
          rule: .halfYearPeriods, severity: .note, outcome: .undetermined,
          subject: .placement(placement.id),
          message: "no grant is recorded for placement \(placement.id); the funding framework "
            + "cannot be checked")
      ]
    }
    var findings: [Finding] = [frameworkNote(grant)]
    findings += periodFindings(grant)
    var beyond = false
    let grantedRows = budgetRows(grant).filter { $0.granted != nil }
    for row in grantedRows {
      let granted = row.granted!
      guard let maximum = row.maximum else {
        beyond = true
        findings.append(
          beyondFramework(
            .fundingMaximum, "\(granted) granted in \(row.label), which the framework does not fund"
          ))
        continue
      }
      if granted <= maximum {
        findings.append(
          finding(
            .fundingMaximum, .note, .met,
            "\(granted) granted in \(row.label), within the \(grant.level.rawValue) maximum of "
              + "\(maximum)", [policyEvidence]))
      } else {
        beyond = true
        findings.append(
          beyondFramework(
            .fundingMaximum,
            "\(granted) granted in \(row.label), \(granted - maximum) above the "
              + "\(grant.level.rawValue) maximum of \(maximum)"))
      }
    }
    if let duration = durationFinding(grant, beyond: &beyond) { findings.append(duration) }
    if let rate = rateFinding(grant) { findings.append(rate) }
    if beyond { findings.append(motivationFinding(grant)) }
    return findings
  }

  // MARK: F-6, F-2, F-3, F-4, F-5

  var policyEvidence: EvidenceItem {
    EvidenceItem(
      kind: .policy, reference: policy.id.rawValue,
      facts: .policy(name: policy.name, effectiveFrom: policy.effectiveFrom),
      validFrom: policy.effectiveFrom)
  }

  func frameworkNote(_ grant: Grant) -> Finding {
    let maxima = framework.maxima(for: grant.level)
    let source = policy.funding == .g4 ? "the G4 default framework" : "its own framework"
    return finding(
      .municipalFramework, .note, .met,
      "policy \(policy.id) applies \(source): \(grant.level.rawValue) coaching at most "
        + "\(maxima.year1) in year 1, \(maxima.year2) in year 2, \(maxima.year3) in year 3"
        + (framework.shiftsBetweenYears ? "; money may shift between years 1 and 2" : ""),
      [policyEvidence])
  }

  /// F-2: every period is at most half a year, and periods do not overlap.
  func periodFindings(_ grant: Grant) -> [Finding] {
    var findings: [Finding] = []
    if grant.periods.isEmpty {
      return [
        finding(
          .halfYearPeriods, .error, .unmet,
          "the grant has no periods; coaching is granted per "
            + "half year")
      ]
    }
    var previous: GrantPeriod?
    for period in grant.periods {
      let lastDay = period.start.lastDayOfPeriod(months: FundingFramework.periodMonths)
      if period.end > lastDay {
        findings.append(
          finding(
            .halfYearPeriods, .error, .unmet,
            "period \(period.period) is longer than half a year (it may run until \(lastDay))",
            [evidence(period)]))
      }
      if let previous, period.start <= previous.end {
        findings.append(
          finding(
            .halfYearPeriods, .error, .unmet,
            "period \(period.period) overlaps period \(previous.period)", [evidence(period)]))
      }
      previous = period
    }
    if findings.isEmpty {
      findings.append(
        finding(
          .halfYearPeriods, .note, .met,
          "\(grant.periods.count) half-year period\(grant.periods.count == 1 ? "" : "s") granted, "
            + "\(grant.periods.first!.start) to \(grant.periods.last!.end)",
          grant.periods.map(evidence)))
    }
    return findings
  }

  func evidence(_ period: GrantPeriod) -> EvidenceItem {
    EvidenceItem(
      kind: .grant, reference: placement.id.rawValue,
      detail: "period \(period.period)" + (period.amount.map { ", \($0) granted" } ?? ""),
      validFrom: period.start, validUntil: period.end)
  }

  /// F-3: coaching ends within two years, or within the optional third.
  func durationFinding(_ grant: Grant, beyond: inout Bool) -> Finding? {
    guard let last = grant.periods.last, let year = grant.year(of: last.end) else { return nil }
    switch year {
    case ...FundingFramework.standardYears:
      return finding(
        .fundingDuration, .note, .met,
        "coaching granted until \(last.end), within the first \(FundingFramework.standardYears) years"
      )
    case FundingFramework.maximumYears:
      return finding(
        .fundingDuration, .note, .met,
        "coaching granted until \(last.end), into the optional third year")
    default:
      beyond = true
      return beyondFramework(
        .fundingDuration,
        "coaching granted until \(last.end), in year \(year); the framework ends after year "
          + "\(FundingFramework.maximumYears) (\(grant.days(ofYear: FundingFramework.maximumYears)!.end!))"
      )
    }
  }

  /// F-4: the framework is the same for every coach kind, municipal coaches included, whose
  /// hours count at the municipality's internal rate; amounts exclude VAT.
  func rateFinding(_ grant: Grant) -> Finding? {
    guard let coachKind else { return nil }
    if coachKind == .municipal {
      guard let rate = policy.funding.municipalCoachRate else {
        return finding(
          .sameFrameworkEveryKind, .warning, .undetermined,
          "the same framework applies to a municipal coach, but policy \(policy.id) sets no "
            + "internal rate: the coach's hours cannot be counted against the budget")
      }
      return finding(
        .sameFrameworkEveryKind, .note, .met,
        "the same framework applies to a municipal coach: hours count at policy "
          + "\(policy.id)'s internal rate of \(rate) an hour, excluding VAT")
    }
    return finding(
      .sameFrameworkEveryKind, .note, .met,
      "the same framework applies to \(coachKind.withArticle); "
        + (grant.hourlyRate == .zero
          ? "no hourly rate" : "\(grant.hourlyRate) an hour, excluding VAT")
        + ", costs outside the framework are the employer's")
  }

  /// A rule's finding where the grant goes beyond the framework: met only under F-5.
  func beyondFramework(_ rule: RuleID, _ message: String) -> Finding {
    motivationCovers
      ? finding(rule, .note, .met, message + "; allowed by the written motivation (F-5)")
      : finding(rule, .error, .unmet, message + "; costs outside the framework are the employer's")
  }

  /// F-5: a grant beyond the framework needs a written motivation and a policy that allows one.
  func motivationFinding(_ grant: Grant) -> Finding {
    guard let motivation = grant.motivation else {
      return finding(
        .motivatedException, .error, .unmet,
        "the grant goes beyond the framework without a written motivation")
    }
    let evidence = EvidenceItem(
      kind: .motivation, reference: motivation.evidence.documentID,
      detail: "\(motivation.summary) (\(motivation.evidence))")
    guard framework.allowsMotivatedExceptions else {
      return finding(
        .motivatedException, .error, .unmet,
        "the grant goes beyond the framework; policy \(policy.id) does not allow motivated "
          + "exceptions", [evidence, policyEvidence])
    }
    return finding(
      .motivatedException, .note, .met,
      "the grant goes beyond the framework with a written motivation", [evidence, policyEvidence])
  }

  // MARK: Budget rows

  /// One budget line: a framework year, or years 1 and 2 together where money may shift.
  public struct BudgetRow: Hashable, Sendable {
    public var years: ClosedRange<Int>
    public var days: DateInterval
    /// The framework's maximum; nil beyond the third year.
    public var maximum: Money?
    /// What the municipality granted in these years, when its periods name amounts.
    public var granted: Money?
    /// What may be spent: the amount granted, capped at the maximum unless F-5 covers it.
    public var limit: Money

    public var label: String {
      years.count == 1
        ? "year \(years.lowerBound)" : "years \(years.lowerBound)-\(years.upperBound)"
    }
  }

  /// The budget lines of every framework year the grant's periods touch.
  public func budgetRows(_ grant: Grant) -> [BudgetRow] {
    guard let last = grant.periods.last, let lastYear = grant.year(of: last.end) else { return [] }
    let maxima = framework.maxima(for: grant.level)
    var groups: [ClosedRange<Int>] = []
    var year = 1
    while year <= max(lastYear, 1) {
      if year == 1 && framework.shiftsBetweenYears {
        groups.append(1...2)
        year = 3
      } else {
        groups.append(year...year)
        year += 1
      }
    }
    return groups.map { years in
      let days = DateInterval(
        start: grant.days(ofYear: years.lowerBound)!.start,
        end: grant.days(ofYear: years.upperBound)!.end)
      let yearMaxima = years.map { maxima.maximum(ofYear: $0) }
      let maximum: Money? =
        yearMaxima.contains(nil) ? nil : yearMaxima.reduce(Money.zero) { $0 + $1! }
      let amounts = grant.periods.filter { days.contains($0.start) }.compactMap(\.amount)
      let granted: Money? = amounts.isEmpty ? nil : amounts.reduce(.zero, +)
      let limit: Money
      switch (granted, maximum) {
      case (let granted?, let maximum?):
        limit = granted <= maximum || motivationCovers ? granted : maximum
      case (let granted?, nil): limit = motivationCovers ? granted : .zero
      case (nil, let maximum?): limit = maximum
      case (nil, nil): limit = .zero
      }
      return BudgetRow(years: years, days: days, maximum: maximum, granted: granted, limit: limit)
    }
  }
}

/// Rules whose findings are about one placement.
protocol PlacementFindings {
  var placement: Placement { get }
}

extension PlacementFindings {
  func finding(
    _ rule: RuleID, _ severity: Severity, _ outcome: Outcome, _ message: String,
    _ evidence: [EvidenceItem] = []
  ) -> Finding {
    Finding(
      rule: rule, severity: severity, outcome: outcome, subject: .placement(placement.id),
      message: message, evidence: evidence)
  }
}

/// F-5 monitoring (Zaanstreek-Waterland's "90-10 rule"): the model fits 90% of cases, so the
/// share of a municipality's placements with a motivated deviation is a figure reported per
/// municipality per year, with a warning above the policy's threshold (default 10%).
public enum DeviationMonitoring {
  /// One finding per municipality and year in which a grant started on or before `date`:
  /// the share of those placements whose grant carries a written motivation. `policies` gives
  /// each municipality's policy (its threshold); the default threshold where none is given.
  public static func findings(
    _ placements: [Placement], policies: [OrganisationID: MunicipalPolicy], on date: CalendarDate
  ) -> [Finding] {
    struct Key: Hashable { var municipality: OrganisationID, year: Int }
    var groups: [Key: [Placement]] = [:]
    for placement in placements {
      guard let municipality = placement.municipality,
        let start = placement.grant?.coachingStart, start <= date
      else { continue }
      groups[Key(municipality: municipality, year: start.year), default: []].append(placement)
    }
    return groups.keys.sorted { ($0.municipality, $0.year) < ($1.municipality, $1.year) }.map {
      key in
      let group = groups[key]!.sorted { $0.id < $1.id }
      let motivated = group.filter { $0.grant?.motivation != nil }
      let policy = policies[key.municipality]
      let threshold =
        policy?.funding.deviationSharePercent ?? FundingFramework.g4.deviationSharePercent
      // Exact: above the threshold when motivated / total > threshold / 100.
      let above = motivated.count * 100 > threshold * group.count
      let percent = (motivated.count * 1000 / group.count + 5) / 10
      let message =
        "\(motivated.count) of \(group.count) placement\(group.count == 1 ? "" : "s") whose "
        + "coaching started in \(key.year) (\(percent)%) \(motivated.count == 1 ? "has" : "have") "
        + "a motivated deviation; "
        + (above ? "above" : "within") + " the \(threshold)% of "
        + (policy.map { "policy \($0.id)" } ?? "the default")
      return Finding(
        rule: .motivatedException, severity: above ? .warning : .note,
        outcome: above ? .unmet : .met,
        subject: .organisation(key.municipality), message: message,
        evidence: motivated.map {
          EvidenceItem(
            kind: .motivation, reference: $0.id.rawValue,
            detail: "placement \($0.id): " + ($0.grant?.motivation?.summary ?? ""),
            validFrom: $0.grant?.coachingStart)
        })
    }
  }
}
