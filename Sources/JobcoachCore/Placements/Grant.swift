/// How intensive the coaching of a placement is (begeleidingsniveau, F-1).
public enum GuidanceLevel: String, CaseIterable, Hashable, Sendable {
  /// Licht.
  case light
  /// Midden.
  case medium
}

/// The coaching package a municipality grants where it works with packages (K-1..K-4), each
/// with the contact frequency it promises.
public enum CoachingPackage: String, CaseIterable, Hashable, Sendable {
  /// Pakket proefplaatsing: present at the start, then about one visit a week (K-1).
  case trialPlacement = "trial-placement"
  /// Pakket 0: no coaching talks, contact once every three months (K-2).
  case package0 = "package-0"
  /// Pakket 1: about one coaching visit a month (K-3).
  case package1 = "package-1"
  /// Pakket 2: about two coaching visits a month (K-4).
  case package2 = "package-2"
}

/// The result a coaching period ends with (jobcoachresultaat, P-8).
public enum PeriodResult: String, CaseIterable, Hashable, Sendable {
  /// Werkzaam zonder begeleiding.
  case worksWithoutCoaching = "works-without-coaching"
  /// Werkzaam, vervolgaanvraag op een lichter regime.
  case followUpLighter = "follow-up-lighter"
  /// Werkzaam, vervolgaanvraag op een gelijkblijvend regime.
  case followUpSame = "follow-up-same"
  /// Werkzaam, vervolgaanvraag op een hoger regime.
  case followUpHeavier = "follow-up-heavier"
  /// Werkzaam met begeleiding van de werkgever.
  case worksUnderEmployerGuidance = "works-under-employer-guidance"
  /// Niet meer werkzaam.
  case noLongerWorking = "no-longer-working"
}

/// One half year of coaching granted (F-2), the amount granted for it where the municipality
/// sets one, and the result it ended with (P-8).
public struct GrantPeriod: Hashable, Sendable {
  public var period: DateInterval
  /// The budget granted for this period; nil when the grant follows the framework's maxima.
  public var amount: Money?
  public var result: PeriodResult?

  public init(
    start: CalendarDate, end: CalendarDate, amount: Money? = nil, result: PeriodResult? = nil
  ) {
    self.period = DateInterval(start: start, end: end)
    self.amount = amount
    self.result = result
  }

  public var start: CalendarDate { period.start }
  /// Periods always have an end: coaching is granted per half year.
  public var end: CalendarDate { period.end ?? period.start }
}

/// The written motivation that lets a grant go beyond the framework (F-5, the "90-10 rule").
public struct Motivation: Hashable, Sendable {
  public var evidence: EvidenceReference
  /// A short summary of why the framework does not fit this case.
  public var summary: String

  public init(evidence: EvidenceReference, summary: String) {
    self.evidence = evidence
    self.summary = summary
  }
}

/// The coaching a municipality grants a placement (toekenning): guidance level, half-year
/// periods, hourly rate, package, and a motivation where it goes beyond the framework.
public struct Grant: Hashable, Sendable {
  public var level: GuidanceLevel
  /// The fixed hourly rate the municipality pays; zero for municipal coaching.
  public var hourlyRate: Money
  public var package: CoachingPackage?
  public var motivation: Motivation?
  /// Ordered by start date.
  public var periods: [GrantPeriod]

  public init(
    level: GuidanceLevel, hourlyRate: Money, package: CoachingPackage? = nil,
    motivation: Motivation? = nil, periods: [GrantPeriod]
  ) {
    self.level = level
    self.hourlyRate = hourlyRate
    self.package = package
    self.motivation = motivation
    self.periods = periods.sorted { $0.start < $1.start }
  }

  /// The first day of coaching: year 1 of the framework starts here.
  public var coachingStart: CalendarDate? { periods.first?.start }

  /// The framework year (1, 2, 3, ...) that `date` falls in; nil before coaching starts.
  public func year(of date: CalendarDate) -> Int? {
    guard let start = coachingStart, date >= start else { return nil }
    var year = 1
    while start.adding(years: year) <= date { year += 1 }
    return year
  }

  /// The days of framework year `year`.
  public func days(ofYear year: Int) -> DateInterval? {
    guard let start = coachingStart else { return nil }
    return DateInterval(
      start: start.adding(years: year - 1), end: start.adding(years: year).adding(days: -1))
  }

  /// The granted period that holds `date`, if any.
  public func period(containing date: CalendarDate) -> GrantPeriod? {
    periods.last { $0.period.contains(date) }
  }
}
