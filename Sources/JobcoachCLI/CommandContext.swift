import JobcoachCore
import JobcoachStore

/// What a command may use from the world: its environment variables, its output, today's date.
/// Tests give their own.
public struct CommandContext {
  public var environment: [String: String]
  public var output: any OutputSink
  /// Today in Europe/Amsterdam; only the CLI reads the clock.
  public var today: @Sendable () -> CalendarDate
  /// Now as an ISO 8601 UTC timestamp, for the audit trail only (rules never see a clock time).
  public var now: @Sendable () -> String
  /// A registry the front end holds open (a web server's connection for the thread serving
  /// the request): used in place of the file `--db` names.
  public var registry: RegistryStore?
  /// Becomes another program (`jobcoach serve` becomes the server); returns only when that
  /// fails, with the error number. Tests give their own.
  public var replaceProcess: @Sendable (_ path: String, _ arguments: [String]) -> Int32 =
    CommandContext.execute

  public init(
    environment: [String: String] = ProcessEnvironment.current(),
    output: any OutputSink = FileDescriptorOutput(),
    today: @escaping @Sendable () -> CalendarDate = CommandContext.todayInAmsterdam,
    now: @escaping @Sendable () -> String = CommandContext.utcTimestamp
  ) {
    self.environment = environment
    self.output = output
    self.today = today
    self.now = now
  }

  @Sendable public static func utcTimestamp() -> String {
    Clock.utcTimestamp(atUnixSeconds: Clock.unixSeconds())
  }

  /// Who, which command and when, for the audit trail: `--actor`, else the system user.
  func audit(_ command: String, _ arguments: ParsedArguments) throws(UsageError) -> AuditContext {
    // Who, and where that came from, for a message that names the place, not the value.
    let (actor, source): (String, String) =
      if let named = arguments.value("--actor") { (named, "--actor") }
      else if let user = environment["USER"] { (user, "$USER") }
      else if let user = environment["LOGNAME"] { (user, "$LOGNAME") }
      else { ("unknown", "the actor") }
    guard !CitizenServiceNumber.occurs(in: actor) else {
      throw UsageError(
        "\(source) \(English.citizenServiceNumber); give --actor NAME",
        nl: "\(source) \(Dutch.citizenServiceNumber); geef --actor NAAM", command: command)
    }
    guard (1...100).contains(actor.count), !actor.contains(where: { $0.isNewline }),
      !actor.allSatisfy(\.isWhitespace)
    else {
      throw UsageError(
        "--actor takes a name of 1 to 100 characters on one line",
        nl: "--actor neemt een naam van 1 tot 100 tekens op één regel", command: command)
    }
    return AuditContext(command: command, actor: actor, timestamp: now(), day: today())
  }

  /// The words for a command's output: `--lang`, else `$JOBCOACH_LANG`, else (for text) the
  /// locale, else English.
  func words(_ arguments: ParsedArguments, command: String, format: OutputFormat) throws(UsageError)
    -> any Wording
  {
    try Language.choose(
      arguments, environment: environment, command: command, forJSON: format == .json
    ).words
  }

  public func print(_ text: String) { output.write(text, to: .standardOutput) }
  public func printError(_ text: String) { output.write(text, to: .standardError) }

  /// The registry path: `--db`, else `JOBCOACH_DB`, else `./jobcoach.sqlite`.
  func databasePath(_ arguments: ParsedArguments) -> String {
    arguments.value("--db") ?? environment["JOBCOACH_DB"].flatMap { $0.isEmpty ? nil : $0 }
      ?? "jobcoach.sqlite"
  }

  /// The date of `--on`, else today.
  func date(_ arguments: ParsedArguments, command: String) throws -> CalendarDate {
    try date(arguments, option: "--on", command: command) ?? today()
  }

  /// The date an option gives, nil without the option: a day that exists (else a usage
  /// error) and one the product accepts (else exit 65).
  func date(_ arguments: ParsedArguments, option: String, command: String) throws
    -> CalendarDate?
  {
    guard let text = arguments.value(option) else { return nil }
    guard let date = CalendarDate(iso: text) else {
      throw UsageError(
        "'\(text)' is not a date; write \(option) YYYY-MM-DD (a day that exists)",
        nl: "'\(text)' is geen datum; schrijf \(option) JJJJ-MM-DD (een dag die bestaat)",
        command: command)
    }
    try Self.accept(date, option: option)
    return date
  }

  @Sendable public static func todayInAmsterdam() -> CalendarDate {
    Clock.amsterdamDate(atUnixSeconds: Clock.unixSeconds())
  }

  /// Refuses a date beyond the last the product accepts (exit 65), as documents' dates are.
  static func accept(_ date: CalendarDate, option: String) throws(CLIError) {
    guard date.isAccepted else {
      throw .badInput(
        "\(option) \(date) \(English.beyondLatest)", nl: "\(option) \(date) \(Dutch.beyondLatest)")
    }
  }

  /// Opens the registry file the command names (`--db`), waiting for another writer as
  /// `--wait` says.
  func openRegistryFile(_ arguments: ParsedArguments, command: String) throws -> RegistryStore {
    if let registry { return registry }
    return try RegistryStore.open(
      at: databasePath(arguments), waiting: waitPolicy(arguments, command: command))
  }

