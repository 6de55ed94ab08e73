import JobcoachCore

/// How the policy a use case applied is named, with why that one, in text and JSON.
enum PolicyRendering {
  /// `Jobcoaching Zaanstreek-Waterland (POL-ZAANSTAD, in force from 2026-07-01): the policy of
  /// municipality ORG-ZAANSTAD, which grants placement PL-2026-001`.
  static func text(_ choice: PolicyChoice, on date: CalendarDate) -> String {
    let policy = choice.policy
    return "\(policy.name) (\(policy.id), in force from \(policy.effectiveFrom)): "
      + reason(choice.source, on: choice.assignmentStart ?? date)
      + (choice.assignmentStart.map { "; in force on the assignment's start, \($0) (Q-ASG-2)" }
        ?? "")
  }

  static func reason(_ source: PolicySource, on date: CalendarDate) -> String {
    switch source {
    case .named: "named with --policy"
    case .placement(let placement, let municipality):
      "the policy of municipality \(municipality), which grants placement \(placement)"
    case .municipality(let municipality):
      "the policy of municipality \(municipality) (--municipality)"
    case .registryMunicipality(let municipality):
      "the policy of municipality \(municipality), the registry's default municipality"
    case .builtInDefault(nil):
      "the built-in default: no municipality named and none set for the registry"
    case .builtInDefault(let municipality?):
      "the built-in default: municipality \(municipality) has no policy in force on \(date)"
    }
  }

  static func json(_ choice: PolicyChoice) -> JSONValue {
    let source: JSONObject =
      switch choice.source {
      case .named: ["kind": JSONValue("named")]
      case .placement(let placement, let municipality):
        [
          "kind": JSONValue("placement"), "municipality": JSONValue(municipality.rawValue),
          "placement": JSONValue(placement.rawValue),
        ]
      case .municipality(let municipality):
        ["kind": JSONValue("municipality"), "municipality": JSONValue(municipality.rawValue)]
      case .registryMunicipality(let municipality):
        [
          "kind": JSONValue("registry-municipality"),
          "municipality": JSONValue(municipality.rawValue),
        ]
      case .builtInDefault(let municipality):
        ["kind": JSONValue("default"), "municipality": JSONValue(municipality?.rawValue)]
      }
    return .object([
      "id": JSONValue(choice.policy.id.rawValue),
      "name": JSONValue(choice.policy.name),
      "effectiveFrom": JSONValue(choice.policy.effectiveFrom),
      "source": .object(source),
      "assignmentStart": JSONValue(choice.assignmentStart),
    ])
  }
}
