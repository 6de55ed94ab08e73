import Testing

@testable import JobcoachCore

struct MunicipalCoachRulesTests {
  func coach(_ qualifications: [Qualification], from: String = "2015-01-01") -> Coach {
    Coach(
      id: "C1", name: "Anouk", employments: [employment("MUN", .municipal, from: from)],
      qualifications: qualifications)
  }

  @Test func eligibleWithHboDiplomaAndJobcoachTraining() {
    let result = verify(
      coach([qualification(.hboDiploma), qualification(.jobcoachTraining)]), as: .municipal,
      on: "2026-03-02", organisations: [municipality])
    #expect(result.isEligible)
    #expect(result.outcome("Q-MUN") == .met)
    #expect(result.outcome("Q-MUN-1") == .met)
    #expect(result.outcome("Q-MUN-2") == .met)
    #expect(result.finding("Q-MUN-1")?.evidence.first?.kind == .qualification)
  }

  @Test(arguments: [QualificationKind.hboDiploma, .hboLevel])
  func qMun1MetByDiplomaOrAssessedLevel(_ kind: QualificationKind) {
    let result = verify(
      coach([qualification(kind), qualification(.jobcoachTraining)]), as: .municipal,
      on: "2026-03-02", organisations: [municipality])
    #expect(result.outcome("Q-MUN-1") == .met)
  }

  @Test func qMun1UnmetWithoutHbo() {
    let result = verify(
      coach([qualification(.jobcoachTraining)]), as: .municipal, on: "2026-03-02",
      organisations: [municipality])
    #expect(!result.isEligible)
    #expect(result.outcome("Q-MUN-1") == .unmet)
    #expect(result.finding("Q-MUN-1")?.severity == .error)
  }

  @Test(arguments: [QualificationKind.jobcoachTraining, .inCompanyTraining])
  func qMun2MetByModuleOrInCompanyTraining(_ kind: QualificationKind) {
    let result = verify(
      coach([qualification(.hboDiploma), qualification(kind)]), as: .municipal, on: "2026-03-02",
      organisations: [municipality])
    #expect(result.outcome("Q-MUN-2") == .met)
  }

  @Test func qMun2UnmetWithoutTraining() {
    let result = verify(
      coach([qualification(.hboDiploma), qualification(.workplaceGuidanceTraining)]),
      as: .municipal, on: "2026-03-02", organisations: [municipality])
    #expect(result.outcome("Q-MUN-2") == .unmet)
  }

  /// Boundary: a certificate issued on the assignment date counts; the day before it does not.
  @Test(arguments: [("2026-03-02", Outcome.met), ("2026-03-01", .unmet)])
  func qMun2CertificateIssuedOnTheAssignmentDate(_ date: String, _ expected: Outcome) {
    let result = verify(
      coach([qualification(.hboDiploma), qualification(.jobcoachTraining, issued: "2026-03-02")]),
      as: .municipal, on: date, organisations: [municipality])
    #expect(result.outcome("Q-MUN-2") == expected)
    if expected == .unmet {
      #expect(result.finding("Q-MUN-2")?.message.contains("issued only on 2026-03-02") == true)
    }
  }

  /// Boundary: a qualification valid through a day counts on that day, not the day after.
  @Test(arguments: [("2026-03-31", Outcome.met), ("2026-04-01", .unmet)])
  func qMun1ExpiryIsInclusive(_ date: String, _ expected: Outcome) {
    let result = verify(
      coach([qualification(.hboLevel, expires: "2026-03-31"), qualification(.jobcoachTraining)]),
      as: .municipal, on: date, organisations: [municipality])
    #expect(result.outcome("Q-MUN-1") == expected)
  }

  /// Boundary: an employment that starts the day after the assignment date does not count.
  @Test(arguments: [("2026-03-02", Outcome.met), ("2026-03-01", .unmet)])
  func employmentStartingTheDayAfter(_ date: String, _ expected: Outcome) {
    let result = verify(
      coach([qualification(.hboDiploma), qualification(.jobcoachTraining)], from: "2026-03-02"),
      as: .municipal, on: date, organisations: [municipality])
    #expect(result.outcome("Q-MUN") == expected)
    #expect(result.isEligible == (expected == .met))
  }

