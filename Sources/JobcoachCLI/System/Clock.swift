import JobcoachCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The wall clock, read only here: today's date in Europe/Amsterdam for rules, and a UTC
/// timestamp for the audit trail. Computed from the seconds since 1970 with the EU's summer
/// time rule (in force since 1996: CEST from the last Sunday of March, 01:00 UTC, to the last
/// Sunday of October, 01:00 UTC), so it needs no time-zone database on the machine.
enum Clock {
  /// Seconds since 1970-01-01 00:00 UTC.
  static func unixSeconds() -> Int {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int(now.tv_sec)
  }

  /// Nanoseconds on a clock that only moves forward, for durations.
  static func monotonicNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
  }

  /// The calendar day in Europe/Amsterdam at `seconds` since 1970.
  static func amsterdamDate(atUnixSeconds seconds: Int) -> CalendarDate {
    let offset = isSummerTime(atUnixSeconds: seconds) ? 7200 : 3600
    return CalendarDate(daysSinceEpoch: floorDivide(seconds + offset, 86_400))
  }

  /// Whether Central European Summer Time is in force at `seconds` since 1970.
  static func isSummerTime(atUnixSeconds seconds: Int) -> Bool {
    let year = CalendarDate(daysSinceEpoch: floorDivide(seconds, 86_400)).year
    let start = lastSunday(month: 3, year: year).daysSinceEpoch * 86_400 + 3600
    let end = lastSunday(month: 10, year: year).daysSinceEpoch * 86_400 + 3600
    return start <= seconds && seconds < end
  }

  /// The last Sunday of a month.
  static func lastSunday(month: Int, year: Int) -> CalendarDate {
    let last = CalendarDate(year: year, month: month, day: 31)!
    // 1970-01-01 was a Thursday: weekday 0 is Thursday, 3 is Sunday.
    let weekday = ((last.daysSinceEpoch % 7) + 7) % 7
    return last.adding(days: -((weekday - 3 + 7) % 7))
  }

  /// `2026-11-23T09:15:00Z` for `seconds` since 1970.
  static func utcTimestamp(atUnixSeconds seconds: Int) -> String {
    let day = CalendarDate(daysSinceEpoch: floorDivide(seconds, 86_400))
    let time = seconds - day.daysSinceEpoch * 86_400
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(day)T\(two(time / 3600)):\(two(time % 3600 / 60)):\(two(time % 60))Z"
  }

  private static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
    value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
  }
}
