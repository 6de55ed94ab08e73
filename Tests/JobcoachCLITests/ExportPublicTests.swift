import Foundation
import Testing

@testable import JobcoachCLI
@testable import JobcoachCore

struct ExportPublicTests {
  func export(_ format: String, on date: String = "2026-11-23") -> ToolRun {
    jobcoach([
      "export", "public", "--format", format, "--file", samplesPath, "--on", date, "--register",
      "BvJN",
    ])
  }

  @Test func theJSONHoldsOnlyThePublicFields() throws {
    let run = export("json")
    #expect(run.code == 0, "\(run.err)")
    let document = JSONValue.object(try run.json())
    #expect(document["kind"] == .string("public-register"))
    let entries = document["entries"]?.array ?? []
    #expect(entries.count == 6)
    for entry in entries {
      guard case .object(let fields)? = Optional(entry) else { continue }
      #expect(
        Set(fields.keys) == ["registerNumber", "name", "status", "registeredSince", "validUntil"])
    }
    let numbers = entries.compactMap { entry -> String? in
      if case .string(let number)? = entry["registerNumber"] { number } else { nil }
    }
    // JC-0014 (RJC-00014) was removed: not published.
    #expect(!numbers.contains("RJC-00014"))
    #expect(entries.first?["validUntil"] == .string("2028-04-30"))
  }

  @Test func theCSVHasOneLinePerPublishedCoach() {
    let run = export("csv")
    let lines = run.out.split(separator: "\r\n")
    #expect(lines.first == "registerNumber,name,status,registeredSince,validUntil")
    #expect(lines.count == 7)
    #expect(lines.contains("RJC-00103,Charlotte Bakker,registered,2021-12-15,2026-12-14"))
  }

  @Test func theHTMLIsOneSearchablePageWithEscapedText() {
    // Dutch by default, for the Dutch public: headings, statuses and dates in words.
    let run = export("html")
    #expect(run.out.hasPrefix("<!doctype html>\n<html lang=\"nl\">"))
    #expect(
      run.out.contains(
        "<tr><td>RJC-00101</td><td>Anouk de Vries</td><td>geregistreerd</td><td>1 april 2022</td><td>31 maart 2027</td></tr>"
      ))
    #expect(run.out.contains("<th>Registernummer</th><th>Naam</th><th>Status</th>"))
    #expect(run.out.contains("<p id=\"none\" role=\"status\" hidden>Geen jobcoach gevonden"))
    // Accents and case do not matter to the search.
    #expect(run.out.contains(#"normalize("NFD").replace(/[\u0300-\u036f]/g, "")"#))
    let english = jobcoach([
      "export", "public", "--format", "html", "--file", samplesPath, "--on", "2026-11-23",
      "--register", "BvJN", "--lang", "en",
    ])
    #expect(english.out.contains("<html lang=\"en\">"))
    #expect(
      english.out.contains(
        "<td>RJC-00101</td><td>Anouk de Vries</td><td>registered</td><td>1 April 2022</td>"))
    #expect(run.out.contains("<input id=\"search\" type=\"search\""))
    #expect(!run.out.contains("src=") && !run.out.contains("href="))
    #expect(
      ExportPublicCommand.escaped("<b>\"Bo\" & 'Ko'</b>")
        == "&lt;b&gt;&quot;Bo&quot; &amp; &#39;Ko&#39;&lt;/b&gt;")
  }

  @Test func aMunicipalityImportsTheExportAndVerifySeesTheStanding() throws {
    let scratch = Scratch()
    let key = scratch.file("association.pem")
    let did = try #require(
      jobcoach(["keys", "generate", "--out", key]).out.split(separator: "\n").last.map(String.init))
    let published = scratch.write(
      "register.json",
      jobcoach([
        "export", "public", "--format", "json", "--file", samplesPath, "--on", "2026-11-23",
        "--register", "BvJN", "--key", key,
      ]).out)
    let coaches = scratch.write(
      "coaches.json",
      """
      {"kind": "coaches", "schemaVersion": 1, "coaches": [
        {"id": "C-1", "name": "Anouk de Vries", "registerNumber": "RJC-00101"},
        {"id": "C-2", "name": "Someone Else", "registerNumber": "RJC-00102"},
        {"id": "C-3", "name": "Noah Willems", "registerNumber": "RJC-00014"}]}
      """)
    let db = scratch.file("municipality.sqlite")
    #expect(jobcoach(["init", "--db", db]).code == 0)
    #expect(jobcoach(["trust", "add", did, "--name", "BvJN", "--db", db]).code == 0)
    let imported = jobcoach(["import", published, coaches, "--db", db])
    #expect(imported.code == 0, "\(imported.err)")
    #expect(imported.out.contains("public-register: 6 created"))

    func standing(_ coach: String) throws -> JSONValue? {
      let run = jobcoach([
        "verify", coach, "--as", "external", "--on", "2026-11-24", "--db", db, "--format", "json",
      ])
      let findings = JSONValue.object(try run.json())["findings"]?.array ?? []
      return findings.first { $0["rule"] == .string("R-RE-1") }
    }
    let met = try standing("C-1")
    #expect(met?["outcome"] == .string("met"))
    #expect(
      met?["message"]
        == .string(
          "registered coach RJC-00101 since 2022-04-01, valid until 2027-03-31, in the public register of 2026-11-23"
        ))
    #expect(
      try standing("C-2")?["message"]
        == .string(
          "register number RJC-00102 belongs to another name in the public register of 2026-11-23; check the coach's identity"
        ))
    #expect(
      try standing("C-3")?["message"]
        == .string(
          "register number RJC-00014 is not in the public register of 2026-11-23"))

    // A newer export replaces the old one whole.
    let smaller = scratch.write(
      "newer.json",
      """
      {"kind": "public-register", "schemaVersion": 1, "register": "Registerjobcoaches",
       "publishedOn": "2026-12-01", "entries": [
        {"registerNumber": "RJC-00102", "name": "Bram Jansen", "status": "registered",
         "registeredSince": "2022-02-01", "validUntil": "2027-01-31"}]}
      """)
    let replaced = jobcoach(["import", smaller, "--allow-unsigned", "--db", db])
    #expect(replaced.out.contains("public-register: 0 created, 0 updated, 1 unchanged"))
    #expect(try standing("C-1")?["outcome"] == .string("unmet"))
  }

  @Test func aRemovedStatusIsNotAPublicEntry() {
    let scratch = Scratch()
    let file = scratch.write(
      "r.json",
      """
      {"kind": "public-register", "schemaVersion": 1, "register": "R", "publishedOn": "2026-12-01",
       "entries": [{"registerNumber": "RJC-1", "name": "A", "status": "removed",
         "registeredSince": "2022-02-01"}]}
      """)
    #expect(jobcoach(["init", "--db", scratch.file("x.sqlite")]).code == 0)
    let run = jobcoach(["import", file, "--allow-unsigned", "--db", scratch.file("x.sqlite")])
    #expect(run.code == 65)
    #expect(run.err.contains("r.json#/entries/0/status: a public register publishes only"))
  }

  static let chromium = [
    "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
  ]
  .first { FileManager.default.isExecutableFile(atPath: $0) }

  @Test(
    .enabled(if: chromium != nil, "needs a headless chromium (Debian: apt-get install chromium)"))
  func aRealBrowserShowsAndFiltersTheRegister() throws {
    let scratch = Scratch()
    let page = scratch.write("register.html", export("html").out)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.chromium!)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://\(page)#Bakker",
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let dom = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(dom.contains("<span id=\"count\">1</span>"))
    #expect(dom.contains("<tr hidden=\"\"><td>RJC-00101</td>"))
    #expect(dom.contains("<tr><td>RJC-00103</td><td>Charlotte Bakker</td>"))
  }
}
