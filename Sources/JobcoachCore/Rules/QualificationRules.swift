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
            reason: .qualification(
              .alsoExternalFor(ref(other.organisation!), on: request.date, failed: failed))))
      }
      return chosen
    }
    return verify(coach, request, grant: grant, organisation: assignment?.organisation)
  }

  func ref(_ id: OrganisationID) -> OrganisationRef {
    OrganisationRef(id: id, name: organisations[id]?.name)
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
          .notRequiredByPolicy(request.policy.id, effectiveFrom: request.policy.effectiveFrom),
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
      _ reason: QualificationReason, _ evidence: [EvidenceItem] = []
    ) {
      findings.append(
        Finding(
          rule: rule, severity: severity, outcome: outcome, subject: subject,
          reason: .qualification(reason), evidence: evidence))
    }

    func ref(_ id: OrganisationID) -> OrganisationRef {
      OrganisationRef(id: id, name: organisations[id]?.name)
    }

    func evidence(for employment: Employment) -> EvidenceItem {
      EvidenceItem(
        kind: .employment, reference: employment.organisation.rawValue,
        facts: .employment(employment.kind, ref(employment.organisation), employment.period),
        validFrom: employment.period.start, validUntil: employment.period.end)
    }

    static func evidence(for qualification: Qualification) -> EvidenceItem {
      EvidenceItem(
        kind: .qualification,
        reference: qualification.evidence?.documentID ?? qualification.title,
        facts: .qualification(qualification), validFrom: qualification.issuedOn,
        validUntil: qualification.expiresOn)
    }

    static func evidence(for recognition: UWVRecognition, of organisation: Organisation)
      -> EvidenceItem
    {
      EvidenceItem(
        kind: .recognition, reference: recognition.evidence.documentID,
        facts: .recognition(recognition, organisation: organisation.name),
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
        let reason: QualificationReason
        if let other = inForce.first {
          reason = .employedAsOtherKind(coach: coach.name, on: date, as: other.kind, notAs: kind)
        } else if let next = coach.employments.filter({ $0.kind == kind && date < $0.period.start })
          .min(by: { $0.period.start < $1.period.start })
        {
          reason = .notYetEmployed(
            coach: coach.name, on: date, as: kind, at: ref(next.organisation),
            starts: next.period.start)
        } else {
          reason = .notEmployed(coach: coach.name, on: date, as: kind)
        }
        add(rule, .error, .unmet, subject: subject, reason, others)
        return
      }
      // The assignment's delivering organisation (or the one employer judged) must employ the
      // coach as the kind on the date (Q-ASG-1).
      if let organisation {
        guard let at = ofKind.first(where: { $0.organisation == organisation }) else {
          add(
            rule, .error, .unmet, subject: subject,
            .notEmployedByDeliverer(
              coach: coach.name, on: date, as: kind, deliverer: ref(organisation),
              employers: ofKind.map { ref($0.organisation) }),
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
            .notEmployedByPlacementEmployer(
              employer: ref(placement.employer), coach: coach.name, on: date,
              employers: ofKind.map { ref($0.organisation) }),
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
          .employerNotInRegistry(chosen.organisation),
          [evidence(for: chosen)])
        return
      }
      guard kind.employingOrganisationKinds.contains(organisation.kind) else {
        add(
          rule, .error, .unmet, subject: subject,
          .employerOfWrongKind(
            as: kind,
            allowed: kind.employingOrganisationKinds.sorted { $0.rawValue < $1.rawValue },
            organisation: organisation.name, is: organisation.kind),
          [evidence(for: chosen)])
        return
      }
      employment = chosen
      add(
        rule, .note, .met, subject: subject,
        .employed(as: kind, by: organisation.name, on: date),
        [evidence(for: chosen)])
    }

    // MARK: Qualification requirements

    mutating func check(_ rule: RuleID) {
      switch rule {
      case .municipalEducation:
        requireQualification(rule, [.hboDiploma, .hboLevel])
      case .municipalTraining:
        requireQualification(rule, [.jobcoachTraining, .inCompanyTraining])
      case .internalGuidanceTraining:
        requireQualification(rule, [.workplaceGuidanceTraining])
      case .internalInstructionExperience:
        requireQualification(rule, [.workInstructionExperience])
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
      _ rule: RuleID, _ kinds: Set<QualificationKind>
    ) {
      let subject = FindingSubject.coach(coach.id)
      let candidates = coach.qualifications.filter { kinds.contains($0.kind) }
      if let valid = candidates.first(where: { $0.isValid(on: date) }) {
        add(
          rule, .note, .met, subject: subject, .qualified(coach: coach.name, rule: rule),
          [Self.evidence(for: valid)])
        if let expiresOn = valid.expiresOn, let end = request.placement?.period.end,
          expiresOn < end,
          !candidates.contains(where: { $0 != valid && $0.isValid(on: end) })
        {
          add(
            rule, .warning, .met, subject: subject,
            .expiresBeforePlacementEnds(title: valid.title, expiresOn: expiresOn, placementEnds: end),
            [Self.evidence(for: valid)])
        }
        return
      }
      var shortfalls: [QualificationShortfall] = []
      for candidate in candidates {
        if date < candidate.issuedOn {
          shortfalls.append(.issuedOnlyOn(title: candidate.title, candidate.issuedOn))
        } else if let expiresOn = candidate.expiresOn {
          shortfalls.append(.expiredAfter(title: candidate.title, expiresOn))
        }
      }
      add(
        rule, .error, .unmet, subject: subject,
        .notQualified(coach: coach.name, rule: rule, on: date, shortfalls: shortfalls),
        candidates.map(Self.evidence(for:)))
    }

    /// The assignment a per-placement rule needs: the coach's in the placement on the date.
    /// Without a placement, or without an assignment of this coach there, the rule is reported
    /// as not determinable (an error), never as met: another coach's facts never count.
    mutating func assignment(for rule: RuleID, fact: AssignmentFact) -> (Placement, Assignment)? {
      guard let placement = request.placement else {
        add(
          rule, .error, .undetermined, subject: .coach(coach.id),
          .factNeedsPlacement(fact))
        return nil
      }
      guard let assignment else {
        add(
          rule, .error, .undetermined, subject: .placement(placement.id),
          .factNeedsAssignment(fact, coach: coach.name, placement: placement.id, on: date))
        return nil
      }
      return (placement, assignment)
    }

    /// Q-ASG-1: with a placement, the coach's assignment in it on the date (or starting then).
    mutating func checkAssignment() {
      guard let placement = request.placement else { return }
      guard let assignment else {
        add(
          .assignment, .error, .unmet, subject: .placement(placement.id),
          .notAssigned(
            coach: coach.name, placement: placement.id, on: date,
            assigned: placement.assignments(on: date).map(\.coach)))
        return
      }
      let by = assignment.organisation.map(ref)
      let days = placement.days(of: assignment)
      add(
        .policyAtAssignment, .note, .met, subject: .placement(placement.id),
        .judgedUnderPolicyAtStart(
          policy: policy.id, start: assignment.start, version: policy.effectiveFrom),
        [policyEvidence])
      add(
        .assignment, .note, .met, subject: .placement(placement.id),
        .assigned(
          coach: coach.name, placement: placement.id, role: assignment.role, for: by, days: days),
        [
          EvidenceItem(
            kind: .placement, reference: placement.id.rawValue,
            facts: .assignment(assignment.role, days, for: by), validFrom: assignment.start,
            validUntil: days.end)
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
      let startsLate = current.period.start > days.start ? current.period.start : nil
      let endsEarly = current.period.end.flatMap { $0 < (days.end ?? .latest) ? $0 : nil }
      guard startsLate != nil || endsEarly != nil else { return }
      add(
        .assignment, .warning, .unmet, subject: .placement(placement.id),
        .employmentDoesNotSpanAssignment(
          coach: coach.name, as: request.kind, by: ref(organisation), startsLate: startsLate,
          endsEarly: endsEarly, assignment: days), [evidence(for: current)])
    }

    mutating func checkTaskExperience() {
      let rule = RuleID.internalTaskExperience
      guard
        let (placement, assignment) = assignment(for: rule, fact: .taskExperience)
      else { return }
      if let evidence = assignment.taskExperience {
        add(
          rule, .note, .met, subject: .placement(placement.id),
          .taskExperience(coach: coach.name, placement: placement.id),
          [EvidenceItem(kind: .placement, reference: evidence.documentID, facts: .document(evidence))])
      } else {
        add(
          rule, .error, .unmet, subject: .placement(placement.id),
          .noTaskExperience(placement: placement.id, coach: coach.name))
      }
    }

    mutating func checkHoursExemption() {
      let rule = RuleID.internalHoursExemption
      guard let (placement, assignment) = assignment(for: rule, fact: .hoursExemption)
      else { return }
      if let exemption = assignment.hoursExemption, exemption.perWeek > .zero {
        add(
          rule, .note, .met, subject: .placement(placement.id),
          .hoursExemption(coach: coach.name, perWeek: exemption.perWeek, placement: placement.id),
          [
            EvidenceItem(
              kind: .placement, reference: exemption.evidence.documentID,
              facts: .exemption(perWeek: exemption.perWeek, exemption.evidence))
          ])
      } else {
        add(
          rule, .error, .unmet, subject: .placement(placement.id),
          .noHoursExemption(placement: placement.id, coach: coach.name))
      }
    }

    /// The coaching organisation of the employment in force, recognised by UWV on the date under
    /// an accepted framework version. Used by Q-EXT-1 and, for UWV-funded placements, Q-POL-3.
    mutating func checkRecognition(rule: RuleID, funderRule: Bool) {
      let subject = FindingSubject.coach(coach.id)
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
          .notAtRecognisableOrganisation(coach: coach.name, on: date, forUWV: funderRule))
        return
      }
      let recognitions = organisation.recognitions
      let accepted = recognitions.filter { $0.framework >= policy.minimumRecognitionFramework }
      let evidence = recognitions.map { Self.evidence(for: $0, of: organisation) }
      if let valid = accepted.first(where: { $0.standing(on: date) == .valid }) {
        add(
          rule, .note, .met, subject: subject,
          .recognised(organisation: organisation.name, framework: valid.framework, on: date),
          [Self.evidence(for: valid, of: organisation)])
        if let placementEnd = request.placement?.period.end {
          let ends = [valid.validUntil, valid.withdrawnOn.map { $0.adding(days: -1) }]
            .compactMap { $0 }.min()
          if let ends, ends < placementEnd,
            !accepted.contains(where: { $0 != valid && $0.standing(on: placementEnd) == .valid })
          {
            add(
              rule, .warning, .met, subject: subject,
              .recognitionEndsBeforePlacement(
                organisation: organisation.name, ends: ends, placementEnds: placementEnd),
              [Self.evidence(for: valid, of: organisation)])
          }
        }
        return
      }
      var shortfalls: [RecognitionShortfall] = []
      for recognition in recognitions {
        if recognition.framework < policy.minimumRecognitionFramework {
          shortfalls.append(
            .frameworkTooOld(
              recognition.framework, minimum: policy.minimumRecognitionFramework,
              policy: policy.id))
          continue
        }
        switch recognition.standing(on: date) {
        case .valid: break
        case .notYetValid: shortfalls.append(.startsOn(recognition.validFrom))
        case .ended:
          let end = recognition.validUntil!
          shortfalls.append(.endedOn(end, dayBefore: end.adding(days: 1) == date))
        case .withdrawn:
          shortfalls.append(.withdrawnOn(recognition.withdrawnOn!))
        }
      }
      add(
        rule, .error, .unmet, subject: subject,
        .notRecognised(
          organisation: organisation.name, on: date, shortfalls: shortfalls, forUWV: funderRule),
        evidence)
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
      let candidates = request.registrations.filter { evidence in
        accepted.isEmpty || evidence.register.map(accepted.contains) == true
      }
      guard !candidates.isEmpty else {
        add(
          .registrationRequired, .error, .unmet, subject: subject,
          .registrationRequiredNoNumber(
            policy: policy.id, kind: request.kind, registers: accepted, on: date,
            there: !accepted.isEmpty && !request.registrations.isEmpty),
          [policyEvidence])
        return
      }
      let chosen =
        candidates.first { $0.finding.outcome == .met }
        ?? candidates.first { $0.finding.outcome == .undetermined } ?? candidates[0]
      let registration = chosen.finding
      let evidence = [policyEvidence] + registration.evidence
      guard case .register(let standing) = registration.reason else { return }
      func required(checkable: Bool) -> QualificationReason {
        .registrationRequired(
          policy: policy.id, kind: request.kind, registers: accepted, on: date,
          checkable: checkable, standing: standing)
      }
      switch registration.outcome {
      case .met:
        add(
          .registrationRequired, .note, .met, subject: subject,
          required(checkable: true), evidence)
      case .undetermined:
        add(
          .registrationRequired, .error, .undetermined, subject: subject,
          required(checkable: false), evidence)
      default:
        add(
          .registrationRequired, .error, .unmet, subject: subject,
          required(checkable: true), evidence)
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
            .fundsInternalCoaching(
              policy: policy.id, requires: policy.requirements(for: .internal)),
            [policyEvidence])
        } else {
          add(
            .internalCoachingPolicy, .error, .unmet, subject: subject,
            .doesNotFundInternalCoaching(policy: policy.id), [policyEvidence])
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
            .uwvRuleIsForExternalCoaching(placement: placement.id, kind: request.kind))
        } else if placement.funder == .uwv {
          checkRecognition(rule: .uwvRecognisedOnly, funderRule: true)
        } else {
          add(
            .uwvRecognisedOnly, .note, .notApplicable, subject: .placement(placement.id),
            .fundedByMunicipality(placement: placement.id))
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
          .freeChoiceOfOrganisation(policy: policy.id),
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
            .approvedListWithoutExternalEmployment(policy: policy.id, coach: coach.name, on: date),
            [policyEvidence])
          return
        }
        if approved.contains(employment.organisation) {
          add(
            rule, .note, .met, subject: subject,
            .onApprovedList(ref(employment.organisation), policy: policy.id), [policyEvidence])
        } else {
          add(
            rule, .error, .unmet, subject: subject,
            .notOnApprovedList(
              ref(employment.organisation), policy: policy.id, approved: approved),
            [policyEvidence])
        }
      case .throughMunicipality:
        guard let placement = request.placement else {
          add(
            rule, .error, .undetermined, subject: subject,
            .throughMunicipalityNeedsPlacement(policy: policy.id),
            [policyEvidence])
          return
        }
        if placement.appointedThroughMunicipality {
          add(
            rule, .note, .met, subject: .placement(placement.id),
            .appointedThroughMunicipality(placement: placement.id),
            [policyEvidence])
        } else {
          add(
            rule, .error, .unmet, subject: .placement(placement.id),
            .notAppointedThroughMunicipality(policy: policy.id, placement: placement.id),
            [policyEvidence])
        }
      }
    }
  }
}
