import Testing

@testable import JobcoachCore

/// Each use case over a small in-memory registry: no SQLite.
struct VerifyCoachTests {
  static let policy = MunicipalPolicy(
    id: "POL", name: "Gemeente Test", municipality: "MUN", effectiveFrom: day("2020-01-01"),
    fundsInternalCoaching: false)
  static let other = MunicipalPolicy(
    id: "POL-2", name: "Gemeente Test, second", municipality: "MUN",
    effectiveFrom: day("2026-06-01"))

  var registry: InMemoryRegistry {
    var coach = Coach(
      id: "C1", name: "Anouk", employments: [employment("EMP", .internal)],
      qualifications: [
        qualification(.workplaceGuidanceTraining), qualification(.workInstructionExperience),
      ])
    coach.registerNumber = nil
    return InMemoryRegistry(
      organisations: [municipality, employer], coaches: [coach], placements: [placement()],
      policies: [Self.policy],
      memberships: [registeredMembership("C1", number: "RJC-1", admitted: "2022-01-10")])
  }

  @Test func theVerdictUnderThePlacementsPolicyWithTheStanding() throws {
    let answer = try VerifyCoach(
      coach: "C1", kind: .internal, placement: "P1", on: day("2026-03-02")
    )
    .run(in: registry)
    #expect(answer.policy.source == .placement("P1", municipality: "MUN"))
    // The municipality funds no internal coaching (Q-POL-1): not eligible.
    #expect(!answer.isEligible)
    #expect(answer.verification.finding(.internalCoachingPolicy)?.outcome == .unmet)
    #expect(answer.verification.finding(.internalTaskExperience)?.outcome == .met)
    #expect(answer.verification.findings.last?.rule == .reregistration)
    #expect(answer.verification.findings.last?.outcome == .met)
  }

  @Test func withoutAPlacementTheG4DefaultUnlessAMunicipalityIsNamed() throws {
    let plain = try VerifyCoach(coach: "C1", kind: .internal, on: day("2026-03-02")).run(
      in: registry)
    #expect(plain.policy.source == .builtInDefault(noPolicyOf: nil))
    #expect(plain.verification.finding(.internalCoachingPolicy)?.outcome == .met)
    let named = try VerifyCoach(
      coach: "C1", kind: .internal, municipality: "MUN", on: day("2026-03-02")
    ).run(in: registry)
    #expect(named.policy.source == .municipality("MUN"))
    #expect(named.verification.finding(.internalCoachingPolicy)?.outcome == .unmet)
    var withDefault = registry
    withDefault.municipality = "MUN"
    let byDefault = try VerifyCoach(coach: "C1", kind: .internal, on: day("2026-03-02"))
      .run(in: withDefault)
    #expect(byDefault.policy.source == .registryMunicipality("MUN"))
  }

  @Test func unknownRecordsAndAnAmbiguousPolicyAreRefused() {
    #expect(throws: UseCaseError.unknownCoach("C9")) {
      try VerifyCoach(coach: "C9", kind: .internal, on: day("2026-03-02")).run(in: registry)
    }
    #expect(throws: UseCaseError.unknownPlacement("P9")) {
      try VerifyCoach(coach: "C1", kind: .internal, placement: "P9", on: day("2026-03-02"))
        .run(in: registry)
    }
    var twoPolicies = registry
    twoPolicies.policies.append(PolicyHistory(versions: [Self.other]))
    // The day before the second policy takes effect there is one answer, then none.
    #expect(
      (try? VerifyCoach(coach: "C1", kind: .internal, placement: "P1", on: day("2026-05-31"))
        .run(in: twoPolicies)) != nil)
    #expect(
      throws: UseCaseError.ambiguousPolicy(
        municipality: "MUN", policies: ["POL", "POL-2"], on: day("2026-06-01"))
    ) {
      try VerifyCoach(coach: "C1", kind: .internal, placement: "P1", on: day("2026-06-01"))
        .run(in: twoPolicies)
    }
  }
}

struct CheckPEHoursTests {
  static let portfolio = Portfolio(
    coach: "C1", registeredSince: day("2015-06-01"),
    activities: (1...10).map { accredited("A\($0)", "2022-0\(1 + $0 % 9)-1\($0 % 9)") }
      + [free("F1", "2023-05-05", hours: 40)])

