// The case names as codes, by a switch: `check` asks one for every finding it writes, and
// reflection (`FindingReason.reflectedCode`, the reference the tests hold these to) is slow.
// Generated from the enumerations; a new case without a code does not compile.

extension QualificationReason {
  /// The case's name in kebab case, e.g. `also-external-for`.
  public var caseCode: String {
    switch self {
    case .alsoExternalFor: "also-external-for"
    case .employedAsOtherKind: "employed-as-other-kind"
    case .notYetEmployed: "not-yet-employed"
    case .notEmployed: "not-employed"
    case .notEmployedByDeliverer: "not-employed-by-deliverer"
    case .notEmployedByPlacementEmployer: "not-employed-by-placement-employer"
    case .employerNotInRegistry: "employer-not-in-registry"
    case .employerOfWrongKind: "employer-of-wrong-kind"
    case .employed: "employed"
    case .notAssigned: "not-assigned"
    case .judgedUnderPolicyAtStart: "judged-under-policy-at-start"
    case .assigned: "assigned"
    case .employmentDoesNotSpanAssignment: "employment-does-not-span-assignment"
    case .factNeedsPlacement: "fact-needs-placement"
    case .factNeedsAssignment: "fact-needs-assignment"
    case .qualified: "qualified"
    case .notQualified: "not-qualified"
    case .expiresBeforePlacementEnds: "expires-before-placement-ends"
    case .taskExperience: "task-experience"
    case .noTaskExperience: "no-task-experience"
    case .hoursExemption: "hours-exemption"
    case .noHoursExemption: "no-hours-exemption"
    case .notAtRecognisableOrganisation: "not-at-recognisable-organisation"
    case .recognised: "recognised"
    case .recognitionEndsBeforePlacement: "recognition-ends-before-placement"
    case .notRecognised: "not-recognised"
    case .notRequiredByPolicy: "not-required-by-policy"
    case .registrationRequiredNoNumber: "registration-required-no-number"
    case .registrationRequired: "registration-required"
    case .fundsInternalCoaching: "funds-internal-coaching"
    case .doesNotFundInternalCoaching: "does-not-fund-internal-coaching"
    case .uwvRuleIsForExternalCoaching: "uwv-rule-is-for-external-coaching"
    case .fundedByMunicipality: "funded-by-municipality"
    case .freeChoiceOfOrganisation: "free-choice-of-organisation"
    case .approvedListWithoutExternalEmployment: "approved-list-without-external-employment"
    case .onApprovedList: "on-approved-list"
    case .notOnApprovedList: "not-on-approved-list"
    case .throughMunicipalityNeedsPlacement: "through-municipality-needs-placement"
    case .appointedThroughMunicipality: "appointed-through-municipality"
    case .notAppointedThroughMunicipality: "not-appointed-through-municipality"
    }
  }
}

extension RegisterReason {
  /// The case's name in kebab case, e.g. `education-completed`.
  public var caseCode: String {
    switch self {
    case .educationCompleted: "education-completed"
    case .noRecognisedEducation: "no-recognised-education"
    case .experience: "experience"
    case .assessmentSufficient: "assessment-sufficient"
    case .assessmentInsufficient: "assessment-insufficient"
    case .assessmentDue: "assessment-due"
    case .activityWithoutEvidence: "activity-without-evidence"
    case .sameActivity: "same-activity"
    case .claimReduced: "claim-reduced"
    case .claimNotAccredited: "claim-not-accredited"
    case .totalHours: "total-hours"
    case .practiceHours: "practice-hours"
    case .accreditedHours: "accredited-hours"
    case .freeHours: "free-hours"
    case .lapsed: "lapsed"
    case .registered: "registered"
    case .status: "status"
    case .notYetRegistered: "not-yet-registered"
    case .numberUnchecked: "number-unchecked"
    case .numberNotPublished: "number-not-published"
    case .numberOfAnotherName: "number-of-another-name"
    case .publishedStatus: "published-status"
    case .publishedUntil: "published-until"
    case .publishedRegistered: "published-registered"
    }
  }
}

extension FundingReason {
  /// The case's name in kebab case, e.g. `no-grant`.
  public var caseCode: String {
    switch self {
    case .noGrant: "no-grant"
    case .framework: "framework"
    case .noPeriods: "no-periods"
    case .periodTooLong: "period-too-long"
    case .periodsOverlap: "periods-overlap"
    case .periodsGranted: "periods-granted"
    case .grantedUnfunded: "granted-unfunded"
    case .grantedAbove: "granted-above"
    case .grantedWithin: "granted-within"
    case .durationStandard: "duration-standard"
    case .durationThirdYear: "duration-third-year"
    case .durationBeyond: "duration-beyond"
    case .municipalRateMissing: "municipal-rate-missing"
    case .municipalRate: "municipal-rate"
    case .sameFramework: "same-framework"
    case .noMotivation: "no-motivation"
    case .motivationNotAllowed: "motivation-not-allowed"
    case .motivated: "motivated"
    case .deviationShare: "deviation-share"
    }
  }
}

