/// The association's decisions on a coach's registration: admission (R-ADM-1/2), a portfolio
/// assessment (R-ASM-1), removal, and re-registration (R-RE-1). Each judges with the register's
/// rules on its date and, when the decision is made, saves the membership with its audit
/// entries in one transaction.

/// "May this coach enter the register?" (`jobcoach register admit`).
public struct AdmitCoach: Hashable, Sendable {
  public var coach: CoachID
  /// The register meant; nil: the coach's only membership (for admission: the only register).
  public var register: RegisterID? = nil
  public var date: CalendarDate
  public var audit: AuditContext

  public init(
    coach: CoachID, on date: CalendarDate, audit: AuditContext, register: RegisterID? = nil
  ) {
    self.register = register
    self.coach = coach
    self.date = date
    self.audit = audit
  }

  /// The findings, and the membership when admitted (nil when not: nothing is written).
  public func run(in registry: some RegistryWriting) throws -> RegisterDecision {
    let subject = try RegisterSubject(coach, register: register, admitting: true, in: registry)
    if let membership = subject.membership, membership.status(on: date) != .removed {
      throw UseCaseError.alreadyRegistered(
        coach, registerNumber: membership.registerNumber, since: membership.admittedOn)
    }
    let findings = try registry.registerRules(for: subject.register).admissionFindings(
      try registry.portfolio(of: coach) ?? Portfolio(coach: coach), on: date)
    guard findings.allSatisfy({ $0.outcome == .met }) else {
      return RegisterDecision(coach: subject.coach, register: subject.register, findings: findings)
    }
    let admission = StatusChange(
      date: date, status: .registered, rule: .admissionEducation,
      decision: "admitted: meets R-ADM-1 and R-ADM-2")
    let saved = try registry.save(
      Membership(
        coach: coach, register: subject.register.id, registerNumber: "", admittedOn: date,
        route: .entryRequirements, statusChanges: [admission]),
      audit: audit,
      entries: [subject.statusEntry(admission, from: subject.membership?.status(on: date))])
    return RegisterDecision(
      coach: subject.coach, register: subject.register, findings: findings,
      recorded: RecordedChange(coach: subject.coach, membership: saved, change: admission))
  }
}

/// "How did the portfolio assessment go?" (`jobcoach register assess`).
public struct AssessCoach: Hashable, Sendable {
  public var coach: CoachID
  /// The register meant; nil: the coach's only membership (for admission: the only register).
  public var register: RegisterID? = nil
  public var result: AssessmentResult
  /// The points to improve; required when insufficient.
  public var points: String?
  /// When an insufficient portfolio must be improved; default six months after the date.
  public var deadline: CalendarDate?
  public var date: CalendarDate
  public var audit: AuditContext

  public init(
    coach: CoachID, result: AssessmentResult, points: String?, deadline: CalendarDate?,
    on date: CalendarDate, audit: AuditContext, register: RegisterID? = nil
  ) {
    self.register = register
    self.coach = coach
    self.result = result
    self.points = points
    self.deadline = deadline
    self.date = date
    self.audit = audit
  }

  public func run(in registry: some RegistryWriting) throws -> RecordedChange {
    let subject = try RegisterSubject(coach, register: register, in: registry)
    let membership = try subject.requireMembership()
    if membership.status(on: date) == .removed { throw UseCaseError.alreadyRemoved(coach) }
    let deadline = result == .insufficient ? (self.deadline ?? date.adding(months: 6)) : nil
    let assessment = Assessment(
      judgedOn: date, result: result, improvementPoints: points, deadline: deadline)
    let change: StatusChange
    if result == .sufficient {
      // Period 1 of a new five years starts on the assessment's date (R-RE-2).
      let period = subject.register.norms.cycle(containing: date, anchor: date)
      change = StatusChange(
        date: date, status: .registered, rule: .assessment,
        decision: "portfolio assessment sufficient: registered, period 1 (\(period.period)) "
          + "starts (R-RE-2)")
    } else {
      change = StatusChange(
        date: date, status: .assessmentDue, rule: .assessment,
        decision: "portfolio assessment insufficient; improve by \(deadline!): \(points ?? "")")
    }
    let saved = try subject.record(change, assessment: assessment, on: membership, audit: audit)
    return RecordedChange(coach: subject.coach, membership: saved, change: change)
  }
}

/// "This coach leaves the register" (`jobcoach register remove`).
public struct RemoveCoach: Hashable, Sendable {
  public var coach: CoachID
  /// The register meant; nil: the coach's only membership (for admission: the only register).
  public var register: RegisterID? = nil
  public var reason: String
  public var date: CalendarDate
  public var audit: AuditContext

  public init(
    coach: CoachID, reason: String, on date: CalendarDate, audit: AuditContext,
    register: RegisterID? = nil
  ) {
    self.register = register
    self.coach = coach
    self.reason = reason
    self.date = date
    self.audit = audit
  }

