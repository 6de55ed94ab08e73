// How a placement's grant, coaching plan and absences, the policies' funding framework and the
// coaches' hour bookings are read. Field names are the contract of `Schemas/placements`,
// `Schemas/policies` and `Schemas/hour-bookings`.

extension GuidanceLevel: JSONEnumField {}
extension CoachingPackage: JSONEnumField {}
extension PeriodResult: JSONEnumField {}
extension GoalCategory: JSONEnumField {}
extension PlanParty: JSONEnumField {}
extension AbsenceReason: JSONEnumField {}
extension BookedActivity: JSONScalarField {
  /// A known activity, or another one named as an id (letters, digits, '-', '_', '.'): the
  /// protocol's list is not exhaustive (P-4), and such hours are held for the funder (F-7).
  public static func check(_ value: JSONValue) -> Result<BookedActivity, FieldError> {
    guard case .string(let text) = value, CoachID.isWellFormed(text) else {
      return .failure(
        FieldError(.notAnActivity(named: (reimbursed + excluded).map(\.rawValue))))
    }
    return .success(BookedActivity(rawValue: text))
  }
}

extension ContactParty: JSONEnumField {}
extension ReportID: JSONScalarField {}
extension DecisionID: JSONScalarField {}
extension DecisionOutcome: JSONEnumField {}

extension ReportRecord: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  ) -> ReportRecord? {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let id = fields.required("id", as: ReportID.self)
    let from = fields.required("from", as: CalendarDate.self)
    let until = fields.required("until", as: CalendarDate.self)
    let delivered = fields.required("deliveredOn", as: CalendarDate.self)
    fields.rejectUnknownFields()
    if let from, let until, until < from {
      fields.report("until", .reportPeriodBackwards(end: until, start: from))
    }
    if let until, let delivered, delivered < until {
      fields.report("deliveredOn", .deliveredBeforePeriodEnds(delivered: delivered, end: until))
    }
    guard !fields.failed, let id, let from, let until, let delivered else { return nil }
    return ReportRecord(
      id: id, period: DateInterval(start: from, end: until), deliveredOn: delivered)
  }
}

extension FunderDecision: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  ) -> FunderDecision? {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let id = fields.required("id", as: DecisionID.self)
    let placement = fields.required("placement", as: PlacementID.self)
    let bookings = fields.required("bookings", as: [BookingID].self)
    let outcome = fields.required("outcome", as: DecisionOutcome.self)
    let reason = fields.required("reason", as: String.self)
    let by = fields.required("decidedBy", as: String.self)
    let on = fields.required("decidedOn", as: CalendarDate.self)
    fields.rejectUnknownFields()
    if let bookings, bookings.isEmpty {
      fields.report("bookings", .decisionWithoutBookings)
    }
    guard !fields.failed, let id, let placement, let bookings, let outcome, let reason, let by,
      let on
    else { return nil }
    return FunderDecision(
      id: id, placement: placement, bookings: bookings, outcome: outcome, reason: reason,
      decidedBy: by, decidedOn: on)
  }
}
extension ContactKind: JSONEnumField {}
extension GoalID: JSONScalarField {}
extension BookingID: JSONScalarField {}

extension Money: JSONScalarField {
  /// A whole, non-negative number of euro cents.
  public static func check(_ value: JSONValue) -> Result<Money, FieldError> {
    guard case .number(let text) = value, let cents = Int(text) else {
      return .failure(
        FieldError(.notAnAmount(value.kind, number: { if case .number(let n) = value { n } else { nil } }())))
    }
    guard cents >= 0 else {
      return .failure(FieldError(.negativeAmount(text)))
    }
    return .success(Money(cents: cents))
  }
}

extension GrantPeriod: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> GrantPeriod?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let start = fields.required("start", as: CalendarDate.self)
    let end = fields.required("end", as: CalendarDate.self)
    let amount = fields.optional("amountCents", as: Money.self)
    let result = fields.optional("result", as: PeriodResult.self)
    fields.rejectUnknownFields()
    if let start, let end, end < start {
      fields.report("end", .endsBeforeStart(.period, end: end, start: start))
      return nil
    }
    guard !fields.failed, let start, let end else { return nil }
    return GrantPeriod(start: start, end: end, amount: amount, result: result)
  }
}

extension Motivation: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> Motivation?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let evidence = fields.required("evidence", as: EvidenceReference.self)
    let summary = fields.required("summary", as: String.self)
    fields.rejectUnknownFields()
    guard !fields.failed, let evidence, let summary else { return nil }
    return Motivation(evidence: evidence, summary: summary)
  }
}

extension Grant: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> Grant?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let level = fields.required("level", as: GuidanceLevel.self)
    let rate = fields.required("hourlyRateCents", as: Money.self)
    let package = fields.optional("package", as: CoachingPackage.self)
    let motivation = fields.optional("motivation", as: Motivation.self)
    let periods = fields.required("periods", as: [GrantPeriod].self)
    fields.rejectUnknownFields()
    if let periods, periods.isEmpty {
      fields.report("periods", .grantWithoutPeriods)
      return nil
    }
    guard !fields.failed, let level, let rate, let periods else { return nil }
    return Grant(
      level: level, hourlyRate: rate, package: package, motivation: motivation, periods: periods)
  }
}

extension PlanGoal: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> PlanGoal?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let id = fields.required("id", as: GoalID.self)
    let category = fields.required("category", as: GoalCategory.self)
    let description = fields.required("description", as: String.self)
    let activities = fields.optional("activities", as: [String].self)
    fields.rejectUnknownFields()
    guard !fields.failed, let id, let category, let description else { return nil }
    return PlanGoal(
      id: id, category: category, description: description, activities: activities ?? [])
  }
}

