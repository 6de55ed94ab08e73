/// Why a rule concluded what it did: what happened, with its facts (dates, hours, amounts,
/// names, ids) as values. Core holds no sentence; the front end words a reason in the reader's
/// language (nl, en). Each area's reasons are their own type, so each has one file of words
/// per language.
public indirect enum FindingReason: Hashable, Sendable {
  /// The G4 qualification rules, the assignment rules and the municipal policy (Q-*).
  case qualification(QualificationReason)
  /// The register: admission, assessment, PE hours and the standing (R-*).
  case register(RegisterReason)
  /// The grant under the funding framework (F-2..F-6).
  case funding(FundingReason)
  /// A placement as it runs: spending, protocol and contact frequency (F-1, F-7, P-*, K-*).
  case placement(PlacementReason)
  /// What only the whole-registry check says (organisations, policy choice, assignments).
  case registry(RegistryReason)

  /// A stable code a script can act on without reading words, e.g.
  /// `qualification.employed-as-other-kind`: the area and the case's name (`ReasonCodes.swift`),
  /// held to the cases' names by reflection (`reflectedCode`) in the tests.
  public var code: String {
    switch self {
    case .qualification(let reason): "qualification." + reason.caseCode
    case .register(let reason): "register." + reason.caseCode
    case .funding(let reason): "funding." + reason.caseCode
    case .placement(let reason): "placement." + reason.caseCode
    case .registry(let reason): "registry." + reason.caseCode
    }
  }

  /// The code by reflection over the case names: slow, the reference `code` is tested against.
  public var reflectedCode: String {
    let outer = Mirror(reflecting: self).children.first
    let area = outer?.label ?? "\(self)"
    let inner = outer.map { Self.caseName(of: $0.value) } ?? ""
    return area + "." + inner
  }

  /// The kebab-case name of an enumeration value's case: `notAssigned(...)` is `not-assigned`.
  public static func caseName(of value: Any) -> String {
    let name = Array(Mirror(reflecting: value).children.first?.label ?? "\(value)")
    var code = ""
    for (index, character) in name.enumerated() {
      // A word starts at an upper-case letter after a lower-case one, or at the last capital
      // of an acronym before a lower-case letter: `notValidJSON` is `not-valid-json`.
      if character.isUppercase, index > 0,
        !name[index - 1].isUppercase
          || (index + 1 < name.count && name[index + 1].isLowercase)
      {
        code += "-"
      }
      code += character.lowercased()
    }
    return code
  }
}

/// An organisation as a reason names it: its id, and its name when the registry holds it.
public struct OrganisationRef: Hashable, Sendable {
  public var id: OrganisationID
  public var name: String?

  public init(id: OrganisationID, name: String?) {
    self.id = id
    self.name = name
  }
}

/// Why a qualification of the kinds a rule asks for does not count on the date.
public enum QualificationShortfall: Hashable, Sendable {
  case issuedOnlyOn(title: String, CalendarDate)
  case expiredAfter(title: String, CalendarDate)
}

/// Why a UWV recognition does not count on the date.
public enum RecognitionShortfall: Hashable, Sendable {
  case frameworkTooOld(RecognitionFramework, minimum: RecognitionFramework, policy: PolicyID)
  case startsOn(CalendarDate)
  /// Ended on the day; `dayBefore`: the day before the date judged.
  case endedOn(CalendarDate, dayBefore: Bool)
  case withdrawnOn(CalendarDate)
}

/// A fact of the coach's assignment to a placement that a rule needs.
public enum AssignmentFact: String, Hashable, Sendable {
  case taskExperience = "task-experience"
  case hoursExemption = "hours-exemption"
}

