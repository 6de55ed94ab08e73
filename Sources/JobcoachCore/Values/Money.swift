/// An amount of money in euro cents. Amounts exclude VAT, as the funding framework does (F-1).
public struct Money: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
  public var cents: Int

  public init(cents: Int) { self.cents = cents }
  public init(euros: Int) { self.cents = euros * 100 }

  public static let zero = Money(cents: 0)
  public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
  public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
  public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

  /// The cost of `hours` at `self` per hour, rounded half up to the cent. The product is exact
  /// (`minutes * cents`) before the one division, so a sum of hours is priced once, never as a
  /// sum of rounded parts.
  public func cost(of hours: Hours) -> Money {
    precondition(cents >= 0 && hours.minutes >= 0, "rates and hours are never negative")
    return Money(cents: (hours.minutes * cents + 30) / 60)
  }

  /// `2700.00`, `-12.05`: euros with two decimals, no thousands separator.
  public var decimalText: String {
    let sign = cents < 0 ? "-" : ""
    let magnitude = cents.magnitude
    let fraction = magnitude % 100
    return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }

  /// `EUR 2,700.00`: how a caseworker reads an amount.
  public var description: String {
    written(currency: "EUR ", grouping: UInt8(ascii: ","), decimal: UInt8(ascii: "."))
  }

  /// The amount written out: a minus for a negative amount, `currency`, the euros in groups of
  /// three digits separated by `grouping`, `decimal` and the two digits of the cents
  /// (`EUR 2,700.00`, `€ 2.700,00`). Digit by digit: a report writes thousands of amounts.
  public func written(currency: String, grouping: UInt8, decimal: UInt8) -> String {
    let magnitude = cents.magnitude
    // Backwards: the cents, the decimal sign, then the euros in groups of three.
    var reversed: [UInt8] = [
      UInt8(ascii: "0") + UInt8(magnitude % 10), UInt8(ascii: "0") + UInt8(magnitude / 10 % 10),
      decimal,
    ]
    var euros = magnitude / 100
    var digits = 0
    repeat {
      if digits > 0 && digits % 3 == 0 { reversed.append(grouping) }
      reversed.append(UInt8(ascii: "0") + UInt8(euros % 10))
      euros /= 10
      digits += 1
    } while euros > 0
    return (cents < 0 ? "-" : "") + currency
      + String(decoding: reversed.reversed(), as: UTF8.self)
  }
}
