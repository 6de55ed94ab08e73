import JobcoachCore
import JobcoachStore

/// The registry on the web (`jobcoach serve`): public pages for looking a coach up and checking
/// a statement, and a JSON API under `/api/v1`. Every answer comes from the same use cases as
/// the command line: the API runs the very command (`verify`, `pe`, `placement show`, `export
/// public`) with its JSON output, so keys, findings and error messages are the command's.
///
/// Answers one request at a time on the calling thread with the registry connection it is
/// given; a server keeps one connection per thread.
public struct WebFrontEnd: Sendable {
  let today: @Sendable () -> CalendarDate
  /// Answers of the API's reads while the registry is unchanged; nil: none kept.
  let cache: AnswerCache?

  /// How long the server's connections wait for another program writing the registry before
  /// a write is answered 503 with Retry-After (the command line waits an hour; a web request
  /// should not).
  public static let writeWait = WaitPolicy(limitSeconds: 30)

  public init(
    today: @escaping @Sendable () -> CalendarDate = CommandContext.todayInAmsterdam,
    cache: AnswerCache? = AnswerCache()
  ) {
    self.today = today
    self.cache = cache
  }

  public func respond(to request: HTTPRequest, store: RegistryStore) -> HTTPResponse {
    let segments = request.path.split(separator: "/").map(String.init)
    let isRead = request.method == "GET" || request.method == "HEAD"
    if segments.first == "api" {
      return api(request, segments, store)
    }
    let language: Language = request.argument("lang") == "en" ? .en : .nl
    switch segments.count {
    case 0:
      guard isRead else { return Problem.methodNotAllowed(allow: "GET, HEAD", instance: request.path) }
      return withRegisters(store, language) {
        WebPages.lookup(request.argument("q"), registers: $0, language)
      }
    case 2 where segments[0] == "register":
      guard isRead else { return Problem.methodNotAllowed(allow: "GET, HEAD", instance: request.path) }
      return withRegisters(store, language) { WebPages.entry(segments[1], registers: $0, language) }
    case 1 where segments[0] == "caseworker", 2 where segments[0] == "caseworker" && segments[1] == "statement":
      guard ["GET", "HEAD", "POST"].contains(request.method), segments.count == 1 || request.method == "POST" else {
        return Problem.methodNotAllowed(allow: segments.count == 1 ? "GET, HEAD, POST" : "POST", instance: request.path)
      }
      return caseworkerPage(request, store, language, statement: segments.count == 2)
    case 1 where segments[0] == "association",
      2 where segments[0] == "association" && ["import", "check"].contains(segments[1]):
      guard ["GET", "HEAD", "POST"].contains(request.method), segments.count == 1 || request.method == "POST" else {
        return Problem.methodNotAllowed(allow: segments.count == 1 ? "GET, HEAD" : "POST", instance: request.path)
      }
      return associationPage(request, store, language, action: segments.count == 2 ? segments[1] : nil)
    case 2 where segments[0] == "coach" && segments[1] == "portfolio":
      guard request.method == "POST" else {
        return Problem.methodNotAllowed(allow: "POST", instance: request.path)
      }
      return checkPortfolio(request, store, language)
    case 1 where segments[0] == "coach":
      switch request.method {
      case "GET", "HEAD": return WebPages.coachLogin(language)
      case "POST": return coachPage(request, store, language)
      default: return Problem.methodNotAllowed(allow: "GET, HEAD, POST", instance: request.path)
      }
    case 2 where segments[0] == "statements" && segments[1] == "verify":
      switch request.method {
      case "GET", "HEAD": return WebPages.statementForm(language)
      case "POST": return verifyStatement(request, store, language)
      default: return Problem.methodNotAllowed(allow: "GET, HEAD, POST", instance: request.path)
      }
    default:
      return WebPages.notFound(language)
    }
  }

  /// Answered when no registry connection can be had.
  public static func unavailable() -> HTTPResponse {
    Problem.response(503, detail: "the registry cannot be opened now; try again", instance: nil)
  }

  /// Answered when a request's body is over the server's limit (its rest is never read).
  public static func tooLarge(limit: Int) -> HTTPResponse {
    Problem.response(
      413, detail: "the request's body is over \(limit / (1 << 20)) MiB", instance: nil)
  }

  /// The page `body` makes of every register as published today; a failure page when the
  /// registry cannot be read.
  func withRegisters(
    _ store: RegistryStore, _ language: Language, _ body: ([PublicRegister]) -> HTTPResponse
  ) -> HTTPResponse {
    switch publicRegister(store) {
    case .success(let registers): body(registers)
    case .failure(let failure): WebPages.failure(failure, language)
    }
  }

