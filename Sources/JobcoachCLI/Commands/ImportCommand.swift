import JobcoachCore
import JobcoachStore

/// `jobcoach import FILE...`: reads documents into the registry, all or nothing.
struct ImportCommand: Command {
  static let spec = CommandSpec(
    name: "import",
    summary: "import registry and register documents (JSON) and spreadsheets (CSV), all or nothing",
    synopsis:
      "FILE_OR_DIRECTORY... [--kind KIND] [--dry-run] [--allow-unsigned] [--actor NAME] [--db PATH]",
    positionals: 1...Int.max,
    options: [
      .database, .dryRun, .actor, .wait, .tableKind,
      .flag(
        "--allow-unsigned",
        "import a public register that carries no signature (said in the output and the audit trail)"),
    ],
    discussion: """
      Each document names its kind and its schemaVersion; the schemas are in Schemas/. The
      kinds: \(DocumentKind.allCases.map { "\"\($0.rawValue)\"" }.wrapped(width: 90, indent: 7)).
      A directory means every .json and .csv file in it, the CSV tables after the documents.
      A CSV table (.csv) holds \(TableKind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
      rows, its kind read from its header (Dutch or English column names, see
      Schemas/*.csv-metadata.json) or named with --kind; comma or semicolon, decimal comma after
      a semicolon, dates YYYY-MM-DD or dd-mm-jjjj. Its problems are FILE:LINE:COLUMN (header).
      A portfolio or membership replaces the coach's previous one whole, so importing it twice
      never counts hours twice.

      The whole command is one transaction: one problem anywhere (a wrong type, a missing or
      unknown field, a reference to an unknown coach or organisation) and nothing is written.
      Every problem is listed as FILE#/json/pointer: message, exit 65. Importing the same files
      again changes nothing and says so.

      A public register is imported only when it is signed ('export public --signed') by an
      issuer this registry trusts ('jobcoach trust add'): an unsigned, altered or unknown
      issuer's register is refused (exit 65, with the reason). --allow-unsigned takes an
      unsigned one, for a municipality whose association has no key yet; the output and the
      audit trail say so. An altered or untrusted register is refused even then.

      example: jobcoach import Samples/
      """)

  let paths: [String]
  let dryRun: Bool
  let arguments: ParsedArguments

  init(_ arguments: ParsedArguments) {
    self.arguments = arguments
    self.paths = arguments.positionals
    self.dryRun = arguments.flag("--dry-run")
  }

  /// Streams every document into the registry: records are checked and written as they are
  /// read, in one transaction, so memory stays flat whatever the size of the files.
  func run(_ context: CommandContext) throws -> Int32 {
    try DocumentImport.stream(
      paths, only: nil, dryRun: dryRun, arguments: arguments, command: Self.spec.name,
      to: context)
  }
}
