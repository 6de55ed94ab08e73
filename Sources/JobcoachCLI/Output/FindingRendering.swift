import JobcoachCore

/// How findings look in JSON and text; shared by every command that reports findings. The
/// words come from `words` (nl or en); JSON keeps its keys and codes, with `reason` a stable
/// code beside the worded `message`.
enum FindingRendering {
  static func json(_ finding: Finding, _ words: any Wording) -> JSONValue {
    .object([
      "rule": JSONValue(finding.rule.rawValue),
      "severity": JSONValue(finding.severity.rawValue),
      "outcome": JSONValue(finding.outcome.rawValue),
      "subject": .object([
        "kind": JSONValue(finding.subject.kind.rawValue), "id": JSONValue(finding.subject.id),
      ]),
      "reason": JSONValue(finding.reason.code),
      "message": JSONValue(words.message(finding)),
      "evidence": .array(finding.evidence.map { json($0, words) }),
    ])
  }

  static func json(_ evidence: EvidenceItem, _ words: any Wording) -> JSONValue {
    .object([
      "kind": JSONValue(evidence.kind.rawValue),
      "reference": JSONValue(evidence.reference),
      "detail": JSONValue(words.detail(evidence)),
      "validFrom": JSONValue(evidence.validFrom),
      "validUntil": JSONValue(evidence.validUntil),
    ])
  }

  /// The word a caseworker reads first.
  static func label(_ finding: Finding, _ language: Language) -> String {
    switch (finding.severity, finding.outcome, language) {
    case (.warning, _, .en): "warning"
    case (_, .met, .en): "met"
    case (_, .unmet, .en): "NOT MET"
    case (_, .undetermined, .en): "UNKNOWN"
    case (_, .notApplicable, .en): "n/a"
    case (.warning, _, .nl): "let op"
    case (_, .met, .nl): "voldaan"
    case (_, .unmet, .nl): "NIET VOLDAAN"
    case (_, .undetermined, .nl): "ONBEKEND"
    case (_, .notApplicable, .nl): "n.v.t."
    }
  }

  /// One block per finding: label, rule, message, then its evidence indented.
  static func text(_ findings: [Finding], _ words: any Wording) -> String {
    var text = ""
    append(findings, indent: "", to: &text, words)
    return text
  }

  /// Appends the findings' lines to `text`, each line starting with `indent`.
  static func append(
    _ findings: [Finding], indent: String, to text: inout String, _ words: any Wording
  ) {
    let language = words.language
    let labelWidth = language == .nl ? 14 : 9
    let evidenceWord = language == .nl ? "bewijs: " : "evidence: "
    var ruleWidth = 0
    for finding in findings { ruleWidth = max(ruleWidth, finding.rule.rawValue.utf8.count) }
    ruleWidth += 2
    for finding in findings {
      let label = label(finding, language)
      let message = words.message(finding)
      text += indent
      text += label
      text += String(repeating: " ", count: max(1, labelWidth - label.count))
      text += finding.rule.rawValue
      text += String(repeating: " ", count: ruleWidth - finding.rule.rawValue.utf8.count)
      text += indent.isEmpty ? message : message.replacingAll("\n", with: "\n" + indent)
      text += "\n"
      for evidence in finding.evidence {
        text += indent
        text += String(repeating: " ", count: labelWidth + ruleWidth)
        text += evidenceWord
        text += words.detail(evidence)
        text += "\n"
      }
    }
  }
}

extension JSONValue {
  /// An evidence reference as documents spell it: `documentId` and `issuer`; null when absent.
  init(_ evidence: EvidenceReference?) {
    guard let evidence else {
      self = .null
      return
    }
    self = .object([
      "documentId": JSONValue(evidence.documentID), "issuer": JSONValue(evidence.issuer),
    ])
  }
}