public enum QualificationReason: Hashable, Sendable {
  // MARK: Employment (Q-MUN-1, Q-INT-1, Q-EXT-2) and assignment (Q-ASG-*)
  /// Also an external coach of another organisation; `failed`: the rules not met as its coach
  /// (none: eligible there too).
  case alsoExternalFor(OrganisationRef, on: CalendarDate, failed: [RuleID])
  case employedAsOtherKind(coach: String, on: CalendarDate, as: CoachKind, notAs: CoachKind)
  case notYetEmployed(
    coach: String, on: CalendarDate, as: CoachKind, at: OrganisationRef, starts: CalendarDate)
  case notEmployed(coach: String, on: CalendarDate, as: CoachKind)
  case notEmployedByDeliverer(
    coach: String, on: CalendarDate, as: CoachKind, deliverer: OrganisationRef,
    employers: [OrganisationRef])
  case notEmployedByPlacementEmployer(
    employer: OrganisationRef, coach: String, on: CalendarDate, employers: [OrganisationRef])
  case employerNotInRegistry(OrganisationID)
  case employerOfWrongKind(
    as: CoachKind, allowed: [OrganisationKind], organisation: String, is: OrganisationKind)
  case employed(as: CoachKind, by: String, on: CalendarDate)
  case notAssigned(coach: String, placement: PlacementID, on: CalendarDate, assigned: [CoachID])
  case judgedUnderPolicyAtStart(policy: PolicyID, start: CalendarDate, version: CalendarDate)
  case assigned(
    coach: String, placement: PlacementID, role: AssignmentRole, for: OrganisationRef?,
    days: DateInterval)
  /// The delivering organisation's employment starts after the assignment does
  /// (`startsLate`), or ends before it does (`endsEarly`).
  case employmentDoesNotSpanAssignment(
    coach: String, as: CoachKind, by: OrganisationRef, startsLate: CalendarDate?,
    endsEarly: CalendarDate?, assignment: DateInterval)
  case factNeedsPlacement(AssignmentFact)
  case factNeedsAssignment(AssignmentFact, coach: String, placement: PlacementID, on: CalendarDate)

  // MARK: Qualifications (Q-MUN-2/3, Q-INT-2..4)
  /// The coach holds what `rule` asks for.
  case qualified(coach: String, rule: RuleID)
  case notQualified(
    coach: String, rule: RuleID, on: CalendarDate, shortfalls: [QualificationShortfall])
  case expiresBeforePlacementEnds(title: String, expiresOn: CalendarDate, placementEnds: CalendarDate)
  case taskExperience(coach: String, placement: PlacementID)
  case noTaskExperience(placement: PlacementID, coach: String)
  case hoursExemption(coach: String, perWeek: Hours, placement: PlacementID)
  case noHoursExemption(placement: PlacementID, coach: String)

  // MARK: Recognition (Q-EXT-1, Q-POL-3)
  /// `forUWV`: said as Q-POL-3 ("UWV works only with ...").
  case notAtRecognisableOrganisation(coach: String, on: CalendarDate, forUWV: Bool)
  case recognised(organisation: String, framework: RecognitionFramework, on: CalendarDate)
  case recognitionEndsBeforePlacement(
    organisation: String, ends: CalendarDate, placementEnds: CalendarDate)
  case notRecognised(
    organisation: String, on: CalendarDate, shortfalls: [RecognitionShortfall], forUWV: Bool)

  // MARK: Municipal policy (Q-POL-*)
  case notRequiredByPolicy(PolicyID, effectiveFrom: CalendarDate)
  /// Q-POL-4 without a register number (in the accepted registers, when `there`).
  case registrationRequiredNoNumber(
    policy: PolicyID, kind: CoachKind, registers: [RegisterID], on: CalendarDate, there: Bool)
  /// Q-POL-4 answered by the register's standing (R-RE-1); `checkable` false: undetermined.
  case registrationRequired(
    policy: PolicyID, kind: CoachKind, registers: [RegisterID], on: CalendarDate,
    checkable: Bool, standing: RegisterReason)
  case fundsInternalCoaching(policy: PolicyID, requires: [RuleID])
  case doesNotFundInternalCoaching(policy: PolicyID)
  case uwvRuleIsForExternalCoaching(placement: PlacementID, kind: CoachKind)
  case fundedByMunicipality(placement: PlacementID)
  case freeChoiceOfOrganisation(policy: PolicyID)
  case approvedListWithoutExternalEmployment(policy: PolicyID, coach: String, on: CalendarDate)
  case onApprovedList(OrganisationRef, policy: PolicyID)
  case notOnApprovedList(OrganisationRef, policy: PolicyID, approved: [OrganisationID])
  case throughMunicipalityNeedsPlacement(policy: PolicyID)
  case appointedThroughMunicipality(placement: PlacementID)
  case notAppointedThroughMunicipality(policy: PolicyID, placement: PlacementID)
}

/// Why a diploma does not admit (R-ADM-1).
public enum EducationShortfall: Hashable, Sendable {
  case issuedOnlyOn(EducationID, CalendarDate)
  case notOnList(EducationID)
  case notRecognisedByRegister(title: String, register: String)
  case recognisedOtherwise(title: String, recognition: DateInterval, diplomaDate: CalendarDate)
}

/// A lower admission threshold a diploma gives (R-ADM-2, R-REG-1).
public struct DiplomaThreshold: Hashable, Sendable {
  public var register: String
  public var education: String
}

