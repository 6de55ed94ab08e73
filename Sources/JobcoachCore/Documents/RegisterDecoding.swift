// How the register's records are read from their documents. Field names are the contract of
// the schemas in `Schemas/`.

extension EducationID: JSONScalarField {}
extension RegisterID: JSONScalarField {}
extension ActivityID: JSONScalarField {}
extension PECategory: JSONEnumField {}
extension MembershipStatus: JSONEnumField {}
extension AdmissionRoute: JSONEnumField {}
extension AssessmentResult: JSONEnumField {}
extension NormSelection: JSONEnumField {}

extension RecognisedEducation: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> RecognisedEducation?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let id = fields.required("id", as: EducationID.self)
    let title = fields.required("title", as: String.self)
    let provider = fields.required("provider", as: String.self)
    let from = fields.required("recognisedFrom", as: CalendarDate.self)
    let until = fields.optional("recognisedUntil", as: CalendarDate.self)
    fields.rejectUnknownFields()
    if let from, let until, until < from {
      fields.report("recognisedUntil", .endsBeforeStart(.recognition, end: until, start: from))
    }
    guard !fields.failed, let id, let title, let provider, let from else { return nil }
    return RecognisedEducation(
      id: id, title: title, provider: provider, recognition: DateInterval(start: from, end: until))
  }
}

extension Accreditation: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> Accreditation?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let code = fields.required("code", as: String.self)
    let title = fields.required("title", as: String.self)
    let provider = fields.required("provider", as: String.self)
    let hours = fields.hours()
    let from = fields.required("validFrom", as: CalendarDate.self)
    let until = fields.optional("validUntil", as: CalendarDate.self)
    fields.rejectUnknownFields()
    if let from, let until, until < from {
      fields.report("validUntil", .endsBeforeStart(.accreditation, end: until, start: from))
    }
    guard !fields.failed, let code, let title, let provider, let hours, let from else { return nil }
    return Accreditation(
      code: code, title: title, provider: provider, hours: hours,
      validity: DateInterval(start: from, end: until))
  }
}

extension PENorm: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> PENorm?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let name = fields.required("name", as: String.self)
    let effectiveFrom = fields.required("effectiveFrom", as: CalendarDate.self)
    let years = fields.required("cycleYears", as: Int.self)
    let total = fields.required("totalHours", as: Hours.self)
    let accredited = fields.required("minimumAccreditedHours", as: Hours.self)
    let free = fields.required("maximumFreeHours", as: Hours.self)
    let practice = fields.optional("practiceHours", as: Hours.self)
    let selection = fields.optional("selection", as: NormSelection.self)
    let register = fields.optional("register", as: RegisterID.self)
    fields.rejectUnknownFields()
    if let years, !(1...10).contains(years) {
      fields.report("cycleYears", .cycleYearsOutOfRange(years))
    }
    if let total, let accredited, accredited > total {
      fields.report(
        "minimumAccreditedHours",
        .accreditedAboveTotal(accredited: accredited, total: total))
    }
    guard !fields.failed, let name, let effectiveFrom, let years, let total, let accredited,
      let free
    else { return nil }
    return PENorm(
      name: name, effectiveFrom: effectiveFrom, cycleYears: years, totalHours: total,
      minimumAccredited: accredited, maximumFree: free, practiceHours: practice,
      selection: selection ?? .cycleStart, register: register ?? .seedDefault)
  }
}

extension DiplomaAdmission: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  ) -> DiplomaAdmission? {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let hours = fields.required("hours", as: Hours.self)
    let educations = fields.required("educations", as: [EducationID].self)
    fields.rejectUnknownFields()
    if let educations, educations.isEmpty {
      fields.report("educations", .noLoweringEducations)
    }
    guard !fields.failed, let hours, let educations else { return nil }
    return DiplomaAdmission(hours: hours, educations: educations)
  }
}