  @Test func theCycleCountsFromTheMembershipElseFromThePortfolio() throws {
    let registry = InMemoryRegistry(
      coaches: [Coach(id: "C1", name: "Anouk")],
      memberships: [registeredMembership("C1", number: "RJC-1", admitted: "2022-01-10")],
      portfolios: [Self.portfolio], accreditations: accCatalogue)
    let answer = try CheckPEHours(coach: "C1", on: day("2026-11-23")).run(in: registry)
    #expect(answer.name == "Anouk")
    #expect(answer.claimsChecked)
    #expect(answer.statement.cycle.start == day("2022-01-10"))
    #expect(answer.statement.accredited == Hours(wholeHours: 80))
    #expect(answer.statement.countedFree == Hours(wholeHours: 30))
    #expect(!answer.statement.isMet)
    #expect(answer.statement.missingAccredited == Hours(wholeHours: 1))
    // A coach's own portfolio alone: cycles from registeredSince, no name, claims unchecked.
    let own = InMemoryRegistry(portfolios: [Self.portfolio])
    let alone = try CheckPEHours(coach: "C1", on: day("2026-11-23")).run(in: own)
    #expect(alone.name == nil)
    #expect(!alone.claimsChecked)
    #expect(alone.statement.cycle.start == day("2025-06-01"))
  }

  /// A coach checks a file before sending it: the statement judges that portfolio, not the
  /// one held, under the same membership; the held one gives what the registry gives.
  @Test func aPortfolioGivenIsJudgedInPlaceOfTheOneHeld() throws {
    let registry = InMemoryRegistry(
      coaches: [Coach(id: "C1", name: "Anouk")],
      memberships: [registeredMembership("C1", number: "RJC-1", admitted: "2022-01-10")],
      portfolios: [Self.portfolio], accreditations: accCatalogue)
    let date = day("2026-11-23")
    var completed = Self.portfolio
    completed.activities.append(accredited("A11", "2024-03-03"))
    let checked = try CheckPEHours(coach: "C1", on: date, portfolio: completed).run(in: registry)
    #expect(checked.statement.accredited == Hours(wholeHours: 88))
    #expect(checked.statement.missingAccredited == .zero)
    #expect(checked.statement.cycle.start == day("2022-01-10"))
    // Nothing stored: the registry still judges its own portfolio.
    let held = try CheckPEHours(coach: "C1", on: date).run(in: registry)
    #expect(held.statement.accredited == Hours(wholeHours: 80))
    #expect(try CheckPEHours(coach: "C1", on: date, portfolio: Self.portfolio).run(in: registry) == held)
  }

  @Test func unknownCoachesAndUndeterminedCyclesAreRefused() {
    #expect(throws: UseCaseError.unknownCoach("C9")) {
      try CheckPEHours(coach: "C9", on: day("2026-11-23")).run(in: InMemoryRegistry())
    }
    let noAnchor = InMemoryRegistry(coaches: [Coach(id: "C1", name: "Anouk")])
    #expect(throws: UseCaseError.cycleUndetermined("C1")) {
      try CheckPEHours(coach: "C1", on: day("2026-11-23")).run(in: noAnchor)
    }
  }

  @Test func theOnlyPortfolioInTheDocuments() throws {
    #expect(try InMemoryRegistry(portfolios: [Self.portfolio]).onlyPortfolioCoach() == "C1")
    #expect(throws: UseCaseError.noPortfolio(nil)) { try InMemoryRegistry().onlyPortfolioCoach() }
    let two = InMemoryRegistry(portfolios: [Self.portfolio, Portfolio(coach: "C2")])
    #expect(throws: UseCaseError.severalPortfolios(count: 2)) { try two.onlyPortfolioCoach() }
  }
}

