/// A value that can be read from one JSON value in a document, reporting what is wrong.
public protocol JSONField {
  /// The value, or nil after reporting why `value` is not one.
  static func decode(_ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext)
    -> Self?
}

/// A value read from one JSON scalar (a string, number or boolean): it holds no places of its
/// own, so a problem is a message for the caller to report at the value's place. Reading one
/// needs no JSON pointer until something is wrong.
public protocol JSONScalarField: JSONField {
  /// The value, or why `value` is not one.
  static func check(_ value: JSONValue) -> Result<Self, FieldError>
}

/// Why a JSON value is not the value a field asks for.
public struct FieldError: Error, Hashable, Sendable {
  public var reason: ProblemReason
  public init(_ reason: ProblemReason) { self.reason = reason }
}

extension JSONScalarField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  ) -> Self? {
    switch check(value) {
    case .success(let decoded): return decoded
    case .failure(let error):
      context.report(pointer, error.reason)
      return nil
    }
  }
}

/// The file being read and where its problems go.
public struct DecodingContext {
  public let file: String
  public let log: ProblemLog

  public init(file: String, log: ProblemLog) {
    self.file = file
    self.log = log
  }

  public func report(_ pointer: JSONPointer, _ reason: ProblemReason) {
    log.report(file, pointer, reason)
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
      context.report(pointer, .wrongType(expected: .object, found: value.kind))
      return nil
    }
    self.object = object
    self.pointer = pointer
    self.context = context
  }

  /// The field's value; reports a missing field or a null.
  public mutating func required<T: JSONField>(_ key: String, as type: T.Type = T.self) -> T? {
    value(key, required: true).flatMap { decode($0, at: key, as: T.self) }
  }

  /// The field's value, nil when absent or null (and after reporting a wrong value). An array
  /// may be left out but is never null, as the schemas say: `null` is a type error there.
  public mutating func optional<T: JSONField>(_ key: String, as type: T.Type = T.self) -> T? {
    guard let value = member(key) else { return nil }
    if case .null = value, !(T.self is any JSONArrayField.Type) { return nil }
    return decode(value, at: key, as: T.self)
  }

  private mutating func decode<T: JSONField>(_ value: JSONValue, at key: String, as: T.Type)
    -> T?
  {
    let decoded = T.decode(value, at: pointer.appending(key), in: context)
    if decoded == nil { failed = true }
    return decoded
  }

  /// The value of `key` to read: nil when absent or null, which is reported when `required`.
  private mutating func value(_ key: String, required: Bool) -> JSONValue? {
    guard let value = member(key) else {
      if required { report(nil, .missingField(key)) }
      return nil
    }
    if case .null = value {
      if required { report(key, .nullField(key)) }
      return nil
    }
    return value
  }

  /// A scalar field's value; reports a missing field, a null or a wrong value at its place.
  public mutating func required<T: JSONScalarField>(_ key: String, as type: T.Type = T.self)
    -> T?
  {
    value(key, required: true).flatMap { scalar(key, $0, as: T.self) }
  }

  /// A scalar field's value, nil when absent or null (and after reporting a wrong value).
  public mutating func optional<T: JSONScalarField>(_ key: String, as type: T.Type = T.self)
    -> T?
  {
    value(key, required: false).flatMap { scalar(key, $0, as: T.self) }
  }

  private mutating func scalar<T: JSONScalarField>(_ key: String, _ value: JSONValue, as: T.Type)
    -> T?
  {
    switch T.check(value) {
    case .success(let decoded): return decoded
    case .failure(let error):
      report(key, error.reason)
      return nil
    }
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
      if !read { report(member.key, .unknownField(member.key)) }
    }
  }

  /// Reports a problem at any place below this object and marks the object failed.
  public mutating func report(at place: JSONPointer, _ reason: ProblemReason) {
    failed = true
    context.report(place, reason)
  }

  /// Reports a problem at `key` (or at the object itself) and marks the object failed.
  public mutating func report(_ key: String?, _ reason: ProblemReason) {
    failed = true
    context.report(key.map { pointer.appending($0) } ?? pointer, reason)
  }
}

