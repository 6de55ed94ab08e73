import JobcoachCore
import JobcoachStore

/// The pages of people with a token (issue 20): a caseworker verifies a coach for an
/// assignment and prints the signed statement; the association imports a document and sees
/// `check`'s findings. Each runs the command of its question with the token's name as the
/// actor, and shows what the command says. The token travels in the form's body only.
extension WebFrontEnd {
  /// The good token in a form's `token` field; nil for none.
  func formToken(
    _ fields: [(name: String, value: String)], _ store: RegistryStore
  ) -> AccessToken? {
    token(secret: fields.first { $0.name == "token" }?.value ?? "", store)
  }

  /// `/caseworker`: the form; `POST /caseworker` verifies; `POST /caseworker/statement` signs.
  func caseworkerPage(
    _ request: HTTPRequest, _ store: RegistryStore, _ language: Language, statement: Bool
  ) -> HTTPResponse {
    guard request.method == "POST" else { return WorkPages.caseworkerForm(language) }
    guard let fields = FormEncoding.fields(request.body) else {
      return WorkPages.caseworkerForm(language, refused: .unreadable)
    }
    guard let token = formToken(fields, store) else {
      return WorkPages.caseworkerForm(language, refused: .unknownToken)
    }
    func field(_ name: String) -> String? {
      fields.first { $0.name == name }.map(\.value).flatMap { $0.isEmpty ? nil : $0 }
    }
    guard let coach = field("coach") else {
      return WorkPages.caseworkerForm(language, refused: .missing("coach"))
    }
    var parameters: [(name: String, value: String)] = [("as", field("as") ?? "municipal")]
    for name in ["on", "placement"] { if let value = field(name) { parameters.append((name, value)) } }
    let endpoint = APIEndpoint(method: "GET", ["", "v1", "coaches", coach, "verification"])!
    var arguments = ["verify", "--lang=" + language.rawValue] + parameters.map { "--\($0.name)=\($0.value)" }
    // With a good token the only refusal is the role's.
    if authorize(endpoint, token, parameters, store, &arguments) != nil {
      return WorkPages.caseworkerForm(language, refused: .notAllowed)
    }
    if statement {
      // Issued by the registry's key, kept for revocation, in the audit trail as this token's.
      defer { cache?.changed(store) }
      let (code, output, errors) = run(
        arguments + ["--statement", "--format=html", "--actor=" + token.name, "--", coach], store)
      guard code == ExitCode.success || code == ExitCode.findings else {
        return WorkPages.caseworkerForm(language, refused: .said(Problem.firstMessage(errors)))
      }
      return HTTPResponse(status: 200, contentType: "text/html; charset=utf-8", body: output)
    }
    let (code, output, errors) = run(arguments + ["--", coach], store)
    guard code == ExitCode.success || code == ExitCode.findings else {
      return WorkPages.caseworkerForm(language, refused: .said(Problem.firstMessage(errors)))
    }
    return WorkPages.verification(output, fields: fields, language)
  }

  /// `/association`: the form; `POST /association/import` imports; `POST /association/check`
  /// shows the findings with errors.
  func associationPage(
    _ request: HTTPRequest, _ store: RegistryStore, _ language: Language, action: String?
  ) -> HTTPResponse {
    guard request.method == "POST", let action else { return WorkPages.associationForm(language) }
    guard let fields = FormEncoding.fields(request.body) else {
      return WorkPages.associationForm(language, refused: .unreadable)
    }
    guard let token = formToken(fields, store) else {
      return WorkPages.associationForm(language, refused: .unknownToken)
    }
    guard token.may(.write, on: today()) else {
      return WorkPages.associationForm(language, refused: .notAllowed)
    }
    let lang = "--lang=" + language.rawValue
    switch action {
    case "import":
      let document = fields.first { $0.name == "document" }?.value ?? ""
      var asked = HTTPRequest(method: "POST", path: "/api/v1/imports", body: Array(document.utf8))
      var arguments = ["import", lang, "--actor=" + token.name]
      if let kind = fields.first(where: { $0.name == "kind" })?.value, !kind.isEmpty {
        arguments.append("--kind=" + kind)
        asked.headers["content-type"] = "text/csv"
      }
      if fields.contains(where: { $0.name == "dry-run" }) { arguments.append("--dry-run") }
      defer { cache?.changed(store) }
      let answer = importBody(asked, arguments: arguments, store: store)
      return WorkPages.imported(answer, language)
    default:
      let (code, output, errors) = run(["check", lang, "--severity=error"], store)
      guard code == ExitCode.success || code == ExitCode.findings else {
        return WorkPages.associationForm(language, refused: .said(Problem.firstMessage(errors)))
      }
      return WorkPages.findings(output, language)
    }
  }
}

