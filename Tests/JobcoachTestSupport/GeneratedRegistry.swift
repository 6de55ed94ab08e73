import JobcoachCore

/// A registry made up from a seed: coaches admitted on random days (29 February among them),
/// through both routes, with status changes and renewals; portfolios whose activities fall on
/// and beside their cycles' edges, claim codes valid, not yet or no longer valid, unknown or
/// missing, claim more hours than accredited, and list the same certificate twice; two norm
/// versions of different cycle lengths (and, for some seeds, practice hours and a code that
/// is not ASCII); a second register (R-REG-1) with four-year periods, its own norm and renewal
/// terms, of which some coaches are members too; placements with grants, plans, absences and
/// bookings.
public struct GeneratedRegistry {
  var random: SplitMix
  let coachCount: Int
  public var organisations: [Organisation] = []
  public var coaches: [Coach] = []
  public var memberships: [Membership] = []
  public var portfolios: [Portfolio] = []
  public var accreditations: [Accreditation] = []
  public var norms: [PENorm] = []
  /// The second register; the seed's is always there.
  public static let secondRegister = Register(
    id: "NOORD", name: "Register Noord", admissionHours: Hours(wholeHours: 1200),
    norms: PENormHistory(versions: [
      PENorm(
        name: "Noord norm", effectiveFrom: day("2000-01-01"), cycleYears: 4,
        totalHours: Hours(wholeHours: 80), minimumAccredited: Hours(wholeHours: 60),
        maximumFree: Hours(wholeHours: 20), register: "NOORD")
    ]), renewal: RenewalTerms(windowMonths: 3, graceMonths: 2))
  public var placements: [Placement] = []
  public var bookings: [HourBooking] = []
  public var decisions: [FunderDecision] = []
  /// Dates spread over the years, and on and beside coaches' cycle edges.
  public var judgingDates: [CalendarDate] = []

  public init(seed: UInt64, coaches: Int) {
    random = SplitMix(seed: seed)
    coachCount = coaches
  }

  static let evidence = EvidenceReference(documentID: "DOC-1", issuer: "Issuer")

  static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

  static func qualification(_ kind: QualificationKind) -> Qualification {
    Qualification(
      kind: kind, title: kind.rawValue, issuedOn: day("2004-01-01"), issuer: "Issuer",
      evidence: evidence)
  }

  mutating func number(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(random.next() % UInt64(range.count))
  }
  mutating func chance(_ percent: Int) -> Bool { number(0...99) < percent }
  mutating func date(_ from: String, _ days: Int) -> CalendarDate {
    Self.day(from).adding(days: number(0...days))
  }

