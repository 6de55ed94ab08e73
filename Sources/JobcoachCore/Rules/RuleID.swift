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
  /// At least 111 hours of professional development in the cycle (and practice hours).
  public static let peTotal: RuleID = "R-PE-1"
  /// At least 81 of them accredited.
  public static let peAccredited: RuleID = "R-PE-2"
  /// At most 30 free hours count.
  public static let peFree: RuleID = "R-PE-3"
}
