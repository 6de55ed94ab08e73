import JobcoachCore
import JobcoachStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The JSON API under `/api/v1` (Schemas/openapi.json). Each endpoint runs the command of its
/// question, so the answer, its keys and its messages are the command's; who may ask is the
/// token's role (`AccessToken.may`), and what it writes is in the audit trail with the token's
/// name as the actor.
extension WebFrontEnd {
  /// One endpoint: the command it runs, the parameters it takes (each the command's option of
  /// the same meaning), and who may call it.
  struct APIEndpoint {
    enum Access {
      /// Anyone, as the public register is.
      case everyone
      case verification, placement, peStatement, subjectExport, audit, write
    }

    var command: [String]
    var subject: String?
    var options: [String: String]
    var access: Access
    /// Whether the command writes (by POST, the association only): its exit 1 is a refusal
    /// (422), not an answer.
    var writes: Bool { access == .write }

    /// The endpoint a method and path name; nil for none.
    init?(method: String, _ segments: [String]) {
      let parts = Array(segments.dropFirst(2))
      let read = method == "GET" || method == "HEAD"
      switch parts {
      case _ where read && parts.count == 3 && parts[0] == "coaches" && parts[2] == "verification":
        self.init(
          ["verify", "--format=json"], parts[1], .verification,
          ["as", "on", "placement", "policy", "municipality"])
      case _ where read && parts.count == 3 && parts[0] == "coaches" && parts[2] == "pe":
        self.init(["pe", "--format=json"], parts[1], .peStatement, ["on"])
      case _ where read && parts.count == 3 && parts[0] == "coaches" && parts[2] == "export":
        self.init(["export", "subject"], parts[1], .subjectExport, [])
      case _ where read && parts.count == 2 && parts[0] == "placements":
        self.init(["placement", "show", "--format=json"], parts[1], .placement, ["on"])
      case ["register"] where read:
        self.init(["export", "public", "--format=json"], nil, .everyone, ["on", "register"])
      case ["audit"] where read:
        self.init(["audit", "log", "--format=json"], nil, .audit, ["subject", "since"])
      case ["imports"] where method == "POST":
        self.init(["import"], nil, .write, ["kind", "dry-run"])
      case _ where method == "POST" && parts.count == 3 && parts[0] == "registrations":
        guard let action = Self.registerActions[parts[2]] else { return nil }
        self.init(["register", action.command], parts[1], .write, action.options)
      default:
        return nil
      }
    }

    private init(
      _ command: [String], _ subject: String?, _ access: Access, _ parameters: [String]
    ) {
      self.command = command
      self.subject = subject
      self.access = access
      options = Dictionary(uniqueKeysWithValues: (parameters + ["lang"]).map { ($0, "--" + $0) })
    }

    /// `POST /api/v1/registrations/{coach}/ACTION`: the register decisions, each a command.
    static let registerActions: [String: (command: String, options: [String])] = [
      "admissions": ("admit", ["on", "register"]),
      "assessments": ("assess", ["result", "points", "deadline", "on", "register"]),
      "removals": ("remove", ["reason", "on", "register"]),
      "renewals": ("renew", ["on", "register"]),
      "suspensions": ("suspend", ["reason", "until", "on", "register"]),
      "reinstatements": ("reinstate", ["on", "register"]),
    ]

    /// The methods a path takes, for a 405's Allow.
    static func methods(_ segments: [String]) -> [String] {
      ["GET", "POST"].filter { APIEndpoint(method: $0, segments) != nil }
    }
  }

