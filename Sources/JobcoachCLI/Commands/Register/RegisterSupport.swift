import JobcoachCore
import JobcoachStore

/// What every `register` command reads from its arguments: the coach, the date, who decides,
/// and the registry it writes to.
struct RegisterArguments {
  let coach: CoachID
  let date: CalendarDate
  let audit: AuditContext
  let store: RegistryStore
  /// The register named with `--register`; nil: the coach's only membership (R-REG-1).
  let registerID: RegisterID?

  init(_ arguments: ParsedArguments, command: String, context: CommandContext) throws {
    coach = CoachID(rawValue: arguments.positionals[0])
    date = try context.date(arguments, command: command)
    audit = try context.audit(command, arguments)
    store = try context.openRegistryFile(arguments, command: command)
    registerID = arguments.register
  }
}

extension Coach {
  /// `Anouk de Vries (JC-0001)`.
  var nameAndID: String { "\(name) (\(id))" }
}