struct ReviewPlacementTests {
  /// The same coach's placement at the same employer is a sibling (K-6); one at another
  /// employer is not.
  static var registry: InMemoryRegistry {
    var sibling = coachedPlacement()
    sibling.id = "P2"
    var elsewhere = coachedPlacement()
    elsewhere.id = "P3"
    elsewhere.employer = "EMP2"
    var siblingVisit = booking("S1", "2026-02-03", contact: .visit)
    siblingVisit.placement = "P2"
    var elsewhereVisit = booking("E1", "2026-02-04", contact: .visit)
    elsewhereVisit.placement = "P3"
    return InMemoryRegistry(
      organisations: [municipality, employer, otherEmployer],
      coaches: [Coach(id: "C1", name: "Anouk", employments: [employment("MUN", .municipal)])],
      placements: [coachedPlacement(), sibling, elsewhere],
      bookings: [
        booking("B1", "2026-02-02", contact: .visit), booking("B2", "2026-03-02"),
        booking("B3", "2026-09-01"), siblingVisit, elsewhereVisit,
      ],
      policies: [
        MunicipalPolicy(
          id: "POL", name: "Test", municipality: "MUN", effectiveFrom: day("2020-01-01"),
          // F-4: the municipal coach's hours count at the internal rate.
          funding: FundingFramework(
            light: FundingFramework.g4.light, medium: FundingFramework.g4.medium,
            municipalCoachRate: Money(cents: 9000)))
      ])
  }

  @Test func aReviewReadsEverythingItNeeds() throws {
    let answer = try ReviewPlacement(placement: "P1", on: day("2026-04-01")).run(in: Self.registry)
    #expect(answer.policy.source == .placement("P1", municipality: "MUN"))
    #expect(answer.coach?.name == "Anouk")
    #expect(answer.employer?.name == "Bakkerij Test")
    #expect(answer.review.dossier.coachKind == .municipal)
    #expect(answer.review.dossier.siblingVisits == ["P2": [day("2026-02-03")]])
    // Bookings after the date are not judged yet.
    #expect(answer.review.assessments.map(\.booking.id) == ["B1", "B2"])
  }

  @Test func theReportJudgesOnThePeriodsLastDay() throws {
    let answer = try ReportHours(
      placement: "P1", period: DateInterval(start: day("2026-01-01"), end: day("2026-06-30"))
    ).run(in: Self.registry)
    #expect(answer.report.booked == Hours(wholeHours: 2))
    #expect(answer.report.reimbursable == Hours(wholeHours: 2))
    #expect(answer.report.amount == Money(cents: 18_000))
    #expect(throws: UseCaseError.unknownPlacement("P9")) {
      try ReviewPlacement(placement: "P9", on: day("2026-04-01")).run(in: Self.registry)
    }
  }
}

struct CheckRegistryTests {
  static let policyA = MunicipalPolicy(
    id: "POL-A", name: "A", municipality: "MUN", effectiveFrom: day("2020-01-01"))
  static let policyB = MunicipalPolicy(
    id: "POL-B", name: "B", municipality: "MUN", effectiveFrom: day("2026-06-01"))

  var registry: InMemoryRegistry {
    InMemoryRegistry(
      organisations: [municipality, employer],
      coaches: [
        Coach(
          id: "C1", name: "Anouk", employments: [employment("MUN", .municipal)],
          qualifications: [qualification(.hboDiploma), qualification(.jobcoachTraining)])
      ],
      placements: [coachedPlacement()], bookings: [booking("B1", "2026-02-02", contact: .visit)],
      policies: [Self.policyA, Self.policyB])
  }