extension Register: JSONField {
  /// One register (R-REG-1): its admission hours, recognised educations, PE norm versions
  /// (each with its cycle, the period length) and renewal terms. The norms may also come from
  /// `pe-norms` documents that name the register.
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  ) -> Register? {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let id = fields.required("id", as: RegisterID.self)
    let name = fields.required("name", as: String.self)
    let admission = fields.required("admissionHours", as: Hours.self)
    let diploma = fields.optional("accreditedDiplomaAdmission", as: DiplomaAdmission.self)
    let educations = fields.optional("recognisedEducations", as: [EducationID].self)
    let window = fields.optional("renewalWindowMonths", as: Int.self)
    let grace = fields.optional("gracePeriodMonths", as: Int.self)
    let norms = fields.optional("norms", as: [PENorm].self)
    fields.rejectUnknownFields()
    if let admission, let diploma, diploma.hours > admission {
      fields.report(
        at: pointer.appending("accreditedDiplomaAdmission").appending("hours"),
        .diplomaHoursAboveAdmission(diploma.hours, admission: admission))
    }
    for (key, months) in [("renewalWindowMonths", window), ("gracePeriodMonths", grace)] {
      if let months, !(0...60).contains(months) {
        fields.report(key, .monthsOutOfRange(months))
      }
    }
    if let id, let norms {
      for (index, norm) in norms.enumerated() {
        let place = pointer.appending("norms").appending(index)
        if case .array(let listed)? = fields.object["norms"], index < listed.count,
          case .object(let object) = listed[index], object["register"] != nil
        {
          fields.report(
            at: place.appending("register"),
            .normRegisterInsideRegister(id))
        }
        if norms[..<index].contains(where: { $0.effectiveFrom == norm.effectiveFrom }) {
          fields.report(
            at: place.appending("effectiveFrom"),
            .twoNormsOnOneDay(norm.effectiveFrom))
        }
      }
    }
    guard !fields.failed, let id, let name, let admission else { return nil }
    var register = Register(
      id: id, name: name, admissionHours: admission, diplomaAdmission: diploma,
      recognisedEducations: educations,
      renewal: RenewalTerms(windowMonths: window ?? 6, graceMonths: grace ?? 3))
    if let norms, !norms.isEmpty {
      register.norms = PENormHistory(
        versions: norms.map { norm in
          var norm = norm
          norm.register = id
          return norm
        })
    }
    return register
  }
}

extension EducationDiploma: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> EducationDiploma?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let education = fields.required("education", as: EducationID.self)
    let issuedOn = fields.required("issuedOn", as: CalendarDate.self)
    let evidence = fields.required("evidence", as: EvidenceReference.self)
    fields.rejectUnknownFields()
    guard !fields.failed, let education, let issuedOn, let evidence else { return nil }
    return EducationDiploma(education: education, issuedOn: issuedOn, evidence: evidence)
  }
}

extension ExperienceEntry: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> ExperienceEntry?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let from = fields.required("from", as: CalendarDate.self)
    let until = fields.required("until", as: CalendarDate.self)
    let hours = fields.hours()
    let description = fields.required("description", as: String.self)
    let evidence = fields.required("evidence", as: EvidenceReference.self)
    fields.rejectUnknownFields()
    if let from, let until, until < from {
      fields.report("until", .endsBeforeStart(.period, end: until, start: from))
    }
    guard !fields.failed, let from, let until, let hours, let description, let evidence else {
      return nil
    }
    return ExperienceEntry(
      period: DateInterval(start: from, end: until), hours: hours, description: description,
      evidence: evidence)
  }
}

extension PEActivity: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> PEActivity?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let id = fields.required("id", as: ActivityID.self)
    let date = fields.required("date", as: CalendarDate.self)
    let hours = fields.hours()
    let title = fields.required("title", as: String.self)
    let provider = fields.required("provider", as: String.self)
    let category = fields.required("category", as: PECategory.self)
    let code = fields.optional("accreditationCode", as: String.self)
    let evidence = fields.optional("evidence", as: EvidenceReference.self)
    fields.rejectUnknownFields()
    for defect in PEActivity.defects(hours: hours, category: category, code: code) {
      switch defect {
      case .codeOnFreeActivity:
        fields.report(defect.field, .codeOnFreeActivity)
      case .noHours:
        fields.report(defect.field, .zeroHourActivity)
      }
    }
    guard !fields.failed, let id, let date, let hours, let title, let provider, let category else {
      return nil
    }
    return PEActivity(
      id: id, date: date, hours: hours, title: title, provider: provider, category: category,
      accreditationCode: code, evidence: evidence)
  }
}

