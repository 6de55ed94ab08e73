// How each registry record is read from its JSON document. Field names are the contract of the
// schemas in `Schemas/`; a change here is a change there.

extension Organisation: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> Organisation?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let id = fields.required("id", as: OrganisationID.self)
    let name = fields.required("name", as: String.self)
    let kind = fields.required("kind", as: OrganisationKind.self)
    let recognitions = fields.optional("recognitions", as: [UWVRecognition].self)
    fields.rejectUnknownFields()
    if let kind, let recognitions, !recognitions.isEmpty, !kind.canHoldRecognition {
      fields.report(
        "recognitions",
        .recognitionOnWrongKind(kind))
      return nil
    }
    guard !fields.failed, let id, let name, let kind else { return nil }
    return Organisation(id: id, name: name, kind: kind, recognitions: recognitions ?? [])
  }
}

extension UWVRecognition: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> UWVRecognition?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let framework = fields.required("framework", as: RecognitionFramework.self)
    let validFrom = fields.required("validFrom", as: CalendarDate.self)
    let validUntil = fields.optional("validUntil", as: CalendarDate.self)
    let evidence = fields.required("evidence", as: EvidenceReference.self)
    let withdrawnOn = fields.optional("withdrawnOn", as: CalendarDate.self)
    fields.rejectUnknownFields()
    if let validFrom, let validUntil, validUntil < validFrom {
      fields.report(
        "validUntil", .endsBeforeStart(.recognition, end: validUntil, start: validFrom))
      return nil
    }
    if let validFrom, let withdrawnOn, withdrawnOn < validFrom {
      fields.report(
        "withdrawnOn", .withdrawnBeforeStart(withdrawn: withdrawnOn, start: validFrom))
      return nil
    }
    guard !fields.failed, let framework, let validFrom, let evidence else { return nil }
    return UWVRecognition(
      framework: framework, validFrom: validFrom, validUntil: validUntil, evidence: evidence,
      withdrawnOn: withdrawnOn)
  }
}

extension Coach: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> Coach?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let id = fields.required("id", as: CoachID.self)
    let name = fields.required("name", as: String.self)
    let employments = fields.optional("employments", as: [Employment].self)
    let qualifications = fields.optional("qualifications", as: [Qualification].self)
    let registerNumber = fields.optional("registerNumber", as: String.self)
    fields.rejectUnknownFields()
    guard !fields.failed, let id, let name else { return nil }
    return Coach(
      id: id, name: name, employments: employments ?? [], qualifications: qualifications ?? [],
      registerNumber: registerNumber)
  }
}

extension Employment: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> Employment?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let organisation = fields.required("organisation", as: OrganisationID.self)
    let kind = fields.required("kind", as: CoachKind.self)
    let from = fields.required("from", as: CalendarDate.self)
    let until = fields.optional("until", as: CalendarDate.self)
    fields.rejectUnknownFields()
    if let from, let until, until < from {
      fields.report("until", .endsBeforeStart(.employment, end: until, start: from))
      return nil
    }
    guard !fields.failed, let organisation, let kind, let from else { return nil }
    return Employment(
      organisation: organisation, kind: kind, period: DateInterval(start: from, end: until))
  }
}

extension Qualification: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> Qualification?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let kind = fields.required("kind", as: QualificationKind.self)
    let title = fields.required("title", as: String.self)
    let issuedOn = fields.required("issuedOn", as: CalendarDate.self)
    let expiresOn = fields.optional("expiresOn", as: CalendarDate.self)
    let issuer = fields.required("issuer", as: String.self)
    let evidence = fields.optional("evidence", as: EvidenceReference.self)
    fields.rejectUnknownFields()
    if let issuedOn, let expiresOn, expiresOn < issuedOn {
      fields.report(
        "expiresOn", .expiresBeforeIssued(expires: expiresOn, issued: issuedOn))
      return nil
    }
    guard !fields.failed, let kind, let title, let issuedOn, let issuer else { return nil }
    return Qualification(
      kind: kind, title: title, issuedOn: issuedOn, expiresOn: expiresOn, issuer: issuer,
      evidence: evidence)
  }
}

extension HoursExemption: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> HoursExemption?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let perWeek = fields.required("hoursPerWeek", as: Hours.self)
    let evidence = fields.required("evidence", as: EvidenceReference.self)
    fields.rejectUnknownFields()
    if let perWeek, perWeek == .zero {
      fields.report("hoursPerWeek", .zeroExemption)
      return nil
    }
    guard !fields.failed, let perWeek, let evidence else { return nil }
    return HoursExemption(perWeek: perWeek, evidence: evidence)
  }
}

