/// When a period can be renewed (R-RE-3): from the same day `windowMonths` before its last day
/// (a period ending 14 December 2026 from 14 June 2026) up to that last day, and late, in a
/// grace period of `graceMonths` after it. The defaults are the BvJN register's; each register
/// carries its own (R-REG-1).
public struct RenewalTerms: Hashable, Sendable {
  public var windowMonths: Int
  public var graceMonths: Int

  public init(windowMonths: Int = 6, graceMonths: Int = 3) {
    self.windowMonths = windowMonths
    self.graceMonths = graceMonths
  }

  public static let `default` = RenewalTerms()

  /// The first day a renewal of `period` is accepted.
  public func windowOpens(_ period: RegisterCycle) -> CalendarDate {
    period.end.adding(months: -windowMonths)
  }

  /// The last day a late renewal of `period` is accepted.
  public func graceEnds(_ period: RegisterCycle) -> CalendarDate {
    period.end.adding(months: graceMonths)
  }

  /// The days on which a renewal of `period` is accepted.
  public func acceptsRenewal(of period: RegisterCycle, on date: CalendarDate) -> Bool {
    windowOpens(period) <= date && date <= graceEnds(period)
  }
}

/// A registration as it stands on one date, derived from its recorded decisions (admission,
/// assessments, renewals, suspensions, removal), never from the admission date alone: the one
/// home of "is this coach registered on this date, and until when". `verify`, `check`, `pe`,
/// `register due`, `register renew`, `remind` and `export public` all ask it.
public struct RegistrationStanding: Hashable, Sendable {
  public var date: CalendarDate
  /// The status last recorded on or before the date; nil before the first change.
  public var status: MembershipStatus?
  /// The period the date falls in (R-RE-2); for a lapsed registration, the period that ended
  /// without renewal (the one a late renewal judges).
  public var cycle: RegisterCycle
  /// The renewal recorded for that period, if any.
  public var renewal: StatusChange?
  /// The registration lapsed (R-RE-3): its period ended, or an assessment's deadline passed,
  /// without renewal. From this day on.
  public var lapsedOn: CalendarDate?
  /// While lapsed after a period's end: the last day a late renewal restores it.
  public var graceEnds: CalendarDate?
  /// Lapsed because an insufficient assessment's deadline passed (R-ASM-1), not a period
  /// (then there is no grace period).
  public var lapsedAfterAssessment = false

  /// Lapsed after a period's end, with the grace period still running on the date: a late
  /// renewal restores the registration.
  public var isInGracePeriod: Bool { graceEnds.map { date <= $0 } == true }

  /// The status as a code for the register's word (`registered`, `lapsed`, ...); nil before
  /// the first status change.
  public var statusCode: String? { lapsedOn != nil ? "lapsed" : status?.rawValue }
  /// The first day the running period can be renewed.
  public var renewalWindowOpens: CalendarDate?

  /// In the register in good standing on the date: registered, in a running period, not
  /// lapsed, not suspended.
  public var isRegistered: Bool { status == .registered && lapsedOn == nil }

  /// Renewal due: registered, inside the renewal window, not yet renewed.
  public var isRenewalDue: Bool {
    isRegistered && renewal == nil && renewalWindowOpens.map { $0 <= date } == true
  }

  /// Whether the public register lists the coach: registered, assessment due or suspended,
  /// and not lapsed.
  public var isPublished: Bool {
    guard let status, lapsedOn == nil else { return false }
    return PublicRegister.publishedStatuses.contains(status)
  }

  /// Why the registration lapsed (nil when it did not).
  public var lapseReason: LapseReason? {
    guard lapsedOn != nil else { return nil }
    if lapsedAfterAssessment { return .assessmentDeadlinePassed }
    return .notRenewed(
      period: cycle.number, days: cycle.period, graceEnds: isInGracePeriod ? graceEnds : nil)
  }

  /// The end of the current period, for a coach the public register lists; nil otherwise.
  public var validUntil: CalendarDate? { isPublished ? cycle.end : nil }
}

extension Membership {
  /// The standing on `date` under the rules of `register` (its norms and renewal terms).
  public func standing(on date: CalendarDate, in register: Register) -> RegistrationStanding {
    standing(on: date, norms: register.norms, terms: register.renewal)
  }

  /// The standing on `date`, with the periods of `norms` and the renewal terms.
  ///
  /// Periods (R-RE-2) run from the admission, or from the latest sufficient portfolio
  /// assessment on or before the date, each as long as its norm's cycle; the next starts the
  /// day after, only when the period was renewed within its window or grace period (R-RE-3)
  /// on or before the date. Without that, the registration lapses the day after the period's
  /// end. An insufficient assessment's deadline that passes without a sufficient one lapses
  /// it too.
  public func standing(
    on date: CalendarDate, norms: PENormHistory, terms: RenewalTerms = .default
  ) -> RegistrationStanding {
    let recorded = status(on: date)
    let restart = assessments.filter { $0.result == .sufficient && $0.judgedOn <= date }
      .map(\.judgedOn).max()
    let anchor = max(admittedOn, restart ?? admittedOn)
    var period = norms.cycle(containing: anchor, anchor: anchor)
    var standing = RegistrationStanding(date: date, status: recorded, cycle: period)
    guard recorded != nil, recorded != .applicant else {
      standing.cycle = norms.cycle(containing: max(date, anchor), anchor: anchor)
      return standing
    }
    while true {
      let renewal = statusChanges.last {
        $0.rule == .reregistration && $0.status == .registered && $0.date <= date
          && terms.acceptsRenewal(of: period, on: $0.date)
      }
      if date <= period.end {
        standing.cycle = period
        standing.renewal = renewal
        standing.renewalWindowOpens = terms.windowOpens(period)
        break
      }
      guard renewal != nil else {
        standing.cycle = period
        standing.lapsedOn = period.end.adding(days: 1)
        standing.graceEnds = terms.graceEnds(period)
        break
      }
      period = norms.period(after: period)
    }
    // An insufficient assessment whose deadline passed without a sufficient one after it.
    if recorded == .assessmentDue, let latest = latestAssessment(on: date),
      latest.result == .insufficient, let deadline = latest.deadline, deadline < date
    {
      if standing.lapsedOn == nil || deadline.adding(days: 1) < standing.lapsedOn! {
        standing.lapsedOn = deadline.adding(days: 1)
        standing.graceEnds = nil
        standing.lapsedAfterAssessment = true
      }
    }
    return standing
  }
}