extension Portfolio: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> Portfolio?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let coach = fields.required("coach", as: CoachID.self)
    let registeredSince = fields.optional("registeredSince", as: CalendarDate.self)
    let educations = fields.optional("educations", as: [EducationDiploma].self)
    let experience = fields.optional("experience", as: [ExperienceEntry].self)
    let activities = fields.optional("peActivities", as: [PEActivity].self)
    fields.rejectUnknownFields()
    for (index, first) in Portfolio.repeatedActivityIDs(activities ?? []) {
      fields.report(
        at: pointer.appending("peActivities").appending(index).appending("id"),
        .activityTwice(
          activities![index].id, first: pointer.appending("peActivities").appending(first)))
    }
    guard !fields.failed, let coach else { return nil }
    return Portfolio(
      coach: coach, registeredSince: registeredSince, educations: educations ?? [],
      experience: experience ?? [], activities: activities ?? [])
  }
}

extension StatusChange: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> StatusChange?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let date = fields.required("date", as: CalendarDate.self)
    let status = fields.required("status", as: MembershipStatus.self)
    let rule = fields.required("rule", as: RuleID.self)
    let decision = fields.required("decision", as: String.self)
    fields.rejectUnknownFields()
    guard !fields.failed, let date, let status, let rule, let decision else { return nil }
    return StatusChange(date: date, status: status, rule: rule, decision: decision)
  }
}

extension Assessment: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> Assessment?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let submittedOn = fields.optional("submittedOn", as: CalendarDate.self)
    let judgedOn = fields.required("judgedOn", as: CalendarDate.self)
    let result = fields.required("result", as: AssessmentResult.self)
    let points = fields.optional("improvementPoints", as: String.self)
    let deadline = fields.optional("deadline", as: CalendarDate.self)
    fields.rejectUnknownFields()
    if result == .insufficient, points == nil, fields.object["improvementPoints"] == nil {
      fields.report(
        nil, .insufficientWithoutPoints)
    }
    if let submittedOn, let judgedOn, judgedOn < submittedOn {
      fields.report("judgedOn", .judgedBeforeSubmitted(judged: judgedOn, submitted: submittedOn))
    }
    guard !fields.failed, let judgedOn, let result else { return nil }
    return Assessment(
      submittedOn: submittedOn, judgedOn: judgedOn, result: result, improvementPoints: points,
      deadline: deadline)
  }
}

extension Membership: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> Membership?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let coach = fields.required("coach", as: CoachID.self)
    let register = fields.optional("register", as: RegisterID.self)
    let number = fields.required("registerNumber", as: String.self)
    let admittedOn = fields.required("admittedOn", as: CalendarDate.self)
    let route = fields.required("route", as: AdmissionRoute.self)
    let changes = fields.optional("statusChanges", as: [StatusChange].self)
    let assessments = fields.optional("assessments", as: [Assessment].self)
    fields.rejectUnknownFields()
    if let changes {
      for index in changes.indices.dropFirst() where changes[index].date < changes[index - 1].date {
        fields.report(
          at: pointer.appending("statusChanges").appending(index).appending("date"),
          .statusChangesOutOfOrder(changes[index].date, before: changes[index - 1].date))
      }
    }
    guard !fields.failed, let coach, let number, let admittedOn, let route else { return nil }
    return Membership(
      coach: coach, register: register ?? .seedDefault, registerNumber: number,
      admittedOn: admittedOn, route: route, statusChanges: changes ?? [],
      assessments: assessments ?? [])
  }
}

extension PublicRegisterEntry: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> PublicRegisterEntry?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let number = fields.required("registerNumber", as: String.self)
    let name = fields.required("name", as: String.self)
    let status = fields.required("status", as: MembershipStatus.self)
    let since = fields.required("registeredSince", as: CalendarDate.self)
    let until = fields.optional("validUntil", as: ComputedDate.self)?.date
    fields.rejectUnknownFields()
    if let status, !PublicRegister.publishedStatuses.contains(status) {
      fields.report(
        "status",
        .publishesOnly(PublicRegister.publishedStatuses.map(\.rawValue).sorted()))
      return nil
    }
    guard !fields.failed, let number, let name, let status, let since else { return nil }
    return PublicRegisterEntry(
      registerNumber: number, name: name, status: status, registeredSince: since,
      validUntil: until)
  }
}
