import JobcoachTestSupport
import Testing

@testable import JobcoachCLI

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

  /// F-2's month-end reading, one function for half years, years and register periods.
  @Test(arguments: [
    ("2026-03-31", 6, "2026-09-30"), ("2026-08-31", 6, "2027-02-28"), ("2027-08-31", 6, "2028-02-29"),
    ("2026-02-28", 6, "2026-08-27"), ("2026-01-01", 6, "2026-06-30"), ("2020-02-29", 60, "2025-02-28"),
    ("2021-12-15", 60, "2026-12-14"), ("2024-02-29", 12, "2025-02-28"), ("2023-03-01", 12, "2024-02-29"),
  ])
  func aPeriodEndsTheDayBeforeTheSameDayOrOnTheMonthsLastDay(
    _ start: String, _ months: Int, _ end: String
  ) {
    #expect(day(start).lastDayOfPeriod(months: months) == day(end))
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
  @Test(arguments: [
    ("1399.75", 83_985), ("1400", 84_000), ("0.1", 6), ("2.5", 150), ("0", 0),
    // Six-decimal renderings of whole minutes read back as those minutes (issue 14, item 10).
    ("2.016667", 121), ("0.166667", 10), ("0.333333", 20), ("80.983333", 4859),
    ("1.2500000000", 75), ("0.0166666666666666666", 1),
  ])
  func parsesExactly(_ text: String, _ minutes: Int) {
    #expect(try! Hours.parse(decimalHours: text).get().minutes == minutes)
  }

  /// Every whole minute up to 100 hours, written with 1 to 9 decimals (rounded half up),
  /// reads back as itself whenever the rendering is within a thousandth of a minute.
  @Test func everyRoundedRenderingOfAWholeMinuteReadsBack() {
    for minutes in 0...6_000 {
      for decimals in 1...9 {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        // minutes/60 rounded to `decimals` places, as integer arithmetic.
        let scaled = (minutes * scale * 2 + 60) / 120
        let whole = scaled / scale
        var fraction = String(scaled % scale)
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        let text = "\(whole).\(fraction)"
        // The rendering's distance from the minute, in millionths of a minute times scale.
        let error = abs(scaled * 60 - minutes * scale)
        let withinTolerance = error * 1000 <= scale
        let parsed = try? Hours.parse(decimalHours: text).get()
        if withinTolerance {
          #expect(parsed == Hours(minutes: minutes), "\(text)")
        } else {
          #expect(parsed != Hours(minutes: minutes) || error == 0, "\(text)")
        }
      }
    }
  }

  @Test func thousandthOfAMinuteIsTheBoundary() {
    // 1 minute = 0.01666... hours; a thousandth of a minute is 0.0000166... hours.
    #expect(try! Hours.parse(decimalHours: "0.016683").get() == Hours(minutes: 1))  // +0.00098
    #expect(try! Hours.parse(decimalHours: "0.01665").get() == Hours(minutes: 1))  // -0.001
    #expect(
      Hours.parse(decimalHours: "0.0166").map(\.minutes)
        == .failure(.finerThanAMinute(below: Hours(minutes: 0), above: Hours(minutes: 1))))
  }

  @Test func rejectsNegativeImpreciseAndOddForms() {
    #expect(Hours.parse(decimalHours: "-1") == .failure(.negative))
    #expect(
      Hours.parse(decimalHours: "0.01")
        == .failure(.finerThanAMinute(below: .zero, above: Hours(minutes: 1))))
    #expect(
      Hours.parse(decimalHours: "80.995")
        == .failure(.finerThanAMinute(below: Hours(minutes: 4859), above: Hours(minutes: 4860))))
    #expect(Hours.parse(decimalHours: "1e2") == .failure(.notADecimal))
    #expect(Hours.parse(decimalHours: "1.") == .failure(.notADecimal))
    #expect(Hours.parse(decimalHours: "abc") == .failure(.notADecimal))
  }

  @Test func namesTheNearestWholeMinutesWhenRefusing() {
    guard case .failure(let error) = Hours.check(.number("80.995")) else {
      Issue.record("80.995 hours is not a whole number of minutes")
      return
    }
    #expect(English().problem(error.reason) == "80.995 is not a whole number of minutes: 80.983333 (80:59) or 81 (81:00)")
  }

  @Test(arguments: [("80:59", 4859), ("0:05", 5), ("1400:00", 84_000), ("0:00", 0)])
  func readsHoursAndMinutes(_ text: String, _ minutes: Int) {
    #expect(Hours.parse(clockHours: text) == Hours(minutes: minutes))
    #expect(try! Hours.check(.string(text)).get() == Hours(minutes: minutes))
  }

  @Test(arguments: ["1:60", "1:5", ":30", "1:300", "-1:00", "1.5", "a:00", "1:0x", ""])
  func refusesMalformedHoursAndMinutes(_ text: String) {
    #expect(Hours.parse(clockHours: text) == nil)
  }

  @Test(arguments: [(83_985, "1399.75"), (6, "0.1"), (150, "2.5"), (60, "1"), (20, "0.333333")])
  func printsAsDecimalHours(_ minutes: Int, _ text: String) {
    #expect(Hours(minutes: minutes).decimalText == text)
  }

  @Test(arguments: [(4859, "80:59"), (5, "0:05"), (0, "0:00"), (84_000, "1400:00")])
  func printsAsHoursAndMinutes(_ minutes: Int, _ text: String) {
    #expect(Hours(minutes: minutes).clockText == text)
  }
}

