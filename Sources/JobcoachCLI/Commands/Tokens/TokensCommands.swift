import JobcoachCore
import JobcoachStore

/// `jobcoach tokens issue`: a token for the web API, shown once.
struct TokensIssueCommand: Command {
  static let spec = CommandSpec(
    name: "tokens issue", summary: "a token for the web API (jobcoach serve), shown once",
    synopsis:
      "--role association|municipality|coach --name TEXT [--municipality ID] [--coach ID] "
      + "[--actor NAME] [--db PATH] [--lang nl|en]",
    positionals: 0...0,
    options: [
      .value("--role", "ROLE", "association (reads and writes all), municipality or coach"),
      .value("--name", "TEXT", "the holder, unique: the actor in the audit trail for its writes"),
      .value("--municipality", "ID", "the municipality a municipality's token is for"),
      .value("--coach", "ID", "the coach a coach's token is for"),
      .database, .actor, .wait, Language.option,
    ],
    discussion: """
      Prints the new secret alone on standard output (what to say about it on standard error):
      give it to the holder now, the registry keeps only its SHA-256 and cannot show it again.
      It is sent as 'Authorization: Bearer SECRET'. The association's token reads and writes
      everything; a municipality's reads verifications and placements of that municipality; a
      coach's reads only that coach's own PE statement and subject export. The public pages
      need none. Issuing is in the audit trail.

      exit codes: 0 issued, 64 usage, 65 the name is taken or the coach unknown, 66 registry
      missing.

      example: jobcoach tokens issue --role municipality --name "Zaanstad, team Werk" --municipality ORG-ZAANSTAD
      """)

  let arguments: ParsedArguments
  let role: AccessRole
  let name: String
  let municipality: OrganisationID?
  let coach: CoachID?

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    let command = Self.spec.name
    guard let roleText = arguments.value("--role") else {
      throw UsageError(
        "missing --role association|municipality|coach",
        nl: "--role association|municipality|coach ontbreekt", command: command)
    }
    guard let role = AccessRole(rawValue: roleText) else {
      throw UsageError(
        "unknown role '\(roleText.escapingControlCharacters)'; choose association, municipality or coach",
        nl: "onbekende rol '\(roleText.escapingControlCharacters)'; kies association, municipality of coach",
        command: command)
    }
    self.role = role
    guard let name = arguments.value("--name"), (1...100).contains(name.count),
      !name.contains(where: \.isNewline), !name.allSatisfy(\.isWhitespace)
    else {
      throw UsageError(
        "--name takes the holder's name, 1 to 100 characters on one line",
        nl: "--name neemt de naam van de houder, 1 tot 100 tekens op één regel", command: command)
    }
    self.name = name
    municipality = arguments.value("--municipality").map(OrganisationID.init(rawValue:))
    coach = arguments.value("--coach").map(CoachID.init(rawValue:))
    switch role {
    case .municipality where municipality == nil || coach != nil:
      throw UsageError(
        "a municipality's token takes --municipality ID and no --coach",
        nl: "een token van een gemeente neemt --municipality ID en geen --coach", command: command)
    case .coach where coach == nil || municipality != nil:
      throw UsageError(
        "a coach's token takes --coach ID and no --municipality",
        nl: "een token van een jobcoach neemt --coach ID en geen --municipality", command: command)
    case .association where coach != nil || municipality != nil:
      throw UsageError(
        "the association's token takes neither --coach nor --municipality",
        nl: "het token van de beroepsvereniging neemt geen --coach en geen --municipality",
        command: command)
    default: break
    }
    if let municipality, !OrganisationID.isWellFormed(municipality.rawValue) {
      throw UsageError(
        "'\(municipality.rawValue.escapingControlCharacters)' is not an organisation id",
        nl: "'\(municipality.rawValue.escapingControlCharacters)' is geen organisatie-id",
        command: command)
    }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let w = try context.words(arguments, command: Self.spec.name, format: .text)
    let store = try context.openRegistryFile(arguments, command: Self.spec.name)
    let audit = try context.audit(Self.spec.name, arguments)
    if try store.tokens().contains(where: { $0.name == name }) {
      throw CLIError.badInput(
        "a token named '\(name.escapingControlCharacters)' exists; revoke it or choose another name",
        nl: "er is al een token met de naam '\(name.escapingControlCharacters)'; trek het in of kies een andere naam")
    }
    if let coach, try store.coach(coach) == nil {
      throw UseCaseError.unknownCoach(coach)
    }
    let secret = try AccessToken.newSecret()
    let token = AccessToken(
      name: name, role: role, municipality: municipality, coach: coach, issuedOn: context.today())
    try store.issueToken(token, secretDigest: AccessToken.digest(of: secret), audit: audit)
    context.printError(
      w.say(
        "issued a token for \(name) (\(TokensListCommand.scope(token))); keep it now, it is not shown again:\n",
        "token uitgegeven voor \(name) (\(TokensListCommand.scope(token))); bewaar het nu, het wordt niet nog eens getoond:\n"))
    context.print(secret + "\n")
    return ExitCode.success
  }
}

