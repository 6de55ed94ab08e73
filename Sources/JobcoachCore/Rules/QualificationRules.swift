/// The G4 qualification rules (Q-*) and the municipal policy rules (Q-POL-*).
///
/// Pure: give it the coach, the organisations it may need, the request; it returns findings.
/// Missing organisations are reported as undetermined, never assumed.
public struct QualificationRules: Sendable {
  /// Organisations by id: at least the coach's employers and the placement's employer.
  public var organisations: [OrganisationID: Organisation]

  public init(organisations: [OrganisationID: Organisation]) {
    self.organisations = organisations
  }

  /// Every finding for `coach` under `request`, in rule order; with a placement also the
  /// grant's F findings, unless `grant` is false (the whole-registry check reports those once,
  /// with the placement's own review).
  public func verify(_ coach: Coach, _ request: VerificationRequest, grant: Bool = true)
    -> Verification
  {
    // An external coach judged for no particular organisation (no assignment names one) is
    // judged as each external employment in force; eligible when one of them qualifies,
    // whichever order the employments are listed in.
    let assignment = request.placement?.assignment(of: coach.id, on: request.date)
    let external = coach.employments(on: request.date).filter { $0.kind == .external }
      .map(\.organisation)
    if request.kind == .external, assignment?.organisation == nil, Set(external).count > 1 {
      let each = Array(Set(external)).sorted().map {
        verify(coach, request, grant: grant, organisation: $0)
      }
      var chosen = each.first { $0.isEligible } ?? each[0]
      for other in each where other.organisation != chosen.organisation {
        let failed = Set(other.findings.filter { $0.severity == .error }.map(\.rule)).sorted()
        chosen.findings.append(
          Finding(
            rule: .externalEmployment, severity: .note, outcome: .met, subject: .coach(coach.id),
            message: "also employed as an external coach by \(name(other.organisation!)) on "
              + "\(request.date)"
              + (failed.isEmpty
                ? ", under which the coach is eligible too"
                : ", under which not met: " + failed.map(\.rawValue).joined(separator: ", "))))
      }
      return chosen
    }
    return verify(coach, request, grant: grant, organisation: assignment?.organisation)
  }

  func name(_ id: OrganisationID) -> String {
    organisations[id].map { "\($0.name) (\(id))" } ?? "'\(id)'"
  }

  /// The verification as a coach of `organisation` (the assignment's, or one external
  /// employment of several); nil: the coach's employment of the kind.
  func verify(
    _ coach: Coach, _ request: VerificationRequest, grant: Bool, organisation: OrganisationID?
  ) -> Verification {
    var context = Context(coach: coach, request: request, organisations: organisations)
    context.organisation = organisation
    context.checkAssignment()
    context.checkEmployment()
    for rule in RuleID.requirements(for: request.kind) {
      if request.policy.requirements(for: request.kind).contains(rule) {
        context.check(rule)
      } else {
        context.add(
          rule, .note, .notApplicable, subject: .coach(coach.id),
          "not required by policy \(request.policy.id) (in force from \(request.policy.effectiveFrom))",
          [context.policyEvidence])
      }
    }
    context.checkPolicies()
    if grant, let placement = request.placement {
      context.findings += FundingRules(
        placement: placement, policy: request.fundingPolicy ?? request.policy,
        coachKind: request.kind
      ).grantFindings()
    }
    return Verification(
      coach: coach, request: request, findings: context.findings,
      organisation: context.employment?.organisation ?? organisation)
  }
}

extension QualificationRules {
  /// The working state of one verification.
  struct Context {
    let coach: Coach
    let request: VerificationRequest
    let organisations: [OrganisationID: Organisation]
    var findings: [Finding] = []
    /// The employment in force on the date as the requested kind, once found.
    var employment: Employment?
    /// The organisation the coach is judged as working for: the assignment's delivering
    /// organisation, or one of several external employers; nil: any employer of the kind.
    var organisation: OrganisationID?
    /// The coach's assignment in the placement covering the date (Q-ASG-1).
    var assignment: Assignment? { request.placement?.assignment(of: coach.id, on: date) }