struct CitizenServiceNumberTests {
  @Test(arguments: ["111222333", "123456782"])
  func recognisesNumbersPassingTheElevenTest(_ text: String) {
    #expect(CitizenServiceNumber.looksLikeOne(text))
    #expect(CitizenServiceNumber.occurs(in: text))
  }

  @Test(arguments: ["123456789", "000000000", "12345678", "1234567890", "W-7F3K2Q", "12345678a"])
  func leavesOtherTextAlone(_ text: String) {
    #expect(!CitizenServiceNumber.looksLikeOne(text))
    #expect(!CitizenServiceNumber.occurs(in: text))
  }

  /// Grouped, prefixed or inside a text: found wherever it stands (issue 14, item 3).
  @Test(arguments: [
    "123.456.782", "123-456-782", "123 456 782", "12 34 56 782", "W-123456782", "Jan 123456782",
    "DIP-123456782", "123456782.json", "-123456782", "a\t123\t456\t782", "x 123456782 y",
    "1.23456782e8",
  ])
  func findsOneGroupedOrInsideAText(_ text: String) {
    #expect(CitizenServiceNumber.occurs(in: text))
  }

  /// Dates, phone numbers, IBANs, ids: runs of another length, or broken by two separators.
  @Test(arguments: [
    "2026-12-02", "2026-12-02 2026-12-03", "06-12345678", "020 123 4567",
    "NL91ABNA0417164300", "JC-000001-A0001", "123--456--782", "123456782 1", "1 123456782 1",
    "12345678.2.5", "RJC-00104", "PL-2026-001",
  ])
  func leavesRunsOfOtherLengthsAlone(_ text: String) {
    #expect(!CitizenServiceNumber.occurs(in: text))
  }

