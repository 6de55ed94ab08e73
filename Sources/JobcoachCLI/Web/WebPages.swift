import JobcoachCore

/// The public pages, server-rendered HTML in Dutch (or English with `?lang=en`): usable on a
/// phone and with a keyboard, every field labelled, no script needed but the one that reads
/// an uploaded file into the statement's text box.
enum WebPages {
  static let style = """
    body { font-family: system-ui, sans-serif; margin: 0 auto; padding: 1rem; max-width: 60rem;
      color: #111; background: #fff; line-height: 1.5; }
    nav a { margin-right: 1rem; }
    a { color: #0b57d0; }
    a:focus, input:focus, textarea:focus, button:focus { outline: 3px solid #b45309;
      outline-offset: 2px; }
    input, textarea, button { font: inherit; padding: .4rem; }
    input[type=search] { width: 100%; max-width: 30rem; }
    textarea { width: 100%; min-height: 12rem; font-family: monospace; }
    button { background: #0b57d0; color: #fff; border: 0; border-radius: .3rem;
      padding: .5rem 1rem; cursor: pointer; }
    table { border-collapse: collapse; margin-top: 1rem; }
    th, td { border-bottom: 1px solid #999; padding: .3rem .8rem; text-align: left; }
    .holds { color: #14532d; } .fails { color: #991b1b; }
    pre { white-space: pre-wrap; font-size: .95rem; }
    """

  static func escaped(_ text: String) -> String { ExportPublicCommand.escaped(text) }

  /// A command's text answer as a page shows it: its first line, the verdict, as the page's
  /// status line, and the lines after it as the command printed them, in a `pre` with `id`.
  static func verdict(_ text: String, restID: String) -> (verdict: String, rest: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return (
      "<p id=\"verdict\" role=\"status\"><strong>\(escaped(lines.first.map(String.init) ?? ""))</strong></p>",
      "<pre id=\"\(restID)\">\(escaped(lines.dropFirst().joined(separator: "\n")))</pre>"
    )
  }

  /// A refusal or failure as a page says it, announced to screen readers.
  static func alert(_ text: String) -> String {
    "<p role=\"alert\" class=\"fails\">\(escaped(text))</p>\n"
  }

  /// A whole page: navigation, a link to the other language, `body` in `<main>`.
  static func page(
    _ language: Language, title: String, body: String, status: Int = 200, other: String
  ) -> HTTPResponse {
    let nl = language == .nl
    let suffix = nl ? "" : "?lang=en"
    let navigation = """
      <nav aria-label="\(nl ? "Hoofdmenu" : "Main")">\
      <a href="/\(suffix)">\(nl ? "Register" : "Register")</a>\
      <a href="/statements/verify\(suffix)">\(nl ? "Verklaring controleren" : "Check a statement")</a>\
      <a href="/coach\(suffix)">\(nl ? "Mijn PE-uren" : "My PE hours")</a>\
      <a href="/caseworker\(suffix)">\(nl ? "Jobcoach controleren" : "Verify a coach")</a>\
      <a href="/association\(suffix)">\(nl ? "Beroepsvereniging" : "Association")</a>\
      <a href="\(escaped(other))" lang="\(nl ? "en" : "nl")">\(nl ? "English" : "Nederlands")</a>\
      </nav>
      """
    let html =
      ExportPublicCommand.pageOpening(language: language, title: escaped(title), style: style)
      + "<header>\(navigation)</header>\n<main>\n\(body)\n</main>\n</body>\n</html>\n"
    return HTTPResponse(status: status, contentType: "text/html; charset=utf-8", body: html)
  }

  /// `?lang=en` (or none, for Dutch) after `path`, with the other arguments given.
  static func link(_ path: String, _ language: Language, _ arguments: [(String, String)] = [])
    -> String
  {
    let all = arguments + (language == .en ? [("lang", "en")] : [])
    guard !all.isEmpty else { return path }
    return path + "?" + all.map { $0.0 + "=" + percentEncoded($0.1) }.joined(separator: "&")
  }

