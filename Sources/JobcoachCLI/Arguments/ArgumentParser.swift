import JobcoachCore

/// A mistake in how a command was called: exit 64, with the command's usage after the message.
public struct UsageError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The message in English, and in Dutch beside it.
  public var message: String
  public var dutch: String
  /// The command whose usage to show, or nil for the tool's.
  public var command: String?

  public init(_ message: String, nl dutch: String, command: String? = nil) {
    self.message = message
    self.dutch = dutch
    self.command = command
  }

  /// The message in `language`.
  func message(in language: Language) -> String { language == .nl ? dutch : message }

  public var description: String { message }
}

/// One option a command takes.
struct OptionSpec: Sendable {
  var name: String
  /// What the value is called in help (`DATE`), or nil for a flag.
  var valueName: String?
  var help: String
  var repeatable = false

  static func flag(_ name: String, _ help: String) -> OptionSpec {
    OptionSpec(name: name, valueName: nil, help: help)
  }
  static func value(_ name: String, _ valueName: String, _ help: String, repeatable: Bool = false)
    -> OptionSpec
  {
    OptionSpec(name: name, valueName: valueName, help: help, repeatable: repeatable)
  }
}

extension OptionSpec {
  /// `--db PATH`, which every command that reads the registry takes.
  static let database = OptionSpec.value(
    "--db", "PATH", "the registry file (default $JOBCOACH_DB or ./jobcoach.sqlite)")
  /// `--on DATE`, the date a command judges on.
  static let date = OptionSpec.value("--on", "DATE", "the date, YYYY-MM-DD (default: today)")
  /// `--actor NAME`: who makes a change, for the audit trail (default: the system user).
  static let actor = OptionSpec.value(
    "--actor", "NAME", "who makes this change, for the audit trail (default: the system user)")
  /// `--wait SECONDS`: how long a writer waits for another program writing the registry.
  static let wait = OptionSpec.value(
    "--wait", "SECONDS", "wait this long for another program writing the registry (default 3600)")
  /// `--dry-run`: check and count an import, write nothing.
  static let dryRun = OptionSpec.flag(
    "--dry-run", "check everything and count the changes, but write nothing")
  /// `--municipality ID`: the municipality the caller acts for; its policy applies when no
  /// policy or placement says otherwise.
  static let municipality = OptionSpec.value(
    "--municipality", "ID",
    "the municipality you act for: its policy applies when no --policy or placement says "
      + "otherwise (default: the registry's, see 'jobcoach settings')")
  /// `--register ID`: which register a register command means (R-REG-1).
  static let register = OptionSpec.value(
    "--register", "ID",
    "the register (default: the coach's only membership, else the only register held)")
  /// `--file PATH...`: read documents into a registry in memory instead of `--db`.
  static let documents = OptionSpec.value(
    "--file", "PATH", "read these documents into a registry in memory", repeatable: true)
  /// `--kind KIND`: what the CSV files given hold, when their headers do not say.
  static let tableKind = OptionSpec.value(
    "--kind", "KIND",
    "what the CSV files hold: \(TableKind.allCases.map(\.rawValue).joined(separator: ", ")) "
      + "(default: read from each file's header)")
}

/// What a command accepts, and its help.
struct CommandSpec: Sendable {
  /// `verify`, or `register admit` for a sub-command.
  var name: String
  var summary: String
  /// The synopsis after `jobcoach NAME`.
  var synopsis: String
  var positionals: ClosedRange<Int>
  var options: [OptionSpec]
  /// Paragraphs after the option list: what it prints, exit codes, examples.
  var discussion: String

  /// The options a command takes: its own, and `--lang` for the language of its messages,
  /// which every command takes.
  var acceptedOptions: [OptionSpec] {
    var all = options
    if !all.contains(where: { $0.name == Language.option.name }) { all.append(Language.option) }
    // Commands that read documents read CSV tables too.
    if all.contains(where: { $0.name == "--file" }),
      !all.contains(where: { $0.name == OptionSpec.tableKind.name })
    {
      all.append(.tableKind)
    }
    return all
  }

  var help: String {
    var lines = ["usage: jobcoach \(name) \(synopsis)", "", summary, ""]
    if !options.isEmpty {
      lines.append("options:")
      let all = acceptedOptions + [.flag("--help", "show this help")]
      let labels = all.map { option in
        option.valueName.map { "\(option.name) \($0)" } ?? option.name
      }
      let width = (labels.map(\.count).max() ?? 0) + 2
      for (label, option) in zip(labels, all) {
        lines.append(
          "  " + label + String(repeating: " ", count: width - label.count) + option.help)
      }
      lines.append("")
    }
    if !discussion.isEmpty { lines.append(discussion) }
    return lines.joined(separator: "\n") + (discussion.hasSuffix("\n") ? "" : "\n")
  }
}

