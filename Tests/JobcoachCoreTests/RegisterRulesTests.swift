import Testing

@testable import JobcoachCore

/// Builders for the register's rules.
func activity(
  _ id: String, _ date: String, _ hours: Int, _ category: PECategory, code: String? = nil,
  minutes: Int = 0
) -> PEActivity {
  PEActivity(
    id: ActivityID(rawValue: id), date: day(date), hours: Hours(minutes: hours * 60 + minutes),
    title: "Course \(id)", provider: "Provider", category: category,
    accreditationCode: code ?? (category == .accredited ? "ACC" : nil),
    evidence: EvidenceReference(documentID: "CERT-\(id)", issuer: "Provider"))
}

let openCatalogue: [String: Accreditation] = [
  "ACC": Accreditation(
    code: "ACC", title: "Any accredited course", provider: "P", hours: Hours(wholeHours: 200),
    validity: DateInterval(start: day("2000-01-01"), end: nil)),
  "OLD": Accreditation(
    code: "OLD", title: "Old course", provider: "P", hours: Hours(wholeHours: 8),
    validity: DateInterval(start: day("2018-01-01"), end: day("2021-12-31"))),
  "SHORT": Accreditation(
    code: "SHORT", title: "Short course", provider: "P", hours: Hours(wholeHours: 4),
    validity: DateInterval(start: day("2000-01-01"), end: nil)),
]

/// A portfolio with `accredited` and `free` hours inside the cycle 2022-01-01..2026-12-31.
func pePortfolio(accredited: Hours, free: Hours, extra: [PEActivity] = []) -> Portfolio {
  var activities = extra
  if accredited > .zero {
    activities.append(
      PEActivity(
        id: "A", date: day("2024-05-01"), hours: accredited, title: "Accredited", provider: "P",
        category: .accredited, accreditationCode: "ACC",
        evidence: EvidenceReference(documentID: "CERT-A", issuer: "P")))
  }
  if free > .zero {
    activities.append(
      PEActivity(
        id: "F", date: day("2024-06-01"), hours: free, title: "Intervision", provider: "P",
        category: .free, evidence: EvidenceReference(documentID: "PRESENCE-F", issuer: "P")))
  }
  return Portfolio(coach: "C1", activities: activities)
}

let cycleAnchor = day("2022-01-01")

struct PERulesTests {
  let rules = RegisterRules(accreditations: openCatalogue)

  func statement(_ portfolio: Portfolio, on date: String = "2026-06-01") -> PEStatement {
    rules.peStatement(portfolio, anchor: cycleAnchor, on: day(date))
  }

  @Test func metWithRoom() {
    let result = statement(
      pePortfolio(accredited: Hours(wholeHours: 96), free: Hours(wholeHours: 24)))
    #expect(result.isMet)
    #expect(result.counted == Hours(wholeHours: 120))
    #expect(result.cycle.period == DateInterval(start: day("2022-01-01"), end: day("2026-12-31")))
  }

  /// Boundary: exactly 81 accredited and exactly 111 counted is met.
  @Test func exactly81AccreditedAnd111Counted() {
    let result = statement(
      pePortfolio(accredited: Hours(wholeHours: 81), free: Hours(wholeHours: 30)))
    #expect(result.isMet)
    #expect(result.counted == Hours(wholeHours: 111))
    #expect(result.findings.first { $0.rule == .peTotal }?.outcome == .met)
    #expect(result.findings.first { $0.rule == .peAccredited }?.outcome == .met)
  }

  /// R-PE-2 unmet by one hour: 80 accredited.
  @Test func eightyAccreditedIsOneShort() {
    let result = statement(
      pePortfolio(accredited: Hours(wholeHours: 80), free: Hours(wholeHours: 31)))
    #expect(!result.isMet)
    #expect(result.missingAccredited == Hours(wholeHours: 1))
    #expect(result.missingHours == Hours(wholeHours: 1))
    #expect(result.findings.first { $0.rule == .peAccredited }?.outcome == .unmet)
  }

