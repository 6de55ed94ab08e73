/// A calendar date with no time of day, as the rules use it (a day in Europe/Amsterdam).
///
/// Stored as the number of days since 1970-01-01 in the proleptic Gregorian calendar, so
/// comparing and counting days are single integer operations.
public struct CalendarDate: Hashable, Comparable, Sendable {
  /// Days since 1970-01-01.
  public let daysSinceEpoch: Int

  public init(daysSinceEpoch: Int) {
    self.daysSinceEpoch = daysSinceEpoch
  }

  /// A date from its parts, or nil when the parts name no real day (2023-02-29, 2024-13-01).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.daysSinceEpoch = CalendarDate.days(year: year, month: month, day: day)
  }

  /// Parses exactly `YYYY-MM-DD`; nothing before or after, no other separators.
  public init?(iso text: some StringProtocol) {
    self.init(isoUTF8: text.utf8)
  }

  /// Parses exactly `YYYY-MM-DD` from its UTF-8 bytes.
  public init?(isoUTF8 bytes: some Sequence<UInt8>) {
    // Contiguous bytes (a native string's, an array's) are read without going through the
    // sequence's iterator, which from another module is a call per byte.
    if let parsed = bytes.withContiguousStorageIfAvailable({ CalendarDate(isoBuffer: $0) }) {
      guard let parsed else { return nil }
      self = parsed
      return
    }
    self.init(isoBuffer: Array(bytes).withUnsafeBufferPointer { CalendarDate(isoBuffer: $0) })
  }

  private init?(isoBuffer date: CalendarDate?) {
    guard let date else { return nil }
    self = date
  }

  /// Parses exactly `YYYY-MM-DD` from a buffer of its UTF-8 bytes.
  public init?(isoBuffer bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let digit = Int(bytes[index]) - 0x30
        guard (0...9).contains(digit) else { return nil }
        value = value * 10 + digit
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
      return nil
    }
    self.init(year: year, month: month, day: day)
  }

  /// The first and last days the registry reads and writes: years 1 to 9999.
  public static let earliest = CalendarDate(year: 1, month: 1, day: 1)!
  public static let latest = CalendarDate(year: 9999, month: 12, day: 31)!

  /// The last date the product accepts as input (a document's date, `--on`): a century before
  /// the calendar's end, so every period, deadline and "valid until" computed from an accepted
  /// date (five-year periods, grace periods, year-long grants) can still be written and read
  /// back. What lies beyond is refused at the door (issue 14, item 8).
  public static let latestAccepted = CalendarDate(year: 9899, month: 12, day: 31)!

  /// Whether the product accepts this date as input.
  public var isAccepted: Bool { self <= .latestAccepted }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    lhs.daysSinceEpoch < rhs.daysSinceEpoch
  }

  /// The year, month and day of this date.
  public var components: (year: Int, month: Int, day: Int) {
    // Howard Hinnant's civil_from_days.
    let z = daysSinceEpoch + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  public var year: Int { components.year }

  ///
  /// Like all date arithmetic here it stays within the calendar the registry writes and reads
  /// (0001-01-01 to 9999-12-31): a result beyond is held at that end, so every date the product
  /// accepts can be computed with, written and read back (issue 14, item 8). 9999-12-31 reads
  /// as "no end in sight".
  public func adding(days: Int) -> CalendarDate {
    CalendarDate(
      daysSinceEpoch: min(
        max(daysSinceEpoch + days, CalendarDate.earliest.daysSinceEpoch),
        CalendarDate.latest.daysSinceEpoch))
  }

  /// The same day `months` later; the last day of the month when that day does not exist
  /// (2024-01-31 plus one month is 2024-02-29). Held at 0001-01-01 and 9999-12-31.
  public func adding(months: Int) -> CalendarDate {
    let (year, month, day) = components
    let total = year * 12 + (month - 1) + months
    if total >= 10_000 * 12 { return .latest }
    if total < 12 { return .earliest }
    let newYear = total / 12
    let newMonth = total % 12 + 1
    let newDay = min(day, CalendarDate.daysIn(month: newMonth, year: newYear))
    return CalendarDate(
      daysSinceEpoch: CalendarDate.days(year: newYear, month: newMonth, day: newDay))
  }

  public func adding(years: Int) -> CalendarDate { adding(months: years * 12) }

  /// The last day of a period of `months` months that starts on this day (F-2, for half
  /// years, years and register periods alike): the day before the same day number `months`
  /// later, or, where that month has no such day, that month's last day (a half year from 31
  /// August ends on 28 or 29 February; a five-year period from 29 February 2020 on 28
  /// February 2025).
  public func lastDayOfPeriod(months: Int) -> CalendarDate {
    let later = adding(months: months)
    // Where that month has the day, the period ends the day before it; where it has not,
    // `adding` already stopped at the month's last day.
    return later.components.day == components.day ? later.adding(days: -1) : later
  }

  /// Whole days from `self` to `other` (negative when `other` is earlier).
  public func days(until other: CalendarDate) -> Int {
    other.daysSinceEpoch - daysSinceEpoch
  }

  static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  static func days(year: Int, month: Int, day: Int) -> Int {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }
}

extension CalendarDate: CustomStringConvertible {
  /// `YYYY-MM-DD`.
  public var description: String {
    let (year, month, day) = components
    guard (0...9999).contains(year) else {
      // Beyond four digits (an open end is stored as the last representable day): padded as
      // ever, the slow way.
      func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
      }
      return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
    return String(unsafeUninitializedCapacity: 10) { buffer in
      func put(_ value: Int, at start: Int, width: Int) {
        var value = value
        for index in stride(from: start + width - 1, through: start, by: -1) {
          buffer[index] = UInt8(ascii: "0") + UInt8(value % 10)
          value /= 10
        }
      }
      put(year, at: 0, width: 4)
      buffer[4] = UInt8(ascii: "-")
      put(month, at: 5, width: 2)
      buffer[7] = UInt8(ascii: "-")
      put(day, at: 8, width: 2)
      return 10
    }
  }
}

/// A span of calendar days, both ends inclusive; `end == nil` means open-ended.
public struct DateInterval: Hashable, Sendable {
  public var start: CalendarDate
  public var end: CalendarDate?

  public init(start: CalendarDate, end: CalendarDate?) {
    self.start = start
    self.end = end
  }

  /// Whether `date` lies in the interval (start and end days included).
  public func contains(_ date: CalendarDate) -> Bool {
    start <= date && (end.map { date <= $0 } ?? true)
  }

  /// Whether the two share a day.
  public func overlaps(_ other: DateInterval) -> Bool {
    contains(other.start) || other.contains(start)
  }
}

extension DateInterval: CustomStringConvertible {
  public var description: String {
    "\(start) to \(end.map(String.init(describing:)) ?? "open end")"
  }
}
