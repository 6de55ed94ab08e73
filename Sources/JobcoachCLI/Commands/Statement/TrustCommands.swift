#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import JobcoachCore
import JobcoachStore

/// `jobcoach keys use`: the key this registry signs statements and its public register with.
struct KeysUseCommand: Command {
  static let spec = CommandSpec(
    name: "keys use", summary: "sign this registry's statements and public register with a key",
    synopsis: "FILE [--actor NAME] [--db PATH] [--lang nl|en]", positionals: 1...1,
    options: [.database, .actor, .wait, Language.option],
    discussion: """
      Records which key the registry signs with: its public identifier (did:key) and where the
      key file is (the private key itself never enters the registry). From then on
      'verify --statement' and 'export public --format json --signed' need no --key. The key
      used before stays known, so statements it signed can still be revoked. The change is in
      the audit trail.

      exit codes: 0 recorded, 64 usage, 65 the file is not a key, 66 the file or registry is
      missing.

      example: jobcoach keys use ~/.jobcoach/issuer.pem
      """)

  let arguments: ParsedArguments

  init(_ arguments: ParsedArguments) throws(UsageError) { self.arguments = arguments }

  func run(_ context: CommandContext) throws -> Int32 {
    let w = try context.words(arguments, command: Self.spec.name, format: .text)
    let path = arguments.positionals[0]
    let key = try StatementKeys.read(path)
    let store = try context.openRegistryFile(arguments, command: Self.spec.name)
    let issuing = IssuingKey(did: key.publicKey.did, keyFile: FileSystem.absolute(path))
    let old = try store.useIssuingKey(issuing, audit: try context.audit(Self.spec.name, arguments))
    context.print(
      (old == issuing
        ? w.say("the registry signs with this key already:\n", "het register ondertekent al met deze sleutel:\n")
        : w.say("the registry now signs with:\n", "het register ondertekent nu met:\n"))
        + "  " + issuing.did + "\n  " + issuing.keyFile + "\n")
    return ExitCode.success
  }
}

/// `jobcoach trust add`: accept the signed public registers of an issuer.
struct TrustAddCommand: Command {
  static let spec = CommandSpec(
    name: "trust add", summary: "trust an issuer's signed public register (by its did:key)",
    synopsis: "DID --name NAME [--actor NAME] [--db PATH] [--lang nl|en]", positionals: 1...1,
    options: [
      .value("--name", "NAME", "who the issuer is, as the list shows it"), .database, .actor,
      .wait, Language.option,
    ],
    discussion: """
      A public register is imported only when it is signed by a trusted issuer (or with
      'import --allow-unsigned', which the output and the audit trail say loudly). Adding an
      issuer trusted already renames it. The change is in the audit trail.

      exit codes: 0 trusted, 64 usage (not an Ed25519 did:key, or no --name), 66 no registry.

      example: jobcoach trust add did:key:z6Mk... --name "Beroepsvereniging Jobcoaches Nederland"
      """)

  let arguments: ParsedArguments
  let issuer: TrustedIssuer

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    let did = try StatementKeys.publicKey(arguments.positionals[0], command: Self.spec.name).did
    guard let name = arguments.value("--name"),
      (1...200).contains(name.count), !name.allSatisfy(\.isWhitespace),
      !name.contains(where: \.isNewline)
    else {
      throw UsageError(
        "give the issuer's name with --name NAME (1 to 200 characters, one line)",
        nl: "geef de naam van de uitgever met --name NAAM (1 tot 200 tekens, één regel)",
        command: Self.spec.name)
    }
    // A citizen service number in any argument is refused before a command sees it.
    issuer = TrustedIssuer(did: did, name: name)
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let w = try context.words(arguments, command: Self.spec.name, format: .text)
    let store = try context.openRegistryFile(arguments, command: Self.spec.name)
    let old = try store.trust(issuer, audit: try context.audit(Self.spec.name, arguments))
    let said: String =
      switch old {
      case nil: w.say("trusted: ", "vertrouwd: ")
      case let old? where old == issuer: w.say("trusted already: ", "al vertrouwd: ")
      case _?: w.say("renamed: ", "hernoemd: ")
      }
    context.print(said + issuer.name + "\n  " + issuer.did + "\n")
    return ExitCode.success
  }
}

/// `jobcoach trust list`: the issuers this registry trusts.
struct TrustListCommand: Command {
  static let spec = CommandSpec(
    name: "trust list", summary: "the issuers whose signed public registers are accepted",
    synopsis: "[--format text|json] [--db PATH] [--lang nl|en]", positionals: 0...0,
    options: [.value("--format", "FORMAT", "text or json (default text)"), .database, Language.option],
    discussion: """
      Lists each trusted issuer's name and did:key, and the key the registry itself signs with
      ('jobcoach keys use'), if any.

      example: jobcoach trust list
      """)

