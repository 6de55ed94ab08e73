import JobcoachCore
import JobcoachStore

/// `jobcoach verify`: may this coach be assigned as this kind of coach on this date?
struct VerifyCommand: Command {
  static let spec = CommandSpec(
    name: "verify", summary: "check a coach before assignment against the qualification rules",
    synopsis:
      "COACH_ID --as municipal|internal|external [--placement ID] [--policy ID] [--on DATE] "
      + "[--format text|json] [--db PATH | --file FILE...]",
    positionals: 1...1,
    options: [
      .value("--as", "KIND", "the kind of coach to verify: municipal, internal or external"),
      .value("--placement", "ID", "the placement the coach is for (needed for Q-INT-3, Q-INT-4)"),
      .value(
        "--policy", "ID", "the municipal policy (default: the placement's municipality's, else G4)"),
      .value("--on", "DATE", "the assignment date, YYYY-MM-DD (default: today)"),
      .value("--format", "FORMAT", "text or json (default text)"),
      .database,
      .value(
        "--file", "PATH",
        "verify from these documents (files or directories) in a registry in "
          + "memory, instead of --db", repeatable: true),
    ],
    discussion: """
      Prints the verdict first, then every rule met or not met with its evidence. The rules are
      those of appendix 3.4 of the G4 agreements (Q-MUN-1/2, Q-EXT-1, Q-INT-1..4) as the
      municipal policy in force on the date requires them, and Q-POL-1..3. Q-MUN, Q-INT and
      Q-EXT report the employment the coach needs for that kind on the date.

      exit codes: 0 eligible, 1 not eligible, 64 usage, 65 unknown coach, placement or policy,
      66 registry or file missing.

      example: jobcoach verify JC-0001 --as municipal --on 2026-03-02 --file Samples
      """)

  let coachID: CoachID
  let kind: CoachKind
  let placementID: PlacementID?
  let policyID: PolicyID?
  let format: OutputFormat
  let arguments: ParsedArguments

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    coachID = CoachID(rawValue: arguments.positionals[0])
    guard let kindText = arguments.value("--as") else {
      throw UsageError("missing --as municipal|internal|external", command: Self.spec.name)
    }
    guard let kind = CoachKind(rawValue: kindText) else {
      throw UsageError(
        "unknown coach kind '\(kindText)'; choose municipal, internal or external",
        command: Self.spec.name)
    }
    self.kind = kind
    placementID = arguments.value("--placement").map(PlacementID.init(rawValue:))
    policyID = arguments.value("--policy").map(PolicyID.init(rawValue:))
    format = try OutputFormat.parse(
      arguments.value("--format"), allowed: [.text, .json], command: Self.spec.name)
    if arguments.value("--db") != nil, !arguments.allValues("--file").isEmpty {
      throw UsageError("use either --db or --file, not both", command: Self.spec.name)
    }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let date = try context.date(arguments, command: Self.spec.name)
    let store = try context.openRegistry(arguments)
    guard let coach = try store.coach(coachID) else {
      throw CLIError.badInput("no coach with id '\(coachID)' in the registry")
    }
    var placement: Placement?
    if let placementID {
      guard let found = try store.placement(placementID) else {
        throw CLIError.badInput("no placement with id '\(placementID)' in the registry")
      }
      placement = found
    }
    let policy = try Self.policy(policyID, placement: placement, on: date, store: store)
    var organisationIDs = Set(coach.employments.map(\.organisation))
    if let placement { organisationIDs.insert(placement.employer) }
    var organisations: [OrganisationID: Organisation] = [:]
    for id in organisationIDs {
      organisations[id] = try store.organisation(id)
    }
    let request = VerificationRequest(kind: kind, date: date, placement: placement, policy: policy)
    var verification = QualificationRules(organisations: organisations).verify(coach, request)
    let membership = try store.membership(of: coach.id)
    let published =
      try membership == nil
      ? coach.registerNumber.flatMap { try store.publicRegister(listing: $0) } : nil
    if membership != nil || coach.registerNumber != nil,
      let standing = RegisterStanding.finding(
        for: coach, membership: membership, published: published, norms: try store.peNorms(),
        on: date)
    {
      verification.findings.append(standing)
    }
    switch format {
    case .json: context.print(JSONWriter.string(Self.json(verification)))
    default: context.print(Self.text(verification))
    }
    return verification.isEligible ? ExitCode.success : ExitCode.findings
  }

  /// The policy version in force: the one named, else the placement's municipality's, else G4.
  static func policy(
    _ id: PolicyID?, placement: Placement?, on date: CalendarDate, store: RegistryStore
  ) throws -> MunicipalPolicy {
    var history = PolicyHistory.g4Default
    if let id {
      if id == PolicyHistory.g4Default.id {
        history = .g4Default
      } else {
        guard let found = try store.policyHistory(id) else {
          throw CLIError.badInput("no policy with id '\(id)' in the registry")
        }
        history = found
      }
    } else if let municipality = placement?.municipality {
      let histories = try store.policyHistories(of: municipality)
      if histories.count > 1 {
        throw CLIError.badInput(
          "municipality '\(municipality)' has several policies ("
            + histories.map(\.id.rawValue).joined(separator: ", ") + "); choose one with --policy")
      }
      history = histories.first ?? .g4Default
    }
    guard let version = history.version(on: date) else {
      throw CLIError.badInput(
        "policy '\(history.id)' is not in force on \(date); its first version takes effect on "
          + "\(history.versions[0].effectiveFrom)")
    }
    return version
  }

  static func json(_ verification: Verification) -> JSONValue {
    let request = verification.request
    return .object([
      "coach": JSONValue(verification.coach.id.rawValue),
      "name": JSONValue(verification.coach.name),
      "kind": JSONValue(request.kind.rawValue),
      "on": JSONValue(request.date),
      "placement": JSONValue(request.placement?.id.rawValue),
      "eligible": JSONValue(verification.isEligible),
      "policy": .object([
        "id": JSONValue(request.policy.id.rawValue),
        "name": JSONValue(request.policy.name),
        "effectiveFrom": JSONValue(request.policy.effectiveFrom),
      ]),
      "findings": .array(verification.findings.map(FindingRendering.json)),
    ])
  }

  static func text(_ verification: Verification) -> String {
    let request = verification.request
    let coach = verification.coach
    let failing = verification.findings.filter { $0.severity == .error }
    var text: String
    if verification.isEligible {
      text =
        "ELIGIBLE: \(coach.name) (\(coach.id)) may be assigned as "
        + "\(request.kind.withArticle) on \(request.date)"
    } else {
      let rules = Array(Set(failing.map(\.rule))).sorted().map(\.rawValue)
      text =
        "NOT ELIGIBLE: \(coach.name) (\(coach.id)) may not be assigned as "
        + "\(request.kind.withArticle) on \(request.date); not met: "
        + rules.joined(separator: ", ")
    }
    text += "\n"
    if let placement = request.placement {
      text += "placement: \(placement.id) at \(placement.employer), \(placement.period)\n"
    }
    text +=
      "policy: \(request.policy.name) (\(request.policy.id), in force from "
      + "\(request.policy.effectiveFrom))\n\n"
    text += FindingRendering.text(verification.findings)
    return text
  }
}
