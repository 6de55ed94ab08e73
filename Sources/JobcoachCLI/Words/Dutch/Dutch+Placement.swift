import JobcoachCore

extension Dutch {
  func level(_ level: GuidanceLevel) -> String { Words.level(level, .nl) }

  func funding(_ reason: FundingReason) -> String {
    switch reason {
    case .noGrant(let placement):
      "voor plaatsing \(placement) is geen toekenning vastgelegd; het financieel kader is niet "
        + "te controleren"
    case .framework(let policy, let g4, let level, let maxima, let shifts):
      "beleid \(policy) hanteert \(g4 ? "het standaardkader van de G4" : "een eigen kader"): "
        + "begeleidingsniveau \(self.level(level)) ten hoogste \(money(maxima.year1)) in "
        + "kaderjaar 1, \(money(maxima.year2)) in kaderjaar 2, \(money(maxima.year3)) in "
        + "kaderjaar 3" + (shifts ? "; geld mag schuiven tussen kaderjaar 1 en 2" : "")
    case .noPeriods: "de toekenning heeft geen perioden; begeleiding wordt per half jaar toegekend"
    case .periodTooLong(let period, let lastDay):
      "periode \(interval(period)) is langer dan een half jaar (die mag lopen t/m "
        + "\(date(lastDay)))"
    case .periodsOverlap(let period, let previous):
      "periode \(interval(period)) overlapt met periode \(interval(previous))"
    case .periodsGranted(let count, let days):
      "\(self.count(count, "halfjaarperiode", "halfjaarperioden")) toegekend, \(interval(days))"
    case .grantedUnfunded(let granted, let years, let covered):
      "\(money(granted)) toegekend in \(self.years(years)), dat het kader niet financiert"
        + beyond(covered)
    case .grantedAbove(let granted, let years, let over, let level, let maximum, let covered):
      "\(money(granted)) toegekend in \(self.years(years)), \(money(over)) boven het maximum van "
        + "\(money(maximum)) voor begeleidingsniveau \(self.level(level))" + beyond(covered)
    case .grantedWithin(let granted, let years, let level, let maximum):
      "\(money(granted)) toegekend in \(self.years(years)), binnen het maximum van "
        + "\(money(maximum)) voor begeleidingsniveau \(self.level(level))"
    case .durationStandard(let until, let years):
      "begeleiding toegekend t/m \(date(until)), binnen de eerste \(years) jaar"
    case .durationThirdYear(let until):
      "begeleiding toegekend t/m \(date(until)), tot in het optionele derde jaar"
    case .durationBeyond(let until, let year, let lastYear, let frameworkEnds, let covered):
      "begeleiding toegekend t/m \(date(until)), in kaderjaar \(year); het kader eindigt na "
        + "kaderjaar \(lastYear) (\(date(frameworkEnds)))" + beyond(covered)
    case .municipalRateMissing(let policy):
      "hetzelfde kader geldt voor een gemeentelijke jobcoach, maar beleid \(policy) noemt geen "
        + "intern tarief: de uren van de jobcoach zijn niet tegen het budget te tellen"
    case .municipalRate(let policy, let rate):
      "hetzelfde kader geldt voor een gemeentelijke jobcoach: de uren tellen tegen het interne "
        + "tarief van beleid \(policy), \(money(rate)) per uur, exclusief btw"
    case .sameFramework(let kind, let rate):
      "hetzelfde kader geldt voor \(withArticle(kind)); "
        + (rate == .zero ? "geen uurtarief" : "\(money(rate)) per uur, exclusief btw")
        + ", kosten buiten het kader zijn voor de werkgever"
    case .noMotivation: "de toekenning gaat boven het kader uit zonder schriftelijke motivering"
    case .motivationNotAllowed(let policy):
      "de toekenning gaat boven het kader uit; beleid \(policy) staat geen gemotiveerde "
        + "afwijking toe"
    case .motivated: "de toekenning gaat met een schriftelijke motivering boven het kader uit"
    case .deviationShare(let motivated, let total, let year, let percent, let above, let threshold, let policy):
      "\(motivated) van \(count(total, "plaatsing", "plaatsingen")) met begeleiding vanaf \(year) "
        + "(\(percent)%) \(motivated == 1 ? "heeft" : "hebben") een gemotiveerde afwijking; "
        + (above ? "boven" : "binnen") + " de \(threshold)% van "
        + (policy.map { "beleid \($0)" } ?? "de standaard")
    }
  }

