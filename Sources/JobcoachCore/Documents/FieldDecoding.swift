/// A value that can be read from one JSON value in a document, reporting what is wrong.
public protocol JSONField {
  /// The value, or nil after reporting why `value` is not one.
  static func decode(_ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext)
    -> Self?
}

/// The file being read and where its problems go.
public struct DecodingContext {
  public let file: String
  public let log: ProblemLog

  public init(file: String, log: ProblemLog) {
    self.file = file
    self.log = log
  }

  public func report(_ pointer: JSONPointer, _ message: String) {
    log.report(file, pointer, message)
  }
}

/// Reads the members of one JSON object, and reports the ones nobody asked for: unknown fields
/// are errors, never silently dropped.
public struct ObjectFields {
  public let object: JSONObject
  public let pointer: JSONPointer
  public let context: DecodingContext
  /// Which members were asked for, by position: one bit each for the first 64, a list
  /// beyond (no allocation for the objects our documents hold).
  private var readMask: UInt64 = 0
  private var readBeyond: [Int] = []
  /// Whether any field was missing or wrong (and so reported).
  public private(set) var failed = false

  /// Nil after reporting when `value` is not an object.
  public init?(_ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext) {
    guard case .object(let object) = value else {
      context.report(pointer, "expected an object, found \(value.typeName)")
      return nil
    }
    self.object = object
    self.pointer = pointer
    self.context = context
  }

  /// The field's value; reports a missing field or a null.
  public mutating func required<T: JSONField>(_ key: String, as type: T.Type = T.self) -> T? {
    guard let value = member(key) else {
      report(nil, "missing required field '\(key)'")
      return nil
    }
    if case .null = value {
      report(key, "'\(key)' must not be null")
      return nil
    }
    let decoded = T.decode(value, at: pointer.appending(key), in: context)
    if decoded == nil { failed = true }
    return decoded
  }

  /// The field's value, nil when absent or null (and after reporting a wrong value).
  public mutating func optional<T: JSONField>(_ key: String, as type: T.Type = T.self) -> T? {
    guard let value = member(key) else { return nil }
    if case .null = value { return nil }
    let decoded = T.decode(value, at: pointer.appending(key), in: context)
    if decoded == nil { failed = true }
    return decoded
  }

  /// Marks a field as known without reading it (for example `$schema`).
  public mutating func allow(_ key: String) { _ = member(key) }

  /// The value of member `key`, marking it as read; nil when absent.
  private mutating func member(_ key: String) -> JSONValue? {
    guard let index = object.members.firstIndex(where: { $0.key == key }) else { return nil }
    if index < 64 {
      readMask |= 1 << UInt64(index)
    } else if !readBeyond.contains(index) {
      readBeyond.append(index)
    }
    return object.members[index].value
  }

  /// Reports every member that was not read. Call last.
  public mutating func rejectUnknownFields() {
    for (index, member) in object.members.enumerated() {
      let read = index < 64 ? readMask & (1 << UInt64(index)) != 0 : readBeyond.contains(index)
      if !read { report(member.key, "unknown field '\(member.key)'") }
    }
  }

  /// Reports a problem at any place below this object and marks the object failed.
  public mutating func report(at place: JSONPointer, _ message: String) {
    failed = true
    context.report(place, message)
  }

  /// Reports a problem at `key` (or at the object itself) and marks the object failed.
  public mutating func report(_ key: String?, _ message: String) {
    failed = true
    context.report(key.map { pointer.appending($0) } ?? pointer, message)
  }
}

/// The longest text field we accept: names and titles, not essays.
let maximumTextLength = 500

extension String: JSONField {
  /// A non-empty text of at most 500 characters, that is not a citizen service number.
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> String?
  {
    guard case .string(let text) = value else {
      context.report(pointer, "expected a string, found \(value.typeName)")
      return nil
    }
    let bytes = text.utf8.count
    if bytes > maximumTextLength * 4
      || (bytes > maximumTextLength && text.count > maximumTextLength)
    {
      context.report(pointer, "text longer than \(maximumTextLength) characters")
      return nil
    }
    // A first byte that is printable ASCII settles it without looking at characters.
    let first = text.utf8.first ?? 0x20
    if !(0x21...0x7E).contains(first) && text.allSatisfy(\.isWhitespace) {
      context.report(pointer, "must not be empty")
      return nil
    }
    if CitizenServiceNumber.looksLikeOne(text) {
      context.report(
        pointer,
        "this value looks like a citizen service number (BSN: nine digits passing the eleven "
          + "test); the registry never stores one, use a pseudonymous reference")
      return nil
    }
    return text
  }
}

extension Bool: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> Bool?
  {
    guard case .bool(let flag) = value else {
      context.report(pointer, "expected true or false, found \(value.typeName)")
      return nil
    }
    return flag
  }
}

extension Int: JSONField {
  /// A whole number without fraction or exponent.
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> Int?
  {
    guard case .number(let text) = value, let number = Int(text) else {
      context.report(pointer, "expected a whole number, found \(describe(value))")
      return nil
    }
    return number
  }
}

