import JobcoachCore
import JobcoachStore

/// `jobcoach verify`: may this coach be assigned as this kind of coach on this date?
struct VerifyCommand: Command {
  static let spec = CommandSpec(
    name: "verify", summary: "check a coach before assignment against the qualification rules",
    synopsis:
      "COACH_ID --as municipal|internal|external [--placement ID] [--policy ID] "
      + "[--municipality ID] [--on DATE] "
      + "[--format text|json] [--statement [--key FILE] [--format json|html] [--output FILE]] "
      + "[--actor NAME] [--lang nl|en] "
      + "[--db PATH | --file FILE...]",
    positionals: 1...1,
    options: [
      .value("--as", "KIND", "the kind of coach to verify: municipal, internal or external"),
      .value("--placement", "ID", "the placement the coach is for (needed for Q-INT-3, Q-INT-4)"),
      .value(
        "--policy", "ID",
        "the municipal policy (default: the placement's municipality's, else --municipality's, "
          + "else the registry's default municipality's, else G4)"),
      .municipality,
      .value("--on", "DATE", "the assignment date, YYYY-MM-DD (default: today)"),
      .value(
        "--format", "FORMAT",
        "text or json (default text); with --statement json (default) or html, a printable page"),
      .flag(
        "--statement",
        "write the verdict as a signed W3C Verifiable Credential (eddsa-jcs-2022) instead"),
      .value(
        "--key", "FILE",
        "the signing key for --statement (default: the registry's, 'jobcoach keys use')"),
      .value("--output", "FILE", "write the statement to this new file (mode 0600; default stdout)"),
      .actor,
      Language.option,
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

      The policy: --policy, else the policy of the placement's municipality, else that of
      --municipality, else that of the registry's default municipality ('jobcoach settings'),
      else the built-in G4 default; the output names it and why. A municipality with two
      policies in force on the date is ambiguous: name one with --policy.

      With --statement the verdict is written as a W3C Verifiable Credential (data model 2.0)
      signed with eddsa-jcs-2022 by --key FILE, else by the registry's key ('jobcoach keys
      use'): issuer (the key's did:key), date, the coach's name and register number only, kind,
      the placement as a pseudonym, policy, eligible, each rule with its outcome and evidence
      document ids, and validUntil where the verdict has a natural end (the earliest end of a
      qualification, recognition or registration it relied on). From a registry the statement
      also gets an id and a place in the issuer's revocation list ('jobcoach statement revoke'),
      and its issue is in the audit trail (--actor); from --file documents it has neither.
      --format html writes the same signed statement as one printable page (Dutch unless
      --lang en) with the command that checks it. Anyone can check the statement offline with
      'jobcoach statement verify FILE --trust DID'.

      exit codes: 0 eligible, 1 not eligible, 64 usage, 65 unknown coach, placement or policy,
      an ambiguous policy, or a key file that is not a key, 66 registry, file or key missing,
      73 the statement's file exists or cannot be written.

      example: jobcoach verify JC-0001 --as municipal --on 2026-03-02 --file Samples
      """)

  let coachID: CoachID
  let kind: CoachKind
  let placementID: PlacementID?
  let policyID: PolicyID?
  let municipality: OrganisationID?
  let format: OutputFormat
  /// The signing key's file, when a statement is asked for with --key.
  let statementKey: String?
  /// `--statement --format html`: the statement as one printable page.
  let statementAsPage: Bool
  let arguments: ParsedArguments

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    coachID = CoachID(rawValue: arguments.positionals[0])
    guard let kindText = arguments.value("--as") else {
      throw UsageError(
        "missing --as municipal|internal|external",
        nl: "--as municipal|internal|external ontbreekt", command: Self.spec.name)
    }
    guard let kind = CoachKind(rawValue: kindText) else {
      throw UsageError(
        "unknown coach kind '\(kindText)'; choose municipal, internal or external",
        nl: "onbekende soort jobcoach '\(kindText)'; kies municipal, internal of external",
        command: Self.spec.name)
    }
    self.kind = kind
    placementID = arguments.value("--placement").map(PlacementID.init(rawValue:))
    policyID = arguments.value("--policy").map(PolicyID.init(rawValue:))
    municipality = arguments.value("--municipality").map(OrganisationID.init(rawValue:))
    if arguments.flag("--statement") {
      // A statement is JSON, or the same as one printable page.
      let asked = arguments.value("--format") ?? "json"
      guard asked == "json" || asked == "html" else {
        throw UsageError(
          "unknown format '\(asked)' for --statement; choose json or html",
          nl: "onbekend formaat '\(asked)' voor --statement; kies json of html",
          command: Self.spec.name)
      }
      format = .json
      statementAsPage = asked == "html"
      statementKey = arguments.value("--key")
    } else {
      format = try OutputFormat.parse(
        arguments.value("--format"), allowed: [.text, .json], command: Self.spec.name)
      statementAsPage = false
      guard arguments.value("--key") == nil, arguments.value("--output") == nil else {
        throw UsageError(
          "--key and --output belong to --statement", nl: "--key en --output horen bij --statement",
          command: Self.spec.name)
      }
      statementKey = nil
    }
    if arguments.value("--db") != nil, !arguments.allValues("--file").isEmpty {
      throw UsageError(
        "use either --db or --file, not both", nl: "gebruik --db of --file, niet allebei",
        command: Self.spec.name)
    }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let date = try context.date(arguments, command: Self.spec.name)
    let words = try context.words(arguments, command: Self.spec.name, format: format)
    // A given key is read first: a missing key leaves nothing half done.
    let givenKey = try statementKey.map(StatementKeys.read)
    let store = try context.openRegistry(arguments)
    let answer = try VerifyCoach(
      coach: coachID, kind: kind, placement: placementID, policy: policyID,
      municipality: municipality, on: date
    ).run(in: store)
    if arguments.flag("--statement") {
      let fromRegistry = arguments.allValues("--file").isEmpty
      let key = try givenKey ?? StatementKeys.signing(arguments, store: fromRegistry ? store : nil)
      let output = arguments.value("--output")
      if let output { try FileSystem.refuseExisting(output) }
      // Kept for revocation, and in the audit trail, before it is signed.
      let issue =
        fromRegistry
        ? try store.recordStatement(
          issuer: key.publicKey.did, coach: coachID, verifiedOn: date,
          audit: try context.audit(Self.spec.name, arguments)) : nil
      let statement = try DataIntegrity.sign(
        VerificationStatement.credential(
          for: answer, placement: placementID, issuer: key.publicKey, issue: issue),
        with: key)
      let text: String
      if statementAsPage {
        text = StatementPage.html(
          statement,
          language: try Language.forPage(
            arguments, environment: context.environment, command: Self.spec.name))
      } else {
        text = JSONWriter.string(.object(statement))
      }
      if let output {
        try FileSystem.writePrivately(text, to: output, replacing: false, canReplace: false)
        let w = try context.words(arguments, command: Self.spec.name, format: .text)
        context.print(
          w.say(
            "wrote the signed statement to '\(output)' (\(answer.isEligible ? "eligible" : "not eligible"))",
            "de ondertekende verklaring staat in '\(output)' (\(answer.isEligible ? "inzetbaar" : "niet inzetbaar"))")
            + "\n")
      } else {
        context.print(text)
      }
      return answer.isEligible ? ExitCode.success : ExitCode.findings
    }
    switch format {
    case .json: context.print(JSONWriter.string(Self.json(answer, words)))
    default: context.print(Self.text(answer, words))
    }
    return answer.isEligible ? ExitCode.success : ExitCode.findings
  }

  static func json(_ answer: CoachVerification, _ words: any Wording) -> JSONValue {
    let verification = answer.verification
    let request = verification.request
    return .object([
      "coach": JSONValue(verification.coach.id.rawValue),
      "name": JSONValue(verification.coach.name),
      "kind": JSONValue(request.kind.rawValue),
      "on": JSONValue(request.date),
      "placement": JSONValue(request.placement?.id.rawValue),
      "eligible": JSONValue(verification.isEligible),
      "organisation": JSONValue(verification.organisation?.rawValue),
      "policy": PolicyRendering.json(answer.policy),
      "findings": .array(verification.findings.map { FindingRendering.json($0, words) }),
    ])
  }

  static func text(_ answer: CoachVerification, _ words: any Wording) -> String {
    let verification = answer.verification
    let request = verification.request
    let coach = verification.coach
    let failing = verification.findings.filter { $0.severity == .error }
    // The organisation is named when it was a choice: an assignment's, or one of several
    // employers of the kind.
    let ofKind = coach.employments(on: request.date).filter { $0.kind == request.kind }
    let named =
      request.placement?.assignment(of: coach.id, on: request.date)?.organisation != nil
      || Set(ofKind.map(\.organisation)).count > 1
    let organisation = named ? verification.organisation : nil
    let rules = Array(Set(failing.map(\.rule))).sorted().map(\.rawValue)
    var text =
      words.language == .nl
      ? Self.dutchVerdict(coach, request, organisation, rules, words)
      : Self.englishVerdict(coach, request, organisation, rules)
    text += "\n"
    if let placement = request.placement {
      text +=
        words.language == .nl
        ? "plaatsing: \(placement.id) bij \(placement.employer), \(words.interval(placement.period))\n"
        : "placement: \(placement.id) at \(placement.employer), \(placement.period)\n"
    }
    text +=
      (words.language == .nl ? "beleid: " : "policy: ")
      + "\(PolicyRendering.text(answer.policy, on: request.date, words))\n\n"
    text += FindingRendering.text(verification.findings, words)
    return text
  }

  static func englishVerdict(
    _ coach: Coach, _ request: VerificationRequest, _ organisation: OrganisationID?,
    _ rules: [String]
  ) -> String {
    let kind = English().withArticle(request.kind) + (organisation.map { " of \($0)" } ?? "")
    return rules.isEmpty
      ? "ELIGIBLE: \(coach.name) (\(coach.id)) may be assigned as \(kind) on \(request.date)"
      : "NOT ELIGIBLE: \(coach.name) (\(coach.id)) may not be assigned as \(kind) on "
        + "\(request.date); not met: " + rules.joined(separator: ", ")
  }

  /// `INZETBAAR: ...` / `NIET INZETBAAR: ...; niet voldaan: Q-EXT-1`, as the glossary's
  /// example reads.
  static func dutchVerdict(
    _ coach: Coach, _ request: VerificationRequest, _ organisation: OrganisationID?,
    _ rules: [String], _ words: any Wording
  ) -> String {
    let kind = Words.kind(request.kind, .nl) + (organisation.map { " van \($0)" } ?? "")
    let date = words.date(request.date)
    return rules.isEmpty
      ? "INZETBAAR: \(coach.name) (\(coach.id)) kan op \(date) als \(kind) worden ingezet"
      : "NIET INZETBAAR: \(coach.name) (\(coach.id)) kan op \(date) niet als \(kind) worden "
        + "ingezet; niet voldaan: " + rules.joined(separator: ", ")
  }
}
