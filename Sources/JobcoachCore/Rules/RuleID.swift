/// The ID of a rule in `shared/domain.md`, cited by findings, tests and messages.
public struct RuleID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }
  public var description: String { rawValue }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  /// Appendix 3.4 item 1: the coach is employed by a municipality or joint body.
  public static let municipalEmployment: RuleID = "Q-MUN"
  /// Completed hbo education or hbo working-and-thinking level.
  public static let municipalEducation: RuleID = "Q-MUN-1"
  /// Jobcoach training module with certificate, or in-company jobcoach training.
  public static let municipalTraining: RuleID = "Q-MUN-2"
  /// Appendix 3.4 item 2: the coach is employed by a coaching organisation or self-employed.
  public static let externalEmployment: RuleID = "Q-EXT"
  /// The coaching organisation is recognised by UWV, proven by evidence, on the date.
  public static let externalRecognition: RuleID = "Q-EXT-1"
  /// Appendix 3.4 item 3: the coach is employed by the employer.
  public static let internalEmployment: RuleID = "Q-INT"
  /// Training to guide workers with a limitation (Harrie/Buddy or similar).
  public static let internalGuidanceTraining: RuleID = "Q-INT-1"
  /// Demonstrable experience giving work instructions.
  public static let internalInstructionExperience: RuleID = "Q-INT-2"
  /// Demonstrable experience with the work the coached worker does (per placement).
  public static let internalTaskExperience: RuleID = "Q-INT-3"
  /// An exemption for part of the working hours to coach (per placement).
  public static let internalHoursExemption: RuleID = "Q-INT-4"
  /// The municipality sets requirements for internal coaches and decides on funding.
  public static let internalCoachingPolicy: RuleID = "Q-POL-1"
  /// The municipality's policy on external organisations.
  public static let externalOrganisationPolicy: RuleID = "Q-POL-2"
  /// UWV works only with coaches of recognised coaching organisations.
  public static let uwvRecognisedOnly: RuleID = "Q-POL-3"
  /// A municipality's own requirement for a coach kind: registered in good standing in the
  /// register on the date (Q-POL-1's "kwaliteitseisen", more than G4 asks).
  public static let registrationRequired: RuleID = "Q-POL-4"
  /// A placement is coached by assigned coaches over time; an assignment names the coach, the
  /// delivering organisation, its dates and role, and the coach's facts for it.
  public static let assignment: RuleID = "Q-ASG-1"
  /// An assignment is judged under the policy in force on its start date.
  public static let policyAtAssignment: RuleID = "Q-ASG-2"
  /// Hours are reimbursed only when booked by a coach assigned to the placement on the day.
  public static let bookedByAssignedCoach: RuleID = "P-9"
  /// Held hours stay unpaid until a recorded funder decision accepts or rejects them.
  public static let funderDecision: RuleID = "F-7"

  /// What a policy may list for a coach kind: the G4 requirements, and registration.
  public static func policyRequirements(for kind: CoachKind) -> [RuleID] {
    requirements(for: kind) + [.registrationRequired]
  }

  /// The qualification requirements a policy can ask of each coach kind.
  public static func requirements(for kind: CoachKind) -> [RuleID] {
    switch kind {
    case .municipal: [.municipalEducation, .municipalTraining]
    case .external: [.externalRecognition]
    case .internal:
      [
        .internalGuidanceTraining, .internalInstructionExperience, .internalTaskExperience,
        .internalHoursExemption,
      ]
    }
  }
}

extension RuleID {
  /// Entry: a completed jobcoach education the association recognises.
  public static let admissionEducation: RuleID = "R-ADM-1"
  /// Entry: at least 1,400 hours of work experience as a jobcoach.
  public static let admissionExperience: RuleID = "R-ADM-2"
  /// An earlier registrant who does not meet the current entry requirements is assessed.
  public static let assessment: RuleID = "R-ASM-1"
  /// Every five years a registered coach shows they still meet the requirements.
  public static let reregistration: RuleID = "R-RE-1"
  /// A registration runs in periods; an assessment restarts them.
  public static let registrationPeriods: RuleID = "R-RE-2"
  /// The renewal window, the lapse the day after an unrenewed period and the grace period.
  public static let renewalWindow: RuleID = "R-RE-3"
  /// Suspension and reinstatement.
  public static let suspension: RuleID = "R-RE-4"
  /// Registers are data: each its own admission hours, educations, periods, norm and terms.
  public static let registersAsData: RuleID = "R-REG-1"
  /// At least 111 hours of professional development in the cycle (and practice hours).
  public static let peTotal: RuleID = "R-PE-1"
  /// At least 81 of them accredited.
  public static let peAccredited: RuleID = "R-PE-2"
  /// At most 30 free hours count.
  public static let peFree: RuleID = "R-PE-3"
  /// PE hours count only when demonstrable: on or before the date judged on, with evidence,
  /// the same activity once.
  public static let peDemonstrable: RuleID = "R-PE-4"
  /// Practice hours count by the days their experience entry overlaps the period.
  public static let pePractice: RuleID = "R-PE-5"
}