    init(coach: Coach, request: VerificationRequest, organisations: [OrganisationID: Organisation])
    {
      self.coach = coach
      self.request = request
      self.organisations = organisations
    }

    var date: CalendarDate { request.date }
    var policy: MunicipalPolicy { request.policy }

    var policyEvidence: EvidenceItem {
      EvidenceItem(
        kind: .policy, reference: policy.id.rawValue,
        facts: .policy(name: policy.name, effectiveFrom: policy.effectiveFrom),
        validFrom: policy.effectiveFrom)
    }

    mutating func add(
      _ rule: RuleID, _ severity: Severity, _ outcome: Outcome, subject: FindingSubject,
      _ message: String, _ evidence: [EvidenceItem] = []
    ) {
      findings.append(
        Finding(
          rule: rule, severity: severity, outcome: outcome, subject: subject, message: message,
          evidence: evidence))
    }

    func name(of id: OrganisationID) -> String {
      organisations[id].map { "\($0.name) (\(id))" } ?? "'\(id)'"
    }

    func evidence(for employment: Employment) -> EvidenceItem {
      EvidenceItem(
        kind: .employment, reference: employment.organisation.rawValue,
        detail: "\(employment.kind.rawValue) coach at \(name(of: employment.organisation)), "
          + "\(employment.period)",
        validFrom: employment.period.start, validUntil: employment.period.end)
    }

    static func evidence(for qualification: Qualification) -> EvidenceItem {
      var detail =
        "\(qualification.kind.displayName): \(qualification.title), issued \(qualification.issuedOn) "
        + "by \(qualification.issuer)"
      if let expiresOn = qualification.expiresOn { detail += ", valid through \(expiresOn)" }
      if let evidence = qualification.evidence { detail += "; \(evidence)" }
      return EvidenceItem(
        kind: .qualification,
        reference: qualification.evidence?.documentID ?? qualification.title,
        detail: detail, validFrom: qualification.issuedOn, validUntil: qualification.expiresOn)
    }

    static func evidence(for recognition: UWVRecognition, of organisation: Organisation)
      -> EvidenceItem
    {
      var detail =
        "UWV recognition (framework \(recognition.framework)) of \(organisation.name), "
        + "valid \(DateInterval(start: recognition.validFrom, end: recognition.validUntil)); "
        + "\(recognition.evidence)"
      if let withdrawnOn = recognition.withdrawnOn { detail += "; withdrawn on \(withdrawnOn)" }
      return EvidenceItem(
        kind: .recognition, reference: recognition.evidence.documentID, detail: detail,
        validFrom: recognition.validFrom, validUntil: recognition.validUntil)
    }

    // MARK: Employment (appendix 3.4, the premise of items 1 to 3)

