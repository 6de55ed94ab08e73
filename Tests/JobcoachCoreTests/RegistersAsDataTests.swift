import Testing

@testable import JobcoachCore

/// R-REG-1: a register is data. A second register with other numbers (1,200 hours, 600 with a
/// diploma of an accredited education, four-year periods, its own norm and renewal terms)
/// needs no code: the same rules judge it.
enum SecondRegister {
  static let educations: [EducationID: RecognisedEducation] = [
    "HU": RecognisedEducation(
      id: "HU", title: "Post-hbo Jobcoach", provider: "HU",
      recognition: DateInterval(start: day("2010-01-01"), end: nil)),
    "ROC": RecognisedEducation(
      id: "ROC", title: "Arbeidsbegeleiding", provider: "ROC",
      recognition: DateInterval(start: day("2010-01-01"), end: nil)),
    "WIN": RecognisedEducation(
      id: "WIN", title: "Leergang Jobcoaching", provider: "Windesheim",
      recognition: DateInterval(start: day("2012-01-01"), end: nil)),
  ]

  static let norm = PENorm(
    name: "Noord norm", effectiveFrom: day("2015-01-01"), cycleYears: 4,
    totalHours: Hours(wholeHours: 80), minimumAccredited: Hours(wholeHours: 60),
    maximumFree: Hours(wholeHours: 20), register: "NOORD")

  static let register = Register(
    id: "NOORD", name: "Register Noord", admissionHours: Hours(wholeHours: 1200),
    diplomaAdmission: DiplomaAdmission(hours: Hours(wholeHours: 600), educations: ["HU"]),
    recognisedEducations: ["HU", "ROC"], norms: PENormHistory(versions: [norm]),
    renewal: RenewalTerms(windowMonths: 3, graceMonths: 2))

  static let rules = RegisterRules(register: register, educations: educations)

  /// A portfolio with one diploma (issued 2020-06-30) and `minutes` of experience.
  static func portfolio(_ education: EducationID?, minutes: Int) -> Portfolio {
    Portfolio(
      coach: "C1",
      educations: education.map {
        [
          EducationDiploma(
            education: $0, issuedOn: day("2020-06-30"),
            evidence: EvidenceReference(documentID: "DIP", issuer: "School"))
        ]
      } ?? [],
      experience: [
        ExperienceEntry(
          period: DateInterval(start: day("2021-01-01"), end: day("2025-12-31")),
          hours: Hours(minutes: minutes), description: "coaching",
          evidence: EvidenceReference(documentID: "EXP", issuer: "Employer"))
      ])
  }

  static func outcome(_ rule: RuleID, _ portfolio: Portfolio, on date: String = "2026-11-23")
    -> Outcome?
  {
    rules.admissionFindings(portfolio, on: day(date)).first { $0.rule == rule }?.outcome
  }
}

