import JobcoachCore
import JobcoachStore

/// What every `register` command needs: the registry, the coach, and their membership.
struct RegisterContext {
  let store: RegistryStore
  let coach: Coach
  let membership: Membership?
  let date: CalendarDate

  static let registryOption = OptionSpec.database
  static let dateOption = OptionSpec.date

  init(_ arguments: ParsedArguments, command: String, context: CommandContext) throws {
    date = try context.date(arguments, command: command)
    store = try RegistryStore.open(at: context.databasePath(arguments))
    let id = CoachID(rawValue: arguments.positionals[0])
    guard let coach = try store.coach(id) else {
      throw CLIError.badInput("no coach with id '\(id)' in the registry")
    }
    self.coach = coach
    membership = try store.membership(of: id)
  }

  /// The membership, or an error saying the coach is not in the register.
  func requireMembership() throws -> Membership {
    guard let membership else {
      throw CLIError.badInput("coach '\(coach.id)' is not in the register")
    }
    return membership
  }

  /// Appends a status change (and maybe an assessment) and saves, all in one transaction.
  func record(_ change: StatusChange, assessment: Assessment? = nil, on membership: Membership)
    throws -> Membership
  {
    var updated = membership
    updated.statusChanges.append(change)
    if let assessment { updated.assessments.append(assessment) }
    return try store.save(updated)
  }

  var who: String { "\(coach.name) (\(coach.id))" }
}