    mutating func checkEmployment() {
      let kind = request.kind
      let rule: RuleID =
        switch kind {
        case .municipal: .municipalEmployment
        case .internal: .internalEmployment
        case .external: .externalEmployment
        }
      let subject = FindingSubject.coach(coach.id)
      let inForce = coach.employments(on: date)
      let ofKind = inForce.filter { $0.kind == kind }
      guard !ofKind.isEmpty else {
        let others = coach.employments.map(evidence(for:))
        let message: String
        if let other = inForce.first {
          message =
            "on \(date) \(coach.name) is employed as \(other.kind.withArticle), "
            + "not as \(kind.withArticle)"
        } else if let next = coach.employments.filter({ $0.kind == kind && date < $0.period.start })
          .min(by: { $0.period.start < $1.period.start })
        {
          message =
            "on \(date) \(coach.name) has no employment as \(kind.withArticle) yet; "
            + "the employment at \(name(of: next.organisation)) starts on \(next.period.start)"
        } else {
          message = "on \(date) \(coach.name) has no employment as \(kind.withArticle)"
        }
        add(rule, .error, .unmet, subject: subject, message, others)
        return
      }
      // The assignment's delivering organisation (or the one employer judged) must employ the
      // coach as the kind on the date (Q-ASG-1).
      if let organisation {
        guard let at = ofKind.first(where: { $0.organisation == organisation }) else {
          add(
            rule, .error, .unmet, subject: subject,
            "on \(date) \(coach.name) is not employed as \(kind.withArticle) by "
              + "\(name(of: organisation)), the organisation that delivers the coaching; "
              + "employed as \(kind.withArticle) by "
              + ofKind.map { name(of: $0.organisation) }.joined(separator: ", "),
            ofKind.map(evidence(for:)))
          return
        }
        return employed(rule, at)
      }
      // With a placement, an internal coach must be employed by the placement's employer.
      var chosen = ofKind[0]
      if kind == .internal, let placement = request.placement {
        guard let atEmployer = ofKind.first(where: { $0.organisation == placement.employer }) else {
          add(
            rule, .error, .unmet, subject: subject,
            "an internal coach must be employed by the placement's employer "
              + "\(name(of: placement.employer)); on \(date) \(coach.name) is employed by "
              + ofKind.map { name(of: $0.organisation) }.joined(separator: ", "),
            ofKind.map(evidence(for:)))
          return
        }
        chosen = atEmployer
      }
      employed(rule, chosen)
    }

    /// The employment rule for `chosen`: its organisation must be of a kind that employs such
    /// coaches.
    mutating func employed(_ rule: RuleID, _ chosen: Employment) {
      let kind = request.kind
      let subject = FindingSubject.coach(coach.id)
      guard let organisation = organisations[chosen.organisation] else {
        add(
          rule, .error, .undetermined, subject: subject,
          "the employing organisation '\(chosen.organisation)' is not in the registry",
          [evidence(for: chosen)])
        return
      }
      guard kind.employingOrganisationKinds.contains(organisation.kind) else {
        add(
          rule, .error, .unmet, subject: subject,
          "\(kind.withArticle) must be employed by a "
            + kind.employingOrganisationKinds.map(\.displayName).sorted().joined(separator: " or ")
            + "; \(organisation.name) is a \(organisation.kind.displayName)",
          [evidence(for: chosen)])
        return
      }
      employment = chosen
      add(
        rule, .note, .met, subject: subject,
        "employed as \(kind.withArticle) by \(organisation.name) on \(date)",
        [evidence(for: chosen)])
    }

    // MARK: Qualification requirements

    mutating func check(_ rule: RuleID) {
      switch rule {
      case .municipalEducation:
        requireQualification(
          rule, [.hboDiploma, .hboLevel],
          met: "has completed an hbo education or has hbo working-and-thinking level",
          unmet: "has no hbo diploma and no assessed hbo working-and-thinking level")
      case .municipalTraining:
        requireQualification(
          rule, [.jobcoachTraining, .inCompanyTraining],
          met: "has followed a jobcoach training (module with certificate, or in-company)",
          unmet: "has no jobcoach training certificate or diploma and no in-company jobcoach "
            + "training")
      case .internalGuidanceTraining:
        requireQualification(
          rule, [.workplaceGuidanceTraining],
          met: "has followed a training to guide workers with a limitation on the workplace",
          unmet: "has no training to guide workers with a limitation on the workplace "
            + "(for example a Harrie/Buddy training)")
      case .internalInstructionExperience:
        requireQualification(
          rule, [.workInstructionExperience],
          met: "has demonstrable experience giving work instructions",
          unmet: "has no demonstrable experience giving work instructions")
      case .internalTaskExperience:
        checkTaskExperience()
      case .internalHoursExemption:
        checkHoursExemption()
      case .externalRecognition:
        checkRecognition(rule: rule, funderRule: false)
      default:
        break
      }
    }