/// Why an accredited claim does not count as accredited (R-PE-2).
public enum ClaimShortfall: Error, Hashable, Sendable {
  case noCode
  case notInCatalogue(code: String)
  case notValidOn(code: String, validity: DateInterval, date: CalendarDate)
}

/// Why a registration lapsed (R-RE-3, R-ASM-1).
public enum LapseReason: Hashable, Sendable {
  case assessmentDeadlinePassed
  /// The period was not renewed; `graceEnds` while a late renewal is still possible.
  case notRenewed(period: Int, days: DateInterval, graceEnds: CalendarDate?)
}

/// What is missing of a part of the PE norm, and by when (a running period).
public struct Shortfall: Hashable, Sendable {
  public var missing: Hours
  /// The period's last day and the days left, while it runs.
  public var byWhen: CalendarDate?
  public var daysLeft: Int
}

public enum RegisterReason: Hashable, Sendable {
  // MARK: Admission (R-ADM-1, R-ADM-2), assessment (R-ASM-1)
  case educationCompleted(title: String, provider: String, on: CalendarDate)
  case noRecognisedEducation([EducationShortfall])
  case experience(
    total: Hours, required: Hours, missing: Hours?, diploma: DiplomaThreshold?, later: Int,
    on: CalendarDate)
  case assessmentSufficient(missing: [RuleID], judgedOn: CalendarDate)
  case assessmentInsufficient(
    judgedOn: CalendarDate, deadline: CalendarDate?, overdue: Bool, points: String?)
  case assessmentDue(missing: [RuleID])

  // MARK: PE (R-PE-*)
  case activityWithoutEvidence(ActivityID, title: String, hours: Hours)
  case sameActivity(ActivityID, title: String, first: ActivityID)
  case claimReduced(ActivityID, title: String, claimed: Hours, worth: Hours)
  case claimNotAccredited(ActivityID, title: String, ClaimShortfall, hours: Hours)
  case totalHours(counted: Hours, required: Hours, cycle: DateInterval, shortfall: Shortfall?)
  case practiceHours(worked: Hours, required: Hours, shortfall: Shortfall?)
  case accreditedHours(accredited: Hours, minimum: Hours, shortfall: Shortfall?)
  case freeHours(free: Hours, counted: Hours, maximum: Hours)

  // MARK: Standing (R-RE-1, R-RE-3)
  /// `final`: past the grace period, only a new admission brings the coach back.
  case lapsed(number: String, on: CalendarDate, LapseReason, final: Bool)
  case registered(number: String, since: CalendarDate, until: CalendarDate)
  case status(number: String, MembershipStatus, on: CalendarDate)
  case notYetRegistered(number: String, on: CalendarDate)
  case numberUnchecked(number: String)
  case numberNotPublished(number: String, publishedOn: CalendarDate)
  case numberOfAnotherName(number: String, publishedOn: CalendarDate)
  case publishedStatus(number: String, MembershipStatus, publishedOn: CalendarDate)
  case publishedUntil(number: String, until: CalendarDate, publishedOn: CalendarDate)
  case publishedRegistered(
    number: String, since: CalendarDate, until: CalendarDate?, publishedOn: CalendarDate)
}

/// The years of the framework a budget line covers: one year, or years 1 and 2 together.
public typealias FrameworkYears = ClosedRange<Int>

public enum FundingReason: Hashable, Sendable {
  case noGrant(PlacementID)
  case framework(
    policy: PolicyID, g4: Bool, level: GuidanceLevel, maxima: FundingFramework.YearMaxima,
    shifts: Bool)
  case noPeriods
  case periodTooLong(DateInterval, lastDay: CalendarDate)
  case periodsOverlap(DateInterval, previous: DateInterval)
  case periodsGranted(count: Int, DateInterval)
  /// A grant beyond the framework says whether the written motivation covers it (F-5).
  case grantedUnfunded(Money, years: FrameworkYears, covered: Bool)
  case grantedAbove(
    Money, years: FrameworkYears, over: Money, level: GuidanceLevel, maximum: Money, covered: Bool)
  case grantedWithin(Money, years: FrameworkYears, level: GuidanceLevel, maximum: Money)
  case durationStandard(until: CalendarDate, years: Int)
  case durationThirdYear(until: CalendarDate)
  case durationBeyond(
    until: CalendarDate, year: Int, lastYear: Int, frameworkEnds: CalendarDate, covered: Bool)
  case municipalRateMissing(policy: PolicyID)
  case municipalRate(policy: PolicyID, Money)
  case sameFramework(CoachKind, hourlyRate: Money)
  case noMotivation
  case motivationNotAllowed(policy: PolicyID)
  case motivated
  /// F-5 monitoring: the share of a year's placements with a motivated deviation.
  case deviationShare(
    motivated: Int, of: Int, year: Int, percent: Int, above: Bool, threshold: Int,
    policy: PolicyID?)
}