  @Test func employedAsAnotherKindIsNotMunicipal() {
    let coach = Coach(
      id: "C1", name: "Eva", employments: [employment("EMP", .internal)],
      qualifications: [qualification(.hboDiploma), qualification(.jobcoachTraining)])
    let result = verify(coach, as: .municipal, on: "2026-03-02", organisations: [employer])
    #expect(result.outcome("Q-MUN") == .unmet)
    #expect(result.finding("Q-MUN")?.message.contains("as an internal coach") == true)
  }

  @Test func municipalEmploymentAtAnEmployerIsRefused() {
    let coach = Coach(
      id: "C1", name: "Eva", employments: [employment("EMP", .municipal)],
      qualifications: [qualification(.hboDiploma), qualification(.jobcoachTraining)])
    let result = verify(coach, as: .municipal, on: "2026-03-02", organisations: [employer])
    #expect(result.outcome("Q-MUN") == .unmet)
  }

  @Test func kindChangeOverTheYearsUsesTheEmploymentInForce() {
    let coach = Coach(
      id: "C1", name: "Mila",
      employments: [
        employment("EMP", .internal, from: "2019-01-01", until: "2023-12-31"),
        employment("MUN", .municipal, from: "2024-01-01"),
      ],
      qualifications: [qualification(.hboDiploma), qualification(.jobcoachTraining)])
    #expect(
      verify(coach, as: .municipal, on: "2023-12-31", organisations: [employer, municipality])
        .outcome("Q-MUN") == .unmet)
    #expect(
      verify(coach, as: .municipal, on: "2024-01-01", organisations: [employer, municipality])
        .outcome("Q-MUN") == .met)
  }
}

struct ExternalCoachRulesTests {
  func coach(at organisation: OrganisationID = "CO") -> Coach {
    Coach(id: "C1", name: "Gert", employments: [employment(organisation, .external)])
  }

  @Test func recognisedOrganisationMeetsQExt1() {
    let result = verify(
      coach(), as: .external, on: "2026-07-01",
      organisations: [coachingOrganisation([recognition(until: "2028-12-31")])])
    #expect(result.isEligible)
    #expect(result.outcome("Q-EXT-1") == .met)
    #expect(result.finding("Q-EXT-1")?.evidence.first?.reference == "DOC-1")
  }

  /// Boundary: a recognition that ends the day before the assignment does not hold.
  @Test func recognitionEndingTheDayBeforeTheAssignment() {
    let organisation = coachingOrganisation([recognition(until: "2026-06-30")])
    let before = verify(coach(), as: .external, on: "2026-07-01", organisations: [organisation])
    #expect(before.outcome("Q-EXT-1") == .unmet)
    #expect(before.finding("Q-EXT-1")?.message.contains("the day before 2026-07-01") == true)
    #expect(!before.isEligible)
    let lastDay = verify(coach(), as: .external, on: "2026-06-30", organisations: [organisation])
    #expect(lastDay.outcome("Q-EXT-1") == .met)
  }

  @Test(arguments: [("2026-04-14", Outcome.met), ("2026-04-15", .unmet)])
  func withdrawnRecognitionStopsOnTheWithdrawalDay(_ date: String, _ expected: Outcome) {
    let organisation = coachingOrganisation([recognition(withdrawn: "2026-04-15")])
    let result = verify(coach(), as: .external, on: date, organisations: [organisation])
    #expect(result.outcome("Q-EXT-1") == expected)
  }

  @Test func recognitionNotYetValid() {
    let organisation = coachingOrganisation([recognition(from: "2026-08-01")])
    let result = verify(coach(), as: .external, on: "2026-07-31", organisations: [organisation])
    #expect(result.outcome("Q-EXT-1") == .unmet)
    #expect(result.finding("Q-EXT-1")?.message.contains("starts only on 2026-08-01") == true)
  }

  @Test func frameworkOlderThanThePolicyAcceptsIsUnmet() {
    var policy = MunicipalPolicy.g4Default
    policy.minimumRecognitionFramework = RecognitionFramework(year: 2020)
    let organisation = coachingOrganisation([recognition()])
    let result = verify(
      coach(), as: .external, on: "2026-07-01", policy: policy, organisations: [organisation])
    #expect(result.outcome("Q-EXT-1") == .unmet)
  }