struct SecondRegisterAdmissionTests {
  /// R-ADM-2 at the register's own threshold: exactly 1,200 hours met, a minute less not.
  @Test func exactly1200HoursWithoutAnAccreditedDiploma() {
    #expect(
      SecondRegister.outcome(.admissionExperience, SecondRegister.portfolio("ROC", minutes: 72_000))
        == .met)
    #expect(
      SecondRegister.outcome(.admissionExperience, SecondRegister.portfolio("ROC", minutes: 71_999))
        == .unmet)
  }

  /// With a diploma of the accredited education: exactly 600 hours met, a minute less not.
  @Test func exactly600HoursWithTheAccreditedDiploma() {
    #expect(
      SecondRegister.outcome(.admissionExperience, SecondRegister.portfolio("HU", minutes: 36_000))
        == .met)
    #expect(
      SecondRegister.outcome(.admissionExperience, SecondRegister.portfolio("HU", minutes: 35_999))
        == .unmet)
    let finding = SecondRegister.rules.admissionFindings(
      SecondRegister.portfolio("HU", minutes: 36_000), on: day("2026-11-23"))[1]
    #expect(
      finding.message
        == "600 hours of work experience as a jobcoach, at least 600 (Register Noord asks 600 with a diploma of Post-hbo Jobcoach)"
    )
  }

  /// The lower threshold needs the diploma by the date judged on: the day before its issue
  /// the register's full hours apply.
  @Test func theDiplomaCountsFromItsIssueDate() {
    let portfolio = SecondRegister.portfolio("HU", minutes: 36_000)
    #expect(
      SecondRegister.rules.requiredExperience(portfolio, on: day("2020-06-29")).hours
        == Hours(wholeHours: 1200))
    #expect(
      SecondRegister.rules.requiredExperience(portfolio, on: day("2020-06-30")).hours
        == Hours(wholeHours: 600))
  }

  /// R-ADM-1 per register: an education on the association's list that this register does not
  /// recognise does not admit; the seed's register (no list of its own) recognises it.
  @Test func anEducationTheRegisterDoesNotRecognise() {
    let portfolio = SecondRegister.portfolio("WIN", minutes: 90_000)
    #expect(SecondRegister.outcome(.admissionEducation, portfolio) == .unmet)
    let finding = SecondRegister.rules.admissionFindings(portfolio, on: day("2026-11-23"))[0]
    #expect(finding.message.contains("Leergang Jobcoaching is not recognised by Register Noord"))
    let seed = RegisterRules(educations: SecondRegister.educations)
    #expect(seed.admissionFindings(portfolio, on: day("2026-11-23"))[0].outcome == .met)
    // And the seed's 1,400 hours: 1,500 are enough there, 1,399 would not be.
    #expect(
      seed.admissionFindings(
        SecondRegister.portfolio("HU", minutes: 83_999), on: day("2026-11-23"))[1]
        .outcome == .unmet)
  }
}

struct SecondRegisterPeriodTests {
  static let membership = Membership(
    coach: "C1", register: "NOORD", registerNumber: "RJN-00001", admittedOn: day("2024-02-29"),
    route: .entryRequirements,
    statusChanges: [
      StatusChange(
        date: day("2024-02-29"), status: .registered, rule: .admissionEducation,
        decision: "admitted")
    ])

  /// Four-year periods from 29 February end on 28 February (F-2's month-end reading); the
  /// register's own window (3 months) and grace (2 months).
  @Test func fourYearPeriodsWithTheRegistersOwnWindowAndGrace() {
    let register = SecondRegister.register
    let lastDay = Self.membership.standing(on: day("2028-02-28"), in: register)
    #expect(lastDay.cycle.end == day("2028-02-28"))
    #expect(lastDay.isRegistered && lastDay.validUntil == day("2028-02-28"))
    #expect(lastDay.renewalWindowOpens == day("2027-11-28"))
    let dayAfter = Self.membership.standing(on: day("2028-02-29"), in: register)
    #expect(dayAfter.lapsedOn == day("2028-02-29"))
    #expect(dayAfter.graceEnds == day("2028-04-28"))
    #expect(dayAfter.isInGracePeriod)
    #expect(!Self.membership.standing(on: day("2028-04-29"), in: register).isInGracePeriod)
    // Under the seed's register the same membership would run five years.
    #expect(Self.membership.standing(on: day("2028-02-29"), in: .seedDefault).isRegistered)
  }

  /// A renewal one day before the register's window opens is not accepted; on its first day
  /// it is, and the next period runs four years from the day after the old one.
  @Test func renewalInsideTheRegistersWindow() throws {
    let registry = RecordingRegistry(
      InMemoryRegistry(
        coaches: [Coach(id: "C1", name: "Anouk")], memberships: [Self.membership],
        portfolios: [
          Portfolio(
            coach: "C1",
            activities: (0..<10).map { accredited("A\($0)", "2025-0\($0 % 9 + 1)-01") })
        ], educations: Array(SecondRegister.educations.values), accreditations: accCatalogue,
        registers: [SecondRegister.register]))
    #expect(throws: UseCaseError.self) {
      try RenewRegistration(coach: "C1", on: day("2027-11-27"), audit: testAudit).run(in: registry)
    }
    let renewal = try RenewRegistration(coach: "C1", on: day("2027-11-28"), audit: testAudit)
      .run(in: registry)
    #expect(renewal.nextPeriod?.start == day("2028-02-29"))
    #expect(renewal.nextPeriod?.end == day("2032-02-28"))
    #expect(
      registry.audit.last?.1.reason.hasPrefix("NOORD R-RE-1: re-registered for period 2") == true)
  }
}