/// `a number (1.5)` or `a string`: the value is echoed only when it is a number or a boolean,
/// never a text (it may be personal data).
func describe(_ value: JSONValue) -> String {
  switch value {
  case .number(let text): "the number \(text)"
  default: value.typeName
  }
}

extension CalendarDate: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> CalendarDate?
  {
    guard case .string(let text) = value else {
      context.report(pointer, "expected a date as \"YYYY-MM-DD\", found \(value.typeName)")
      return nil
    }
    guard let date = CalendarDate(iso: text) else {
      let shown = text.utf8.count <= 20 ? "'\(text)'" : "a text"
      context.report(pointer, "\(shown) is not a calendar date (YYYY-MM-DD, a day that exists)")
      return nil
    }
    return date
  }
}

extension Hours: JSONField {
  /// A non-negative decimal number of hours, exact to the minute.
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> Hours?
  {
    guard case .number(let text) = value else {
      context.report(pointer, "expected a number of hours, found \(value.typeName)")
      return nil
    }
    switch Hours.parse(decimalHours: text) {
    case .success(let hours): return hours
    case .failure(.negative):
      context.report(pointer, "hours must not be negative, found \(text)")
    case .failure(.finerThanAMinute):
      context.report(
        pointer,
        "\(text) hours is not a whole number of minutes; the registry keeps hours exact to the minute"
      )
    case .failure(.notADecimal):
      context.report(pointer, "hours must be a plain decimal number such as 12.5, found \(text)")
    }
    return nil
  }
}

extension RecognitionFramework: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> RecognitionFramework?
  {
    guard case .string(let text) = value, let framework = RecognitionFramework(text) else {
      context.report(pointer, "expected a framework version as a year such as \"2016\"")
      return nil
    }
    return framework
  }
}

extension JSONField where Self: RecordIdentifier {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> Self?
  {
    guard case .string(let text) = value else {
      context.report(pointer, "expected an id as a string, found \(value.typeName)")
      return nil
    }
    if CitizenServiceNumber.looksLikeOne(text) {
      context.report(
        pointer,
        "this id looks like a citizen service number (BSN); the registry never stores one, "
          + "use a pseudonymous reference")
      return nil
    }
    guard Self.isWellFormed(text) else {
      context.report(
        pointer,
        "an id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
      return nil
    }
    return Self(rawValue: text)
  }
}

extension CoachID: JSONField {}
extension OrganisationID: JSONField {}
extension PlacementID: JSONField {}
extension PolicyID: JSONField {}
extension WorkerReference: JSONField {}

extension RuleID: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> RuleID?
  {
    guard case .string(let text) = value else {
      context.report(pointer, "expected a rule id such as \"Q-MUN-1\", found \(value.typeName)")
      return nil
    }
    return RuleID(rawValue: text)
  }
}

/// Enumerations spelled as their raw values in documents.
public protocol JSONEnumField: JSONField, RawRepresentable, CaseIterable
where RawValue == String {}

extension JSONEnumField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> Self?
  {
    let choices = allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    guard case .string(let text) = value, let choice = Self(rawValue: text) else {
      context.report(pointer, "expected one of \(choices)")
      return nil
    }
    return choice
  }
}

extension CoachKind: JSONEnumField {}
extension OrganisationKind: JSONEnumField {}
extension QualificationKind: JSONEnumField {}
extension Funder: JSONEnumField {}

extension Array: JSONField where Element: JSONField {
  /// Every element is read, so every bad element is reported; nil if any was bad.
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> [Element]?
  {
    guard case .array(let values) = value else {
      context.report(pointer, "expected an array, found \(value.typeName)")
      return nil
    }
    var result: [Element] = []
    result.reserveCapacity(values.count)
    var failed = false
    for (index, element) in values.enumerated() {
      if let decoded = Element.decode(element, at: pointer.appending(index), in: context) {
        result.append(decoded)
      } else {
        failed = true
      }
    }
    return failed ? nil : result
  }
}

extension EvidenceReference: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> EvidenceReference?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let documentID = fields.required("documentId", as: String.self)
    let issuer = fields.required("issuer", as: String.self)
    fields.rejectUnknownFields()
    guard !fields.failed, let documentID, let issuer else { return nil }
    return EvidenceReference(documentID: documentID, issuer: issuer)
  }
}

/// The Dutch citizen service number (burgerservicenummer) test, used only to refuse storing one.
public enum CitizenServiceNumber {
  /// Whether `text` is nine digits passing the eleven test (elfproef):
  /// 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11 (and not all zeros).
  public static func looksLikeOne(_ text: String) -> Bool {
    let utf8 = text.utf8
    guard utf8.count == 9 else { return false }
    var sum = 0
    var allZero = true
    for (index, byte) in utf8.enumerated() {
      guard byte >= 0x30, byte <= 0x39 else { return false }
      let digit = Int(byte - 0x30)
      if digit != 0 { allZero = false }
      sum += index == 8 ? -digit : digit * (9 - index)
    }
    return !allZero && sum % 11 == 0
  }
}
