/// Why a use case cannot answer the question as asked: the input names something the registry
/// does not hold, or a register action does not apply. The front end reports it as bad input.
/// Why a use case refuses, as values; the front end words it (nl, en).
public enum UseCaseError: Error, Hashable, Sendable {
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
}
