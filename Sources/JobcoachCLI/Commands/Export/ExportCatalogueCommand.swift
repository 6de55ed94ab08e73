import JobcoachCore
import JobcoachStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `jobcoach export catalogue`: what a coach needs to check their own portfolio.
struct ExportCatalogueCommand: Command {
  static let spec = CommandSpec(
    name: "export catalogue",
    summary: "the accreditations, recognised educations and registers, for a coach's own check",
    synopsis: "--output DIR [--force] [--db PATH]", positionals: 0...0,
    options: [
      .value(
        "--output", "DIR",
        "the directory to write accreditations.json, educations.json "
          + "and registers.json (each register with its PE norms) to (made when missing)"),
      .flag("--force", "replace those files when they exist (never through a link)"),
      .database,
    ],
    discussion: """
      The documents the association's registry judges PE claims by. A coach checks their own
      portfolio against them as the registry would:

        jobcoach pe --file portfolio.json --file DIR

      Without them, 'pe --file' takes every accredited claim as given and says so.

      exit codes: 0 written, 64 no --output, 66 registry missing, 73 a file exists (without
      --force), is a link or cannot be written.
      """)

  let arguments: ParsedArguments
  let directory: String

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    guard let directory = arguments.value("--output"), !directory.isEmpty else {
      throw UsageError(
        "missing --output DIR: where to write the catalogue",
        nl: "--output MAP ontbreekt: waar de catalogus komt", command: Self.spec.name)
    }
    self.directory = directory
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let store = try context.openRegistryFile(arguments, command: Self.spec.name)
    let registers = try store.registers()
    let educations = try store.recognisedEducations()
    let accreditations = try store.accreditationCatalogue()
    if FileSystem.kind(of: directory) == nil, mkdir(directory, 0o755) != 0 {
      throw CLIError.cannotWrite(path: directory, reason: String(cString: strerror(errno)))
    }
    guard FileSystem.kind(of: directory) == .directory else {
      throw CLIError.cannotWrite(path: directory, reason: "it is not a directory")
    }
    let base = directory.hasSuffix("/") ? directory : directory + "/"
    for (file, document) in CatalogueDocuments.documents(
      registers: registers, educations: educations, accreditations: accreditations)
    {
      try FileSystem.writePrivately(
        JSONWriter.string(document), to: base + file, replacing: arguments.flag("--force"))
    }
    let w = try context.words(arguments, command: Self.spec.name, format: .text)
    let ids = registers.map(\.id.rawValue).joined(separator: ", ")
    context.print(
      w.say(
        "wrote the catalogue to '\(directory)': \(accreditations?.count ?? 0) accreditations, "
          + "\(educations.count) recognised educations, "
          + "\(w.count(registers.count, "register", "registers")) (\(ids))",
        "catalogus geschreven naar '\(directory)': \(accreditations?.count ?? 0) accreditaties, "
          + "\(educations.count) erkende opleidingen, "
          + "\(w.count(registers.count, "register", "registers")) (\(ids))") + "\n")
    return ExitCode.success
  }
}
