/// An exact amount of time in whole minutes. Hours are never summed as floating point.
public struct Hours: Hashable, Comparable, Sendable, AdditiveArithmetic {
  public var minutes: Int

  public init(minutes: Int) { self.minutes = minutes }
  public init(wholeHours: Int) { self.minutes = wholeHours * 60 }

  public static let zero = Hours(minutes: 0)
  public static func + (lhs: Hours, rhs: Hours) -> Hours {
    Hours(minutes: lhs.minutes + rhs.minutes)
  }
  public static func - (lhs: Hours, rhs: Hours) -> Hours {
    Hours(minutes: lhs.minutes - rhs.minutes)
  }
  public static func < (lhs: Hours, rhs: Hours) -> Bool { lhs.minutes < rhs.minutes }

  /// Why a text is not a number of hours we keep.
  public enum ParseFailure: Error, Hashable, Sendable {
    case notADecimal, negative
    /// Not within a thousandth of a minute of a whole minute; the two nearest whole minutes.
    case finerThanAMinute(below: Hours, above: Hours)
  }

  /// The most fraction digits looked at: what follows changes the value by less than
  /// 10^-15 hours, far inside the tolerance of a thousandth of a minute.
  private static let significantFractionDigits = 15

  /// Parses a plain decimal number of hours (`12`, `1399.75`, `0.1`, `2.016667`). It must be
  /// a whole number of minutes, give or take a thousandth of a minute, so that every
  /// six-decimal rendering of a whole minute reads back as that minute (`0.166667` is 10
  /// minutes); `0.01` hours (36 seconds) is finer than the registry keeps.
  public static func parse(decimalHours text: some StringProtocol) -> Result<Hours, ParseFailure> {
    var utf8 = Substring(text).utf8[...]
    if utf8.first == UInt8(ascii: "-") { return .failure(.negative) }
    var whole = 0
    var sawDigit = false
    while let byte = utf8.first, byte >= 0x30, byte <= 0x39 {
      whole = whole &* 10 &+ Int(byte - 0x30)
      guard whole <= 100_000_000 else { return .failure(.notADecimal) }
      sawDigit = true
      utf8 = utf8.dropFirst()
    }
    guard sawDigit else { return .failure(.notADecimal) }
    var numerator = 0
    var scale = 1
    if utf8.first == UInt8(ascii: ".") {
      utf8 = utf8.dropFirst()
      var fractionDigits = 0
      while let byte = utf8.first, byte >= 0x30, byte <= 0x39 {
        fractionDigits += 1
        if fractionDigits <= significantFractionDigits {
          numerator = numerator * 10 + Int(byte - 0x30)
          scale *= 10
        }
        utf8 = utf8.dropFirst()
      }
      guard fractionDigits > 0 else { return .failure(.notADecimal) }
    }
    guard utf8.isEmpty else { return .failure(.notADecimal) }
    // 60 * fraction = minutes + rest / scale, with 0 <= rest < scale (no overflow: 60 * 10^15).
    let sixtyfold = numerator * 60
    let minutes = whole * 60 + sixtyfold / scale
    let rest = sixtyfold % scale
    if rest * 1000 <= scale { return .success(Hours(minutes: minutes)) }
    if (scale - rest) * 1000 <= scale { return .success(Hours(minutes: minutes + 1)) }
    return .failure(
      .finerThanAMinute(below: Hours(minutes: minutes), above: Hours(minutes: minutes + 1)))
  }

  /// Parses hours and minutes as `H:MM` (`80:59`, `0:05`): minutes from 00 to 59.
  public static func parse(clockHours text: some StringProtocol) -> Hours? {
    let utf8 = Array(Substring(text).utf8)
    guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon <= 9,
      utf8.count == colon + 3
    else { return nil }
    func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
      var value = 0
      for byte in bytes {
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    guard let hours = digits(utf8[..<colon]), let minutes = digits(utf8[(colon + 1)...]),
      minutes < 60
    else { return nil }
    return Hours(minutes: hours * 60 + minutes)
  }

  /// The hours as `H:MM` (`80:59`).
  public var clockText: String {
    let sign = minutes < 0 ? "-" : ""
    let magnitude = abs(minutes)
    let rest = magnitude % 60
    return "\(sign)\(magnitude / 60):\(rest < 10 ? "0" : "")\(rest)"
  }

  /// The hours as a decimal text: exact with at most two decimals when the minutes allow it
  /// (`1399.75`, `0.1`), otherwise six decimals rounded for display (20 minutes is `0.333333`).
  public var decimalText: String {
    let sign = minutes < 0 ? "-" : ""
    let magnitude = abs(minutes)
    let whole = magnitude / 60
    let rest = magnitude % 60
    if rest == 0 { return "\(sign)\(whole)" }
    // rest/60 as a terminating decimal: 60 = 2^2 * 3 * 5, so it terminates iff 3 divides rest.
    if rest % 3 == 0 {
      var hundredths = String(rest * 100 / 60)
      if hundredths.count < 2 { hundredths = "0" + hundredths }
      if hundredths.hasSuffix("0") { hundredths.removeLast() }
      return "\(sign)\(whole).\(hundredths)"
    }
    // Not expressible in two decimals; give six, rounded half up (display only).
    let millionths = (rest * 1_000_000 + 30) / 60
    var digits = String(millionths)
    digits = String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    while digits.hasSuffix("0") { digits.removeLast() }
    return "\(sign)\(whole).\(digits)"
  }
}

extension Hours: CustomStringConvertible {
  public var description: String { decimalText }

  /// `1 hour`, `1.5 hours`: for messages.
  public var spoken: String { minutes == 60 ? "1 hour" : "\(decimalText) hours" }
}
