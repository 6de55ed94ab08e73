/// How long before a deadline a reminder goes out: `6m`, `12w`, `30d`.
public struct ReminderStage: Hashable, Sendable {
  public enum Unit: String, Hashable, Sendable {
    case months = "m"
    case weeks = "w"
    case days = "d"
  }
  public var amount: Int
  public var unit: Unit

  public init(_ amount: Int, _ unit: Unit) {
    self.amount = amount
    self.unit = unit
  }

  /// Reads `6m`, `12w` or `30d` (1 to 999).
  public init?(code: some StringProtocol) {
    guard let last = code.last, let unit = Unit(rawValue: String(last)),
      let amount = Int(code.dropLast()), (1...999).contains(amount)
    else { return nil }
    self.init(amount, unit)
  }

  public var code: String { "\(amount)\(unit.rawValue)" }

  /// The day this stage is reached for a deadline on `deadline`.
  public func day(before deadline: CalendarDate) -> CalendarDate {
    switch unit {
    case .months: deadline.adding(months: -amount)
    case .weeks: deadline.adding(days: -7 * amount)
    case .days: deadline.adding(days: -amount)
    }
  }

}

/// The reminder stages before a deadline, a policy value: by default 6 months, 12 weeks,
/// 30 days and 7 days.
public struct ReminderSchedule: Hashable, Sendable {
  /// Earliest stage first.
  public let stages: [ReminderStage]

  public init(_ stages: [ReminderStage]) {
    let reference = CalendarDate(year: 2000, month: 1, day: 1)!
    self.stages = stages.sorted { $0.day(before: reference) < $1.day(before: reference) }
  }

  public static let standard = ReminderSchedule([
    ReminderStage(6, .months), ReminderStage(12, .weeks), ReminderStage(30, .days),
    ReminderStage(7, .days),
  ])

  /// Reads `6m,12w,30d,7d`.
  public init?(codes: String) {
    let stages = codes.split(separator: ",").map { ReminderStage(code: $0) }
    guard !stages.isEmpty, !stages.contains(nil) else { return nil }
    self.init(stages.map { $0! })
  }

  public var codes: String { stages.map(\.code).joined(separator: ",") }

  /// The latest stage already reached on `date` for a deadline on `deadline`; nil when the
  /// first stage is still ahead or the deadline has passed.
  public func stage(of deadline: CalendarDate, on date: CalendarDate) -> ReminderStage? {
    guard date <= deadline else { return nil }
    return stages.last { $0.day(before: deadline) <= date }
  }

  /// The stage reached exactly on `date`, if any.
  public func stageReached(for deadline: CalendarDate, on date: CalendarDate) -> ReminderStage? {
    stages.first { $0.day(before: deadline) == date }
  }
}

/// A date someone must act by.
public struct Deadline: Hashable, Sendable {
  /// What falls due, with its facts; the front end words it.
  public enum Detail: Hashable, Sendable {
    /// A lapsed period's grace period ends (R-RE-3).
    case lateReregistration(number: String, period: Int, DateInterval)
    /// A registered period ends (R-RE-1).
    case reregistration(number: String, period: Int, DateInterval)
    /// An improved portfolio is due (R-ASM-1).
    case improvedPortfolio(number: String)
    case recognitionEnds(RecognitionFramework, document: String)
    case qualificationExpires(title: String, issuer: String)
  }

  public enum Kind: String, CaseIterable, Hashable, Sendable {
    /// The end of a registered coach's five-year cycle (R-RE-1).
    case reregistration = "re-registration"
    /// The end of a coaching organisation's UWV recognition (Q-EXT-1).
    case recognitionEnd = "recognition-end"
    /// The expiry of a coach's qualification.
    case qualificationExpiry = "qualification-expiry"
    /// The deadline to improve an insufficient portfolio (R-ASM-1).
    case assessmentDue = "assessment-due"
  }
  public var kind: Kind
  public var subject: FindingSubject
  /// Whose deadline: the coach's or organisation's name.
  public var name: String
  public var date: CalendarDate
  public var detail: Detail
  /// Stable across exports, so a calendar updates the event rather than duplicating it.
  public var uid: String
}

