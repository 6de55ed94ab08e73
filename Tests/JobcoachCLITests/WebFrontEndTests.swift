import Foundation
import JobcoachCore
import JobcoachStore
import Testing

@testable import JobcoachCLI

/// The web front end (issue 20) answers as the commands do: the API's JSON is the command's
/// JSON byte for byte, its errors carry the command's message, and the public pages find
/// what the register publishes, accents and case aside. No network: requests are values.
@Suite(.serialized) final class WebFrontEndTests {
  let scratch = Scratch()
  let db: String
  let store: RegistryStore
  static let today = CalendarDate(iso: "2026-11-23")!
  let site = WebFrontEnd(today: { WebFrontEndTests.today })

  init() throws {
    db = scratch.sampleRegistry()
    // A coach with a diacritic, in the association's register.
    let zoe = scratch.file("zoe")
    try FileManager.default.createDirectory(atPath: zoe, withIntermediateDirectories: true)
    _ = scratch.write(
      "zoe/coaches.json",
      #"{"kind": "coaches", "schemaVersion": 1, "coaches": [{"id": "JC-9001", "name": "Zoë Visser"}]}"#)
    _ = scratch.write(
      "zoe/memberships.json",
      #"{"kind": "memberships", "schemaVersion": 1, "memberships": [{"coach": "JC-9001", "registerNumber": "RJC-00901", "admittedOn": "2024-05-01", "route": "entry-requirements", "register": "BvJN", "statusChanges": [{"date": "2024-05-01", "status": "registered", "rule": "R-ADM-1", "decision": "admitted"}]}]}"#
    )
    let imported = jobcoach(["import", zoe, "--db", db])
    #expect(imported.code == 0, "\(imported.err)")
    store = try RegistryStore.open(at: db)
  }

  func get(_ path: String, _ query: [(String, String)] = [], method: String = "GET")
    -> HTTPResponse
  {
    site.respond(
      to: HTTPRequest(method: method, path: path, query: query.map { (name: $0.0, value: $0.1) }),
      store: store)
  }

  func post(_ path: String, form: [(String, String)], _ query: [(String, String)] = [])
    -> HTTPResponse
  {
    let body = form.map { "\($0.0)=\(WebPages.percentEncoded($0.1))" }.joined(separator: "&")
    return site.respond(
      to: HTTPRequest(
        method: "POST", path: path, query: query.map { (name: $0.0, value: $0.1) },
        headers: ["content-type": "application/x-www-form-urlencoded"], body: Array(body.utf8)),
      store: store)
  }

  // MARK: The API

  @Test func theAPIAnswersWithTheCommandsJSONByteForByte() {
    let pairs: [(String, [(String, String)], [String])] = [
      (
        "/api/v1/coaches/JC-0001/verification", [("as", "municipal"), ("on", "2026-03-02")],
        ["verify", "JC-0001", "--as", "municipal", "--on", "2026-03-02"]
      ),
      // Not eligible is an answer too: 200, with eligible false.
      (
        "/api/v1/coaches/JC-0012/verification",
        [("as", "internal"), ("on", "2026-09-01"), ("placement", "PL-2026-003")],
        ["verify", "JC-0012", "--as", "internal", "--on", "2026-09-01", "--placement", "PL-2026-003"]
      ),
      (
        "/api/v1/coaches/JC-0001/verification",
        [("as", "municipal"), ("on", "2026-03-02"), ("lang", "nl")],
        ["verify", "JC-0001", "--as", "municipal", "--on", "2026-03-02", "--lang", "nl"]
      ),
      ("/api/v1/coaches/JC-0006/pe", [("on", "2026-11-23")], ["pe", "JC-0006", "--on", "2026-11-23"]),
      (
        "/api/v1/placements/PL-2026-010", [("on", "2026-11-23")],
        ["placement", "show", "PL-2026-010", "--on", "2026-11-23"]
      ),
      (
        "/api/v1/register", [("register", "BvJN"), ("on", "2026-11-23")],
        ["export", "public", "--register", "BvJN", "--on", "2026-11-23"]
      ),
    ]
    var codes: [Int32] = []
    for (path, query, command) in pairs {
      let response = get(path, query)
      let cli = jobcoach(command + ["--format", "json", "--db", db], today: "2026-11-23")
      #expect(cli.code == 0 || cli.code == 1, "\(command): \(cli.err)")
      #expect(response.status == 200, "\(path)")
      #expect(response.header("Content-Type") == "application/json")
      #expect(response.text == cli.out, "\(path) answers as \(command.joined(separator: " "))")
      codes.append(cli.code)
    }
    // JC-0012 is not eligible there, PL-2026-010 has findings with errors: still 200.
    #expect(codes == [0, 1, 0, 0, 1, 0])
  }

  @Test func errorsAreProblemDetailsWithTheCommandsMessage() throws {
    func problem(_ response: HTTPResponse) throws -> JSONObject {
      #expect(response.header("Content-Type") == "application/problem+json")
      guard case .object(let object) = try JSONParser.parse(response.body) else {
        throw CocoaError(.coderReadCorrupt)
      }
      #expect(object["status"] == JSONValue(response.status))
      #expect(object["type"] == .string("about:blank"))
      return object
    }
    func firstLine(_ run: ToolRun) -> String {
      String(run.err.split(separator: "\n")[0].dropFirst("error: ".count))
    }
    let unknown = get("/api/v1/coaches/JC-9999/pe", [("on", "2026-11-23")])
    #expect(unknown.status == 404)
    let cli = jobcoach(["pe", "JC-9999", "--on", "2026-11-23", "--format", "json", "--db", db])
    #expect(cli.code == 65)
    #expect(try problem(unknown)["detail"] == .string(firstLine(cli)))
    #expect(try problem(unknown)["instance"] == .string("/api/v1/coaches/JC-9999/pe"))

    let noPlacement = get("/api/v1/placements/PL-0000-000")
    #expect(noPlacement.status == 404)

    let missingKind = get("/api/v1/coaches/JC-0001/verification", [("on", "2026-03-02")])
    #expect(missingKind.status == 400)
    #expect(try problem(missingKind)["detail"] == .string("missing --as municipal|internal|external"))

    let badDate = get("/api/v1/coaches/JC-0001/pe", [("on", "2026-02-30")])
    #expect(badDate.status == 400)
    let badDateCLI = jobcoach(["pe", "JC-0001", "--on=2026-02-30", "--format", "json", "--db", db])
    #expect(try problem(badDate)["detail"] == .string(firstLine(badDateCLI)))

    let unknownParameter = get("/api/v1/coaches/JC-0001/pe", [("when", "2026-03-02")])
    #expect(unknownParameter.status == 400)
    #expect(try problem(unknownParameter)["detail"] == .string("unknown parameter 'when'; this endpoint takes lang, on"))
    let twice = get("/api/v1/coaches/JC-0001/pe", [("on", "2026-03-02"), ("on", "2026-03-03")])
    #expect(twice.status == 400)

    let posted = get("/api/v1/register", method: "POST")
    #expect(posted.status == 405)
    #expect(posted.header("Allow") == "GET, HEAD")
    #expect(get("/api/v2/register").status == 404)
    #expect(get("/api/v1/coaches").status == 404)
    // An id that reads as an option is an id: no help text, no exit 0.
    let option = get("/api/v1/coaches/--help/pe")
    #expect(option.status == 404)
    #expect(!option.text.contains("usage:"))
  }

  @Test func aCitizenServiceNumberIsNeverSaidBack() {
    let responses = [
      get("/api/v1/coaches/123456782/pe"),
      get("/api/v1/coaches/JC-0001/pe", [("on", "123.456.782")]),
      get("/api/v1/coaches/JC-0001/pe", [("123456782", "x")]),
      get("/", [("q", "123456782")]),
      get("/register/123-45-6782"),
    ]
    #expect(responses.map(\.status) == [400, 400, 400, 200, 404])
    for response in responses {
      #expect(!response.text.contains("6782"), "\(response.text)")
    }
    #expect(responses[0].text.contains("citizen service number"))
    #expect(responses[3].text.contains("burgerservicenummer"))
  }

  // MARK: The public pages

  @Test func theLookupFindsAccentsCaseAndNumbers() {
    let zoe = get("/", [("q", "zoe")])
    #expect(zoe.status == 200)
    #expect(zoe.header("Content-Type") == "text/html; charset=utf-8")
    #expect(zoe.text.contains("<html lang=\"nl\">"))
    #expect(zoe.text.contains("Zoë Visser"))
    #expect(zoe.text.contains("1 jobcoach gevonden."))
    #expect(zoe.text.contains("<a href=\"/register/RJC-00901\">RJC-00901</a>"))
    // The publisher is named.
    #expect(zoe.text.contains("Register Beroepsvereniging Jobcoaches Nederland"))

    let none = get("/", [("q", "xqzw")])
    #expect(none.text.contains("Geen jobcoach gevonden die hierop lijkt."))
    #expect(!none.text.contains("id=\"results\""))

    let number = get("/", [("q", "rjc-00101"), ("lang", "en")])
    #expect(number.text.contains("<html lang=\"en\">"))
    #expect(number.text.contains("Anouk de Vries"))
    #expect(number.text.contains("1 coach found."))
    #expect(number.text.contains("<a href=\"/register/RJC-00101?lang=en\">"))
    // Several by part of a name: both Vissers, and nobody else.
    let vissers = get("/", [("q", "VISSER")])
    #expect(vissers.text.contains("Dirk Visser") && vissers.text.contains("Zoë Visser"))
    #expect(vissers.text.contains("2 jobcoaches gevonden."))
    // What is typed is said back escaped.
    let markup = get("/", [("q", "<script>x</script>")])
    #expect(markup.text.contains("value=\"&lt;script&gt;x&lt;/script&gt;\""))
    #expect(!markup.text.contains("<script>x"))
    // Without a query, the search box and who publishes, no list.
    let empty = get("/")
    #expect(empty.text.contains("<label for=\"q\">Zoek op naam of registernummer</label>"))
    #expect(!empty.text.contains("id=\"results\""))
  }

  @Test func anEntryShowsItsStandingSuspendedAsSuch() {
    let entry = get("/register/RJC-00101")
    #expect(entry.status == 200)
    #expect(entry.text.contains("<h1>Anouk de Vries</h1>"))
    #expect(entry.text.contains("<dd>geregistreerd</dd>"))
    #expect(entry.text.contains("<dd>1 april 2022</dd>"))
    #expect(entry.text.contains("<dd>31 maart 2027</dd>"))
    // Nothing else about the person: no coach id, no employer.
    #expect(!entry.text.contains("JC-0001"))

    let suspend = jobcoach([
      "register", "suspend", "JC-0001", "--reason", "onderzoek", "--on", "2026-11-01", "--db", db,
      "--actor", "test",
    ])
    #expect(suspend.code == 0, "\(suspend.err)")
    let suspended = get("/register/RJC-00101", [("lang", "en")])
    #expect(suspended.text.contains("<dd>suspended</dd>"))
    #expect(get("/", [("q", "anouk")]).text.contains("<td>geschorst</td>"))

    let missing = get("/register/RJC-99999")
    #expect(missing.status == 404)
    #expect(missing.text.contains("Registernummer RJC-99999 staat niet in het register."))
    #expect(get("/nowhere").status == 404)
    #expect(get("/register/RJC-00101", method: "DELETE").status == 405)
  }

  // MARK: Statements

  @Test func aStatementIsCheckedAsTheCommandChecksIt() throws {
    let key = repositoryRoot + "/Tests/JobcoachCLITests/Keys/test-issuer.pem"
    #expect(jobcoach(["keys", "use", key, "--db", db, "--actor", "test"]).code == 0)
    let file = scratch.file("statement.json")
    let made = jobcoach(
      [
        "verify", "JC-0001", "--as", "municipal", "--on", "2026-11-23", "--db", db, "--statement",
        "--output", file, "--actor", "test",
      ], today: "2026-11-23")
    #expect(made.code == 0, "\(made.err)")
    let statement = try String(contentsOfFile: file, encoding: .utf8)

    let holds = post("/statements/verify", form: [("statement", statement)])
    #expect(holds.status == 200)
    #expect(holds.text.contains("De verklaring is geldig op 23 november 2026."))
    #expect(holds.text.contains("<dd>niet ingetrokken</dd>"))

    let changed = statement.replacingOccurrences(of: "Anouk de Vries", with: "Anouk de Vos")
    let broken = post("/statements/verify", form: [("statement", changed)], [("lang", "en")])
    #expect(broken.text.contains("The statement does not hold on 23 November 2026."))
    #expect(broken.text.contains("the signature does not match"))

    // Revoked in the registry: the page reads the registry's own list.
    guard case .object(let object) = try JSONParser.parse(Array(statement.utf8)),
      case .string(let id)? = object["id"]
    else { throw CocoaError(.coderReadCorrupt) }
    #expect(jobcoach(["statement", "revoke", id, "--reason", "test", "--db", db, "--actor", "t"]).code == 0)
    let revoked = post("/statements/verify", form: [("statement", statement)])
    #expect(revoked.text.contains("<dd>ingetrokken</dd>"))
    #expect(revoked.text.contains("niet geldig"))

    let notJSON = post("/statements/verify", form: [("statement", "{\"a\": }")])
    #expect(notJSON.status == 422)
    #expect(notJSON.text.contains("geen JSON: regel 1, kolom 7"))
    let number = post("/statements/verify", form: [("statement", #"{"name": "123456782"}"#)])
    #expect(number.status == 422)
    #expect(!number.text.contains("6782"))
    #expect(get("/statements/verify").text.contains("<label for=\"statement\">Verklaring</label>"))
  }
}

/// What an HTML form posts, read back.
struct FormEncodingTests {
  @Test func fieldsAreDecoded() throws {
    let fields = try #require(FormEncoding.fields(Array("a=1&b=zo%C3%AB+v&c&&d=%2B".utf8)))
    #expect(fields.map(\.name) == ["a", "b", "c", "d"])
    #expect(fields.map(\.value) == ["1", "zoë v", "", "+"])
  }

  @Test func brokenEscapesAndNonUTF8AreRefused() {
    #expect(FormEncoding.fields(Array("a=%zz".utf8)) == nil)
    #expect(FormEncoding.fields(Array("a=%4".utf8)) == nil)
    #expect(FormEncoding.fields(Array("a=%".utf8)) == nil)
    #expect(FormEncoding.fields(Array("a=%C3".utf8)) == nil)
    #expect(FormEncoding.fields([]).map(\.count) == 0)
  }

  @Test func percentEncodingKeepsOnlyTheUnreserved() {
    #expect(WebPages.percentEncoded("RJC-00101") == "RJC-00101")
    #expect(WebPages.percentEncoded("Zoë V/1?&") == "Zo%C3%AB%20V%2F1%3F%26")
  }
}

/// `jobcoach serve` checks its arguments and the registry, then becomes the server program.
struct ServeCommandTests {
  final class Launches: @unchecked Sendable {
    var calls: [(String, [String])] = []
  }

  @Test func serveBecomesTheServerBesideIt() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let launches = Launches()
    let output = CapturedOutput()
    var context = CommandContext(environment: [:], output: output)
    context.replaceProcess = { path, arguments in
      launches.calls.append((path, arguments))
      return ENOENT
    }
    let code = JobcoachTool.run(
      ["serve", "--db", db, "--listen", "127.0.0.1:0", "--threads", "2"], context: context)
    #expect(launches.calls.count == 1)
    #expect(launches.calls.first?.0.hasSuffix("/jobcoach-serve") == true)
    #expect(
      launches.calls.first?.1
        == ["jobcoach-serve", "--db", db, "--listen", "127.0.0.1:0", "--threads", "2"])
    // Not there: said, exit 66.
    #expect(code == 66)
    #expect(output.standardError.contains("jobcoach-serve"))
  }

  @Test func badArgumentsAndAMissingRegistryStopBeforeAnything() {
    #expect(jobcoach(["serve", "--listen", "localhost:80"]).code == 64)
    #expect(jobcoach(["serve", "--listen", "127.0.0.1:65536"]).code == 64)
    #expect(jobcoach(["serve", "--listen", "256.0.0.1:80"]).code == 64)
    #expect(jobcoach(["serve", "--threads", "0"]).code == 64)
    let missing = jobcoach(["serve", "--db", "/nonexistent/r.sqlite"])
    #expect(missing.code == 66)
    #expect(missing.err.contains("no registry at"))
    let help = jobcoach(["serve", "--help"])
    #expect(help.code == 0 && help.out.contains("/statements/verify"))
  }

  @Test func theServerProgramReadsTheSameArguments() {
    let output = CapturedOutput()
    let context = CommandContext(environment: ["JOBCOACH_DB": "x.sqlite"], output: output)
    let (options, code) = JobcoachTool.serveOptions(["--threads", "3"], context: context)
    #expect(code == 0)
    #expect(options == ServeOptions(database: "x.sqlite", listen: "127.0.0.1:8080", threads: 3))
    let (refused, refusedCode) = JobcoachTool.serveOptions(["--listen", "x"], context: context)
    #expect(refused == nil && refusedCode == 64)
    #expect(output.standardError.contains("--listen takes an IPv4 address"))
  }
}
