/// How one PE activity counted in a cycle, and why it did not when it did not.
public struct ActivityJudgement: Hashable, Sendable {
  public var activity: PEActivity
  /// The category it counted in; nil when it did not count.
  public var countedAs: PECategory?
  /// The hours that counted (before the cap on free hours).
  public var countedHours: Hours
  /// Why it did not count, or counted otherwise than claimed.
  public var note: Note?

  /// Why an activity did not count as claimed (R-PE-2, R-PE-4).
  public enum Note: Hashable, Sendable {
    case outsideCycle(DateInterval)
    case afterDate(CalendarDate)
    case noEvidence
    case sameAs(ActivityID)
    /// Counted, at the accreditation's worth.
    case reduced(claimed: Hours, worth: Hours)
    /// Not accredited: counted as free hours.
    case countedAsFree(ClaimShortfall)
  }
}

/// A coach's PE hours in the cycle containing a date, against the norm that applies.
public struct PEStatement: Hashable, Sendable {
  public var coach: CoachID
  public var date: CalendarDate
  public var cycle: RegisterCycle
  public var norm: PENorm
  public var accredited: Hours
  public var free: Hours
  public var countedFree: Hours
  public var counted: Hours { accredited + countedFree }
  public var missingAccredited: Hours
  public var missingHours: Hours
  /// Practice hours in the cycle, when the norm asks for them.
  public var practice: Hours?
  public var missingPractice: Hours?
  public var activities: [ActivityJudgement]
  public var findings: [Finding]

  /// R-PE-1..3 (and practice hours, when required) are met on the date.
  public var isMet: Bool {
    missingAccredited == .zero && missingHours == .zero && (missingPractice ?? .zero) == .zero
  }
  public var daysLeft: Int { date.days(until: cycle.end) }
}

/// A register's rules: admission (R-ADM-*), assessment (R-ASM-1), re-registration (R-RE-1)
/// and professional development (R-PE-*), with the register's numbers (R-REG-1). Pure; the
/// date is an argument.
public struct RegisterRules: Sendable {
  /// The register whose numbers apply: admission hours, recognised educations, norms.
  public var register: Register
  /// The association's list of recognised educations with their dates.
  public var educations: [EducationID: RecognisedEducation]
  /// The accreditation catalogue; nil when none is loaded (a coach checking their own file):
  /// then claimed accredited activities are taken as claimed and a note says so.
  public var accreditations: [String: Accreditation]? {
    didSet {
      claimLimits = accreditations.map(Self.limits)
      claimLimitsByKey = claimLimits.flatMap(Self.limitsByKey)
    }
  }
  /// The catalogue as `claimStands` consults it, free of text, for checking many claims fast.
  private var claimLimits: [String: ClaimLimit]?
  /// The same by bytes, for ASCII catalogues; nil otherwise (then strings are used).
  private var claimLimitsByKey: [CodeKey: ClaimLimit]?
  /// The register's PE norms (R-PE-*); each version's cycle is the period length (R-RE-2).
  public var norms: PENormHistory {
    get { register.norms }
    set { register.norms = newValue }
  }

  /// `norms`, when given, replaces the register's.
  public init(
    register: Register = .seedDefault, educations: [EducationID: RecognisedEducation] = [:],
    accreditations: [String: Accreditation]? = nil, norms: PENormHistory? = nil
  ) {
    self.register = register
    if let norms { self.register.norms = norms }
    self.educations = educations
    self.accreditations = accreditations
    self.claimLimits = accreditations.map(Self.limits)
    self.claimLimitsByKey = claimLimits.flatMap(Self.limitsByKey)
  }

  // MARK: Admission

  /// R-ADM-1 and R-ADM-2 on `date`.
  public func admissionFindings(_ portfolio: Portfolio, on date: CalendarDate) -> [Finding] {
    [educationFinding(portfolio, on: date), experienceFinding(portfolio, on: date)]
  }

