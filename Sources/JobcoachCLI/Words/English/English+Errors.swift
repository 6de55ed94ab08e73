import JobcoachCore

extension English {
  func error(_ error: UseCaseError) -> String {
    switch error {
    case .unknownCoach(let id): "no coach with id '\(id)' in the registry"
    case .unknownPlacement(let id): "no placement with id '\(id)' in the registry"
    case .unknownPolicy(let id): "no policy with id '\(id)' in the registry"
    case .policyNotInForce(let id, let date, let first):
      "policy '\(id)' is not in force on \(date); its first version takes effect on \(first)"
    case .ambiguousPolicy(let municipality, let policies, let date):
      "municipality '\(municipality)' has several policies in force on \(date) ("
        + policies.map(\.rawValue).joined(separator: ", ") + "); choose one with --policy"
    case .cycleUndetermined(let coach):
      "coach '\(coach)' is not in the register and the portfolio gives no 'registeredSince': "
        + "the cycle cannot be determined"
    case .noPortfolio(let coach?): "no portfolio of coach '\(coach)' in the documents"
    case .noPortfolio(nil): "the documents hold no portfolio"
    case .severalPortfolios(let count): "the documents hold \(count) portfolios; name the coach"
    case .notInRegister(let coach): "coach '\(coach)' is not in the register"
    case .alreadyRegistered(let coach, let number, let since):
      "coach '\(coach)' is already in the register as \(number) since \(since)"
    case .alreadyRemoved(let coach): "coach '\(coach)' was removed from the register"
    case .notRegistered(let coach, let status, let date):
      "coach '\(coach)' is \(status.map(self.status) ?? "not yet registered") on \(date), not "
        + "registered in good standing"
    case .lapsed(let coach, let since, let date):
      "coach '\(coach)' is not registered on \(date): the registration lapsed on \(since) "
        + "(R-RE-3)"
    case .renewalWindowNotOpen(let coach, let period, let opens):
      "the renewal of coach '\(coach)' for period \(period.number) (\(interval(period.period))) opens on "
        + "\(opens) (R-RE-3)"
    case .gracePeriodOver(let coach, let period, let ended):
      "coach '\(coach)' lapsed: period \(period.number) (\(interval(period.period))) was not renewed and "
        + "the grace period ended on \(ended) (R-RE-3); only a new admission brings them back"
    case .suspensionEndsBeforeItStarts(let coach):
      "the suspension of coach '\(coach)' ends before it starts; --until is on or after --on"
    case .notSuspended(let coach, let date):
      "coach '\(coach)' is not suspended on \(date); only a suspension ends with reinstate"
    case .unknownBooking(let booking, let placement, let date):
      "no booking '\(booking)' on placement '\(placement)' dated on or before \(date)"
    case .nothingHeld(let booking, let date):
      "booking '\(booking)' has no hours held for the funder on \(date); a decision settles "
        + "held hours only (F-7)"
    case .unknownRegister(let id, let known):
      "no register with id '\(id)' in the registry; it holds "
        + known.map(\.rawValue).joined(separator: ", ")
    case .registerNotChosen(let choices):
      "several registers apply (" + choices.map(\.rawValue).joined(separator: ", ")
        + "); choose one with --register"
    case .alreadyRenewed(let coach, let cycle, let date):
      "coach '\(coach)' was already re-registered for cycle \(cycle) on \(date)"
    }
  }
}