extension AssignmentRole: JSONEnumField {}

extension Assignment: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  ) -> Assignment? {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let coach = fields.required("coach", as: CoachID.self)
    let organisation = fields.required("organisation", as: OrganisationID.self)
    let from = fields.required("from", as: CalendarDate.self)
    let until = fields.optional("until", as: CalendarDate.self)
    let role = fields.optional("role", as: AssignmentRole.self)
    let taskExperience = fields.optional("taskExperience", as: EvidenceReference.self)
    let hoursExemption = fields.optional("hoursExemption", as: HoursExemption.self)
    fields.rejectUnknownFields()
    if let from, let until, until < from {
      fields.report("until", .endsBeforeStart(.assignment, end: until, start: from))
    }
    guard !fields.failed, let coach, let organisation, let from else { return nil }
    return Assignment(
      coach: coach, organisation: organisation, period: DateInterval(start: from, end: until),
      role: role ?? .main, taskExperience: taskExperience, hoursExemption: hoursExemption)
  }
}

extension Placement: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> Placement?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let id = fields.required("id", as: PlacementID.self)
    let municipality = fields.optional("municipality", as: OrganisationID.self)
    let employer = fields.required("employer", as: OrganisationID.self)
    let coach = fields.optional("coach", as: CoachID.self)
    let worker = fields.required("worker", as: WorkerReference.self)
    let start = fields.required("start", as: CalendarDate.self)
    let end = fields.optional("end", as: CalendarDate.self)
    let funder = fields.optional("funder", as: Funder.self)
    let appointed = fields.optional("appointedThroughMunicipality", as: Bool.self)
    let taskExperience = fields.optional("taskExperience", as: EvidenceReference.self)
    let hoursExemption = fields.optional("hoursExemption", as: HoursExemption.self)
    let grant = fields.optional("grant", as: Grant.self)
    let plan = fields.optional("plan", as: CoachingPlan.self)
    let absences = fields.optional("absences", as: [Absence].self)
    let wageCostSubsidy = fields.optional("wageCostSubsidy", as: Bool.self)
    let assignments = fields.optional("assignments", as: [Assignment].self)
    let reports = fields.optional("reports", as: [ReportRecord].self)
    fields.rejectUnknownFields()
    if let start, let end, end < start {
      fields.report("end", .endsBeforeStart(.placement, end: end, start: start))
      return nil
    }
    if assignments != nil {
      // One way to say who coaches: the assignments, each with its own facts.
      for key in ["coach", "taskExperience", "hoursExemption"] where fields.object[key] != nil {
        fields.report(key, .belongsInAssignment(key))
      }
    }
    if let start, let assignments {
      let placement = DateInterval(start: start, end: end)
      for (index, assignment) in assignments.enumerated() {
        let place = pointer.appending("assignments").appending(index)
        if let problem = Placement.assignmentProblem(
          assignment, among: assignments[..<index], in: placement)
        {
          fields.report(at: place.appending(problem.field), problem.reason)
        }
      }
    }
    guard !fields.failed, let id, let employer, let worker, let start else { return nil }
    return Placement(
      id: id, municipality: municipality, employer: employer, coach: coach,
      assignments: assignments ?? [], worker: worker,
      period: DateInterval(start: start, end: end), funder: funder ?? .municipality,
      appointedThroughMunicipality: appointed ?? false, taskExperience: taskExperience,
      hoursExemption: hoursExemption, grant: grant, plan: plan, absences: absences ?? [],
      reports: reports ?? [],
      wageCostSubsidy: wageCostSubsidy ?? false)
  }
}