  @Test func noRecognitionAtAll() {
    let result = verify(
      coach(), as: .external, on: "2026-07-01", organisations: [coachingOrganisation([])])
    #expect(result.outcome("Q-EXT-1") == .unmet)
  }

  @Test func selfEmployedCoachWithRecognitionIsExternal() {
    let praktijk = Organisation(
      id: "ZZP", name: "Praktijk", kind: .selfEmployed, recognitions: [recognition()])
    let result = verify(
      coach(at: "ZZP"), as: .external, on: "2026-07-01", organisations: [praktijk])
    #expect(result.isEligible)
  }

  @Test func recognitionEndingDuringThePlacementWarns() {
    let organisation = coachingOrganisation([recognition(until: "2026-12-31")])
    let result = verify(
      coach(), as: .external, on: "2026-07-01",
      placement: placement(coach: "C1", end: "2027-06-30"),
      organisations: [organisation, employer])
    #expect(result.isEligible)
    #expect(result.warnings("Q-EXT-1").count == 1)
  }

  @Test func approvedListPolicy() {
    var policy = MunicipalPolicy.g4Default
    policy.externalOrganisations = .approvedList(["CO"])
    let listed = verify(
      coach(), as: .external, on: "2026-07-01", policy: policy,
      organisations: [coachingOrganisation([recognition()])])
    #expect(listed.outcome("Q-POL-2") == .met)
    policy.externalOrganisations = .approvedList(["OTHER"])
    let unlisted = verify(
      coach(), as: .external, on: "2026-07-01", policy: policy,
      organisations: [coachingOrganisation([recognition()])])
    #expect(unlisted.outcome("Q-POL-2") == .unmet)
    #expect(!unlisted.isEligible)
  }

  @Test func freeChoicePolicyIsMet() {
    let result = verify(
      coach(), as: .external, on: "2026-07-01",
      organisations: [coachingOrganisation([recognition()])])
    #expect(result.outcome("Q-POL-2") == .met)
  }

  @Test(arguments: [(true, Outcome.met), (false, .unmet)])
  func throughMunicipalityPolicy(_ appointed: Bool, _ expected: Outcome) {
    var policy = MunicipalPolicy.g4Default
    policy.externalOrganisations = .throughMunicipality
    let result = verify(
      coach(), as: .external, on: "2026-07-01", placement: placement(appointed: appointed),
      policy: policy, organisations: [coachingOrganisation([recognition()]), employer])
    #expect(result.outcome("Q-POL-2") == expected)
  }

  @Test func throughMunicipalityWithoutPlacementIsUndetermined() {
    var policy = MunicipalPolicy.g4Default
    policy.externalOrganisations = .throughMunicipality
    let result = verify(
      coach(), as: .external, on: "2026-07-01", policy: policy,
      organisations: [coachingOrganisation([recognition()])])
    #expect(result.outcome("Q-POL-2") == .undetermined)
    #expect(!result.isEligible)
  }

  @Test func uwvFundedPlacementWithRecognisedOrganisation() {
    let result = verify(
      coach(), as: .external, on: "2026-07-01", placement: placement(funder: .uwv),
      organisations: [coachingOrganisation([recognition()]), employer])
    #expect(result.outcome("Q-POL-3") == .met)
  }

  /// Q-POL-3 on its boundary: UWV funding and a recognition that ended the day before.
  @Test func uwvFundedPlacementWithLapsedRecognition() {
    let result = verify(
      coach(), as: .external, on: "2026-07-01", placement: placement(funder: .uwv),
      organisations: [coachingOrganisation([recognition(until: "2026-06-30")]), employer])
    #expect(result.outcome("Q-POL-3") == .unmet)
    #expect(result.finding("Q-POL-3")?.message.hasPrefix("UWV works only") == true)
  }

  @Test func uwvRuleDoesNotApplyToMunicipalFunding() {
    let result = verify(
      coach(), as: .external, on: "2026-07-01", placement: placement(funder: .municipality),
      organisations: [coachingOrganisation([recognition()]), employer])
    #expect(result.outcome("Q-POL-3") == .notApplicable)
  }
}

struct InternalCoachRulesTests {
  func coach(
    _ qualifications: [Qualification] = [
      qualification(.workplaceGuidanceTraining), qualification(.workInstructionExperience),
    ], employer: OrganisationID = "EMP", from: String = "2015-01-01"
  ) -> Coach {
    Coach(
      id: "C1", name: "Johan", employments: [employment(employer, .internal, from: from)],
      qualifications: qualifications)
  }