  let arguments: ParsedArguments
  let format: OutputFormat

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    format = try OutputFormat.parse(
      arguments.value("--format"), allowed: [.text, .json], command: Self.spec.name)
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let w = try context.words(arguments, command: Self.spec.name, format: format)
    let store = try context.openRegistryFile(arguments, command: Self.spec.name)
    let issuers = try store.trustedIssuers()
    let key = try store.issuingKey()
    switch format {
    case .json:
      context.print(
        JSONWriter.string(
          .object([
            "trusted": .array(
              issuers.map { .object(["did": .string($0.did), "name": .string($0.name)]) }),
            "issuingKey": key.map { .object(["did": .string($0.did), "keyFile": .string($0.keyFile)]) }
              ?? .null,
          ])))
    default:
      var text =
        issuers.isEmpty
        ? w.say("no trusted issuers ('jobcoach trust add DID --name NAME')\n", "geen vertrouwde uitgevers ('jobcoach trust add DID --name NAAM')\n")
        : w.say("trusted issuers:\n", "vertrouwde uitgevers:\n")
      for issuer in issuers { text += "  " + issuer.name + "\n    " + issuer.did + "\n" }
      text +=
        key.map { w.say("this registry signs with: ", "dit register ondertekent met: ") + $0.did + "\n" }
        ?? w.say("this registry has no signing key ('jobcoach keys use FILE')\n", "dit register heeft geen ondertekeningssleutel ('jobcoach keys use BESTAND')\n")
      context.print(text)
    }
    return ExitCode.success
  }
}

/// `jobcoach trust remove`: stop accepting an issuer's signed registers.
struct TrustRemoveCommand: Command {
  static let spec = CommandSpec(
    name: "trust remove", summary: "no longer trust an issuer",
    synopsis: "DID [--actor NAME] [--db PATH] [--lang nl|en]", positionals: 1...1,
    options: [.database, .actor, .wait, Language.option],
    discussion: """
      Public registers the issuer signed are refused from now on; what was imported before
      stays. The change is in the audit trail.

      exit codes: 0 removed, 64 usage, 65 the issuer was not trusted, 66 no registry.

      example: jobcoach trust remove did:key:z6Mk...
      """)

  let arguments: ParsedArguments
  let did: String

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    did = try StatementKeys.publicKey(arguments.positionals[0], command: Self.spec.name).did
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let w = try context.words(arguments, command: Self.spec.name, format: .text)
    let store = try context.openRegistryFile(arguments, command: Self.spec.name)
    guard let removed = try store.distrust(did, audit: try context.audit(Self.spec.name, arguments))
    else {
      throw CLIError.badInput(
        "\(did) is not a trusted issuer ('jobcoach trust list')",
        nl: "\(did) is geen vertrouwde uitgever ('jobcoach trust list')")
    }
    context.print(w.say("no longer trusted: ", "niet langer vertrouwd: ") + removed.name + "\n  " + did + "\n")
    return ExitCode.success
  }
}

/// `jobcoach statement revoke`: withdraw a statement this registry signed.
struct StatementRevokeCommand: Command {
  static let spec = CommandSpec(
    name: "statement revoke", summary: "withdraw a signed statement (in the next public register)",
    synopsis: "ID --reason TEXT [--actor NAME] [--db PATH] [--lang nl|en]", positionals: 1...1,
    options: [
      .value("--reason", "TEXT", "why the statement is withdrawn (kept in the audit trail)"),
      .database, .actor, .wait, Language.option,
    ],
    discussion: """
      Sets the statement's place in its issuer's revocation list (W3C Bitstring Status List).
      The list travels in the signed public register ('export public --format json --signed');
      'statement verify FILE --status REGISTER' then reports the statement as revoked. The id
      is the statement's "id" (urn:uuid:...).

      exit codes: 0 revoked (or revoked already), 64 usage, 65 no statement of that id, 66 no
      registry.

      example: jobcoach statement revoke urn:uuid:... --reason "registration withdrawn"
      """)

  let arguments: ParsedArguments
  let reason: String

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    reason = try arguments.reason(command: Self.spec.name)
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let w = try context.words(arguments, command: Self.spec.name, format: .text)
    let id = arguments.positionals[0]
    let store = try context.openRegistryFile(arguments, command: Self.spec.name)
    switch try store.revokeStatement(
      id, reason: reason, audit: try context.audit(Self.spec.name, arguments))
    {
    case .unknown:
      throw CLIError.badInput(
        "this registry signed no statement '\(id)'",
        nl: "dit register ondertekende geen verklaring '\(id)'")
    case .alreadyRevoked(let statement):
      context.print(
        w.say("revoked already: ", "al ingetrokken: ") + statement.id + " ("
          + statement.coach.rawValue + ")\n")
    case .revoked(let statement):
      context.print(
        w.say(
          "revoked: \(statement.id) (\(statement.coach.rawValue), verified on \(statement.verifiedOn)); the next signed public register lists it\n",
          "ingetrokken: \(statement.id) (\(statement.coach.rawValue), geverifieerd op \(w.date(statement.verifiedOn))); het volgende ondertekende publieke register vermeldt dat\n"
        ))
    }
    return ExitCode.success
  }
}