struct RegisterChoiceTests {
  static let registry = InMemoryRegistry(
    coaches: [Coach(id: "C1", name: "Anouk"), Coach(id: "C2", name: "Bram")],
    memberships: [
      registeredMembership("C1", number: "RJC-00001", admitted: "2022-01-10"),
      Membership(
        coach: "C1", register: "NOORD", registerNumber: "RJN-00001", admittedOn: day("2023-01-01"),
        route: .entryRequirements,
        statusChanges: [
          StatusChange(
            date: day("2023-01-01"), status: .registered, rule: .admissionEducation,
            decision: "admitted")
        ]),
    ], registers: [SecondRegister.register])

  /// The only candidate is taken; several are an error naming them; an unknown one names what
  /// the registry holds.
  @Test func theOnlyOneOrAnErrorNamingTheChoice() throws {
    #expect(throws: UseCaseError.registerNotChosen(["BvJN", "NOORD"])) {
      try PublishRegister(on: day("2026-11-23")).run(in: Self.registry)
    }
    #expect(throws: UseCaseError.unknownRegister("NOPE", known: ["BvJN", "NOORD"])) {
      try PublishRegister(on: day("2026-11-23"), register: "NOPE").run(in: Self.registry)
    }
    let noord = try PublishRegister(on: day("2026-11-23"), register: "NOORD").run(in: Self.registry)
    #expect(noord.entries.map(\.registerNumber) == ["RJN-00001"])
    #expect(noord.register == "Register Noord" && noord.registerID == "NOORD")
    // Every register at once (the web's lookup) is each register as published alone.
    let every = try PublishRegister.everyRegister(on: day("2026-11-23"), in: Self.registry)
    #expect(every.map(\.registerID) == ["BvJN", "NOORD"])
    for register in every {
      #expect(
        try register
          == PublishRegister(on: day("2026-11-23"), register: register.registerID).run(in: Self.registry))
    }
    #expect(every.allSatisfy { !$0.entries.isEmpty })
    // A coach in two registers names one; a coach in none is not in the register.
    #expect(throws: UseCaseError.registerNotChosen(["BvJN", "NOORD"])) {
      try CheckPEHours(coach: "C1", on: day("2026-11-23")).run(in: Self.registry)
    }
    let statement = try CheckPEHours(coach: "C1", on: day("2026-11-23"), register: "NOORD")
      .run(in: Self.registry)
    #expect(statement.statement.cycle.end == day("2026-12-31"))
    #expect(statement.register.id == "NOORD")
    let writing = RecordingRegistry(Self.registry)
    #expect(throws: UseCaseError.notInRegister("C2")) {
      try RenewRegistration(coach: "C2", on: day("2026-11-23"), audit: testAudit).run(in: writing)
    }
    #expect(throws: UseCaseError.registerNotChosen(["BvJN", "NOORD"])) {
      try SuspendCoach(
        coach: "C1", reason: "x", on: day("2026-11-23"), until: nil, audit: testAudit
      )
      .run(in: writing)
    }
  }

  /// `show` lists each membership with its own register's standing.
  @Test func showListsEveryMembership() throws {
    let profile = try ShowCoach(coach: "C1", on: day("2026-11-23")).run(in: Self.registry)
    #expect(profile.registrations.map(\.register.id) == ["BvJN", "NOORD"])
    #expect(
      profile.registrations.map(\.standing.cycle.end) == [day("2027-01-09"), day("2026-12-31")])
  }

  /// The next number follows the register's own numbering.
  @Test func registerNumbersFollowTheRegistersPrefix() {
    #expect(RegisterNumbering.next(after: []) == "RJC-00001")
    #expect(RegisterNumbering.next(after: ["RJC-00106", "RJC-00013", "X"]) == "RJC-00107")
    #expect(RegisterNumbering.next(after: ["RJN-00001"]) == "RJN-00002")
    #expect(RegisterNumbering.next(after: ["RJN-00001", "RJC-00007"]) == "RJC-00008")
    #expect(RegisterNumbering.next(after: ["AB-123456"]) == "AB-123457")
  }
}

