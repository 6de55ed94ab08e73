import JobcoachCore

/// How the policy a use case applied is named, with why that one, in text and JSON.
enum PolicyRendering {
  /// `Jobcoaching Zaanstreek-Waterland (POL-ZAANSTAD, in force from 2026-07-01): the policy of
  /// municipality ORG-ZAANSTAD, which grants placement PL-2026-001`.
  static func text(
    _ choice: PolicyChoice, on date: CalendarDate, _ w: any Wording = English()
  ) -> String {
    let policy = choice.policy
    return "\(policy.name) (\(policy.id), " + w.say("in force from ", "geldig vanaf ")
      + "\(w.date(policy.effectiveFrom))): " + reason(choice.source, on: choice.assignmentStart ?? date, w)
      + (choice.assignmentStart.map {
        w.say("; in force on the assignment's start, ", "; geldig bij de start van de inzet, ")
          + "\(w.date($0)) (Q-ASG-2)"
      } ?? "")
  }

  static func reason(_ source: PolicySource, on date: CalendarDate, _ w: any Wording) -> String {
    switch source {
    case .named: w.say("named with --policy", "genoemd met --policy")
    case .placement(let placement, let municipality):
      w.say(
        "the policy of municipality \(municipality), which grants placement \(placement)",
        "het beleid van gemeente \(municipality), die plaatsing \(placement) toekent")
    case .municipality(let municipality):
      w.say(
        "the policy of municipality \(municipality) (--municipality)",
        "het beleid van gemeente \(municipality) (--municipality)")
    case .registryMunicipality(let municipality):
      w.say(
        "the policy of municipality \(municipality), the registry's default municipality",
        "het beleid van gemeente \(municipality), de standaardgemeente van het register")
    case .builtInDefault(nil):
      w.say(
        "the built-in default: no municipality named and none set for the registry",
        "de ingebouwde standaard: geen gemeente genoemd en geen ingesteld voor het register")
    case .builtInDefault(let municipality?):
      w.say(
        "the built-in default: municipality \(municipality) has no policy in force on \(date)",
        "de ingebouwde standaard: gemeente \(municipality) heeft op \(w.date(date)) geen "
          + "geldend beleid")
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
