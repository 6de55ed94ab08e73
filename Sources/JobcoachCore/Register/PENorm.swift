/// Which date of a cycle picks the norm version that applies to it.
public enum NormSelection: String, CaseIterable, Hashable, Sendable {
  /// The norm in force on the cycle's first day applies to the whole cycle.
  case cycleStart = "cycle-start"
  /// The norm in force on the cycle's last day applies.
  case cycleEnd = "cycle-end"
}

/// The professional-development norm of a register (R-PE-1..3), in force from a date. The seed's
/// norm is the default; other registers set other numbers without code changes.
public struct PENorm: Hashable, Sendable {
  /// The register whose norm this is (R-REG-1).
  public var register: RegisterID
  public var name: String
  public var effectiveFrom: CalendarDate
  public var cycleYears: Int
  /// R-PE-1: the hours a cycle needs in all.
  public var totalHours: Hours
  /// R-PE-2: of which at least this many accredited.
  public var minimumAccredited: Hours
  /// R-PE-3: free hours count up to this many.
  public var maximumFree: Hours
  /// Practice hours (praktijkuren) needed in a cycle besides PE; the seed gives no size.
  public var practiceHours: Hours?
  public var selection: NormSelection

  public init(
    name: String, effectiveFrom: CalendarDate, cycleYears: Int = 5,
    totalHours: Hours = Hours(wholeHours: 111), minimumAccredited: Hours = Hours(wholeHours: 81),
    maximumFree: Hours = Hours(wholeHours: 30), practiceHours: Hours? = nil,
    selection: NormSelection = .cycleStart, register: RegisterID = .seedDefault
  ) {
    self.register = register
    self.name = name
    self.effectiveFrom = effectiveFrom
    self.cycleYears = cycleYears
    self.totalHours = totalHours
    self.minimumAccredited = minimumAccredited
    self.maximumFree = maximumFree
    self.practiceHours = practiceHours
    self.selection = selection
  }

  /// The norm of Beroepsvereniging Jobcoaches Nederland (Box 5.1): 111 hours in five years, at
  /// least 81 accredited, free hours count up to 30.
  public static let seedDefault = PENorm(
    name: "BJN register norm (111 hours, 81 accredited, 30 free)",
    effectiveFrom: CalendarDate(year: 2000, month: 1, day: 1)!)
}

/// All versions of the register's PE norm.
public struct PENormHistory: Hashable, Sendable {
  /// Ordered by effective date; never empty.
  public let versions: [PENorm]

  public init(versions: [PENorm]) {
    self.versions =
      versions.isEmpty ? [.seedDefault] : versions.sorted { $0.effectiveFrom < $1.effectiveFrom }
  }

  public static let seedDefault = PENormHistory(versions: [.seedDefault])

  /// The version in force on `date`; the earliest one before any took effect.
  public func version(on date: CalendarDate) -> PENorm {
    versions.last { $0.effectiveFrom <= date } ?? versions[0]
  }

  /// The norm that applies to a cycle, as the norms' selection rule says.
  public func norm(for cycle: DateInterval) -> PENorm {
    let atStart = version(on: cycle.start)
    switch atStart.selection {
    case .cycleStart: return atStart
    case .cycleEnd: return version(on: cycle.end ?? cycle.start)
    }
  }

  /// The cycle that contains `date`, counting cycles of the norm's length from `anchor`
  /// (the admission date). Each cycle runs from its first day through the day before the next.
  public func cycle(containing date: CalendarDate, anchor: CalendarDate) -> RegisterCycle {
    var start = anchor
    var number = 1
    while true {
      let years = version(on: start).cycleYears
      let end = start.lastDayOfPeriod(months: years * 12)
      if date <= end || number >= 10_000 {
        return RegisterCycle(number: number, period: DateInterval(start: start, end: end))
      }
      start = end.adding(days: 1)
      number += 1
    }
  }
}

extension PENormHistory {
  /// The period that follows `period`: from the day after it ends, numbered next (R-RE-2).
  public func period(after period: RegisterCycle) -> RegisterCycle {
    let start = period.end.adding(days: 1)
    return RegisterCycle(
      number: period.number + 1, period: cycle(containing: start, anchor: start).period)
  }
}

/// One five-yearly re-registration cycle.
public struct RegisterCycle: Hashable, Sendable {
  public var number: Int
  /// Both days included; `end` is always set.
  public var period: DateInterval
  public var start: CalendarDate { period.start }
  public var end: CalendarDate { period.end! }
}