    /// Met by any qualification of `kinds` valid on the date; the evidence names it. An expired or
    /// future one is named in the unmet message so a caseworker sees why it does not count.
    mutating func requireQualification(
      _ rule: RuleID, _ kinds: Set<QualificationKind>, met: String, unmet: String
    ) {
      let subject = FindingSubject.coach(coach.id)
      let candidates = coach.qualifications.filter { kinds.contains($0.kind) }
      if let valid = candidates.first(where: { $0.isValid(on: date) }) {
        add(
          rule, .note, .met, subject: subject, "\(coach.name) \(met)", [Self.evidence(for: valid)])
        if let expiresOn = valid.expiresOn, let end = request.placement?.period.end,
          expiresOn < end,
          !candidates.contains(where: { $0 != valid && $0.isValid(on: end) })
        {
          add(
            rule, .warning, .met, subject: subject,
            "\(valid.title) expires on \(expiresOn), before the placement ends on \(end)",
            [Self.evidence(for: valid)])
        }
        return
      }
      var reasons: [String] = []
      for candidate in candidates {
        if date < candidate.issuedOn {
          reasons.append("\(candidate.title) is issued only on \(candidate.issuedOn)")
        } else if let expiresOn = candidate.expiresOn {
          reasons.append("\(candidate.title) expired after \(expiresOn)")
        }
      }
      let why = reasons.isEmpty ? "" : " on \(date): " + reasons.joined(separator: "; ")
      add(
        rule, .error, .unmet, subject: subject, "\(coach.name) \(unmet)\(why)",
        candidates.map(Self.evidence(for:)))
    }

    /// The assignment a per-placement rule needs: the coach's in the placement on the date.
    /// Without a placement, or without an assignment of this coach there, the rule is reported
    /// as not determinable (an error), never as met: another coach's facts never count.
    mutating func assignment(for rule: RuleID, fact: String) -> (Placement, Assignment)? {
      guard let placement = request.placement else {
        add(
          rule, .error, .undetermined, subject: .coach(coach.id),
          "\(fact) is a fact of the coach's assignment to a placement: name a placement "
            + "(--placement) to determine it")
        return nil
      }
      guard let assignment else {
        add(
          rule, .error, .undetermined, subject: .placement(placement.id),
          "\(fact) is a fact of \(coach.name)'s assignment, and placement \(placement.id) "
            + "has none of this coach on \(date): record the assignment (Q-ASG-1)")
        return nil
      }
      return (placement, assignment)
    }

    /// Q-ASG-1: with a placement, the coach's assignment in it on the date (or starting then).
    mutating func checkAssignment() {
      guard let placement = request.placement else { return }
      guard let assignment else {
        let others = placement.assignments(on: date).map(\.coach.rawValue)
        add(
          .assignment, .error, .unmet, subject: .placement(placement.id),
          "\(coach.name) is not assigned to placement \(placement.id) on \(date)"
            + (others.isEmpty ? "" : " (assigned then: " + others.joined(separator: ", ") + ")")
            + "; record the intended assignment in the placement's assignments (coach, "
            + "organisation, from, role) and verify again")
        return
      }
      let role = assignment.role == .main ? "main coach" : "stand-in coach"
      let by = assignment.organisation.map { " for \(name(of: $0))" } ?? ""
      add(
        .policyAtAssignment, .note, .met, subject: .placement(placement.id),
        "the assignment is judged under policy \(policy.id) as in force on its start, "
          + "\(assignment.start) (version of \(policy.effectiveFrom))", [policyEvidence])
      add(
        .assignment, .note, .met, subject: .placement(placement.id),
        "\(coach.name) is assigned to placement \(placement.id) as \(role)\(by), "
          + "\(placement.days(of: assignment))",
        [
          EvidenceItem(
            kind: .placement, reference: placement.id.rawValue,
            detail: "\(role) \(placement.days(of: assignment))\(by)", validFrom: assignment.start,
            validUntil: placement.days(of: assignment).end)
        ])
      checkEmploymentSpan(of: assignment, in: placement)
    }