  func educationFinding(_ portfolio: Portfolio, on date: CalendarDate) -> Finding {
    let subject = FindingSubject.coach(portfolio.coach)
    var shortfalls: [EducationShortfall] = []
    var evidence: [EvidenceItem] = []
    for diploma in portfolio.educations {
      let title = educations[diploma.education]?.title
      let item = EvidenceItem(
        kind: .qualification, reference: diploma.evidence.documentID,
        facts: .diploma(
          education: title ?? diploma.education.rawValue, known: title != nil,
          issuedOn: diploma.issuedOn, diploma.evidence),
        validFrom: diploma.issuedOn)
      guard diploma.issuedOn <= date else {
        shortfalls.append(.issuedOnlyOn(diploma.education, diploma.issuedOn))
        evidence.append(item)
        continue
      }
      guard let education = educations[diploma.education] else {
        shortfalls.append(.notOnList(diploma.education))
        evidence.append(item)
        continue
      }
      guard register.recognises(education.id) else {
        shortfalls.append(.notRecognisedByRegister(title: education.title, register: register.name))
        evidence.append(item)
        continue
      }
      if education.recognition.contains(diploma.issuedOn) {
        return Finding(
          rule: .admissionEducation, severity: .note, outcome: .met, subject: subject,
          reason: .register(
            .educationCompleted(
              title: education.title, provider: education.provider, on: diploma.issuedOn)),
          evidence: [item])
      }
      shortfalls.append(
        .recognisedOtherwise(
          title: education.title, recognition: education.recognition,
          diplomaDate: diploma.issuedOn))
      evidence.append(item)
    }
    return Finding(
      rule: .admissionEducation, severity: .error, outcome: .unmet, subject: subject,
      reason: .register(.noRecognisedEducation(shortfalls)), evidence: evidence)
  }

  /// R-ADM-2's threshold for this portfolio on `date`: the register's lower one when the
  /// coach holds, by then, a diploma of one of its accredited educations recognised on the
  /// diploma's date; else its admission hours. With the diploma that lowered it, if any.
  public func requiredExperience(_ portfolio: Portfolio, on date: CalendarDate)
    -> (hours: Hours, diploma: EducationDiploma?)
  {
    guard let lower = register.diplomaAdmission else { return (register.admissionHours, nil) }
    let diploma = portfolio.educations.first { diploma in
      diploma.issuedOn <= date && lower.educations.contains(diploma.education)
        && educations[diploma.education]?.recognition.contains(diploma.issuedOn) == true
    }
    guard let diploma else { return (register.admissionHours, nil) }
    return (min(lower.hours, register.admissionHours), diploma)
  }

  func experienceFinding(_ portfolio: Portfolio, on date: CalendarDate) -> Finding {
    let (requiredExperience, diploma) = self.requiredExperience(portfolio, on: date)
    let threshold = diploma.map {
      DiplomaThreshold(
        register: register.name,
        education: educations[$0.education]?.title ?? $0.education.rawValue)
    }
    let counted = portfolio.experience.filter { ($0.period.end ?? $0.period.start) <= date }
    let total = counted.reduce(Hours.zero) { $0 + $1.hours }
    let evidence = counted.map {
      EvidenceItem(
        kind: .qualification, reference: $0.evidence.documentID,
        facts: .experience($0.hours, $0.period, description: $0.description),
        validFrom: $0.period.start, validUntil: $0.period.end)
    }
    let later = portfolio.experience.count - counted.count
    let met = total >= requiredExperience
    return Finding(
      rule: .admissionExperience, severity: met ? .note : .error, outcome: met ? .met : .unmet,
      subject: .coach(portfolio.coach),
      reason: .register(
        .experience(
          total: total, required: requiredExperience,
          missing: met ? nil : requiredExperience - total, diploma: threshold, later: later,
          on: date)),
      evidence: evidence)
  }

  // MARK: Assessment