extension CoachingPlan: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> CoachingPlan?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let agreedOn = fields.required("agreedOn", as: CalendarDate.self)
    let agreedBy = fields.required("agreedBy", as: [PlanParty].self)
    let goals = fields.required("goals", as: [PlanGoal].self)
    fields.rejectUnknownFields()
    if let goals {
      var seen: Set<GoalID> = []
      for (index, goal) in goals.enumerated() where !seen.insert(goal.id).inserted {
        fields.report(
          at: pointer.appending("goals").appending(index).appending("id"),
          .goalTwice(goal.id))
      }
    }
    guard !fields.failed, let agreedOn, let agreedBy, let goals else { return nil }
    return CoachingPlan(agreedOn: agreedOn, agreedBy: Set(agreedBy), goals: goals)
  }
}

extension AbsenceApproval: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> AbsenceApproval?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let evidence = fields.required("evidence", as: EvidenceReference.self)
    let approvedOn = fields.required("approvedOn", as: CalendarDate.self)
    fields.rejectUnknownFields()
    guard !fields.failed, let evidence, let approvedOn else { return nil }
    return AbsenceApproval(evidence: evidence, approvedOn: approvedOn)
  }
}

extension Absence: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> Absence?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let from = fields.required("from", as: CalendarDate.self)
    let until = fields.required("until", as: CalendarDate.self)
    let reason = fields.required("reason", as: AbsenceReason.self)
    let approval = fields.optional("approval", as: AbsenceApproval.self)
    fields.rejectUnknownFields()
    if let from, let until, until < from {
      fields.report("until", .endsBeforeStart(.absence, end: until, start: from))
      return nil
    }
    guard !fields.failed, let from, let until, let reason else { return nil }
    return Absence(
      period: DateInterval(start: from, end: until), reason: reason, approval: approval)
  }
}

extension HourBooking: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> HourBooking?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let id = fields.required("id", as: BookingID.self)
    let placement = fields.required("placement", as: PlacementID.self)
    let coach = fields.required("coach", as: CoachID.self)
    let date = fields.required("date", as: CalendarDate.self)
    let hours = fields.hours()
    let activity = fields.optional("activity", as: BookedActivity.self)
    let goals = fields.optional("goals", as: [GoalID].self)
    let contact = fields.optional("contact", as: ContactKind.self)
    let with = fields.optional("with", as: [ContactParty].self)
    let report = fields.optional("report", as: ReportID.self)
    let workRelated = fields.optional("workRelated", as: Bool.self)
    let check = fields.optional("wageSubsidyCheck", as: Bool.self)
    let description = fields.optional("description", as: String.self)
    fields.rejectUnknownFields()
    if let hours, hours == .zero {
      fields.report("hours", .zeroHourBooking)
      return nil
    }
    if let hours, hours > Hours(wholeHours: 24) {
      fields.report("hours", .bookingOverOneDay("\(hours)"))
      return nil
    }
    if with != nil, contact == nil {
      fields.report("with", .withWhomWithoutContact)
    }
    if report != nil, activity != .reporting {
      fields.report("report", .reportOnOtherActivity)
    }
    guard !fields.failed, let id, let placement, let coach, let date, let hours else { return nil }
    return HourBooking(
      id: id, placement: placement, coach: coach, date: date, hours: hours,
      activity: activity ?? .coaching, goals: goals ?? [], contact: contact,
      contactWith: Set(with ?? []), report: report, workRelated: workRelated,
      wageSubsidyCheck: check ?? false, description: description)
  }
}

extension FundingFramework.YearMaxima: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> FundingFramework.YearMaxima?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let year1 = fields.required("year1Cents", as: Money.self)
    let year2 = fields.required("year2Cents", as: Money.self)
    let year3 = fields.required("year3Cents", as: Money.self)
    fields.rejectUnknownFields()
    guard !fields.failed, let year1, let year2, let year3 else { return nil }
    return .init(year1: year1, year2: year2, year3: year3)
  }
}

extension FundingFramework: JSONField {
  /// Every field is optional: what is left out is the G4 default.
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> FundingFramework?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let light = fields.optional("light", as: YearMaxima.self)
    let medium = fields.optional("medium", as: YearMaxima.self)
    let shifts = fields.optional("shiftsBetweenYears", as: Bool.self)
    let motivated = fields.optional("allowsMotivatedExceptions", as: Bool.self)
    let municipalRate = fields.optional("municipalCoachRateCents", as: Money.self)
    let share = fields.optional("deviationSharePercent", as: Int.self)
    fields.rejectUnknownFields()
    if let share, !(0...100).contains(share) {
      fields.report("deviationSharePercent", .shareOutOfRange(share))
    }
    guard !fields.failed else { return nil }
    return FundingFramework(
      light: light ?? FundingFramework.g4.light, medium: medium ?? FundingFramework.g4.medium,
      shiftsBetweenYears: shifts ?? false, allowsMotivatedExceptions: motivated ?? false,
      municipalCoachRate: municipalRate, deviationSharePercent: share ?? 10)
  }
}

extension CoachingProtocol: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> CoachingProtocol?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let reporting = fields.optional("reportingHoursPerReport", as: Hours.self)
    let years = fields.optional("employerCoachingYears", as: Int.self)
    fields.rejectUnknownFields()
    if let years, !(1...10).contains(years) {
      fields.report("employerCoachingYears", .employerYearsOutOfRange(years))
      return nil
    }
    guard !fields.failed else { return nil }
    return CoachingProtocol(
      reportingPerReport: reporting ?? CoachingProtocol.standard.reportingPerReport,
      employerCoachingYears: years ?? CoachingProtocol.standard.employerCoachingYears)
  }
}
