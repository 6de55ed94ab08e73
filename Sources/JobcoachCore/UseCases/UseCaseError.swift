/// Why a use case cannot answer the question as asked: the input names something the registry
/// does not hold, or a register action does not apply. The front end reports it as bad input.
public enum UseCaseError: Error, Hashable, Sendable, CustomStringConvertible {
  case unknownCoach(CoachID)
  case unknownPlacement(PlacementID)
  case unknownPolicy(PolicyID)
  /// The policy named has no version in force on the date.
  case policyNotInForce(PolicyID, on: CalendarDate, firstEffective: CalendarDate)
  /// Two or more policies of one municipality are in force on the date (Q-POL-1): which one
  /// applies is the caller's choice.
  case ambiguousPolicy(municipality: OrganisationID, policies: [PolicyID], on: CalendarDate)
  /// Neither a membership nor the portfolio says where the coach's register cycles start.
  case cycleUndetermined(CoachID)
  /// The documents hold no portfolio of the coach named, or several without a coach named.
  case noPortfolio(CoachID?)
  case severalPortfolios(count: Int)
  /// A register action that needs a membership, for a coach who has none.
  case notInRegister(CoachID)
  case alreadyRegistered(CoachID, registerNumber: String, since: CalendarDate)
  case alreadyRemoved(CoachID)
  /// `register renew` for a coach whose status on the date is not registered.
  case notRegistered(CoachID, status: MembershipStatus?, on: CalendarDate)
  /// The registration lapsed (R-RE-3) before the date: the decision is for registered coaches.
  case lapsed(CoachID, since: CalendarDate, on: CalendarDate)

  /// Why a decision for registered coaches does not apply to one in this standing.
  static func notInGoodStanding(_ coach: CoachID, _ standing: RegistrationStanding) -> Self {
    if let since = standing.lapsedOn { return .lapsed(coach, since: since, on: standing.date) }
    return .notRegistered(coach, status: standing.status, on: standing.date)
  }
  case alreadyRenewed(CoachID, cycle: Int, on: CalendarDate)
  /// R-RE-3: the renewal window of the running period has not opened yet.
  case renewalWindowNotOpen(CoachID, period: RegisterCycle, opens: CalendarDate)
  /// R-RE-3: the period ended and its grace period too; only a new admission helps.
  case gracePeriodOver(CoachID, period: RegisterCycle, graceEnded: CalendarDate)
  /// R-RE-4: a suspension's end before its start.
  case suspensionEndsBeforeItStarts(CoachID)
  /// R-RE-4: only a suspended coach is reinstated.
  case notSuspended(CoachID, on: CalendarDate)
  /// F-7: a booking a decision names is not on the placement (or not booked by the day).
  case unknownBooking(BookingID, placement: PlacementID, on: CalendarDate)
  /// F-7: a booking a decision names holds no hours for the funder.
  case nothingHeld(BookingID, on: CalendarDate)
  /// R-REG-1: no register with the id named.
  case unknownRegister(RegisterID, known: [RegisterID])
  /// Several registers could be meant (the registry's, or the coach's memberships): the caller
  /// chooses with --register.
  case registerNotChosen([RegisterID])

  public var description: String {
    switch self {
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
      "coach '\(coach)' is \(status?.rawValue ?? "not yet registered") on \(date), not "
        + "registered in good standing"
    case .lapsed(let coach, let since, let date):
      "coach '\(coach)' is not registered on \(date): the registration lapsed on \(since) "
        + "(R-RE-3)"
    case .renewalWindowNotOpen(let coach, let period, let opens):
      "the renewal of coach '\(coach)' for period \(period.number) (\(period.period)) opens on "
        + "\(opens) (R-RE-3)"
    case .gracePeriodOver(let coach, let period, let ended):
      "coach '\(coach)' lapsed: period \(period.number) (\(period.period)) was not renewed and "
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