  /// R-PE-3: the 31st free hour does not count; 90 + 40 counts 120.
  @Test func freeHoursBeyondThirtyDoNotCount() {
    let thirtyOne = statement(
      pePortfolio(accredited: Hours(wholeHours: 81), free: Hours(wholeHours: 31)))
    #expect(thirtyOne.countedFree == Hours(wholeHours: 30))
    #expect(thirtyOne.counted == Hours(wholeHours: 111))
    let ninetyForty = statement(
      pePortfolio(accredited: Hours(wholeHours: 90), free: Hours(wholeHours: 40)))
    #expect(ninetyForty.countedFree == Hours(wholeHours: 30))
    #expect(ninetyForty.counted == Hours(wholeHours: 120))
    #expect(ninetyForty.isMet)
    #expect(
      ninetyForty.findings.first { $0.rule == .peFree }?.message.contains("10 do not count") == true
    )
  }

  /// R-PE-1 unmet: enough accredited, too few in all.
  @Test func totalShortWithEnoughAccredited() {
    let result = statement(
      pePortfolio(accredited: Hours(wholeHours: 100), free: Hours(minutes: 10 * 60 + 45)))
    #expect(!result.isMet)
    #expect(result.missingAccredited == .zero)
    #expect(result.missingHours == Hours(minutes: 15))
    #expect(result.findings.first { $0.rule == .peTotal }?.outcome == .unmet)
  }

  /// Boundary: the cycle's first and last days count; the days around them do not.
  @Test func cycleStartAndEndDaysAreInclusive() {
    let portfolio = Portfolio(
      coach: "C1",
      activities: [
        activity("before", "2021-12-31", 8, .accredited),
        activity("first", "2022-01-01", 8, .accredited),
        activity("last", "2026-12-31", 8, .accredited),
        activity("after", "2027-01-01", 8, .accredited),
      ])
    let result = statement(portfolio, on: "2026-12-31")
    #expect(result.accredited == Hours(wholeHours: 16))
    let counted = result.activities.filter { $0.countedAs != nil }.map(\.activity.id.rawValue)
    #expect(counted == ["first", "last"])
    #expect(
      result.activities.first { $0.activity.id == "after" }?.note
        == .outsideCycle(result.cycle.period))
    #expect(result.daysLeft == 0)
    // The day after the cycle ends, the next cycle runs.
    let next = statement(portfolio, on: "2027-01-01")
    #expect(next.cycle.number == 2)
    #expect(next.cycle.start == day("2027-01-01"))
    #expect(next.accredited == Hours(wholeHours: 8))
  }

  @Test func unknownOrLapsedCodeCountsAsFreeAndIsReported() {
    let portfolio = Portfolio(
      coach: "C1",
      activities: [
        activity("unknown", "2024-01-01", 8, .accredited, code: "NOPE"),
        activity("lapsed", "2024-01-01", 8, .accredited, code: "OLD"),
        activity("nocode", "2024-01-01", 2, .accredited, code: nil),
      ])
    // An activity claimed as accredited without a code is built with code nil explicitly.
    var withoutCode = portfolio
    withoutCode.activities[2].accreditationCode = nil
    let result = statement(withoutCode)
    #expect(result.accredited == .zero)
    #expect(result.free == Hours(wholeHours: 18))
    let reported = result.findings.filter { $0.message.contains("claimed as accredited") }
      .map(\.message)
    #expect(reported.count == 3)
    #expect(reported.contains { $0.contains("'NOPE' is not in the catalogue") })
    #expect(
      reported.contains {
        $0.contains("'OLD' is valid 2018-01-01 to 2021-12-31, not on 2024-01-01")
      })
    #expect(reported.contains { $0.contains("it has no accreditation code") })
  }

  @Test func claimAboveTheCatalogueHoursIsCapped() {
    let portfolio = Portfolio(
      coach: "C1", activities: [activity("a", "2024-01-01", 6, .accredited, code: "SHORT")])
    let result = statement(portfolio)
    #expect(result.accredited == Hours(wholeHours: 4))
  }

  @Test func withoutACatalogueClaimsAreTakenAsGiven() {
    let rules = RegisterRules(accreditations: nil)
    let portfolio = Portfolio(
      coach: "C1", activities: [activity("a", "2024-01-01", 8, .accredited, code: "ANY")])
    #expect(
      rules.peStatement(portfolio, anchor: cycleAnchor, on: day("2026-01-01")).accredited
        == Hours(wholeHours: 8))
  }

  @Test func anotherRegistersNormNeedsNoCodeChange() {
    let norm = PENorm(
      name: "100 hours, at most 20 intervision and literature", effectiveFrom: day("2000-01-01"),
      totalHours: Hours(wholeHours: 100), minimumAccredited: Hours(wholeHours: 80),
      maximumFree: Hours(wholeHours: 20))
    let rules = RegisterRules(accreditations: openCatalogue, norms: PENormHistory(versions: [norm]))
    let met = rules.peStatement(
      pePortfolio(accredited: Hours(wholeHours: 80), free: Hours(wholeHours: 20)),
      anchor: cycleAnchor, on: day("2026-01-01"))
    #expect(met.isMet)
    let short = rules.peStatement(
      pePortfolio(accredited: Hours(wholeHours: 80), free: Hours(wholeHours: 21)),
      anchor: cycleAnchor, on: day("2026-01-01"))
    #expect(short.countedFree == Hours(wholeHours: 20))
    #expect(short.isMet)
    let under = rules.peStatement(
      pePortfolio(accredited: Hours(wholeHours: 79), free: Hours(wholeHours: 21)),
      anchor: cycleAnchor, on: day("2026-01-01"))
    #expect(!under.isMet)
  }

  /// A norm that changes mid-cycle applies as its selection rule says.
  @Test(arguments: [(NormSelection.cycleStart, 111), (.cycleEnd, 120)])
  func normChangingMidCycle(_ selection: NormSelection, _ expectedTotal: Int) {
    var old = PENorm.seedDefault
    old.selection = selection
    let new = PENorm(
      name: "stricter", effectiveFrom: day("2024-01-01"), totalHours: Hours(wholeHours: 120),
      selection: selection)
    let rules = RegisterRules(
      accreditations: openCatalogue, norms: PENormHistory(versions: [old, new]))
    let result = rules.peStatement(
      pePortfolio(accredited: Hours(wholeHours: 85), free: Hours(wholeHours: 30)),
      anchor: cycleAnchor, on: day("2026-06-01"))
    #expect(result.norm.totalHours == Hours(wholeHours: expectedTotal))
    #expect(result.isMet == (expectedTotal == 111))
  }

  @Test func practiceHoursWhenTheNormAsks() {
    var norm = PENorm.seedDefault
    norm.practiceHours = Hours(wholeHours: 500)
    let rules = RegisterRules(accreditations: openCatalogue, norms: PENormHistory(versions: [norm]))
    var portfolio = pePortfolio(accredited: Hours(wholeHours: 90), free: Hours(wholeHours: 30))
    portfolio.experience = [
      ExperienceEntry(
        period: DateInterval(start: day("2023-01-01"), end: day("2023-12-31")),
        hours: Hours(wholeHours: 499),
        description: "coaching", evidence: evidenceDoc)
    ]
    let short = rules.peStatement(portfolio, anchor: cycleAnchor, on: day("2026-06-01"))
    #expect(short.missingPractice == Hours(wholeHours: 1))
    #expect(!short.isMet)
    portfolio.experience[0].hours = Hours(wholeHours: 500)
    #expect(rules.peStatement(portfolio, anchor: cycleAnchor, on: day("2026-06-01")).isMet)
    // The default norm asks for none.
    #expect(PENorm.seedDefault.practiceHours == nil)
  }

  @Test func unmetIsAWarningWhileTheCycleRunsAndAnErrorOnItsLastDay() {
    let portfolio = pePortfolio(accredited: Hours(wholeHours: 10), free: .zero)
    #expect(
      statement(portfolio, on: "2026-06-01").findings.first { $0.rule == .peTotal }?.severity
        == .warning)
    #expect(
      statement(portfolio, on: "2026-12-31").findings.first { $0.rule == .peTotal }?.severity
        == .error)
  }
}

