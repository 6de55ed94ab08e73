/// A registration as it stands on one date: its status, the register cycle running and the day
/// it is valid until. The one home of "is this coach registered on this date, and until when":
/// `verify`, `check`, `pe`, `register due`, `remind` and `export public` all ask it.
public struct RegistrationStanding: Hashable, Sendable {
  public var date: CalendarDate
  /// The status on the date; nil before the first status change.
  public var status: MembershipStatus?
  /// The cycle the date falls in, counted from the admission (R-RE-1).
  public var cycle: RegisterCycle
  /// The re-registration recorded within the cycle, if any.
  public var renewal: StatusChange?

  /// The end of the running cycle, for a coach in the register on the date (registered,
  /// assessment due or suspended); nil otherwise.
  public var validUntil: CalendarDate? {
    guard let status, PublicRegister.publishedStatuses.contains(status) else { return nil }
    return cycle.end
  }

  public var isRegistered: Bool { status == .registered }
}

extension Membership {
  /// The standing on `date`, with the cycles of `norms`.
  public func standing(on date: CalendarDate, norms: PENormHistory) -> RegistrationStanding {
    let cycle = norms.cycle(containing: date, anchor: admittedOn)
    return RegistrationStanding(
      date: date, status: status(on: date), cycle: cycle, renewal: renewal(in: cycle))
  }
}

extension Portfolio {
  /// Where a coach's register cycles start: the admission of their membership, else the day
  /// the portfolio says they are registered since; nil when neither says.
  public func cycleAnchor(membership: Membership?) -> CalendarDate? {
    membership?.admittedOn ?? registeredSince
  }
}
