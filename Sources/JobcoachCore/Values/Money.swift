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
    let sign = cents < 0 ? "-" : ""
    var euros = String(cents.magnitude / 100)
    var grouped = ""
    while euros.count > 3 {
      grouped = "," + euros.suffix(3) + grouped
      euros.removeLast(3)
    }
    let fraction = cents.magnitude % 100
    return "\(sign)EUR \(euros)\(grouped).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