struct AdmissionRulesTests {
  let rules = RegisterRules(
    educations: [
      "EDU": RecognisedEducation(
        id: "EDU", title: "Post-hbo Jobcoach", provider: "HU",
        recognition: DateInterval(start: day("2012-01-01"), end: day("2018-12-31")))
    ])

  func portfolio(
    diploma: String? = "2016-06-30", education: EducationID = "EDU",
    hours: Hours = Hours(wholeHours: 1400)
  )
    -> Portfolio
  {
    Portfolio(
      coach: "C1",
      educations: diploma.map {
        [EducationDiploma(education: education, issuedOn: day($0), evidence: evidenceDoc)]
      } ?? [],
      experience: [
        ExperienceEntry(
          period: DateInterval(start: day("2019-01-01"), end: day("2020-12-31")), hours: hours,
          description: "coaching", evidence: evidenceDoc)
      ])
  }

  func outcome(_ rule: RuleID, _ portfolio: Portfolio, on date: String = "2026-11-23") -> Outcome? {
    rules.admissionFindings(portfolio, on: day(date)).first { $0.rule == rule }?.outcome
  }

  @Test func recognisedEducationAndEnoughExperience() {
    #expect(outcome(.admissionEducation, portfolio()) == .met)
    #expect(outcome(.admissionExperience, portfolio()) == .met)
  }

