import JobcoachCore

/// How findings look in JSON and text; shared by every command that reports findings.
enum FindingRendering {
  static func json(_ finding: Finding) -> JSONValue {
    .object([
      "rule": JSONValue(finding.rule.rawValue),
      "severity": JSONValue(finding.severity.rawValue),
      "outcome": JSONValue(finding.outcome.rawValue),
      "subject": .object([
        "kind": JSONValue(finding.subject.kind.rawValue), "id": JSONValue(finding.subject.id),
      ]),
      "message": JSONValue(finding.message),
      "evidence": .array(finding.evidence.map(json)),
    ])
  }

  static func json(_ evidence: EvidenceItem) -> JSONValue {
    .object([
      "kind": JSONValue(evidence.kind.rawValue),
      "reference": JSONValue(evidence.reference),
      "detail": JSONValue(evidence.detail),
      "validFrom": JSONValue(evidence.validFrom),
      "validUntil": JSONValue(evidence.validUntil),
    ])
  }

  /// The word a caseworker reads first.
  static func label(_ finding: Finding) -> String {
    switch (finding.severity, finding.outcome) {
    case (.warning, _): "warning"
    case (_, .met): "met"
    case (_, .unmet): "NOT MET"
    case (_, .undetermined): "UNKNOWN"
    case (_, .notApplicable): "n/a"
    }
  }

  /// One block per finding: label, rule, message, then its evidence indented.
  static func text(_ findings: [Finding]) -> String {
    var text = ""
    append(findings, indent: "", to: &text)
    return text
  }

  /// Appends the findings' lines to `text`, each line starting with `indent`.
  static func append(_ findings: [Finding], indent: String, to text: inout String) {
    var ruleWidth = 0
    for finding in findings { ruleWidth = max(ruleWidth, finding.rule.rawValue.utf8.count) }
    ruleWidth += 2
    for finding in findings {
      let label = label(finding)
      text += indent
      text += label
      text += String(repeating: " ", count: max(1, 9 - label.utf8.count))
      text += finding.rule.rawValue
      text += String(repeating: " ", count: ruleWidth - finding.rule.rawValue.utf8.count)
      text +=
        indent.isEmpty ? finding.message : finding.message.replacingAll("\n", with: "\n" + indent)
      text += "\n"
      for evidence in finding.evidence {
        text += indent
        text += String(repeating: " ", count: 9 + ruleWidth)
        text += "evidence: "
        text += evidence.detail
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
