/// What is wrong at one place of an input document, with its facts as values; the front end
/// words it (nl, en). The file and the place are the problem's (`DocumentProblem`).
public indirect enum ProblemReason: Error, Hashable, Sendable {
  // MARK: The file and its JSON syntax
  case unreadable
  case utf16
  case secondByteOrderMark
  case emptyFile
  case noJSONValue
  case textAfterValue
  /// The file ends inside a value (`nil`: anywhere, else in an object, array or escape).
  case unexpectedEnd(in: JSONContainer?)
  case unexpectedCharacter(String)
  case invalidLiteral(expected: String)
  case nestingTooDeep(Int)
  case expectedMemberName
  /// `name` nil: it holds what looks like a citizen service number, never shown.
  case duplicateMember(name: String?)
  case expectedColon(after: String?)
  /// After a member or element: `,` or the closing `}` / `]`.
  case expectedCommaOrEnd(JSONContainer)
  case invalidNumber(NumberDefect?)
  case numberTooLong
  case invalidUTF8
  case controlCharacter
  case unterminatedString
  case loneSurrogate
  case invalidUnicodeEscape
  case invalidEscape(String)
  case invalidHexDigit
  case valueTooLarge(bytes: Int)
  /// A parser's reason, said of a value that had to be JSON.
  case notValidJSON(ProblemReason)

  // MARK: Fields
  case missingField(String)
  /// `kind` missing; `kinds` the document kinds there are.
  case missingKind(kinds: [String])
  case notAnImportedDocument(kinds: [String])
  /// A document of a kind the command does not read (`reads`: the kinds it does).
  case notForCommand(kind: String, command: String, reads: [String])
  case unknownSchemaVersion(String, kind: String, supported: [Int])
  case nullField(String)
  case unknownField(String)
  /// A value of the wrong JSON type.
  case wrongType(expected: ExpectedValue, found: JSONKind)
  /// Not a whole number: the value's type, and the number when it is one.
  case notAWholeNumber(JSONKind, number: String?)
  case notWholeMinutes(String, below: Hours, above: Hours)
  case malformedID
  case textTooLong(Int)
  case emptyText
  case citizenServiceNumber
  case memberNameCitizenServiceNumber
  /// The text when short (nil: a longer text, not echoed).
  case notACalendarDate(String?)
  case dateBeyondLatest(String)
  case hoursAsText
  case negativeHours(String)
  case hoursNotDecimal(String)
  case hoursAndMinutes(hours: String, minutes: String)
  case negativeMinutes(Int)
  case tooManyMinutes(Int)
  case missingHours(hours: String, minutes: String)
  case frameworkVersion
  case oneOf([String])
  case reminderStage
  case negativeAmount(String)

  // MARK: Record rules
  /// A span whose end is before its start.
  case endsBeforeStart(Span, end: CalendarDate, start: CalendarDate)
  case judgedBeforeSubmitted(judged: CalendarDate, submitted: CalendarDate)
  case decisionWithoutBookings
  case grantWithoutPeriods
  case zeroHourBooking
  case bookingOverOneDay(String)
  case withWhomWithoutContact
  case reportOnOtherActivity
  case shareOutOfRange(Int)
  case employerYearsOutOfRange(Int)
  case zeroExemption
  case belongsInAssignment(String)
  case noReminderStages
  case noRegistersNamed
  case approvedListOnlyForApprovedList
  case approvedListMissing
  case cycleYearsOutOfRange(Int)
  case noLoweringEducations
  case monthsOutOfRange(Int)
  case codeOnFreeActivity
  case zeroHourActivity
  case recognitionOnWrongKind(OrganisationKind)
  case withdrawnBeforeStart(withdrawn: CalendarDate, start: CalendarDate)
  case expiresBeforeIssued(expires: CalendarDate, issued: CalendarDate)
  case reportPeriodBackwards(end: CalendarDate, start: CalendarDate)
  case deliveredBeforePeriodEnds(delivered: CalendarDate, end: CalendarDate)
  case notARequirement(RuleID, kind: CoachKind, allowed: [RuleID])
  case accreditedAboveTotal(accredited: Hours, total: Hours)
  case diplomaHoursAboveAdmission(Hours, admission: Hours)
  case normRegisterInsideRegister(RegisterID)
  case twoNormsOnOneDay(CalendarDate)
  case activityTwice(ActivityID, first: JSONPointer)
  case insufficientWithoutPoints
  case statusChangesOutOfOrder(CalendarDate, before: CalendarDate)
  case publishesOnly([String])
  case goalTwice(GoalID)
  /// Not a booked activity: the protocol's named ones.
  case notAnActivity(named: [String])
  /// Not an amount in cents: the value's type, and the number when it is one.
  case notAnAmount(JSONKind, number: String?)
  case assignmentBeforePlacement(start: CalendarDate, placementStart: CalendarDate)
  case assignmentPastPlacement(end: CalendarDate)
  case mainAssignmentsOverlap(CoachID, DateInterval)

  // MARK: Across records and files
  case appearsTwice(RecordName, firstFile: String, firstPlace: DocumentProblem.Place)
  case unknownRecord(RecordKind, id: String)
  case unknownEducation(EducationID)
  case wrongOrganisationKind(
    OrganisationRole, allowed: [OrganisationKind], id: OrganisationID, is: OrganisationKind)
  case bookingOnOtherPlacement(BookingID, on: PlacementID, not: PlacementID)
  case registerNumberOfOtherCoach(String, holder: CoachID)

  case unknownRegisterNumber(String, register: RegisterID)
  /// One activity id of one coach given by a portfolio document and by a list: `inPortfolio`
  /// when the portfolio holds it already (and a list gives it), else the other way round.
  case activityGivenTwice(ActivityID, coach: CoachID, inPortfolio: Bool)
  /// An attendee of an attendance list who is not a member of the register on its date.
  case notAMemberOn(CoachID, register: RegisterID, date: CalendarDate)

  // MARK: Signed public registers (issue 19)
  /// A public register without a signature, where the import asks for one.
  case registerUnsigned
  /// A public register whose proof does not hold: changed after signing, or unusable.
  case registerSignatureInvalid
  /// Signed by another key than the `issuer` it names.
  case registerIssuerNotSigner(issuer: String, signer: String)
  /// Signed by an issuer this registry does not trust.
  case registerIssuerNotTrusted(String)

  // MARK: CSV tables
  /// Not UTF-8 (a spreadsheet saved as Latin-1 or Windows-1252).
  case csvNotUTF8
  /// Text after a quoted field's closing quote.
  case csvTextAfterQuote
  case csvUnterminatedQuote
  case csvRecordTooLong(bytes: Int)
  case csvTooFewFields(expected: Int, found: Int)
  case csvTooManyFields(expected: Int, found: Int)
  /// The header fits no table kind (or several): `kinds` the kinds there are.
  case csvKindNotRecognised(kinds: [String])
  /// A header that is none of the kind's columns (`known`: each as `dutch/english`).
  case csvUnknownColumn(kind: String, known: [String])
  case csvColumnTwice
  case csvMissingColumn(dutch: String, english: String)
  case csvEmptyCell
  /// Not a date as a spreadsheet writes one (the text when short; nil: longer, not echoed).
  case csvNotADate(String?)
  /// Not hours: the text, and whether the file writes a decimal comma.
  case csvNotHours(String, decimalComma: Bool)

  /// A stable code for scripts, e.g. `missing-field`.
  public var code: String { caseCode }
}