  func beyond(_ covered: Bool) -> String {
    covered
      ? "; toegestaan door de schriftelijke motivering (F-5)"
      : "; kosten buiten het kader zijn voor de werkgever"
  }

  /// `kaderjaar 1`, `kaderjaar 1-2`.
  func years(_ years: FrameworkYears) -> String {
    years.count == 1
      ? "kaderjaar \(years.lowerBound)" : "kaderjaar \(years.lowerBound)-\(years.upperBound)"
  }

  func report(_ name: ReportName) -> String {
    switch name {
    case .report(let id): "verantwoordingsrapportage \(id)"
    case .reportOver(let id, let period): "verantwoordingsrapportage \(id), \(interval(period))"
    case .period(let period): "periode \(interval(period))"
    }
  }

  func placement(_ reason: PlacementReason) -> String {
    switch reason {
    case .spent(let spent, let years, let days, let limit):
      spent <= limit
        ? "\(money(spent)) besteed in \(self.years(years)) (\(interval(days))) van "
          + "\(money(limit)); \(money(limit - spent)) over"
        : "\(money(spent)) besteed in \(self.years(years)) (\(interval(days))), "
          + "\(money(spent - limit)) boven het budget van \(money(limit)); kosten buiten het "
          + "kader zijn voor de werkgever (F-4)"
    case .bookedOutsidePeriods(let hours):
      "\(self.hours(hours)) geschreven buiten de toegekende perioden, niet declarabel"
    case .noPlan: "er is geen coachingsplan"
    case .planNotAgreedBy(let parties):
      "het coachingsplan is niet ondertekend door de " + list(parties.map(party), "en")
    case .planAgreedLate(let agreedOn, let date):
      "het coachingsplan is pas ondertekend op \(self.date(agreedOn)), na \(self.date(date))"
    case .planWithoutGoals: "het coachingsplan noemt geen coachingsdoelen"
    case .planAgreed: "het coachingsplan is ondertekend door alle drie"
    case .bookedByUnassigned(let hours, let coaches):
      "\(self.hours(hours)) geschreven door \(ids(coaches)), op die dagen niet ingezet op de "
        + "plaatsing; niet declarabel"
    case .allHoursAttributed: "elk geschreven uur hoort bij een coachingsdoel"
    case .hoursNotAttributed(let hours):
      "\(self.hours(hours)) horen bij geen coachingsdoel van het coachingsplan en zijn niet "
        + "declarabel"
    case .unknownActivities(let hours, let activities):
      "\(self.hours(hours)) aan activiteiten die het protocol niet noemt ("
        + activities.map(activity).joined(separator: ", ")
        + "): ter beoordeling bij de financier (F-7)"
    case .noExcludedActivities: "geen niet-declarabele activiteiten geschreven"
    case .excludedActivities(let kinds):
      kinds.map { "\(hours($0.hours)) \(activity($0.activity))" }.joined(separator: ", ")
        + " geschreven; het protocol vergoedt deze niet"
    case .bookedOnHoliday(let hours):
      "\(self.hours(hours)) geschreven terwijl de werknemer met vakantie was: niet declarabel, "
        + "met of zonder instemming, tenzij de financier ze accepteert (ter beoordeling, F-7)"
    case .bookedWhileSick(let hours):
      "\(self.hours(hours)) geschreven terwijl de werknemer ziek was, zonder schriftelijke "
        + "instemming van de financier vóór de geschreven dag; niet declarabel"
    case .bookedDuringApprovedAbsence(let hours):
      "\(self.hours(hours)) geschreven tijdens verzuim met schriftelijke instemming van de "
        + "financier: de verantwoordingsrapportage moet dat vermelden en laten zien dat ze op "
        + "werkhervatting gericht waren"
    case .employerCoachingLate(let hours, let after, let years):
      "\(self.hours(hours)) begeleiding van de leidinggevende na \(date(after)); de werkgever "
        + "hoort binnen \(years) jaar zelf te begeleiden"
    case .homeSituationNotWork(let hours):
      "\(self.hours(hours)) begeleiding in de thuissituatie zijn niet werkgerelateerd en niet "
        + "declarabel"
    case .homeSituationNeedsReview(let hours):
      "begeleiding in de thuissituatie (\(self.hours(hours))) ter beoordeling bij de "
        + "financier: uit de urenregistratie blijkt niet dat deze direct werkgerelateerd was (F-7)"
    case .reportingWithin(let total, let name, let cap):
      "\(hours(total)) rapportage voor \(report(name)), binnen \(hours(cap))"
    case .reportingOver(let total, let name, let cap):
      "\(hours(total)) rapportage voor \(report(name)); \(hours(cap)) declarabel, de overige "
        + "\(hours(total - cap)) alleen als de financier ze accepteert (ter beoordeling, F-7)"
    case .reportingOutsideGoal: "rapportage geschreven buiten het doel 'evaluatie en afstemming'"
    case .heldAwaiting(let hours):
      "\(self.hours(hours)) ter beoordeling bij de financier: niet betaald en niet geweigerd tot "
        + "er een besluit is vastgelegd (jobcoach hours decide)"
    case .heldDecided(let hours, let accepted, let decision, let date, let by, let reason):
      "\(self.hours(hours)) ter beoordeling \(accepted ? "geaccepteerd" : "afgewezen") bij "
        + "besluit \(decision) van de financier van \(self.date(date)) (\(by)): \(reason)"
    case .periodWithoutResult(let period):
      "periode \(interval(period)) is afgelopen zonder vastgelegd resultaat"
    case .periodResult(let period, let result):
      "periode \(interval(period)) is afgelopen: \(Words.result(result, .nl))"
    case .presentAtStart(let date): "de jobcoach was bij de start aanwezig (\(self.date(date)))"
    case .noVisitAtStart(let date):
      "geen bezoek op de eerste dag van de proefplaatsing (\(self.date(date)))"
    case .contactsInEveryWindow(let rule, let windows):
      "\(frequency(rule).what) in elk van de \(windows) volledige \(units(rule, windows))"
    case .contactsShort(let rule, let short, let windows):
      "minder dan verwacht (\(frequency(rule).what)) in \(short.count) van de \(windows) "
        + units(rule, windows) + ": "
        + short.prefix(3).map { window in
          "\(interval(window.days)): \(window.contacts)"
            + (window.reached.map { reached in
              reached.count == ContactParty.allCases.count
                ? ""
                : " (geen contact met de "
                  + list(
                    ContactParty.allCases.filter { !reached.contains($0) }.map {
                      $0 == .employer ? "werkgever" : "werknemer"
                    }, "of") + ")"
            } ?? "")
        }.joined(separator: "; ")
        + (short.count > 3 ? "; en nog \(short.count - 3)" : "")
    case .averageVisits(let rule, let visits, let windows, let excused, let hundredths, let required, let short):
      "\(count(visits, "bezoek", "bezoeken")) in \(windows) volledige \(units(rule, windows))"
        + (excused > 0
          ? " (\(excused) \(units(rule, excused)) geheel tijdens verzuim niet meegeteld)" : "")
        + ": gemiddeld \(average(hundredths, ",")) per \(frequency(rule).unit), ten minste "
        + "\(required) verwacht" + (short.map { "; \($0) te weinig" } ?? "")
    case .visitsOnSameDays:
      "bezoeken aan de andere plaatsingen van de jobcoach bij deze werkgever vallen op dezelfde "
        + "dagen"
    case .visitsCouldBeClustered(let weeks):
      "bezoeken kunnen worden gecombineerd met de andere plaatsingen bij dezelfde werkgever: "
        + weeks.map { "\($0.placement) in de week van \(date($0.week))" }.joined(separator: ", ")
    }
  }

