import JobcoachCore
import JobcoachStore

/// `jobcoach list`: the coaches in the registry and what they are on a date.
struct ListCommand: Command {
  static let spec = CommandSpec(
    name: "list", summary: "list coaches with their kind and organisation on a date",
    synopsis:
      "[--kind municipal|internal|external] [--on DATE] [--format text|json|csv] [--db PATH]",
    positionals: 0...0,
    options: [
      .value("--kind", "KIND", "only coaches employed as this kind on the date"),
      .date,
      .value("--format", "FORMAT", "text, json or csv (default text)"),
      CSVDialect.option, .database,
      .documents,
    ],
    discussion: """
      A coach with several employments on the date is listed once per employment; a coach with
      none shows kind '-' (and is left out when --kind is given).

      example: jobcoach list --kind external --format csv
      """)

  let kind: CoachKind?
  let format: OutputFormat
  let arguments: ParsedArguments

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    if let text = arguments.value("--kind") {
      guard let kind = CoachKind(rawValue: text) else {
        throw UsageError(
          "unknown coach kind '\(text)'; choose municipal, internal or external",
          nl: "onbekende soort jobcoach '\(text)'; kies municipal, internal of external",
          command: Self.spec.name)
      }
      self.kind = kind
    } else {
      kind = nil
    }
    format = try OutputFormat.parse(
      arguments.value("--format"), allowed: OutputFormat.allCases, command: Self.spec.name)
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let date = try context.date(arguments, command: Self.spec.name)
    let rows = try ListCoaches(kind: kind, on: date).run(in: try context.openRegistry(arguments, tableKinds: false))
    switch format {
    case .json:
      let items: [JSONValue] = rows.map { row in
        .object([
          "id": JSONValue(row.coach.id.rawValue),
          "name": JSONValue(row.coach.name),
          "kind": JSONValue(row.employment?.kind.rawValue),
          "organisation": JSONValue(row.employment?.organisation.rawValue),
          "organisationName": JSONValue(row.organisationName),
        ])
      }
      context.print(
        JSONWriter.string(.object(["on": JSONValue(date), "coaches": .array(items)])))
    case .csv:
      var text = CSV.line(["id", "name", "kind", "organisation", "organisationName"])
      for row in rows {
        text += CSV.line([
          row.coach.id.rawValue, row.coach.name, row.employment?.kind.rawValue ?? "",
          row.employment?.organisation.rawValue ?? "", row.organisationName ?? "",
        ])
      }
      context.print(try CSVDialect.parse(arguments, command: Self.spec.name).write(text))
    case .text:
      let w = try context.words(arguments, command: Self.spec.name, format: .text)
      var table =
        w.language == .nl
        ? [["ID", "NAAM", "SOORT", "ORGANISATIE"]] : [["ID", "NAME", "KIND", "ORGANISATION"]]
      for row in rows {
        table.append([
          row.coach.id.rawValue, row.coach.name,
          row.employment.map { w.language == .nl ? Words.kind($0.kind, .nl) : $0.kind.rawValue }
            ?? "-",
          row.organisationName.map { "\($0) (\(row.employment!.organisation))" }
            ?? row.employment?.organisation.rawValue ?? "-",
        ])
      }
      context.print(TextTable.render(table))
      context.print(
        w.say(
          "\(w.count(rows.count, "row", "rows")) on \(date)",
          "\(w.count(rows.count, "regel", "regels")) op \(w.date(date))") + "\n")
    }
    return ExitCode.success
  }
}