/// The HTML of the pages with a token.
enum WorkPages {
  enum Refusal: Equatable {
    case unreadable, unknownToken, notAllowed
    /// Another role's token on a coach's own page.
    case notACoach
    case missing(String)
    /// What the command said.
    case said(String)
  }

  static func refusal(_ refused: Refusal?, _ language: Language) -> (String, Int) {
    let nl = language == .nl
    let (text, status): (String, Int) =
      switch refused {
      case nil: ("", 200)
      case .unreadable?: (nl ? "Het formulier kon niet worden gelezen." : "The form could not be read.", 400)
      case .unknownToken?: (nl ? "Dit token wordt niet herkend." : "This token is not recognised.", 401)
      case .notAllowed?: (nl ? "Dit token mag dit niet." : "This token may not do this.", 403)
      case .notACoach?:
        (nl ? "Dit is geen token van een jobcoach." : "This is not a coach's token.", 403)
      case .missing(let name)?: (nl ? "Vul \(name) in." : "Fill in \(name).", 400)
      case .said(let message)?: (message, 422)
      }
    guard !text.isEmpty else { return ("", status) }
    return (WebPages.alert(text), status)
  }

  /// The token as a password field (it is never put in an address or a page); `id` apart
  /// for a second form on one page.
  static func tokenField(_ language: Language, id: String = "token") -> String {
    """
    <label for="\(id)">\(language == .nl ? "Uw token" : "Your token")</label><br>
    <input id="\(id)" name="token" type="password" autocomplete="current-password" required><br>
    """
  }

  static func caseworkerForm(_ language: Language, refused: Refusal? = nil) -> HTTPResponse {
    let nl = language == .nl
    let (said, status) = refusal(refused, language)
    let kinds = CoachKind.allCases
      .map { "<option value=\"\($0.rawValue)\">\(Words.kind($0, language))</option>" }.joined()
    let body = """
      <h1>\(nl ? "Jobcoach controleren" : "Verify a coach")</h1>
      <p>\(nl
        ? "Mag deze jobcoach op deze datum als deze soort jobcoach worden ingezet, onder het beleid van uw gemeente?"
        : "May this coach be assigned as this kind of coach on this date, under your municipality's policy?")</p>
      \(said)<form method="post" action="\(WebPages.link("/caseworker", language))">
      \(tokenField(language))
      <label for="coach">\(nl ? "Jobcoach (id)" : "Coach (id)")</label><br>
      <input id="coach" name="coach" required><br>
      <label for="as">\(nl ? "Soort jobcoach" : "Kind of coach")</label><br>
      <select id="as" name="as">\(kinds)</select><br>
      <label for="on">\(nl ? "Datum van inzet" : "Assignment date")</label><br>
      <input id="on" name="on" type="date"><br>
      <label for="placement">\(nl ? "Plaatsing (id, niet verplicht)" : "Placement (id, optional)")</label><br>
      <input id="placement" name="placement"><br>
      <button type="submit">\(nl ? "Controleren" : "Verify")</button>
      </form>
      """
    return WebPages.page(
      language, title: nl ? "Jobcoach controleren" : "Verify a coach", body: body, status: status,
      other: WebPages.link("/caseworker", nl ? .en : .nl))
  }

  /// The verdict as `jobcoach verify` says it, and a form to print the signed statement.
  static func verification(
    _ text: String, fields: [(name: String, value: String)], _ language: Language
  ) -> HTTPResponse {
    let nl = language == .nl
    let shown = WebPages.verdict(text, restID: "findings")
    // The token is asked again, never written into the page.
    let hidden = fields.filter { ["coach", "as", "on", "placement"].contains($0.name) }
      .map { "<input type=\"hidden\" name=\"\(WebPages.escaped($0.name))\" value=\"\(WebPages.escaped($0.value))\">" }
      .joined(separator: "\n")
    let body = """
      <h1>\(nl ? "Jobcoach controleren" : "Verify a coach")</h1>
      \(shown.verdict)
      \(shown.rest)
      <form method="post" action="\(WebPages.link("/caseworker/statement", language))">
      \(hidden)
      \(tokenField(language))
      <button type="submit">\(nl ? "Ondertekende verklaring afdrukken" : "Print the signed statement")</button>
      </form>
      """
    return WebPages.page(
      language, title: nl ? "Jobcoach controleren" : "Verify a coach", body: body,
      other: WebPages.link("/caseworker", nl ? .en : .nl))
  }