/// `jobcoach tokens list`: who holds a token, never the secrets.
struct TokensListCommand: Command {
  static let spec = CommandSpec(
    name: "tokens list", summary: "the web API's tokens: holder, role, scope, issued, revoked",
    synopsis: "[--format text|json] [--db PATH] [--lang nl|en]", positionals: 0...0,
    options: [.value("--format", "FORMAT", "text or json (default text)"), .database, Language.option],
    discussion: """
      Lists every token by its holder's name with its role, its municipality or coach, the day
      it was issued and, once revoked, the day it stopped. The secrets are not kept.

      example: jobcoach tokens list
      """)

  let arguments: ParsedArguments
  let format: OutputFormat

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    format = try OutputFormat.parse(
      arguments.value("--format"), allowed: [.text, .json], command: Self.spec.name)
  }

  static func scope(_ token: AccessToken) -> String {
    token.role.rawValue + (token.municipality.map { " " + $0.rawValue } ?? "")
      + (token.coach.map { " " + $0.rawValue } ?? "")
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let w = try context.words(arguments, command: Self.spec.name, format: format)
    let tokens = try context.openRegistryFile(arguments, command: Self.spec.name).tokens()
    switch format {
    case .json:
      context.print(
        JSONWriter.string(
          .array(
            tokens.map {
              .object([
                "name": .string($0.name), "role": .string($0.role.rawValue),
                "municipality": JSONValue($0.municipality?.rawValue),
                "coach": JSONValue($0.coach?.rawValue), "issuedOn": JSONValue($0.issuedOn),
                "revokedOn": JSONValue($0.revokedOn),
              ])
            })))
    default:
      guard !tokens.isEmpty else {
        context.print(w.say("no tokens issued\n", "geen tokens uitgegeven\n"))
        return ExitCode.success
      }
      var text = ""
      for token in tokens {
        text += "\(token.name): \(Self.scope(token)), " + w.say("issued ", "uitgegeven ")
          + w.date(token.issuedOn)
          + (token.revokedOn.map { w.say(", revoked ", ", ingetrokken ") + w.date($0) } ?? "")
          + "\n"
      }
      context.print(text)
    }
    return ExitCode.success
  }
}

/// `jobcoach tokens revoke`: a token stops opening the web API.
struct TokensRevokeCommand: Command {
  static let spec = CommandSpec(
    name: "tokens revoke", summary: "stop a web API token, by its holder's name",
    synopsis: "NAME [--actor NAME] [--db PATH] [--lang nl|en]", positionals: 1...1,
    options: [.database, .actor, .wait, Language.option],
    discussion: """
      From today the token is refused (401). It stays listed, with the day. The change is in
      the audit trail.

      exit codes: 0 revoked (or revoked already), 64 usage, 65 no such token, 66 registry
      missing.

      example: jobcoach tokens revoke "Zaanstad, team Werk"
      """)

  let arguments: ParsedArguments

  init(_ arguments: ParsedArguments) throws(UsageError) { self.arguments = arguments }

  func run(_ context: CommandContext) throws -> Int32 {
    let w = try context.words(arguments, command: Self.spec.name, format: .text)
    let name = arguments.positionals[0]
    let store = try context.openRegistryFile(arguments, command: Self.spec.name)
    guard
      let old = try store.revokeToken(
        name, on: context.today(), audit: try context.audit(Self.spec.name, arguments))
    else {
      throw CLIError.badInput(
        "no token named '\(name.escapingControlCharacters)'",
        nl: "geen token met de naam '\(name.escapingControlCharacters)'")
    }
    context.print(
      old.revokedOn == nil
        ? w.say("revoked: \(name)\n", "ingetrokken: \(name)\n")
        : w.say("revoked already: \(name)\n", "al ingetrokken: \(name)\n"))
    return ExitCode.success
  }
}
