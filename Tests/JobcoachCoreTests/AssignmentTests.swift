import Testing

@testable import JobcoachCore

/// Q-ASG-1, Q-ASG-2, P-9 and Q-POL-3 as read (issue 16): who coaches a placement when, for
/// which organisation, under which policy, and whose hours are paid.
enum AssignmentFixtures {
  static func assignment(
    _ coach: CoachID, _ organisation: OrganisationID? = "EMP", from: String, until: String? = nil,
    role: AssignmentRole = .main, facts: Bool = false
  ) -> Assignment {
    Assignment(
      coach: coach, organisation: organisation,
      period: DateInterval(start: day(from), end: until.map(day)), role: role,
      taskExperience: facts ? evidenceDoc : nil,
      hoursExemption: facts
        ? HoursExemption(perWeek: Hours(wholeHours: 4), evidence: evidenceDoc) : nil)
  }

  static func placement(_ assignments: [Assignment], funder: Funder = .municipality) -> Placement {
    Placement(
      id: "P1", municipality: "MUN", employer: "EMP", assignments: assignments, worker: "W-1",
      period: DateInterval(start: day("2026-01-01"), end: day("2027-06-30")), funder: funder,
      grant: coachingGrant(), plan: fullPlan)
  }

  static func internalCoach(_ id: CoachID) -> Coach {
    Coach(
      id: id, name: "Coach \(id)", employments: [employment("EMP", .internal)],
      qualifications: [
        qualification(.workplaceGuidanceTraining), qualification(.workInstructionExperience),
      ])
  }

  static func booking(_ id: String, _ coach: CoachID, _ date: String) -> HourBooking {
    HourBooking(
      id: BookingID(rawValue: id), placement: "P1", coach: coach, date: day(date),
      hours: Hours(wholeHours: 1), goals: ["G1"], contact: .visit)
  }
}

struct AssignmentQualificationTests {
  typealias F = AssignmentFixtures

  /// Q-INT-3/4 are facts of one coach's assignment: another coach in the same placement never
  /// meets them on the first coach's facts; without an assignment they are undetermined.
  @Test func placementFactsNeverCountForAnotherCoach() {
    let placement = F.placement([F.assignment("C1", from: "2026-01-01", facts: true)])
    let first = verify(
      F.internalCoach("C1"), as: .internal, on: "2026-10-01", placement: placement,
      organisations: [employer])
    #expect(first.isEligible)
    #expect(first.outcome("Q-INT-3") == .met && first.outcome("Q-INT-4") == .met)
    #expect(first.outcome("Q-ASG-1") == .met)
    let other = verify(
      F.internalCoach("C2"), as: .internal, on: "2026-10-01", placement: placement,
      organisations: [employer])
    #expect(!other.isEligible)
    #expect(other.outcome("Q-ASG-1") == .unmet)
    #expect(other.outcome("Q-INT-3") == .undetermined)
    #expect(other.outcome("Q-INT-4") == .undetermined)
    #expect(other.finding("Q-ASG-1")?.message.contains("record the intended assignment") == true)
  }

  /// A prospective assignment recorded before its start is judged on its first day; the day
  /// before it is not the coach's yet.
  @Test func aProspectiveAssignmentIsJudgedFromItsStart() {
    let placement = F.placement([
      F.assignment("C1", from: "2026-01-01", until: "2026-10-14", facts: true),
      F.assignment("C2", from: "2026-10-15", facts: true),
    ])
    let onStart = verify(
      F.internalCoach("C2"), as: .internal, on: "2026-10-15", placement: placement,
      organisations: [employer])
    #expect(onStart.isEligible)
    let dayBefore = verify(
      F.internalCoach("C2"), as: .internal, on: "2026-10-14", placement: placement,
      organisations: [employer])
    #expect(dayBefore.outcome("Q-ASG-1") == .unmet)
  }