  func api(_ request: HTTPRequest, _ segments: [String], _ store: RegistryStore) -> HTTPResponse {
    guard segments.count >= 2, segments[1] == "v1" else {
      return Problem.response(404, detail: nil, instance: request.path)
    }
    guard let endpoint = APIEndpoint(method: request.method, segments) else {
      let allowed = APIEndpoint.methods(segments)
      guard !allowed.isEmpty else { return Problem.response(404, detail: nil, instance: request.path) }
      let allow = allowed.contains("GET") ? (allowed + ["HEAD"]).joined(separator: ", ") : allowed.joined(separator: ", ")
      return Problem.methodNotAllowed(allow: allow, instance: request.path)
    }
    // Checked before anything is read, and never said back: where, not what.
    if let place = Self.citizenServiceNumberPlace(request) {
      return Problem.response(
        400,
        detail: "\(place) holds what looks like a citizen service number (BSN); the registry "
          + "never stores one, use a pseudonymous reference", instance: nil)
    }
    // Who asks. A token that is given must be good, even where none is needed.
    let token: AccessToken?
    switch caller(request, store) {
    case .failure: return Problem.unauthorized()
    case .success(let found): token = found
    }
    var parameters = request.query
    if endpoint.writes, endpoint.command != ["import"], !request.body.isEmpty {
      guard let members = Self.bodyParameters(request.body) else {
        return Problem.response(
          400, detail: "the body is not a JSON object of texts", instance: request.path)
      }
      parameters += members
    }
    var arguments = endpoint.command
    var seen: Set<String> = []
    for (name, value) in parameters {
      guard let option = endpoint.options[name] else {
        let known = endpoint.options.keys.sorted().joined(separator: ", ")
        return Problem.response(
          400, detail: "unknown parameter '\(Problem.quoted(name))'; this endpoint takes \(known)",
          instance: request.path)
      }
      guard seen.insert(name).inserted else {
        return Problem.response(
          400, detail: "parameter '\(Problem.quoted(name))' is given twice", instance: request.path)
      }
      if name == "dry-run" {
        guard value == "true" || value == "false" else {
          return Problem.response(400, detail: "dry-run is true or false", instance: request.path)
        }
        if value == "true" { arguments.append(option) }
        continue
      }
      arguments.append(option + "=" + value)
    }
    switch authorize(endpoint, token, parameters, store, &arguments) {
    case .some(let refusal): return refusal
    case .none: break
    }
    if endpoint.writes, let token { arguments.append("--actor=" + token.name) }
    if let subject = endpoint.subject {
      // After `--` a subject is never read as an option.
      arguments += ["--", subject]
    }
    if endpoint.writes {
      defer { cache?.changed(store) }
      if endpoint.command == ["import"] {
        return importBody(request, arguments: arguments, store: store)
      }
      let (code, output, errors) = run(arguments, store)
      return answer(endpoint, request, store, code: code, output: output, errors: errors)
    }
    // A read: the same arguments on the same day over an unchanged registry, the same answer.
    let key = arguments.joined(separator: "\u{0}") + "\u{0}" + today().description
    let generation = cache?.generation(for: store)
    if let generation, let kept = cache?.answer(key, generation: generation) { return kept }
    let (code, output, errors) = run(arguments, store)
    let response = answer(endpoint, request, store, code: code, output: output, errors: errors)
    if let generation, response.status == 200 { cache?.keep(response, key, generation: generation) }
    return response
  }

  /// Runs one command on the registry connection of this request.
  func run(_ arguments: [String], _ store: RegistryStore) -> (Int32, String, String) {
    let output = CapturedOutput()
    var context = CommandContext(environment: [:], output: output, today: today)
    context.registry = store
    let code = JobcoachTool.run(arguments, context: context)
    return (code, output.standardOutput, output.standardError)
  }