public enum JSONContainer: String, Hashable, Sendable {
  case object, array, escape
}

/// The JSON type of a value.
public enum JSONKind: String, Hashable, Sendable {
  case null, boolean, number, string, array, object
}

/// What a field expected.
public enum ExpectedValue: String, Hashable, Sendable {
  case object, array, string, boolean, date, hours, id, ruleID
}

public enum NumberDefect: String, Hashable, Sendable {
  case leadingZero, noDigitAfterPoint, noDigitInExponent
}

/// The spans a record gives as start and end.
public enum Span: String, Hashable, Sendable {
  case employment, assignment, placement, period, absence, recognition, accreditation
}

/// A record as a duplicate names it.
public enum RecordName: Hashable, Sendable {
  case organisation(OrganisationID)
  case coach(CoachID)
  case placement(PlacementID)
  case portfolio(CoachID)
  case membership(CoachID, register: RegisterID)
  case registerNumber(String, register: RegisterID)
  case register(RegisterID)
  case booking(BookingID)
  case decision(DecisionID)
  case publicEntry(String)
  case education(EducationID)
  case accreditation(String)
  case norm(RegisterID, effectiveFrom: CalendarDate)
  case policy(PolicyID, effectiveFrom: CalendarDate)
}

/// The kinds of record a reference names.
public enum RecordKind: String, Hashable, Sendable {
  case organisation, coach, placement, register, booking
}

/// Why an organisation is referred to, for the kind it must be.
public enum OrganisationRole: Hashable, Sendable {
  case employerOf(CoachKind)
  case placementEmployer
  case placementMunicipality
  case deliverer
  case policyMunicipality
  case approvedOrganisation
}

extension JSONValue {
  /// The value's JSON type.
  public var kind: JSONKind {
    switch self {
    case .null: .null
    case .bool: .boolean
    case .number: .number
    case .string: .string
    case .array: .array
    case .object: .object
    }
  }
}
