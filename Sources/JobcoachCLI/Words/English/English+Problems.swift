import JobcoachCore

extension English {
  /// What is wrong at one place of a document.
  func problem(_ reason: ProblemReason) -> String {
    switch reason {
    case .unreadable: "the file could not be read"
    case .utf16: "the file is UTF-16, not UTF-8"
    case .secondByteOrderMark: "a second byte order mark; the file starts with one at most"
    case .emptyFile: "the file is empty"
    case .noJSONValue: "the file holds no JSON value"
    case .textAfterValue: "unexpected text after the JSON value"
    case .unexpectedEnd(nil): "unexpected end of file"
    case .unexpectedEnd(.object?): "unexpected end of file in an object"
    case .unexpectedEnd(.array?): "unexpected end of file in an array"
    case .unexpectedEnd(.escape?): "unexpected end of file in \\u escape"
    case .unexpectedCharacter(let character): "unexpected character '\(character)'"
    case .invalidLiteral(let literal): "invalid literal, expected '\(literal)'"
    case .nestingTooDeep(let depth): "nesting deeper than \(depth) levels"
    case .expectedMemberName: "expected a member name in double quotes"
    case .duplicateMember(let name): "duplicate member name \(memberName(name))"
    case .expectedColon(let name): "expected ':' after member name \(memberName(name))"
    case .expectedCommaOrEnd(let container): "expected ',' or '\(container == .array ? "]" : "}")'"
    case .invalidNumber(nil): "invalid number"
    case .invalidNumber(.leadingZero?): "invalid number: leading zero"
    case .invalidNumber(.noDigitAfterPoint?): "invalid number: no digit after '.'"
    case .invalidNumber(.noDigitInExponent?): "invalid number: no digit in exponent"
    case .numberTooLong: "number longer than 64 characters"
    case .invalidUTF8: "a string that is not valid UTF-8"
    case .controlCharacter: "a control character inside a string"
    case .unterminatedString: "unterminated string"
    case .loneSurrogate: "a lone surrogate in a \\u escape"
    case .invalidUnicodeEscape: "invalid \\u escape"
    case .invalidEscape(let character): "invalid escape '\\\(character)'"
    case .invalidHexDigit: "invalid hex digit in \\u escape"
    case .valueTooLarge(let bytes):
      "a single value longer than \(size(bytes)); no record or field jobcoach reads is this large"
    case .notValidJSON(let reason): "not valid JSON: \(problem(reason))"
    case .missingField(let key): "missing required field '\(key)'"
    case .missingKind(let kinds): "missing required field 'kind' (one of \(quoted(kinds)))"
    case .notAnImportedDocument(let kinds):
      "this is not a document jobcoach imports; 'kind' must be one of \(quoted(kinds))"
    case .notForCommand(let kind, let command, let reads):
      "this is a '\(kind)' document; '\(command)' reads only "
        + reads.map { "'\($0)'" }.joined(separator: " and ")
        + " (use 'jobcoach import' for the others)"
    case .unknownSchemaVersion(let version, let kind, let supported):
      "schema version \(version) of '\(kind)' documents is not known to this jobcoach (it reads "
        + supported.map(String.init).joined(separator: ", ") + ")"
    case .nullField(let key): "'\(key)' must not be null"
    case .unknownField(let key): "unknown field '\(key)'"
    case .wrongType(let expected, let found): "expected \(self.expected(expected)), found \(type(found))"
    case .notAWholeNumber(let kind, let number):
      "expected a whole number, found " + (number.map { "the number \($0)" } ?? type(kind))
    case .notWholeMinutes(let text, let below, let above):
      "\(text) is not a whole number of minutes: \(below.decimalText) (\(below.clockText)) or "
        + "\(above.decimalText) (\(above.clockText))"
    case .malformedID:
      "an id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"
    case .textTooLong(let length): "text longer than \(length) characters"
    case .emptyText: "must not be empty"
    case .citizenServiceNumber: Self.citizenServiceNumber
    case .memberNameCitizenServiceNumber: "a member name " + Self.citizenServiceNumber
    case .notACalendarDate(let text):
      "\(text.map { "'\($0)'" } ?? "a text") is not a calendar date (YYYY-MM-DD, a day that exists)"
    case .dateBeyondLatest(let text): "\(text) \(Self.beyondLatest)"
    case .hoursAsText: "hours as a text must be \"H:MM\" (such as \"80:59\"), minutes 00 to 59"
    case .negativeHours(let text): "hours must not be negative, found \(text)"
    case .hoursNotDecimal(let text):
      "hours must be a plain decimal number such as 12.5, found \(text)"
    case .hoursAndMinutes(let hours, let minutes): "give '\(hours)' or '\(minutes)', not both"
    case .negativeMinutes(let minutes): "minutes must not be negative, found \(minutes)"
    case .tooManyMinutes(let minutes): "more minutes than the registry keeps, found \(minutes)"
    case .missingHours(let hours, let minutes):
      "missing required field '\(hours)' (or '\(minutes)')"
    case .frameworkVersion: "expected a framework version as a year such as \"2016\""
    case .oneOf(let choices): "expected one of \(quoted(choices))"
    case .reminderStage: "expected a reminder stage such as \"6m\", \"12w\" or \"30d\" (1 to 999)"
    case .negativeAmount(let text): "an amount must not be negative, found \(text)"
    case .endsBeforeStart(let span, let end, let start):
      "the \(span.rawValue) ends (\(end)) before it starts (\(start))"
    case .judgedBeforeSubmitted(let judged, let submitted):
      "judged (\(judged)) before it was submitted (\(submitted))"
    case .decisionWithoutBookings: "a decision names at least one booking"
    case .grantWithoutPeriods: "a grant has at least one half-year period (F-2)"
    case .zeroHourBooking: "a booking of 0 hours books nothing; leave it out"
    case .bookingOverOneDay(let hours): "a booking covers one day: at most 24 hours, found \(hours)"
    case .withWhomWithoutContact:
      "say with whom only for a contact ('contact': 'visit' or 'call')"
    case .reportOnOtherActivity: "only a reporting booking is written for a report"
    case .shareOutOfRange(let share): "a share is 0 to 100 percent, not \(share)"
    case .employerYearsOutOfRange(let years): "expected 1 to 10 years, found \(years)"
    case .zeroExemption: "an exemption of 0 hours a week is no exemption; leave it out"
    case .belongsInAssignment(let key): "with 'assignments', '\(key)' belongs inside an assignment"
    case .noReminderStages: "give at least one stage, or leave the field out"
    case .noRegistersNamed: "name at least one register, or leave the kind out"
    case .approvedListOnlyForApprovedList:
      "a list of organisations belongs only to policy 'approved-list'"
    case .approvedListMissing: "policy 'approved-list' needs the field 'approved'"
    case .cycleYearsOutOfRange(let years): "a cycle is 1 to 10 years, not \(years)"
    case .noLoweringEducations: "name at least one education whose diploma lowers the hours"
    case .monthsOutOfRange(let months): "give 0 to 60 months, not \(months)"
    case .codeOnFreeActivity: "only an accredited activity has an accreditation code"
    case .zeroHourActivity: "an activity of 0 hours adds nothing; leave it out"
    case .recognitionOnWrongKind(let kind):
      "only a coaching organisation or a self-employed coach can hold a UWV recognition, not a "
        + organisationKind(kind)
    case .withdrawnBeforeStart(let withdrawn, let start):
      "the recognition is withdrawn (\(withdrawn)) before it starts (\(start))"
    case .expiresBeforeIssued(let expires, let issued):
      "the qualification expires (\(expires)) before it is issued (\(issued))"
    case .reportPeriodBackwards(let end, let start):
      "the report covers a period that ends (\(end)) before it starts (\(start))"
    case .deliveredBeforePeriodEnds(let delivered, let end):
      "delivered (\(delivered)) before the period it covers ends (\(end))"
    case .notARequirement(let rule, let kind, let allowed):
      "'\(rule)' is not a requirement for \(kind.rawValue) coaches; choose from \(ids(allowed))"
    case .accreditedAboveTotal(let accredited, let total):
      "the accredited minimum (\(accredited)) is more than the total (\(total))"
    case .diplomaHoursAboveAdmission(let hours, let admission):
      "with a diploma the hours (\(hours)) are at most the admission hours (\(admission))"
    case .normRegisterInsideRegister(let id):
      "a norm inside register '\(id)' is that register's; leave 'register' out"
    case .twoNormsOnOneDay(let date): "two norms of this register take effect on \(date)"
    case .activityTwice(let id, let first):
      "activity id '\(id)' appears twice in this portfolio (first at \(first)); an activity "
        + "counts once"
    case .insufficientWithoutPoints:
      "an insufficient assessment names the points to improve ('improvementPoints')"
    case .statusChangesOutOfOrder(let date, let before):
      "status changes are in date order; \(date) comes before \(before)"
    case .publishesOnly(let statuses): "a public register publishes only \(quoted(statuses))"
    case .goalTwice(let goal): "goal '\(goal)' appears twice in the plan"
    case .notAnActivity(let named):
      "expected an activity such as \(quoted(named)), or another activity named as a short code"
    case .notAnAmount(let kind, let number):
      "expected an amount in whole euro cents (270000 for EUR 2,700), found "
        + (number.map { "the number \($0)" } ?? type(kind))
    case .assignmentBeforePlacement(let start, let placementStart):
      "the assignment starts (\(start)) before the placement (\(placementStart))"
    case .assignmentPastPlacement(let end): "the assignment runs past the placement's end (\(end))"
    case .mainAssignmentsOverlap(let coach, let span):
      "two main assignments overlap: \(coach)'s runs \(interval(span)); a coach change is a new "
        + "assignment from the day after the last one ends"
    case .appearsTwice(let name, let file, let place):
      "\(record(name)) appears twice in this import; first at \(self.place(file, place))"
    case .unknownRecord(let kind, let id):
      "no \(kind.rawValue) with id '\(id)' in this import or the registry"
    case .unknownEducation(let id):
      "no education with id '\(id)' on the association's list in this import or the registry"
    case .wrongOrganisationKind(let role, let allowed, let id, let found):
      "\(self.role(role)) must be a " + allowed.map(organisationKind).sorted().joined(separator: " or ")
        + "; '\(id)' is a \(organisationKind(found))"
    case .bookingOnOtherPlacement(let id, let found, let placement):
      "booking '\(id)' is on placement '\(found)', not on '\(placement)'"
    case .registerNumberOfOtherCoach(let number, let holder):
      "register number '\(number)' belongs to coach '\(holder)'"
    case .unknownRegisterNumber(let number, let register):
      "nobody holds register number '\(number)' in register \(register) (in this import or the "
        + "registry)"
    case .activityGivenTwice(let id, let coach, let inPortfolio):
      inPortfolio
        ? "coach '\(coach)' has activity '\(id)' from their portfolio document; a list cannot "
          + "give the same id: give the row another id, or leave it out of one of the two"
        : "coach '\(coach)' has activity '\(id)' from a list (CSV); the portfolio cannot give "
          + "the same id: give it another id, or leave it out of one of the two"
    case .notAMemberOn(let coach, let register, let date):
      "coach '\(coach)' is not a member of register \(register) on \(self.date(date)), so the "
        + "attendance list cannot give them PE hours"
    case .registerUnsigned:
      "the public register is not signed, so nothing shows who published it; ask the "
        + "association for a signed export ('export public --signed'), or import it with "
        + "--allow-unsigned (the audit trail says so)"
    case .registerSignatureInvalid:
      "the public register's signature does not hold: it was changed after signing (or the "
        + "proof is damaged); nothing of it is imported"
    case .registerIssuerNotSigner(let issuer, let signer):
      "the public register names issuer \(issuer) but is signed by \(signer)"
    case .registerIssuerNotTrusted(let issuer):
      "the public register is signed by \(issuer), an issuer this registry does not trust; "
        + "check the key with the association, then 'jobcoach trust add \(issuer) --name NAME'"
    case .csvNotUTF8:
      "the file is not UTF-8 (probably Latin-1 or Windows-1252); in Excel save it with 'Save as' "
        + "and 'CSV UTF-8 (comma delimited) (*.csv)', in LibreOffice choose the character set "
        + "'Unicode (UTF-8)'"
    case .csvTextAfterQuote:
      "text after the closing quote of a quoted field; write a quote inside a field as two quotes"
    case .csvUnterminatedQuote: "a quoted field is not closed before the end of the file"
    case .csvRecordTooLong(let bytes): "a row longer than \(bytes) bytes"
    case .csvTooFewFields(let expected, let found):
      "\(count(found, "field", "fields")) where the header has \(expected)"
    case .csvTooManyFields(let expected, let found):
      "\(count(found, "field", "fields")) where the header has \(expected)"
    case .csvKindNotRecognised(let kinds):
      "the header fits none of the tables jobcoach reads (\(quoted(kinds))); check the column "
        + "names, or name the kind with --kind"
    case .csvUnknownColumn(let kind, let known):
      "not a column of \(kind); the columns are \(known.joined(separator: ", "))"
    case .csvColumnTwice: "this column appears twice in the header"
    case .csvMissingColumn(_, let english):
      "the header has no column '\(english)'"
    case .csvEmptyCell: "empty, and this column must be filled"
    case .csvNotADate(let text):
      (text.map { "'\($0)' is" } ?? "this is") + " not a date: write 2026-02-01 or 01-02-2026 (a "
        + "day that exists)"
    case .csvNotHours(let text, let decimalComma):
      "'\(text)' is not a number of hours; write "
        + (decimalComma ? "2,5 (a decimal comma, no point)" : "2.5 (a decimal point, no comma)")
        + " or 2:30"
    }
  }

  static let citizenServiceNumber =
    "holds what looks like a citizen service number (BSN); the registry never stores one, use "
    + "a pseudonymous reference"
  static let beyondLatest =
    "is after 9899-12-31, the last date jobcoach accepts (periods computed from it must still "
    + "fit the calendar)"

  func memberName(_ name: String?) -> String {
    name.map { "'\($0)'" } ?? "(one that looks like a citizen service number)"
  }

  func expected(_ value: ExpectedValue) -> String {
    switch value {
    case .object: "an object"
    case .array: "an array"
    case .string: "a string"
    case .boolean: "true or false"
    case .date: "a date as \"YYYY-MM-DD\""
    case .hours: "a number of hours"
    case .id: "an id as a string"
    case .ruleID: "a rule id such as \"Q-MUN-1\""
    }
  }

  func type(_ kind: JSONKind) -> String {
    switch kind {
    case .null: "null"
    case .boolean: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }

  func size(_ bytes: Int) -> String {
    bytes % (1 << 20) == 0
      ? "\(bytes >> 20) MiB" : bytes % 1024 == 0 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
  }

  func record(_ name: RecordName) -> String {
    switch name {
    case .organisation(let id): "organisation id '\(id)'"
    case .coach(let id): "coach id '\(id)'"
    case .placement(let id): "placement id '\(id)'"
    case .portfolio(let coach): "a portfolio of coach '\(coach)'"
    case .membership(let coach, let register):
      "a membership of coach '\(coach)' in register '\(register)'"
    case .registerNumber(let number, let register):
      "register number '\(number)' of register '\(register)'"
    case .register(let id): "register id '\(id)'"
    case .booking(let id): "booking id '\(id)'"
    case .decision(let id): "decision id '\(id)'"
    case .publicEntry(let number): "register number '\(number)' in a public register"
    case .education(let id): "education id '\(id)'"
    case .accreditation(let code): "accreditation code '\(code)'"
    case .norm(let register, let date): "a PE norm of register '\(register)' taking effect on \(date)"
    case .policy(let id, let date): "policy '\(id)' taking effect on \(date)"
    }
  }

  func role(_ role: OrganisationRole) -> String {
    switch role {
    case .employerOf(let kind): "the employer of \(withArticle(kind))"
    case .placementEmployer: "the employer of a placement"
    case .placementMunicipality: "the municipality of a placement"
    case .deliverer: "the organisation that delivers the coaching"
    case .policyMunicipality: "the municipality of a policy"
    case .approvedOrganisation: "an approved organisation"
    }
  }
}
