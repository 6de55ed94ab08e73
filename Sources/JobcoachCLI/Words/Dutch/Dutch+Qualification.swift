import JobcoachCore

extension Dutch {
  func qualification(_ reason: QualificationReason) -> String {
    switch reason {
    case .alsoExternalFor(let organisation, let date, let failed):
      "op \(self.date(date)) ook in dienst als externe jobcoach bij \(self.organisation(organisation))"
        + (failed.isEmpty
          ? ", en ook daar inzetbaar"
          : ", maar daar niet voldaan: " + ids(failed))
    case .employedAsOtherKind(let coach, let date, let other, let kind):
      "\(coach) is op \(self.date(date)) in dienst als \(withArticle(other)), niet als "
        + withArticle(kind)
    case .notYetEmployed(let coach, let date, let kind, let at, let starts):
      "\(coach) is op \(self.date(date)) nog niet in dienst als \(withArticle(kind)); het "
        + "dienstverband bij \(organisation(at)) begint op \(self.date(starts))"
    case .notEmployed(let coach, let date, let kind):
      "\(coach) is op \(self.date(date)) niet in dienst als \(withArticle(kind))"
    case .notEmployedByDeliverer(let coach, let date, let kind, let deliverer, let employers):
      "\(coach) is op \(self.date(date)) niet als \(withArticle(kind)) in dienst bij "
        + "\(organisation(deliverer)), de organisatie die de begeleiding levert; wel bij "
        + list(employers.map(organisation), "en")
    case .notEmployedByPlacementEmployer(let employer, let coach, let date, let employers):
      "een interne jobcoach moet in dienst zijn van de werkgever van de plaatsing, "
        + "\(organisation(employer)); \(coach) is op \(self.date(date)) in dienst bij "
        + list(employers.map(organisation), "en")
    case .employerNotInRegistry(let id):
      "de werkgever '\(id)' staat niet in het register"
    case .employerOfWrongKind(let kind, let allowed, let organisation, let isKind):
      "\(withArticle(kind)) moet in dienst zijn van een "
        + list(allowed.map(organisationKind).sorted(), "of")
        + "; \(organisation) is een \(organisationKind(isKind))"
    case .employed(let kind, let organisation, let date):
      "op \(self.date(date)) in dienst als \(withArticle(kind)) bij \(organisation)"
    case .notAssigned(let coach, let placement, let date, let assigned):
      "\(coach) is op \(self.date(date)) niet ingezet op plaatsing \(placement)"
        + (assigned.isEmpty ? "" : " (dan ingezet: \(ids(assigned)))")
        + "; leg de beoogde inzet vast bij de plaatsing (jobcoach, organisatie, vanaf, rol) en "
        + "controleer opnieuw"
    case .judgedUnderPolicyAtStart(let policy, let start, let version):
      "de inzet wordt beoordeeld volgens beleid \(policy) zoals dat gold bij de start op "
        + "\(date(start)) (versie van \(date(version)))"
    case .assigned(let coach, let placement, let role, let organisation, let days):
      "\(coach) is ingezet op plaatsing \(placement) als \(self.role(role))"
        + (organisation.map { " namens \(self.organisation($0))" } ?? "") + ", \(interval(days))"
    case .employmentDoesNotSpanAssignment(
      let coach, let kind, let organisation, let startsLate, let endsEarly, let assignment):
      "het dienstverband van \(coach) als \(withArticle(kind)) bij "
        + "\(self.organisation(organisation)) "
        + [
          startsLate.map {
            "begint op \(date($0)), na het begin van de inzet (\(date(assignment.start)))"
          },
          endsEarly.map {
            "eindigt op \(date($0)), vóór het einde van de inzet"
              + (assignment.end.map { " (\(date($0)))" } ?? " (die heeft geen einddatum)")
          },
        ].compactMap { $0 }.joined(separator: " en ")
        + ": de organisatie moet de jobcoach op elke dag van de inzet in dienst hebben"
    case .factNeedsPlacement(let fact):
      "\(self.fact(fact)) hoort bij de inzet op een plaatsing: noem een plaatsing (--placement) "
        + "om dit vast te stellen"
    case .factNeedsAssignment(let fact, let coach, let placement, let date):
      "\(self.fact(fact)) hoort bij de inzet van \(coach), en plaatsing \(placement) heeft op "
        + "\(self.date(date)) geen inzet van deze jobcoach: leg de inzet vast (Q-ASG-1)"
    case .qualified(let coach, let rule): "\(coach) \(qualified(rule))"
    case .notQualified(let coach, let rule, let date, let shortfalls):
      "\(coach) \(notQualified(rule))"
        + (shortfalls.isEmpty
          ? ""
          : " op \(self.date(date)): "
            + shortfalls.map {
              switch $0 {
              case .issuedOnlyOn(let title, let date):
                "\(title) wordt pas afgegeven op \(self.date(date))"
              case .expiredAfter(let title, let date):
                "\(title) was geldig t/m \(self.date(date))"
              }
            }.joined(separator: "; "))
    case .expiresBeforePlacementEnds(let title, let expiresOn, let end):
      "\(title) verloopt op \(date(expiresOn)), vóór het einde van de plaatsing op \(date(end))"
    case .taskExperience(let coach, let placement):
      "\(coach) heeft aantoonbare ervaring met het werk dat de werknemer doet in plaatsing "
        + "\(placement)"
    case .noTaskExperience(let placement, let coach):
      "bij de inzet op plaatsing \(placement) is niet aangetoond dat \(coach) ervaring heeft met "
        + "het werk dat de werknemer doet"
    case .hoursExemption(let coach, let perWeek, let placement):
      "\(coach) heeft vrijstelling van \(hours(perWeek)) per week om te begeleiden in plaatsing "
        + "\(placement)"
    case .noHoursExemption(let placement, let coach):
      "bij de inzet op plaatsing \(placement) is geen vrijstelling van uren voor \(coach) "
        + "vastgelegd om te begeleiden"
    case .notAtRecognisableOrganisation(let coach, let date, let forUWV):
      uwvPrefix(forUWV)
        + "\(coach) is op \(self.date(date)) niet in dienst van een jobcoachorganisatie die UWV "
        + "kan erkennen"
    case .recognised(let organisation, let framework, let date):
      "\(organisation) is op \(self.date(date)) door UWV erkend (erkenningskader \(framework))"
    case .recognitionEndsBeforePlacement(let organisation, let ends, let placementEnds):
      "de erkenning van \(organisation) loopt tot en met \(date(ends)), vóór het einde van de "
        + "plaatsing op \(date(placementEnds))"
    case .notRecognised(let organisation, let date, let shortfalls, let forUWV):
      uwvPrefix(forUWV) + "\(organisation) is op \(self.date(date)) niet door UWV erkend: "
        + (shortfalls.isEmpty
          ? "er is geen erkenning vastgelegd"
          : shortfalls.map { recognition($0, date) }.joined(separator: "; "))
    case .notRequiredByPolicy(let policy, let effectiveFrom):
      "niet vereist door beleid \(policy) (geldig vanaf \(date(effectiveFrom)))"
    case .registrationRequiredNoNumber(let policy, let kind, let registers, let date, let there):
      required(policy, kind, registers, date) + "; de jobcoach heeft "
        + (there ? "daar " : "") + "geen registernummer"
    case .registrationRequired(let policy, let kind, let registers, let date, let checkable, let standing):
      required(policy, kind, registers, date)
        + (checkable ? ": " : ", en dat is niet vast te stellen: ") + register(standing)
    case .fundsInternalCoaching(let policy, let requires):
      "beleid \(policy) vergoedt interne jobcoaching en vereist \(ids(requires))"
    case .doesNotFundInternalCoaching(let policy):
      "beleid \(policy) vergoedt geen interne jobcoaching"
    case .uwvRuleIsForExternalCoaching(let placement, let kind):
      "plaatsing \(placement) wordt door UWV gefinancierd; Q-POL-3 geldt voor externe "
        + "jobcoaching, en de eigen regels van UWV voor \(Words.kind(kind, .nl))es staan niet in "
        + "de bronnen"
    case .fundedByMunicipality(let placement):
      "plaatsing \(placement) wordt door de gemeente gefinancierd, niet door UWV"
    case .freeChoiceOfOrganisation(let policy):
      "volgens beleid \(policy) kiest de werkgever de jobcoachorganisatie vrij"
    case .approvedListWithoutExternalEmployment(let policy, let coach, let date):
      "beleid \(policy) werkt alleen met gecontracteerde jobcoachorganisaties, en \(coach) is op "
        + "\(self.date(date)) niet als externe jobcoach in dienst"
    case .onApprovedList(let organisation, let policy):
      "\(self.organisation(organisation)) staat op de lijst van gecontracteerde "
        + "jobcoachorganisaties van beleid \(policy)"
    case .notOnApprovedList(let organisation, let policy, let approved):
      "\(self.organisation(organisation)) staat niet op de lijst van gecontracteerde "
        + "jobcoachorganisaties van beleid \(policy) (\(ids(approved)))"
    case .throughMunicipalityNeedsPlacement(let policy):
      "volgens beleid \(policy) worden externe jobcoaches alleen via de gemeente ingezet: noem "
        + "een plaatsing (--placement) om vast te stellen hoe deze jobcoach is ingezet"
    case .appointedThroughMunicipality(let placement):
      "de jobcoach van plaatsing \(placement) is via de gemeente ingezet"
    case .notAppointedThroughMunicipality(let policy, let placement):
      "volgens beleid \(policy) worden externe jobcoaches alleen via de gemeente ingezet, en "
        + "bij plaatsing \(placement) is dat niet gebeurd"
    }
  }

