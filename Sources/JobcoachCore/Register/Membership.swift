/// A coach's standing in the register (registerjobcoach).
public enum MembershipStatus: String, CaseIterable, Hashable, Sendable {
  case applicant
  case registered
  /// Admitted earlier, does not meet the current entry requirements: must pass an assessment.
  case assessmentDue = "assessment-due"
  case suspended
  case removed
}

/// How the coach entered the register.
public enum AdmissionRoute: String, CaseIterable, Hashable, Sendable {
  /// Met the entry requirements (R-ADM-1, R-ADM-2).
  case entryRequirements = "entry-requirements"
  /// Admitted before the current requirements; assessed under R-ASM-1 when they fall short.
  case earlierAdmission = "earlier-admission"
}

/// One change of status: when, to what, under which rule, and the decision in words.
public struct StatusChange: Hashable, Sendable {
  public var date: CalendarDate
  public var status: MembershipStatus
  public var rule: RuleID
  public var decision: String

  public init(date: CalendarDate, status: MembershipStatus, rule: RuleID, decision: String) {
    self.date = date
    self.status = status
    self.rule = rule
    self.decision = decision
  }
}

/// The judgement of a portfolio assessment (R-ASM-1).
public enum AssessmentResult: String, CaseIterable, Hashable, Sendable {
  case sufficient, insufficient
}

/// A portfolio assessment of an earlier registrant (R-ASM-1).
public struct Assessment: Hashable, Sendable {
  public var submittedOn: CalendarDate?
  public var judgedOn: CalendarDate
  public var result: AssessmentResult
  /// The points to improve, named when the result is insufficient.
  public var improvementPoints: String?
  /// The day by which an insufficient portfolio must be improved.
  public var deadline: CalendarDate?

  public init(
    submittedOn: CalendarDate? = nil, judgedOn: CalendarDate, result: AssessmentResult,
    improvementPoints: String? = nil, deadline: CalendarDate? = nil
  ) {
    self.submittedOn = submittedOn
    self.judgedOn = judgedOn
    self.result = result
    self.improvementPoints = improvementPoints
    self.deadline = deadline
  }
}

/// A coach's membership of one register: number, admission, status over time, assessments. A
/// coach can be a member of several registers (R-REG-1), one membership each.
public struct Membership: Hashable, Sendable {
  public var coach: CoachID
  /// The register this is a membership of.
  public var register: RegisterID
  public var registerNumber: String
  /// The admission date; the five-year cycles count from here.
  public var admittedOn: CalendarDate
  public var route: AdmissionRoute
  /// In date order; the last one on or before a date is the status on that date.
  public var statusChanges: [StatusChange]
  public var assessments: [Assessment]

  public init(
    coach: CoachID, register: RegisterID = .seedDefault, registerNumber: String,
    admittedOn: CalendarDate, route: AdmissionRoute, statusChanges: [StatusChange] = [],
    assessments: [Assessment] = []
  ) {
    self.coach = coach
    self.register = register
    self.registerNumber = registerNumber
    self.admittedOn = admittedOn
    self.route = route
    self.statusChanges = statusChanges
    self.assessments = assessments
  }

  /// The status on `date`: the latest change on or before it; nil before the first change.
  public func status(on date: CalendarDate) -> MembershipStatus? {
    statusChanges.last { $0.date <= date }?.status
  }

  /// The re-registration (R-RE-1) recorded within `cycle`, if any.
  public func renewal(in cycle: RegisterCycle) -> StatusChange? {
    statusChanges.last {
      $0.rule == .reregistration && $0.status == .registered && cycle.period.contains($0.date)
    }
  }

  /// The latest assessment judged on or before `date`.
  public func latestAssessment(on date: CalendarDate) -> Assessment? {
    assessments.filter { $0.judgedOn <= date }.max { $0.judgedOn < $1.judgedOn }
  }
}