  func publicRegister(_ store: RegistryStore) -> Result<[PublicRegister], WebFailure> {
    let day = today()
    let generation = cache?.generation(for: store)
    if let generation, let kept = cache?.keptRegisters(on: day, generation: generation) {
      return .success(kept)
    }
    do {
      let registers = try PublishRegister.everyRegister(on: day, in: store)
      if let generation { cache?.keep(registers, on: day, generation: generation) }
      return .success(registers)
    } catch {
      return .failure(WebFailure(error))
    }
  }

  // MARK: A coach's own page

  /// `POST /coach` with the coach's token: their PE statement for today, as `jobcoach pe`
  /// says it. The token travels in the form's body, never in an address.
  func coachPage(_ request: HTTPRequest, _ store: RegistryStore, _ language: Language)
    -> HTTPResponse
  {
    let coach: CoachID
    switch coachOf(FormEncoding.fields(request.body) ?? [], store, language) {
    case .success(let found): coach = found
    case .failure(let refusal): return refusal.page
    }
    let (code, output, errors) = run(
      ["pe", "--lang=" + language.rawValue, "--", coach.rawValue], store)
    guard code == ExitCode.success || code == ExitCode.findings else {
      return WebPages.page(
        language, title: "PE", body: "<p role=\"alert\">" + WebPages.escaped(Problem.firstMessage(errors)) + "</p>",
        status: 422, other: WebPages.link("/coach", language == .nl ? .en : .nl))
    }
    return WebPages.coachStatement(output, language)
  }

  /// A refusal as the page that says it.
  struct Refused: Error {
    var page: HTTPResponse
  }

  /// The coach whose token the form carries, or the login page refusing it (an unknown
  /// token, or another role's).
  func coachOf(
    _ fields: [(name: String, value: String)], _ store: RegistryStore, _ language: Language
  ) -> Result<CoachID, Refused> {
    guard let token = formToken(fields, store) else {
      return .failure(Refused(page: WebPages.coachLogin(language, refused: .unknownToken)))
    }
    guard let coach = token.coach, token.may(.peStatement(of: coach), on: today()) else {
      return .failure(Refused(page: WebPages.coachLogin(language, refused: .notACoach)))
    }
    return .success(coach)
  }

  /// `POST /coach/portfolio` with the coach's token and a portfolios document: the PE
  /// statement that portfolio would give today, judged and shown, never stored.
  func checkPortfolio(_ request: HTTPRequest, _ store: RegistryStore, _ language: Language)
    -> HTTPResponse
  {
    let fields = FormEncoding.fields(request.body) ?? []
    let coach: CoachID
    switch coachOf(fields, store, language) {
    case .success(let found): coach = found
    case .failure(let refusal): return refusal.page
    }
    let words = language.words
    let document = Array((fields.first { $0.name == "portfolio" }?.value ?? "").utf8)
    var batch = ImportBatch()
    let log = ProblemLog()
    batch.read(document, file: "portfolio.json", log: log)
    guard log.isEmpty else {
      return WebPages.portfolioChecked(
        nil, problems: log.problems.map { words.line($0) }, language)
    }
    guard let portfolio = batch.portfolios.first(where: { $0.value.coach == coach })?.value else {
      return WebPages.portfolioChecked(
        nil,
        problems: [
          words.say(
            "the document holds no portfolio of \(coach.rawValue) (a \"portfolios\" document, as Schemas/portfolios.schema.json describes)",
            "het document bevat geen portfolio van \(coach.rawValue) (een document van soort \"portfolios\", zoals Schemas/portfolios.schema.json beschrijft)")
        ], language)
    }
    do {
      let answer = try CheckPEHours(coach: coach, on: today(), portfolio: portfolio).run(in: store)
      return WebPages.portfolioChecked(PECommand.text(answer, words), problems: [], language)
    } catch {
      let failure = WebFailure(error)
      return WebPages.portfolioChecked(
        nil, problems: [language == .nl ? failure.dutch : failure.english], language)
    }
  }

  // MARK: Statements

