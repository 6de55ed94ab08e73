/// The findings of every rule over a whole registry on one date.
public struct CheckReport: Hashable, Sendable {
  public var date: CalendarDate
  /// Every subject checked, sorted.
  public var subjects: [FindingSubject]
  /// Every finding, grouped by subject in subject order, each subject's in rule order.
  public var findings: [Finding]
  /// A name to show beside a subject's id: a coach's or organisation's name.
  public var names: [FindingSubject: String] = [:]
  /// The policy coaches without a placement were judged under; nil when it cannot be chosen.
  public var policy: PolicyChoice?

  public func count(_ severity: Severity) -> Int {
    var count = 0
    for index in findings.indices where findings[index].severity == severity { count += 1 }
    return count
  }
  /// Whether no finding is an error.
  public var isClean: Bool { count(.error) == 0 }
}

/// The pieces of the whole-registry check (`CheckRegistry`) that stand on their own: how a
/// report groups what its parts found, and the findings about an organisation.
public enum RegistryCheck {
  /// The subjects one part of the check looked at and what it found about them, in the order
  /// found. The parts are independent, so a caller may compute them at the same time.
  public struct Part: Sendable {
    public var subjects: [FindingSubject] = []
    public var findings: [Finding] = []
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

  /// A placement or municipality whose policy cannot be chosen on the date (Q-POL-1): the
  /// same ambiguity `verify` refuses.
  static func undeterminedPolicy(_ subject: FindingSubject, _ error: UseCaseError) -> Finding {
    let reason: RegistryReason
    if case .ambiguousPolicy(let municipality, let policies, let date) = error {
      reason = .ambiguousPolicy(
        municipality: municipality, policies: policies, on: date,
        placement: subject.kind == .placement)
    } else {
      reason = .policyNotChosen(error)
    }
    return Finding(
      rule: .internalCoachingPolicy, severity: .error, outcome: .undetermined, subject: subject,
      reason: .registry(reason))
  }

  static func recognitionFinding(_ organisation: Organisation, on date: CalendarDate) -> Finding {
    let subject = FindingSubject.organisation(organisation.id)
    if let recognition = organisation.recognitions.first(where: { $0.standing(on: date) == .valid })
    {
      return Finding(
        rule: .externalRecognition, severity: .note, outcome: .met, subject: subject,
        reason: .registry(
          .recognised(recognition.framework, on: date, until: recognition.validUntil)),
        evidence: [
          EvidenceItem(
            kind: .recognition, reference: recognition.evidence.documentID,
            facts: .recognition(recognition, organisation: organisation.name),
            validFrom: recognition.validFrom,
            validUntil: recognition.validUntil)
        ])
    }
    return Finding(
      rule: .externalRecognition, severity: .warning, outcome: .unmet, subject: subject,
      reason: .registry(.notRecognised(on: date)))
  }
}

extension RuleID {
  /// The rules that need a placement to judge.
  public static let perPlacement: Set<RuleID> = [.internalTaskExperience, .internalHoursExemption]
}