  /// How long to wait for another program writing the registry: `--wait SECONDS`, else an
  /// hour. On a terminal, a wait longer than a second says so on standard error.
  func waitPolicy(_ arguments: ParsedArguments, command: String) throws(UsageError)
    -> WaitPolicy
  {
    var policy = WaitPolicy.default
    if let text = arguments.value("--wait") {
      guard let seconds = Int(text), seconds >= 0, seconds <= 31_536_000 else {
        throw UsageError(
          "--wait takes a whole number of seconds (0 to not wait at all)",
          nl: "--wait neemt een geheel aantal seconden (0 om niet te wachten)", command: command)
      }
      policy.limitSeconds = seconds
    }
    if output.isTerminal(.standardError) {
      let output = SendableOutput(sink: output)
      policy.onWaiting = {
        output.sink.write(
          "waiting: another program is writing to the registry; jobcoach goes on when it is "
            + "done (Ctrl-C stops)\n", to: .standardError)
      }
    }
    return policy
  }

  /// Opens the registry the command names, or with `--file` builds one in memory from documents.
  /// `tableKinds` false for a command whose `--kind` means something else (`list`).
  func openRegistry(
    _ arguments: ParsedArguments, command: String = "", tableKinds: Bool = true
  ) throws -> RegistryStore {
    let files = arguments.allValues("--file")
    if files.isEmpty {
      return try openRegistryFile(arguments, command: command)
    }
    let store = try RegistryStore.inMemory()
    let batch = try DocumentLoader.load(
      files, tableKind: tableKinds ? try DocumentLoader.tableKind(arguments) : nil)
    _ = try store.apply(batch)
    return store
  }
}

/// The command's output, handed to SQLite's busy handler: it runs on the command's own thread.
private struct SendableOutput: @unchecked Sendable {
  let sink: any OutputSink
}

/// Reads documents from files and directories into one import batch.
enum DocumentLoader {
  /// The `.json` files a list of paths names: files as given, directories searched recursively,
  /// in path order. Missing paths are an error (exit 66).
  static func expand(_ paths: [String]) throws(CLIError) -> [String] {
    var files: [String] = []
    for path in paths {
      switch FileSystem.kind(of: path) {
      case nil:
        throw .inputMissing(path: path, reason: .noSuchFile)
      case .directory?:
        guard let found = FileSystem.files(under: path) else {
          throw .inputMissing(path: path, reason: .cannotList)
        }
        let base = path.hasSuffix("/") ? path : path + "/"
        let documents = found.filter { $0.hasSuffix(".json") || isTable($0) }.sorted()
        if documents.contains(where: CitizenServiceNumber.occurs(in:)) {
          throw .badInput(
            "a file in '\(path)' has a name that \(English.citizenServiceNumber); rename it",
            nl: "een bestand in '\(path)' heeft een naam die \(Dutch.citizenServiceNumber); "
              + "geef het een andere naam")
        }
        for document in documents where FileSystem.kind(of: base + document) != .file {
          throw .inputMissing(
            path: base + document, reason: .notRegularFile)
        }
        files += documents.map { base + $0 }
      case .file?:
        files.append(path)
      case .other?:
        throw .inputMissing(path: path, reason: .notRegularFile)
      }
    }
    // Tables after documents: their rows add to the portfolios, placements and memberships
    // the documents hold (a portfolio document replaces only its own rows).
    return files.filter { !isTable($0) } + files.filter(isTable)
  }

  /// Whether a file is read as a CSV table (by its name: `.csv`), not a JSON document.
  static func isTable(_ file: String) -> Bool { file.lowercased().hasSuffix(".csv") }

  /// The kind `--kind` names for the CSV files, if any; a usage error when it names none.
  static func tableKind(_ arguments: ParsedArguments) throws -> TableKind? {
    guard let text = arguments.value("--kind") else { return nil }
    guard let kind = TableKind(rawValue: text) else {
      let kinds = TableKind.allCases.map(\.rawValue).joined(separator: ", ")
      throw UsageError(
        "--kind must be one of \(kinds), not '\(text.escapingControlCharacters)'",
        nl: "--kind moet een van \(kinds) zijn, niet '\(text.escapingControlCharacters)'",
        command: nil)
    }
    return kind
  }

  /// Reads and checks every document; throws every problem at once. References between records
  /// are checked by the store, against the batch and the registry together.
  static func load(_ paths: [String], tableKind: TableKind? = nil) throws(CLIError) -> ImportBatch {
    let files = try expand(paths)
    var batch = ImportBatch()
    let log = ProblemLog()
    for file in files {
      guard let bytes = FileSystem.contents(of: file) else {
        throw .inputMissing(path: file, reason: .notReadable)
      }
      if isTable(file) {
        batch.readTable(bytes, file: file, kind: tableKind, log: log)
      } else {
        batch.read(bytes, file: file, log: log)
      }
    }
    for problem in batch.activitiesGivenTwice() { log.report(problem) }
    guard log.isEmpty else { throw .badDocuments(log.problems, dropped: log.dropped) }
    return batch
  }
}