/// The longest text field we accept: names and titles, not essays.
let maximumTextLength = 500

extension String: JSONScalarField {
  /// A non-empty text of at most 500 characters, that is not a citizen service number.
  public static func check(_ value: JSONValue) -> Result<String, FieldError> {
    guard case .string(let text) = value else {
      return .failure(FieldError(.wrongType(expected: .string, found: value.kind)))
    }
    let bytes = text.utf8.count
    if bytes > maximumTextLength * 4
      || (bytes > maximumTextLength && text.count > maximumTextLength)
    {
      return .failure(FieldError(.textTooLong(maximumTextLength)))
    }
    // A first byte that is printable ASCII settles it without looking at characters.
    let first = text.utf8.first ?? 0x20
    if !(0x21...0x7E).contains(first) && text.allSatisfy(\.isWhitespace) {
      return .failure(FieldError(.emptyText))
    }
    if CitizenServiceNumber.occurs(in: text) {
      return .failure(FieldError(.citizenServiceNumber))
    }
    return .success(text)
  }
}

extension Bool: JSONScalarField {
  public static func check(_ value: JSONValue) -> Result<Bool, FieldError> {
    guard case .bool(let flag) = value else {
      return .failure(FieldError(.wrongType(expected: .boolean, found: value.kind)))
    }
    return .success(flag)
  }
}

extension Int: JSONScalarField {
  /// A whole number without fraction or exponent.
  public static func check(_ value: JSONValue) -> Result<Int, FieldError> {
    guard case .number(let text) = value, let number = Int(text) else {
      return .failure(FieldError(notAWholeNumber(value)))
    }
    return .success(number)
  }
}

/// Not a whole number: the value is echoed only when it is a number, never a text (it may be
/// personal data).
func notAWholeNumber(_ value: JSONValue) -> ProblemReason {
  if case .number(let text) = value { return .notAWholeNumber(.number, number: text) }
  return .notAWholeNumber(value.kind, number: nil)
}

extension CalendarDate: JSONScalarField {
  public static func check(_ value: JSONValue) -> Result<CalendarDate, FieldError> {
    guard case .string(let text) = value else {
      return .failure(FieldError(.wrongType(expected: .date, found: value.kind)))
    }
    guard let date = CalendarDate(iso: text) else {
      return .failure(FieldError(.notACalendarDate(text.utf8.count <= 20 ? text : nil)))
    }
    guard date.isAccepted else {
      return .failure(FieldError(.dateBeyondLatest(text)))
    }
    return .success(date)
  }
}

/// A date the product computed and wrote (a published register's "valid until"): read back up
/// to the calendar's end, as it may lie past the last date accepted as input.
public struct ComputedDate: JSONScalarField, Hashable, Sendable {
  public var date: CalendarDate

  public static func check(_ value: JSONValue) -> Result<ComputedDate, FieldError> {
    guard case .string(let text) = value, let date = CalendarDate(iso: text) else {
      return CalendarDate.check(value).map { ComputedDate(date: $0) }
    }
    return .success(ComputedDate(date: date))
  }
}

extension Hours: JSONScalarField {
  /// A non-negative number of hours, exact to the minute: a decimal number (`12.5`,
  /// `2.016667`) or a text `"H:MM"` (`"80:59"`).
  public static func check(_ value: JSONValue) -> Result<Hours, FieldError> {
    let text: String
    switch value {
    case .number(let number): text = number
    case .string(let clock):
      guard let hours = Hours.parse(clockHours: clock) else {
        return .failure(
          FieldError(.hoursAsText))
      }
      return .success(hours)
    default:
      return .failure(FieldError(.wrongType(expected: .hours, found: value.kind)))
    }
    return Hours.parse(decimalHours: text).mapError {
      FieldError(ProblemReason(hoursFailure: $0, text: text))
    }
  }
}

