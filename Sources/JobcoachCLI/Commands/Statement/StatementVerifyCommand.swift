import JobcoachCore
import JobcoachStore

/// `jobcoach statement verify`: does a signed statement hold? No registry, no network.
struct StatementVerifyCommand: Command {
  static let spec = CommandSpec(
    name: "statement verify",
    summary: "check a signed verification statement offline: signature, issuer, period, revocation",
    synopsis:
      "FILE [--trust DID...] [--db PATH] [--status FILE] [--on DATE] [--format text|json] "
      + "[--lang nl|en]",
    positionals: 1...1,
    options: [
      .value(
        "--trust", "DID", "an issuer to trust, as its did:key (repeat for several)",
        repeatable: true),
      .value(
        "--db", "PATH",
        "also trust this registry's trusted issuers and its own key ('trust add', 'keys use')"),
      .value(
        "--status", "FILE",
        "the issuer's revocation list: a signed public register or its status list credential"),
      .value("--on", "DATE", "the day to judge the statement's period on (default: today)"),
      .value("--format", "FORMAT", "text or json (default text)"),
      Language.option,
    ],
    discussion: """
      A statement holds when its eddsa-jcs-2022 proof is the signature of the key its issuer
      names over exactly this document (any field changed breaks it), the issuer is one of
      --trust (or trusted by the registry --db names), the date lies in its period
      (validFrom's day to validUntil's day, both included) and, with --status, its place in
      the issuer's signed revocation list is not set. Needs no registry and no network.

      exit codes: 0 the statement holds, 1 it does not (the reasons are printed), 64 usage,
      65 a file is not JSON, 66 a file or the registry is missing.

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
    var trusted = self.trusted
    if arguments.value("--db") != nil {
      let store = try context.openRegistryFile(arguments, command: Self.spec.name)
      for did in try store.acceptedSigners() {
        if let key = try? PublicKey(did: did), !trusted.contains(key) { trusted.append(key) }
      }
    }
    // A signed public register carries its issuer's list; a list may also come alone.
    var statusList = try arguments.value("--status").map(StatementFile.read)
    if case .object(let register)? = statusList, let list = register["statusList"] {
      statusList = list
    }
    let outcome = CheckStatement(trusting: trusted, on: date, statusList: statusList).run(document)
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
            "revocation": .string(Self.code(outcome.revocation)),
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
      switch outcome.revocation {
      case .current:
        text += words.say(
          "  not revoked: the issuer's signed revocation list leaves it standing\n",
          "  niet ingetrokken volgens de ondertekende intrekkingslijst van de uitgever\n")
      case .notRevocable:
        text += words.say(
          "  it has no place in a revocation list (made from documents): it cannot be revoked\n",
          "  de verklaring staat niet in een intrekkingslijst (gemaakt uit documenten): intrekken kan niet\n")
      case .notAsked, .revoked: break
      }
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
    case .revoked: "revoked"
    case .statusList: "status-list-unusable"
    }
  }

  static func code(_ revocation: CheckStatement.Revocation) -> String {
    switch revocation {
    case .notAsked: "not-asked"
    case .notRevocable: "not-revocable"
    case .current: "current"
    case .revoked: "revoked"
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
        "the issuer \(issuer) is not trusted (name it with --trust, or 'jobcoach trust add' and --db)",
        "de uitgever \(issuer) wordt niet vertrouwd (noem die met --trust, of 'jobcoach trust add' en --db)")
    case .revoked:
      w.say(
        "revoked: the issuer withdrew this statement (its signed revocation list says so)",
        "ingetrokken: de uitgever heeft deze verklaring teruggetrokken (volgens de ondertekende intrekkingslijst)")
    case .statusList(.notAList):
      w.say(
        "--status is not a revocation list (a signed public register or a BitstringStatusListCredential)",
        "--status is geen intrekkingslijst (een ondertekend publiek register of een BitstringStatusListCredential)")
    case .statusList(.otherList(let id)):
      w.say(
        "--status is another issuer's or another list (\(id)), not the one the statement names",
        "--status is de lijst van een andere uitgever of een andere lijst (\(id)), niet die van de verklaring")
    case .statusList(.proof):
      w.say(
        "the revocation list's signature does not hold: it was changed after signing",
        "de handtekening van de intrekkingslijst klopt niet: de lijst is na ondertekening gewijzigd")
    case .statusList(.indexOutOfRange(let index)):
      w.say(
        "the statement's place \(index) is not in the revocation list",
        "plaats \(index) van de verklaring staat niet in de intrekkingslijst")
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
