import JobcoachCore
import JobcoachStore

/// `jobcoach settings`: the registry's own settings, shown or changed.
struct SettingsCommand: Command {
  static let spec = CommandSpec(
    name: "settings", summary: "show or change the registry's settings (default municipality)",
    synopsis: "[--municipality ID | --no-municipality] [--actor NAME] [--db PATH]",
    positionals: 0...0,
    options: [
      .value(
        "--municipality", "ID",
        "the municipality whose policy applies when a command names no policy, placement or "
          + "municipality"),
      .flag("--no-municipality", "clear the default municipality: the G4 default applies"),
      .database, .actor, .wait,
    ],
    discussion: """
      Without options, shows the settings. A change is recorded in the audit trail.

      Which policy a command applies: --policy, else the policy of the placement's
      municipality, else the policy of --municipality, else the policy of this default
      municipality, else the built-in G4 default. The municipality need not be imported yet.

      example: jobcoach settings --municipality ORG-ZAANSTAD
      """)

  let arguments: ParsedArguments
  /// nil: show; .some(nil): clear; .some(id): set.
  let change: OrganisationID??

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    change = try Self.municipalityChange(arguments, command: Self.spec.name)
  }

  /// The change `--municipality ID` or `--no-municipality` asks for, if any.
  static func municipalityChange(_ arguments: ParsedArguments, command: String)
    throws(UsageError) -> OrganisationID??
  {
    let value = arguments.value("--municipality")
    if arguments.flag("--no-municipality") {
      guard value == nil else {
        throw UsageError(
          "use either --municipality or --no-municipality",
          nl: "gebruik --municipality of --no-municipality, niet allebei", command: command)
      }
      return .some(nil)
    }
    guard let value else { return nil }
    guard OrganisationID.isWellFormed(value) else {
      throw UsageError(
        "'\(value)' is not an organisation id (letters, digits, '.', '_' and '-', up to 64)",
        nl: "'\(value)' is geen organisatie-id (letters, cijfers, '.', '_' en '-', ten hoogste 64)",
        command: command)
    }
    return .some(OrganisationID(rawValue: value))
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let store = try context.openRegistryFile(arguments, command: Self.spec.name)
    if case .some(let municipality) = change {
      try store.setDefaultMunicipality(
        municipality, audit: try context.audit(Self.spec.name, arguments))
    }
    context.print(
      Self.describe(
        try store.defaultMunicipality(),
        try context.words(arguments, command: Self.spec.name, format: .text)))
    return ExitCode.success
  }

  static func describe(_ municipality: OrganisationID?, _ w: any Wording = English()) -> String {
    w.say("default municipality: ", "standaardgemeente: ")
      + (municipality.map(\.rawValue)
        ?? w.say("none (the G4 default applies)", "geen (de standaard van de G4 geldt)")) + "\n"
  }
}