    /// Q-ASG-1: the delivering organisation employs the coach as the kind judged on every day
    /// of the assignment, not only on the date judged: a warning where its employment starts
    /// after the assignment or ends before it does.
    mutating func checkEmploymentSpan(of assignment: Assignment, in placement: Placement) {
      guard let organisation = assignment.organisation else { return }
      let days = placement.days(of: assignment)
      let employments = coach.employments.filter {
        $0.organisation == organisation && $0.kind == request.kind
      }
      guard let current = employments.first(where: { $0.period.contains(date) }) else { return }
      var gaps: [String] = []
      if current.period.start > days.start {
        gaps.append(
          "starts on \(current.period.start), after the assignment starts (\(days.start))")
      }
      if let ends = current.period.end, ends < (days.end ?? .latest) {
        gaps.append(
          "ends on \(ends), before the assignment "
            + (days.end.map { "ends (\($0))" } ?? "does (it has no end)"))
      }
      guard !gaps.isEmpty else { return }
      add(
        .assignment, .warning, .unmet, subject: .placement(placement.id),
        "\(coach.name)'s employment as \(request.kind.withArticle) by \(name(of: organisation)) "
          + gaps.joined(separator: " and ") + ": the organisation must employ the coach on "
          + "every day of the assignment", [evidence(for: current)])
    }

    mutating func checkTaskExperience() {
      let rule = RuleID.internalTaskExperience
      guard
        let (placement, assignment) = assignment(
          for: rule, fact: "experience with the worker's tasks")
      else { return }
      if let evidence = assignment.taskExperience {
        add(
          rule, .note, .met, subject: .placement(placement.id),
          "\(coach.name) has demonstrable experience with the work the worker does in "
            + "placement \(placement.id)",
          [EvidenceItem(kind: .placement, reference: evidence.documentID, detail: "\(evidence)")])
      } else {
        add(
          rule, .error, .unmet, subject: .placement(placement.id),
          "the assignment in placement \(placement.id) records no evidence that \(coach.name) "
            + "has experience with the work the worker does")
      }
    }

    mutating func checkHoursExemption() {
      let rule = RuleID.internalHoursExemption
      guard let (placement, assignment) = assignment(for: rule, fact: "the hours exemption")
      else { return }
      if let exemption = assignment.hoursExemption, exemption.perWeek > .zero {
        add(
          rule, .note, .met, subject: .placement(placement.id),
          "\(coach.name) is exempted for \(exemption.perWeek.spoken) a week to coach in placement "
            + "\(placement.id)",
          [
            EvidenceItem(
              kind: .placement, reference: exemption.evidence.documentID,
              detail: "\(exemption.perWeek.spoken) a week; \(exemption.evidence)")
          ])
      } else {
        add(
          rule, .error, .unmet, subject: .placement(placement.id),
          "the assignment in placement \(placement.id) records no exemption from part of "
            + "\(coach.name)'s working hours to coach")
      }
    }

