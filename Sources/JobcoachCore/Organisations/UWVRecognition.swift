/// A version of UWV's recognition framework (erkenningskader uitvoering persoonlijke
/// ondersteuning), named by its year: `2016` and later ones.
public struct RecognitionFramework: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int

  public init(year: Int) { self.year = year }

  /// Parses a four-digit year such as `2016`.
  public init?(_ text: String) {
    guard text.utf8.count == 4, let year = Int(text), year >= 2000 else { return nil }
    self.year = year
  }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.year < rhs.year }
  public var description: String { String(year) }

  /// The version the seed names as in force.
  public static let uwv2016 = RecognitionFramework(year: 2016)
}

/// UWV's recognition (erkenning) of a coaching organisation or self-employed coach under a
/// version of the recognition framework, proven by an evidence document.
public struct UWVRecognition: Hashable, Sendable {
  public var framework: RecognitionFramework
  public var validFrom: CalendarDate
  /// The last day the recognition is valid; nil when open-ended.
  public var validUntil: CalendarDate?
  public var evidence: EvidenceReference
  /// The day from which UWV withdrew the recognition (ingetrokken), if it did.
  public var withdrawnOn: CalendarDate?

  public init(
    framework: RecognitionFramework, validFrom: CalendarDate, validUntil: CalendarDate?,
    evidence: EvidenceReference, withdrawnOn: CalendarDate? = nil
  ) {
    self.framework = framework
    self.validFrom = validFrom
    self.validUntil = validUntil
    self.evidence = evidence
    self.withdrawnOn = withdrawnOn
  }

  /// Why a recognition does or does not hold on a date.
  public enum Standing: Hashable, Sendable {
    case valid
    case notYetValid
    case ended
    case withdrawn
  }

  /// The standing on `date`: valid from `validFrom` through `validUntil`, both inclusive;
  /// withdrawn from `withdrawnOn` on.
  public func standing(on date: CalendarDate) -> Standing {
    if let withdrawnOn, withdrawnOn <= date { return .withdrawn }
    if date < validFrom { return .notYetValid }
    if let validUntil, validUntil < date { return .ended }
    return .valid
  }
}
