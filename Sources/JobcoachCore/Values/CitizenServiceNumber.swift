/// The Dutch citizen service number (burgerservicenummer, BSN): the registry never stores,
/// prints or echoes one. This is the one test of what looks like one, used at every door:
/// documents (every text, number and member name), command-line arguments, the environment
/// and file names.
///
/// What looks like one: a run of exactly nine digits, optionally grouped by single dots,
/// dashes, spaces or tabs (`123456782`, `123.456.782`, `123-45-6782`, `W-123456782`), that
/// passes the eleven test (elfproef): 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11, and
/// not all zeros. Runs of more or fewer digits (dates, phone numbers, IBANs) are not.
public enum CitizenServiceNumber {
  /// Whether `text` holds what looks like a citizen service number anywhere in it.
  public static func occurs(in text: String) -> Bool {
    var text = text
    return text.withUTF8 { occurs(inBytes: $0) }
  }

  /// Whether `text` is exactly nine digits passing the eleven test.
  public static func looksLikeOne(_ text: String) -> Bool {
    text.utf8.count == 9 && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && occurs(in: text)
  }

  /// Whether the bytes of a piece of JSON might hold one once parsed: a run in the bytes
  /// themselves, or an escape (`\u0031`), after which only the parsed values tell.
  public static func mayOccur(inJSON bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    occurs(inBytes: bytes, escapesCount: true)
  }

  /// The run scan over UTF-8 bytes. Complexity: O(n), no allocation; between runs, sixteen
  /// bytes without a digit (or backslash) are passed over at a time, as this runs over every
  /// record of every import.
  static func occurs(inBytes bytes: UnsafeBufferPointer<UInt8>, escapesCount: Bool = false)
    -> Bool
  {
    typealias Lanes = SIMD16<UInt8>
    guard let base = bytes.baseAddress else { return false }
    let count = bytes.count
    var digits = 0
    var sum = 0
    var nonZero = false
    /// The previous byte was a digit (a run goes on), or a separator right after one.
    var afterDigit = false
    var afterSeparator = false
    var index = 0
    while index < count {
      if !afterDigit && !afterSeparator && index + Lanes.scalarCount <= count {
        let lanes = UnsafeRawPointer(base + index).loadUnaligned(as: Lanes.self)
        var hit = (lanes &- Lanes(repeating: 0x30)) .< Lanes(repeating: 10)
        if escapesCount { hit = hit .| (lanes .== Lanes(repeating: 0x5C)) }
        if !any(hit) {
          index += Lanes.scalarCount
          continue
        }
      }
      let byte = base[index]
      index += 1
      if byte &- 0x30 < 10 {
        let digit = Int(byte &- 0x30)
        if !afterDigit && !afterSeparator {
          digits = 0
          sum = 0
          nonZero = false
        }
        digits += 1
        if digits < 9 {
          sum += digit * (10 - digits)
        } else if digits == 9 {
          sum -= digit
        }
        if digit != 0 { nonZero = true }
        afterDigit = true
        afterSeparator = false
        continue
      }
      if afterDigit && (byte == 0x2E || byte == 0x2D || byte == 0x20 || byte == 0x09) {
        afterDigit = false
        afterSeparator = true
        continue
      }
      if digits == 9 && nonZero && sum % 11 == 0 { return true }
      if escapesCount && byte == 0x5C { return true }
      digits = 0
      afterDigit = false
      afterSeparator = false
    }
    return digits == 9 && nonZero && sum % 11 == 0
  }
}

extension JSONValue {
  /// The places in this value (at `pointer`) that hold what looks like a citizen service
  /// number: texts and numbers by their own place, a member name by its object's place (a
  /// pointer through it would echo it). Nothing below such a member is looked at.
  public func citizenServiceNumberPlaces(at pointer: JSONPointer) -> [CitizenServiceNumberPlace] {
    var places: [CitizenServiceNumberPlace] = []
    collectCitizenServiceNumbers(at: pointer, into: &places)
    return places
  }

  private func collectCitizenServiceNumbers(
    at pointer: JSONPointer, into places: inout [CitizenServiceNumberPlace]
  ) {
    switch self {
    case .string(let text), .number(let text):
      if CitizenServiceNumber.occurs(in: text) { places.append(.value(pointer)) }
    case .array(let elements):
      for (index, element) in elements.enumerated() {
        element.collectCitizenServiceNumbers(at: pointer.appending(index), into: &places)
      }
    case .object(let object):
      for member in object.members {
        if CitizenServiceNumber.occurs(in: member.key) {
          places.append(.memberName(pointer))
        } else {
          member.value.collectCitizenServiceNumbers(
            at: pointer.appending(member.key), into: &places)
        }
      }
    case .null, .bool: break
    }
  }
}

/// Where a document holds what looks like a citizen service number.
public enum CitizenServiceNumberPlace: Hashable, Sendable {
  /// A text or number at this place.
  case value(JSONPointer)
  /// The name of a member of the object at this place.
  case memberName(JSONPointer)

  public var pointer: JSONPointer {
    switch self {
    case .value(let pointer), .memberName(let pointer): pointer
    }
  }

  /// The problem, without the value.
  public var reason: ProblemReason {
    switch self {
    case .value: .citizenServiceNumber
    case .memberName: .memberNameCitizenServiceNumber
    }
  }
}
