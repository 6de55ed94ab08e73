import Foundation
import Testing

@testable import JobcoachCLI
@testable import JobcoachCore
@testable import JobcoachStore

/// Spreadsheets in (issue 18): CSV tables imported beside the JSON documents, in one
/// transaction, all or nothing, with the same rules, the same BSN refusal, and every problem at
/// FILE:LINE:COLUMN with the column's header.
struct CSVImportTests {
  static let peHeader = "registernummer;datum;uren;categorie;accreditatiecode;titel;aanbieder\r\n"

  /// The coach's PE statement on `on`, as JSON.
  func pe(_ coach: String, _ db: String, on: String = "2026-11-23") throws -> JSONObject {
    let run = jobcoach(["pe", coach, "--on", on, "--db", db, "--format", "json"])
    #expect(run.code <= 1, "\(run.err)")
    return try run.json()
  }

  func activity(_ statement: JSONObject, titled title: String) -> JSONValue? {
    statement["activities"]?.array.first { $0["title"] == .string(title) }
  }

  @Test func aDutchExcelExportAddsToThePortfolioAndCountsToTheMinute() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let before = try pe("JC-0004", db)
    let file = scratch.write(
      "pe.csv",
      "\u{FEFF}" + Self.peHeader
        + "RJC-00104;01-10-2026;2,5;vrij;;Intervisie A;Groep\r\n"
        + "RJC-00104;02-10-2026;2,50;vrij;;Intervisie B;Groep\r\n"
        + "RJC-00104;03-10-2026;1:30;vrij;;Intervisie C;Groep\r\n")
    let run = jobcoach(["import", file, "--db", db])
    #expect(run.code == 0, "\(run.err)")
    #expect(run.out.contains("pe-activities (CSV): 3 created, 0 updated, 0 unchanged"))
    let after = try pe("JC-0004", db)
    #expect(activity(after, titled: "Intervisie A")?["hours"] == .number("2.5"))
    #expect(activity(after, titled: "Intervisie B")?["hours"] == .number("2.5"))
    #expect(activity(after, titled: "Intervisie C")?["hours"] == .number("1.5"))
    #expect(activity(after, titled: "Intervisie C")?["date"] == .string("2026-10-03"))
    #expect(
      (after["activities"]?.array.count ?? 0) == (before["activities"]?.array.count ?? 0) + 3)
    // The same file again changes nothing.
    let again = jobcoach(["import", file, "--db", db])
    #expect(again.out.hasPrefix("nothing changed: 3 records"))
  }

  @Test func theSameRowsWithEnglishHeadersAndCommasReadTheSame() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let file = scratch.write(
      "pe.csv",
      "Register number,Date,Hours,Category,Title,Provider\n"
        + "RJC-00104,2026-10-01,2.5,free,Intervisie A,Groep\n")
    #expect(jobcoach(["import", file, "--db", db]).code == 0)
    let dutch = scratch.write(
      "pe-nl.csv", Self.peHeader + "RJC-00104;01-10-2026;2,5;vrij;;Intervisie A;Groep\r\n")
    // The same activity (its id comes from its values): nothing changes.
    let again = jobcoach(["import", dutch, "--db", db])
    #expect(again.code == 0)
    #expect(again.out.hasPrefix("nothing changed: 1 record"), "\(again.out)")
  }

  @Test func everyProblemAtItsCellWithTheHeaderAndNothingWritten() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let good = scratch.write("a-good.csv", Self.peHeader + "RJC-00104;01-10-2026;1;vrij;;A;B\r\n")
    let bad = scratch.write(
      "b-bad.csv",
      Self.peHeader
        + "RJC-00104;01-10-2026;1.850;vrij;;Punt;B\r\n"  // a point in a decimal-comma file
        + "RJC-00104;31-02-2026;1;vrij;;Geen datum;B\r\n"
        + "RJC-00104;01-10-2026;1;gratis;;Geen soort;B\r\n"
        + "RJC-00104;01-10-2026;1;vrij;;Te veel;B;extra\r\n"
        + "RJC-00104;01-10-2026;1;vrij\r\n"
        + "RJC-99999;01-10-2026;1;vrij;;Onbekend;B\r\n"
        + "RJC-00104;01-10-2026;;vrij;;Leeg;B\r\n"
        + "RJC-00104;01-10-2026;1;vrij;CODE;Vrij met code;B\r\n")
    let before = try pe("JC-0004", db)
    let run = jobcoach(["import", good, bad, "--db", db])
    #expect(run.code == 65)
    let lines = run.err.split(separator: "\n").map(String.init)
    #expect(lines == [
      "error: \(bad):2:3 (uren): '1.850' is not a number of hours; write 2,5 (a decimal comma, no "
        + "point) or 2:30",
      "error: \(bad):3:2 (datum): '31-02-2026' is not a date: write 2026-02-01 or 01-02-2026 (a "
        + "day that exists)",
      "error: \(bad):4:4 (categorie): expected one of 'accredited', 'free'",
      "error: \(bad):5:1: 8 fields where the header has 7",
      "error: \(bad):6:1: 4 fields where the header has 7",
      "error: \(bad):7:1 (registernummer): nobody holds register number 'RJC-99999' in register "
        + "BvJN (in this import or the registry)",
      "error: \(bad):8:3 (uren): empty, and this column must be filled",
      "error: \(bad):9:5 (accreditatiecode): only an accredited activity has an accreditation code",
      "error: 8 problems in the input; nothing was written",
    ])
    // Nothing of the good file was written either.
    #expect(try pe("JC-0004", db) == before)
  }

  @Test func anUnknownOrMissingColumnIsNamed() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let unknown = scratch.write(
      "u.csv", "registernummer;datum;uren;categorie;titel;aanbieder;kleur\r\nRJC-00104;01-10-2026;1;vrij;A;B;rood\r\n")
    let run = jobcoach(["import", unknown, "--db", db])
    #expect(run.code == 65)
    #expect(run.err.hasPrefix("error: \(unknown):1:7 (kleur): not a column of pe-activities; the columns are jobcoach/coach, registernummer/register number,"))
    let missing = scratch.write(
      "m.csv", "registernummer;datum;uren;categorie;titel\r\nRJC-00104;01-10-2026;1;vrij;A\r\n")
    let named = jobcoach(["import", missing, "--db", db, "--kind", "pe-activities"])
    #expect(named.code == 65)
    #expect(named.err.hasPrefix("error: \(missing):1:1: the header has no column 'provider'\n"))
    let dutch = jobcoach(["import", missing, "--db", db, "--kind", "pe-activities", "--lang", "nl"])
    #expect(dutch.err.hasPrefix("fout: \(missing):1:1: de kopregel heeft geen kolom 'aanbieder'\n"))
    let unrecognised = jobcoach(["import", missing, "--db", db])
    #expect(unrecognised.err.contains("the header fits none of the tables jobcoach reads"))
    let wrongKind = jobcoach(["import", missing, "--db", db, "--kind", "spreadsheet"])
    #expect(wrongKind.code == 64)
    #expect(wrongKind.err.contains("--kind must be one of pe-activities, experience, hour-bookings, attendance"))
  }

  @Test func aWrongDateIsNamedInDutchAndALongOneIsNotEchoed() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let file = scratch.write(
      "d.csv",
      Self.peHeader + "RJC-00104;32-01-2026;1;vrij;;A;B\r\n"
        + "RJC-00104;\(String(repeating: "x", count: 30));1;vrij;;A;B\r\n")
    let run = jobcoach(["import", file, "--db", db, "--lang", "nl"])
    #expect(run.code == 65)
    #expect(run.err.hasPrefix(
      "fout: \(file):2:2 (datum): '32-01-2026' is geen datum: schrijf 2026-02-01 of 01-02-2026 "
        + "(een dag die bestaat)\n"
        + "fout: \(file):3:2 (datum): dit is geen datum: schrijf 2026-02-01 of 01-02-2026 (een "
        + "dag die bestaat)\n"))
  }

  @Test func aLatin1FileSaysHowToSaveAsUTF8() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let file = scratch.file("latin.csv")
    var data = Data(Self.peHeader.utf8)
    data.append(contentsOf: Array("RJC-00104;01-10-2026;1;vrij;;Caf".utf8) + [0xE9] + Array(";B\r\n".utf8))
    #expect(FileManager.default.createFile(atPath: file, contents: data))
    let run = jobcoach(["import", file, "--db", db, "--lang", "nl"])
    #expect(run.code == 65)
    #expect(run.err.hasPrefix("fout: \(file):2:6: het bestand is geen UTF-8"))
    #expect(run.err.contains("'CSV UTF-8 (door komma's gescheiden) (*.csv)'"))
  }

  @Test func aCitizenServiceNumberIsRefusedAndNeverEchoed() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let file = scratch.write(
      "list.csv",
      "accreditatiecode,datum,uren,aanbieder,presentielijst,registernummer\n"
        + "BJN-2026-601,15-10-2026,1,Autisme Nederland,PRL-1,RJC-00101\n"
        + "BJN-2026-601,15-10-2026,1,Autisme Nederland,PRL-1,123456782\n")
    let run = jobcoach(["import", file, "--db", db])
    #expect(run.code == 65)
    #expect(run.err.contains("\(file):3:6 (registernummer): holds what looks like a citizen service number"))
    #expect(!run.err.contains("123456782") && !run.out.contains("123456782"))
  }

  @Test func anAttendanceListGivesEachMemberTheActivityOnceAndOnlyMembers() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    // JC-0001 (RJC-00101) is registered from 2022-04-01: the day before, not a member.
    let header = "accreditatiecode,datum,uren,aanbieder,presentielijst,titel,registernummer,jobcoach\n"
    let early = scratch.write(
      "early.csv", header + "BJN-2026-601,31-03-2022,1,Autisme Nederland,PRL-E,Webinar,RJC-00101,\n")
    let refused = jobcoach(["import", early, "--db", db])
    #expect(refused.code == 65)
    #expect(refused.err.hasPrefix(
      "error: \(early):2:7 (registernummer): coach 'JC-0001' is not a member of register BvJN on "
        + "2022-03-31, so the attendance list cannot give them PE hours\n"))
    let onTheDay = scratch.write(
      "day.csv", header + "BJN-2026-601,01-04-2022,1,Autisme Nederland,PRL-D,Webinar,RJC-00101,\n")
    #expect(jobcoach(["import", onTheDay, "--db", db]).code == 0)

    let list = scratch.write(
      "list.csv",
      header + "BJN-2026-601,15-10-2026,1,Autisme Nederland,PRL-2026-601-09,Webinar autisme en werk,RJC-00101,\n"
        + "BJN-2026-601,15-10-2026,1,Autisme Nederland,PRL-2026-601-09,Webinar autisme en werk,,JC-0002\n")
    let before = try pe("JC-0001", db)["accreditedHours"]
    let first = jobcoach(["import", list, "--db", db])
    #expect(first.code == 0, "\(first.err)")
    #expect(first.out.contains("attendance (CSV): 2 created, 0 updated, 0 unchanged"))
    let statement = try pe("JC-0001", db)
    #expect(activity(statement, titled: "Webinar autisme en werk")?["category"] == .string("accredited"))
    let held = try #require(
      try RegistryStore.open(at: db).portfolio(of: "JC-0001")?.activities.first {
        $0.id == "PRL-2026-601-09"
      })
    #expect(held.category == .accredited)
    #expect(held.accreditationCode == "BJN-2026-601")
    #expect(held.hours == Hours(wholeHours: 1))
    #expect(held.evidence == EvidenceReference(documentID: "PRL-2026-601-09", issuer: "Autisme Nederland"))
    #expect(statement["accreditedHours"] != before)
    let second = jobcoach(["import", list, "--db", db])
    #expect(second.out.hasPrefix("nothing changed: 2 records"))
    #expect(try pe("JC-0001", db) == statement)
  }

  /// A membership of the same import counts for its attendance list, whether or not the
  /// import writes it: one that found a problem before writes nothing more, and the list's
  /// rows are judged against the memberships it read all the same (no second, false problem).
  @Test(arguments: [false, true])
  func anAttendanceListCountsTheMembershipsOfItsOwnImport(_ broken: Bool) throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let memberships = scratch.write(
      "a-memberships.json",
      """
      {"kind": "memberships", "schemaVersion": 1, "memberships": [
        {"coach": "JC-0005", "registerNumber": "RJC-00777", "admittedOn": "2024-01-01",
         "route": "entry-requirements", "statusChanges": [
           {"date": "2024-01-01", "status": "registered", "rule": "R-ADM-1",
            "decision": "admitted"}]}]}
      """)
    let problem = scratch.write(
      "b-memberships.json",
      """
      {"kind": "memberships", "schemaVersion": 1, "memberships": [
        {"coach": "JC-0002", "registerNumber": "RJC-00102", "admittedOn": "2022-02-01",
         "route": "entry-requirements", "statusChanges": []},
        {"coach": "JC-0002", "registerNumber": "RJC-00102", "admittedOn": "2022-02-01",
         "route": "entry-requirements", "statusChanges": []}]}
      """)
    let list = scratch.write(
      "list.csv",
      "accreditatiecode,datum,uren,aanbieder,presentielijst,titel,registernummer\n"
        + "BJN-2026-601,15-10-2026,1,Autisme Nederland,PRL-777,Webinar,RJC-00777\n")
    // The broken document first: nothing after it is written.
    let run = jobcoach(["import"] + (broken ? [problem] : []) + [memberships, list, "--db", db])
    if broken {
      #expect(run.code == 65)
      let lines = run.err.split(separator: "\n")
      // The coach and the register number given twice; nothing about the list.
      #expect(lines.count == 3, "\(run.err)")
      #expect(lines.last == "error: 2 problems in the input; nothing was written")
      #expect(lines.first?.contains("b-memberships.json#/memberships/1/coach") == true)
      #expect(!run.err.contains("list.csv"))
    } else {
      #expect(run.code == 0, "\(run.err)")
      #expect(run.out.contains("attendance (CSV): 1 created"))
    }
  }

  @Test func aPortfolioImportedAgainKeepsTheListsRowsAndACorrectedRowReplacesTheOld() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let file = scratch.write("pe.csv", Self.peHeader + "RJC-00104;01-10-2026;1;vrij;;Lezing;B\r\n")
    #expect(jobcoach(["import", file, "--db", db]).code == 0)
    let withList = try pe("JC-0004", db)
    // The portfolio document again: it replaces its own rows only.
    let portfolio = jobcoach(["import", samplesPath + "/portfolios.json", "--db", db])
    #expect(portfolio.out.hasPrefix("nothing changed"), "\(portfolio.out)")
    #expect(try pe("JC-0004", db) == withList)
    // Hours corrected in the list: the row is replaced, not counted twice.
    let corrected = scratch.write("pe.csv", Self.peHeader + "RJC-00104;01-10-2026;2;vrij;;Lezing;B\r\n")
    let run = jobcoach(["import", corrected, "--db", db])
    #expect(run.out.contains("pe-activities (CSV): 0 created, 1 updated, 0 unchanged"))
    let after = try pe("JC-0004", db)
    #expect(after["activities"]?.array.count == withList["activities"]?.array.count)
    #expect(activity(after, titled: "Lezing")?["hours"] == .number("2"))
  }

  /// One activity, two sources: a list cannot take over an activity of the portfolio
  /// document, nor a portfolio one of a list; the import is refused and says where.
  @Test func anActivityIdGivenByAPortfolioAndAListIsRefused() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let header = "id;registernummer;datum;uren;categorie;titel;aanbieder\r\n"
    let taken = scratch.write("taken.csv", header + "JC-0004-A01;RJC-00104;01-10-2026;1;vrij;A;B\r\n")
    let before = try pe("JC-0004", db)
    let run = jobcoach(["import", taken, "--db", db])
    #expect(run.code == 65)
    #expect(run.err.hasPrefix(
      "error: \(taken):2:1 (id): coach 'JC-0004' has activity 'JC-0004-A01' from their portfolio "
        + "document; a list cannot give the same id: give the row another id, or leave it out of "
        + "one of the two\n"))
    #expect(try pe("JC-0004", db) == before)

    // The other way round: a list's activity, then a portfolio document that gives its id.
    let listed = scratch.write("listed.csv", header + "LIST-1;RJC-00104;01-10-2026;1;vrij;A;B\r\n")
    #expect(jobcoach(["import", listed, "--db", db]).code == 0)
    let portfolio = scratch.write(
      "portfolio.json",
      #"{"kind": "portfolios", "schemaVersion": 1, "portfolios": [{"coach": "JC-0004", "#
        + #""peActivities": [{"id": "LIST-1", "date": "2026-10-02", "hours": 2, "title": "C", "#
        + #""provider": "D", "category": "free"}]}]}"#)
    let refused = jobcoach(["import", portfolio, "--db", db, "--lang", "nl"])
    #expect(refused.code == 65)
    #expect(refused.err.hasPrefix(
      "fout: \(portfolio)#/portfolios/0/peActivities/0/id: jobcoach 'JC-0004' heeft activiteit "
        + "'LIST-1' uit een lijst (CSV); het portfolio kan niet hetzelfde id geven"))

    // Documents read in memory (`pe --file`) give the same answer.
    let inMemory = jobcoach([
      "pe", "JC-0004", "--file", samplesPath + "/portfolios.json", "--file",
      samplesPath + "/memberships.json", "--file", taken, "--on", "2026-11-23",
    ])
    #expect(inMemory.code == 65)
    #expect(inMemory.err.hasPrefix(
      "error: \(taken):2:1 (id): coach 'JC-0004' has activity 'JC-0004-A01' from their portfolio "
        + "document"))
  }

  @Test func hourBookingsFromASpreadsheetMeetTheBookingRules() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let header = "plaatsing;jobcoach;datum;uren;activiteit;doelen;contact met;bezoek of telefonisch\r\n"
    let file = scratch.write(
      "uren.csv",
      header + "PL-2026-001;JC-0010;01-10-2026;1:30;begeleiding;G1;werkgever, werknemer;bezoek\r\n"
        + "PL-2026-001;JC-0010;01-10-2026;0,25;begeleiding;G1;werkgever;telefonisch\r\n")
    let run = jobcoach(["hours", "import", file, "--db", db])
    #expect(run.code == 0, "\(run.err)")
    #expect(run.out.contains("hour-bookings: 2 created"))
    let shown = try jobcoach([
      "placement", "show", "PL-2026-001", "--on", "2026-11-23", "--db", db, "--format", "json",
    ]).json()
    #expect(shown["hours"]?["booked"] == .number("25.75"))
    let broken = scratch.write(
      "fout.csv",
      header + "PL-2026-001;JC-0010;02-10-2026;25;begeleiding;G1;;\r\n"
        + "PL-2026-001;JC-0010;02-10-2026;1;begeleiding;G1;werkgever;\r\n"
        + "PL-9999;JC-0010;02-10-2026;1;begeleiding;G1;;\r\n")
    let refused = jobcoach(["hours", "import", broken, "--db", db])
    #expect(refused.code == 65)
    #expect(refused.err.contains("\(broken):2:4 (uren): "))
    #expect(refused.err.contains("\(broken):3:7 (contact met): "))
    #expect(refused.err.contains("\(broken):4:1 (plaatsing): no placement with id 'PL-9999'"))
    // hours import reads bookings only: a PE list is refused.
    let pe = scratch.write("pe.csv", Self.peHeader + "RJC-00104;01-10-2026;1;vrij;;A;B\r\n")
    let other = jobcoach(["hours", "import", pe, "--db", db])
    #expect(other.code == 65)
    #expect(other.err.contains("pe-activities"))
  }

  @Test func experienceRowsCountTowardsAdmission() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let file = scratch.write(
      "werk.csv",
      "jobcoach;organisatie;van;tot en met;uren;bewijsstuk\r\n"
        + "JC-0007;Werkbedrijf Noord;01-01-2015;31-12-2015;0,25;VERKL-1\r\n")
    let run = jobcoach(["import", file, "--db", db])
    #expect(run.code == 0, "\(run.err)")
    #expect(run.out.contains("experience (CSV): 1 created"))
    // JC-0007 had 1,399.75 hours: with a quarter hour more, exactly 1,400 (R-ADM-2).
    let admit = jobcoach([
      "register", "admit", "JC-0007", "--register", "BvJN", "--on", "2026-11-23", "--db", db,
    ])
    #expect(admit.code == 0, "\(admit.out)\(admit.err)")
    #expect(admit.out.contains("met      R-ADM-2  1400 hours of work experience as a jobcoach"))
    let again = jobcoach(["import", file, "--db", db])
    #expect(again.out.hasPrefix("nothing changed: 1 record"))
  }

  @Test func allOrNothingWithABadRowInTheLastLineOfTheLastFile() throws {
    let scratch = Scratch()
    let db = scratch.file("r.sqlite")
    #expect(jobcoach(["init", "--db", db]).code == 0)
    let directory = scratch.file("in")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: samplesPath)
    where name.hasSuffix(".json") || name.hasSuffix(".csv") {
      try FileManager.default.copyItem(atPath: samplesPath + "/" + name, toPath: directory + "/" + name)
    }
    // werkervaring.csv is read last (tables after documents, by name): spoil its last line.
    let last = directory + "/werkervaring.csv"
    var text = try String(contentsOfFile: last, encoding: .utf8)
    text += "JC-0013;;;Werkbedrijf Amersfoort;01-01-2008;31-12-2008;veel;;WG-VERKL-0013-C\r\n"
    try text.write(toFile: last, atomically: true, encoding: .utf8)
    let run = jobcoach(["import", directory, "--db", db])
    #expect(run.code == 65)
    #expect(run.err.hasPrefix("error: \(last):3:7 (uren): 'veel' is not a number of hours"))
    #expect(jobcoach(["show", "JC-0001", "--db", db]).code != 0)
  }

  @Test func checkAndPEReadSpreadsheetsFromFilesToo() throws {
    let scratch = Scratch()
    let file = scratch.write("pe.csv", Self.peHeader + "RJC-00104;01-10-2026;1;vrij;;Lezing;B\r\n")
    let run = jobcoach([
      "pe", "JC-0004", "--file", samplesPath + "/portfolios.json", "--file",
      samplesPath + "/memberships.json", "--file", file, "--on", "2026-11-23", "--format", "json",
    ])
    #expect(run.code <= 1, "\(run.err)")
    #expect(activity(try run.json(), titled: "Lezing") != nil)
    let check = jobcoach(["check", "--file", samplesPath, "--file", file, "--on", "2026-11-23"])
    #expect(check.code <= 1, "\(check.err)")
  }
}

/// The CSV on the Web descriptions in `Schemas/` and the tables jobcoach reads are one list:
/// each column's field, Dutch and English header and whether it is required, in order.
struct TableDescriptionTests {
  @Test(arguments: TableKind.allCases)
  func theDescriptionNamesTheColumnsJobcoachReads(kind: TableKind) throws {
    let path = repositoryRoot + "/Schemas/" + kind.metadataFileName
    let data = try #require(FileManager.default.contents(atPath: path))
    guard case .object(let metadata) = try JSONParser.parse(Array(data)) else {
      Issue.record("\(path) is not a JSON object")
      return
    }
    let columns = metadata["tableSchema"]?["columns"]?.array ?? []
    #expect(columns.map { $0["name"] } == kind.columns.map { .string($0.field) })
    #expect(
      columns.map { $0["titles"] }
        == kind.columns.map { .array([.string($0.dutch), .string($0.english)]) })
    #expect(
      columns.map { $0["required"] == .bool(true) } == kind.columns.map(\.required))
  }
}
