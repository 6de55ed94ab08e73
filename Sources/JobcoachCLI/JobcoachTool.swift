import JobcoachCore
import JobcoachStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A command the tool runs: parsed from arguments, then run against a context.
protocol Command: Sendable {
  static var spec: CommandSpec { get }
  init(_ arguments: ParsedArguments) throws(UsageError)
  /// Returns the exit code; throws for failures that map to one.
  func run(_ context: CommandContext) throws -> Int32
}

/// The `jobcoach` command-line tool. `main()` is the only place that exits.
public enum JobcoachTool {
  static let commands: [any Command.Type] = [
    InitCommand.self, ImportCommand.self, VerifyCommand.self, ShowCommand.self, ListCommand.self,
    PECommand.self, RegisterAdmitCommand.self, RegisterAssessCommand.self,
    RegisterRemoveCommand.self, RegisterRenewCommand.self, RegisterSuspendCommand.self,
    RegisterReinstateCommand.self, RegisterDueCommand.self,
    RulesCommand.self, PlacementShowCommand.self, HoursImportCommand.self, HoursReportCommand.self,
    HoursDecideCommand.self,
    CheckCommand.self, AuditVerifyCommand.self, AuditLogCommand.self, ExportPublicCommand.self,
    RemindCommand.self, ExportSubjectCommand.self, ExportCatalogueCommand.self, EraseCommand.self,
    SettingsCommand.self, KeysGenerateCommand.self, KeysUseCommand.self, TrustAddCommand.self,
    TrustListCommand.self, TrustRemoveCommand.self, StatementVerifyCommand.self,
    StatementRevokeCommand.self, ServeCommand.self, TokensIssueCommand.self,
    TokensListCommand.self, TokensRevokeCommand.self,
  ]

  static let version = "0.1.0"

  static var help: String {
    let width = (commands.map { $0.spec.name.count }.max() ?? 0) + 2
    let list = commands.map {
      "  " + $0.spec.name + String(repeating: " ", count: width - $0.spec.name.count)
        + $0.spec.summary
    }
    return """
      usage: jobcoach COMMAND [OPTIONS]

      A registry and certification tracker for Dutch job coaches: a municipality verifies a
      coach before assignment, the professional association keeps its register, a coach checks
      their professional development hours.

      commands:
      \(list.joined(separator: "\n"))

      The registry is one SQLite file: --db PATH, else $JOBCOACH_DB, else ./jobcoach.sqlite.
      Dates are calendar days (YYYY-MM-DD); --on defaults to today in Europe/Amsterdam.
      Run 'jobcoach COMMAND --help' for a command's options.

      exit codes: 0 success or eligible, 1 not eligible or findings with errors, 64 usage,
      65 bad input data, 66 input or registry missing, 70 internal or database failure,
      73 an output file cannot be created, 75 the registry stayed busy past --wait (try again).

      """
  }

  /// Runs the tool with the process's arguments and exits with its code.
  public static func main() -> Never {
    signal(SIGPIPE, SIG_IGN)
    let code = run(Array(CommandLine.arguments.dropFirst()), context: CommandContext())
    exit(code)
  }

  /// Runs one invocation and returns its exit code. Every error becomes a message here.
  public static func run(_ arguments: [String], context: CommandContext) -> Int32 {
    if let place = citizenServiceNumberPlace(arguments, environment: context.environment) {
      let language = language(for: arguments, context.environment)
      context.printError(
        language == .nl
          ? "fout: \(place.dutch) \(Dutch.citizenServiceNumber)\n"
          : "error: \(place.english) \(English.citizenServiceNumber)\n")
      return ExitCode.usage
    }
    var arguments = arguments
    // Global `--db PATH` before the command is accepted and passed on.
    var prefix: [String] = []
    while let first = arguments.first, first == "--db" || first.hasPrefix("--db=") {
      prefix.append(arguments.removeFirst())
      if first == "--db", let value = arguments.first {
        prefix.append(value)
        arguments.removeFirst()
      }
    }
    guard let name = arguments.first else {
      context.printError(
        (language(for: arguments, context.environment) == .nl
          ? "fout: geen opdracht gegeven\n\n" : "error: no command given\n\n") + help)
      return ExitCode.usage
    }
    switch name {
    case "--help", "-h", "help":
      if name == "help", arguments.count > 1,
        let command = find(arguments.dropFirst().joined(separator: " "))
      {
        context.print(command.spec.help)
      } else {
        context.print(help)
      }
      return ExitCode.success
    case "--version":
      context.print("jobcoach \(version)\n")
      return ExitCode.success
    default:
      break
    }
    var consumed = 1
    var command = find(name)
    if command == nil, arguments.count > 1, let sub = find("\(name) \(arguments[1])") {
      command = sub
      consumed = 2
    }
    guard let command else {
      let known = commands.contains { $0.spec.name.hasPrefix(name + " ") }
      context.printError(
        (known
          ? Self.language(for: arguments, context.environment) == .nl
            ? "fout: '\(name)' heeft een subopdracht nodig\n\n"
            : "error: '\(name)' needs a sub-command\n\n"
          : Self.language(for: arguments, context.environment) == .nl
            ? "fout: onbekende opdracht '\(name)'\n\n"
            : "error: unknown command '\(name)'\n\n") + help)
      return ExitCode.usage
    }
    let rest = Array(arguments.dropFirst(consumed)) + prefix
    do {
      let parsed = try ParsedArguments.parse(rest, for: command.spec)
      if parsed.wantsHelp {
        context.print(command.spec.help)
        return ExitCode.success
      }
      let instance = try command.init(parsed)
      return try instance.run(context)
    } catch {
      return report(error, context: context, language: language(for: rest, context.environment))
    }
  }

