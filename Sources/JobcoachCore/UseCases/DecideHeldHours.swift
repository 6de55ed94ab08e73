/// "The funder decides on held hours" (`jobcoach hours decide`, F-7): accepts or rejects the
/// held hours of bookings of one placement, with the reason, who decided and the day. Every
/// booking named must be on the placement and have hours held for the funder on the day;
/// else nothing is recorded.
public struct DecideHeldHours: Hashable, Sendable {
  public var placement: PlacementID
  public var bookings: [BookingID]
  public var outcome: DecisionOutcome
  public var reason: String
  public var decidedBy: String
  public var date: CalendarDate
  public var audit: AuditContext

  public init(
    placement: PlacementID, bookings: [BookingID], outcome: DecisionOutcome, reason: String,
    decidedBy: String, on date: CalendarDate, audit: AuditContext
  ) {
    self.placement = placement
    self.bookings = bookings
    self.outcome = outcome
    self.reason = reason
    self.decidedBy = decidedBy
    self.date = date
    self.audit = audit
  }

  /// The decision as recorded and the held hours it settles.
  public func run(in registry: some RegistryWriting) throws -> (FunderDecision, [HeldHours]) {
    let review = try ReviewPlacement(placement: placement, on: date).run(in: registry).review
    var settled: [HeldHours] = []
    for booking in bookings {
      guard let assessment = review.assessments.first(where: { $0.booking.id == booking }) else {
        throw UseCaseError.unknownBooking(booking, placement: placement, on: date)
      }
      guard !assessment.held.isEmpty else { throw UseCaseError.nothingHeld(booking, on: date) }
      settled += assessment.held
    }
    let decision = try registry.save(
      FunderDecision(
        id: "", placement: placement, bookings: bookings, outcome: outcome, reason: reason,
        decidedBy: decidedBy, decidedOn: date), audit: audit)
    return (decision, settled)
  }
}