  func frequency(_ rule: RuleID) -> (unit: String, what: String) {
    switch rule {
    case .trialPlacementVisits: ("week", "ten minste één bezoek")
    case .package0Contact: ("kwartaal", "contact met werkgever en werknemer")
    case .package1Visits: ("maand", "ten minste één bezoek")
    case .package2Visits: ("maand", "ten minste twee bezoeken")
    default: ("kwartaal", "een controle van de loonkostensubsidie")
    }
  }

  func units(_ rule: RuleID, _ count: Int) -> String {
    let unit = frequency(rule).unit
    guard count != 1 else { return unit }
    return switch unit {
    case "week": "weken"
    case "maand": "maanden"
    default: "kwartalen"
    }
  }

  func registry(_ reason: RegistryReason) -> String {
    switch reason {
    case .ambiguousPolicy(let municipality, let policies, let date, let placement):
      placement
        ? "het beleid van gemeente '\(municipality)' is op \(self.date(date)) niet te kiezen: "
          + "er gelden er meer (\(ids(policies))); de plaatsing is niet te beoordelen tot één "
          + "ervan eindigt of wordt genoemd"
        : "op \(self.date(date)) gelden meer beleidsregels (\(ids(policies))): de plaatsingen "
          + "zijn niet te beoordelen tot één ervan eindigt of wordt genoemd"
    case .policyNotChosen(let error): self.error(error)
    case .recognised(let framework, let date, let until):
      "op \(self.date(date)) door UWV erkend (erkenningskader \(framework))"
        + (until.map { ", t/m \(self.date($0))" } ?? "")
    case .notRecognised(let date):
      "op \(self.date(date)) geen erkenning door UWV: de jobcoaches van deze organisatie zijn "
        + "niet als externe jobcoach in te zetten"
    case .assignedForNonEmployer(let coach, let placement, let organisation, let date):
      "\(coach) is ingezet op plaatsing \(placement) namens '\(organisation)', die de jobcoach "
        + "op \(self.date(date)) niet in dienst heeft"
    }
  }

