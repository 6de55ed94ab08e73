import JobcoachCore
import JobcoachStore

/// `jobcoach keys generate`: a new Ed25519 signing key in a file only its owner can read.
struct KeysGenerateCommand: Command {
  static let spec = CommandSpec(
    name: "keys generate", summary: "create an Ed25519 key for signing statements (mode 0600)",
    synopsis: "--out FILE [--lang nl|en]", positionals: 0...0,
    options: [
      .value("--out", "FILE", "the new key file (PKCS #8 PEM, mode 0600; never replaced)"),
      Language.option,
    ],
    discussion: """
      Writes a new private key and prints its public identifier as a did:key, the name a
      municipality trusts ('statement verify --trust did:key:...'). The file is created with
      mode 0600 and refused if it exists; keep it out of the registry and out of version
      control. The key is the system's libcrypto's Ed25519 (RFC 8032).

      exit codes: 0 written, 64 usage, 70 no random bytes, 73 the file exists or cannot be
      written.

      example: jobcoach keys generate --out ~/.jobcoach/issuer.pem
      """)

  let arguments: ParsedArguments
  let output: String

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    guard let output = arguments.value("--out") else {
      throw UsageError("missing --out FILE", nl: "--out BESTAND ontbreekt", command: Self.spec.name)
    }
    self.output = output
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let w = try context.words(arguments, command: Self.spec.name, format: .text)
    // A failure of libcrypto's random source is an internal failure (exit 70).
    let key = try SigningKey.generate()
    // Created exclusively: an existing file (or link) is refused, never replaced.
    try FileSystem.writePrivately(key.pem, to: output, replacing: false, canReplace: false)
    context.print(
      w.say(
        "wrote a new signing key to '\(output)' (mode 0600); its public identifier:\n",
        "nieuwe ondertekeningssleutel in '\(output)' (modus 0600); de publieke naam:\n")
        + key.publicKey.did + "\n")
    return ExitCode.success
  }
}

/// Reading and making signing keys, with the CLI's errors.
enum StatementKeys {
  /// The signing key in `path` (what `keys generate` wrote).
  static func read(_ path: String) throws -> SigningKey {
    let bytes = try FileSystem.input(path)
    do { return try SigningKey(pem: String(decoding: bytes, as: UTF8.self)) } catch {
      throw CLIError.badInput(
        "'\(path)' is not an Ed25519 private key (PKCS #8 PEM, as 'jobcoach keys generate' writes)",
        nl: "'\(path)' is geen Ed25519-sleutel (PKCS #8 PEM, zoals 'jobcoach keys generate' die schrijft)")
    }
  }

  /// The keys `--trust` names.
  static func trusted(_ arguments: ParsedArguments, command: String) throws(UsageError)
    -> [PublicKey]
  {
    try arguments.allValues("--trust").map { (did) throws(UsageError) in
      try publicKey(did, command: command)
    }
  }

  /// The public key a did:key names, or a usage error.
  static func publicKey(_ did: String, command: String) throws(UsageError) -> PublicKey {
    do { return try PublicKey(did: did) } catch {
      throw UsageError(
        "'\(did)' is not an Ed25519 did:key (did:key:z6Mk...)",
        nl: "'\(did)' is geen Ed25519-did:key (did:key:z6Mk...)", command: command)
    }
  }

  /// The key to sign with: `--key FILE`, else the registry's key in use ('keys use').
  static func signing(_ arguments: ParsedArguments, store: RegistryStore?) throws -> SigningKey {
    if let path = arguments.value("--key") { return try read(path) }
    guard let held = try store?.issuingKey() else {
      throw CLIError.badInput(
        "no signing key: give --key FILE, or set the registry's with 'jobcoach keys use FILE'",
        nl: "geen ondertekeningssleutel: geef --key BESTAND, of stel die van het register in met 'jobcoach keys use BESTAND'")
    }
    let key = try read(held.keyFile)
    guard key.publicKey.did == held.did else {
      throw CLIError.badInput(
        "the key file '\(held.keyFile)' no longer holds the key the registry signs with (\(held.did)); run 'jobcoach keys use FILE' again",
        nl: "het sleutelbestand '\(held.keyFile)' bevat niet meer de sleutel waarmee het register ondertekent (\(held.did)); voer 'jobcoach keys use BESTAND' opnieuw uit")
    }
    return key
  }
}