  func fact(_ fact: AssignmentFact) -> String {
    switch fact {
    case .taskExperience: "ervaring met de werkzaamheden van de werknemer"
    case .hoursExemption: "de vrijstelling van uren"
    }
  }

  func uwvPrefix(_ forUWV: Bool) -> String {
    forUWV ? "UWV werkt alleen met jobcoaches van erkende jobcoachorganisaties: " : ""
  }

  func required(_ policy: PolicyID, _ kind: CoachKind, _ registers: [RegisterID], _ date: CalendarDate)
    -> String
  {
    "beleid \(policy) vereist dat een \(Words.kind(kind, .nl)) op \(self.date(date)) als "
      + "registerjobcoach is ingeschreven"
      + (registers.isEmpty ? "" : " in " + list(registers.map(\.rawValue), "of"))
  }

  func recognition(_ shortfall: RecognitionShortfall, _ date: CalendarDate) -> String {
    switch shortfall {
    case .frameworkTooOld(let framework, let minimum, let policy):
      "erkenningskader \(framework) is ouder dan \(minimum), het oudste dat beleid \(policy) "
        + "accepteert"
    case .startsOn(let start): "de erkenning gaat pas in op \(self.date(start))"
    case .endedOn(let end, let dayBefore):
      "de erkenning liep tot en met \(self.date(end))"
        + (dayBefore ? ", de dag vóór \(self.date(date))" : "")
    case .withdrawnOn(let withdrawn): "UWV heeft de erkenning ingetrokken op \(self.date(withdrawn))"
    }
  }

  func qualified(_ rule: RuleID) -> String {
    switch rule {
    case .municipalEducation: "heeft een hbo-opleiding afgerond of hbo werk- en denkniveau"
    case .municipalTraining:
      "heeft een jobcoachopleiding gevolgd (module met certificaat, of incompany-training)"
    case .internalGuidanceTraining:
      "heeft een training gevolgd om werknemers met een beperking op de werkplek te begeleiden"
    default: "heeft aantoonbare ervaring met het geven van werkinstructies"
    }
  }

  func notQualified(_ rule: RuleID) -> String {
    switch rule {
    case .municipalEducation: "heeft geen hbo-diploma en geen vastgesteld hbo werk- en denkniveau"
    case .municipalTraining:
      "heeft geen certificaat of diploma van een jobcoachmodule en geen incompany-training"
    case .internalGuidanceTraining:
      "heeft geen training om werknemers met een beperking op de werkplek te begeleiden "
        + "(bijvoorbeeld een Harrie/Buddy-training)"
    default: "heeft geen aantoonbare ervaring met het geven van werkinstructies"
    }
  }
}