extension PlacementReason {
  /// The case's name in kebab case, e.g. `spent`.
  public var caseCode: String {
    switch self {
    case .spent: "spent"
    case .bookedOutsidePeriods: "booked-outside-periods"
    case .noPlan: "no-plan"
    case .planNotAgreedBy: "plan-not-agreed-by"
    case .planAgreedLate: "plan-agreed-late"
    case .planWithoutGoals: "plan-without-goals"
    case .planAgreed: "plan-agreed"
    case .bookedByUnassigned: "booked-by-unassigned"
    case .allHoursAttributed: "all-hours-attributed"
    case .hoursNotAttributed: "hours-not-attributed"
    case .unknownActivities: "unknown-activities"
    case .noExcludedActivities: "no-excluded-activities"
    case .excludedActivities: "excluded-activities"
    case .bookedOnHoliday: "booked-on-holiday"
    case .bookedWhileSick: "booked-while-sick"
    case .bookedDuringApprovedAbsence: "booked-during-approved-absence"
    case .employerCoachingLate: "employer-coaching-late"
    case .homeSituationNotWork: "home-situation-not-work"
    case .homeSituationNeedsReview: "home-situation-needs-review"
    case .reportingWithin: "reporting-within"
    case .reportingOver: "reporting-over"
    case .reportingOutsideGoal: "reporting-outside-goal"
    case .heldAwaiting: "held-awaiting"
    case .heldDecided: "held-decided"
    case .periodWithoutResult: "period-without-result"
    case .periodResult: "period-result"
    case .presentAtStart: "present-at-start"
    case .noVisitAtStart: "no-visit-at-start"
    case .contactsInEveryWindow: "contacts-in-every-window"
    case .contactsShort: "contacts-short"
    case .averageVisits: "average-visits"
    case .visitsOnSameDays: "visits-on-same-days"
    case .visitsCouldBeClustered: "visits-could-be-clustered"
    }
  }
}

extension RegistryReason {
  /// The case's name in kebab case, e.g. `ambiguous-policy`.
  public var caseCode: String {
    switch self {
    case .ambiguousPolicy: "ambiguous-policy"
    case .policyNotChosen: "policy-not-chosen"
    case .recognised: "recognised"
    case .notRecognised: "not-recognised"
    case .assignedForNonEmployer: "assigned-for-non-employer"
    }
  }
}

extension BookingReason {
  /// The case's name in kebab case, e.g. `not-assigned`.
  public var caseCode: String {
    switch self {
    case .notAssigned: "not-assigned"
    case .noGrant: "no-grant"
    case .outsidePeriods: "outside-periods"
    case .excludedActivity: "excluded-activity"
    case .notAttributed: "not-attributed"
    case .goalNotInPlan: "goal-not-in-plan"
    case .onHoliday: "on-holiday"
    case .sick: "sick"
    case .unknownActivity: "unknown-activity"
    case .supervisorCoachingLate: "supervisor-coaching-late"
    case .homeSituationNotWork: "home-situation-not-work"
    case .homeSituationUnstated: "home-situation-unstated"
    case .reportingBeyondCap: "reporting-beyond-cap"
    case .rejected: "rejected"
    }
  }
}