  /// Generates the records and returns the reference registry over them.
  public mutating func reference() -> InMemoryRegistry {
    let practice = random.next() % 2 == 0
    norms = [
      PENorm(name: "norm 2000", effectiveFrom: Self.day("2000-01-01")),
      PENorm(
        name: "norm 2024", effectiveFrom: Self.day("2024-01-01"), cycleYears: 4,
        totalHours: Hours(wholeHours: 100), minimumAccredited: Hours(wholeHours: 70),
        maximumFree: Hours(wholeHours: 40), practiceHours: practice ? Hours(wholeHours: 200) : nil,
        selection: .cycleEnd),
    ]
    for index in 0..<30 {
      let start = date("2008-01-01", 5000)
      let code = index == 29 && practice ? "ZOË-\(index)" : "ACC-\(index)"
      accreditations.append(
        Accreditation(
          code: code, title: "Course \(index)", provider: "Provider",
          hours: Hours(minutes: 60 * number(2...16)),
          validity: DateInterval(
            start: start, end: chance(30) ? nil : start.adding(days: number(300...3000)))))
    }
    organisations = [
      Organisation(id: "MUN", name: "Gemeente", kind: .municipality),
      Organisation(id: "EMP", name: "Werkgever", kind: .employer),
    ]
    let normHistory = PENormHistory(versions: norms)
    for index in 0..<coachCount {
      let id = CoachID(rawValue: "C-\(1000 + index)")
      coaches.append(
        Coach(
          id: id, name: "Coach \(index)",
          employments: [
            Employment(
              organisation: "MUN", kind: .municipal,
              period: DateInterval(start: Self.day("2005-01-01"), end: nil))
          ],
          qualifications: chance(80)
            ? [Self.qualification(.hboDiploma), Self.qualification(.jobcoachTraining)] : []))
      var anchor: CalendarDate?
      if chance(90) {
        let admitted =
          chance(5)
          ? Self.day(["2008-02-29", "2012-02-29", "2020-02-29"][number(0...2)])
          : date("2006-01-01", 7600)
        anchor = admitted
        let route: AdmissionRoute = chance(85) ? .entryRequirements : .earlierAdmission
        var changes = [
          StatusChange(
            date: admitted, status: .registered, rule: .admissionEducation, decision: "admitted")
        ]
        var assessments: [Assessment] = []
        var when = admitted
        for _ in 0..<number(0...3) {
          when = when.adding(days: number(100...1500))
          switch number(0...4) {
          case 0:
            changes.append(
              StatusChange(date: when, status: .removed, rule: .reregistration, decision: "left"))
          case 1:
            changes.append(
              StatusChange(date: when, status: .suspended, rule: .reregistration, decision: "s"))
          case 2 where route == .earlierAdmission:
            changes.append(
              StatusChange(date: when, status: .assessmentDue, rule: .assessment, decision: "a"))
            assessments.append(
              Assessment(
                judgedOn: when, result: .insufficient, improvementPoints: "more",
                deadline: when.adding(months: 6)))
          default:
            changes.append(
              StatusChange(date: when, status: .registered, rule: .reregistration, decision: "r"))
          }
        }
        memberships.append(
          Membership(
            coach: id, registerNumber: "RJC-\(10_000 + index)", admittedOn: admitted, route: route,
            statusChanges: changes, assessments: assessments))
        if chance(30) {
          // A member of the second register too, renewed there now and then.
          let joined = date("2010-01-01", 5000)
          var changes = [
            StatusChange(
              date: joined, status: .registered, rule: .admissionEducation, decision: "admitted")
          ]
          var period = Self.secondRegister.norms.cycle(containing: joined, anchor: joined)
          while chance(60), period.end < Self.day("2030-01-01") {
            let renewed = period.end.adding(days: -number(0...80))
            changes.append(
              StatusChange(date: renewed, status: .registered, rule: .reregistration, decision: "r")
            )
            period = Self.secondRegister.norms.period(after: period)
          }
          memberships.append(
            Membership(
              coach: id, register: "NOORD", registerNumber: "RJN-\(10_000 + index)",
              admittedOn: joined, route: .entryRequirements, statusChanges: changes))
        }
      }
      guard chance(95) else { continue }
      let registeredSince = anchor == nil ? date("2010-01-01", 5000) : nil
      let cycleStart = anchor ?? registeredSince!
      var edges: [CalendarDate] = []
      var cycle = normHistory.cycle(containing: cycleStart, anchor: cycleStart)
      while cycle.start < Self.day("2028-01-01") {
        edges += [cycle.start, cycle.end, cycle.end.adding(days: 1), cycle.start.adding(days: -1)]
        cycle = normHistory.cycle(containing: cycle.end.adding(days: 1), anchor: cycleStart)
      }
      var activities: [PEActivity] = []
      for number in 0..<self.number(0...60) {
        let activityDate =
          chance(25) && !edges.isEmpty
          ? edges[self.number(0...(edges.count - 1))]
          : date("2005-01-01", 8400)
        let activityID = ActivityID(rawValue: "A\(number)")
        if chance(30) {
          activities.append(
            PEActivity(
              id: activityID, date: activityDate, hours: Hours(minutes: 15 * self.number(1...40)),
              title: "Intervision", provider: "Peers", category: .free,
              evidence: chance(97) ? Self.evidence : nil))
          continue
        }
        let accreditation = accreditations[self.number(0...(accreditations.count - 1))]
        var claimDate = activityDate
        var code: String? = accreditation.code
        switch self.number(0...9) {
        case 0...4:
          // Valid on the day: a date inside the validity.
          let span = accreditation.validity.start.days(
            until: accreditation.validity.end ?? Self.day("2027-12-31"))
          claimDate = accreditation.validity.start.adding(days: self.number(0...max(0, span)))
        case 5: code = "UNKNOWN-\(self.number(0...9))"
        case 6: code = nil
        default: break
        }
        let claimed =
          chance(15)
          ? accreditation.hours + Hours(minutes: 15 * self.number(1...8))
          : Hours(minutes: min(accreditation.hours.minutes, 60 * self.number(1...12)))
        activities.append(
          PEActivity(
            id: activityID, date: claimDate, hours: claimed, title: accreditation.title,
            provider: accreditation.provider, category: .accredited, accreditationCode: code,
            evidence: EvidenceReference(documentID: "CERT-\(id)-\(number)", issuer: "Provider")))
        if chance(5) {
          // The same certificate listed twice.
          var twice = activities[activities.count - 1]
          twice.id = ActivityID(rawValue: "A\(number)-again")
          activities.append(twice)
        }
      }
      var experience: [ExperienceEntry] = []
      if chance(40) {
        let from = date("2005-01-01", 7000)
        experience.append(
          ExperienceEntry(
            period: DateInterval(start: from, end: from.adding(days: self.number(30...2000))),
            hours: Hours(wholeHours: self.number(50...2000)), description: "Coaching",
            evidence: Self.evidence))
      }
      portfolios.append(
        Portfolio(
          coach: id, registeredSince: registeredSince, experience: experience,
          activities: activities))
    }
    for index in 0..<60 {
      let coach = coaches[number(0...(coaches.count - 1))].id
      let start = date("2024-01-01", 900)
      let id = PlacementID(rawValue: "P-\(100 + index)")
      let package: CoachingPackage = [.package0, .package1, .package2, .trialPlacement][
        number(0...3)]
      let end = start.adding(years: 2).adding(days: -1)
      // Who coaches when (Q-ASG-1): one coach, or a change of coach, sometimes a stand-in.
      var assignments = [
        Assignment(coach: coach, organisation: "MUN", period: DateInterval(start: start, end: nil))
      ]
      var others: [CoachID] = []
      if chance(40) {
        let next = coaches[number(0...(coaches.count - 1))].id
        let change = start.adding(days: number(30...400))
        assignments[0].period.end = change.adding(days: -1)
        assignments.append(
          Assignment(
            coach: next, organisation: "MUN", period: DateInterval(start: change, end: nil)))
        others.append(next)
      }
      if chance(30) {
        let standIn = coaches[number(0...(coaches.count - 1))].id
        let from = start.adding(days: number(10...300))
        assignments.append(
          Assignment(
            coach: standIn, organisation: "MUN",
            period: DateInterval(start: from, end: from.adding(days: number(5...40))),
            role: .standIn))
        others.append(standIn)
      }
      let reports =
        chance(50)
        ? [
          ReportRecord(
            id: ReportID(rawValue: "R-\(index)-1"),
            period: DateInterval(start: start, end: start.adding(months: 3).adding(days: -1)),
            deliveredOn: start.adding(months: 3).adding(days: number(0...10)))
        ] : []
      var absences: [Absence] = []
      if chance(30) {
        absences.append(
          Absence(
            period: DateInterval(start: start.adding(days: 40), end: start.adding(days: 60)),
            reason: .sick,
            approval: chance(50)
              ? AbsenceApproval(evidence: Self.evidence, approvedOn: start.adding(days: 45)) : nil))
      }
      if chance(20) {
        absences.append(
          Absence(
            period: DateInterval(start: start.adding(days: 100), end: start.adding(days: 130)),
            reason: .holiday))
      }
      placements.append(
        Placement(
          id: id, municipality: "MUN", employer: "EMP", assignments: assignments,
          worker: WorkerReference(rawValue: "W-\(index)"),
          period: DateInterval(start: start, end: end),
          grant: Grant(
            level: chance(50) ? .light : .medium, hourlyRate: Money(cents: 8500),
            package: package,
            periods: [
              GrantPeriod(start: start, end: start.adding(months: 6).adding(days: -1)),
              GrantPeriod(
                start: start.adding(months: 6), end: start.adding(months: 12).adding(days: -1)),
            ]),
          plan: CoachingPlan(
            agreedOn: start, agreedBy: Set(PlanParty.allCases),
            goals: [
              PlanGoal(id: "G1", category: .guidingOnTheJob, description: "Work"),
              PlanGoal(id: "G3", category: .evaluationAndCoordination, description: "Report"),
            ]),
          absences: absences, reports: reports))
      var held: [BookingID] = []
      for number in 0..<self.number(0...40) {
        let bookingID = BookingID(rawValue: "B-\(id)-\(number)")
        let activity: BookedActivity =
          chance(5)
          ? BookedActivity(rawValue: "lunch-meeting") : chance(90) ? .coaching : .reporting
        if activity.isUnknown { held.append(bookingID) }
        bookings.append(
          HourBooking(
            id: bookingID, placement: id,
            coach: !others.isEmpty && chance(30)
              ? others[self.number(0...(others.count - 1))] : coach,
            date: start.adding(days: self.number(0...500)),
            hours: Hours(minutes: 30 * self.number(1...6)), activity: activity,
            goals: [chance(80) ? "G1" : "G3"], contact: chance(60) ? .visit : .call,
            contactWith: chance(30) ? [chance(50) ? .employer : .worker] : []))
      }
      if !held.isEmpty, chance(60) {
        decisions.append(
          FunderDecision(
            id: DecisionID(rawValue: "D-\(index)"), placement: id, bookings: held,
            outcome: chance(50) ? .accept : .reject, reason: "decided", decidedBy: "Funder",
            decidedOn: start.adding(days: number(100...600))))
      }
    }
    // Judging dates: spread over the years, and on and beside random coaches' cycle edges.
    for _ in 0..<12 { judgingDates.append(date("2009-01-01", 7000)) }
    for membership in memberships.prefix(40) where judgingDates.count < 24 {
      let history = membership.register == .seedDefault ? normHistory : Self.secondRegister.norms
      let cycle = history.cycle(containing: Self.day("2026-11-23"), anchor: membership.admittedOn)
      judgingDates += [cycle.end, cycle.end.adding(days: 1)]
    }
    return InMemoryRegistry(
      organisations: organisations, coaches: coaches, placements: placements, bookings: bookings,
      decisions: decisions, memberships: memberships, portfolios: portfolios,
      accreditations: accreditations,
      norms: norms, registers: [Self.secondRegister])
  }

