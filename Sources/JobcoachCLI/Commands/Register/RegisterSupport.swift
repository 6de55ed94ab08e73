import JobcoachCore
import JobcoachStore

/// What every `register` command reads from its arguments: the coach, the date, who decides,
/// and the registry it writes to.
struct RegisterArguments {
  let coach: CoachID
  let date: CalendarDate
  let audit: AuditContext
  let store: RegistryStore

  init(_ arguments: ParsedArguments, command: String, context: CommandContext) throws {
    coach = CoachID(rawValue: arguments.positionals[0])
    date = try context.date(arguments, command: command)
    audit = try context.audit(command, arguments)
    store = try context.openRegistryFile(arguments, command: command)
  }
}

extension Coach {
  /// `Anouk de Vries (JC-0001)`.
  var nameAndID: String { "\(name) (\(id))" }
}