  /// The assignment's delivering organisation decides Q-EXT-1; an organisation that does not
  /// employ the coach as that kind is an error.
  @Test func theDeliveringOrganisationIsTheOneJudged() {
    let recognised = coachingOrganisation([recognition()], id: "CO")
    let withdrawn = coachingOrganisation([recognition(withdrawn: "2026-04-15")], id: "CO2")
    let coach = Coach(
      id: "C1", name: "Fatima",
      employments: [employment("CO2", .external), employment("CO", .external)])
    let throughWithdrawn = F.placement([F.assignment("C1", "CO2", from: "2026-01-01")])
    let throughRecognised = F.placement([F.assignment("C1", "CO", from: "2026-01-01")])
    let organisations = [recognised, withdrawn, employer]
    #expect(
      !verify(
        coach, as: .external, on: "2026-06-01", placement: throughWithdrawn,
        organisations: organisations
      )
      .isEligible)
    let judged = verify(
      coach, as: .external, on: "2026-06-01", placement: throughRecognised,
      organisations: organisations)
    #expect(judged.isEligible && judged.organisation == "CO")
    let elsewhere = F.placement([F.assignment("C1", "CO3", from: "2026-01-01")])
    let refused = verify(
      coach, as: .external, on: "2026-06-01", placement: elsewhere, organisations: organisations)
    #expect(refused.outcome("Q-EXT") == .unmet)
    #expect(
      refused.finding("Q-EXT")?.message.contains("the organisation that delivers the coaching")
        == true)
  }

  /// The delivering organisation employs the coach on every day of the assignment: an
  /// employment that ends the day before the assignment does is a warning; one that ends on
  /// its last day is not.
  @Test(arguments: [("2026-12-31", false), ("2026-12-30", true)])
  func theEmploymentCoversTheWholeAssignment(_ employmentEnds: String, _ warned: Bool) {
    let recognised = coachingOrganisation([recognition()], id: "CO")
    let coach = Coach(
      id: "C1", name: "Fatima", employments: [employment("CO", .external, until: employmentEnds)])
    let placement = F.placement([F.assignment("C1", "CO", from: "2026-01-01", until: "2026-12-31")])
    let result = verify(
      coach, as: .external, on: "2026-06-01", placement: placement,
      organisations: [recognised, employer])
    let warnings = result.warnings("Q-ASG-1")
    #expect(warnings.count == (warned ? 1 : 0))
    if warned {
      #expect(
        warnings.first?.message
          == "Fatima's employment as an external coach by Coaching CO (CO) ends on 2026-12-30, before the assignment ends (2026-12-31): the organisation must employ the coach on every day of the assignment"
      )
    }
    #expect(result.isEligible)
  }

  /// Without an assignment naming one, every external employment is judged: eligible when one
  /// qualifies, whichever is listed first, and the verdict names it.
  @Test(arguments: [false, true])
  func twoExternalEmployersDoNotDependOnTheirOrder(_ reversed: Bool) {
    let recognised = coachingOrganisation([recognition()], id: "CO")
    let withdrawn = coachingOrganisation([recognition(withdrawn: "2026-04-15")], id: "CO2")
    var employments = [employment("CO2", .external), employment("CO", .external)]
    if reversed { employments.reverse() }
    let coach = Coach(id: "C1", name: "Fatima", employments: employments)
    let result = verify(
      coach, as: .external, on: "2026-06-01", organisations: [recognised, withdrawn])
    #expect(result.isEligible)
    #expect(result.organisation == "CO")
    #expect(
      result.findings.contains {
        $0.message.hasPrefix("also employed as an external coach by Coaching CO2 (CO2)")
          && $0.message.hasSuffix("not met: Q-EXT-1")
      })
  }

  /// Q-POL-3 as read: under UWV funding only external coaching is judged by it.
  @Test(arguments: [(CoachKind.municipal, Outcome.notApplicable), (.internal, .notApplicable)])
  func uwvFundingJudgesOnlyExternalCoaching(_ kind: CoachKind, _ expected: Outcome) {
    let coach = Coach(
      id: "C1", name: "Olga", employments: [employment(kind == .internal ? "EMP" : "MUN", kind)])
    let placement = F.placement(
      [F.assignment("C1", kind == .internal ? "EMP" : "MUN", from: "2026-01-01")], funder: .uwv)
    let result = verify(
      coach, as: kind, on: "2026-06-01", placement: placement,
      organisations: [employer, municipality])
    #expect(result.outcome("Q-POL-3") == expected)
  }
}

struct PolicyAtAssignmentTests {
  typealias F = AssignmentFixtures
  static let v1 = MunicipalPolicy(
    id: "POL", name: "v1", municipality: "MUN", effectiveFrom: day("2024-01-01"),
    externalOrganisations: .approvedList(["CO"]))
  static let v2 = MunicipalPolicy(
    id: "POL", name: "v2", municipality: "MUN", effectiveFrom: day("2026-03-02"),
    externalOrganisations: .approvedList(["CO2"]))

  /// A version in force from the day after an assignment started does not undo it (Q-ASG-2);
  /// an assignment starting on the new version's first day is judged under it.
  @Test func aLaterVersionDoesNotUndoAnAssignment() throws {
    let coach = Coach(id: "C1", name: "Gert", employments: [employment("CO", .external)])
    let organisations = [coachingOrganisation([recognition()], id: "CO"), employer, municipality]
    func registry(_ start: String) -> InMemoryRegistry {
      InMemoryRegistry(
        organisations: organisations, coaches: [coach],
        placements: [F.placement([F.assignment("C1", "CO", from: start)])],
        policies: [Self.v1, Self.v2])
    }
    let before = try VerifyCoach(
      coach: "C1", kind: .external, placement: "P1", on: day("2026-06-01")
    )
    .run(in: registry("2026-03-01"))
    #expect(before.isEligible)
    #expect(before.policy.policy.name == "v1")
    #expect(before.policy.assignmentStart == day("2026-03-01"))
    #expect(before.verification.outcome("Q-ASG-2") == .met)
    let after = try VerifyCoach(
      coach: "C1", kind: .external, placement: "P1", on: day("2026-06-01")
    )
    .run(in: registry("2026-03-02"))
    #expect(after.policy.policy.name == "v2")
    #expect(after.verification.outcome("Q-POL-2") == .unmet)
    // Without a placement the date judged chooses: a new assignment on that day.
    let unplaced = try VerifyCoach(
      coach: "C1", kind: .external, municipality: "MUN", on: day("2026-06-01")
    )
    .run(in: registry("2026-03-01"))
    #expect(unplaced.policy.policy.name == "v2" && unplaced.policy.assignmentStart == nil)
  }
}