  /// Two policies of one municipality in force: an error on the municipality and on each of
  /// its placements, which are not judged; the day before, the placement is judged.
  @Test func anAmbiguousMunicipalityIsAnErrorAndItsPlacementsAreNotJudged() throws {
    let before = try CheckRegistry(on: day("2026-05-31")).run(in: registry)
    #expect(
      before.findings.contains { $0.subject == .placement("P1") && $0.rule == .halfYearPeriods })
    #expect(!before.findings.contains { $0.rule == .internalCoachingPolicy })
    let after = try CheckRegistry(on: day("2026-06-01")).run(in: registry)
    let onMunicipality = after.findings.filter { $0.subject == .organisation("MUN") }
    #expect(
      onMunicipality.filter { $0.severity == .error }.map(\.rule) == [.internalCoachingPolicy])
    #expect(onMunicipality.first?.rule == .internalCoachingPolicy)
    #expect(onMunicipality.first?.message.contains("POL-A, POL-B") == true)
    let onPlacement = after.findings.filter { $0.subject == .placement("P1") }
    // The placement's review is not judged; its coach's assignment is, under the policy of
    // the assignment's start, when only one policy was in force (Q-ASG-2).
    #expect(onPlacement.filter { $0.severity == .error }.map(\.rule) == [.internalCoachingPolicy])
    #expect(onPlacement.contains { $0.rule == .policyAtAssignment && $0.outcome == .met })
    #expect(!onPlacement.contains { $0.rule == .halfYearPeriods })
    #expect(after.subjects.contains(.organisation("MUN")))
    #expect(!after.isClean)
  }

  @Test func coachesWithoutAPlacementAreJudgedUnderTheCallersMunicipality() throws {
    var single = registry
    single.policies = [PolicyHistory(versions: [Self.policyA])]
    single.placements = [:]
    let plain = try CheckRegistry(on: day("2026-03-01")).run(in: single)
    #expect(plain.policy?.source == .builtInDefault(noPolicyOf: nil))
    let named = try CheckRegistry(on: day("2026-03-01"), municipality: "MUN").run(in: single)
    #expect(named.policy?.source == .municipality("MUN"))
    #expect(named.policy?.policy.id == "POL-A")
    #expect(named.names[.coach("C1")] == "Anouk")
  }

  @Test func filtersKeepOnlyTheRulesAndSeveritiesAsked() throws {
    let report = try CheckRegistry(on: day("2026-06-01"), rulePrefix: "Q-POL", severity: .error)
      .run(in: registry)
    #expect(!report.findings.isEmpty)
    #expect(
      report.findings.allSatisfy { $0.rule.rawValue.hasPrefix("Q-POL") && $0.severity == .error })
  }

  /// Every worker has run, each once with its own number, when `run` returns `body`'s result;
  /// the workers run while `body` does (here `body` waits for the first).
  @Test func concurrentlyRunsEveryWorkerBesideTheBody() {
    let done = Channel<Int>(capacity: 3)
    let text = Concurrently.run(
      workers: 3, { worker in done.send(worker * 10 + (1...1000).reduce(0, +) % 7) },
      while: { () -> String in
        let first = done.receive()
        return String(repeating: "ab", count: 3) + (first == nil ? "?" : "")
      })
    #expect(text == "ababab")
    done.close()
    var seen: [Int] = []
    while let worker = done.poll() { seen.append(worker) }
    // 500,500 % 7 == 0: each worker sent its number times ten; the body took one.
    #expect(seen.count == 2)
    #expect(Set(seen).isSubset(of: [0, 10, 20]))
  }
}

struct RegisterListsTests {
  static var registry: InMemoryRegistry {
    InMemoryRegistry(
      coaches: [
        Coach(id: "C1", name: "Anouk"), Coach(id: "C2", name: "Bram"), Coach(id: "C3", name: "Eva"),
      ],
      memberships: [
        // Cycle 2021-12-15 .. 2026-12-14.
        registeredMembership("C1", number: "RJC-1", admitted: "2021-12-15"),
        registeredMembership(
          "C2", number: "RJC-2", admitted: "2020-01-01",
          changes: [
            StatusChange(
              date: day("2025-01-01"), status: .removed, rule: .reregistration, decision: "left")
          ]),
        registeredMembership(
          "C3", number: "RJC-3", admitted: "2023-03-01", route: .earlierAdmission,
          changes: [
            StatusChange(
              date: day("2026-09-01"), status: .assessmentDue, rule: .assessment,
              decision: "insufficient")
          ],
          assessments: [
            Assessment(
              judgedOn: day("2026-09-01"), result: .insufficient, improvementPoints: "more PE",
              deadline: day("2027-03-01"))
          ]),
      ],
      portfolios: [Portfolio(coach: "C1", activities: [accredited("A1", "2023-01-01")])],
      accreditations: accCatalogue)
  }

  /// Removed coaches are not published; valid until is the end of the running cycle.
  @Test func thePublicRegister() throws {
    let register = try PublishRegister(on: day("2026-11-23")).run(in: Self.registry)
    #expect(register.register == Register.seedDefault.name)
    #expect(register.registerID == .seedDefault)
    #expect(register.entries.map(\.registerNumber) == ["RJC-1", "RJC-3"])
    #expect(register.entries[0].validUntil == day("2026-12-14"))
    #expect(register.entries[1].status == .assessmentDue)
  }