/// Q-POL-4 with the registers a policy names (R-REG-1): good standing in one of them.
struct RegistrationInNamedRegistersTests {
  let coach = Coach(id: "C1", name: "Anouk")

  func evidence(_ register: RegisterID, _ outcome: Outcome) -> RegistrationEvidence {
    RegistrationEvidence(
      register: register,
      finding: Finding(
        rule: .reregistration, severity: outcome == .met ? .note : .warning, outcome: outcome,
        subject: .coach("C1"),
        reason: .register(.numberUnchecked(number: "\(register)-\(outcome)"))))
  }

  func judged(_ registrations: [RegistrationEvidence], accepting registers: [RegisterID])
    -> Finding?
  {
    var policy = MunicipalPolicy(
      id: "P", name: "Policy", effectiveFrom: day("2020-01-01"),
      requirements: [.external: [.registrationRequired]],
      registrationRegisters: registers.isEmpty ? [:] : [.external: registers])
    policy.fundsInternalCoaching = true
    return QualificationRules(organisations: [:]).verify(
      coach,
      VerificationRequest(
        kind: .external, date: day("2026-03-02"), policy: policy, registrations: registrations)
    ).findings.first { $0.rule == .registrationRequired }
  }

  @Test func goodStandingInANamedRegisterMeetsIt() {
    let noord = [evidence("NOORD", .met)]
    #expect(judged(noord, accepting: ["BvJN"])?.outcome == .unmet)
    #expect(
      judged(noord, accepting: ["BvJN"])?.message.hasSuffix(
        "the coach has no register number there") == true)
    #expect(judged(noord, accepting: ["BvJN", "NOORD"])?.outcome == .met)
    #expect(judged(noord, accepting: [])?.outcome == .met)
    // Lapsed in one register, registered in the other: one in good standing is enough.
    let both = [evidence("BvJN", .unmet), evidence("NOORD", .met)]
    #expect(
      judged(both, accepting: ["BvJN", "NOORD"])?.message
        == "policy P requires external coaches to be registered in good standing in BvJN or NOORD on 2026-03-02: gives register number NOORD-met, but no public register has been imported to check it"
    )
    #expect(judged(both, accepting: ["BvJN"])?.outcome == .unmet)
  }
}

struct RegistersDocumentTests {
  /// A registers document reads into registers; a membership or norm that names no register
  /// is the seed's; the norms of a register come from its document and from pe-norms naming it.
  @Test func registersAndTheirNormsReadFromDocuments() {
    var batch = ImportBatch()
    let log = ProblemLog()
    batch.read(
      Array(
        #"{"kind":"registers","schemaVersion":1,"registers":[{"id":"NOORD","name":"Register Noord","admissionHours":1200,"accreditedDiplomaAdmission":{"hours":600,"educations":["HU"]},"recognisedEducations":["HU","ROC"],"renewalWindowMonths":3,"gracePeriodMonths":2,"norms":[{"name":"Noord norm","effectiveFrom":"2015-01-01","cycleYears":4,"totalHours":80,"minimumAccreditedHours":60,"maximumFreeHours":20}]}]}"#
          .utf8), file: "r.json", log: log)
    batch.read(
      Array(
        #"{"kind":"pe-norms","schemaVersion":1,"norms":[{"register":"NOORD","name":"Noord 2030","effectiveFrom":"2030-01-01","cycleYears":4,"totalHours":90,"minimumAccreditedHours":60,"maximumFreeHours":20},{"name":"BvJN","effectiveFrom":"2008-01-01","cycleYears":5,"totalHours":111,"minimumAccreditedHours":81,"maximumFreeHours":30}]}"#
          .utf8), file: "n.json", log: log)
    #expect(log.isEmpty, "\(log.problems)")
    #expect(batch.registers.map(\.value) == [SecondRegister.register])
    #expect(batch.norms.map(\.value.register) == ["NOORD", "BvJN"])
    let registers = InMemoryRegistry(batch).registers()
    #expect(registers.map(\.id) == ["BvJN", "NOORD"])
    #expect(registers[1].norms.versions.map(\.name) == ["Noord norm", "Noord 2030"])
    #expect(registers[0].norms.versions.map(\.name) == ["BvJN"])
  }
}
