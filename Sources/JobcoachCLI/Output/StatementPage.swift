import JobcoachCore

/// A signed verification statement as one printable page (`verify --statement --format html`):
/// what it says, in Dutch or English, the command that checks it, and the signed statement
/// itself, to save as a file and check. The page is read from the signed statement, so it
/// shows exactly what was signed.
enum StatementPage {
  static func html(_ statement: JSONObject, language: Language = .nl) -> String {
    let nl = language == .nl
    func say(_ english: String, _ dutch: String) -> String { nl ? dutch : english }
    func text(_ value: JSONValue?) -> String {
      if case .string(let text)? = value { return text }
      return ""
    }
    func escaped(_ text: String) -> String { ExportPublicCommand.escaped(text) }
    func day(_ value: JSONValue?) -> String {
      guard let date = AmsterdamTime.date(of: text(value)) ?? CalendarDate(iso: text(value)) else {
        return escaped(text(value))
      }
      return Localised.date(date, language)
    }
    var subject = JSONObject()
    if case .object(let object)? = statement["credentialSubject"] { subject = object }
    var policy = JSONObject()
    if case .object(let object)? = subject["policy"] { policy = object }
    let eligible = subject["eligible"] == .bool(true)
    let verdict =
      eligible
      ? say("Eligible", "Inzetbaar") : say("Not eligible", "Niet inzetbaar")
    var rules: [String] = []
    if case .array(let items)? = subject["rules"] {
      for case .object(let rule) in items {
        var evidence: [String] = []
        if case .array(let ids)? = rule["evidence"] { evidence = ids.map { escaped(text($0)) } }
        rules.append(
          "<tr><td>\(escaped(text(rule["rule"])))</td><td>\(escaped(text(rule["outcome"])))</td>"
            + "<td>\(escaped(text(rule["reason"])))</td><td>\(evidence.joined(separator: ", "))</td></tr>")
      }
    }
    let issuer = escaped(text(statement["issuer"]))
    var facts: [(String, String)] = [
      (say("Coach", "Jobcoach"), escaped(text(subject["name"]))),
      (say("Register number", "Registernummer"), escaped(text(subject["registerNumber"]))),
      (say("Kind", "Soort"), escaped(text(subject["kind"]))),
      (say("Verified on", "Geverifieerd op"), day(subject["verifiedOn"])),
      (say("Verdict", "Oordeel"), verdict),
      (
        say("Policy", "Beleid"),
        escaped(text(policy["name"])) + " (" + escaped(text(policy["id"])) + ", "
          + say("from ", "vanaf ") + day(policy["effectiveFrom"]) + ")"
      ),
    ]
    if statement["validUntil"] != nil {
      facts.append((say("Valid until", "Geldig tot en met"), day(statement["validUntil"])))
    }
    if subject["placement"] != nil {
      facts.append((say("Placement (pseudonym)", "Plaatsing (pseudoniem)"), escaped(text(subject["placement"]))))
    }
    if statement["id"] != nil {
      facts.append((say("Statement", "Verklaring"), escaped(text(statement["id"]))))
    }
    facts.append((say("Issuer", "Uitgever"), issuer))
    let table = facts.map { "<tr><th>\($0.0)</th><td>\($0.1)</td></tr>" }.joined(separator: "\n")
    let command =
      "jobcoach statement verify " + say("statement.json", "verklaring.json") + " --trust " + issuer
      + (statement["credentialStatus"] != nil ? " --status register.json" : "")
    let title = say("Job coach verification statement", "Verificatieverklaring jobcoach")
    let json = escaped(JSONWriter.string(.object(statement)))
    return ExportPublicCommand.pageOpening(
      language: language, title: title + ": " + escaped(text(subject["name"])),
      style: """
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #111; max-width: 50rem; }
        table { border-collapse: collapse; margin: 1rem 0; }
        th, td { border-bottom: 1px solid #ccc; padding: .3rem .8rem; text-align: left; vertical-align: top; }
        code, pre { font-family: ui-monospace, monospace; font-size: .8rem; }
        pre { white-space: pre-wrap; word-break: break-all; background: #f4f4f4; padding: .8rem; }
        @media print { pre { font-size: .6rem; } }
        """)
      + """
      <h1>\(title)</h1>
      <p><strong>\(verdict)</strong></p>
      <table>
      \(table)
      </table>
      <h2>\(say("Rules", "Regels"))</h2>
      <table>
      <thead><tr><th>\(say("Rule", "Regel"))</th><th>\(say("Outcome", "Uitkomst"))</th><th>\(say("Reason", "Reden"))</th><th>\(say("Evidence", "Bewijs"))</th></tr></thead>
      <tbody>
      \(rules.joined(separator: "\n"))
      </tbody>
      </table>
      <h2>\(say("Check this statement", "Deze verklaring controleren"))</h2>
      <p>\(say(
        "This page is a copy. The statement is signed (eddsa-jcs-2022); save the signed statement below as a file and check it, offline, with:",
        "Deze pagina is een afschrift. De verklaring is ondertekend (eddsa-jcs-2022); bewaar de ondertekende verklaring hieronder als bestand en controleer die, zonder internet, met:"))</p>
      <pre><code>\(escaped(command))</code></pre>
      <h2>\(say("The signed statement", "De ondertekende verklaring"))</h2>
      <pre id="statement">\(json)</pre>
      </body>
      </html>

      """
  }
}
