import Testing

@testable import JobcoachCLI
@testable import JobcoachCore

/// Today in Europe/Amsterdam from the seconds since 1970, with the EU's summer time rule.
struct ClockTests {
  /// Seconds since 1970 of a UTC moment.
  func utc(_ date: String, _ hour: Int, _ minute: Int = 0) -> Int {
    CalendarDate(iso: date)!.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60
  }

  @Test func theLastSundaysOfMarchAndOctober() {
    #expect(Clock.lastSunday(month: 3, year: 2026).description == "2026-03-29")
    #expect(Clock.lastSunday(month: 10, year: 2026).description == "2026-10-25")
    #expect(Clock.lastSunday(month: 3, year: 2024).description == "2024-03-31")
    #expect(Clock.lastSunday(month: 10, year: 2027).description == "2027-10-31")
  }

  /// Summer time starts at 01:00 UTC on the last Sunday of March and ends at 01:00 UTC on the
  /// last Sunday of October.
  @Test func summerTimeStartsAndEndsAtOneUTC() {
    #expect(!Clock.isSummerTime(atUnixSeconds: utc("2026-03-29", 0, 59)))
    #expect(Clock.isSummerTime(atUnixSeconds: utc("2026-03-29", 1)))
    #expect(Clock.isSummerTime(atUnixSeconds: utc("2026-10-25", 0, 59)))
    #expect(!Clock.isSummerTime(atUnixSeconds: utc("2026-10-25", 1)))
  }

  /// Midnight in Amsterdam is 23:00 UTC in winter and 22:00 UTC in summer.
  @Test(arguments: [
    ("2026-01-15", 22, 59, "2026-01-15"), ("2026-01-15", 23, 0, "2026-01-16"),
    ("2026-07-01", 21, 59, "2026-07-01"), ("2026-07-01", 22, 0, "2026-07-02"),
    ("2026-12-31", 23, 0, "2027-01-01"), ("1969-12-31", 23, 0, "1970-01-01"),
    ("1969-12-31", 22, 59, "1969-12-31"),
  ])
  func theDayChangesAtAmsterdamMidnight(
    _ date: String, _ hour: Int, _ minute: Int, _ expected: String
  ) {
    #expect(Clock.amsterdamDate(atUnixSeconds: utc(date, hour, minute)).description == expected)
  }

  @Test func timestampsAreUTCToTheSecond() {
    #expect(Clock.utcTimestamp(atUnixSeconds: 0) == "1970-01-01T00:00:00Z")
    #expect(Clock.utcTimestamp(atUnixSeconds: utc("2026-11-23", 9, 15) + 7) == "2026-11-23T09:15:07Z")
    #expect(Clock.utcTimestamp(atUnixSeconds: -1) == "1969-12-31T23:59:59Z")
  }
}