  func verifyStatement(_ request: HTTPRequest, _ store: RegistryStore, _ language: Language)
    -> HTTPResponse
  {
    let words = language.words
    let pasted: [UInt8]
    if request.headers["content-type"]?.hasPrefix("application/x-www-form-urlencoded") == true {
      guard let fields = FormEncoding.fields(request.body) else {
        return WebPages.statementForm(language, refusal: words.say(
          "the form could not be read", "het formulier kon niet worden gelezen"), status: 400)
      }
      pasted = Array((fields.first { $0.name == "statement" }?.value ?? "").utf8)
    } else {
      pasted = request.body
    }
    // Nothing that looks like a citizen service number is read, let alone shown.
    let holdsNumber = pasted.withUnsafeBufferPointer { CitizenServiceNumber.mayOccur(inJSON: $0) }
    if holdsNumber, (try? JSONParser.parse(pasted)).map(Self.holdsCitizenServiceNumber) ?? true {
      return WebPages.statementForm(language, refusal: words.say(
        "the text holds what looks like a citizen service number (BSN); it was not read",
        "de tekst bevat iets dat op een burgerservicenummer (BSN) lijkt; hij is niet gelezen"),
        status: 422)
    }
    let document: JSONValue
    do { document = try JSONParser.parse(pasted) } catch {
      return WebPages.statementForm(language, refusal: words.say(
        "not JSON: line \(error.line), column \(error.column): \(English().problem(error.reason))",
        "geen JSON: regel \(error.line), kolom \(error.column): \(Dutch().problem(error.reason))"),
        status: 422)
    }
    let date = today()
    var trusted: [PublicKey] = []
    var statusList: JSONValue?
    do {
      for did in try store.acceptedSigners() {
        if let key = try? PublicKey(did: did) { trusted.append(key) }
      }
      // The registry's own statements are checked against its own revocation list.
      if let held = try store.issuingKey(), let key = try? StatementKeys.read(held.keyFile),
        case .object(let statement) = document, statement["issuer"] == .string(held.did)
      {
        statusList = .object(
          try StatusListCredential.signed(try store.revocationList(of: held.did), by: key, on: date))
      }
    } catch {
      return WebPages.failure(WebFailure(error), language)
    }
    let outcome = CheckStatement(trusting: trusted, on: date, statusList: statusList).run(document)
    return WebPages.statementOutcome(outcome, on: date, language)
  }

  /// Whether any text, number or member name of a JSON value looks like a citizen service
  /// number.
  static func holdsCitizenServiceNumber(_ value: JSONValue) -> Bool {
    switch value {
    case .string(let text): CitizenServiceNumber.occurs(in: text)
    case .number(let text): CitizenServiceNumber.occurs(in: text)
    case .array(let items): items.contains(where: holdsCitizenServiceNumber)
    case .object(let object):
      object.members.contains {
        CitizenServiceNumber.occurs(in: $0.key) || holdsCitizenServiceNumber($0.value)
      }
    default: false
    }
  }
}

/// A failure reading the registry while answering, said as the command line says it.
struct WebFailure: Error {
  var english: String
  var dutch: String

  init(_ error: any Error) {
    let output = CapturedOutput()
    _ = JobcoachTool.report(error, context: CommandContext(environment: [:], output: output))
    english = Problem.firstMessage(output.standardError)
    let dutchOutput = CapturedOutput()
    _ = JobcoachTool.report(
      error, context: CommandContext(environment: [:], output: dutchOutput), language: .nl)
    dutch = Problem.firstMessage(dutchOutput.standardError)
  }
}

/// An error as RFC 9457 problem details (`application/problem+json`).
enum Problem {
  /// Wrong, missing, unknown or revoked token: nothing else said.
  static func unauthorized() -> HTTPResponse {
    var response = response(401, detail: nil, instance: nil)
    response.headers.append(("WWW-Authenticate", "Bearer"))
    return response
  }

  /// A good token that may not do this: nothing else said.
  static func forbidden() -> HTTPResponse { response(403, detail: nil, instance: nil) }

  static func response(
    _ status: Int, detail: String?, instance: String?, errors: [String] = []
  ) -> HTTPResponse {
    var object: JSONObject = [
      "type": .string("about:blank"), "title": .string(title(status)), "status": JSONValue(status),
    ]
    if let detail { object.members.append(.init(key: "detail", value: .string(detail))) }
    // A path that holds what looks like a citizen service number is not said back.
    if let instance, !CitizenServiceNumber.occurs(in: instance) {
      object.members.append(.init(key: "instance", value: .string(instance)))
    }
    if !errors.isEmpty {
      object.members.append(.init(key: "errors", value: .array(errors.map { .string($0) })))
    }
    return HTTPResponse(
      status: status, contentType: "application/problem+json",
      body: JSONWriter.string(.object(object)))
  }

  static func methodNotAllowed(allow: String, instance: String) -> HTTPResponse {
    var response = response(405, detail: "this address takes \(allow)", instance: instance)
    response.headers.append(("Allow", allow))
    return response
  }

  static func title(_ status: Int) -> String {
    switch status {
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 405: "Method Not Allowed"
    case 413: "Content Too Large"
    case 422: "Unprocessable Content"
    case 503: "Service Unavailable"
    default: "Internal Server Error"
    }
  }

  /// The command's first error line without its `error: ` (`fout: `) label.
  static func firstMessage(_ standardError: String) -> String {
    let line = standardError.split(separator: "\n").first.map(String.init) ?? ""
    for label in ["error: ", "fout: "] where line.hasPrefix(label) {
      return String(line.dropFirst(label.count))
    }
    return line
  }

  /// A name from a request, safe to say back: control characters escaped, at most 40
  /// characters.
  static func quoted(_ text: String) -> String {
    CitizenServiceNumber.occurs(in: text) ? "..." : String(text.prefix(40)).escapingControlCharacters
  }
}