  public func run(in registry: some RegistryWriting) throws -> RecordedChange {
    let subject = try RegisterSubject(coach, register: register, in: registry)
    let membership = try subject.requireMembership()
    if membership.status(on: date) == .removed { throw UseCaseError.alreadyRemoved(coach) }
    let rule: RuleID =
      membership.latestAssessment(on: date)?.result == .insufficient
      ? .assessment : .reregistration
    let change = StatusChange(
      date: date, status: .removed, rule: rule, decision: "removed: \(reason)")
    let saved = try subject.record(change, on: membership, audit: audit)
    return RecordedChange(coach: subject.coach, membership: saved, change: change)
  }
}

/// "Does this coach stay in the register for the next five years?" (`jobcoach register renew`):
/// the cycle that contains the date, against the PE norm that applies to it (R-PE-1..3).
public struct RenewRegistration: Hashable, Sendable {
  public var coach: CoachID
  /// The register meant; nil: the coach's only membership (for admission: the only register).
  public var register: RegisterID? = nil
  public var date: CalendarDate
  public var audit: AuditContext

  public init(
    coach: CoachID, on date: CalendarDate, audit: AuditContext, register: RegisterID? = nil
  ) {
    self.register = register
    self.coach = coach
    self.date = date
    self.audit = audit
  }

  /// The period that is ending (inside its renewal window) or, in the grace period after it,
  /// the period that ended (R-RE-3), judged on the PE hours spent by the date. Met: the
  /// renewal is recorded and the next period starts the day after the judged one ends. Not
  /// met: the statement says what is missing and nothing is written. Outside the window and
  /// after the grace period: refused with the dates.
  public func run(in registry: some RegistryWriting) throws -> RenewalDecision {
    let subject = try RegisterSubject(coach, register: register, in: registry)
    let membership = try subject.requireMembership()
    let rules = try registry.registerRules(for: subject.register)
    let terms = subject.register.renewal
    let standing = membership.standing(on: date, in: subject.register)
    let period = standing.cycle
    guard standing.isRegistered || standing.isInGracePeriod else {
      if let graceEnds = standing.graceEnds {
        throw UseCaseError.gracePeriodOver(coach, period: period, graceEnded: graceEnds)
      }
      throw UseCaseError.notInGoodStanding(coach, standing)
    }
    if let renewal = standing.renewal {
      throw UseCaseError.alreadyRenewed(coach, cycle: period.number, on: renewal.date)
    }
    guard date >= terms.windowOpens(period) else {
      throw UseCaseError.renewalWindowNotOpen(
        coach, period: period, opens: terms.windowOpens(period))
    }
    let statement = rules.peStatement(
      try registry.portfolio(of: coach) ?? Portfolio(coach: coach), cycle: period, on: date)
    guard statement.isMet else {
      return RenewalDecision(
        decision: RegisterDecision(
          coach: subject.coach, register: subject.register, findings: statement.findings),
        statement: statement)
    }
    let next = rules.norms.period(after: period)
    let change = StatusChange(
      date: date, status: .registered, rule: .reregistration,
      decision: "re-registered for period \(next.number) (\(next.period)): period "
        + "\(period.number) (\(period.period)) has \(statement.counted.spoken) that count, "
        + "\(statement.accredited) accredited")
    let saved = try subject.record(change, on: membership, audit: audit)
    return RenewalDecision(
      decision: RegisterDecision(
        coach: subject.coach, register: subject.register, findings: statement.findings,
        recorded: RecordedChange(coach: subject.coach, membership: saved, change: change)),
      statement: statement, nextPeriod: next)
  }
}

/// "This coach is suspended" (`jobcoach register suspend`, R-RE-4): from a date, with a reason,
/// optionally until a date (the reinstatement the day after is recorded with it).
public struct SuspendCoach: Hashable, Sendable {
  public var coach: CoachID
  /// The register meant; nil: the coach's only membership (for admission: the only register).
  public var register: RegisterID? = nil
  public var reason: String
  public var date: CalendarDate
  public var until: CalendarDate?
  public var audit: AuditContext

  public init(
    coach: CoachID, reason: String, on date: CalendarDate, until: CalendarDate?,
    audit: AuditContext, register: RegisterID? = nil
  ) {
    self.register = register
    self.coach = coach
    self.reason = reason
    self.date = date
    self.until = until
    self.audit = audit
  }

  public func run(in registry: some RegistryWriting) throws -> RecordedChange {
    let subject = try RegisterSubject(coach, register: register, in: registry)
    let membership = try subject.requireMembership()
    let standing = membership.standing(on: date, in: subject.register)
    guard standing.isRegistered || standing.status == .assessmentDue, standing.lapsedOn == nil
    else { throw UseCaseError.notInGoodStanding(coach, standing) }
    if let until, until < date { throw UseCaseError.suspensionEndsBeforeItStarts(coach) }
    let suspension = StatusChange(
      date: date, status: .suspended, rule: .suspension,
      decision: "suspended" + (until.map { " until \($0)" } ?? "") + ": \(reason)")
    var changes = [suspension]
    if let until {
      changes.append(
        StatusChange(
          date: until.adding(days: 1), status: standing.status ?? .registered, rule: .suspension,
          decision: "reinstated: the suspension ended on \(until)"))
    }
    let saved = try subject.record(changes, on: membership, audit: audit)
    return RecordedChange(coach: subject.coach, membership: saved, change: suspension)
  }
}

