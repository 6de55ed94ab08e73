import JobcoachCore
import JobcoachStore

/// `jobcoach init`: creates the registry file, or brings an existing one up to date.
struct InitCommand: Command {
  static let spec = CommandSpec(
    name: "init", summary: "create the registry file (mode 0600), or upgrade its schema",
    synopsis: "[--municipality ID] [--actor NAME] [--db PATH]", positionals: 0...0,
    options: [
      .database, .actor, .wait,
      .value(
        "--municipality", "ID",
        "the municipality whose policy applies when a command names none (see 'settings')"),
    ],
    discussion: """
      Safe to run again: an existing registry is left as it is, or upgraded when this jobcoach
      knows a newer schema. A file that is not a registry is refused (exit 70) and not changed.

      example: jobcoach init --db registry.sqlite
      """)

  let arguments: ParsedArguments
  let municipality: OrganisationID?

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    municipality = try SettingsCommand.municipalityChange(arguments, command: Self.spec.name)
      ?? nil
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let path = context.databasePath(arguments)
    let words = try context.words(arguments, command: Self.spec.name, format: .text)
    let audit = try context.audit(Self.spec.name, arguments)
    let (store, created) = try RegistryStore.create(
      at: path, waiting: context.waitPolicy(arguments, command: Self.spec.name))
    let version = try store.schemaVersion()
    if created {
      try store.record(
        [
          AuditEntry(
            subjectKind: "registry", subjectID: "registry", field: "schemaVersion",
            newValue: String(version), reason: "registry created")
        ], context: audit)
      context.print(
        words.say("created registry '\(path)'", "register '\(path)' aangemaakt")
          + words.say(" (schema version \(version))", " (schemaversie \(version))") + "\n")
    } else {
      context.print(
        words.say("registry '\(path)' is ready", "register '\(path)' is klaar")
          + words.say(" (schema version \(version))", " (schemaversie \(version))") + "\n")
      // A registry holds personal data: readable by its owner only, whoever made it.
      for (file, mode) in FileSystem.restrictToOwner([path, path + "-wal", path + "-shm"]) {
        context.print(
          words.say(
            "'\(file)' was open to others (mode \(String(mode, radix: 8))); it is now 0600",
            "'\(file)' was leesbaar voor anderen (modus \(String(mode, radix: 8))); nu 0600")
            + "\n")
      }
    }
    if let municipality {
      try store.setDefaultMunicipality(municipality, audit: audit)
      context.print(SettingsCommand.describe(municipality, words))
    }
    return ExitCode.success
  }
}