  /// Boundary: a diploma on the last day of recognition counts; the day after does not.
  @Test(arguments: [("2018-12-31", Outcome.met), ("2019-01-01", .unmet), ("2011-12-31", .unmet)])
  func educationRecognisedOnTheDiplomaDate(_ issued: String, _ expected: Outcome) {
    #expect(outcome(.admissionEducation, portfolio(diploma: issued)) == expected)
  }

  @Test func educationMissingOrUnknown() {
    #expect(outcome(.admissionEducation, portfolio(diploma: nil)) == .unmet)
    #expect(outcome(.admissionEducation, portfolio(education: "OTHER")) == .unmet)
    // A diploma issued after the admission date does not count yet.
    #expect(
      outcome(.admissionEducation, portfolio(diploma: "2016-06-30"), on: "2016-06-29") == .unmet)
  }

  /// Boundary: exactly 1,400 hours is met; 1,399.75 is not.
  @Test func experienceBoundary() {
    #expect(outcome(.admissionExperience, portfolio(hours: Hours(wholeHours: 1400))) == .met)
    let short = rules.admissionFindings(
      portfolio(hours: Hours(minutes: 1399 * 60 + 45)), on: day("2026-11-23")
    )
    .first { $0.rule == .admissionExperience }
    #expect(short?.outcome == .unmet)
    #expect(short?.message.contains("0.25 missing") == true)
  }

  @Test func experienceThatEndsAfterTheDateDoesNotCountYet() {
    #expect(outcome(.admissionExperience, portfolio(), on: "2020-12-30") == .unmet)
    #expect(outcome(.admissionExperience, portfolio(), on: "2020-12-31") == .met)
  }
}

struct AssessmentRulesTests {
  let rules = RegisterRules(educations: [:])

  func membership(_ route: AdmissionRoute, assessments: [Assessment] = []) -> Membership {
    Membership(
      coach: "C1", registerNumber: "RJC-1", admittedOn: day("2008-01-01"), route: route,
      statusChanges: [
        StatusChange(
          date: day("2008-01-01"), status: .registered, rule: .admissionEducation,
          decision: "admitted")
      ],
      assessments: assessments)
  }

  let shortPortfolio = Portfolio(coach: "C1")

  @Test func earlierRegistrantShortOfTheRequirementsMustBeAssessed() {
    let findings = rules.assessmentFindings(
      membership(.earlierAdmission), portfolio: shortPortfolio, on: day("2026-01-01"))
    #expect(findings.map(\.outcome) == [.unmet])
    #expect(findings[0].message.contains("a portfolio assessment is due"))
  }

  @Test func entryRouteIsNeverAssessed() {
    #expect(
      rules.assessmentFindings(
        membership(.entryRequirements), portfolio: shortPortfolio, on: day("2026-01-01")
      ).isEmpty)
  }

  @Test func sufficientAssessmentSettlesIt() {
    let assessed = membership(
      .earlierAdmission, assessments: [Assessment(judgedOn: day("2025-06-01"), result: .sufficient)]
    )
    #expect(
      rules.assessmentFindings(assessed, portfolio: shortPortfolio, on: day("2026-01-01")).map(
        \.outcome) == [.met])
  }

  /// Insufficient: the points are named; past the deadline it becomes an error.
  @Test func insufficientAssessmentNamesPointsAndDeadline() {
    let assessed = membership(
      .earlierAdmission,
      assessments: [
        Assessment(
          judgedOn: day("2025-06-01"), result: .insufficient, improvementPoints: "reflect on cases",
          deadline: day("2025-12-01"))
      ])
    let onDeadline = rules.assessmentFindings(
      assessed, portfolio: shortPortfolio, on: day("2025-12-01"))
    #expect(onDeadline.first?.severity == .warning)
    #expect(onDeadline.first?.message.contains("reflect on cases") == true)
    let after = rules.assessmentFindings(assessed, portfolio: shortPortfolio, on: day("2025-12-02"))
    #expect(after.first?.severity == .error)
  }
}