  /// The records as an import reads them; portfolios as a document, through the reader.
  public func batch() throws -> (ImportBatch, [DocumentProblem]) {
    var batch = ImportBatch()
    let log = ProblemLog()
    batch.read(
      Array(
        (#"{"kind": "portfolios", "schemaVersion": 1, "portfolios": ["#
          + portfolios.map(Self.json).joined(separator: ",\n") + "]}").utf8),
      file: "portfolios.json", log: log)
    func add(_ records: [ImportRecord]) {
      for (index, record) in records.enumerated() {
        batch.add(record, file: "generated", pointer: JSONPointer.root.appending(index))
      }
    }
    add(organisations.map(ImportRecord.organisation))
    add(coaches.map(ImportRecord.coach))
    add(accreditations.map(ImportRecord.accreditation))
    add(norms.map(ImportRecord.norm))
    add([ImportRecord.register(Self.secondRegister)])
    add(memberships.map(ImportRecord.membership))
    add(placements.map(ImportRecord.placement))
    add(bookings.map(ImportRecord.booking))
    add(decisions.map(ImportRecord.decision))
    return (batch, log.problems)
  }

  /// A portfolio as a document spells it.
  public static func json(_ portfolio: Portfolio) -> String {
    func quoted(_ text: String) -> String { "\"\(text)\"" }
    var members = [#""coach": \#(quoted(portfolio.coach.rawValue))"#]
    if let since = portfolio.registeredSince {
      members.append(#""registeredSince": \#(quoted(since.description))"#)
    }
    if !portfolio.experience.isEmpty {
      members.append(
        #""experience": ["#
          + portfolio.experience.map { entry in
            #"{"from": "\#(entry.period.start)", "until": "\#(entry.period.end!)", "hours": \#(entry.hours.decimalText), "description": "\#(entry.description)", "evidence": {"documentId": "\#(entry.evidence.documentID)", "issuer": "\#(entry.evidence.issuer)"}}"#
          }.joined(separator: ", ") + "]")
    }
    members.append(
      #""peActivities": ["#
        + portfolio.activities.map { activity in
          var fields = [
            #""id": \#(quoted(activity.id.rawValue))"#, #""date": "\#(activity.date)""#,
            #""hours": \#(activity.hours.decimalText)"#, #""title": \#(quoted(activity.title))"#,
            #""provider": \#(quoted(activity.provider))"#,
            #""category": "\#(activity.category.rawValue)""#,
          ]
          if let code = activity.accreditationCode {
            fields.append(#""accreditationCode": \#(quoted(code))"#)
          }
          if let evidence = activity.evidence {
            fields.append(
              #""evidence": {"documentId": \#(quoted(evidence.documentID)), "issuer": \#(quoted(evidence.issuer))}"#
            )
          }
          return "{" + fields.joined(separator: ", ") + "}"
        }.joined(separator: ",\n") + "]")
    return "{" + members.joined(separator: ", ") + "}"
  }
}
