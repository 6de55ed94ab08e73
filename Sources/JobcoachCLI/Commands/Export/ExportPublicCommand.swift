import JobcoachCore
import JobcoachStore

/// `jobcoach export public`: the register as the association publishes it.
struct ExportPublicCommand: Command {
  static let spec = CommandSpec(
    name: "export public",
    summary: "the public register on a date: number, name, status, since, valid until",
    synopsis:
      "--format json|csv|html [--signed | --key FILE] [--on DATE] [--register ID] [--lang nl|en] "
      + "[--db PATH | --file FILE...]",
    positionals: 0...0,
    options: [
      .value("--format", "FORMAT", "json (importable by a municipality), csv or html"),
      .flag("--signed", "sign the json with the registry's key ('jobcoach keys use')"),
      .value("--key", "FILE", "sign the json with this key ('jobcoach keys generate')"), .date,
      .register,
      .value("--lang", "LANG", "the html page's language: nl (default) or en"),
      CSVDialect.option, .database, .documents,
    ],
    discussion: """
      Publishes who is in the register on the date (registered, assessment due or suspended):
      register number, name, status, registered since and valid until (the end of the running
      five-year cycle), and nothing else: no address, no date of birth, no employer, no PE
      details. Removed coaches and applicants are not published.

      json is a "public-register" document (Schemas/public-register.schema.json): a
      municipality imports it with 'jobcoach import' and 'verify' then reports the standing of
      a coach who gives their register number (R-RE-1). html is one self-contained page with
      a search box.

      With --signed (the registry's key) or --key FILE the json is signed as statements are
      (eddsa-jcs-2022, the signer's did:key as "issuer") and carries the issuer's revocation
      list as a signed W3C Bitstring Status List credential ("statusList"): the statements
      withdrawn with 'jobcoach statement revoke'. A municipality imports only a register signed
      by an issuer it trusts ('jobcoach trust add'); 'statement verify --status' reads the list.

      example: jobcoach export public --format html --file Samples > register.html
      """)

