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

  /// Why a decimal text is not an exact number of hours we keep.
  public enum ParseFailure: Error, Hashable, Sendable {
    case notADecimal, negative, finerThanAMinute
  }

  /// Parses a plain decimal number of hours (`12`, `1399.75`, `0.1`) exactly. The value must be
  /// a whole number of minutes: `0.01` hours (36 seconds) is finer than the registry keeps.
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
    var denominator = 1
    if utf8.first == UInt8(ascii: ".") {
      utf8 = utf8.dropFirst()
      var fractionDigits = 0
      while let byte = utf8.first, byte >= 0x30, byte <= 0x39 {
        fractionDigits += 1
        guard fractionDigits <= 6 else { return .failure(.finerThanAMinute) }
        numerator = numerator * 10 + Int(byte - 0x30)
        denominator *= 10
        utf8 = utf8.dropFirst()
      }
      guard fractionDigits > 0 else { return .failure(.notADecimal) }
    }
    guard utf8.isEmpty else { return .failure(.notADecimal) }
    guard (numerator * 60) % denominator == 0 else { return .failure(.finerThanAMinute) }
    return .success(Hours(minutes: whole * 60 + numerator * 60 / denominator))
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
