import JobcoachCore

extension Dutch {
  func register(_ reason: RegisterReason) -> String {
    switch reason {
    case .educationCompleted(let title, let provider, let date):
      "\(title) (\(provider)) afgerond op \(self.date(date)), op die datum erkend door de "
        + "beroepsvereniging"
    case .noRecognisedEducation(let shortfalls):
      "geen afgeronde jobcoachopleiding die de beroepsvereniging erkent: "
        + (shortfalls.isEmpty
          ? "er is geen diploma van een jobcoachopleiding vastgelegd"
          : shortfalls.map(education).joined(separator: "; "))
    case .experience(let total, let required, let missing, let diploma, let later, let date):
      (missing.map {
        "\(hours(total)) werkervaring als jobcoach; \(hours(required)) nodig, er ontbreekt "
          + hours($0)
      } ?? "\(hours(total)) werkervaring als jobcoach, ten minste \(hours(required))")
        + (diploma.map {
          " (\($0.register) vraagt \(hours(required)) met een diploma van \($0.education))"
        } ?? "")
        + (later > 0
          ? " (\(count(later, "vermelding eindigt", "vermeldingen eindigen")) na "
            + "\(self.date(date)) en \(later == 1 ? "telt" : "tellen") nog niet mee)"
          : "")
    case .assessmentSufficient(let missing, let judgedOn):
      "eerder ingeschreven zonder te voldoen aan \(ids(missing)); de portfoliobeoordeling van "
        + "\(date(judgedOn)) was voldoende"
    case .assessmentInsufficient(let judgedOn, let deadline, let overdue, let points):
      "de portfoliobeoordeling van \(date(judgedOn)) was onvoldoende"
        + (deadline.map { ", te verbeteren vóór \(date($0))" } ?? "")
        + (overdue ? " (de termijn is verstreken)" : "") + "; verbeterpunten: "
        + (points ?? "niet genoemd")
    case .assessmentDue(let missing):
      "eerder ingeschreven en voldoet niet aan de huidige toelatingseisen (\(ids(missing))): "
        + "een portfoliobeoordeling is nodig"
    case .activityWithoutEvidence(let id, let title, let hours):
      "activiteit '\(id)' (\(title)) heeft geen bewijsstuk (certificaat of presentielijst); de "
        + "\(self.hours(hours)) tellen niet mee"
    case .sameActivity(let id, let title, let first):
      "activiteit '\(id)' (\(title)) is dezelfde als '\(first)' en telt één keer"
    case .claimReduced(let id, let title, let claimed, let worth):
      "activiteit '\(id)' (\(title)): opgegeven \(hours(claimed)), de accreditatie is "
        + "\(hours(worth)) waard; \(hours(worth)) tellen mee"
    case .claimNotAccredited(let id, let title, let shortfall, let hours):
      "activiteit '\(id)' (\(title)) is opgegeven als geaccrediteerd, maar \(claim(shortfall)); "
        + "de \(self.hours(hours)) tellen als vrij in te vullen uren"
    case .totalHours(let counted, let required, let cycle, let shortfall):
      shortfall == nil
        ? "\(number(counted)) PE-uren tellen mee in de registratieperiode \(interval(cycle)), ten "
          + "minste \(number(required))"
        : "\(number(counted)) van de \(number(required)) PE-uren tellen mee in de "
          + "registratieperiode \(interval(cycle))" + missing(shortfall)
    case .practiceHours(let worked, let required, let shortfall):
      "\(hours(worked)) praktijkuren in de registratieperiode, \(hours(required)) vereist"
        + missing(shortfall)
    case .accreditedHours(let accredited, let minimum, let shortfall):
      "\(hours(accredited)) geaccrediteerd, ten minste \(hours(minimum))"
        + (shortfall == nil ? "" : " nodig" + missing(shortfall))
    case .freeHours(let free, let counted, let maximum):
      free > maximum
        ? "\(hours(free)) vrij in te vullen, waarvan \(hours(counted)) meetellen (ten hoogste "
          + "\(hours(maximum))); \(hours(free - maximum)) "
          + (free - maximum == Hours(wholeHours: 1) ? "telt" : "tellen") + " niet mee"
        : "\(hours(free)) vrij in te vullen, alle tellen mee (ten hoogste \(hours(maximum)))"
    case .lapsed(let number, let date, let reason, let final):
      "registernummer \(number) is verlopen op \(self.date(date)): \(lapse(reason))"
        + (final ? "; alleen een nieuwe inschrijving brengt de jobcoach terug" : "")
    case .registered(let number, let since, let until):
      "registerjobcoach \(number) sinds \(date(since)), geldig t/m \(date(until))"
    case .status(let number, let status, let date):
      "registernummer \(number) heeft op \(self.date(date)) de status '\(self.status(status))'"
    case .notYetRegistered(let number, let date):
      "registernummer \(number) is op \(self.date(date)) nog niet geldig"
    case .numberUnchecked(let number):
      "geeft registernummer \(number) op, maar er is geen openbaar register ingelezen om het te "
        + "controleren"
    case .numberNotPublished(let number, let publishedOn):
      "registernummer \(number) staat niet in het openbaar register van \(date(publishedOn))"
    case .numberOfAnotherName(let number, let publishedOn):
      "registernummer \(number) hoort in het openbaar register van \(date(publishedOn)) bij een "
        + "andere naam; controleer de identiteit van de jobcoach"
    case .publishedStatus(let number, let status, let publishedOn):
      "registernummer \(number) heeft in het openbaar register van \(date(publishedOn)) de "
        + "status '\(self.status(status))'"
    case .publishedUntil(let number, let until, let publishedOn):
      "registernummer \(number) was geldig t/m \(date(until)) in het openbaar register van "
        + date(publishedOn)
    case .publishedRegistered(let number, let since, let until, let publishedOn):
      "registerjobcoach \(number) sinds \(date(since))"
        + (until.map { ", geldig t/m \(date($0))" } ?? "")
        + ", in het openbaar register van \(date(publishedOn))"
    }
  }