  func answer(
    _ endpoint: APIEndpoint, _ request: HTTPRequest, _ store: RegistryStore, code: Int32,
    output: String, errors: String
  ) -> HTTPResponse {
    switch code {
    case ExitCode.success where endpoint.writes:
      return HTTPResponse(
        status: 200, contentType: "application/json",
        body: JSONWriter.string(.object(["done": .bool(true), "said": .string(output)])))
    case ExitCode.success:
      return HTTPResponse(status: 200, contentType: "application/json", body: output)
    case ExitCode.findings where !endpoint.writes:
      return HTTPResponse(status: 200, contentType: "application/json", body: output)
    default:
      let lines = errors.split(separator: "\n").map { Problem.firstMessage(String($0)) }
        .filter { !$0.hasPrefix("usage: ") && !$0.hasPrefix("run 'jobcoach") }
      let detail = code == ExitCode.findings ? output : (lines.first ?? "")
      let status: Int
      switch code {
      case ExitCode.findings: status = 422
      case ExitCode.usage: status = 400
      case ExitCode.dataError:
        status = endpoint.subject.map { !Self.exists(endpoint, $0, store) } == true ? 404 : 422
      case ExitCode.noInput: status = 404
      case ExitCode.tempFailure: status = 503
      default: status = 500
      }
      // Every problem of a refused document, each with its place (a JSON pointer, or line and
      // column), as the command lists them; the last line is the count.
      let problems = code == ExitCode.dataError && lines.count > 1 ? Array(lines.dropLast()) : []
      var response = Problem.response(
        status, detail: detail, instance: request.path, errors: problems)
      if status == 503 { response.headers.append(("Retry-After", "5")) }
      return response
    }
  }

  static func exists(_ endpoint: APIEndpoint, _ subject: String, _ store: RegistryStore) -> Bool {
    switch endpoint.access {
    case .placement: (try? store.placement(PlacementID(rawValue: subject))) != nil
    default: (try? store.coach(CoachID(rawValue: subject))) != nil
    }
  }

  /// The token a request carries: nil for none; a failure for one that is not good (malformed,
  /// unknown or revoked). What is wrong is not said.
  func caller(_ request: HTTPRequest, _ store: RegistryStore) -> Result<AccessToken?, Unauthorized> {
    guard let header = request.headers["authorization"] else { return .success(nil) }
    let parts = header.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, parts[0].lowercased() == "bearer" else { return .failure(Unauthorized()) }
    guard let token = token(secret: String(parts[1]), store) else { return .failure(Unauthorized()) }
    return .success(token)
  }

  /// The token whose secret this is, if it is one the registry holds and has not revoked.
  func token(secret: String, _ store: RegistryStore) -> AccessToken? {
    let secret = secret.trimmingWhitespace
    guard AccessToken.isSecret(secret),
      let token = try? store.token(secretDigest: AccessToken.digest(of: secret)),
      !token.isRevoked(on: today())
    else { return nil }
    return token
  }

  struct Unauthorized: Error {}

  /// nil when `token` may call `endpoint` with these parameters, else the refusal. A
  /// municipality's verification without a placement, policy or municipality is judged under
  /// its own municipality's policy.
  func authorize(
    _ endpoint: APIEndpoint, _ token: AccessToken?, _ parameters: [(name: String, value: String)],
    _ store: RegistryStore, _ arguments: inout [String]
  ) -> HTTPResponse? {
    if endpoint.access == .everyone { return nil }
    guard let token else { return Problem.unauthorized() }
    func value(_ name: String) -> String? { parameters.first { $0.name == name }?.value }
    let asked: AccessRequest
    switch endpoint.access {
    case .everyone: return nil
    case .verification:
      var touching: Set<OrganisationID> = []
      if let id = value("placement"),
        let municipality = (try? store.placement(PlacementID(rawValue: id)))??.municipality
      {
        touching.insert(municipality)
      }
      if let id = value("policy"),
        let history = try? store.policyHistory(PolicyID(rawValue: id))
      {
        touching.formUnion(history.versions.compactMap(\.municipality))
      }
      if let id = value("municipality") { touching.insert(OrganisationID(rawValue: id)) }
      if touching.isEmpty, token.role == .municipality, let own = token.municipality {
        arguments.append("--municipality=" + own.rawValue)
      }
      asked = .verification(touching: touching)
    case .placement:
      let id = PlacementID(rawValue: endpoint.subject ?? "")
      asked = .placement(municipality: (try? store.placement(id))??.municipality)
    case .peStatement: asked = .peStatement(of: CoachID(rawValue: endpoint.subject ?? ""))
    case .subjectExport: asked = .subjectExport(of: CoachID(rawValue: endpoint.subject ?? ""))
    case .audit: asked = .audit
    case .write: asked = .write
    }
    return token.may(asked, on: today()) ? nil : Problem.forbidden()
  }

