import JobcoachCore

extension English {
  func qualification(_ reason: QualificationReason) -> String {
    switch reason {
    case .alsoExternalFor(let organisation, let date, let failed):
      "also employed as an external coach by \(self.organisation(organisation)) on \(date)"
        + (failed.isEmpty
          ? ", under which the coach is eligible too"
          : ", under which not met: " + ids(failed))
    case .employedAsOtherKind(let coach, let date, let other, let kind):
      "on \(date) \(coach) is employed as \(withArticle(other)), not as \(withArticle(kind))"
    case .notYetEmployed(let coach, let date, let kind, let at, let starts):
      "on \(date) \(coach) has no employment as \(withArticle(kind)) yet; the employment at "
        + "\(organisation(at)) starts on \(starts)"
    case .notEmployed(let coach, let date, let kind):
      "on \(date) \(coach) has no employment as \(withArticle(kind))"
    case .notEmployedByDeliverer(let coach, let date, let kind, let deliverer, let employers):
      "on \(date) \(coach) is not employed as \(withArticle(kind)) by \(organisation(deliverer)), "
        + "the organisation that delivers the coaching; employed as \(withArticle(kind)) by "
        + employers.map(organisation).joined(separator: ", ")
    case .notEmployedByPlacementEmployer(let employer, let coach, let date, let employers):
      "an internal coach must be employed by the placement's employer \(organisation(employer)); "
        + "on \(date) \(coach) is employed by " + employers.map(organisation).joined(separator: ", ")
    case .employerNotInRegistry(let id):
      "the employing organisation '\(id)' is not in the registry"
    case .employerOfWrongKind(let kind, let allowed, let organisation, let isKind):
      "\(withArticle(kind)) must be employed by a "
        + allowed.map(organisationKind).sorted().joined(separator: " or ")
        + "; \(organisation) is a \(organisationKind(isKind))"
    case .employed(let kind, let organisation, let date):
      "employed as \(withArticle(kind)) by \(organisation) on \(date)"
    case .notAssigned(let coach, let placement, let date, let assigned):
      "\(coach) is not assigned to placement \(placement) on \(date)"
        + (assigned.isEmpty ? "" : " (assigned then: \(ids(assigned)))")
        + "; record the intended assignment in the placement's assignments (coach, "
        + "organisation, from, role) and verify again"
    case .judgedUnderPolicyAtStart(let policy, let start, let version):
      "the assignment is judged under policy \(policy) as in force on its start, \(start) "
        + "(version of \(version))"
    case .assigned(let coach, let placement, let role, let organisation, let days):
      "\(coach) is assigned to placement \(placement) as \(self.role(role))"
        + (organisation.map { " for \(self.organisation($0))" } ?? "") + ", \(interval(days))"
    case .employmentDoesNotSpanAssignment(
      let coach, let kind, let organisation, let startsLate, let endsEarly, let assignment):
      "\(coach)'s employment as \(withArticle(kind)) by \(self.organisation(organisation)) "
        + [
          startsLate.map { "starts on \($0), after the assignment starts (\(assignment.start))" },
          endsEarly.map {
            "ends on \($0), before the assignment "
              + (assignment.end.map { "ends (\($0))" } ?? "does (it has no end)")
          },
        ].compactMap { $0 }.joined(separator: " and ")
        + ": the organisation must employ the coach on every day of the assignment"
    case .factNeedsPlacement(let fact):
      "\(self.fact(fact)) is a fact of the coach's assignment to a placement: name a placement "
        + "(--placement) to determine it"
    case .factNeedsAssignment(let fact, let coach, let placement, let date):
      "\(self.fact(fact)) is a fact of \(coach)'s assignment, and placement \(placement) has none "
        + "of this coach on \(date): record the assignment (Q-ASG-1)"
    case .qualified(let coach, let rule): "\(coach) \(qualified(rule))"
    case .notQualified(let coach, let rule, let date, let shortfalls):
      "\(coach) \(notQualified(rule))"
        + (shortfalls.isEmpty
          ? ""
          : " on \(date): "
            + shortfalls.map {
              switch $0 {
              case .issuedOnlyOn(let title, let date): "\(title) is issued only on \(date)"
              case .expiredAfter(let title, let date): "\(title) expired after \(date)"
              }
            }.joined(separator: "; "))
    case .expiresBeforePlacementEnds(let title, let expiresOn, let end):
      "\(title) expires on \(expiresOn), before the placement ends on \(end)"
    case .taskExperience(let coach, let placement):
      "\(coach) has demonstrable experience with the work the worker does in placement \(placement)"
    case .noTaskExperience(let placement, let coach):
      "the assignment in placement \(placement) records no evidence that \(coach) has experience "
        + "with the work the worker does"
    case .hoursExemption(let coach, let perWeek, let placement):
      "\(coach) is exempted for \(hours(perWeek)) a week to coach in placement \(placement)"
    case .noHoursExemption(let placement, let coach):
      "the assignment in placement \(placement) records no exemption from part of \(coach)'s "
        + "working hours to coach"
    case .notAtRecognisableOrganisation(let coach, let date, let forUWV):
      uwvPrefix(forUWV)
        + "on \(date) \(coach) is not employed by a coaching organisation that UWV can recognise"
    case .recognised(let organisation, let framework, let date):
      "\(organisation) is recognised by UWV under framework \(framework) on \(date)"
    case .recognitionEndsBeforePlacement(let organisation, let ends, let placementEnds):
      "the recognition of \(organisation) ends on \(ends), before the placement ends on "
        + "\(placementEnds)"
    case .notRecognised(let organisation, let date, let shortfalls, let forUWV):
      uwvPrefix(forUWV) + "\(organisation) is not recognised by UWV on \(date): "
        + (shortfalls.isEmpty
          ? "it has no recognition on record"
          : shortfalls.map { recognition($0, date) }.joined(separator: "; "))
    case .notRequiredByPolicy(let policy, let effectiveFrom):
      "not required by policy \(policy) (in force from \(effectiveFrom))"
    case .registrationRequiredNoNumber(let policy, let kind, let registers, let date, let there):
      required(policy, kind, registers, date) + "; the coach has no register number"
        + (there ? " there" : "")
    case .registrationRequired(let policy, let kind, let registers, let date, let checkable, let standing):
      required(policy, kind, registers, date) + (checkable ? ": " : ", which cannot be checked: ")
        + register(standing)
    case .fundsInternalCoaching(let policy, let requires):
      "policy \(policy) funds internal coaching and requires \(ids(requires))"
    case .doesNotFundInternalCoaching(let policy): "policy \(policy) does not fund internal coaching"
    case .uwvRuleIsForExternalCoaching(let placement, let kind):
      "placement \(placement) is funded by UWV; Q-POL-3 applies to external coaching, and UWV's "
        + "own rules for \(kind.rawValue) coaching are not in the sources"
    case .fundedByMunicipality(let placement):
      "placement \(placement) is funded by the municipality, not by UWV"
    case .freeChoiceOfOrganisation(let policy):
      "policy \(policy) lets the employer choose the coaching organisation freely"
    case .approvedListWithoutExternalEmployment(let policy, let coach, let date):
      "policy \(policy) only accepts listed organisations, and \(coach) has no external "
        + "employment on \(date)"
    case .onApprovedList(let organisation, let policy):
      "\(self.organisation(organisation)) is on the list of organisations policy \(policy) works with"
    case .notOnApprovedList(let organisation, let policy, let approved):
      "\(self.organisation(organisation)) is not on the list of organisations policy \(policy) "
        + "works with (\(ids(approved)))"
    case .throughMunicipalityNeedsPlacement(let policy):
      "policy \(policy) appoints external coaches only through the municipality: name a "
        + "placement (--placement) to determine how this coach was appointed"
    case .appointedThroughMunicipality(let placement):
      "the coach of placement \(placement) is appointed through the municipality"
    case .notAppointedThroughMunicipality(let policy, let placement):
      "policy \(policy) appoints external coaches only through the municipality, and placement "
        + "\(placement) was not"
    }
  }