  @Test func eligibleWithEverythingForThePlacement() {
    let result = verify(
      coach(), as: .internal, on: "2026-03-02", placement: placement(), organisations: [employer])
    #expect(result.isEligible)
    for rule: RuleID in ["Q-INT", "Q-INT-1", "Q-INT-2", "Q-INT-3", "Q-INT-4", "Q-POL-1"] {
      #expect(result.outcome(rule) == .met, "\(rule)")
    }
  }

  @Test func withoutPlacementTaskExperienceAndExemptionAreNotDeterminable() {
    let result = verify(coach(), as: .internal, on: "2026-03-02", organisations: [employer])
    #expect(!result.isEligible)
    #expect(result.outcome("Q-INT-3") == .undetermined)
    #expect(result.outcome("Q-INT-4") == .undetermined)
    #expect(result.finding("Q-INT-3")?.severity == .error)
    #expect(result.finding("Q-INT-4")?.severity == .error)
  }

  @Test func qInt1UnmetWithoutGuidanceTraining() {
    let result = verify(
      coach([qualification(.workInstructionExperience)]), as: .internal, on: "2026-03-02",
      placement: placement(), organisations: [employer])
    #expect(result.outcome("Q-INT-1") == .unmet)
  }

  @Test func qInt2UnmetWithoutInstructionExperience() {
    let result = verify(
      coach([qualification(.workplaceGuidanceTraining)]), as: .internal, on: "2026-03-02",
      placement: placement(), organisations: [employer])
    #expect(result.outcome("Q-INT-2") == .unmet)
  }

  /// Boundary: a buddy training issued on the assignment date counts, and one valid through the
  /// day before does not.
  @Test func qInt1Boundaries() {
    let issuedToday = coach([
      qualification(.workplaceGuidanceTraining, issued: "2026-03-02"),
      qualification(.workInstructionExperience),
    ])
    #expect(
      verify(
        issuedToday, as: .internal, on: "2026-03-02", placement: placement(),
        organisations: [employer]
      )
      .outcome("Q-INT-1") == .met)
    let expiredYesterday = coach([
      qualification(.workplaceGuidanceTraining, expires: "2026-03-01"),
      qualification(.workInstructionExperience),
    ])
    #expect(
      verify(
        expiredYesterday, as: .internal, on: "2026-03-02", placement: placement(),
        organisations: [employer]
      )
      .outcome("Q-INT-1") == .unmet)
  }

  @Test(arguments: [(true, Outcome.met), (false, .unmet)])
  func qInt3FollowsThePlacement(_ hasExperience: Bool, _ expected: Outcome) {
    let result = verify(
      coach(), as: .internal, on: "2026-03-02", placement: placement(taskExperience: hasExperience),
      organisations: [employer])
    #expect(result.outcome("Q-INT-3") == expected)
  }

  @Test(arguments: [(true, Outcome.met), (false, .unmet)])
  func qInt4FollowsThePlacement(_ hasExemption: Bool, _ expected: Outcome) {
    let result = verify(
      coach(), as: .internal, on: "2026-03-02", placement: placement(exemption: hasExemption),
      organisations: [employer])
    #expect(result.outcome("Q-INT-4") == expected)
  }

  @Test func internalCoachMustWorkForThePlacementsEmployer() {
    let result = verify(
      coach(employer: "EMP2"), as: .internal, on: "2026-03-02", placement: placement(),
      organisations: [employer, otherEmployer])
    #expect(result.outcome("Q-INT") == .unmet)
  }

  @Test func qPol1UnmetWhenTheMunicipalityDoesNotFundInternalCoaching() {
    var policy = MunicipalPolicy.g4Default
    policy.fundsInternalCoaching = false
    let result = verify(
      coach(), as: .internal, on: "2026-03-02", placement: placement(), policy: policy,
      organisations: [employer])
    #expect(result.outcome("Q-POL-1") == .unmet)
    #expect(!result.isEligible)
  }

  /// Q-POL-1: a municipality sets its own requirements; one it drops is not applied.
  @Test func qPol1PolicyCanDropARequirement() {
    var policy = MunicipalPolicy.g4Default
    policy.requirements[.internal] = ["Q-INT-1", "Q-INT-2", "Q-INT-3"]
    let result = verify(
      coach(), as: .internal, on: "2026-03-02", placement: placement(exemption: false),
      policy: policy, organisations: [employer])
    #expect(result.outcome("Q-INT-4") == .notApplicable)
    #expect(result.isEligible)
  }

  /// Q-POL-3 as read: UWV works only with recognised coaching organisations for external
  /// coaching; internal coaching under UWV follows UWV's own rules, not in the sources.
  @Test func uwvFundingDoesNotJudgeAnInternalCoachByQPOL3() {
    let result = verify(
      coach(), as: .internal, on: "2026-03-02", placement: placement(funder: .uwv),
      organisations: [employer])
    #expect(result.outcome("Q-POL-3") == .notApplicable)
  }
}