  /// A cycle ending exactly `within` days on is due; one day further is not.
  @Test func theDueListByTheWindowsLastDay() throws {
    let date = day("2026-11-23")
    let daysLeft = date.days(until: day("2026-12-14"))
    let due = try ListDue(on: date, within: daysLeft).run(in: Self.registry)
    #expect(due.map(\.coach) == ["C1", "C3"])
    #expect(due[0].reason == .reregistration)
    #expect(due[0].missingAccredited == Hours(wholeHours: 73))
    #expect(due[1].reason == .assessment)
    #expect(due[1].due == day("2027-03-01"))
    let narrower = try ListDue(on: date, within: daysLeft - 1).run(in: Self.registry)
    #expect(narrower.map(\.coach) == ["C3"])
  }

  @Test func remindersTakeTheirStagesFromThePolicyThatApplies() throws {
    var registry = Self.registry
    let weekly = MunicipalPolicy(
      id: "POL", name: "Weekly", municipality: "MUN", effectiveFrom: day("2020-01-01"),
      reminderStages: ReminderSchedule(codes: "3w")!)
    registry.policies = [PolicyHistory(versions: [weekly])]
    let standard = try ListReminders(on: day("2026-11-23")).run(in: registry)
    #expect(standard.schedule == .standard)
    #expect(standard.policy?.source == .builtInDefault(noPolicyOf: nil))
    let municipal = try ListReminders(
      on: day("2026-11-23"), stages: .policy(named: nil, municipality: "MUN")
    ).run(in: registry)
    #expect(municipal.schedule.codes == "3w")
    // 2026-12-14 is exactly three weeks after 2026-11-23.
    #expect(municipal.due.map(\.deadline.subject) == [.coach("C1")])
    let given = try ListReminders(
      on: day("2026-11-23"), stages: .given(ReminderSchedule(codes: "30d")!)
    ).run(in: registry)
    #expect(given.policy == nil)
    #expect(given.due.isEmpty)
  }

  @Test func aCoachsProfileAndTheList() throws {
    var registry = ReviewPlacementTests.registry
    registry.coaches["C2"] = Coach(
      id: "C2", name: "Bram", employments: [employment("EMP", .internal)])
    let profile = try ShowCoach(coach: "C1", on: day("2026-03-01")).run(in: registry)
    #expect(profile.registrations.isEmpty)
    #expect(profile.placements.map(\.id) == ["P1", "P2", "P3"])
    #expect(profile.organisationNames["EMP2"] == "Drukkerij Test")
    let internalCoaches = try ListCoaches(kind: .internal, on: day("2026-03-01")).run(in: registry)
    #expect(internalCoaches.map(\.coach.id) == ["C2"])
    let all = try ListCoaches(on: day("2026-03-01")).run(in: registry)
    #expect(all.map(\.coach.id) == ["C1", "C2"])
  }
}

struct RegisterDecisionTests {
  static let education = RecognisedEducation(
    id: "EDU", title: "Post-hbo Jobcoach", provider: "Hogeschool",
    recognition: DateInterval(start: day("2010-01-01"), end: nil))

  func registry(experienceHours: Int) -> RecordingRegistry {
    RecordingRegistry(
      InMemoryRegistry(
        coaches: [Coach(id: "C1", name: "Anouk"), Coach(id: "C2", name: "Bram")],
        memberships: [registeredMembership("C2", number: "RJC-2", admitted: "2021-12-15")],
        portfolios: [
          Portfolio(
            coach: "C1",
            educations: [
              EducationDiploma(education: "EDU", issuedOn: day("2015-06-01"), evidence: evidenceDoc)
            ],
            experience: [
              ExperienceEntry(
                period: DateInterval(start: day("2016-01-01"), end: day("2020-12-31")),
                hours: Hours(wholeHours: experienceHours), description: "Coaching",
                evidence: evidenceDoc)
            ]),
          Portfolio(
            coach: "C2",
            activities: (1...11).map { accredited("A\($0)", "2023-02-\(10 + $0)") }
              + [free("F1", "2024-01-01", hours: 30)]),
        ],
        educations: [Self.education], accreditations: accCatalogue))
  }