  func missing(_ shortfall: Shortfall?) -> String {
    guard let shortfall else { return "" }
    return "; er ontbreekt \(hours(shortfall.missing))"
      + (shortfall.byWhen.map {
        " vóór \(date($0)) (nog \(count(shortfall.daysLeft, "dag", "dagen")))"
      } ?? "")
  }

  func education(_ shortfall: EducationShortfall) -> String {
    switch shortfall {
    case .issuedOnlyOn(let id, let date):
      "het diploma van '\(id)' wordt pas afgegeven op \(self.date(date))"
    case .notOnList(let id): "'\(id)' staat niet op de lijst van opleidingen van de beroepsvereniging"
    case .notRecognisedByRegister(let title, let register): "\(title) is niet erkend door \(register)"
    case .recognisedOtherwise(let title, let recognition, let diplomaDate):
      "\(title) was erkend \(interval(recognition)), niet op de diplomadatum \(date(diplomaDate))"
    }
  }

  func claim(_ shortfall: ClaimShortfall) -> String {
    switch shortfall {
    case .noCode: "er is geen accreditatiecode"
    case .notInCatalogue(let code): "accreditatiecode '\(code)' staat niet in de catalogus"
    case .notValidOn(let code, let validity, let date):
      "accreditatiecode '\(code)' is geldig \(interval(validity)), niet op \(self.date(date))"
    }
  }

  func activity(_ note: ActivityJudgement.Note) -> String {
    switch note {
    case .outsideCycle(let cycle): "buiten de registratieperiode \(interval(cycle))"
    case .afterDate(let date): "na de beoordeelde datum (\(self.date(date))): nog niet gevolgd"
    case .noEvidence: "geen bewijsstuk (certificaat of presentielijst): niet aantoonbaar"
    case .sameAs(let first):
      "dezelfde activiteit als '\(first)' (code of titel, datum en bewijsstuk): telt één keer"
    case .reduced(let claimed, let worth):
      "opgegeven \(hours(claimed)), de accreditatie is \(hours(worth)) waard; \(hours(worth)) "
        + "tellen mee"
    case .countedAsFree(let shortfall): "\(claim(shortfall)); telt als vrij in te vullen uren"
    }
  }

  func lapse(_ reason: LapseReason) -> String {
    switch reason {
    case .assessmentDeadlinePassed:
      "de termijn van een onvoldoende portfoliobeoordeling is verstreken zonder voldoende "
        + "beoordeling"
    case .notRenewed(let period, let days, let graceEnds):
      "registratieperiode \(period) (\(interval(days))) is niet verlengd met een herregistratie"
        + (graceEnds.map { "; herregistreren kan nog t/m \(date($0))" } ?? "")
    }
  }
}
