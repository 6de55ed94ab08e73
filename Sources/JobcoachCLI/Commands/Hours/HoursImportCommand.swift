import JobcoachCore
import JobcoachStore

/// `jobcoach hours import FILE...`: a coach's hour bookings into the registry, all or nothing.
struct HoursImportCommand: Command {
  static let spec = CommandSpec(
    name: "hours import",
    summary: "import hour bookings (JSON or CSV) and funder decisions (JSON), all or nothing",
    synopsis: "FILE_OR_DIRECTORY... [--kind hour-bookings] [--dry-run] [--actor NAME] [--db PATH]",
    positionals: 1...Int.max,
    options: [.database, .dryRun, .actor, .wait, .tableKind],
    discussion: """
      Reads "hour-bookings" documents (Schemas/hour-bookings.schema.json): per booking its id,
      placement, coach, date, hours (exact to the minute), activity, the plan goals it served,
      whether it was a visit or a call and with whom, and the report a reporting booking was
      written for. Also "funder-decisions" documents (Schemas/funder-decisions.schema.json):
      the funder's decisions on held hours (F-7). Bookings also as a CSV table (a coach's
      Excel sheet): plaatsing/placement, jobcoach/coach, datum/date, uren/hours (2,5 or 1:30),
      activiteit, doelen, contact met, bezoek of telefonisch, omschrijving
      (Schemas/hour-bookings.csv-metadata.json). Records are kept by id: importing a file
      again changes nothing, a corrected record replaces the old one.

      One problem anywhere (a placement or coach the registry does not know, a duplicate id,
      a document of another kind) and nothing is written; every problem is listed as
      FILE#/json/pointer: message, exit 65.

      example: jobcoach hours import Samples/hour-bookings.json
      """)

  let paths: [String]
  let dryRun: Bool
  let arguments: ParsedArguments

  init(_ arguments: ParsedArguments) {
    self.arguments = arguments
    self.paths = arguments.positionals
    self.dryRun = arguments.flag("--dry-run")
  }

  func run(_ context: CommandContext) throws -> Int32 {
    try DocumentImport.stream(
      paths, only: [.hourBookings, .funderDecisions], dryRun: dryRun, arguments: arguments,
      command: Self.spec.name, to: context)
  }
}
