/// An identifier of a record in the registry: a short code, not a free text.
public protocol RecordIdentifier: RawRepresentable, Hashable, Comparable, Sendable,
  CustomStringConvertible, ExpressibleByStringLiteral
where RawValue == String {
  init(rawValue: String)
}

extension RecordIdentifier {
  public init(stringLiteral value: String) { self.init(rawValue: value) }
  public var description: String { rawValue }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  /// Whether `text` is usable as an identifier: 1 to 64 characters, letters, digits,
  /// `.`, `_` and `-`, starting with a letter or digit.
  public static func isWellFormed(_ text: String) -> Bool {
    var text = text
    // Over the contiguous bytes: checked for every id of every record imported.
    return text.withUTF8 { utf8 in
      guard (1...64).contains(utf8.count) else { return false }
      for index in utf8.indices {
        let byte = utf8[index]
        let isAlphanumeric =
          (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
          || (byte >= 0x61 && byte <= 0x7A)
        if isAlphanumeric { continue }
        if index > 0 && (byte == 0x2E || byte == 0x5F || byte == 0x2D) { continue }
        return false
      }
      return true
    }
  }
}

/// A job coach's id in the registry, for example `JC-0042`.
public struct CoachID: RecordIdentifier {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
}

/// An organisation's id: a municipality, employer, coaching organisation or self-employed coach.
public struct OrganisationID: RecordIdentifier {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
}

/// A placement's id: one worker on one job with one employer.
public struct PlacementID: RecordIdentifier {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
}

/// A municipal policy's id; the policy has versions by effective date.
public struct PolicyID: RecordIdentifier {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
}

/// A pseudonymous reference to the coached worker (werknemer). Never a citizen service
/// number (BSN), a name or an address: the registry does not need to know who the worker is.
public struct WorkerReference: RecordIdentifier {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
}
