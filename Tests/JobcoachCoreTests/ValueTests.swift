import Testing

@testable import JobcoachCore

struct CalendarDateTests {
  @Test(arguments: [
    "2024-02-29", "2026-01-01", "1999-12-31", "2026-11-23", "0001-01-01", "9999-12-31",
  ])
  func parsesAndPrintsRealDays(_ text: String) throws {
    let date = try #require(CalendarDate(iso: text))
    #expect(date.description == text)
  }

  @Test(arguments: [
    "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-1-01", "24-01-01", "2024/01/01",
    "2024-01-01T00:00", " 2024-01-01", "", "2024-01-011", "2024-01-0a", "+024-01-01",
    "2024--1-01", "0000-01-01", "2024-01-01\n", "２０２４-01-01",
  ])
  func rejectsWhatIsNotADay(_ text: String) {
    #expect(CalendarDate(iso: text) == nil)
  }

  /// Years beyond four digits print padded as they always did.
  @Test func yearsBeyondFourDigitsArePadded() {
    #expect(CalendarDate(daysSinceEpoch: 2_932_897).description == "10000-01-01")
    #expect(CalendarDate(daysSinceEpoch: 2_932_896).description == "9999-12-31")
    #expect(CalendarDate(daysSinceEpoch: -719_528).description == "0000-01-01")
  }

  @Test func arithmetic() {
    #expect(day("2024-01-31").adding(months: 1) == day("2024-02-29"))
    #expect(day("2026-06-30").adding(days: 1) == day("2026-07-01"))
    #expect(day("2021-03-01").adding(years: 5) == day("2026-03-01"))
    #expect(day("2026-01-01").days(until: day("2026-12-31")) == 364)
    #expect(day("1970-01-01").daysSinceEpoch == 0)
  }

  @Test func dateIntervalIncludesBothEnds() {
    let interval = DateInterval(start: day("2026-01-01"), end: day("2026-06-30"))
    #expect(interval.contains(day("2026-01-01")))
    #expect(interval.contains(day("2026-06-30")))
    #expect(!interval.contains(day("2025-12-31")))
    #expect(!interval.contains(day("2026-07-01")))
    #expect(DateInterval(start: day("2026-01-01"), end: nil).contains(day("2099-01-01")))
  }
}

struct HoursTests {
  @Test(arguments: [("1399.75", 83_985), ("1400", 84_000), ("0.1", 6), ("2.5", 150), ("0", 0)])
  func parsesExactly(_ text: String, _ minutes: Int) {
    #expect(try! Hours.parse(decimalHours: text).get().minutes == minutes)
  }

  @Test func rejectsNegativeImpreciseAndOddForms() {
    #expect(Hours.parse(decimalHours: "-1") == .failure(.negative))
    #expect(Hours.parse(decimalHours: "0.01") == .failure(.finerThanAMinute))
    #expect(Hours.parse(decimalHours: "1e2") == .failure(.notADecimal))
    #expect(Hours.parse(decimalHours: "1.") == .failure(.notADecimal))
    #expect(Hours.parse(decimalHours: "abc") == .failure(.notADecimal))
  }

  @Test(arguments: [(83_985, "1399.75"), (6, "0.1"), (150, "2.5"), (60, "1"), (20, "0.333333")])
  func printsAsDecimalHours(_ minutes: Int, _ text: String) {
    #expect(Hours(minutes: minutes).decimalText == text)
  }
}

struct CitizenServiceNumberTests {
  @Test(arguments: ["111222333", "123456782"])
  func recognisesNumbersPassingTheElevenTest(_ text: String) {
    #expect(CitizenServiceNumber.looksLikeOne(text))
  }

  @Test(arguments: ["123456789", "000000000", "12345678", "1234567890", "W-7F3K2Q", "12345678a"])
  func leavesOtherTextAlone(_ text: String) {
    #expect(!CitizenServiceNumber.looksLikeOne(text))
  }
}

struct ReplacingAllTests {
  @Test(arguments: [
    ("say \"hi\"", "\"", "\"\"", "say \"\"hi\"\""),
    ("no match here", "\"", "\"\"", "no match here"),
    ("aaa", "aa", "X", "Xa"),
    ("Zoë & Zoë", "ë", "e", "Zoe & Zoe"),
    ("<b>", "<", "&lt;", "&lt;b>"),
    ("", "x", "y", ""),
    ("keep", "", "y", "keep"),
    ("xx", "x", "", ""),
  ])
  func replacesEveryOccurrence(_ text: String, _ target: String, _ with: String, _ result: String) {
    #expect(text.replacingAll(target, with: with) == result)
  }
}