  func fact(_ fact: AssignmentFact) -> String {
    switch fact {
    case .taskExperience: "experience with the worker's tasks"
    case .hoursExemption: "the hours exemption"
    }
  }

  func uwvPrefix(_ forUWV: Bool) -> String {
    forUWV ? "UWV works only with coaches of recognised coaching organisations: " : ""
  }

  func required(_ policy: PolicyID, _ kind: CoachKind, _ registers: [RegisterID], _ date: CalendarDate)
    -> String
  {
    "policy \(policy) requires \(kind.rawValue) coaches to be registered in good standing"
      + (registers.isEmpty ? "" : " in " + registers.map(\.rawValue).joined(separator: " or "))
      + " on \(date)"
  }

  func recognition(_ shortfall: RecognitionShortfall, _ date: CalendarDate) -> String {
    switch shortfall {
    case .frameworkTooOld(let framework, let minimum, let policy):
      "framework \(framework) is older than \(minimum), the oldest policy \(policy) accepts"
    case .startsOn(let start): "the recognition starts only on \(start)"
    case .endedOn(let end, let dayBefore):
      "the recognition ended on \(end)" + (dayBefore ? ", the day before \(date)" : "")
    case .withdrawnOn(let withdrawn): "UWV withdrew the recognition on \(withdrawn)"
    }
  }

  /// What the coach has, for the qualification rules met.
  func qualified(_ rule: RuleID) -> String {
    switch rule {
    case .municipalEducation:
      "has completed an hbo education or has hbo working-and-thinking level"
    case .municipalTraining:
      "has followed a jobcoach training (module with certificate, or in-company)"
    case .internalGuidanceTraining:
      "has followed a training to guide workers with a limitation on the workplace"
    default: "has demonstrable experience giving work instructions"
    }
  }

  func notQualified(_ rule: RuleID) -> String {
    switch rule {
    case .municipalEducation:
      "has no hbo diploma and no assessed hbo working-and-thinking level"
    case .municipalTraining:
      "has no jobcoach training certificate or diploma and no in-company jobcoach training"
    case .internalGuidanceTraining:
      "has no training to guide workers with a limitation on the workplace (for example a "
        + "Harrie/Buddy training)"
    default: "has no demonstrable experience giving work instructions"
    }
  }
}