extension ProblemReason {
  /// The case's name in kebab case, e.g. `unreadable`.
  public var caseCode: String {
    switch self {
    case .unreadable: "unreadable"
    case .utf16: "utf16"
    case .secondByteOrderMark: "second-byte-order-mark"
    case .emptyFile: "empty-file"
    case .noJSONValue: "no-json-value"
    case .textAfterValue: "text-after-value"
    case .unexpectedEnd: "unexpected-end"
    case .unexpectedCharacter: "unexpected-character"
    case .invalidLiteral: "invalid-literal"
    case .nestingTooDeep: "nesting-too-deep"
    case .expectedMemberName: "expected-member-name"
    case .duplicateMember: "duplicate-member"
    case .expectedColon: "expected-colon"
    case .expectedCommaOrEnd: "expected-comma-or-end"
    case .invalidNumber: "invalid-number"
    case .numberTooLong: "number-too-long"
    case .invalidUTF8: "invalid-utf8"
    case .controlCharacter: "control-character"
    case .unterminatedString: "unterminated-string"
    case .loneSurrogate: "lone-surrogate"
    case .invalidUnicodeEscape: "invalid-unicode-escape"
    case .invalidEscape: "invalid-escape"
    case .invalidHexDigit: "invalid-hex-digit"
    case .valueTooLarge: "value-too-large"
    case .notValidJSON: "not-valid-json"
    case .missingField: "missing-field"
    case .missingKind: "missing-kind"
    case .notAnImportedDocument: "not-an-imported-document"
    case .notForCommand: "not-for-command"
    case .unknownSchemaVersion: "unknown-schema-version"
    case .nullField: "null-field"
    case .unknownField: "unknown-field"
    case .wrongType: "wrong-type"
    case .notAWholeNumber: "not-a-whole-number"
    case .notWholeMinutes: "not-whole-minutes"
    case .malformedID: "malformed-id"
    case .textTooLong: "text-too-long"
    case .emptyText: "empty-text"
    case .citizenServiceNumber: "citizen-service-number"
    case .memberNameCitizenServiceNumber: "member-name-citizen-service-number"
    case .notACalendarDate: "not-a-calendar-date"
    case .dateBeyondLatest: "date-beyond-latest"
    case .hoursAsText: "hours-as-text"
    case .negativeHours: "negative-hours"
    case .hoursNotDecimal: "hours-not-decimal"
    case .hoursAndMinutes: "hours-and-minutes"
    case .negativeMinutes: "negative-minutes"
    case .tooManyMinutes: "too-many-minutes"
    case .missingHours: "missing-hours"
    case .frameworkVersion: "framework-version"
    case .oneOf: "one-of"
    case .reminderStage: "reminder-stage"
    case .negativeAmount: "negative-amount"
    case .endsBeforeStart: "ends-before-start"
    case .judgedBeforeSubmitted: "judged-before-submitted"
    case .decisionWithoutBookings: "decision-without-bookings"
    case .grantWithoutPeriods: "grant-without-periods"
    case .zeroHourBooking: "zero-hour-booking"
    case .bookingOverOneDay: "booking-over-one-day"
    case .withWhomWithoutContact: "with-whom-without-contact"
    case .reportOnOtherActivity: "report-on-other-activity"
    case .shareOutOfRange: "share-out-of-range"
    case .employerYearsOutOfRange: "employer-years-out-of-range"
    case .zeroExemption: "zero-exemption"
    case .belongsInAssignment: "belongs-in-assignment"
    case .noReminderStages: "no-reminder-stages"
    case .noRegistersNamed: "no-registers-named"
    case .approvedListOnlyForApprovedList: "approved-list-only-for-approved-list"
    case .approvedListMissing: "approved-list-missing"
    case .cycleYearsOutOfRange: "cycle-years-out-of-range"
    case .noLoweringEducations: "no-lowering-educations"
    case .monthsOutOfRange: "months-out-of-range"
    case .codeOnFreeActivity: "code-on-free-activity"
    case .zeroHourActivity: "zero-hour-activity"
    case .recognitionOnWrongKind: "recognition-on-wrong-kind"
    case .withdrawnBeforeStart: "withdrawn-before-start"
    case .expiresBeforeIssued: "expires-before-issued"
    case .reportPeriodBackwards: "report-period-backwards"
    case .deliveredBeforePeriodEnds: "delivered-before-period-ends"
    case .notARequirement: "not-a-requirement"
    case .accreditedAboveTotal: "accredited-above-total"
    case .diplomaHoursAboveAdmission: "diploma-hours-above-admission"
    case .normRegisterInsideRegister: "norm-register-inside-register"
    case .twoNormsOnOneDay: "two-norms-on-one-day"
    case .activityTwice: "activity-twice"
    case .insufficientWithoutPoints: "insufficient-without-points"
    case .statusChangesOutOfOrder: "status-changes-out-of-order"
    case .publishesOnly: "publishes-only"
    case .goalTwice: "goal-twice"
    case .notAnActivity: "not-an-activity"
    case .notAnAmount: "not-an-amount"
    case .assignmentBeforePlacement: "assignment-before-placement"
    case .assignmentPastPlacement: "assignment-past-placement"
    case .mainAssignmentsOverlap: "main-assignments-overlap"
    case .appearsTwice: "appears-twice"
    case .unknownRecord: "unknown-record"
    case .unknownEducation: "unknown-education"
    case .wrongOrganisationKind: "wrong-organisation-kind"
    case .bookingOnOtherPlacement: "booking-on-other-placement"
    case .registerNumberOfOtherCoach: "register-number-of-other-coach"
    }
  }
}