  /// R-ADM-2 at exactly 1,400 hours admits; one minute short does not, and writes nothing.
  @Test func admissionAtExactly1400Hours() throws {
    let met = registry(experienceHours: 1400)
    let admitted = try AdmitCoach(coach: "C1", on: day("2026-11-23"), audit: testAudit).run(in: met)
    #expect(admitted.recorded?.membership.registerNumber.isEmpty == false)
    #expect(met.saves == 1)
    #expect(met.audit.map(\.1.field) == ["status"])
    #expect(throws: UseCaseError.self) {
      try AdmitCoach(coach: "C1", on: day("2026-11-24"), audit: testAudit).run(in: met)
    }
    let short = registry(experienceHours: 1399)
    let refused = try AdmitCoach(coach: "C1", on: day("2026-11-23"), audit: testAudit).run(
      in: short)
    #expect(refused.recorded == nil)
    #expect(refused.findings.first { $0.rule == .admissionExperience }?.outcome == .unmet)
    #expect(short.saves == 0)
  }

  @Test func renewalOncePerCycleWhenTheNormIsMet() throws {
    let registry = registry(experienceHours: 0)
    let renewal = try RenewRegistration(coach: "C2", on: day("2026-11-23"), audit: testAudit)
      .run(in: registry)
    #expect(renewal.statement.accredited == Hours(wholeHours: 88))
    #expect(renewal.decision.recorded?.change.rule == .reregistration)
    #expect(throws: UseCaseError.alreadyRenewed("C2", cycle: 1, on: day("2026-11-23"))) {
      try RenewRegistration(coach: "C2", on: day("2026-12-01"), audit: testAudit).run(in: registry)
    }
    #expect(throws: UseCaseError.notInRegister("C1")) {
      try RenewRegistration(coach: "C1", on: day("2026-12-01"), audit: testAudit).run(in: registry)
    }
  }

  @Test func anAssessmentAndARemovalAreRecordedWithTheirAuditEntries() throws {
    let registry = registry(experienceHours: 0)
    let assessed = try AssessCoach(
      coach: "C2", result: .insufficient, points: "more PE", deadline: nil,
      on: day("2026-11-23"), audit: testAudit
    ).run(in: registry)
    #expect(assessed.change.status == .assessmentDue)
    #expect(assessed.membership.assessments.last?.deadline == day("2027-05-23"))
    let removed = try RemoveCoach(
      coach: "C2", reason: "quality not delivered", on: day("2026-12-01"), audit: testAudit
    ).run(in: registry)
    #expect(removed.change.rule == .assessment)
    #expect(registry.audit.map(\.1.field) == ["status", "assessment", "status"])
    #expect(throws: UseCaseError.alreadyRemoved("C2")) {
      try RemoveCoach(coach: "C2", reason: "again", on: day("2026-12-02"), audit: testAudit)
        .run(in: registry)
    }
  }
}

struct LookUpRegisterStandingTests {
  /// From the membership when the registry keeps the register; else from an imported public
  /// register, by the number the coach gives; nothing when neither applies.
  @Test func theStandingFromTheMembershipOrThePublicRegister() throws {
    var giving = Coach(id: "C2", name: "Bram")
    giving.registerNumber = "RJC-9"
    let published = PublicRegister(
      register: "R", publishedOn: day("2026-11-01"),
      entries: [
        PublicRegisterEntry(
          registerNumber: "RJC-9", name: "Bram", status: .registered,
          registeredSince: day("2020-01-01"), validUntil: day("2026-12-31"))
      ])
    let registry = InMemoryRegistry(
      coaches: [Coach(id: "C1", name: "Anouk"), giving, Coach(id: "C3", name: "Eva")],
      memberships: [registeredMembership("C1", number: "RJC-1", admitted: "2022-01-10")],
      publicRegister: published)
    let member = try LookUpRegisterStanding(coach: "C1", on: day("2026-11-23")).run(in: registry)
    #expect(member.map(\.outcome) == [.met])
    #expect(member.first?.message.contains("valid until 2027-01-09") == true)
    let listed = try LookUpRegisterStanding(coach: "C2", on: day("2026-12-31")).run(in: registry)
    #expect(listed.map(\.outcome) == [.met])
    // The day after the published valid-until, the listing has lapsed.
    let lapsed = try LookUpRegisterStanding(coach: "C2", on: day("2027-01-01")).run(in: registry)
    #expect(lapsed.map(\.outcome) == [.unmet])
    #expect(try LookUpRegisterStanding(coach: "C3", on: day("2026-11-23")).run(in: registry) == [])
    #expect(throws: UseCaseError.unknownCoach("C9")) {
      try LookUpRegisterStanding(coach: "C9", on: day("2026-11-23")).run(in: registry)
    }
  }
}