struct PolicyHistoryTests {
  @Test func versionInForceChangesOnTheEffectiveDate() {
    let first = MunicipalPolicy(id: "P", name: "v1", effectiveFrom: day("2024-01-01"))
    var second = MunicipalPolicy(id: "P", name: "v2", effectiveFrom: day("2026-07-01"))
    second.fundsInternalCoaching = false
    let history = PolicyHistory(versions: [second, first])
    #expect(history.version(on: day("2023-12-31")) == nil)
    #expect(history.version(on: day("2024-01-01"))?.name == "v1")
    #expect(history.version(on: day("2026-06-30"))?.name == "v1")
    #expect(history.version(on: day("2026-07-01"))?.name == "v2")
  }
}

/// Q-POL-4: a policy that requires registration judges the register's answer (issue 15).
struct RegistrationRequirementTests {
  let coach = Coach(
    id: "C1", name: "Anouk", employments: [employment("MUN", .municipal, from: "2015-01-01")],
    qualifications: [qualification(.hboDiploma), qualification(.jobcoachTraining)])

  var policy: MunicipalPolicy {
    var policy = MunicipalPolicy(id: "P", name: "P", effectiveFrom: day("2020-01-01"))
    policy.requirements[.municipal] = [
      .municipalEducation, .municipalTraining, .registrationRequired,
    ]
    return policy
  }

  func standing(_ outcome: Outcome) -> Finding {
    Finding(
      rule: .reregistration, severity: outcome == .met ? .note : .warning, outcome: outcome,
      subject: .coach("C1"),
      reason: .register(
        outcome == .met
          ? .registered(number: "RJC-1", since: day("2020-01-01"), until: day("2030-01-01"))
          : .status(number: "RJC-1", .suspended, on: day("2026-01-01"))),
      evidence: [
        EvidenceItem(
          kind: .registration, reference: "RJC-1",
          facts: .document(EvidenceReference(documentID: "RJC-1", issuer: "BvJN")))
      ])
  }

  func judged(_ registration: Finding?, policy: MunicipalPolicy? = nil) -> Verification {
    QualificationRules(organisations: ["MUN": municipality]).verify(
      coach,
      VerificationRequest(
        kind: .municipal, date: day("2026-03-02"), policy: policy ?? self.policy,
        registrations: registration.map {
          [RegistrationEvidence(register: .seedDefault, finding: $0)]
        }
          ?? []))
  }

  @Test func inGoodStandingIsMetWithTheRegistersEvidence() {
    let result = judged(standing(.met))
    #expect(result.isEligible)
    #expect(result.outcome(.registrationRequired) == .met)
    #expect(
      result.finding(.registrationRequired)?.evidence.contains { $0.kind == .registration } == true)
  }

  @Test(arguments: [Outcome.unmet, .undetermined])
  func anythingElseIsNotEligible(_ outcome: Outcome) {
    let result = judged(standing(outcome))
    #expect(!result.isEligible)
    #expect(result.outcome(.registrationRequired) == outcome)
    #expect(result.finding(.registrationRequired)?.severity == .error)
  }

  @Test func noRegisterNumberIsUnmet() {
    let result = judged(nil)
    #expect(!result.isEligible)
    #expect(
      result.finding(.registrationRequired)?.message.hasSuffix("the coach has no register number")
        == true)
  }

  @Test func aPolicyThatDoesNotAskItSaysNothingOfIt() {
    let result = judged(nil, policy: .g4Default)
    #expect(result.isEligible)
    #expect(result.finding(.registrationRequired) == nil)
  }
}