  /// `text` as one URL path segment or query value: every byte but the unreserved escaped.
  static func percentEncoded(_ text: String) -> String {
    var encoded = ""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"):
        encoded.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let digits = Array("0123456789ABCDEF".unicodeScalars)
        encoded += "%"
        encoded.unicodeScalars.append(digits[Int(byte >> 4)])
        encoded.unicodeScalars.append(digits[Int(byte & 0x0F)])
      }
    }
    return encoded
  }

  /// The one script of the pages: the file chosen in `#file` read into the text box `target`
  /// (without JavaScript, pasting works).
  static func fileReader(into target: String) -> String {
    """
    <script>
    document.getElementById("file").addEventListener("change", event => {
      const file = event.target.files[0];
      if (file) { file.text().then(text => { document.getElementById("\(target)").value = text; }); }
    });
    </script>
    """
  }

  static func date(_ date: CalendarDate, _ language: Language) -> String {
    Localised.date(date, language)
  }

  // MARK: The register

  /// `/`: the search box, and what it finds in every register held.
  static func lookup(
    _ query: String?, registers: [PublicRegister], _ language: Language
  ) -> HTTPResponse {
    let nl = language == .nl
    let query = query ?? ""
    // What looks like a citizen service number is neither searched for nor said back.
    let refused = CitizenServiceNumber.occurs(in: query)
    let shownQuery = refused ? "" : query
    let title =
      registers.count == 1 ? registers[0].register : nl ? "Jobcoachregisters" : "Job coach registers"
    let publishers = registers.map { register in
      "<li>\(escaped(register.register)), \(nl ? "gepubliceerd op" : "published") "
        + "\(date(register.publishedOn, language)): \(register.entries.count) "
        + "\(nl ? "jobcoaches" : "coaches")</li>"
    }
    var body = """
      <h1>\(escaped(title))</h1>
      <p>\(nl
        ? "Wie in het register staat: registernummer, naam, status, ingeschreven sinds en geldig tot. Gepubliceerd door:"
        : "Who is in the register: register number, name, status, registered since and valid until. Published by:")</p>
      <ul id="publishers">
      \(publishers.joined(separator: "\n"))
      </ul>
      <form method="get" action="/" role="search">
      <label for="q">\(nl ? "Zoek op naam of registernummer" : "Search by name or register number")</label><br>
      <input id="q" name="q" type="search" value="\(escaped(shownQuery))" autocomplete="off">
      \(language == .en ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "")
      <button type="submit">\(nl ? "Zoeken" : "Search")</button>
      </form>

      """
    if refused {
      body += "<p role=\"status\">"
        + (nl
          ? "Dit lijkt op een burgerservicenummer (BSN); daarop wordt niet gezocht."
          : "This looks like a citizen service number (BSN); the register is not searched by it.")
        + "</p>\n"
    } else if !query.trimmingWhitespace.isEmpty {
      let found = registers.flatMap { register in register.search(query).map { (register, $0) } }
      if found.isEmpty {
        body += "<p role=\"status\" id=\"none\">"
          + (nl ? "Geen jobcoach gevonden die hierop lijkt." : "No coach matches.") + "</p>\n"
      } else {
        body += "<p role=\"status\" id=\"found\">"
          + (nl
            ? "\(found.count) \(found.count == 1 ? "jobcoach" : "jobcoaches") gevonden."
            : "\(found.count) \(found.count == 1 ? "coach" : "coaches") found.") + "</p>\n"
        body += table(found, language, namingRegister: registers.count > 1)
      }
    }
    return page(
      language, title: title, body: body,
      other: link("/", language == .nl ? .en : .nl, shownQuery.isEmpty ? [] : [("q", shownQuery)]))
  }

  static func table(
    _ entries: [(PublicRegister, PublicRegisterEntry)], _ language: Language, namingRegister: Bool
  ) -> String {
    let nl = language == .nl
    let headings =
      ((nl
      ? ["Registernummer", "Naam", "Status", "Ingeschreven sinds", "Geldig tot"]
      : ["Register number", "Name", "Status", "Registered since", "Valid until"])
      + (namingRegister ? [nl ? "Register" : "Register"] : []))
      .map { "<th scope=\"col\">\($0)</th>" }.joined()
    let rows = entries.map { register, entry in
      "<tr><td><a href=\"\(escaped(link("/register/" + percentEncoded(entry.registerNumber), language)))\">"
        + "\(escaped(entry.registerNumber))</a></td><td>\(escaped(entry.name))</td>"
        + "<td>\(ExportPublicCommand.status(entry.status, language))</td>"
        + "<td>\(date(entry.registeredSince, language))</td>"
        + "<td>\(entry.validUntil.map { date($0, language) } ?? "")</td>"
        + (namingRegister ? "<td>\(escaped(register.register))</td>" : "") + "</tr>"
    }
    return "<table id=\"results\">\n<thead><tr>\(headings)</tr></thead>\n<tbody>\n"
      + rows.joined(separator: "\n") + "\n</tbody>\n</table>\n"
  }

  /// `/register/{number}`: the entry with this number, in each register that has one.
  static func entry(
    _ number: String, registers: [PublicRegister], _ language: Language
  ) -> HTTPResponse {
    let nl = language == .nl
    let refused = CitizenServiceNumber.occurs(in: number)
    let other = link(refused ? "/" : "/register/" + percentEncoded(number), nl ? .en : .nl)
    let found = refused ? [] : registers.compactMap { register in register.entry(number).map { (register, $0) } }
    guard let first = found.first else {
      let said = refused ? "" : " " + escaped(number)
      return page(
        language, title: nl ? "Niet gevonden" : "Not found",
        body: "<h1>\(nl ? "Niet gevonden" : "Not found")</h1>\n<p>"
          + (nl
            ? "Registernummer\(said) staat niet in het register."
            : "Register number\(said) is not in the register.")
          + "</p>\n<p><a href=\"\(link("/", language))\">"
          + (nl ? "Zoek in het register" : "Search the register") + "</a></p>",
        status: 404, other: other)
    }
    var body = "<h1>\(escaped(first.1.name))</h1>\n"
    for (register, entry) in found {
      let rows: [(String, String)] = [
        (nl ? "Registernummer" : "Register number", escaped(entry.registerNumber)),
        (nl ? "Status" : "Status", ExportPublicCommand.status(entry.status, language)),
        (nl ? "Ingeschreven sinds" : "Registered since", date(entry.registeredSince, language)),
        (nl ? "Geldig tot" : "Valid until", entry.validUntil.map { date($0, language) } ?? "-"),
      ]
      body +=
        "<dl class=\"entry\">\n"
        + rows.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined(separator: "\n")
        + "\n</dl>\n<p>"
        + (nl
          ? "Volgens \(escaped(register.register)), gepubliceerd op \(date(register.publishedOn, language))."
          : "According to \(escaped(register.register)), published \(date(register.publishedOn, language)).")
        + "</p>\n"
    }
    return page(language, title: first.1.name, body: body, other: other)
  }

  // MARK: Statements

  /// `/statements/verify`: paste or upload a signed statement.
  static func statementForm(_ language: Language, refusal: String? = nil, status: Int = 200)
    -> HTTPResponse
  {
    let nl = language == .nl
    let said = refusal.map(alert) ?? ""
    let body = """
      <h1>\(nl ? "Verklaring controleren" : "Check a statement")</h1>
      <p>\(nl
        ? "Plak een ondertekende verklaring (JSON) of kies het bestand. Gecontroleerd worden de handtekening, of de uitgever vertrouwd wordt, de geldigheid op vandaag en of de verklaring is ingetrokken. Er wordt niets bewaard."
        : "Paste a signed statement (JSON) or choose its file. The signature, whether the issuer is trusted, the validity today and whether it was revoked are checked. Nothing is kept.")</p>
      \(said)<form method="post" action="\(link("/statements/verify", language))">
      <label for="file">\(nl ? "Bestand" : "File")</label><br>
      <input id="file" type="file" accept=".json,.jsonld,application/json,application/ld+json"><br>
      <label for="statement">\(nl ? "Verklaring" : "Statement")</label><br>
      <textarea id="statement" name="statement" required></textarea><br>
      <button type="submit">\(nl ? "Controleren" : "Check")</button>
      </form>
      \(fileReader(into: "statement"))
      """
    return page(
      language, title: nl ? "Verklaring controleren" : "Check a statement", body: body,
      status: status, other: link("/statements/verify", nl ? .en : .nl))
  }

  static func statementOutcome(
    _ outcome: CheckStatement.Outcome, on date: CalendarDate, _ language: Language
  ) -> HTTPResponse {
    let nl = language == .nl
    let words = language.words
    var body = "<h1>\(nl ? "Verklaring controleren" : "Check a statement")</h1>\n"
    if outcome.holds {
      body += "<p id=\"verdict\" role=\"status\" class=\"holds\"><strong>"
        + (nl
          ? "De verklaring is geldig op \(self.date(date, language))."
          : "The statement holds on \(self.date(date, language)).")
        + "</strong></p>\n"
    } else {
      body += "<p id=\"verdict\" role=\"status\" class=\"fails\"><strong>"
        + (nl
          ? "De verklaring is niet geldig op \(self.date(date, language))."
          : "The statement does not hold on \(self.date(date, language)).")
        + "</strong></p>\n<ul id=\"problems\">\n"
        + outcome.problems.map { "<li>\(escaped(StatementVerifyCommand.text($0, words)))</li>" }
          .joined(separator: "\n") + "\n</ul>\n"
    }
    var facts: [(String, String)] = []
    if let issuer = outcome.issuer { facts.append((nl ? "Uitgever" : "Issuer", escaped(issuer))) }
    if let from = outcome.validFrom {
      facts.append((nl ? "Geldig vanaf" : "Valid from", self.date(from, language)))
    }
    if let until = outcome.validUntil {
      facts.append((nl ? "Geldig tot en met" : "Valid until", self.date(until, language)))
    }
    let revocation: String? =
      switch outcome.revocation {
      case .current: nl ? "niet ingetrokken" : "not revoked"
      case .revoked: nl ? "ingetrokken" : "revoked"
      case .notRevocable:
        nl ? "staat niet in een intrekkingslijst (gemaakt uit documenten)"
          : "has no place in a revocation list (made from documents)"
      case .notAsked:
        nl ? "niet nagegaan: de uitgever is niet dit register"
          : "not checked: the issuer is not this registry"
      }
    if let revocation { facts.append((nl ? "Intrekking" : "Revocation", revocation)) }
    body += "<dl>\n" + facts.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined(separator: "\n")
      + "\n</dl>\n<p><a href=\"\(link("/statements/verify", language))\">"
      + (nl ? "Nog een verklaring controleren" : "Check another statement") + "</a></p>"
    return page(
      language, title: nl ? "Verklaring controleren" : "Check a statement", body: body,
      other: link("/statements/verify", nl ? .en : .nl))
  }

  // MARK: A coach's own page

  /// `/coach`: the coach gives their token (as a password; it is never put in an address).
  static func coachLogin(_ language: Language, refused: WorkPages.Refusal? = nil) -> HTTPResponse {
    let nl = language == .nl
    let (said, status) = WorkPages.refusal(refused, language)
    let body = """
      <h1>\(nl ? "Mijn PE-uren" : "My PE hours")</h1>
      <p>\(nl
        ? "Wat telt in uw registratieperiode, wat ontbreekt en tot wanneer: geef het token dat u van de beroepsvereniging kreeg."
        : "What counts in your registration period, what is missing and by when: give the token the association gave you.")</p>
      \(said)<form method="post" action="\(link("/coach", language))">
      \(WorkPages.tokenField(language))
      <button type="submit">\(nl ? "Bekijken" : "Show")</button>
      </form>
      """
    return page(
      language, title: nl ? "Mijn PE-uren" : "My PE hours", body: body, status: status,
      other: link("/coach", nl ? .en : .nl))
  }

  /// The coach's PE statement as `jobcoach pe` says it, and a form to check a portfolio file
  /// before sending it (the token is asked again: it is never written into a page).
  static func coachStatement(_ text: String, _ language: Language) -> HTTPResponse {
    let nl = language == .nl
    let shown = verdict(text, restID: "statement")
    let body = """
      <h1>\(nl ? "Mijn PE-uren" : "My PE hours")</h1>
      \(shown.verdict)
      \(shown.rest)
      <h2>\(nl ? "Een portfolio controleren" : "Check a portfolio")</h2>
      <p>\(nl
        ? "Wat zou een portfoliobestand opleveren, voordat u het instuurt? Er wordt niets opgeslagen."
        : "What would a portfolio file give, before you send it? Nothing is stored.")</p>
      <form method="post" action="\(link("/coach/portfolio", language))">
      \(WorkPages.tokenField(language))
      <label for="file">\(nl ? "Bestand" : "File")</label><br>
      <input id="file" type="file" accept=".json,application/json"><br>
      <label for="portfolio">\(nl ? "Portfolio (JSON)" : "Portfolio (JSON)")</label><br>
      <textarea id="portfolio" name="portfolio" required></textarea><br>
      <button type="submit">\(nl ? "Controleren" : "Check")</button>
      </form>
      \(fileReader(into: "portfolio"))
      """
    return page(
      language, title: nl ? "Mijn PE-uren" : "My PE hours",
      body: body,
      other: link("/coach", nl ? .en : .nl))
  }

  /// What a portfolio file would give: the statement, or why it cannot be read.
  static func portfolioChecked(_ text: String?, problems: [String], _ language: Language)
    -> HTTPResponse
  {
    let nl = language == .nl
    let shown = verdict(text ?? "", restID: "statement")
    let body =
      "<h1>\(nl ? "Een portfolio controleren" : "Check a portfolio")</h1>\n"
      + (problems.isEmpty
        ? shown.verdict + "\n"
          + "<p>" + (nl ? "Niets is opgeslagen." : "Nothing was stored.") + "</p>\n"
          + shown.rest
        : alert(nl ? "Het bestand kon niet worden gelezen:" : "The file could not be read:")
          + "<ul id=\"problems\">\n" + problems.map { "<li>\(escaped($0))</li>" }.joined(separator: "\n")
          + "\n</ul>")
      + "\n<p><a href=\"\(link("/coach", language))\">\(nl ? "Terug" : "Back")</a></p>"
    return page(
      language, title: nl ? "Een portfolio controleren" : "Check a portfolio", body: body,
      status: problems.isEmpty ? 200 : 422, other: link("/coach", nl ? .en : .nl))
  }

  // MARK: Failures

  static func notFound(_ language: Language) -> HTTPResponse {
    let nl = language == .nl
    return page(
      language, title: nl ? "Niet gevonden" : "Not found",
      body: "<h1>\(nl ? "Niet gevonden" : "Not found")</h1>\n<p>"
        + (nl ? "Deze pagina bestaat niet." : "There is no such page.")
        + " <a href=\"\(link("/", language))\">"
        + (nl ? "Zoek in het register" : "Search the register") + "</a></p>",
      status: 404, other: link("/", nl ? .en : .nl))
  }

  static func failure(_ failure: WebFailure, _ language: Language) -> HTTPResponse {
    let nl = language == .nl
    return page(
      language, title: nl ? "Storing" : "Failure",
      body: "<h1>\(nl ? "Storing" : "Failure")</h1>\n<p>"
        + escaped(nl ? failure.dutch : failure.english) + "</p>",
      status: 503, other: link("/", nl ? .en : .nl))
  }
}
