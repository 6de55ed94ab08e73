import JobcoachCore
import JobcoachStore

/// `jobcoach import FILE...`: reads documents into the registry, all or nothing.
struct ImportCommand: Command {
  static let spec = CommandSpec(
    name: "import",
    summary: "import registry and register documents (JSON), all or nothing",
    synopsis: "FILE_OR_DIRECTORY... [--dry-run] [--actor NAME] [--db PATH]",
    positionals: 1...Int.max,
    options: [.database, .dryRun, .actor],
    discussion: """
      Each document names its kind ("organisations", "coaches", "placements", "policies",
      "educations", "accreditations", "pe-norms", "portfolios", "memberships") and its
      schemaVersion; the schemas are in Schemas/. A directory means every .json file in it.
      A portfolio or membership replaces the coach's previous one whole, so importing it twice
      never counts hours twice.

      The whole command is one transaction: one problem anywhere (a wrong type, a missing or
      unknown field, a reference to an unknown coach or organisation) and nothing is written.
      Every problem is listed as FILE#/json/pointer: message, exit 65. Importing the same files
      again changes nothing and says so.

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
    try Self.stream(
      paths, only: nil, dryRun: dryRun, arguments: arguments, command: Self.spec.name,
      to: context)
  }

  /// Streams the documents under `paths` into the registry the arguments name. With `only`,
  /// a document of another kind is a problem (its records are not even written).
  static func stream(
    _ paths: [String], only: DocumentKind?, dryRun: Bool, arguments: ParsedArguments,
    command: String, to context: CommandContext
  ) throws -> Int32 {
    let files = try DocumentLoader.expand(paths)
    let audit = try context.audit(command, arguments)
    let store = try RegistryStore.open(at: context.databasePath(arguments))
    let log = ProblemLog()
    let session = try ImportSession(store: store, dryRun: dryRun, audit: audit, log: log)
    let progress = ProgressLine(
      context: context, total: files.reduce(0) { $0 + FileSource.size(of: $1) })
    defer { progress.finish() }
    let pipeline = DocumentPipeline(files: files, progress: progress)
    defer { pipeline.stop() }
    while let events = pipeline.next() {
      defer { pipeline.giveBack(events) }
      for event in events {
        switch event {
        case .problem(let problem):
          log.report(problem)
        case .record(let record, let file, let pointer):
          guard only == nil || record.kind == only else { continue }
          do {
            try session.add(record, file: file, pointer: pointer)
          } catch {
            // The registry failed (not the input): stop at once; the reader is stopped too.
            session.rollback()
            throw error
          }
        case .document(let file, let info):
          if let only, let kind = info.kind, kind != only {
            log.report(
              DocumentProblem(
                file: file, place: .pointer(JSONPointer.root.appending("kind")),
                message: "this is a '\(kind.rawValue)' document; '\(command)' reads only "
                  + "'\(only.rawValue)' (use 'jobcoach import' for the others)"))
          }
          session.finishDocument(file, info)
        case .unopenable(let file):
          session.rollback()
          throw CLIError.inputMissing(path: file, reason: "cannot open the file")
        }
      }
    }
    progress.finishing("all read; checking references and committing")
    let summary: ImportSummary
    do {
      summary = try session.finish()
    } catch {
      if case .importRejected(let problems) = error {
        throw CLIError.badDocuments(problems, dropped: log.dropped)
      }
      throw error
    }
    progress.finish()
    context.print(describe(summary, files: files.count))
    return ExitCode.success
  }

  static func describe(_ summary: ImportSummary, files: Int) -> String {
    func counts(_ counts: ImportSummary.Counts) -> String {
      "\(counts.created) created, \(counts.updated) updated, \(counts.unchanged) unchanged"
    }
    let total = summary.total
    var text: String
    if summary.isDryRun {
      text =
        "dry run, nothing written: \(files) file\(files == 1 ? "" : "s") would give "
        + counts(total) + "\n"
    } else if !summary.changedAnything {
      text =
        "nothing changed: \(total.unchanged) record\(total.unchanged == 1 ? "" : "s") "
        + "already in the registry as given\n"
    } else {
      text = "imported \(files) file\(files == 1 ? "" : "s"): " + counts(total) + "\n"
    }
    for kind in DocumentKind.allCases {
      guard let kindCounts = summary.counts[kind], kindCounts.total > 0 else { continue }
      text += "  \(kind.rawValue): " + counts(kindCounts) + "\n"
    }
    return text
  }
}
