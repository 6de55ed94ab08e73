import JobcoachCore
import JobcoachStore

/// `jobcoach remind`: what reaches a reminder stage on a date.
struct RemindCommand: Command {
  static let spec = CommandSpec(
    name: "remind",
    summary: "deadlines that reach a reminder stage on a date; ics for a calendar to subscribe to",
    synopsis:
      "[--on DATE] [--format text|json|ics] [--policy ID | --municipality ID | --stages LIST] "
      + "[--lang nl|en] [--db PATH | --file FILE...]",
    positionals: 0...0,
    options: [
      .date, .value("--format", "FORMAT", "text, json or ics (default text)"),
      .value("--policy", "ID", "take the reminder stages from this policy (in force on the date)"),
      .municipality,
      .value("--stages", "LIST", "the reminder stages, for example 6m,12w,30d,7d (the default)"),
      Language.option, .database, .documents,
    ],
    discussion: """
      Deadlines: the end of a registered coach's five-year cycle (re-registration), the end of
      an organisation's UWV recognition, a qualification's expiry, and the deadline of an
      insufficient assessment. text and json list those that reach a stage exactly on the
      date, so a daily run sends each reminder once. ics lists every deadline within the first
      stage (6 months by default) as an all-day event with an alarm at each stage still
      ahead; UIDs are stable, so a calendar that subscribes updates its events.

      The stages: --stages, else those of the policy that applies (--policy, else the policy
      of --municipality, else of the registry's default municipality, else G4's 6m,12w,30d,7d).

      example: jobcoach remind --on 2026-11-23 --format ics --file Samples > deadlines.ics
      """)

  let arguments: ParsedArguments
  let format: String

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    let format = arguments.value("--format") ?? "text"
    guard ["text", "json", "ics"].contains(format) else {
      throw UsageError(
        "unknown format '\(format)'; choose text, json or ics",
        nl: "onbekend formaat '\(format)'; kies text, json of ics", command: Self.spec.name)
    }
    self.format = format
    if arguments.value("--stages") != nil,
      arguments.value("--policy") != nil || arguments.value("--municipality") != nil
    {
      throw UsageError(
        "use either --stages or a policy (--policy, --municipality), not both",
        nl: "gebruik --stages of een beleid (--policy, --municipality), niet allebei",
        command: Self.spec.name)
    }
    if let codes = arguments.value("--stages"), ReminderSchedule(codes: codes) == nil {
      throw UsageError(
        "--stages takes stages such as 6m,12w,30d,7d (months, weeks, days), not '\(codes)'",
        nl: "--stages neemt momenten zoals 6m,12w,30d,7d (maanden, weken, dagen), niet '\(codes)'",
        command: Self.spec.name)
    }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let date = try context.date(arguments, command: Self.spec.name)
    let stages: ListReminders.Stages =
      if let codes = arguments.value("--stages") {
        .given(ReminderSchedule(codes: codes)!)
      } else {
        .policy(
          named: arguments.value("--policy").map(PolicyID.init(rawValue:)),
          municipality: arguments.value("--municipality").map(OrganisationID.init(rawValue:)))
      }
    let words = try context.words(
      arguments, command: Self.spec.name, format: format == "json" ? .json : .text)
    let answer = try ListReminders(on: date, stages: stages)
      .run(in: try context.openRegistry(arguments))
    let schedule = answer.schedule
    switch format {
    case "ics":
      context.print(
        ICalendar.document(answer.withinFirstStage, schedule: schedule, stamp: date, words))
    case "json":
      context.print(
        JSONWriter.string(
          .object([
            "on": JSONValue(date),
            "policy": answer.policy.map(PolicyRendering.json) ?? .null,
            "stages": .array(schedule.stages.map { JSONValue($0.code) }),
            "reminders": .array(answer.due.map { Self.json($0, on: date, words) }),
          ])))
    default:
      let reminders = answer.due
      let dutch = words.language == .nl
      var rows =
        dutch
        ? [["UITERLIJK", "MOMENT", "SOORT", "ONDERWERP", "NAAM", "WAT"]]
        : [["DUE", "STAGE", "KIND", "SUBJECT", "NAME", "WHAT"]]
      for reminder in reminders {
        let deadline = reminder.deadline
        rows.append([
          dutch ? words.date(deadline.date) : deadline.date.description,
          words.stage(reminder.stage),
          dutch ? Dutch().deadlineKind(deadline.kind) : deadline.kind.rawValue,
          CheckCommand.heading(deadline.subject, words.language), deadline.name,
          words.deadline(deadline.detail),
        ])
      }
      context.print(TextTable.render(rows))
      let stages = schedule.stages.map(words.stage).joined(separator: ", ")
      context.print(
        dutch
          ? "\(words.count(reminders.count, "herinnering", "herinneringen")) op "
            + "\(words.date(date)) (momenten \(stages)"
            + (answer.policy.map { ", van " + PolicyRendering.text($0, on: date, words) } ?? "") + ")\n"
          : "\(words.count(reminders.count, "reminder", "reminders")) on \(date) (stages \(stages)"
            + (answer.policy.map { ", of " + PolicyRendering.text($0, on: date) } ?? "") + ")\n")
    }
    return ExitCode.success
  }

  static func json(_ reminder: Reminder, on date: CalendarDate, _ words: any Wording)
    -> JSONValue
  {
    let deadline = reminder.deadline
    return .object([
      "uid": JSONValue(deadline.uid), "kind": JSONValue(deadline.kind.rawValue),
      "subject": .object([
        "kind": JSONValue(deadline.subject.kind.rawValue), "id": JSONValue(deadline.subject.id),
      ]),
      "name": JSONValue(deadline.name), "due": JSONValue(deadline.date),
      "daysLeft": JSONValue(date.days(until: deadline.date)),
      "stage": JSONValue(reminder.stage.code), "detail": JSONValue(words.deadline(deadline.detail)),
    ])
  }
}