  func booking(_ reason: BookingReason) -> String {
    switch reason {
    case .notAssigned(let coach, let placement, let date):
      "geschreven door \(coach), die op \(self.date(date)) niet is ingezet op plaatsing "
        + "\(placement)"
    case .noGrant: "voor deze plaatsing is geen begeleiding toegekend"
    case .outsidePeriods: "geschreven buiten de toegekende perioden"
    case .excludedActivity(let activity): "\(self.activity(activity)) is niet declarabel"
    case .notAttributed: "hoort bij geen coachingsdoel van het coachingsplan"
    case .goalNotInPlan(let goal): "doel '\(goal)' staat niet in het coachingsplan"
    case .onHoliday(let period):
      "de werknemer was met vakantie (\(interval(period))); begeleiding is dan niet declarabel, "
        + "tenzij de financier die accepteert"
    case .sick(let period, let approvedOn):
      "de werknemer was ziek (\(interval(period))); begeleiding "
        + (approvedOn.map { "niet na de schriftelijke instemming van de financier van \(date($0))" }
          ?? "zonder schriftelijke instemming van de financier") + " is niet declarabel"
    case .unknownActivity(let activity):
      "\(self.activity(activity)) is geen begeleiding en staat niet op de lijst van "
        + "niet-declarabele activiteiten van het protocol; ter beoordeling bij de financier"
    case .supervisorCoachingLate(let years, let start):
      "begeleiding van de leidinggevende meer dan \(years) jaar na de start van de begeleiding "
        + "(\(date(start)))"
    case .homeSituationNotWork: "begeleiding in de thuissituatie die niet werkgerelateerd is"
    case .homeSituationUnstated:
      "begeleiding in de thuissituatie waarvan de urenregistratie niet zegt dat die "
        + "werkgerelateerd was; ter beoordeling bij de financier"
    case .reportingBeyondCap(let cap, let name):
      "meer dan de \(hours(cap)) rapportage die per verantwoordingsrapportage declarabel is "
        + "(\(report(name))); de rest is ter beoordeling bij de financier"
    case .rejected(let reason, let decision):
      "\(booking(reason)); afgewezen bij besluit \(decision.id) van de financier van "
        + "\(date(decision.decidedOn)) (\(decision.decidedBy)): \(decision.reason)"
    }
  }
}
