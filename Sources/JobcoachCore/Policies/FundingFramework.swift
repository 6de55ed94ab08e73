/// A municipality's financial framework for coaching (F-1, F-6): the maximum subsidy per
/// framework year for each guidance level, how long coaching runs, and the flexibility of F-5.
/// Amounts are policy values; `g4` is the default table of the approach note (section 2.8).
public struct FundingFramework: Hashable, Sendable {
  /// The maximum subsidy of each framework year for one guidance level.
  public struct YearMaxima: Hashable, Sendable {
    public var year1: Money
    public var year2: Money
    /// The optional third year (uitloop, F-3).
    public var year3: Money

    public init(year1: Money, year2: Money, year3: Money) {
      self.year1 = year1
      self.year2 = year2
      self.year3 = year3
    }

    /// The maximum of framework year `year`; nil beyond the third.
    public func maximum(ofYear year: Int) -> Money? {
      switch year {
      case 1: year1
      case 2: year2
      case 3: year3
      default: nil
      }
    }
  }

  public var light: YearMaxima
  public var medium: YearMaxima
  /// Whether money may shift between the first two years, so only their sum is capped (F-5,
  /// Zaanstreek-Waterland's flexibility; the G4 table's "years 1+2" column).
  public var shiftsBetweenYears: Bool
  /// Whether a written motivation lets a grant go beyond the framework (F-5, "90-10 rule").
  public var allowsMotivatedExceptions: Bool
  /// The municipality's own internal rate, excluding VAT, at which a municipal coach's hours
  /// count against the budget (F-4); nil when the policy sets none.
  public var municipalCoachRate: Money?
  /// F-5 monitoring: the share of a year's placements with a motivated deviation above which
  /// `check` warns, in percent (the "90-10 rule": 10).
  public var deviationSharePercent: Int

  public init(
    light: YearMaxima, medium: YearMaxima, shiftsBetweenYears: Bool = false,
    allowsMotivatedExceptions: Bool = false, municipalCoachRate: Money? = nil,
    deviationSharePercent: Int = 10
  ) {
    self.light = light
    self.medium = medium
    self.shiftsBetweenYears = shiftsBetweenYears
    self.allowsMotivatedExceptions = allowsMotivatedExceptions
    self.municipalCoachRate = municipalCoachRate
    self.deviationSharePercent = deviationSharePercent
  }

  public func maxima(for level: GuidanceLevel) -> YearMaxima {
    switch level {
    case .light: light
    case .medium: medium
    }
  }

  /// Coaching is granted per half year (F-2).
  public static let periodMonths = 6
  /// At most two years (F-3) ...
  public static let standardYears = 2
  /// ... with an optional extension into a third.
  public static let maximumYears = 3

  /// The G4 table (F-1): light 2,700 / 1,400 / 1,400, medium 4,500 / 2,700 / 1,400 euros.
  public static let g4 = FundingFramework(
    light: YearMaxima(
      year1: Money(euros: 2_700), year2: Money(euros: 1_400), year3: Money(euros: 1_400)),
    medium: YearMaxima(
      year1: Money(euros: 4_500), year2: Money(euros: 2_700), year3: Money(euros: 1_400)))
}

/// The coaching protocol's values a funder can set (001): how much reporting it pays for and
/// how long it pays for coaching the employer.
public struct CoachingProtocol: Hashable, Sendable {
  /// The hours of reporting reimbursed per accountability report (P-3).
  public var reportingPerReport: Hours
  /// The years within which the employer should coach alone (P-6).
  public var employerCoachingYears: Int

  public init(reportingPerReport: Hours = Hours(wholeHours: 2), employerCoachingYears: Int = 3) {
    self.reportingPerReport = reportingPerReport
    self.employerCoachingYears = employerCoachingYears
  }

  /// The protocol of 's-Hertogenbosch (2023): 2 hours per report, 3 years.
  public static let standard = CoachingProtocol()
}
