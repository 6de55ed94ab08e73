import JobcoachCore

extension Dutch {
  func error(_ error: UseCaseError) -> String {
    switch error {
    case .unknownCoach(let id): "er is geen jobcoach met id '\(id)' in het register"
    case .unknownPlacement(let id): "er is geen plaatsing met id '\(id)' in het register"
    case .unknownPolicy(let id): "er is geen beleid met id '\(id)' in het register"
    case .policyNotInForce(let id, let date, let first):
      "beleid '\(id)' geldt niet op \(self.date(date)); de eerste versie gaat in op "
        + self.date(first)
    case .ambiguousPolicy(let municipality, let policies, let date):
      "gemeente '\(municipality)' heeft op \(self.date(date)) meer beleidsregels ("
        + ids(policies) + "); kies er één met --policy"
    case .cycleUndetermined(let coach):
      "jobcoach '\(coach)' staat niet in het register en het portfolio noemt geen "
        + "'registeredSince': de registratieperiode is niet vast te stellen"
    case .noPortfolio(let coach?): "geen portfolio van jobcoach '\(coach)' in de documenten"
    case .noPortfolio(nil): "de documenten bevatten geen portfolio"
    case .severalPortfolios(let count):
      "de documenten bevatten \(count) portfolio's; noem de jobcoach"
    case .notInRegister(let coach): "jobcoach '\(coach)' staat niet in het register"
    case .alreadyRegistered(let coach, let number, let since):
      "jobcoach '\(coach)' staat al in het register als \(number) sinds \(date(since))"
    case .alreadyRemoved(let coach): "jobcoach '\(coach)' is uitgeschreven uit het register"
    case .notRegistered(let coach, let status, let date):
      "jobcoach '\(coach)' is op \(self.date(date)) "
        + (status.map(self.status) ?? "nog niet ingeschreven")
        + ", niet ingeschreven als registerjobcoach"
    case .lapsed(let coach, let since, let date):
      "jobcoach '\(coach)' is op \(self.date(date)) niet ingeschreven: de registratie is "
        + "verlopen op \(self.date(since)) (R-RE-3)"
    case .renewalWindowNotOpen(let coach, let period, let opens):
      "herregistratie van jobcoach '\(coach)' voor registratieperiode \(period.number) "
        + "(\(interval(period.period))) kan vanaf \(date(opens)) (R-RE-3)"
    case .gracePeriodOver(let coach, let period, let ended):
      "de registratie van jobcoach '\(coach)' is verlopen: registratieperiode \(period.number) "
        + "(\(interval(period.period))) is niet verlengd en de termijn voor late herregistratie "
        + "eindigde op \(date(ended)) (R-RE-3); alleen een nieuwe inschrijving brengt de "
        + "jobcoach terug"
    case .suspensionEndsBeforeItStarts(let coach):
      "de schorsing van jobcoach '\(coach)' eindigt voordat die begint; --until ligt op of na --on"
    case .notSuspended(let coach, let date):
      "jobcoach '\(coach)' is op \(self.date(date)) niet geschorst; alleen een schorsing eindigt "
        + "met reinstate"
    case .unknownBooking(let booking, let placement, let date):
      "geen urenregel '\(booking)' op plaatsing '\(placement)' op of vóór \(self.date(date))"
    case .nothingHeld(let booking, let date):
      "urenregel '\(booking)' heeft op \(self.date(date)) geen uren ter beoordeling bij de "
        + "financier; een besluit gaat alleen over die uren (F-7)"
    case .unknownRegister(let id, let known):
      "er is geen register met id '\(id)'; bekend zijn: \(ids(known))"
    case .registerNotChosen(let choices):
      "er gelden meer registers (\(ids(choices))); kies er één met --register"
    case .alreadyRenewed(let coach, let cycle, let date):
      "jobcoach '\(coach)' is op \(self.date(date)) al geherregistreerd voor registratieperiode "
        + "\(cycle)"
    }
  }
}
