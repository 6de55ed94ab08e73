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
          reason: .funding(.noGrant(placement.id)))
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
          beyondFramework(.fundingMaximum) {
            .grantedUnfunded(granted, years: row.years, covered: $0)
          })
        continue
      }
      if granted <= maximum {
        findings.append(
          finding(
            .fundingMaximum, .note, .met,
            .grantedWithin(granted, years: row.years, level: grant.level, maximum: maximum),
            [policyEvidence]))
      } else {
        beyond = true
        findings.append(
          beyondFramework(.fundingMaximum) {
            .grantedAbove(
              granted, years: row.years, over: granted - maximum, level: grant.level,
              maximum: maximum, covered: $0)
          })
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
    finding(
      .municipalFramework, .note, .met,
      .framework(
        policy: policy.id, g4: policy.funding == .g4, level: grant.level,
        maxima: framework.maxima(for: grant.level), shifts: framework.shiftsBetweenYears),
      [policyEvidence])
  }

  /// F-2: every period is at most half a year, and periods do not overlap.
  func periodFindings(_ grant: Grant) -> [Finding] {
    var findings: [Finding] = []
    if grant.periods.isEmpty {
      return [
        finding(.halfYearPeriods, .error, .unmet, .noPeriods)
      ]
    }
    var previous: GrantPeriod?
    for period in grant.periods {
      let lastDay = period.start.lastDayOfPeriod(months: FundingFramework.periodMonths)
      if period.end > lastDay {
        findings.append(
          finding(
            .halfYearPeriods, .error, .unmet,
            .periodTooLong(period.period, lastDay: lastDay),
            [evidence(period)]))
      }
      if let previous, period.start <= previous.end {
        findings.append(
          finding(
            .halfYearPeriods, .error, .unmet,
            .periodsOverlap(period.period, previous: previous.period), [evidence(period)]))
      }
      previous = period
    }
    if findings.isEmpty {
      findings.append(
        finding(
          .halfYearPeriods, .note, .met,
          .periodsGranted(
            count: grant.periods.count,
            DateInterval(start: grant.periods.first!.start, end: grant.periods.last!.end)),
          grant.periods.map(evidence)))
    }
    return findings
  }

  func evidence(_ period: GrantPeriod) -> EvidenceItem {
    EvidenceItem(
      kind: .grant, reference: placement.id.rawValue,
      facts: .grantPeriod(period.period, amount: period.amount),
      validFrom: period.start, validUntil: period.end)
  }

  /// F-3: coaching ends within two years, or within the optional third.
  func durationFinding(_ grant: Grant, beyond: inout Bool) -> Finding? {
    guard let last = grant.periods.last, let year = grant.year(of: last.end) else { return nil }
    switch year {
    case ...FundingFramework.standardYears:
      return finding(
        .fundingDuration, .note, .met,
        .durationStandard(until: last.end, years: FundingFramework.standardYears))
    case FundingFramework.maximumYears:
      return finding(
        .fundingDuration, .note, .met,
        .durationThirdYear(until: last.end))
    default:
      beyond = true
      return beyondFramework(.fundingDuration) {
        .durationBeyond(
          until: last.end, year: year, lastYear: FundingFramework.maximumYears,
          frameworkEnds: grant.days(ofYear: FundingFramework.maximumYears)!.end!, covered: $0)
      }
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
          .municipalRateMissing(policy: policy.id))
      }
      return finding(
        .sameFrameworkEveryKind, .note, .met,
        .municipalRate(policy: policy.id, rate))
    }
    return finding(
      .sameFrameworkEveryKind, .note, .met,
      .sameFramework(coachKind, hourlyRate: grant.hourlyRate))
  }

  /// A rule's finding where the grant goes beyond the framework: met only under F-5.
  func beyondFramework(_ rule: RuleID, _ reason: (_ covered: Bool) -> FundingReason) -> Finding {
    motivationCovers
      ? finding(rule, .note, .met, reason(true))
      : finding(rule, .error, .unmet, reason(false))
  }

  /// F-5: a grant beyond the framework needs a written motivation and a policy that allows one.
  func motivationFinding(_ grant: Grant) -> Finding {
    guard let motivation = grant.motivation else {
      return finding(
        .motivatedException, .error, .unmet,
        .noMotivation)
    }
    let evidence = EvidenceItem(
      kind: .motivation, reference: motivation.evidence.documentID,
      facts: .motivation(summary: motivation.summary, motivation.evidence))
    guard framework.allowsMotivatedExceptions else {
      return finding(
        .motivatedException, .error, .unmet,
        .motivationNotAllowed(policy: policy.id), [evidence, policyEvidence])
    }
    return finding(
      .motivatedException, .note, .met,
      .motivated, [evidence, policyEvidence])
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
    _ rule: RuleID, _ severity: Severity, _ outcome: Outcome, _ reason: FundingReason,
    _ evidence: [EvidenceItem] = []
  ) -> Finding {
    Finding(
      rule: rule, severity: severity, outcome: outcome, subject: .placement(placement.id),
      reason: .funding(reason), evidence: evidence)
  }

  func finding(
    _ rule: RuleID, _ severity: Severity, _ outcome: Outcome, _ reason: PlacementReason,
    _ evidence: [EvidenceItem] = []
  ) -> Finding {
    Finding(
      rule: rule, severity: severity, outcome: outcome, subject: .placement(placement.id),
      reason: .placement(reason), evidence: evidence)
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
    var tally = Tally(on: date)
    for placement in placements { tally.add(placement) }
    return tally.findings(policies: policies)
  }

  /// What the shares need of each placement, taken one placement at a time: a count per
  /// municipality and year, and the motivated grants (the findings' evidence).
  public struct Tally: Sendable {
    struct Key: Hashable { var municipality: OrganisationID, year: Int }
    struct Motivated { var placement: PlacementID, summary: String, coachingStart: CalendarDate }
    let date: CalendarDate
    private var counts: [Key: Int] = [:]
    private var motivated: [Key: [Motivated]] = [:]

    public init(on date: CalendarDate) { self.date = date }

    public mutating func add(_ placement: Placement) {
      guard let municipality = placement.municipality,
        let start = placement.grant?.coachingStart, start <= date
      else { return }
      let key = Key(municipality: municipality, year: start.year)
      counts[key, default: 0] += 1
      if let motivation = placement.grant?.motivation {
        motivated[key, default: []].append(
          Motivated(placement: placement.id, summary: motivation.summary, coachingStart: start))
      }
    }

    public func findings(policies: [OrganisationID: MunicipalPolicy]) -> [Finding] {
      counts.keys.sorted { ($0.municipality, $0.year) < ($1.municipality, $1.year) }.map { key in
        let total = counts[key]!
        let motivated = (motivated[key] ?? []).sorted { $0.placement < $1.placement }
        let policy = policies[key.municipality]
        let threshold =
          policy?.funding.deviationSharePercent ?? FundingFramework.g4.deviationSharePercent
        // Exact: above the threshold when motivated / total > threshold / 100.
        let above = motivated.count * 100 > threshold * total
        let percent = (motivated.count * 1000 / total + 5) / 10
        return Finding(
          rule: .motivatedException, severity: above ? .warning : .note,
          outcome: above ? .unmet : .met,
          subject: .organisation(key.municipality),
          reason: .funding(
            .deviationShare(
              motivated: motivated.count, of: total, year: key.year, percent: percent,
              above: above, threshold: threshold, policy: policy?.id)),
          evidence: motivated.map {
            EvidenceItem(
              kind: .motivation, reference: $0.placement.rawValue,
              facts: .motivatedPlacement($0.placement, summary: $0.summary),
              validFrom: $0.coachingStart)
          })
      }
    }
  }
}