extension ProblemReason {
  /// Why `text` is not a number of hours, as `Hours.parse(decimalHours:)` found it.
  public init(hoursFailure failure: Hours.ParseFailure, text: String) {
    switch failure {
    case .negative: self = .negativeHours(text)
    case .finerThanAMinute(let below, let above):
      self = .notWholeMinutes(text, below: below, above: above)
    case .notADecimal: self = .hoursNotDecimal(text)
    }
  }
}

extension ObjectFields {
  /// A record's required number of hours, given either as `hours` (decimal hours or
  /// `"H:MM"`) or as `minutes` (a whole number of minutes), not both; reports which is missing
  /// or wrong.
  public mutating func hours() -> Hours? {
    let hoursKey = "hours"
    let minutesKey = "minutes"
    let hasHours = object.members.contains { $0.key == hoursKey }
    let hasMinutes = object.members.contains { $0.key == minutesKey }
    switch (hasHours, hasMinutes) {
    case (true, true):
      allow(hoursKey)
      allow(minutesKey)
      report(minutesKey, .hoursAndMinutes(hours: hoursKey, minutes: minutesKey))
      return nil
    case (false, true):
      guard let minutes = self.required(minutesKey, as: Int.self) else { return nil }
      guard minutes >= 0 else {
        report(minutesKey, .negativeMinutes(minutes))
        return nil
      }
      guard minutes <= 6_000_000_000 else {
        report(minutesKey, .tooManyMinutes(minutes))
        return nil
      }
      return Hours(minutes: minutes)
    case (true, false):
      return required(hoursKey, as: Hours.self)
    case (false, false):
      report(nil, .missingHours(hours: hoursKey, minutes: minutesKey))
      return nil
    }
  }
}

extension RecognitionFramework: JSONScalarField {
  public static func check(_ value: JSONValue) -> Result<RecognitionFramework, FieldError> {
    guard case .string(let text) = value, let framework = RecognitionFramework(text) else {
      return .failure(FieldError(.frameworkVersion))
    }
    return .success(framework)
  }
}

extension JSONScalarField where Self: RecordIdentifier {
  public static func check(_ value: JSONValue) -> Result<Self, FieldError> {
    guard case .string(let text) = value else {
      return .failure(FieldError(.wrongType(expected: .id, found: value.kind)))
    }
    if CitizenServiceNumber.occurs(in: text) {
      return .failure(FieldError(.citizenServiceNumber))
    }
    guard Self.isWellFormed(text) else {
      return .failure(
        FieldError(.malformedID))
    }
    return .success(Self(rawValue: text))
  }
}

extension CoachID: JSONScalarField {}
extension OrganisationID: JSONScalarField {}
extension PlacementID: JSONScalarField {}
extension PolicyID: JSONScalarField {}
extension WorkerReference: JSONScalarField {}

extension RuleID: JSONScalarField {
  public static func check(_ value: JSONValue) -> Result<RuleID, FieldError> {
    guard case .string(let text) = value else {
      return .failure(FieldError(.wrongType(expected: .ruleID, found: value.kind)))
    }
    return .success(RuleID(rawValue: text))
  }
}

/// Enumerations spelled as their raw values in documents.
public protocol JSONEnumField: JSONScalarField, RawRepresentable, CaseIterable
where RawValue == String {}

extension JSONEnumField {
  public static func check(_ value: JSONValue) -> Result<Self, FieldError> {
    guard case .string(let text) = value, let choice = Self(rawValue: text) else {
      // The message only when it is needed: this runs for every enum value of every record.
      return .failure(FieldError(.oneOf(allCases.map(\.rawValue))))
    }
    return .success(choice)
  }
}

extension CoachKind: JSONEnumField {}
extension OrganisationKind: JSONEnumField {}
extension QualificationKind: JSONEnumField {}
extension Funder: JSONEnumField {}

/// A list field: absent is allowed where optional, null never.
public protocol JSONArrayField {}
extension Array: JSONArrayField where Element: JSONField {}

extension Array: JSONField where Element: JSONField {
  /// Every element is read, so every bad element is reported; nil if any was bad.
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> [Element]?
  {
    guard case .array(let values) = value else {
      context.report(pointer, .wrongType(expected: .array, found: value.kind))
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
