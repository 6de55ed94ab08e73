import JobcoachCore
import JobcoachStore

/// `jobcoach show COACH_ID`: everything the registry holds on one coach, for a caseworker.
struct ShowCommand: Command {
  static let spec = CommandSpec(
    name: "show",
    summary: "show a coach: employments, qualifications, placements and register membership",
    synopsis: "COACH_ID [--on DATE] [--format text|json] [--db PATH | --file FILE...]",
    positionals: 1...1,
    options: [
      .date,
      .value("--format", "FORMAT", "text or json (default text)"),
      .database,
      .documents,
    ],
    discussion: """
      exit codes: 0 shown, 65 no such coach, 66 registry missing.

      example: jobcoach show JC-0001
      """)

  let coachID: CoachID
  let format: OutputFormat
  let arguments: ParsedArguments

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    coachID = CoachID(rawValue: arguments.positionals[0])
    format = try OutputFormat.parse(
      arguments.value("--format"), allowed: [.text, .json], command: Self.spec.name)
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let date = try context.date(arguments, command: Self.spec.name)
    let profile = try ShowCoach(coach: coachID, on: date).run(
      in: try context.openRegistry(arguments))
    let coach = profile.coach
    let placements = profile.placements
    func name(_ id: OrganisationID) -> String {
      profile.organisationNames[id].map { "\($0) (\(id))" } ?? id.rawValue
    }
    switch format {
    case .json:
      var json = Self.json(coach, placements: placements)
      if case .object(var fields) = json {
        fields.members.append(
          JSONObject.Member(key: "registers", value: .array(profile.registrations.map(Self.json))))
        json = .object(fields)
      }
      context.print(JSONWriter.string(json))
    default:
      let w = try context.words(arguments, command: Self.spec.name, format: .text)
      let none = "  " + w.say("none", "geen") + "\n"
      var text = "\(coach.name) (\(coach.id))\n\n" + w.say("employments:", "dienstverbanden:") + "\n"
      if coach.employments.isEmpty { text += none }
      for employment in coach.employments {
        text +=
          "  \(Words.kind(employment.kind, w.language)) " + w.say("at", "bij") + " "
          + "\(name(employment.organisation)), \(w.interval(employment.period))\n"
      }
      text += "\n" + w.say("qualifications:", "kwalificaties:") + "\n"
      if coach.qualifications.isEmpty { text += none }
      for qualification in coach.qualifications {
        text += "  " + w.evidence(.qualification(qualification)) + "\n"
      }
      text += "\n" + w.say("placements:", "plaatsingen:") + "\n"
      if placements.isEmpty { text += none }
      for placement in placements {
        text +=
          "  \(placement.id) " + w.say("at", "bij") + " \(name(placement.employer)), "
          + "\(w.interval(placement.period)), " + w.say("funded by ", "gefinancierd door ")
          + "\(Words.funder(placement.funder, w.language))\n"
        // The coach's own assignments in it (Q-ASG-1).
        for assignment in placement.assignments where assignment.coach == coach.id {
          text +=
            "    "
            + (assignment.role == .main
              ? w.say("main coach", "jobcoach") : w.say("stand-in coach", "terugvalcoach"))
            + " \(w.interval(placement.days(of: assignment)))"
            + (assignment.organisation.map { w.say(" for ", " namens ") + name($0) } ?? "") + "\n"
        }
      }
      text += "\n" + w.say("registers:", "registers:") + "\n"
      if profile.registrations.isEmpty { text += "  " + w.say("not a member", "niet ingeschreven") + "\n" }
      for registration in profile.registrations {
        text +=
          "  \(registration.register.name) (\(registration.register.id)): "
          + "\(registration.membership.registerNumber), " + Self.describe(registration.standing, w)
          + "\n"
      }
      context.print(text)
    }
    return ExitCode.success
  }

  /// How a registration stands, in words: `registered on 2026-11-23, period 1 (...), valid
  /// until 2027-03-31`.
  static func describe(_ standing: RegistrationStanding, _ w: any Wording = English()) -> String {
    let period =
      w.say("period", "registratieperiode") + " \(standing.cycle.number) "
      + "(\(w.interval(standing.cycle.period)))"
    if let lapsed = standing.lapsedOn {
      return w.say("lapsed on ", "verlopen op ") + w.date(lapsed) + ": "
        + (standing.lapseReason.map(w.lapse) ?? period)
    }
    let status =
      standing.status.map { w.language == .nl ? Dutch().status($0) : $0.rawValue }
      ?? w.say("not yet registered", "nog niet ingeschreven")
    var text = "\(status) " + w.say("on", "op") + " \(w.date(standing.date)), \(period)"
    if let until = standing.validUntil { text += w.say(", valid until ", ", geldig t/m ") + w.date(until) }
    if standing.isRenewalDue { text += w.say("; renewal due", "; herregistratie nodig") }
    return text
  }

  static func json(_ registration: CoachProfile.Registration) -> JSONValue {
    let standing = registration.standing
    return .object([
      "register": JSONValue(registration.register.id.rawValue),
      "registerName": JSONValue(registration.register.name),
      "registerNumber": JSONValue(registration.membership.registerNumber),
      "status": JSONValue(standing.statusCode),
      "on": JSONValue(standing.date),
      "period": .object([
        "number": JSONValue(standing.cycle.number), "start": JSONValue(standing.cycle.start),
        "end": JSONValue(standing.cycle.end),
      ]),
      "validUntil": JSONValue(standing.validUntil), "lapsedOn": JSONValue(standing.lapsedOn),
      "renewalDue": JSONValue(standing.isRenewalDue),
    ])
  }

  static func json(_ coach: Coach, placements: [Placement]) -> JSONValue {
    .object([
      "id": JSONValue(coach.id.rawValue),
      "name": JSONValue(coach.name),
      "employments": .array(
        coach.employments.map {
          .object([
            "organisation": JSONValue($0.organisation.rawValue),
            "kind": JSONValue($0.kind.rawValue),
            "from": JSONValue($0.period.start), "until": JSONValue($0.period.end),
          ])
        }),
      "qualifications": .array(
        coach.qualifications.map {
          .object([
            "kind": JSONValue($0.kind.rawValue), "title": JSONValue($0.title),
            "issuedOn": JSONValue($0.issuedOn), "expiresOn": JSONValue($0.expiresOn),
            "issuer": JSONValue($0.issuer), "evidence": JSONValue($0.evidence),
          ])
        }),
      "placements": .array(
        placements.map {
          .object([
            "id": JSONValue($0.id.rawValue), "employer": JSONValue($0.employer.rawValue),
            "municipality": JSONValue($0.municipality?.rawValue),
            "start": JSONValue($0.period.start), "end": JSONValue($0.period.end),
            "funder": JSONValue($0.funder.rawValue),
          ])
        }),
    ])
  }
}