  /// R-ASM-1 on `date`: an earlier registrant who does not meet the entry requirements must be
  /// assessed; a sufficient assessment settles it, an insufficient one names the points.
  public func assessmentFindings(
    _ membership: Membership, portfolio: Portfolio, on date: CalendarDate
  ) -> [Finding] {
    guard membership.route == .earlierAdmission, membership.status(on: date) != .removed else {
      return []
    }
    let subject = FindingSubject(kind: .membership, id: membership.registerNumber)
    let shortfalls = admissionFindings(portfolio, on: date).filter { $0.outcome != .met }
    guard !shortfalls.isEmpty else { return [] }
    let missing = shortfalls.map(\.rule)
    if let latest = membership.latestAssessment(on: date) {
      switch latest.result {
      case .sufficient:
        return [
          Finding(
            rule: .assessment, severity: .note, outcome: .met, subject: subject,
            reason: .register(.assessmentSufficient(missing: missing, judgedOn: latest.judgedOn)))
        ]
      case .insufficient:
        let overdue = latest.deadline.map { $0 < date } ?? false
        return [
          Finding(
            rule: .assessment, severity: overdue ? .error : .warning, outcome: .unmet,
            subject: subject,
            reason: .register(
              .assessmentInsufficient(
                judgedOn: latest.judgedOn, deadline: latest.deadline, overdue: overdue,
                points: latest.improvementPoints)))
        ]
      }
    }
    return [
      Finding(
        rule: .assessment, severity: .warning, outcome: .unmet, subject: subject,
        reason: .register(.assessmentDue(missing: missing)))
    ]
  }

  // MARK: Professional development

  /// The PE statement of the cycle containing `date`, for cycles counted from `anchor`.
  public func peStatement(_ portfolio: Portfolio, anchor: CalendarDate, on date: CalendarDate)
    -> PEStatement
  {
    peStatement(portfolio, cycle: norms.cycle(containing: date, anchor: anchor), on: date)
  }