extension RuleID {
  /// Two guidance levels with a maximum subsidy per framework year.
  public static let fundingMaximum: RuleID = "F-1"
  /// Coaching is granted per half year.
  public static let halfYearPeriods: RuleID = "F-2"
  /// At most two years, with an optional extension into a third.
  public static let fundingDuration: RuleID = "F-3"
  /// The same framework whatever the coach kind; municipal coaching costs nothing.
  public static let sameFrameworkEveryKind: RuleID = "F-4"
  /// Flexibility and, with a written motivation, more than the framework.
  public static let motivatedException: RuleID = "F-5"
  /// Each municipality sets its own financial framework.
  public static let municipalFramework: RuleID = "F-6"

  /// A coaching plan with goals agreed by coach, worker and employer.
  public static let coachingPlan: RuleID = "P-1"
  /// Every booked hour is attributed to a goal or activity.
  public static let hoursAttributed: RuleID = "P-2"
  /// At most 2 hours per accountability report, under evaluation and coordination.
  public static let reportingHours: RuleID = "P-3"
  /// Activities that are not reimbursed.
  public static let nonReimbursable: RuleID = "P-4"
  /// No coaching during sickness or holiday without written approval beforehand.
  public static let absence: RuleID = "P-5"
  /// Coaching of the employer within at most 3 years.
  public static let employerCoaching: RuleID = "P-6"
  /// Home-situation coaching only when directly work-related.
  public static let homeSituation: RuleID = "P-7"
  /// Each period ends with one result.
  public static let periodResult: RuleID = "P-8"

  /// Trial placement: present at the start, then about weekly visits.
  public static let trialPlacementVisits: RuleID = "K-1"
  /// Package 0: contact once every three months.
  public static let package0Contact: RuleID = "K-2"
  /// Package 1: about one visit a month.
  public static let package1Visits: RuleID = "K-3"
  /// Package 2: about two visits a month.
  public static let package2Visits: RuleID = "K-4"
  /// Quarterly check of the wage-cost subsidy and wage-value measurement.
  public static let quarterlySubsidyCheck: RuleID = "K-5"
  /// Talks clustered when an employer has several workers from the target group.
  public static let clusteredTalks: RuleID = "K-6"
}

extension RuleID {
  /// Every rule the product applies, in the order of the rule book.
  public static let all: [RuleID] = [
    .municipalEmployment, .municipalEducation, .municipalTraining, .externalEmployment,
    .externalRecognition, .internalEmployment, .internalGuidanceTraining,
    .internalInstructionExperience, .internalTaskExperience, .internalHoursExemption,
    .internalCoachingPolicy, .externalOrganisationPolicy, .uwvRecognisedOnly,
    .registrationRequired, .assignment, .policyAtAssignment, .admissionEducation,
    .admissionExperience, .assessment, .reregistration, .registrationPeriods, .renewalWindow,
    .suspension, .registersAsData, .peTotal, .peAccredited, .peFree, .peDemonstrable,
    .pePractice, .fundingMaximum, .halfYearPeriods, .fundingDuration, .sameFrameworkEveryKind,
    .motivatedException, .municipalFramework, .funderDecision, .coachingPlan, .hoursAttributed,
    .reportingHours, .nonReimbursable, .absence, .employerCoaching, .homeSituation,
    .periodResult, .bookedByAssignedCoach, .trialPlacementVisits, .package0Contact,
    .package1Visits, .package2Visits, .quarterlySubsidyCheck, .clusteredTalks,
  ]
}