struct BookedByAssignedCoachTests {
  typealias F = AssignmentFixtures

  /// P-9: a stand-in's booking on the last day of the stand-in assignment is paid, the day
  /// after it is not; a coach change mid-month pays each coach for their own days.
  @Test func onlyTheCoachAssignedOnTheDayIsPaid() {
    let placement = F.placement([
      F.assignment("C1", from: "2026-01-01", until: "2026-06-15"),
      F.assignment("C2", from: "2026-06-16"),
      F.assignment("C3", from: "2026-03-01", until: "2026-03-31", role: .standIn),
    ])
    let bookings = [
      F.booking("B1", "C3", "2026-03-31"), F.booking("B2", "C3", "2026-04-01"),
      F.booking("B3", "C1", "2026-06-15"), F.booking("B4", "C2", "2026-06-16"),
      F.booking("B5", "C1", "2026-06-16"),
    ]
    let result = review(placement, bookings, on: "2026-07-01")
    #expect(result.assessment("B1")?.reimbursable == Hours(wholeHours: 1))
    #expect(result.assessment("B2")?.reimbursable == .zero)
    #expect(result.assessment("B2")?.notReimbursed.first?.rule == .bookedByAssignedCoach)
    #expect(result.assessment("B3")?.reimbursable == Hours(wholeHours: 1))
    #expect(result.assessment("B4")?.reimbursable == Hours(wholeHours: 1))
    #expect(result.assessment("B5")?.reimbursable == .zero)
    let finding = result.only(.bookedByAssignedCoach)
    #expect(finding?.severity == .error)
    #expect(
      finding?.message
        == "2 hours booked by C1, C3, not assigned to the placement on the booking dates; not reimbursed"
    )
    #expect(!result.isInOrder)
  }
}

struct AssignmentDocumentTests {
  func problems(_ assignments: String, extra: String = "") -> [String] {
    var batch = ImportBatch()
    let log = ProblemLog()
    batch.read(
      Array(
        #"{"kind":"placements","schemaVersion":1,"placements":[{"id":"P1","employer":"EMP","worker":"W-1","start":"2026-01-01","end":"2026-12-31","assignments":\#(assignments)\#(extra)}]}"#
          .utf8), file: "p.json", log: log)
    return log.problems.map(\.description)
  }

  @Test func assignmentsReadAndTheirMistakesAreNamed() {
    #expect(
      problems(
        #"[{"coach":"C1","organisation":"EMP","from":"2026-01-01","until":"2026-06-30"},{"coach":"C2","organisation":"EMP","from":"2026-07-01"},{"coach":"C3","organisation":"EMP","from":"2026-03-01","until":"2026-03-31","role":"standIn"}]"#
      )
      .isEmpty)
    #expect(
      problems(
        #"[{"coach":"C1","organisation":"EMP","from":"2026-01-01"},{"coach":"C2","organisation":"EMP","from":"2026-07-01"}]"#
      )
        == [
          "p.json#/placements/0/assignments/1/from: two main assignments overlap: C1's runs 2026-01-01 to 2026-12-31; a coach change is a new assignment from the day after the last one ends"
        ])
    #expect(
      problems(#"[{"coach":"C1","organisation":"EMP","from":"2025-12-31"}]"#)
        == [
          "p.json#/placements/0/assignments/0/from: the assignment starts (2025-12-31) before the placement (2026-01-01)"
        ])
    #expect(
      problems(#"[{"coach":"C1","organisation":"EMP","from":"2026-01-01","until":"2027-01-01"}]"#)
        == [
          "p.json#/placements/0/assignments/0/until: the assignment runs past the placement's end (2026-12-31)"
        ])
    #expect(
      problems(
        #"[{"coach":"C1","organisation":"EMP","from":"2026-01-01"}]"#, extra: #","coach":"C1""#)
        == ["p.json#/placements/0/coach: with 'assignments', 'coach' belongs inside an assignment"])
    #expect(
      problems(#"[{"coach":"C1","from":"2026-01-01"}]"#)
        == ["p.json#/placements/0/assignments/0: missing required field 'organisation'"])
  }
}