struct RegisterCycleTests {
  @Test func cyclesRunFiveYearsFromAdmission() {
    let norms = PENormHistory.seedDefault
    let first = norms.cycle(containing: day("2026-12-14"), anchor: day("2021-12-15"))
    #expect(first.number == 1)
    #expect(first.end == day("2026-12-14"))
    let second = norms.cycle(containing: day("2026-12-15"), anchor: day("2021-12-15"))
    #expect(second.number == 2)
    #expect(second.period == DateInterval(start: day("2026-12-15"), end: day("2031-12-14")))
  }

  /// R-RE-1: a re-registration recorded in a cycle is found for that cycle only.
  @Test func renewalBelongsToItsCycle() {
    let norms = PENormHistory.seedDefault
    let membership = Membership(
      coach: "C1", registerNumber: "RJC-1", admittedOn: day("2021-12-15"),
      route: .entryRequirements,
      statusChanges: [
        StatusChange(
          date: day("2021-12-15"), status: .registered, rule: .admissionEducation,
          decision: "admitted"),
        StatusChange(
          date: day("2026-12-01"), status: .registered, rule: .reregistration, decision: "renewed"),
      ])
    #expect(
      membership.renewal(
        in: norms.cycle(containing: day("2026-12-14"), anchor: membership.admittedOn)) != nil)
    #expect(
      membership.renewal(
        in: norms.cycle(containing: day("2026-12-15"), anchor: membership.admittedOn)) == nil)
    #expect(membership.status(on: day("2021-12-14")) == nil)
    #expect(membership.status(on: day("2021-12-15")) == .registered)
  }
}

/// The totals entry point `check` uses must say what the activity-by-activity statement says.
struct PETotalsTests {
  let rules = RegisterRules(accreditations: openCatalogue)

  /// Met with room, exactly 81/111 (R-PE-1, R-PE-2 boundary), one short, free beyond 30
  /// (R-PE-3), and nothing at all: the same findings, in the same order, and the same sums.
  @Test(arguments: [(96, 24), (81, 30), (80, 31), (90, 45), (0, 0)])
  func totalsGiveTheSameStatementAsTheActivities(_ accredited: Int, _ free: Int) {
    let portfolio = pePortfolio(
      accredited: Hours(wholeHours: accredited), free: Hours(wholeHours: free))
    for date in ["2026-06-01", "2026-12-31"] {
      let full = rules.peStatement(portfolio, anchor: cycleAnchor, on: day(date))
      let totals = rules.peStatement(
        "C1",
        totals: PETotals(accredited: Hours(wholeHours: accredited), free: Hours(wholeHours: free)),
        cycle: rules.norms.cycle(containing: day(date), anchor: cycleAnchor), on: day(date))
      #expect(totals.findings == full.findings)
      #expect(totals.isMet == full.isMet)
      #expect(totals.counted == full.counted)
      #expect(totals.activities.isEmpty)
    }
  }

  @Test func practiceHoursComeFromTheTotals() {
    var norm = PENorm.seedDefault
    norm.practiceHours = Hours(wholeHours: 100)
    let rules = RegisterRules(norms: PENormHistory(versions: [norm]))
    let short = rules.peStatement(
      "C1",
      totals: PETotals(
        accredited: Hours(wholeHours: 81), free: Hours(wholeHours: 30),
        practice: Hours(wholeHours: 99)),
      cycle: rules.norms.cycle(containing: day("2026-06-01"), anchor: cycleAnchor),
      on: day("2026-06-01"))
    #expect(short.missingPractice == Hours(wholeHours: 1))
    let met = rules.peStatement(
      "C1",
      totals: PETotals(
        accredited: Hours(wholeHours: 81), free: Hours(wholeHours: 30),
        practice: Hours(wholeHours: 100)),
      cycle: rules.norms.cycle(containing: day("2026-06-01"), anchor: cycleAnchor),
      on: day("2026-06-01"))
    #expect(met.isMet)
  }

