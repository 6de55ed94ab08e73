/// A funder decision's id, for example `DEC-PL-2026-009-1`.
public struct DecisionID: RecordIdentifier {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
}

/// An accountability report's id, for example `RAP-2026-1`.
public struct ReportID: RecordIdentifier {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
}

/// An accountability report delivered to the funder (verantwoordingsrapportage): the days it
/// covers and the day it was delivered. P-3's reporting hours are per report.
public struct ReportRecord: Hashable, Sendable {
  public var id: ReportID
  public var period: DateInterval
  public var deliveredOn: CalendarDate

  public init(id: ReportID, period: DateInterval, deliveredOn: CalendarDate) {
    self.id = id
    self.period = period
    self.deliveredOn = deliveredOn
  }
}

/// Whether the funder pays held hours.
public enum DecisionOutcome: String, CaseIterable, Hashable, Sendable {
  case accept, reject
}

/// A funder's decision on held hours (F-7): which bookings of a placement, accepted or
/// rejected, why, by whom, on which day. Held hours stay unpaid until one is recorded.
public struct FunderDecision: Hashable, Sendable {
  public var id: DecisionID
  public var placement: PlacementID
  public var bookings: [BookingID]
  public var outcome: DecisionOutcome
  public var reason: String
  /// Who decided, for the funder (a name, never a citizen service number).
  public var decidedBy: String
  public var decidedOn: CalendarDate

  public init(
    id: DecisionID, placement: PlacementID, bookings: [BookingID], outcome: DecisionOutcome,
    reason: String, decidedBy: String, decidedOn: CalendarDate
  ) {
    self.id = id
    self.placement = placement
    self.bookings = bookings
    self.outcome = outcome
    self.reason = reason
    self.decidedBy = decidedBy
    self.decidedOn = decidedOn
  }
}

extension [FunderDecision] {
  /// The decision in force for each booking on `date`: the latest decided on or before it
  /// (by day, then id).
  public func byBooking(on date: CalendarDate) -> [BookingID: FunderDecision] {
    var result: [BookingID: FunderDecision] = [:]
    for decision in sorted(by: { ($0.decidedOn, $0.id) < ($1.decidedOn, $1.id) })
    where decision.decidedOn <= date {
      for booking in decision.bookings { result[booking] = decision }
    }
    return result
  }
}