/// A deadline that reaches a reminder stage on the day asked.
public struct Reminder: Hashable, Sendable {
  public var deadline: Deadline
  public var stage: ReminderStage
}

public enum Reminders {
  /// Every deadline on or after `date` among these records.
  public static func deadlines(
    memberships: [Membership], coaches: [Coach], organisations: [OrganisationID: Organisation],
    registers: [RegisterID: Register], from date: CalendarDate
  ) -> [Deadline] {
    var deadlines: [Deadline] = []
    let names = Dictionary(
      coaches.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    for membership in memberships {
      let name = names[membership.coach] ?? membership.coach.rawValue
      let register =
        registers[membership.register] ?? Register(id: membership.register, name: "")
      let standing = membership.standing(on: date, in: register)
      // The seed's register keeps the uids it always had; another register's are its own.
      let scope =
        membership.register == .seedDefault ? "" : "\(membership.register.rawValue)-"
      if standing.isInGracePeriod, let graceEnds = standing.graceEnds {
        let cycle = standing.cycle
        deadlines.append(
          Deadline(
            kind: .reregistration, subject: .coach(membership.coach), name: name, date: graceEnds,
            detail: .lateReregistration(
              number: membership.registerNumber, period: cycle.number, cycle.period),
            uid: "reregistration-\(scope)\(membership.coach)-\(cycle.start)-grace@jobcoach"))
        continue
      }
      switch standing.status {
      case .registered? where standing.isRegistered:
        let cycle = standing.cycle
        if standing.renewal == nil {
          deadlines.append(
            Deadline(
              kind: .reregistration, subject: .coach(membership.coach), name: name, date: cycle.end,
              detail: .reregistration(
                number: membership.registerNumber, period: cycle.number, cycle.period),
              uid: "reregistration-\(scope)\(membership.coach)-\(cycle.start)@jobcoach"))
        }
      case .assessmentDue?:
        if let assessment = membership.latestAssessment(on: date), let due = assessment.deadline,
          due >= date
        {
          deadlines.append(
            Deadline(
              kind: .assessmentDue, subject: .coach(membership.coach), name: name, date: due,
              detail: .improvedPortfolio(number: membership.registerNumber),
              uid: "assessment-\(scope)\(membership.coach)-\(assessment.judgedOn)@jobcoach"))
        }
      default: break
      }
    }
    for organisation in organisations.values.sorted(by: { $0.id < $1.id }) {
      for recognition in organisation.recognitions
      where recognition.standing(on: date) == .valid && (recognition.validUntil ?? date) >= date {
        guard let end = recognition.validUntil else { continue }
        deadlines.append(
          Deadline(
            kind: .recognitionEnd, subject: .organisation(organisation.id), name: organisation.name,
            date: end,
            detail: .recognitionEnds(
              recognition.framework, document: recognition.evidence.documentID),
            uid: "recognition-\(organisation.id)-\(recognition.evidence.documentID)@jobcoach"))
      }
    }
    for coach in coaches {
      for qualification in coach.qualifications {
        guard let expiry = qualification.expiresOn, expiry >= date,
          qualification.issuedOn <= date
        else { continue }
        let key = SHA256.hex(
          "\(qualification.kind.rawValue)|\(qualification.title)|\(qualification.issuedOn)")
        deadlines.append(
          Deadline(
            kind: .qualificationExpiry, subject: .coach(coach.id), name: coach.name, date: expiry,
            detail: .qualificationExpires(title: qualification.title, issuer: qualification.issuer),
            uid: "qualification-\(coach.id)-\(key.prefix(16))@jobcoach"))
      }
    }
    return deadlines.sorted { ($0.date, $0.uid) < ($1.date, $1.uid) }
  }

  /// The deadlines that reach one of the schedule's stages exactly on `date`.
  public static func due(
    _ deadlines: [Deadline], schedule: ReminderSchedule, on date: CalendarDate
  ) -> [Reminder] {
    deadlines.compactMap { deadline in
      schedule.stageReached(for: deadline.date, on: date).map {
        Reminder(deadline: deadline, stage: $0)
      }
    }
  }
}