/// Arguments split into positionals, option values and flags, checked against a spec.
struct ParsedArguments: Sendable {
  var positionals: [String] = []
  var values: [String: [String]] = [:]
  var flags: Set<String> = []
  var wantsHelp = false

  func value(_ name: String) -> String? { values[name]?.last }
  /// The register named with `--register`, if any.
  var register: RegisterID? { value("--register").map(RegisterID.init(rawValue:)) }
  func allValues(_ name: String) -> [String] { values[name] ?? [] }
  func flag(_ name: String) -> Bool { flags.contains(name) }

  /// The `--reason TEXT` a decision must give: not missing, not blank.
  func reason(command: String, why: String = "") throws(UsageError) -> String {
    guard let reason = value("--reason"), !reason.allSatisfy(\.isWhitespace) else {
      throw UsageError(
        "missing --reason TEXT" + why, nl: "--reason TEKST ontbreekt" + why, command: command)
    }
    return reason
  }

  /// Parses `arguments` for `spec`: `--name value`, `--name=value`, flags, `--` ends options.
  /// `--help` or `-h` where an option may stand asks for help and skips the other checks; as
  /// the value of an option it is refused (a value that starts like an option is given as
  /// `--name=value`), so help is never printed in place of running with that value.
  static func parse(_ arguments: [String], for spec: CommandSpec) throws(UsageError)
    -> ParsedArguments
  {
    var parsed = ParsedArguments()
    let helpAsked = optionPositions(arguments, spec).contains {
      arguments[$0] == "--help" || arguments[$0] == "-h"
    }
    if helpAsked {
      parsed.wantsHelp = true
      return parsed
    }
    var index = 0
    var onlyPositionals = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
        parsed.positionals.append(argument)
        continue
      }
      if argument == "--" {
        onlyPositionals = true
        continue
      }
      var name = argument
      var inlineValue: String?
      if let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        inlineValue = String(argument[argument.index(after: equals)...])
      }
      guard let option = spec.acceptedOptions.first(where: { $0.name == name }) else {
        throw UsageError(
          "unknown option '\(name)' for 'jobcoach \(spec.name)'",
          nl: "onbekende optie '\(name)' voor 'jobcoach \(spec.name)'", command: spec.name)
      }
      guard let valueName = option.valueName else {
        if inlineValue != nil {
          throw UsageError(
            "option '\(name)' takes no value", nl: "optie '\(name)' neemt geen waarde",
            command: spec.name)
        }
        parsed.flags.insert(name)
        continue
      }
      let value: String
      if let inlineValue {
        value = inlineValue
      } else {
        guard index < arguments.count, !looksLikeAnOption(arguments[index], spec) else {
          throw UsageError(
            "option '\(name)' needs a value (\(valueName))"
              + (index < arguments.count
                ? "; to give one that starts with '-', write \(name)=VALUE" : ""),
            nl: "optie '\(name)' heeft een waarde nodig (\(valueName))"
              + (index < arguments.count
                ? "; schrijf \(name)=WAARDE voor een waarde die met '-' begint" : ""),
            command: spec.name)
        }
        value = arguments[index]
        index += 1
      }
      if !option.repeatable, parsed.values[name] != nil {
        throw UsageError(
          "option '\(name)' given more than once", nl: "optie '\(name)' staat er meer dan eens",
          command: spec.name)
      }
      parsed.values[name, default: []].append(value)
    }
    let count = parsed.positionals.count
    if !spec.positionals.contains(count) {
      if count < spec.positionals.lowerBound {
        throw UsageError(
          "missing argument: \(spec.synopsis)", nl: "argument ontbreekt: \(spec.synopsis)",
          command: spec.name)
      }
      let extra = parsed.positionals[spec.positionals.upperBound]
      throw UsageError(
        "unexpected argument '\(extra)'", nl: "onverwacht argument '\(extra)'", command: spec.name)
    }
    return parsed
  }

  /// Whether `argument`, where a value is expected, is an option of `spec` or a request for
  /// help rather than a value.
  static func looksLikeAnOption(_ argument: String, _ spec: CommandSpec) -> Bool {
    if argument == "--help" || argument == "-h" { return true }
    let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
    return spec.acceptedOptions.contains { $0.name == name }
  }

  /// The positions in `arguments` where an option (or `--help`) may stand: not the place of
  /// the value of an option that takes one, and nothing after `--`.
  static func optionPositions(_ arguments: [String], _ spec: CommandSpec) -> [Int] {
    var positions: [Int] = []
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--" { break }
      positions.append(index)
      index += 1
      // The argument after an option that takes a value is that value's place, whatever it
      // holds: `--reason --help` is a missing reason, not a request for help.
      if argument.hasPrefix("--"), !argument.contains("="),
        spec.acceptedOptions.first(where: { $0.name == argument })?.valueName != nil
      {
        index += 1
      }
    }
    return positions
  }
}