  /// Where a request holds what looks like a citizen service number: the path, or a query
  /// parameter named.
  static func citizenServiceNumberPlace(_ request: HTTPRequest) -> String? {
    if CitizenServiceNumber.occurs(in: request.path) { return "the address" }
    for (name, value) in request.query where CitizenServiceNumber.occurs(in: name + "=" + value) {
      return CitizenServiceNumber.occurs(in: name) ? "a parameter's name" : "parameter '\(name)'"
    }
    return nil
  }

  /// A JSON object whose members are all texts, as parameters; nil for anything else.
  static func bodyParameters(_ body: [UInt8]) -> [(name: String, value: String)]? {
    guard case .object(let object)? = try? JSONParser.parse(body) else { return nil }
    var parameters: [(name: String, value: String)] = []
    for member in object.members {
      guard case .string(let text) = member.value else { return nil }
      parameters.append((member.key, text))
    }
    return parameters
  }

  /// `POST /api/v1/imports`: the body is one document (JSON) or table (CSV, with `kind`),
  /// imported as `jobcoach import` imports a file, all or nothing; its problems are named at
  /// `request.json` (or `request.csv`) with their JSON pointers or lines and columns.
  func importBody(_ request: HTTPRequest, arguments: [String], store: RegistryStore)
    -> HTTPResponse
  {
    let isTable =
      request.headers["content-type"].map { $0.hasPrefix("text/csv") } ?? false
      || arguments.contains { $0.hasPrefix("--kind=") }
    let name = isTable ? "request.csv" : "request.json"
    guard !request.body.isEmpty else {
      return Problem.response(400, detail: "the body is empty: send a document or a table", instance: request.path)
    }
    guard let directory = PrivateDirectory() else {
      return Problem.response(500, detail: "no room for the request's document", instance: request.path)
    }
    defer { directory.remove() }
    let path = directory.path + "/" + name
    guard directory.write(request.body, to: path) else {
      return Problem.response(500, detail: "no room for the request's document", instance: request.path)
    }
    let (code, output, errors) = run(arguments + ["--", path], store)
    // The document is named as the caller knows it, not by where it waited.
    let prefix = directory.path + "/"
    let endpoint = APIEndpoint(method: "POST", ["", "v1", "imports"])!
    return answer(
      endpoint, request, store, code: code, output: output.replacingAll(prefix, with: ""),
      errors: errors.replacingAll(prefix, with: ""))
  }
}

/// A directory only this process may read, removed after use: where a request's document
/// waits while it is imported.
struct PrivateDirectory {
  let path: String

  init?() {
    let base = ProcessEnvironment.current()["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array((base.hasSuffix("/") ? base : base + "/") .utf8CString.dropLast())
      + Array("jobcoach-request-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { return nil }
    path = String(cString: made)
  }

  func write(_ bytes: [UInt8], to file: String) -> Bool {
    let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { Glibc_writeBytes(descriptor, $0) }
      if written <= 0 { return false }
      offset += written
    }
    return true
  }

  func remove() {
    if let files = FileSystem.files(under: path) {
      for file in files { unlink(path + "/" + file) }
    }
    rmdir(path)
  }
}

private func Glibc_writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
  #if canImport(Glibc)
    return Glibc.write(descriptor, bytes.baseAddress, bytes.count)
  #else
    return Darwin.write(descriptor, bytes.baseAddress, bytes.count)
  #endif
}
