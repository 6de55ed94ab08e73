import JobcoachCore
import JobcoachStore

/// What every `register` command needs: the registry, the coach, and their membership.
struct RegisterContext {
  let store: RegistryStore
  let coach: Coach
  let membership: Membership?
  let date: CalendarDate
  let audit: AuditContext

  init(_ arguments: ParsedArguments, command: String, context: CommandContext) throws {
    date = try context.date(arguments, command: command)
    audit = try context.audit(command, arguments)
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
    var entries = [statusEntry(change, from: membership.status(on: change.date))]
    if let assessment {
      updated.assessments.append(assessment)
      entries.append(
        AuditEntry(
          subjectKind: "membership", subjectID: coach.id.rawValue, field: "assessment",
          newValue: assessment.result.rawValue,
          reason: "\(RuleID.assessment): "
            + (assessment.improvementPoints ?? assessment.result.rawValue)))
    }
    return try store.save(updated, audit: audit, entries: entries)
  }

  /// The audit entry of a status change.
  func statusEntry(_ change: StatusChange, from old: MembershipStatus?) -> AuditEntry {
    AuditEntry(
      subjectKind: "membership", subjectID: coach.id.rawValue, field: "status",
      oldValue: old?.rawValue, newValue: change.status.rawValue,
      reason: "\(change.rule): \(change.decision)")
  }

  var who: String { "\(coach.name) (\(coach.id))" }
}