  /// R-PE-2: a claim stands only with a code valid on its date, worth at least its hours.
  @Test func aClaimStandsOnlyAsTheCatalogueAllows() {
    let eight = Hours(wholeHours: 8)
    #expect(rules.claimStands(code: "OLD", on: day("2021-12-31"), hours: eight))
    #expect(rules.claimStands(code: "OLD", on: day("2018-01-01"), hours: eight))
    #expect(!rules.claimStands(code: "OLD", on: day("2022-01-01"), hours: eight))
    #expect(!rules.claimStands(code: "OLD", on: day("2017-12-31"), hours: eight))
    #expect(rules.claimStands(code: "SHORT", on: day("2024-01-01"), hours: Hours(wholeHours: 4)))
    #expect(!rules.claimStands(code: "SHORT", on: day("2024-01-01"), hours: Hours(minutes: 241)))
    #expect(!rules.claimStands(code: "NOPE", on: day("2024-01-01"), hours: eight))
    #expect(!rules.claimStands(code: nil, on: day("2024-01-01"), hours: eight))
    var replaced = rules
    replaced.accreditations = ["NOPE": openCatalogue["ACC"]!]
    #expect(replaced.claimStands(code: "NOPE", on: day("2024-01-01"), hours: eight))
    #expect(!replaced.claimStands(code: "ACC", on: day("2024-01-01"), hours: eight))
    let unchecked = RegisterRules(accreditations: nil)
    #expect(unchecked.claimStands(code: "NOPE", on: day("2024-01-01"), hours: eight))
    #expect(!unchecked.claimStands(code: nil, on: day("2024-01-01"), hours: eight))
  }
}

/// The byte-level claim check the store uses must answer as `claimStands` does.
struct ClaimBytesTests {
  func bytesStand(_ rules: RegisterRules, _ code: String?, _ date: String, _ minutes: Int) -> Bool {
    guard let code else {
      return rules.claimStands(codeUTF8: nil, on: day(date), minutes: minutes)
    }
    return Array(code.utf8).withUnsafeBufferPointer {
      rules.claimStands(codeUTF8: $0, on: day(date), minutes: minutes)
    }
  }

  @Test func bytesAndStringsAgree() {
    var catalogue = openCatalogue
    catalogue["A-CODE-OF-17-BYTE"] = openCatalogue["SHORT"]!
    catalogue["ZOË"] = openCatalogue["SHORT"]!
    catalogue[""] = openCatalogue["OLD"]!
    let codes: [String?] = [
      nil, "ACC", "OLD", "SHORT", "NOPE", "A-CODE-OF-17-BYTE", "A-CODE-OF-17-BYTX", "ZOË",
      "ZOE\u{308}", "", "ACC ", "OL", "KELVIN", "\u{212A}ELVIN",
    ]
    let dates = ["2017-12-31", "2018-01-01", "2021-12-31", "2022-01-01", "2024-02-29"]
    var ascii = openCatalogue
    ascii["A-CODE-OF-17-BYTE"] = openCatalogue["SHORT"]!
    // U+212A KELVIN SIGN is "K" as a string: the byte path must not miss it.
    var kelvin = openCatalogue
    kelvin["\u{212A}ELVIN"] = openCatalogue["ACC"]!
    #expect(kelvin["KELVIN"] != nil)
    for rules in [
      RegisterRules(accreditations: catalogue), RegisterRules(accreditations: ascii),
      RegisterRules(accreditations: kelvin), RegisterRules(accreditations: nil),
    ] {
      for code in codes {
        for date in dates {
          for minutes in [60, 239, 240, 241, 480, 481] {
            #expect(
              bytesStand(rules, code, date, minutes)
                == rules.claimStands(code: code, on: day(date), hours: Hours(minutes: minutes)),
              "\(code ?? "nil") \(date) \(minutes)")
          }
        }
      }
    }
  }
}

/// R-PE-4: hours count only when demonstrable, on the date judged on, once. R-PE-5: practice
/// hours by the days their entry overlaps the period (issue 15).
struct DemonstrablePEHoursTests {
  let rules = RegisterRules(accreditations: openCatalogue)

  func judged(_ activities: [PEActivity], on date: String) -> PEStatement {
    rules.peStatement(
      Portfolio(coach: "C1", activities: activities), anchor: cycleAnchor, on: day(date))
  }