  /// Where an argument, or the registry path from the environment, holds what looks like a
  /// citizen service number: named by its option or position, never by its value. Checked
  /// before anything else, so no such value is parsed, echoed or written anywhere.
  /// Where a refused value stands, named without the value.
  struct ArgumentPlace: Hashable, Sendable {
    var english: String
    var dutch: String
  }

  static func citizenServiceNumberPlace(_ arguments: [String], environment: [String: String])
    -> ArgumentPlace?
  {
    for (index, argument) in arguments.enumerated() where CitizenServiceNumber.occurs(in: argument)
    {
      if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "="),
        !CitizenServiceNumber.occurs(in: String(argument[..<equals]))
      {
        let option = argument[..<equals]
        return ArgumentPlace(english: "the value of \(option)", dutch: "de waarde van \(option)")
      }
      if index > 0, arguments[index - 1].hasPrefix("--"), !arguments[index - 1].contains("=") {
        let option = arguments[index - 1]
        return ArgumentPlace(english: "the value of \(option)", dutch: "de waarde van \(option)")
      }
      return ArgumentPlace(english: "argument \(index + 1)", dutch: "argument \(index + 1)")
    }
    if let path = environment["JOBCOACH_DB"], CitizenServiceNumber.occurs(in: path) {
      return ArgumentPlace(english: "$JOBCOACH_DB", dutch: "$JOBCOACH_DB")
    }
    return nil
  }

  static func find(_ name: String) -> (any Command.Type)? {
    commands.first { $0.spec.name == name }
  }

  /// The one place that turns an error into a message and an exit code.
  /// The language of an error message: `--lang` among the arguments (parsed or not), else
  /// `$JOBCOACH_LANG`, else the locale, else English.
  static func language(for arguments: [String], _ environment: [String: String]) -> Language {
    for (index, argument) in arguments.enumerated() {
      let named =
        argument == "--lang" && index + 1 < arguments.count
        ? arguments[index + 1]
        : argument.hasPrefix("--lang=") ? String(argument.dropFirst(7)) : nil
      if let named, let language = Language(rawValue: named) { return language }
    }
    return
      (try? Language.choose(
        ParsedArguments(), environment: environment, command: "")) ?? .en
  }

  static func report(_ error: any Error, context: CommandContext, language: Language = .en)
    -> Int32
  {
    /// One `error:` (`fout:`) line, with any control character escaped, so no name can forge
    /// another.
    func line(_ message: String) -> String {
      "\(language == .nl ? "fout" : "error"): \(message.escapingControlCharacters)\n"
    }
    switch error {
    case let usage as UsageError:
      var text = line(usage.message(in: language))
      if let name = usage.command, let command = find(name) {
        text +=
          language == .nl
          ? "gebruik: jobcoach \(name) \(command.spec.synopsis)\n"
            + "meer met 'jobcoach \(name) --help'\n"
          : "usage: jobcoach \(name) \(command.spec.synopsis)\n"
            + "run 'jobcoach \(name) --help' for more\n"
      }
      context.printError(text)
      return ExitCode.usage
    case let cli as CLIError:
      let code: Int32
      switch cli {
      case .inputMissing: code = ExitCode.noInput
      case .badDocuments(let problems, let dropped):
        printProblems(problems, dropped: dropped, context: context, language.words)
        code = ExitCode.dataError
      case .badInput: code = ExitCode.dataError
      case .cannotWrite: code = ExitCode.cannotCreate
      }
      context.printError(line(language.words.failure(cli)))
      return code
    case let useCase as UseCaseError:
      context.printError(line(language.words.error(useCase)))
      return ExitCode.dataError
    case let store as StoreError:
      let code: Int32
      switch store {
      case .registryMissing: code = ExitCode.noInput
      case .importRejected(let problems):
        printProblems(problems, dropped: 0, context: context, language.words)
        context.printError(
          line(language.words.failure(CLIError.badDocuments(problems, dropped: 0))))
        return ExitCode.dataError
      case .busy: code = ExitCode.tempFailure
      case .notARegistry, .newerSchema, .cannotCreate, .database: code = ExitCode.internalError
      }
      context.printError(line(language.words.failure(store)))
      return code
    default:
      context.printError(line("internal failure: \(error)"))
      return ExitCode.internalError
    }
  }

  static func printProblems(
    _ problems: [DocumentProblem], dropped: Int, context: CommandContext, _ words: any Wording
  ) {
    let prefix = words.language == .nl ? "fout: " : "error: "
    var text = problems.map { prefix + words.line($0) + "\n" }.joined()
    if dropped > 0 {
      text +=
        prefix
        + (words.language == .nl
          ? "... en nog \(dropped) problemen die niet getoond worden\n"
          : "... and \(dropped) more problems not shown\n")
    }
    context.printError(text)
  }
}
