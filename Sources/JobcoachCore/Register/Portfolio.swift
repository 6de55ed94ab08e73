/// An education the professional association recognises as a jobcoach education (R-ADM-1),
/// over the period it recognised it.
public struct RecognisedEducation: Hashable, Sendable {
  public var id: EducationID
  public var title: String
  public var provider: String
  /// Recognised from this day through `recognisedUntil` (inclusive; nil while it lasts).
  public var recognition: DateInterval

  public init(id: EducationID, title: String, provider: String, recognition: DateInterval) {
    self.id = id
    self.title = title
    self.provider = provider
    self.recognition = recognition
  }
}

/// An education's id in the association's list.
public struct EducationID: RecordIdentifier {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
}

/// A coach's diploma of a jobcoach education.
public struct EducationDiploma: Hashable, Sendable {
  public var education: EducationID
  public var issuedOn: CalendarDate
  public var evidence: EvidenceReference

  public init(education: EducationID, issuedOn: CalendarDate, evidence: EvidenceReference) {
    self.education = education
    self.issuedOn = issuedOn
    self.evidence = evidence
  }
}

/// Hours of work as a jobcoach over a period (R-ADM-2).
public struct ExperienceEntry: Hashable, Sendable {
  public var period: DateInterval
  public var hours: Hours
  public var description: String
  public var evidence: EvidenceReference

  public init(period: DateInterval, hours: Hours, description: String, evidence: EvidenceReference)
  {
    self.period = period
    self.hours = hours
    self.description = description
    self.evidence = evidence
  }
}

/// Whether a PE activity is accredited by the association or filled in at the coach's own
/// discretion (vrije invulling: intervision, peer review, literature, other courses).
public enum PECategory: String, CaseIterable, Hashable, Sendable {
  case accredited
  case free
}

/// An activity's id within a coach's portfolio.
public struct ActivityID: RecordIdentifier {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
}

/// A professional development activity (permanente educatie).
public struct PEActivity: Hashable, Sendable {
  public var id: ActivityID
  public var date: CalendarDate
  public var hours: Hours
  public var title: String
  public var provider: String
  public var category: PECategory
  /// The association's accreditation code, for an accredited activity.
  public var accreditationCode: String?
  public var evidence: EvidenceReference?

  public init(
    id: ActivityID, date: CalendarDate, hours: Hours, title: String, provider: String,
    category: PECategory, accreditationCode: String? = nil, evidence: EvidenceReference? = nil
  ) {
    self.id = id
    self.date = date
    self.hours = hours
    self.title = title
    self.provider = provider
    self.category = category
    self.accreditationCode = accreditationCode
    self.evidence = evidence
  }
}

extension PEActivity {
  /// What makes an activity's values unusable together, whichever way it was read.
  public enum Defect: Hashable, Sendable {
    /// A free activity with an accreditation code.
    case codeOnFreeActivity
    /// An activity of 0 hours.
    case noHours

    /// The field the defect is reported at.
    public var field: String {
      switch self {
      case .codeOnFreeActivity: "accreditationCode"
      case .noHours: "hours"
      }
    }
  }

  /// The defects of an activity's values (those that were read), in field order: the one
  /// check both the document reader's general path and its fast path make.
  public static func defects(hours: Hours?, category: PECategory?, code: String?) -> [Defect] {
    var defects: [Defect] = []
    if category == .free, code != nil { defects.append(.codeOnFreeActivity) }
    if hours == .zero { defects.append(.noHours) }
    return defects
  }
}

extension Portfolio {
  /// Each activity whose id an earlier one in the list already has, with the earlier one's
  /// index: an activity counts once.
  public static func repeatedActivityIDs(_ activities: [PEActivity])
    -> [(index: Int, first: Int)]
  {
    var seen: [ActivityID: Int] = [:]
    seen.reserveCapacity(activities.count)
    var repeated: [(index: Int, first: Int)] = []
    for (index, activity) in activities.enumerated() {
      if let first = seen[activity.id] {
        repeated.append((index, first))
      } else {
        seen[activity.id] = index
      }
    }
    return repeated
  }
}

/// A course, training or congress the association accredited, with the hours it is worth.
public struct Accreditation: Hashable, Sendable {
  public var code: String
  public var title: String
  public var provider: String
  public var hours: Hours
  public var validity: DateInterval

  public init(code: String, title: String, provider: String, hours: Hours, validity: DateInterval) {
    self.code = code
    self.title = title
    self.provider = provider
    self.hours = hours
    self.validity = validity
  }
}

/// A coach's PE hours in one cycle, summed: what the PE rules need of a portfolio whose every
/// claim stands as claimed.
public struct PETotals: Hashable, Sendable {
  public var accredited: Hours
  public var free: Hours
  /// Hours of work experience that started in the cycle; read only when the norm asks for
  /// practice hours.
  public var practice: Hours

  public init(accredited: Hours = .zero, free: Hours = .zero, practice: Hours = .zero) {
    self.accredited = accredited
    self.free = free
    self.practice = practice
  }
}

extension PEActivity {
  /// What makes two listed activities the same one (R-PE-4): the accreditation code (or the
  /// title, without one), the date and the evidence. The coach is the portfolio's.
  public struct SameActivityKey: Hashable, Sendable {
    public var codeOrTitle: String
    public var date: CalendarDate
    public var evidence: EvidenceReference?
  }

  public var sameActivityKey: SameActivityKey {
    SameActivityKey(
      codeOrTitle: accreditationCode.map { "code:" + $0 } ?? "title:" + title, date: date,
      evidence: evidence)
  }
}

extension ExperienceEntry {
  /// The hours that fall within `period` (R-PE-5): pro rata by the days of the entry inside
  /// it, in whole minutes rounded down. An entry without an end runs to the period's end.
  public func hours(within period: DateInterval) -> Hours {
    let start = self.period.start
    let end = self.period.end ?? period.end ?? start
    let from = max(start, period.start)
    let until = min(end, period.end ?? end)
    guard from <= until, start <= end else { return .zero }
    let inside = from.days(until: until) + 1
    let all = start.days(until: end) + 1
    if inside == all { return hours }
    return Hours(minutes: hours.minutes * inside / all)
  }
}

/// What a coach brings to the register: diplomas, experience and PE activities.
public struct Portfolio: Hashable, Sendable {
  public var coach: CoachID
  /// The day the coach's register cycles start, as the coach states it; the registry's
  /// membership takes precedence when there is one.
  public var registeredSince: CalendarDate?
  public var educations: [EducationDiploma]
  public var experience: [ExperienceEntry]
  public var activities: [PEActivity]

  public init(
    coach: CoachID, registeredSince: CalendarDate? = nil, educations: [EducationDiploma] = [],
    experience: [ExperienceEntry] = [], activities: [PEActivity] = []
  ) {
    self.coach = coach
    self.registeredSince = registeredSince
    self.educations = educations
    self.experience = experience
    self.activities = activities
  }
}
