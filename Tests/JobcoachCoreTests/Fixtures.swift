import JobcoachCore

/// Builders for rule tests: short, readable, and explicit about the dates that matter.
func day(_ text: String) -> CalendarDate {
  guard let date = CalendarDate(iso: text) else { fatalError("bad test date \(text)") }
  return date
}

let evidenceDoc = EvidenceReference(documentID: "DOC-1", issuer: "Issuer")

func qualification(
  _ kind: QualificationKind, issued: String = "2015-01-01", expires: String? = nil
) -> Qualification {
  Qualification(
    kind: kind, title: kind.rawValue, issuedOn: day(issued), expiresOn: expires.map(day),
    issuer: "Issuer", evidence: evidenceDoc)
}

func employment(
  _ organisation: OrganisationID, _ kind: CoachKind, from: String = "2015-01-01",
  until: String? = nil
) -> Employment {
  Employment(
    organisation: organisation, kind: kind,
    period: DateInterval(start: day(from), end: until.map(day)))
}

func recognition(
  from: String = "2016-01-01", until: String? = nil, withdrawn: String? = nil,
  framework: Int = 2016
) -> UWVRecognition {
  UWVRecognition(
    framework: RecognitionFramework(year: framework), validFrom: day(from),
    validUntil: until.map(day), evidence: evidenceDoc, withdrawnOn: withdrawn.map(day))
}

let municipality = Organisation(id: "MUN", name: "Gemeente Test", kind: .municipality)
let employer = Organisation(id: "EMP", name: "Bakkerij Test", kind: .employer)
let otherEmployer = Organisation(id: "EMP2", name: "Drukkerij Test", kind: .employer)

func coachingOrganisation(_ recognitions: [UWVRecognition], id: OrganisationID = "CO")
  -> Organisation
{
  Organisation(
    id: id, name: "Coaching \(id)", kind: .coachingOrganisation, recognitions: recognitions)
}

func placement(
  coach: CoachID? = "C1", taskExperience: Bool = true, exemption: Bool = true,
  funder: Funder = .municipality, appointed: Bool = false, employer: OrganisationID = "EMP",
  end: String? = "2027-06-30"
) -> Placement {
  Placement(
    id: "P1", municipality: "MUN", employer: employer, coach: coach, worker: "W-1",
    period: DateInterval(start: day("2026-01-01"), end: end.map(day)), funder: funder,
    appointedThroughMunicipality: appointed, taskExperience: taskExperience ? evidenceDoc : nil,
    hoursExemption: exemption
      ? HoursExemption(perWeek: Hours(wholeHours: 4), evidence: evidenceDoc) : nil)
}

/// Runs the rules and returns the verification.
func verify(
  _ coach: Coach, as kind: CoachKind, on date: String, placement: Placement? = nil,
  policy: MunicipalPolicy = .g4Default, organisations: [Organisation]
) -> Verification {
  let byID = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0) })
  return QualificationRules(organisations: byID).verify(
    coach, VerificationRequest(kind: kind, date: day(date), placement: placement, policy: policy))
}

extension Verification {
  /// The outcome of the first non-warning finding for `rule`.
  func outcome(_ rule: RuleID) -> Outcome? {
    findings.first { $0.rule == rule && $0.severity != .warning }?.outcome
  }
  func finding(_ rule: RuleID) -> Finding? {
    findings.first { $0.rule == rule && $0.severity != .warning }
  }
  func warnings(_ rule: RuleID) -> [Finding] {
    findings.filter { $0.rule == rule && $0.severity == .warning }
  }
}