extension MunicipalPolicy: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> MunicipalPolicy?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let id = fields.required("id", as: PolicyID.self)
    let name = fields.required("name", as: String.self)
    let municipality = fields.optional("municipality", as: OrganisationID.self)
    let effectiveFrom = fields.required("effectiveFrom", as: CalendarDate.self)
    let funds = fields.required("fundsInternalCoaching", as: Bool.self)
    let external = fields.required("externalOrganisations", as: ExternalOrganisationPolicy.self)
    let requirements = fields.optional("requirements", as: RequirementsField.self)
    let framework = fields.optional("minimumRecognitionFramework", as: RecognitionFramework.self)
    let funding = fields.optional("funding", as: FundingFramework.self)
    let coachingProtocol = fields.optional("coachingProtocol", as: CoachingProtocol.self)
    let stages = fields.optional("reminderStages", as: [ReminderStage].self)
    let registers = fields.optional("registers", as: RegistersField.self)
    fields.rejectUnknownFields()
    if let stages, stages.isEmpty {
      fields.report("reminderStages", .noReminderStages)
      return nil
    }
    guard !fields.failed, let id, let name, let effectiveFrom, let funds, let external else {
      return nil
    }
    var merged = MunicipalPolicy.g4Requirements
    for (kind, rules) in requirements?.rules ?? [:] { merged[kind] = rules }
    // Naming the registers a kind must be registered in requires registration (Q-POL-4).
    for kind in (registers?.registers ?? [:]).keys
    where !(merged[kind] ?? []).contains(.registrationRequired) {
      merged[kind, default: []].append(.registrationRequired)
    }
    return MunicipalPolicy(
      id: id, name: name, municipality: municipality, effectiveFrom: effectiveFrom,
      requirements: merged, fundsInternalCoaching: funds, externalOrganisations: external,
      minimumRecognitionFramework: framework ?? .uwv2016, funding: funding ?? .g4,
      coachingProtocol: coachingProtocol ?? .standard,
      reminderStages: stages.map(ReminderSchedule.init) ?? .standard,
      registrationRegisters: registers?.registers ?? [:])
  }
}

/// The `registers` object of a policy (Q-POL-4): per coach kind, the registers in which the
/// coach must be registered in good standing (one of them); at least one per kind named.
struct RegistersField: JSONField {
  var registers: [CoachKind: [RegisterID]]

  static func decode(_ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext)
    -> RegistersField?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    var registers: [CoachKind: [RegisterID]] = [:]
    for kind in CoachKind.allCases {
      guard let listed = fields.optional(kind.rawValue, as: [RegisterID].self) else { continue }
      if listed.isEmpty {
        fields.report(kind.rawValue, .noRegistersNamed)
      }
      registers[kind] = listed
    }
    fields.rejectUnknownFields()
    return fields.failed ? nil : RegistersField(registers: registers)
  }
}

extension ExternalOrganisationPolicy: JSONField {
  public static func decode(
    _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  )
    -> ExternalOrganisationPolicy?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    let code = fields.required("policy", as: String.self)
    let approved = fields.optional("approved", as: [OrganisationID].self)
    fields.rejectUnknownFields()
    guard !fields.failed else { return nil }
    switch code {
    case "free-choice"?, "through-municipality"?:
      if fields.object["approved"] != nil {
        fields.report("approved", .approvedListOnlyForApprovedList)
        return nil
      }
      return code == "free-choice" ? .freeChoice : .throughMunicipality
    case "approved-list"?:
      guard let approved else {
        if fields.object["approved"] == nil {
          fields.report(nil, .approvedListMissing)
        }
        return nil
      }
      return .approvedList(approved)
    case _?:
      fields.report(
        "policy", .oneOf(["free-choice", "approved-list", "through-municipality"]))
      return nil
    case nil:
      return nil
    }
  }
}

/// The `requirements` object of a policy: per coach kind, the rule ids required.
struct RequirementsField: JSONField {
  var rules: [CoachKind: [RuleID]]

  static func decode(_ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext)
    -> RequirementsField?
  {
    guard var fields = ObjectFields(value, at: pointer, in: context) else { return nil }
    var rules: [CoachKind: [RuleID]] = [:]
    for kind in CoachKind.allCases {
      guard let listed = fields.optional(kind.rawValue, as: [RuleID].self) else { continue }
      let allowed = RuleID.policyRequirements(for: kind)
      for (index, rule) in listed.enumerated() where !allowed.contains(rule) {
        fields.report(
          at: pointer.appending(kind.rawValue).appending(index),
          .notARequirement(rule, kind: kind, allowed: Array(allowed)))
      }
      rules[kind] = listed
    }
    fields.rejectUnknownFields()
    return fields.failed ? nil : RequirementsField(rules: rules)
  }
}

extension ReminderStage: JSONScalarField {
  /// `"6m"`, `"12w"` or `"30d"`.
  public static func check(_ value: JSONValue) -> Result<ReminderStage, FieldError> {
    guard case .string(let text) = value, let stage = ReminderStage(code: text) else {
      return .failure(
        FieldError(.reminderStage))
    }
    return .success(stage)
  }
}