  static func associationForm(_ language: Language, refused: Refusal? = nil) -> HTTPResponse {
    let nl = language == .nl
    let (said, status) = refusal(refused, language)
    let kinds = ["", "pe-activities", "experience", "hour-bookings", "attendance"]
      .map { "<option value=\"\($0)\">\($0.isEmpty ? (nl ? "JSON-document" : "JSON document") : $0 + " (CSV)")</option>" }
      .joined()
    let body = """
      <h1>\(nl ? "Beroepsvereniging" : "Association")</h1>
      \(said)<h2>\(nl ? "Inlezen" : "Import")</h2>
      <form method="post" action="\(WebPages.link("/association/import", language))">
      \(tokenField(language))
      <label for="file">\(nl ? "Bestand" : "File")</label><br>
      <input id="file" type="file" accept=".json,.csv,application/json,text/csv"><br>
      <label for="kind">\(nl ? "Soort" : "Kind")</label><br>
      <select id="kind" name="kind">\(kinds)</select><br>
      <label for="document">\(nl ? "Inhoud" : "Contents")</label><br>
      <textarea id="document" name="document" required></textarea><br>
      <input id="dry-run" name="dry-run" type="checkbox" value="true">
      <label for="dry-run">\(nl ? "Alleen controleren, niets opslaan" : "Check only, store nothing")</label><br>
      <button type="submit">\(nl ? "Inlezen" : "Import")</button>
      </form>
      <h2>\(nl ? "Controle van het hele register" : "Check of the whole registry")</h2>
      <form method="post" action="\(WebPages.link("/association/check", language))">
      \(tokenField(language, id: "check-token"))
      <button type="submit">\(nl ? "Bevindingen met fouten tonen" : "Show the findings with errors")</button>
      </form>
      \(WebPages.fileReader(into: "document"))
      """
    return WebPages.page(
      language, title: nl ? "Beroepsvereniging" : "Association", body: body, status: status,
      other: WebPages.link("/association", nl ? .en : .nl))
  }

  /// What an import said: its summary, or every problem with its place.
  static func imported(_ answer: HTTPResponse, _ language: Language) -> HTTPResponse {
    let nl = language == .nl
    var lines: [String] = []
    if case .object(let object)? = try? JSONParser.parse(answer.body) {
      if case .string(let said)? = object["said"] { lines = [said] }
      if case .array(let errors)? = object["errors"] {
        lines = errors.compactMap { if case .string(let text) = $0 { text } else { nil } }
      } else if case .string(let detail)? = object["detail"] {
        lines = [detail]
      }
    }
    let ok = answer.status == 200
    let body = """
      <h1>\(nl ? "Inlezen" : "Import")</h1>
      <p id="verdict" role="status" class="\(ok ? "holds" : "fails")"><strong>\(ok
        ? (nl ? "Ingelezen." : "Imported.")
        : (nl ? "Niet ingelezen: er is niets opgeslagen." : "Not imported: nothing was stored."))</strong></p>
      <pre id="said">\(WebPages.escaped(lines.joined(separator: "\n")))</pre>
      <p><a href="\(WebPages.link("/association", language))">\(nl ? "Terug" : "Back")</a></p>
      """
    return WebPages.page(
      language, title: nl ? "Inlezen" : "Import", body: body, status: ok ? 200 : answer.status,
      other: WebPages.link("/association", nl ? .en : .nl))
  }

  /// `check --severity error` as it says it, at most 2,000 lines.
  static func findings(_ text: String, _ language: Language) -> HTTPResponse {
    let nl = language == .nl
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let shown = lines.prefix(2_000).joined(separator: "\n")
    let more = lines.count > 2_000
      ? "<p>" + (nl
        ? "En nog \(lines.count - 2_000) regels: 'jobcoach check --severity error' toont alles."
        : "And \(lines.count - 2_000) more lines: 'jobcoach check --severity error' shows all.") + "</p>"
      : ""
    let body = """
      <h1>\(nl ? "Controle van het hele register" : "Check of the whole registry")</h1>
      <pre id="findings">\(WebPages.escaped(shown))</pre>
      \(more)
      <p><a href="\(WebPages.link("/association", language))">\(nl ? "Terug" : "Back")</a></p>
      """
    return WebPages.page(
      language, title: nl ? "Controle" : "Check", body: body,
      other: WebPages.link("/association", nl ? .en : .nl))
  }
}