  let arguments: ParsedArguments
  let format: String

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    guard let format = arguments.value("--format") else {
      throw UsageError(
        "missing --format json|csv|html", nl: "--format json|csv|html ontbreekt",
        command: Self.spec.name)
    }
    guard ["json", "csv", "html"].contains(format) else {
      throw UsageError(
        "unknown format '\(format)'; choose json, csv or html",
        nl: "onbekend formaat '\(format)'; kies json, csv of html", command: Self.spec.name)
    }
    self.format = format
    if arguments.flag("--signed") || arguments.value("--key") != nil {
      guard format == "json" else {
        throw UsageError(
          "only --format json is signed", nl: "alleen --format json wordt ondertekend",
          command: Self.spec.name)
      }
      guard !(arguments.flag("--signed") && arguments.value("--key") != nil) else {
        throw UsageError(
          "use either --signed or --key FILE", nl: "gebruik --signed of --key BESTAND, niet allebei",
          command: Self.spec.name)
      }
    }
    if let language = arguments.value("--lang"), Language(rawValue: language) == nil {
      throw UsageError(
        "unknown language '\(language)'; choose nl or en",
        nl: "onbekende taal '\(language)'; kies nl of en", command: Self.spec.name)
    }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let date = try context.date(arguments, command: Self.spec.name)
    let signing = arguments.flag("--signed") || arguments.value("--key") != nil
    // A given key is read first: a missing key leaves nothing half done.
    let givenKey = try arguments.value("--key").map(StatementKeys.read)
    let store = try context.openRegistry(arguments)
    let register = try PublishRegister(on: date, register: arguments.register).run(in: store)
    switch format {
    case "json" where signing:
      let fromRegistry = arguments.allValues("--file").isEmpty
      let key = try givenKey ?? StatementKeys.signing(arguments, store: fromRegistry ? store : nil)
      // From documents no statement was issued: the list is empty.
      let revoked =
        fromRegistry ? try store.revocationList(of: key.publicKey.did) : BitstringStatusList()
      context.print(
        JSONWriter.string(.object(try Self.signed(register, list: revoked, key: key, on: date))))
    case "json": context.print(JSONWriter.string(Self.json(register)))
    case "csv":
      context.print(
        try CSVDialect.parse(arguments, command: Self.spec.name).write(Self.csv(register)))
    default:
      // For the Dutch public: Dutch unless --lang or $JOBCOACH_LANG says otherwise.
      let language = try Language.forPage(
        arguments, environment: context.environment, command: Self.spec.name)
      context.print(Self.html(register, language: language))
    }
    return ExitCode.success
  }

  static func json(_ register: PublicRegister) -> JSONValue {
    .object([
      "kind": JSONValue(DocumentKind.publicRegister.rawValue), "schemaVersion": JSONValue(1),
      "register": JSONValue(register.register),
      "registerId": JSONValue(register.registerID?.rawValue),
      "publishedOn": JSONValue(register.publishedOn),
      "entries": .array(
        register.entries.map {
          .object([
            "registerNumber": JSONValue($0.registerNumber), "name": JSONValue($0.name),
            "status": JSONValue($0.status.rawValue),
            "registeredSince": JSONValue($0.registeredSince),
            "validUntil": JSONValue($0.validUntil),
          ])
        }),
    ])
  }

  /// The register signed by `key`, with the key's revocation list signed inside it.
  static func signed(
    _ register: PublicRegister, list: BitstringStatusList, key: SigningKey, on date: CalendarDate
  ) throws -> JSONObject {
    guard case .object(var object) = json(register) else { return JSONObject() }
    object.members.append(.init(key: "issuer", value: .string(key.publicKey.did)))
    let statusList = try StatusListCredential.signed(list, by: key, on: date)
    object.members.append(.init(key: "statusList", value: .object(statusList)))
    return try DataIntegrity.sign(object, with: key)
  }

  static func csv(_ register: PublicRegister) -> String {
    var text = CSV.line(["registerNumber", "name", "status", "registeredSince", "validUntil"])
    for entry in register.entries {
      text += CSV.line([
        entry.registerNumber, entry.name, entry.status.rawValue, entry.registeredSince.description,
        entry.validUntil?.description ?? "",
      ])
    }
    return text
  }

  /// How a self-contained page opens, up to and with `<body>`: its language, its title (safe
  /// HTML already) and its style sheet.
  static func pageOpening(language: Language, title: String, style: String) -> String {
    """
    <!doctype html>
    <html lang="\(language.rawValue)">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(title)</title>
    <style>
    \(style)
    </style>
    </head>
    <body>

    """
  }

  /// Text safe inside HTML elements and attribute values.
  static func escaped(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }

  /// The status as the public reads it.
  static func status(_ status: MembershipStatus, _ language: Language) -> String {
    switch (status, language) {
    case (.registered, .nl): "geregistreerd"
    case (.assessmentDue, .nl): "portfoliobeoordeling nodig"
    case (.suspended, .nl): "geschorst"
    case (.removed, .nl): "uitgeschreven"
    case (.applicant, .nl): "aanvrager"
    case (.registered, .en): "registered"
    case (.assessmentDue, .en): "assessment due"
    case (.suspended, .en): "suspended"
    case (.removed, .en): "removed"
    case (.applicant, .en): "applicant"
    }
  }

  /// One self-contained page with a search box, in Dutch (the public's language) or English.
  /// The search ignores accents and case: 'zoe' finds 'Zoë'.
  static func html(_ register: PublicRegister, language: Language = .nl) -> String {
    let nl = language == .nl
    func date(_ date: CalendarDate) -> String { Localised.date(date, language) }
    let title = escaped("\(register.register), \(date(register.publishedOn))")
    let rows = register.entries.map { entry in
      "<tr><td>\(escaped(entry.registerNumber))</td><td>\(escaped(entry.name))</td>"
        + "<td>\(status(entry.status, language))</td><td>\(date(entry.registeredSince))</td>"
        + "<td>\(entry.validUntil.map(date) ?? "")</td></tr>"
    }.joined(separator: "\n")
    let intro =
      nl
      ? "Gepubliceerd op \(date(register.publishedOn)): registernummer, naam, status, "
        + "ingeschreven sinds en geldig tot. <span id=\"count\">\(register.entries.count)</span> "
        + "jobcoaches."
      : "Published \(date(register.publishedOn)): register number, name, status, registered "
        + "since and valid until. <span id=\"count\">\(register.entries.count)</span> coaches."
    let label = nl ? "Zoek op naam of registernummer" : "Search by name or register number"
    let headings =
      (nl
      ? ["Registernummer", "Naam", "Status", "Ingeschreven sinds", "Geldig tot"]
      : ["Register number", "Name", "Status", "Registered since", "Valid until"])
      .map { "<th>\($0)</th>" }.joined()
    let none = nl ? "Geen jobcoach gevonden die hierop lijkt." : "No coach matches."
    return Self.pageOpening(
      language: language, title: title,
      style: """
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #111; }
        input { font-size: 1rem; padding: .4rem; width: 100%; max-width: 30rem; }
        table { border-collapse: collapse; margin-top: 1rem; }
        th, td { border-bottom: 1px solid #ccc; padding: .3rem .8rem; text-align: left; }
        """)
      + """
      <h1>\(title)</h1>
      <p>\(intro)</p>
      <label for="search">\(label)</label><br>
      <input id="search" type="search" autocomplete="off">
      <p id="none" role="status" hidden>\(none)</p>
      <table id="register">
      <thead><tr>\(headings)</tr></thead>
      <tbody>
      \(rows)
      </tbody>
      </table>
      <script>
      const search = document.getElementById("search");
      const rows = Array.from(document.querySelectorAll("#register tbody tr"));
      // Accents and case do not matter: 'zoe' finds 'Zoë'.
      function plain(text) {
        return text.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase();
      }
      const texts = rows.map(row => plain(row.textContent));
      function filter() {
        const query = plain(search.value.trim());
        let shown = 0;
        rows.forEach((row, index) => {
          const match = texts[index].includes(query);
          row.hidden = !match;
          if (match) shown++;
        });
        document.getElementById("count").textContent = shown;
        document.getElementById("none").hidden = shown > 0;
      }
      search.addEventListener("input", filter);
      if (location.hash.length > 1) { search.value = decodeURIComponent(location.hash.slice(1)); }
      filter();
      </script>
      </body>
      </html>

      """
  }
}
