/// Everything in a registry the whole-registry check reads, loaded at once.
public struct RegistrySnapshot: Sendable {
  public var organisations: [OrganisationID: Organisation]
  public var coaches: [Coach]
  public var placements: [Placement]
  public var bookings: [PlacementID: [HourBooking]]
  public var policies: [PolicyHistory]
  public var memberships: [Membership]
  public var portfolios: [CoachID: Portfolio]
  /// The running cycle's PE totals of registered coaches whose every claim stands as claimed
  /// (`RegisterRules.claimStands`), summed by the store; such a coach needs no portfolio.
  public var peTotals: [CoachID: PETotals]
  public var registerRules: RegisterRules

  public init(
    organisations: [OrganisationID: Organisation] = [:], coaches: [Coach] = [],
    placements: [Placement] = [], bookings: [PlacementID: [HourBooking]] = [:],
    policies: [PolicyHistory] = [], memberships: [Membership] = [],
    portfolios: [CoachID: Portfolio] = [:], peTotals: [CoachID: PETotals] = [:],
    registerRules: RegisterRules = RegisterRules()
  ) {
    self.organisations = organisations
    self.coaches = coaches
    self.placements = placements
    self.bookings = bookings
    self.policies = policies
    self.memberships = memberships
    self.portfolios = portfolios
    self.peTotals = peTotals
    self.registerRules = registerRules
  }

  /// The policy version in force for `placement` on `date`: its municipality's only policy,
  /// else the G4 default (also when the municipality has several: the check cannot choose).
  public func policy(for placement: Placement, on date: CalendarDate) -> MunicipalPolicy {
    let own = policies.filter {
      $0.versions.contains { $0.municipality == placement.municipality && $0.municipality != nil }
    }
    if own.count == 1, let version = own[0].version(on: date) { return version }
    return .g4Default
  }
}

/// The findings of every rule over a whole registry on one date.
public struct CheckReport: Hashable, Sendable {
  public var date: CalendarDate
  /// Every subject checked, sorted.
  public var subjects: [FindingSubject]
  /// Every finding, grouped by subject in subject order, each subject's in rule order.
  public var findings: [Finding]

  public func count(_ severity: Severity) -> Int {
    var count = 0
    for index in findings.indices where findings[index].severity == severity { count += 1 }
    return count
  }
  /// Whether no finding is an error.
  public var isClean: Bool { count(.error) == 0 }
}

/// Runs every rule over every coach, organisation, placement and membership: the same rule code
/// `verify`, `placement show` and `pe` use.
///
/// - Coaches: `verify` as the kind of each employment in force, once per placement they coach on
///   the date (under the placement's policy), else once without a placement (the per-placement
///   rules Q-INT-3/4 then left out rather than reported as unknown).
/// - Organisations that can hold a UWV recognition: whether one is in force (Q-EXT-1).
/// - Placements that have started: the F, P and K rules (`PlacementReview`).
/// - Memberships: R-ASM-1, and for registered coaches the PE norm of the running cycle
///   (R-PE-1..3).
public enum RegistryCheck {
  public static func run(_ snapshot: RegistrySnapshot, on date: CalendarDate) -> CheckReport {
    report([coachPart(snapshot, on: date), otherPart(snapshot, on: date)], on: date)
  }

  /// The subjects one part of the check looked at and what it found about them, in the order
  /// found. The parts are independent, so a caller may compute them at the same time.
  public struct Part: Sendable {
    public var subjects: [FindingSubject] = []
    public var findings: [Finding] = []
  }

  /// Every coach, as every kind they are employed as on the date.
  public static func coachPart(_ snapshot: RegistrySnapshot, on date: CalendarDate) -> Part {
    var part = Part()
    let qualification = QualificationRules(organisations: snapshot.organisations)
    for coach in snapshot.coaches {
      part.subjects.append(.coach(coach.id))
      let active = snapshot.placements.filter { $0.coach == coach.id && $0.period.contains(date) }
      for employment in coach.employments(on: date) {
        let placements = active.filter {
          employment.kind != .internal || $0.employer == employment.organisation
        }
        if placements.isEmpty {
          let request = VerificationRequest(kind: employment.kind, date: date)
          part.findings += qualification.verify(coach, request).findings.filter {
            !($0.outcome == .undetermined && RuleID.perPlacement.contains($0.rule))
          }
        }
        for placement in placements {
          let request = VerificationRequest(
            kind: employment.kind, date: date, placement: placement,
            policy: snapshot.policy(for: placement, on: date))
          // The grant's F findings come once, with the placement's own review.
          part.findings += qualification.verify(coach, request).findings.filter {
            !$0.rule.rawValue.hasPrefix("F-")
          }
        }
      }
    }
    return part
  }

