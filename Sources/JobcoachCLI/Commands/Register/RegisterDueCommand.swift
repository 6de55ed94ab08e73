import JobcoachCore
import JobcoachStore

/// `jobcoach register due`: who must re-register or be assessed soon.
struct RegisterDueCommand: Command {
  static let spec = CommandSpec(
    name: "register due",
    summary:
      "coaches whose period ends within a window or who lapsed in grace, and coaches with an assessment due",
    synopsis:
      "[--within DAYS] [--on DATE] [--stages LIST] [--format text|json|csv] [--register ID] [--db PATH]",
    positionals: 0...0,
    options: [
      .value("--within", "DAYS", "the window in days (default 90)"),
      .date,
      .value("--stages", "LIST", "the reminder stages, for example 6m,12w,30d,7d (the default)"),
      .value("--format", "FORMAT", "text, json or csv (default text)"),
      .value("--register", "ID", "the register (default: the only register held)"),
      CSVDialect.option, .database,
    ],
    discussion: """
      Lists registered coaches whose period ends within the window, with the hours
      they still miss, and earlier registrants with an assessment due (R-ASM-1); soonest first.
      Each line names the reminder stage it has reached (6 months, 12 weeks, 30 days, 7 days
      before the deadline by default; see 'jobcoach remind').
      """)

  let arguments: ParsedArguments
  let within: Int
  let format: OutputFormat
  let schedule: ReminderSchedule

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    if let text = arguments.value("--within") {
      guard let days = Int(text), days >= 0 else {
        throw UsageError(
          "--within takes a number of days, not '\(text)'",
          nl: "--within neemt een aantal dagen, niet '\(text)'", command: Self.spec.name)
      }
      within = days
    } else {
      within = 90
    }
    format = try OutputFormat.parse(
      arguments.value("--format"), allowed: OutputFormat.allCases, command: Self.spec.name)
    if let codes = arguments.value("--stages") {
      guard let schedule = ReminderSchedule(codes: codes) else {
        throw UsageError(
          "--stages takes stages such as 6m,12w,30d,7d (months, weeks, days), not '\(codes)'",
          nl: "--stages neemt momenten zoals 6m,12w,30d,7d (maanden, weken, dagen), niet '\(codes)'",
          command: Self.spec.name)
      }
      self.schedule = schedule
    } else {
      schedule = .standard
    }
  }

  static func dutchReason(_ reason: ListDue.Item.Reason) -> String {
    switch reason {
    case .reregistration: "herregistratie"
    case .assessment: "portfoliobeoordeling"
    }
  }

  func stage(_ row: ListDue.Item, on date: CalendarDate) -> String {
    schedule.stage(of: row.due, on: date)?.code ?? ""
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let date = try context.date(arguments, command: Self.spec.name)
    let store = try context.openRegistryFile(arguments, command: Self.spec.name)
    let rows = try ListDue(on: date, within: within, register: arguments.register).run(in: store)
    switch format {
    case .json:
      let items: [JSONValue] = rows.map { row in
        .object([
          "coach": JSONValue(row.coach.rawValue), "name": JSONValue(row.name),
          "registerNumber": JSONValue(row.registerNumber),
          "reason": JSONValue(row.reason.rawValue),
          "due": JSONValue(row.due), "daysLeft": JSONValue(date.days(until: row.due)),
          "stage": stage(row, on: date).isEmpty ? .null : JSONValue(stage(row, on: date)),
          "missingAccreditedHours": row.missingAccredited.map(JSONValue.init) ?? .null,
          "missingHours": row.missingHours.map(JSONValue.init) ?? .null,
        ])
      }
      context.print(
        JSONWriter.string(
          .object(["on": JSONValue(date), "withinDays": JSONValue(within), "due": .array(items)])))
    case .csv:
      var text = CSV.line([
        "coach", "name", "registerNumber", "reason", "due", "daysLeft", "stage",
        "missingAccreditedHours", "missingHours",
      ])
      for row in rows {
        text += CSV.line([
          row.coach.rawValue, row.name, row.registerNumber, row.reason.rawValue,
          row.due.description,
          String(date.days(until: row.due)), stage(row, on: date),
          row.missingAccredited?.decimalText ?? "",
          row.missingHours?.decimalText ?? "",
        ])
      }
      context.print(try CSVDialect.parse(arguments, command: Self.spec.name).write(text))
    case .text:
      let w = try context.words(arguments, command: Self.spec.name, format: .text)
      let dutch = w.language == .nl
      var table =
        dutch
        ? [["UITERLIJK", "DAGEN", "MOMENT", "JOBCOACH", "NAAM", "REGISTER", "REDEN", "ONTBREEKT"]]
        : [["DUE", "DAYS", "STAGE", "COACH", "NAME", "REGISTER", "REASON", "MISSING"]]
      for row in rows {
        let missing =
          row.missingHours.map {
            w.hours($0) + " (" + w.number(row.missingAccredited ?? .zero)
              + w.say(" accredited)", " geaccrediteerd)")
          } ?? ""
        table.append([
          dutch ? w.date(row.due) : row.due.description, String(date.days(until: row.due)),
          stage(row, on: date), row.coach.rawValue, row.name, row.registerNumber,
          dutch ? Self.dutchReason(row.reason) : row.reason.rawValue, missing,
        ])
      }
      context.print(TextTable.render(table))
      context.print(
        w.say(
          "\(rows.count) due within \(within) days of \(date)",
          "\(rows.count) binnen \(w.count(within, "dag", "dagen")) na \(w.date(date))") + "\n")
    }
    return ExitCode.success
  }
}