/// "This coach's suspension ends" (`jobcoach register reinstate`, R-RE-4).
public struct ReinstateCoach: Hashable, Sendable {
  public var coach: CoachID
  /// The register meant; nil: the coach's only membership (for admission: the only register).
  public var register: RegisterID? = nil
  public var date: CalendarDate
  public var audit: AuditContext

  public init(
    coach: CoachID, on date: CalendarDate, audit: AuditContext, register: RegisterID? = nil
  ) {
    self.register = register
    self.coach = coach
    self.date = date
    self.audit = audit
  }

  public func run(in registry: some RegistryWriting) throws -> RecordedChange {
    let subject = try RegisterSubject(coach, register: register, in: registry)
    let membership = try subject.requireMembership()
    guard membership.status(on: date) == .suspended else {
      throw UseCaseError.notSuspended(coach, on: date)
    }
    // Back to what it was before the suspension.
    let before = membership.statusChanges.last { $0.date <= date && $0.status != .suspended }
    let change = StatusChange(
      date: date, status: before?.status ?? .registered, rule: .suspension,
      decision: "reinstated")
    let saved = try subject.record(change, on: membership, audit: audit)
    return RecordedChange(coach: subject.coach, membership: saved, change: change)
  }
}

/// A status change recorded: the membership as saved and the change.
public struct RecordedChange: Hashable, Sendable {
  public var coach: Coach
  public var membership: Membership
  public var change: StatusChange
}

/// What a register decision that may refuse did: the findings it rests on and, when the
/// coach met them, the change recorded.
public struct RegisterDecision: Hashable, Sendable {
  public var coach: Coach
  /// The register decided on.
  public var register: Register
  public var findings: [Finding]
  /// Nil when nothing was decided (not admitted, norm not met): nothing was written.
  public var recorded: RecordedChange?
}

/// The answer of `RenewRegistration`: the decision and the PE statement it rests on.
public struct RenewalDecision: Hashable, Sendable {
  public var decision: RegisterDecision
  public var statement: PEStatement
  /// The period the renewal starts, when it was recorded.
  public var nextPeriod: RegisterCycle?
}

/// The coach a register decision is about, the register meant and the coach's membership of
/// it.
struct RegisterSubject {
  let coach: Coach
  let register: Register
  let membership: Membership?
  let registry: any RegistryWriting

  /// The register `named`, else the coach's only membership's; for an admission (or a coach
  /// with no membership named a register) the only register held.
  init(
    _ id: CoachID, register named: RegisterID?, admitting: Bool = false,
    in registry: some RegistryWriting
  ) throws {
    guard let coach = try registry.coach(id) else { throw UseCaseError.unknownCoach(id) }
    self.coach = coach
    if !admitting, named == nil, try registry.memberships(of: id).isEmpty {
      throw UseCaseError.notInRegister(id)
    }
    (register, membership) = try registry.membership(of: id, named: named)
    self.registry = registry
  }

  func requireMembership() throws -> Membership {
    guard let membership else { throw UseCaseError.notInRegister(coach.id) }
    return membership
  }

  /// Appends a status change (and maybe an assessment) and saves, in one transaction.
  func record(
    _ change: StatusChange, assessment: Assessment? = nil, on membership: Membership,
    audit: AuditContext
  ) throws -> Membership {
    try record([change], assessment: assessment, on: membership, audit: audit)
  }

  /// Appends status changes (kept in date order; one may be dated ahead, as the end of a
  /// suspension is) and maybe an assessment, and saves, in one transaction.
  func record(
    _ changes: [StatusChange], assessment: Assessment? = nil, on membership: Membership,
    audit: AuditContext
  ) throws -> Membership {
    var updated = membership
    var entries: [AuditEntry] = []
    for change in changes {
      entries.append(statusEntry(change, from: updated.status(on: change.date)))
      // After every change on or before its date, so the list stays in date order.
      let position = updated.statusChanges.lastIndex { $0.date <= change.date }.map { $0 + 1 } ?? 0
      updated.statusChanges.insert(change, at: position)
    }
    if let assessment {
      updated.assessments.append(assessment)
      entries.append(
        AuditEntry(
          subjectKind: "membership", subjectID: coach.id.rawValue, field: "assessment",
          newValue: assessment.result.rawValue,
          reason: "\(register.id) \(RuleID.assessment): "
            + (assessment.improvementPoints ?? assessment.result.rawValue)))
    }
    return try registry.save(updated, audit: audit, entries: entries)
  }

  /// The audit entry of a status change.
  func statusEntry(_ change: StatusChange, from old: MembershipStatus?) -> AuditEntry {
    AuditEntry(
      subjectKind: "membership", subjectID: coach.id.rawValue, field: "status",
      oldValue: old?.rawValue, newValue: change.status.rawValue,
      reason: "\(register.id) \(change.rule): \(change.decision)")
  }
}