  /// Every organisation that can hold a recognition, every placement that has started and
  /// every membership.
  public static func otherPart(_ snapshot: RegistrySnapshot, on date: CalendarDate) -> Part {
    var subjects: [FindingSubject] = []
    var findings: [Finding] = []
    for organisation in snapshot.organisations.values.sorted(by: { $0.id < $1.id })
    where organisation.kind.canHoldRecognition {
      subjects.append(.organisation(organisation.id))
      findings.append(recognitionFinding(organisation, on: date))
    }

    for placement in snapshot.placements where placement.period.start <= date {
      subjects.append(.placement(placement.id))
      let coach = snapshot.coaches.first { $0.id == placement.coach }
      let siblings = snapshot.placements.filter {
        $0.id != placement.id && $0.coach == placement.coach && $0.employer == placement.employer
      }
      var visits: [PlacementID: [CalendarDate]] = [:]
      for sibling in siblings {
        visits[sibling.id] = (snapshot.bookings[sibling.id] ?? []).filter { $0.contact == .visit }
          .map(\.date)
      }
      let dossier = PlacementDossier(
        placement: placement, bookings: snapshot.bookings[placement.id] ?? [],
        policy: snapshot.policy(for: placement, on: date),
        coachKind: coach?.kind(on: placement, on: date), siblingVisits: visits)
      findings += PlacementReview(dossier, on: date).findings
    }

    for membership in snapshot.memberships {
      subjects.append(FindingSubject(kind: .membership, id: membership.registerNumber))
      let portfolio = snapshot.portfolios[membership.coach] ?? Portfolio(coach: membership.coach)
      switch membership.status(on: date) {
      case .removed?, .applicant?, nil: continue
      case .registered?:
        let rules = snapshot.registerRules
        let anchor = membership.admittedOn
        findings +=
          snapshot.peTotals[membership.coach].map {
            rules.peStatement(membership.coach, totals: $0, anchor: anchor, on: date)
          }?.findings ?? rules.peStatement(portfolio, anchor: anchor, on: date).findings
      default: break
      }
      findings += snapshot.registerRules.assessmentFindings(
        membership, portfolio: portfolio, on: date)
    }

    return Part(subjects: subjects, findings: findings)
  }

  /// The report of `parts`, in the order given: subjects sorted, findings grouped by subject.
  public static func report(_ parts: [Part], on date: CalendarDate) -> CheckReport {
    let subjects = parts.flatMap(\.subjects)
    let findings = parts.flatMap(\.findings)
    // Findings come in runs about one subject; sorting the runs (stably) groups them by
    // subject without moving every finding through the sort.
    var runs: [(subject: FindingSubject, range: Range<Int>)] = []
    for (offset, finding) in findings.enumerated() {
      if let last = runs.last, last.subject == finding.subject {
        runs[runs.count - 1].range = last.range.lowerBound..<(offset + 1)
      } else {
        runs.append((finding.subject, offset..<(offset + 1)))
      }
    }
    let ordered = runs.enumerated().sorted { left, right in
      left.element.subject != right.element.subject
        ? left.element.subject < right.element.subject : left.offset < right.offset
    }
    var sortedFindings: [Finding] = []
    sortedFindings.reserveCapacity(findings.count)
    for run in ordered { sortedFindings.append(contentsOf: findings[run.element.range]) }
    return CheckReport(date: date, subjects: subjects.sorted(), findings: sortedFindings)
  }

  static func recognitionFinding(_ organisation: Organisation, on date: CalendarDate) -> Finding {
    let subject = FindingSubject.organisation(organisation.id)
    if let recognition = organisation.recognitions.first(where: { $0.standing(on: date) == .valid })
    {
      return Finding(
        rule: .externalRecognition, severity: .note, outcome: .met, subject: subject,
        message: "recognised by UWV (framework \(recognition.framework)) on \(date)"
          + (recognition.validUntil.map { ", until \($0)" } ?? ""),
        evidence: [
          EvidenceItem(
            kind: .recognition, reference: recognition.evidence.documentID,
            detail: "UWV recognition, \(recognition.evidence)", validFrom: recognition.validFrom,
            validUntil: recognition.validUntil)
        ])
    }
    return Finding(
      rule: .externalRecognition, severity: .warning, outcome: .unmet, subject: subject,
      message: "no UWV recognition in force on \(date): its coaches cannot be assigned as "
        + "external coaches")
  }
}

extension RuleID {
  /// The rules that need a placement to judge.
  public static let perPlacement: Set<RuleID> = [.internalTaskExperience, .internalHoursExemption]
}