    /// The coaching organisation of the employment in force, recognised by UWV on the date under
    /// an accepted framework version. Used by Q-EXT-1 and, for UWV-funded placements, Q-POL-3.
    mutating func checkRecognition(rule: RuleID, funderRule: Bool) {
      let subject = FindingSubject.coach(coach.id)
      let prefix =
        funderRule ? "UWV works only with coaches of recognised coaching organisations: " : ""
      let employment =
        self.employment
        ?? coach.employments(on: date).first {
          $0.kind == .external && (organisation == nil || $0.organisation == organisation)
        }
      guard let employment, let organisation = organisations[employment.organisation],
        organisation.kind.canHoldRecognition
      else {
        add(
          rule, .error, .unmet, subject: subject,
          prefix + "on \(date) \(coach.name) is not employed by a coaching organisation that "
            + "UWV can recognise")
        return
      }
      let recognitions = organisation.recognitions
      let accepted = recognitions.filter { $0.framework >= policy.minimumRecognitionFramework }
      let evidence = recognitions.map { Self.evidence(for: $0, of: organisation) }
      if let valid = accepted.first(where: { $0.standing(on: date) == .valid }) {
        add(
          rule, .note, .met, subject: subject,
          "\(organisation.name) is recognised by UWV under framework \(valid.framework) on \(date)",
          [Self.evidence(for: valid, of: organisation)])
        if let placementEnd = request.placement?.period.end {
          let ends = [valid.validUntil, valid.withdrawnOn.map { $0.adding(days: -1) }]
            .compactMap { $0 }.min()
          if let ends, ends < placementEnd,
            !accepted.contains(where: { $0 != valid && $0.standing(on: placementEnd) == .valid })
          {
            add(
              rule, .warning, .met, subject: subject,
              "the recognition of \(organisation.name) ends on \(ends), before the placement "
                + "ends on \(placementEnd)",
              [Self.evidence(for: valid, of: organisation)])
          }
        }
        return
      }
      var reasons: [String] = []
      for recognition in recognitions {
        if recognition.framework < policy.minimumRecognitionFramework {
          reasons.append(
            "framework \(recognition.framework) is older than \(policy.minimumRecognitionFramework), "
              + "the oldest policy \(policy.id) accepts")
          continue
        }
        switch recognition.standing(on: date) {
        case .valid: break
        case .notYetValid: reasons.append("the recognition starts only on \(recognition.validFrom)")
        case .ended:
          let end = recognition.validUntil!
          let when = end.adding(days: 1) == date ? ", the day before \(date)" : ""
          reasons.append("the recognition ended on \(end)\(when)")
        case .withdrawn:
          reasons.append("UWV withdrew the recognition on \(recognition.withdrawnOn!)")
        }
      }
      let why =
        reasons.isEmpty ? "it has no recognition on record" : reasons.joined(separator: "; ")
      add(
        rule, .error, .unmet, subject: subject,
        prefix + "\(organisation.name) is not recognised by UWV on \(date): \(why)", evidence)
    }

    // MARK: Municipal policy (Q-POL-*)

    /// Q-POL-4: where the policy requires registration of this kind, the registers' answers
    /// (R-RE-1, the one home of the standing) decide: in good standing in one of the registers
    /// the policy accepts (any register when it names none) is met; anything else is not, and
    /// what the registry cannot tell is undetermined.
    mutating func checkRegistrationRequirement() {
      guard policy.requirements(for: request.kind).contains(.registrationRequired) else { return }
      let subject = FindingSubject.coach(coach.id)
      let accepted = policy.acceptedRegisters(for: request.kind)
      let registers =
        accepted.isEmpty ? "" : " in " + accepted.map(\.rawValue).joined(separator: " or ")
      let required =
        "policy \(policy.id) requires \(request.kind.rawValue) coaches to be registered in good "
        + "standing\(registers) on \(date)"
      let candidates = request.registrations.filter { evidence in
        accepted.isEmpty || evidence.register.map(accepted.contains) == true
      }
      guard !candidates.isEmpty else {
        add(
          .registrationRequired, .error, .unmet, subject: subject,
          "\(required); the coach has no register number"
            + (accepted.isEmpty || request.registrations.isEmpty ? "" : " there"),
          [policyEvidence])
        return
      }
      let chosen =
        candidates.first { $0.finding.outcome == .met }
        ?? candidates.first { $0.finding.outcome == .undetermined } ?? candidates[0]
      let registration = chosen.finding
      let evidence = [policyEvidence] + registration.evidence
      switch registration.outcome {
      case .met:
        add(
          .registrationRequired, .note, .met, subject: subject,
          "\(required): \(registration.message)", evidence)
      case .undetermined:
        add(
          .registrationRequired, .error, .undetermined, subject: subject,
          "\(required), which cannot be checked: \(registration.message)", evidence)
      default:
        add(
          .registrationRequired, .error, .unmet, subject: subject,
          "\(required): \(registration.message)", evidence)
      }
    }