  /// The PE statement of `cycle` as it stands on `date` (which may lie after it: a late
  /// renewal judges the period that ended).
  public func peStatement(_ portfolio: Portfolio, cycle: RegisterCycle, on date: CalendarDate)
    -> PEStatement
  {
    var accredited = Hours.zero
    var free = Hours.zero
    var judgements: [ActivityJudgement] = []
    var findings: [Finding] = []
    let subject = FindingSubject.coach(portfolio.coach)

    /// The first activity of each (code or title, date, evidence): the same one listed again
    /// counts once (R-PE-4).
    var firstOfItsKind: [PEActivity.SameActivityKey: ActivityID] = [:]
    /// An activity that does not count, and why.
    func notCounted(_ activity: PEActivity, _ note: ActivityJudgement.Note) {
      judgements.append(
        ActivityJudgement(activity: activity, countedAs: nil, countedHours: .zero, note: note))
    }
    for activity in portfolio.activities.sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) }) {
      guard cycle.period.contains(activity.date) else {
        notCounted(activity, .outsideCycle(cycle.period))
        continue
      }
      // R-PE-4: demonstrable on the date judged on.
      guard activity.date <= date else {
        notCounted(activity, .afterDate(date))
        continue
      }
      guard let evidence = activity.evidence else {
        notCounted(activity, .noEvidence)
        findings.append(
          Finding(
            rule: .peDemonstrable, severity: .warning, outcome: .unmet, subject: subject,
            reason: .register(
              .activityWithoutEvidence(activity.id, title: activity.title, hours: activity.hours))))
        continue
      }
      let key = activity.sameActivityKey
      if let first = firstOfItsKind[key] {
        notCounted(activity, .sameAs(first))
        findings.append(
          Finding(
            rule: .peDemonstrable, severity: .warning, outcome: .unmet, subject: subject,
            reason: .register(.sameActivity(activity.id, title: activity.title, first: first)),
            evidence: [
              EvidenceItem(
                kind: .qualification, reference: evidence.documentID, facts: .document(evidence))
            ]))
        continue
      }
      firstOfItsKind[key] = activity.id
      guard activity.category == .accredited else {
        free += activity.hours
        judgements.append(
          ActivityJudgement(
            activity: activity, countedAs: .free, countedHours: activity.hours, note: nil))
        continue
      }
      switch accreditedHours(activity) {
      case .success(let hours):
        accredited += hours
        let reduced = hours < activity.hours
        judgements.append(
          ActivityJudgement(
            activity: activity, countedAs: .accredited, countedHours: hours,
            note: reduced ? .reduced(claimed: activity.hours, worth: hours) : nil))
        if reduced {
          findings.append(
            Finding(
              rule: .peAccredited, severity: .warning, outcome: .met, subject: subject,
              reason: .register(
                .claimReduced(
                  activity.id, title: activity.title, claimed: activity.hours, worth: hours))))
        }
      case .failure(let shortfall):
        free += activity.hours
        judgements.append(
          ActivityJudgement(
            activity: activity, countedAs: .free, countedHours: activity.hours,
            note: .countedAsFree(shortfall)))
        findings.append(
          Finding(
            rule: .peAccredited, severity: .warning, outcome: .unmet, subject: subject,
            reason: .register(
              .claimNotAccredited(
                activity.id, title: activity.title, shortfall, hours: activity.hours)),
            evidence: activity.evidence.map {
              [EvidenceItem(kind: .qualification, reference: $0.documentID, facts: .document($0))]
            } ?? []))
      }
    }

    let practice = portfolio.experience.reduce(Hours.zero) { $0 + $1.hours(within: cycle.period) }
    return summarise(
      PETotals(accredited: accredited, free: free, practice: practice), coach: portfolio.coach,
      cycle: cycle, on: date, activities: judgements, findings: findings)
  }

  /// The PE statement from totals alone, for a coach whose every claim in the cycle stands as
  /// claimed (`claimStands`): the findings `peStatement(_:anchor:on:)` gives for such a
  /// portfolio, without the activities. The store sums these over its index for `check`.
  public func peStatement(
    _ coach: CoachID, totals: PETotals, cycle: RegisterCycle, on date: CalendarDate
  ) -> PEStatement {
    summarise(totals, coach: coach, cycle: cycle, on: date, activities: [], findings: [])
  }

  /// R-PE-1..3 (and practice hours, when the norm asks for them) from a cycle's totals, after
  /// `findings` about single activities.
  func summarise(
    _ totals: PETotals, coach: CoachID, cycle: RegisterCycle, on date: CalendarDate,
    activities judgements: [ActivityJudgement], findings: [Finding]
  ) -> PEStatement {
    let norm = norms.norm(for: cycle.period)
    let accredited = totals.accredited
    let free = totals.free
    var findings = findings
    let subject = FindingSubject.coach(coach)
    let countedFree = min(free, norm.maximumFree)
    let counted = accredited + countedFree
    let missingAccredited = max(.zero, norm.minimumAccredited - accredited)
    let missingHours = max(.zero, norm.totalHours - counted)
    var practice: Hours?
    var missingPractice: Hours?
    if let required = norm.practiceHours {
      practice = totals.practice
      missingPractice = max(.zero, required - totals.practice)
    }
    let running = date < cycle.end
    let unmetSeverity: Severity = running ? .warning : .error
    let normEvidence = EvidenceItem(
      kind: .policy, reference: norm.name,
      facts: .policy(name: norm.name, effectiveFrom: norm.effectiveFrom),
      validFrom: norm.effectiveFrom)

    /// What is missing of one part of the norm, and by when; nil when nothing is.
    func shortfall(_ missing: Hours) -> Shortfall? {
      missing == .zero
        ? nil
        : Shortfall(
          missing: missing, byWhen: running ? cycle.end : nil,
          daysLeft: date.days(until: cycle.end))
    }
    /// One part of the norm: a note when nothing is missing, else `unmetSeverity`.
    func part(_ rule: RuleID, _ shortfall: Shortfall?, _ reason: RegisterReason) -> Finding {
      Finding(
        rule: rule, severity: shortfall == nil ? .note : unmetSeverity,
        outcome: shortfall == nil ? .met : .unmet, subject: subject, reason: .register(reason),
        evidence: [normEvidence])
    }
    let totalShort = shortfall(missingHours)
    findings.append(
      part(
        .peTotal, totalShort,
        .totalHours(
          counted: counted, required: norm.totalHours, cycle: cycle.period, shortfall: totalShort)))
    if let practice, let missingPractice, let required = norm.practiceHours {
      let short = shortfall(missingPractice)
      findings.append(
        part(.peTotal, short, .practiceHours(worked: practice, required: required, shortfall: short)))
    }
    let accreditedShort = shortfall(missingAccredited)
    findings.append(
      part(
        .peAccredited, accreditedShort,
        .accreditedHours(
          accredited: accredited, minimum: norm.minimumAccredited, shortfall: accreditedShort)))
    findings.append(
      part(.peFree, nil, .freeHours(free: free, counted: countedFree, maximum: norm.maximumFree)))

    return PEStatement(
      coach: coach, date: date, cycle: cycle, norm: norm, accredited: accredited,
      free: free, countedFree: countedFree, missingAccredited: missingAccredited,
      missingHours: missingHours, practice: practice, missingPractice: missingPractice,
      activities: judgements, findings: findings)
  }

  /// Whether an accredited claim counts exactly as claimed, so that it needs no word of its
  /// own (R-PE-2): it has a code, and with a catalogue loaded the code is in it, valid on the
  /// activity's date and worth at least the hours claimed.
  public func claimStands(code: String?, on date: CalendarDate, hours: Hours) -> Bool {
    guard let code else { return false }
    guard let claimLimits else { return true }
    return claimLimits[code]?.admits(date, minutes: hours.minutes) ?? false
  }

  /// `claimStands` for a claim whose code is given as its UTF-8, as a database holds it: the
  /// same rule without making a string per claim (the store asks it for every accredited
  /// activity of a national registry). Nil `code` is a claim without one.
  public func claimStands(
    codeUTF8 code: UnsafeBufferPointer<UInt8>?, on date: CalendarDate, minutes: Int
  ) -> Bool {
    guard let code else { return false }
    guard let claimLimitsByKey, let key = CodeKey(code) else {
      return claimStands(
        code: String(decoding: code, as: UTF8.self), on: date, hours: Hours(minutes: minutes))
    }
    return claimLimitsByKey[key]?.admits(date, minutes: minutes) ?? false
  }

  /// An ASCII code of up to 16 bytes as two words, a cheap dictionary key; nil for longer
  /// codes and for any other byte (non-ASCII texts can be equal as strings with other bytes).
  struct CodeKey: Hashable, Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var count: Int

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
      guard bytes.count <= 16 else { return nil }
      count = bytes.count
      for (offset, byte) in bytes.enumerated() {
        guard byte < 0x80 else { return nil }
        if offset < 8 {
          low |= UInt64(byte) << UInt64(offset * 8)
        } else {
          high |= UInt64(byte) << UInt64((offset - 8) * 8)
        }
      }
    }

    init?(_ code: String) {
      var code = code
      guard let key = code.withUTF8({ CodeKey($0) }) else { return nil }
      self = key
    }
  }

  /// What an accreditation allows a claim: the days it is valid and the hours it is worth.
  struct ClaimLimit: Sendable {
    var firstDay: CalendarDate
    var lastDay: CalendarDate
    var hours: Hours

    /// Whether a claim of `minutes` on `date` stands: the one comparison both lookups share.
    func admits(_ date: CalendarDate, minutes: Int) -> Bool {
      firstDay <= date && date <= lastDay && minutes <= hours.minutes
    }
  }

  /// The limits of the codes of up to 16 bytes, by `CodeKey`; nil when a code is not ASCII
  /// (such a code can equal an ASCII one as a string: U+212A KELVIN SIGN is "K"), and then
  /// every claim is looked up as a string.
  static func limitsByKey(_ limits: [String: ClaimLimit]) -> [CodeKey: ClaimLimit]? {
    var byKey: [CodeKey: ClaimLimit] = [:]
    for (code, limit) in limits {
      guard code.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
      if let key = CodeKey(code) { byKey[key] = limit }
    }
    return byKey
  }

  static func limits(_ catalogue: [String: Accreditation]) -> [String: ClaimLimit] {
    catalogue.mapValues {
      ClaimLimit(
        firstDay: $0.validity.start,
        lastDay: $0.validity.end ?? CalendarDate(daysSinceEpoch: .max), hours: $0.hours)
    }
  }

  /// The accredited hours an activity earns (at most the accreditation's worth), or why its
  /// code does not hold on its date. With no catalogue loaded, the claim is taken as it is.
  func accreditedHours(_ activity: PEActivity) -> Result<Hours, ClaimShortfall> {
    if claimStands(code: activity.accreditationCode, on: activity.date, hours: activity.hours) {
      return .success(activity.hours)
    }
    guard let code = activity.accreditationCode else { return .failure(.noCode) }
    guard let accreditations else { return .success(activity.hours) }
    guard let accreditation = accreditations[code] else {
      return .failure(.notInCatalogue(code: code))
    }
    guard accreditation.validity.contains(activity.date) else {
      return .failure(
        .notValidOn(code: code, validity: accreditation.validity, date: activity.date))
    }
    return .success(min(activity.hours, accreditation.hours))
  }
}