  @Test func anActivityOnTheDateJudgedCountsTheDayAfterDoesNot() {
    let statement = judged(
      [activity("on", "2026-06-30", 8, .accredited), activity("after", "2026-07-01", 8, .accredited)],
      on: "2026-06-30")
    #expect(statement.accredited == Hours(wholeHours: 8))
    let after = statement.activities.first { $0.activity.id == "after" }
    #expect(after?.countedAs == nil)
    #expect(after?.note == .afterDate(day("2026-06-30")))
    // The next day it counts.
    #expect(
      judged([activity("after", "2026-07-01", 8, .accredited)], on: "2026-07-01").accredited
        == Hours(wholeHours: 8))
  }

  @Test func theSameCertificateListedTwiceCountsOnce() {
    let first = activity("A1", "2024-03-01", 80, .accredited)
    var again = first
    again.id = "A2"
    let statement = judged([first, again], on: "2026-06-01")
    #expect(statement.accredited == Hours(wholeHours: 80))
    let second = statement.activities.first { $0.activity.id == "A2" }
    #expect(second?.countedAs == nil)
    #expect(second?.note == .sameAs("A1"))
    #expect(statement.findings.contains { $0.rule == .peDemonstrable && $0.outcome == .unmet })
    // Another certificate for the same course on the same day is another activity.
    var other = again
    other.evidence = EvidenceReference(documentID: "CERT-other", issuer: "Provider")
    #expect(judged([first, other], on: "2026-06-01").accredited == Hours(wholeHours: 160))
  }

  @Test func anActivityWithoutEvidenceDoesNotCount() {
    var bare = activity("F1", "2024-03-01", 10, .free)
    bare.evidence = nil
    let statement = judged([bare, activity("F2", "2024-04-01", 10, .free)], on: "2026-06-01")
    #expect(statement.free == Hours(wholeHours: 10))
    let finding = statement.findings.first { $0.rule == .peDemonstrable }
    #expect(finding?.severity == .warning)
    #expect(finding?.message.contains("'F1'") == true)
    #expect(
      statement.activities.first { $0.activity.id == "F1" }?.note == .noEvidence)
  }

  @Test func practiceHoursCountByTheirDaysInsideThePeriod() {
    func entry(_ from: String, _ until: String, _ hours: Int) -> ExperienceEntry {
      ExperienceEntry(
        period: DateInterval(start: day(from), end: day(until)), hours: Hours(wholeHours: hours),
        description: "coaching", evidence: evidenceDoc)
    }
    let period = DateInterval(start: day("2022-04-01"), end: day("2027-03-31"))
    // The issue's case: 5,000 hours from 2022-03-01 to 2026-10-31; 31 of its 1,706 days fall
    // before the period: 1,675/1,706 of the hours.
    let straddling = entry("2022-03-01", "2026-10-31", 5_000)
    #expect(straddling.hours(within: period) == Hours(minutes: 5_000 * 60 * 1_675 / 1_706))
    // Wholly inside: all; ending the day before: none; starting on its last day: one day's.
    #expect(entry("2023-01-01", "2023-12-31", 1_000).hours(within: period) == Hours(wholeHours: 1_000))
    #expect(entry("2021-01-01", "2022-03-31", 1_000).hours(within: period) == .zero)
    #expect(
      entry("2027-03-31", "2027-04-09", 10).hours(within: period) == Hours(wholeHours: 1))
  }
}

/// R-RE-2 and R-RE-3: a registration's standing on every date comes from its decisions.
struct RegistrationTimelineTests {
  let norms = PENormHistory.seedDefault

  func renewal(_ date: String) -> StatusChange {
    StatusChange(date: day(date), status: .registered, rule: .reregistration, decision: "renewed")
  }

  func membership(admitted: String, _ changes: [StatusChange] = [], assessments: [Assessment] = [])
    -> Membership
  {
    Membership(
      coach: "C1", registerNumber: "RJC-1", admittedOn: day(admitted), route: .entryRequirements,
      statusChanges: [
        StatusChange(
          date: day(admitted), status: .registered, rule: .admissionEducation, decision: "admitted")
      ] + changes, assessments: assessments)
  }

  @Test func theLastDayOfAPeriodIsRegisteredTheDayAfterLapses() {
    let unrenewed = membership(admitted: "2021-12-15")
    let last = unrenewed.standing(on: day("2026-12-14"), norms: norms)
    #expect(last.isRegistered)
    #expect(last.validUntil == day("2026-12-14"))
    #expect(last.isRenewalDue)
    let after = unrenewed.standing(on: day("2026-12-15"), norms: norms)
    #expect(!after.isRegistered)
    #expect(after.lapsedOn == day("2026-12-15"))
    #expect(after.graceEnds == day("2027-03-14"))
    #expect(after.validUntil == nil)
    #expect(after.cycle.period == DateInterval(start: day("2021-12-15"), end: day("2026-12-14")))
  }