  /// The scan (sixteen bytes at a time between runs) against a plain reading of the rule,
  /// over generated texts of digits, separators, letters and backslashes of every length.
  @Test func theScanAgreesWithThePlainRule() {
    func plain(_ bytes: [UInt8], escapes: Bool) -> Bool {
      if escapes && bytes.contains(0x5C) { return true }
      // Every maximal run: digits joined by single separators.
      var runs: [[Int]] = []
      var current: [Int] = []
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if (0x30...0x39).contains(byte) {
          current.append(Int(byte - 0x30))
        } else if !current.isEmpty, [0x2E, 0x2D, 0x20, 0x09].contains(byte),
          index + 1 < bytes.count, (0x30...0x39).contains(bytes[index + 1]),
          (0x30...0x39).contains(bytes[index - 1])
        {
          // A single separator between two digits continues the run.
        } else {
          if !current.isEmpty { runs.append(current) }
          current = []
        }
        index += 1
      }
      if !current.isEmpty { runs.append(current) }
      return runs.contains { run in
        guard run.count == 9, run.contains(where: { $0 != 0 }) else { return false }
        let sum = (0..<8).reduce(0) { $0 + run[$1] * (9 - $1) } - run[8]
        return sum % 11 == 0
      }
    }
    var random = SystemRandomNumberGenerator()
    let alphabet = Array("0123456789012345678901234567890123456789.- \tabcX\\\"".utf8)
    var found = 0
    for _ in 0..<20_000 {
      let length = Int.random(in: 0...48, using: &random)
      let bytes = (0..<length).map { _ in alphabet.randomElement(using: &random)! }
      for escapes in [false, true] {
        let fast = bytes.withUnsafeBufferPointer {
          CitizenServiceNumber.occurs(inBytes: $0, escapesCount: escapes)
        }
        #expect(fast == plain(bytes, escapes: escapes), "\(bytes) escapes: \(escapes)")
        if fast && !escapes { found += 1 }
      }
    }
    #expect(found > 100, "the generated texts hold some")
  }

  @Test func aJSONEscapeMakesTheBytesWorthParsing() {
    let escaped = Array(#""\u0031\u0032\u0033456782""#.utf8)
    #expect(escaped.withUnsafeBufferPointer { CitizenServiceNumber.mayOccur(inJSON: $0) })
    let plain = Array(#"{"name": "Jan", "date": "2026-12-02"}"#.utf8)
    #expect(!plain.withUnsafeBufferPointer { CitizenServiceNumber.mayOccur(inJSON: $0) })
  }

  @Test func placesInAValueNameTheMemberNeverTheNumber() throws {
    let value = try JSONParser.parse(
      Array(#"{"a": ["x", "Jan 123.456.782"], "b": {"123456782": {"c": "111222333"}}, "n": 123456782}"#.utf8))
    let places = value.citizenServiceNumberPlaces(at: JSONPointer(["r"]))
    #expect(
      places == [
        .value(JSONPointer(["r", "a", "1"])), .memberName(JSONPointer(["r", "b"])),
        .value(JSONPointer(["r", "n"])),
      ])
    #expect(!places.map { English().problem($0.reason) }.joined().contains("123"))
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

/// P-4: where an activity stands is worked out once, from its name; it is what the
/// protocol's two lists say, for the names on them, for any spelling of a name not on them,
/// and for an activity read from a document as for one the code names.
struct BookedActivityListingTests {
  @Test func eachActivityStandsWhereTheProtocolsListsPutIt() {
    for activity in BookedActivity.reimbursed {
      #expect(activity.isReimbursable && !activity.isExcluded && !activity.isUnknown, "\(activity)")
    }
    for activity in BookedActivity.excluded {
      #expect(!activity.isReimbursable && activity.isExcluded && !activity.isUnknown, "\(activity)")
    }
    #expect(BookedActivity.reimbursed.map(\.rawValue) == ["coaching", "reporting"])
    #expect(
      BookedActivity.excluded.map(\.rawValue) == [
        "administration", "travel", "handover", "own-training", "intervision",
        "mediation-to-other-work",
      ])
    for name in ["lunch-meeting", "Coaching", "coaching ", "", "ownTraining", "reistijd"] {
      let activity = BookedActivity(rawValue: name)
      #expect(activity.isUnknown && !activity.isReimbursable && !activity.isExcluded, "\(name)")
    }
    // Read from a name, it is the activity the code names: equal, and listed alike.
    #expect(BookedActivity(rawValue: "travel") == .travel)
    #expect(BookedActivity(rawValue: "own-training").isExcluded)
    #expect(Set([BookedActivity(rawValue: "reporting"), .reporting]).count == 1)
  }
}

/// An amount as a caseworker reads it, written digit by digit: the same as grouping the euros'
/// decimal text by threes, for the boundaries (no euros, a thousand, a million, negative
/// amounts, the largest and smallest) and a thousand amounts drawn at random.
struct MoneyWritingTests {
  /// The reference: the euros' decimal text grouped from the right.
  static func reference(_ money: Money, currency: String, grouping: String, decimal: String)
    -> String
  {
    let euros = Array(String(money.cents.magnitude / 100))
    var groups: [String] = []
    var end = euros.count
    while end > 0 {
      groups.insert(String(euros[max(0, end - 3)..<end]), at: 0)
      end -= 3
    }
    let fraction = money.cents.magnitude % 100
    return (money.cents < 0 ? "-" : "") + currency + groups.joined(separator: grouping)
      + decimal + (fraction < 10 ? "0" : "") + String(fraction)
  }

  @Test func amountsAreWrittenAsTheirGroupedDecimalText() {
    var random = SplitMix(seed: 2026_12_03)
    var amounts = [
      0, 5, 99, 100, 99_999, 100_000, 123_456_789, -1, -100_000, Int.max, Int.min, 270_000,
    ]
    for _ in 0..<1_000 {
      amounts.append(Int(truncatingIfNeeded: random.next()) >> Int(random.next() % 60))
    }
    for cents in amounts {
      let money = Money(cents: cents)
      #expect(
        money.description == Self.reference(money, currency: "EUR ", grouping: ",", decimal: "."),
        "\(cents)")
      #expect(
        money.written(currency: "€ ", grouping: UInt8(ascii: "."), decimal: UInt8(ascii: ","))
          == Self.reference(money, currency: "€ ", grouping: ".", decimal: ","), "\(cents)")
    }
    #expect(Money(cents: 270_000).description == "EUR 2,700.00")
    #expect(Money(cents: -5).description == "-EUR 0.05")
    #expect(Money(cents: 100_000_000).description == "EUR 1,000,000.00")
    #expect(Money(cents: 99_999).description == "EUR 999.99")
  }
}