    mutating func checkPolicies() {
      checkRegistrationRequirement()
      let subject = FindingSubject.coach(coach.id)
      switch request.kind {
      case .internal:
        if policy.fundsInternalCoaching {
          add(
            .internalCoachingPolicy, .note, .met, subject: subject,
            "policy \(policy.id) funds internal coaching and requires "
              + policy.requirements(for: .internal).map(\.rawValue).joined(separator: ", "),
            [policyEvidence])
        } else {
          add(
            .internalCoachingPolicy, .error, .unmet, subject: subject,
            "policy \(policy.id) does not fund internal coaching", [policyEvidence])
        }
      case .external:
        checkExternalOrganisationPolicy()
      case .municipal:
        break
      }
      if let placement = request.placement {
        if placement.funder == .uwv, request.kind != .external {
          add(
            .uwvRecognisedOnly, .note, .notApplicable, subject: .placement(placement.id),
            "placement \(placement.id) is funded by UWV; Q-POL-3 applies to external coaching, "
              + "and UWV's own rules for \(request.kind.rawValue) coaching are not in the sources")
        } else if placement.funder == .uwv {
          checkRecognition(rule: .uwvRecognisedOnly, funderRule: true)
        } else {
          add(
            .uwvRecognisedOnly, .note, .notApplicable, subject: .placement(placement.id),
            "placement \(placement.id) is funded by the municipality, not by UWV")
        }
      }
    }

    mutating func checkExternalOrganisationPolicy() {
      let rule = RuleID.externalOrganisationPolicy
      let subject = FindingSubject.coach(coach.id)
      switch policy.externalOrganisations {
      case .freeChoice:
        add(
          rule, .note, .met, subject: subject,
          "policy \(policy.id) lets the employer choose the coaching organisation freely",
          [policyEvidence])
      case .approvedList(let approved):
        guard
          let employment = employment
            ?? coach.employments(on: date).first(where: {
              $0.kind == .external && (organisation == nil || $0.organisation == organisation)
            })
        else {
          add(
            rule, .error, .undetermined, subject: subject,
            "policy \(policy.id) only accepts listed organisations, and \(coach.name) has no "
              + "external employment on \(date)", [policyEvidence])
          return
        }
        if approved.contains(employment.organisation) {
          add(
            rule, .note, .met, subject: subject,
            "\(name(of: employment.organisation)) is on the list of organisations policy "
              + "\(policy.id) works with", [policyEvidence])
        } else {
          add(
            rule, .error, .unmet, subject: subject,
            "\(name(of: employment.organisation)) is not on the list of organisations policy "
              + "\(policy.id) works with (" + approved.map(\.rawValue).joined(separator: ", ")
              + ")",
            [policyEvidence])
        }
      case .throughMunicipality:
        guard let placement = request.placement else {
          add(
            rule, .error, .undetermined, subject: subject,
            "policy \(policy.id) appoints external coaches only through the municipality: name a "
              + "placement (--placement) to determine how this coach was appointed",
            [policyEvidence])
          return
        }
        if placement.appointedThroughMunicipality {
          add(
            rule, .note, .met, subject: .placement(placement.id),
            "the coach of placement \(placement.id) is appointed through the municipality",
            [policyEvidence])
        } else {
          add(
            rule, .error, .unmet, subject: .placement(placement.id),
            "policy \(policy.id) appoints external coaches only through the municipality, and "
              + "placement \(placement.id) was not", [policyEvidence])
        }
      }
    }
  }
}