  @Test func theWindowOpensOnTheSameDaySixMonthsBeforeTheLastDay() {
    let terms = RenewalTerms.default
    let standing = membership(admitted: "2021-12-15").standing(on: day("2026-06-13"), norms: norms)
    #expect(terms.windowOpens(standing.cycle) == day("2026-06-14"))
    #expect(!standing.isRenewalDue)
    #expect(
      membership(admitted: "2021-12-15").standing(on: day("2026-06-14"), norms: norms)
        .isRenewalDue)
  }

  @Test func aRenewalInTheWindowOrGraceStartsTheNextPeriodTheDayAfter() {
    for date in ["2026-06-14", "2026-12-14", "2026-12-15", "2027-03-14"] {
      let renewed = membership(admitted: "2021-12-15", [renewal(date)])
      let next = renewed.standing(on: day("2027-03-15"), norms: norms)
      #expect(next.isRegistered, "renewed on \(date)")
      #expect(next.cycle.number == 2)
      #expect(next.cycle.period == DateInterval(start: day("2026-12-15"), end: day("2031-12-14")))
    }
    // Renewed late: lapsed from the day after the period until the day of the decision.
    let late = membership(admitted: "2021-12-15", [renewal("2027-01-20")])
    #expect(late.standing(on: day("2027-01-19"), norms: norms).lapsedOn == day("2026-12-15"))
    #expect(late.standing(on: day("2027-01-20"), norms: norms).isRegistered)
  }

  @Test func aRenewalOutsideTheWindowAndGraceDoesNotCount() {
    // A day before the window opens, and a day after the grace period ends.
    for date in ["2026-06-13", "2027-03-15"] {
      let renewed = membership(admitted: "2021-12-15", [renewal(date)])
      #expect(
        renewed.standing(on: day("2027-04-01"), norms: norms).lapsedOn == day("2026-12-15"),
        "renewed on \(date)")
    }
  }

  @Test func admittedOnTheTwentyNinthOfFebruary() {
    let leap = membership(admitted: "2024-02-29")
    // F-2's reading: the period runs to 28 February five years on (no 29th that year).
    let standing = leap.standing(on: day("2029-02-28"), norms: norms)
    #expect(standing.cycle.end == day("2029-02-28"))
    #expect(standing.isRegistered)
    #expect(leap.standing(on: day("2029-03-01"), norms: norms).lapsedOn == day("2029-03-01"))
  }

  @Test func aSufficientAssessmentStartsANewPeriodOne() {
    let assessed = Membership(
      coach: "C1", registerNumber: "RJC-1", admittedOn: day("2008-05-01"), route: .earlierAdmission,
      statusChanges: [
        StatusChange(
          date: day("2008-05-01"), status: .registered, rule: .admissionEducation, decision: "a"),
        StatusChange(
          date: day("2026-12-01"), status: .registered, rule: .assessment, decision: "sufficient"),
      ],
      assessments: [Assessment(judgedOn: day("2026-12-01"), result: .sufficient)])
    let standing = assessed.standing(on: day("2026-12-01"), norms: norms)
    #expect(standing.isRegistered)
    #expect(standing.cycle.number == 1)
    #expect(standing.cycle.period == DateInterval(start: day("2026-12-01"), end: day("2031-11-30")))
    // The day before, the old periods from 2008 had long lapsed unrenewed.
    #expect(assessed.standing(on: day("2026-11-30"), norms: norms).lapsedOn == day("2013-05-01"))
  }

  @Test func anAssessmentOnThePeriodsLastDayRestartsItThere() {
    let assessed = membership(
      admitted: "2021-12-15", [],
      assessments: [Assessment(judgedOn: day("2026-12-14"), result: .sufficient)])
    let next = assessed.standing(on: day("2026-12-15"), norms: norms)
    #expect(next.isRegistered)
    #expect(next.cycle.period == DateInterval(start: day("2026-12-14"), end: day("2031-12-13")))
  }

  @Test func anInsufficientAssessmentLapsesAfterItsDeadline() {
    let insufficient = membership(
      admitted: "2023-01-01",
      [StatusChange(date: day("2026-03-01"), status: .assessmentDue, rule: .assessment, decision: "x")],
      assessments: [
        Assessment(
          judgedOn: day("2026-03-01"), result: .insufficient, improvementPoints: "x",
          deadline: day("2026-09-01"))
      ])
    let onDeadline = insufficient.standing(on: day("2026-09-01"), norms: norms)
    #expect(onDeadline.lapsedOn == nil)
    #expect(onDeadline.isPublished)
    let after = insufficient.standing(on: day("2026-09-02"), norms: norms)
    #expect(after.lapsedOn == day("2026-09-02"))
    #expect(after.lapsedAfterAssessment)
    #expect(!after.isPublished)
  }
}
