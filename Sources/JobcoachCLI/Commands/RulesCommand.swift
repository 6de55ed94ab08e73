import JobcoachCore

/// `jobcoach rules [ID]`: every rule the product applies, in Dutch or English, with its source
/// and its policy parameters.
struct RulesCommand: Command {
  static let spec = CommandSpec(
    name: "rules", summary: "the rules with their IDs, sources and policy parameters (nl or en)",
    synopsis: "[RULE_ID] [--lang nl|en] [--format text|json]", positionals: 0...1,
    options: [Language.option, .value("--format", "FORMAT", "text or json (default text)")],
    discussion: """
      Without an ID, lists every rule with its ID and text; with one ('jobcoach rules
      Q-POL-3'), explains it: the text, the source document it comes from and the policy
      parameters it takes with their defaults. Findings, messages and tests cite the same IDs.

      The language: --lang, else $JOBCOACH_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG
      starting with nl: Dutch), else English; JSON follows only --lang and $JOBCOACH_LANG.

      exit codes: 0 shown, 64 usage, 65 no rule with that ID.
      """)

  let arguments: ParsedArguments
  let format: OutputFormat

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    format = try OutputFormat.parse(
      arguments.value("--format"), allowed: [.text, .json], command: Self.spec.name)
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let language = try Language.choose(
      arguments, environment: context.environment, command: Self.spec.name,
      forJSON: format == .json)
    var rules = RuleCatalogue.all
    if let id = arguments.positionals.first {
      guard let rule = RuleCatalogue.rule(RuleID(rawValue: id)) else {
        throw CLIError.badInput(
          "no rule with ID '\(id)'; 'jobcoach rules' lists them all",
          nl: "geen regel met ID '\(id)'; 'jobcoach rules' noemt ze allemaal")
      }
      rules = [rule]
    }
    switch format {
    case .json:
      context.print(
        JSONWriter.string(
          .object([
            "language": JSONValue(language.rawValue),
            "rules": .array(rules.map { Self.json($0, language) }),
          ])))
    default:
      context.print(
        arguments.positionals.isEmpty
          ? Self.list(rules, language) : Self.explain(rules[0], language))
    }
    return ExitCode.success
  }

  static func json(_ rule: RuleCatalogue.Rule, _ language: Language) -> JSONValue {
    .object([
      "id": JSONValue(rule.id.rawValue), "text": JSONValue(rule.text(language)),
      "source": .object([
        "document": JSONValue(rule.source.rawValue),
        "name": JSONValue(rule.source.name(language)),
      ]),
      "parameters": .array(
        rule.parameters.map {
          .object([
            "name": JSONValue($0.name),
            "default": JSONValue(language == .nl ? $0.nl : $0.en),
          ])
        }),
    ])
  }

  static func list(_ rules: [RuleCatalogue.Rule], _ language: Language) -> String {
    TextTable.render(rules.map { [$0.id.rawValue, $0.text(language)] })
  }

  static func explain(_ rule: RuleCatalogue.Rule, _ language: Language) -> String {
    let nl = language == .nl
    var text = "\(rule.id)  \(rule.text(language))\n"
    text += (nl ? "bron: " : "source: ") + rule.source.name(language) + "\n"
    if !rule.parameters.isEmpty {
      text += nl ? "beleidsparameters (standaard):\n" : "policy parameters (default):\n"
      for parameter in rule.parameters {
        text += "  \(parameter.name): \(nl ? parameter.nl : parameter.en)\n"
      }
    }
    return text
  }
}
