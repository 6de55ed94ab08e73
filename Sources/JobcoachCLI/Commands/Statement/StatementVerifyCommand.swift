import JobcoachCore

/// `jobcoach statement verify`: does a signed statement hold? No registry, no network.
struct StatementVerifyCommand: Command {
  static let spec = CommandSpec(
    name: "statement verify",
    summary: "check a signed verification statement offline: signature, issuer, period",
    synopsis: "FILE --trust DID... [--on DATE] [--format text|json] [--lang nl|en]",
    positionals: 1...1,
    options: [
      .value(
        "--trust", "DID", "an issuer to trust, as its did:key (repeat for several)",
        repeatable: true),
      .value("--on", "DATE", "the day to judge the statement's period on (default: today)"),
      .value("--format", "FORMAT", "text or json (default text)"),
      Language.option,
    ],
    discussion: """
      A statement holds when its eddsa-jcs-2022 proof is the signature of the key its issuer
      names over exactly this document (any field changed breaks it), the issuer is one of
      --trust, and the date lies in its period (validFrom's day to validUntil's day, both
      included). Needs no registry and no network.

      exit codes: 0 the statement holds, 1 it does not (the reasons are printed), 64 usage,
      65 the file is not JSON, 66 the file is missing.

      example: jobcoach statement verify statement.json --trust did:key:z6Mk... --on 2026-11-23
      """)

  let arguments: ParsedArguments
  let format: OutputFormat
  let trusted: [PublicKey]

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    format = try OutputFormat.parse(
      arguments.value("--format"), allowed: [.text, .json], command: Self.spec.name)
    trusted = try StatementKeys.trusted(arguments, command: Self.spec.name)
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let date = try context.date(arguments, command: Self.spec.name)
    let words = try context.words(arguments, command: Self.spec.name, format: format)
    let path = arguments.positionals[0]
    let document = try StatementFile.read(path)
    let outcome = CheckStatement(trusting: trusted, on: date).run(document)
    switch format {
    case .json:
      context.print(
        JSONWriter.string(
          .object([
            "file": .string(path),
            "on": JSONValue(date),
            "holds": .bool(outcome.holds),
            "issuer": JSONValue(outcome.issuer),
            "validFrom": JSONValue(outcome.validFrom),
            "validUntil": JSONValue(outcome.validUntil),
            "problems": .array(
              outcome.problems.map {
                .object(["code": .string(Self.code($0)), "message": .string(Self.text($0, words))])
              }),
          ])))
    default:
      var text =
        outcome.holds
        ? words.say(
          "the statement holds on \(date): signed by \(outcome.issuer ?? "?"), a trusted issuer",
          "de verklaring is geldig op \(words.date(date)): ondertekend door \(outcome.issuer ?? "?"), een vertrouwde uitgever")
          + "\n"
        : words.say("the statement does not hold on \(date):", "de verklaring is niet geldig op \(words.date(date)):")
          + "\n"
      for problem in outcome.problems { text += "  " + Self.text(problem, words) + "\n" }
      context.print(text)
    }
    return outcome.holds ? ExitCode.success : ExitCode.findings
  }

  static func code(_ problem: CheckStatement.Problem) -> String {
    switch problem {
    case .notAStatement: "not-a-statement"
    case .proof(.noProof): "no-proof"
    case .proof(.signatureInvalid): "signature-invalid"
    case .proof: "proof-unusable"
    case .issuerNotSigner: "issuer-not-signer"
    case .untrustedIssuer: "untrusted-issuer"
    case .notYetValid: "not-yet-valid"
    case .expired: "expired"
    }
  }

  static func text(_ problem: CheckStatement.Problem, _ w: any Wording) -> String {
    switch problem {
    case .notAStatement:
      w.say(
        "not a verifiable credential (it needs @context, type VerifiableCredential, an issuer and valid dates)",
        "geen verifieerbare verklaring (nodig: @context, type VerifiableCredential, een uitgever en geldige data)")
    case .proof(.noProof):
      w.say("it carries no proof (unsigned)", "er staat geen handtekening in (niet ondertekend)")
    case .proof(.signatureInvalid):
      w.say(
        "the signature does not match: the statement was changed after signing, or signed by another key",
        "de handtekening klopt niet: de verklaring is na ondertekening gewijzigd, of met een andere sleutel ondertekend")
    case .proof(.badVerificationMethod(let method)):
      w.say(
        "the proof names a key that is not an Ed25519 did:key: \(method)",
        "de handtekening noemt een sleutel die geen Ed25519-did:key is: \(method)")
    case .proof(.contextMismatch):
      w.say(
        "the proof's @context is not the statement's", "de @context van de handtekening is niet die van de verklaring")
    case .proof(.notCanonical):
      w.say(
        "a number in the statement is out of range for signing (RFC 8785)",
        "een getal in de verklaring valt buiten het bereik voor ondertekening (RFC 8785)")
    case .proof:
      w.say(
        "the proof is not an eddsa-jcs-2022 Data Integrity proof with a proof value",
        "de handtekening is geen eddsa-jcs-2022-Data-Integrity-bewijs met een waarde")
    case .issuerNotSigner(let issuer, let signer):
      w.say(
        "signed by \(signer), not by the issuer it names (\(issuer))",
        "ondertekend door \(signer), niet door de genoemde uitgever (\(issuer))")
    case .untrustedIssuer(let issuer):
      w.say(
        "the issuer \(issuer) is not trusted (name it with --trust)",
        "de uitgever \(issuer) wordt niet vertrouwd (noem die met --trust)")
    case .notYetValid(let start):
      w.say("valid only from \(start)", "pas geldig vanaf \(w.date(start))")
    case .expired(let end):
      w.say("expired: valid until \(end)", "verlopen: geldig tot en met \(w.date(end))")
    }
  }
}

/// A statement file read as JSON, with the CLI's errors.
enum StatementFile {
  static func read(_ path: String) throws -> JSONValue {
    let bytes = try FileSystem.input(path)
    do { return try JSONParser.parse(bytes) } catch {
      let english = English().problem(error.reason)
      let dutch = Dutch().problem(error.reason)
      throw CLIError.badInput(
        "\(path):\(error.line):\(error.column): \(english)",
        nl: "\(path):\(error.line):\(error.column): \(dutch)")
    }
  }
}