/// Which report (or half year) reporting hours are for (P-3).
public enum ReportName: Hashable, Sendable {
  case report(ReportID)
  case reportOver(ReportID, DateInterval)
  case period(DateInterval)
}

/// Hours of one booked activity.
public struct ActivityHours: Hashable, Sendable {
  public var activity: BookedActivity
  public var hours: Hours
}

public enum PlacementReason: Hashable, Sendable {
  // F-1
  case spent(Money, years: FrameworkYears, days: DateInterval, limit: Money)
  case bookedOutsidePeriods(Hours)
  // P-1
  case noPlan
  case planNotAgreedBy([PlanParty])
  case planAgreedLate(on: CalendarDate, date: CalendarDate)
  case planWithoutGoals
  case planAgreed
  // P-2..P-9
  case bookedByUnassigned(Hours, coaches: [CoachID])
  case allHoursAttributed
  case hoursNotAttributed(Hours)
  case unknownActivities(Hours, [BookedActivity])
  case noExcludedActivities
  case excludedActivities([ActivityHours])
  case bookedOnHoliday(Hours)
  case bookedWhileSick(Hours)
  case bookedDuringApprovedAbsence(Hours)
  case employerCoachingLate(Hours, after: CalendarDate, years: Int)
  case homeSituationNotWork(Hours)
  case homeSituationNeedsReview(Hours)
  case reportingWithin(Hours, ReportName, cap: Hours)
  case reportingOver(Hours, ReportName, cap: Hours)
  case reportingOutsideGoal
  // F-7
  case heldAwaiting(Hours)
  case heldDecided(
    Hours, accepted: Bool, decision: DecisionID, on: CalendarDate, by: String, reason: String)
  // P-8
  case periodWithoutResult(DateInterval)
  case periodResult(DateInterval, PeriodResult)
  // K-*
  case presentAtStart(CalendarDate)
  case noVisitAtStart(CalendarDate)
  case contactsInEveryWindow(RuleID, windows: Int)
  case contactsShort(RuleID, short: [ContactWindow], windows: Int)
  /// An averaged frequency; `short` nil when met.
  case averageVisits(
    RuleID, visits: Int, windows: Int, excused: Int, hundredths: Int, required: Int, short: Int?)
  case visitsOnSameDays
  case visitsCouldBeClustered([SiblingWeek])
}

/// A week in which the coach visited another placement of the same employer on other days (K-6).
public struct SiblingWeek: Hashable, Sendable {
  public var placement: PlacementID
  public var week: CalendarDate
}

public enum RegistryReason: Hashable, Sendable {
  /// Several policies of a municipality in force; `placement`: said of a placement.
  case ambiguousPolicy(
    municipality: OrganisationID, policies: [PolicyID], on: CalendarDate, placement: Bool)
  case policyNotChosen(UseCaseError)
  case recognised(RecognitionFramework, on: CalendarDate, until: CalendarDate?)
  case notRecognised(on: CalendarDate)
  case assignedForNonEmployer(
    coach: String, placement: PlacementID, organisation: OrganisationID, on: CalendarDate)
}

/// Why a booking's hours are not reimbursed, or are held for the funder (P-*, F-7).
public indirect enum BookingReason: Hashable, Sendable {
  case notAssigned(CoachID, placement: PlacementID, on: CalendarDate)
  case noGrant
  case outsidePeriods
  case excludedActivity(BookedActivity)
  case notAttributed
  case goalNotInPlan(GoalID)
  case onHoliday(DateInterval)
  /// Sick, without approval (`approvedOn` nil) or booked on or before the approval's day.
  case sick(DateInterval, approvedOn: CalendarDate?)
  case unknownActivity(BookedActivity)
  case supervisorCoachingLate(years: Int, coachingStart: CalendarDate)
  case homeSituationNotWork
  case homeSituationUnstated
  case reportingBeyondCap(Hours, ReportName)
  case rejected(BookingReason, FunderDecision)

  /// A stable code for scripts, e.g. `not-assigned`, `rejected`.
  public var code: String { caseCode }
}
