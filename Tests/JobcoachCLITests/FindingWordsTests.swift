import Foundation
import Testing

@testable import JobcoachCLI
@testable import JobcoachCore
import JobcoachStore

/// Findings are values; these tests hold the words of each language to them (issue 17).
struct FindingWordsTests {
  static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
  static let period = DateInterval(start: day("2026-07-01"), end: day("2026-12-31"))

  /// Reason values and the exact text each language gives them.
  static let table: [(FindingReason, en: String, nl: String)] = [
    (
      .qualification(
        .notRecognised(
          organisation: "Werkpad Jobcoaching B.V.", on: day("2026-07-01"),
          shortfalls: [.endedOn(day("2026-06-30"), dayBefore: true)], forUWV: false)),
      "Werkpad Jobcoaching B.V. is not recognised by UWV on 2026-07-01: the recognition ended "
        + "on 2026-06-30, the day before 2026-07-01",
      "Werkpad Jobcoaching B.V. is op 1 juli 2026 niet door UWV erkend: de erkenning liep tot en "
        + "met 30 juni 2026, de dag vóór 1 juli 2026"
    ),
    (
      .qualification(
        .employedAsOtherKind(
          coach: "Gert de Boer", on: day("2026-07-01"), as: .external, notAs: .municipal)),
      "on 2026-07-01 Gert de Boer is employed as an external coach, not as a municipal coach",
      "Gert de Boer is op 1 juli 2026 in dienst als een externe jobcoach, niet als een "
        + "gemeentelijke jobcoach"
    ),
    (
      .qualification(.doesNotFundInternalCoaching(policy: "POL-PURMEREND")),
      "policy POL-PURMEREND does not fund internal coaching",
      "beleid POL-PURMEREND vergoedt geen interne jobcoaching"
    ),
    (
      .register(
        .totalHours(
          counted: Hours(wholeHours: 110), required: Hours(wholeHours: 111),
          cycle: DateInterval(start: day("2022-01-10"), end: day("2027-01-09")),
          shortfall: Shortfall(
            missing: Hours(wholeHours: 1), byWhen: day("2027-01-09"), daysLeft: 1))),
      "110 of 111 hours count in the cycle 2022-01-10 to 2027-01-09; 1 missing by 2027-01-09 "
        + "(1 days left)",
      "110 van de 111 PE-uren tellen mee in de registratieperiode 10 januari 2022 t/m 9 januari "
        + "2027; er ontbreekt 1 uur vóór 9 januari 2027 (nog 1 dag)"
    ),
    (
      .register(
        .accreditedHours(
          accredited: Hours(wholeHours: 81), minimum: Hours(wholeHours: 81), shortfall: nil)),
      "81 accredited hours, at least 81",
      "81 uur geaccrediteerd, ten minste 81 uur"
    ),
    (
      .register(
        .freeHours(
          free: Hours(wholeHours: 31), counted: Hours(wholeHours: 30),
          maximum: Hours(wholeHours: 30))),
      "31 free hours, of which 30 count (at most 30); 1 do not count",
      "31 uur vrij in te vullen, waarvan 30 uur meetellen (ten hoogste 30 uur); 1 uur telt niet mee"
    ),
    (
      .register(
        .experience(
          total: Hours(wholeHours: 1_400), required: Hours(wholeHours: 1_400), missing: nil,
          diploma: nil, later: 1, on: day("2026-03-02"))),
      "1400 hours of work experience as a jobcoach, at least 1400 (1 entry ends after "
        + "2026-03-02 and do not count yet)",
      "1400 uur werkervaring als jobcoach, ten minste 1400 uur (1 vermelding eindigt na 2 maart "
        + "2026 en telt nog niet mee)"
    ),
    (
      .register(
        .lapsed(
          number: "RJC-00104", on: day("2027-01-10"),
          .notRenewed(period: 1, days: DateInterval(start: day("2022-01-10"), end: day("2027-01-09")),
            graceEnds: day("2027-04-09")), final: false)),
      "register number RJC-00104 lapsed on 2027-01-10: period 1 (2022-01-10 to 2027-01-09) was "
        + "not renewed; a late renewal is possible until 2027-04-09",
      "registernummer RJC-00104 is verlopen op 10 januari 2027: registratieperiode 1 (10 januari "
        + "2022 t/m 9 januari 2027) is niet verlengd met een herregistratie; herregistreren kan "
        + "nog t/m 9 april 2027"
    ),
    (
      .funding(
        .grantedWithin(
          Money(cents: 450_000), years: 1...1, level: .medium, maximum: Money(cents: 450_000))),
      "EUR 4,500.00 granted in year 1, within the medium maximum of EUR 4,500.00",
      "€ 4.500,00 toegekend in kaderjaar 1, binnen het maximum van € 4.500,00 voor "
        + "begeleidingsniveau midden"
    ),
    (
      .funding(.periodsGranted(count: 1, period)),
      "1 half-year period granted, 2026-07-01 to 2026-12-31",
      "1 halfjaarperiode toegekend, 1 juli 2026 t/m 31 december 2026"
    ),
    (
      .placement(.homeSituationNeedsReview(Hours(minutes: 90))),
      "home-situation coaching of 1.5 hours needs review: the bookings do not state it was "
        + "work-related; held for the funder's decision (F-7)",
      "begeleiding in de thuissituatie (1,5 uur) ter beoordeling bij de financier: uit de "
        + "urenregistratie blijkt niet dat deze direct werkgerelateerd was (F-7)"
    ),
    (
      .placement(.bookedOutsidePeriods(Hours(wholeHours: 1))),
      "1 hour booked outside the granted periods are not reimbursed",
      "1 uur geschreven buiten de toegekende perioden, niet declarabel"
    ),
    (
      .placement(.periodResult(period, .worksWithoutCoaching)),
      "period 2026-07-01 to 2026-12-31 ended: works without coaching",
      "periode 1 juli 2026 t/m 31 december 2026 is afgelopen: werkt zonder begeleiding"
    ),
    (
      .placement(
        .averageVisits(
          .package1Visits, visits: 1, windows: 1, excused: 0, hundredths: 100, required: 1,
          short: nil)),
      "1 visit in 1 complete month: on average 1.00 a month, at least 1 expected",
      "1 bezoek in 1 volledige maand: gemiddeld 1,00 per maand, ten minste 1 verwacht"
    ),
    (
      .registry(.notRecognised(on: day("2026-07-01"))),
      "no UWV recognition in force on 2026-07-01: its coaches cannot be assigned as external "
        + "coaches",
      "op 1 juli 2026 geen erkenning door UWV: de jobcoaches van deze organisatie zijn niet als "
        + "externe jobcoach in te zetten"
    ),
  ]

  @Test("every reason in the table reads exactly so in English and in Dutch")
  func eachLanguageWordsEachReason() {
    for (reason, en, nl) in Self.table {
      #expect(English().reason(reason) == en)
      #expect(Dutch().reason(reason) == nl)
    }
  }

  @Test("a reason's code is its case's name, stable for scripts")
  func reasonCodesAreStable() {
    #expect(Self.table[0].0.code == "qualification.not-recognised")
    #expect(Self.table[3].0.code == "register.total-hours")
    #expect(Self.table[14].0.code == "registry.not-recognised")
    #expect(BookingReason.goalNotInPlan("G1").code == "goal-not-in-plan")
    #expect(BookingReason.noGrant.code == "no-grant")
    // Distinct cases, distinct codes.
    let codes = Self.table.map(\.0.code)
    #expect(Set(codes).count == codes.count)
  }

  /// The codes by switch (fast, for every finding `check` writes) are the cases' names, as
  /// reflection reads them: over the tables here and every finding of the samples.
  @Test("reason codes by switch equal the cases' names by reflection")
  func reasonCodesMatchTheirCases() throws {
    var reasons = Self.table.map(\.0) + Self.ruleTable.map(\.1)
    for date in ["2026-03-02", "2026-11-23", "2027-01-10", "2027-04-10"] {
      let samples = InMemoryRegistry(try DocumentLoader.load([samplesPath]))
      reasons += try CheckRegistry(on: CalendarDate(iso: date)!).run(in: samples).findings
        .map(\.reason)
    }
    #expect(reasons.count > 300)
    for reason in reasons { #expect(reason.code == reason.reflectedCode) }
    for (problem, _, _) in Self.problems {
      #expect(problem.code == FindingReason.caseName(of: problem))
    }
    let bookings: [BookingReason] = [
      .noGrant, .outsidePeriods, .goalNotInPlan("G1"), .onHoliday(Self.period),
      .reportingBeyondCap(Hours(wholeHours: 2), .period(Self.period)),
    ]
    for booking in bookings { #expect(booking.code == FindingReason.caseName(of: booking)) }
  }

  @Test("Dutch numbers: singular and plural, amounts with a comma, dates in words")
  func dutchValues() {
    let dutch = Dutch()
    #expect(dutch.hours(Hours(wholeHours: 1)) == "1 uur")
    #expect(dutch.hours(Hours(minutes: 150)) == "2,5 uur")
    #expect(English().hours(Hours(wholeHours: 1)) == "1 hour")
    #expect(English().hours(Hours(minutes: 150)) == "2.5 hours")
    #expect(dutch.money(Money(cents: 123_456_78)) == "€ 123.456,78")
    #expect(dutch.date(Self.day("2026-07-01")) == "1 juli 2026")
    #expect(dutch.interval(DateInterval(start: Self.day("2026-07-01"), end: nil)) == "vanaf 1 juli 2026")
    #expect(dutch.list(["a", "b", "c"], "en") == "a, b en c")
    #expect(dutch.count(1, "dag", "dagen") == "1 dag")
    #expect(dutch.count(2, "dag", "dagen") == "2 dagen")
  }

  /// Every finding the samples give, in both languages: worded (never a code), and the two
  /// languages differ.
  @Test("every finding of the samples has words in both languages")
  func everySampleFindingIsWorded() throws {
    let run = jobcoach(["check", "--file", samplesPath, "--on", "2026-11-23", "--format", "json"])
    guard case .array(let findings)? = try run.json()["findings"]
    else {
      Issue.record("no findings")
      return
    }
    #expect(findings.count > 100)
    let dutch = jobcoach([
      "check", "--file", samplesPath, "--on", "2026-11-23", "--format", "json", "--lang", "nl",
    ])
    guard case .array(let nlFindings)? = try dutch.json()["findings"]
    else {
      Issue.record("no Dutch findings")
      return
    }
    #expect(nlFindings.count == findings.count)
    for (en, nl) in zip(findings, nlFindings) {
      guard case .object(let enObject) = en, case .object(let nlObject) = nl,
        case .string(let enMessage)? = enObject["message"],
        case .string(let nlMessage)? = nlObject["message"],
        case .string(let code)? = enObject["reason"]
      else {
        Issue.record("a finding without message or reason")
        continue
      }
      // The keys and codes do not change with the language; the words do.
      #expect(nlObject["reason"] == enObject["reason"])
      #expect(nlObject["rule"] == enObject["rule"])
      #expect(enMessage != nlMessage, "\(code)")
      #expect(!enMessage.isEmpty && !nlMessage.isEmpty)
      #expect(nlMessage.firstMatch(of: /[0-9] hours?\b/) == nil, "\(nlMessage)")
    }
  }

  /// The rules hold no sentence: every string literal in the rules' files is a code or a key,
  /// never words (a literal with a space between letters is a sentence).
  /// What may keep words in the core: the names of built-in data (a register, a norm, the G4
  /// policy) and the minutes a decision records (stored text, as an association's imported
  /// minutes are), and messages for programmers (preconditions).
  static let wordsAllowed: [(file: String, holds: String)] = [
    ("Register/Register.swift", "Register Beroepsvereniging Jobcoaches Nederland"),
    ("Register/PENorm.swift", "BJN register norm"),
    ("Policies/MunicipalPolicy.swift", "G4 minimum requirements (default)"),
    ("UseCases/RegisterDecisions.swift", "decision: "),
    ("UseCases/RegisterDecisions.swift", "+ \""),
    ("UseCases/RegisterDecisions.swift", "reason: "),
    ("Calendar/CalendarDate.swift", "open end"),
    // PEM's armour lines (RFC 7468): the key file's format, not words.
    ("Trust/Ed25519.swift", " PRIVATE KEY-----"),
    ("Values/Hours.swift", "hours"),
    // The CSV tables' header names, Dutch and English: the file format, as JSON keys are.
    ("Tables/TableKind.swift", "TableColumn("),
    // Dutch spreadsheet words read as the codes they stand for.
    ("Tables/TableRecords.swift", "case \"vrij\", \"vrije ruimte\": \"free\""),
    ("Tables/TableKind.swift", "\"accreditationCode\", \"accreditation code\""),
    ("Tables/TableKind.swift", "\"registerNumber\", \"register number\""),
  ]

  /// The core holds no sentence for a person: every string literal in `JobcoachCore` is a
  /// code, a key or allowed data (a literal with a space between words is a sentence).
  @Test("no user-facing literal remains in JobcoachCore")
  func rulesHoldNoProse() throws {
    let root = repositoryRoot + "/Sources/JobcoachCore/"
    let files = try FileManager.default.subpathsOfDirectory(atPath: root)
      .filter { $0.hasSuffix(".swift") }.sorted()
    #expect(files.count > 50)
    let literal = try Regex(#""(?:[^"\\\n]|\\.)*""#)
    let words = try Regex(#"[A-Za-z]+ [A-Za-z]+"#)
    for file in files {
      let text = try String(contentsOfFile: root + file, encoding: .utf8)
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated()
      {
        let code = line.trimmingCharacters(in: .whitespaces)
        guard !code.hasPrefix("//"), !code.contains("precondition"), !code.contains("fatalError")
        else { continue }
        if Self.wordsAllowed.contains(where: { file == $0.file && code.contains($0.holds) }) {
          continue
        }
        let beforeComment = code.components(separatedBy: " // ")[0]
        for match in beforeComment.matches(of: literal) {
          #expect(
            beforeComment[match.range].firstMatch(of: words) == nil,
            "\(file):\(number + 1) holds words: \(code)")
        }
      }
    }
  }

  static func goldenPath(_ language: String) -> String {
    repositoryRoot + "/Tests/JobcoachCLITests/Golden/check-samples-\(language).txt"
  }

  /// The samples' check report as a caseworker reads it, in each language, reviewed by hand.
  /// After an intended change: JOBCOACH_UPDATE_GOLDEN=1 swift test --filter FindingWordsTests,
  /// then read the diff.
  @Test("the golden check report in Dutch and in English", arguments: ["nl", "en"])
  func goldenTextReport(_ language: String) throws {
    let run = jobcoach([
      "check", "--file", samplesPath, "--on", "2026-11-23", "--lang", language,
    ])
    #expect(run.code == 1, "\(run.err)")
    if ProcessInfo.processInfo.environment["JOBCOACH_UPDATE_GOLDEN"] == "1" {
      try run.out.write(toFile: Self.goldenPath(language), atomically: true, encoding: .utf8)
    }
    #expect(run.out == (try String(contentsOfFile: Self.goldenPath(language), encoding: .utf8)))
  }

  @Test("the language: --lang, else $JOBCOACH_LANG, else a Dutch locale; JSON ignores the locale")
  func languageChoice() throws {
    let arguments = [
      "verify", "JC-0007", "--as", "external", "--on", "2026-07-01", "--file", samplesPath,
    ]
    let dutch = jobcoach(arguments, environment: ["LANG": "nl_NL.UTF-8"])
    #expect(dutch.code == 1)
    #expect(
      dutch.out.hasPrefix(
        "NIET INZETBAAR: Gert de Boer (JC-0007) kan op 1 juli 2026 niet als externe jobcoach "
          + "worden ingezet; niet voldaan: Q-EXT-1\n"))
    #expect(
      dutch.out.contains(
        "NIET VOLDAAN  Q-EXT-1  Werkpad Jobcoaching B.V. is op 1 juli 2026 niet door UWV erkend: "
          + "de erkenning liep tot en met 30 juni 2026, de dag vóór 1 juli 2026\n"))
    let english = jobcoach(arguments + ["--lang", "en"], environment: ["LANG": "nl_NL.UTF-8"])
    #expect(english.out.hasPrefix("NOT ELIGIBLE: Gert de Boer (JC-0007) may not be assigned"))
    let byVariable = jobcoach(arguments, environment: ["JOBCOACH_LANG": "nl", "LANG": "C"])
    #expect(byVariable.out.hasPrefix("NIET INZETBAAR"))
    // JSON: the locale does not count, $JOBCOACH_LANG does; the reason code stays.
    let json = jobcoach(arguments + ["--format", "json"], environment: ["LANG": "nl_NL.UTF-8"])
    #expect(json.out.contains("\"message\": \"Werkpad Jobcoaching B.V. is not recognised"))
    let dutchJSON = jobcoach(arguments + ["--format", "json"], environment: ["JOBCOACH_LANG": "nl"])
    #expect(dutchJSON.out.contains("\"message\": \"Werkpad Jobcoaching B.V. is op 1 juli 2026"))
    #expect(dutchJSON.out.contains("\"reason\": \"qualification.not-recognised\""))
  }

  @Test("a command's refusal is worded in the chosen language")
  func errorsInDutch() {
    let run = jobcoach(
      ["verify", "JC-9999", "--as", "municipal", "--file", samplesPath, "--lang", "nl"])
    #expect(run.code == 65)
    #expect(run.err == "fout: er is geen jobcoach met id 'JC-9999' in het register\n")
    let english = jobcoach(["verify", "JC-9999", "--as", "municipal", "--file", samplesPath])
    #expect(english.err == "error: no coach with id 'JC-9999' in the registry\n")
  }

  @Test("a coach reads their PE hours in Dutch: what counts, what is missing, by when")
  func peInDutch() {
    let run = jobcoach([
      "pe", "JC-0004", "--file", samplesPath, "--on", "2026-11-23", "--lang", "nl",
    ])
    #expect(run.code == 1)
    #expect(
      run.out.hasPrefix(
        "PE-uren van Dirk Visser (JC-0004) op 23 november 2026: NIET VOLDAAN\n"
          + "registratieperiode 1: 10 januari 2022 t/m 9 januari 2027, nog 47 dagen\n"))
    #expect(run.out.contains("  geaccrediteerd     80   ten minste 81                   er ontbreekt 1 uur\n"))
    #expect(
      run.out.contains(
        "R-PE-2  80 uur geaccrediteerd, ten minste 81 uur nodig; er ontbreekt 1 uur vóór 9 "
          + "januari 2027 (nog 47 dagen)\n"))
  }

  /// Document problems are values too: each language words them.
  static let problems: [(ProblemReason, en: String, nl: String)] = [
    (.missingField("name"), "missing required field 'name'", "verplicht veld 'name' ontbreekt"),
    (
      .wrongType(expected: .string, found: .number), "expected a string, found a number",
      "verwacht een tekst, gevonden: een getal"
    ),
    (
      .endsBeforeStart(.employment, end: day("2001-01-01"), start: day("2019-03-01")),
      "the employment ends (2001-01-01) before it starts (2019-03-01)",
      "het dienstverband eindigt (1 januari 2001) voordat die begint (1 maart 2019)"
    ),
    (
      .notValidJSON(.unterminatedString), "not valid JSON: unterminated string",
      "geen geldige JSON: tekst zonder afsluitend aanhalingsteken"
    ),
    (
      .unknownRecord(.organisation, id: "ORG-X"),
      "no organisation with id 'ORG-X' in this import or the registry",
      "geen organisatie met id 'ORG-X' in deze import of het register"
    ),
    (
      .duplicateMember(name: nil),
      "duplicate member name (one that looks like a citizen service number)",
      "veldnaam (een die op een burgerservicenummer lijkt) komt twee keer voor"
    ),
    (
      .valueTooLarge(bytes: 16 << 20),
      "a single value longer than 16 MiB; no record or field jobcoach reads is this large",
      "één waarde langer dan 16 MiB; geen record of veld dat jobcoach leest is zo groot"
    ),
  ]

  @Test("document problems read exactly so in English and in Dutch, and have stable codes")
  func problemsInBothLanguages() {
    for (reason, en, nl) in Self.problems {
      #expect(English().problem(reason) == en)
      #expect(Dutch().problem(reason) == nl)
    }
    #expect(ProblemReason.missingField("x").code == "missing-field")
    #expect(ProblemReason.notValidJSON(.emptyFile).code == "not-valid-json")
  }

  @Test("an import's problems in Dutch: the file, the place, the words, and nothing written")
  func importProblemsInDutch() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(digitFreeName())
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let db = directory.appendingPathComponent("registry.sqlite").path
    #expect(jobcoach(["init", "--db", db]).code == 0)
    let file = repositoryRoot
      + "/Tests/JobcoachCLITests/Corpus/cases/coaches-employment-ends-before-start.json"
    let run = jobcoach(["import", file, "--db", db], environment: ["LANG": "nl_NL.UTF-8"])
    #expect(run.code == 65)
    #expect(
      run.err
        == "fout: \(file)#/coaches/0/employments/0/until: het dienstverband eindigt (1 januari "
        + "2001) voordat die begint (1 maart 2019)\nfout: 1 probleem in de invoer; er is niets "
        + "opgeslagen\n")
    let english = jobcoach(["import", file, "--db", db, "--lang", "en"])
    #expect(english.err.hasPrefix("error: \(file)#/coaches/0/employments/0/until: the employment"))
  }

  @Test("usage errors and the BSN refusal in Dutch, with the usage line")
  func usageErrorsInDutch() {
    let run = jobcoach(["verify", "JC-0001", "--as", "boss", "--lang", "nl"])
    #expect(run.code == 64)
    #expect(
      run.err.hasPrefix(
        "fout: onbekende soort jobcoach 'boss'; kies municipal, internal of external\n"
          + "gebruik: jobcoach verify COACH_ID"))
    let bsn = jobcoach(["show", "111222333", "--lang", "nl"])
    #expect(bsn.code == 64)
    #expect(
      bsn.err
        == "fout: argument 2 bevat iets dat op een burgerservicenummer (BSN) lijkt; het register "
        + "bewaart er nooit een, gebruik een pseudoniem kenmerk\n")
    #expect(!bsn.err.contains("111222333"))
    // Every command takes --lang, and says so in its help.
    #expect(jobcoach(["settings", "--help"]).out.contains("--lang LANG"))
  }

  @Test("a caseworker reads a placement and its hours in Dutch")
  func placementInDutch() {
    let show = jobcoach([
      "placement", "show", "PL-2026-009", "--file", samplesPath, "--on", "2026-11-23", "--lang",
      "nl",
    ])
    #expect(show.code == 1)
    #expect(
      show.out.hasPrefix(
        "NIET IN ORDE: plaatsing PL-2026-009 op 23 november 2026; niet voldaan: P-9\n"))
    #expect(show.out.contains("toekenning: licht, € 80,00 per uur\n"))
    #expect(
      show.out.contains(
        "uren t/m 23 november 2026: 16,5 uur geschreven, 13 uur declarabel (€ 1.040,00, "
          + "exclusief btw), 3,5 uur niet declarabel\n"))
    let report = jobcoach([
      "hours", "report", "PL-2026-009", "--period", "2026-03-01..2026-08-31", "--file",
      samplesPath, "--on", "2026-11-23", "--lang", "nl",
    ])
    #expect(report.code == 0)
    #expect(report.out.contains("  2026-04-02  BK-0043  1,5 uur  P-4  reistijd is niet declarabel\n"))
    #expect(report.out.contains("uurtarief: € 80,00; bedragen exclusief btw\n"))
  }

  /// The rules the golden reports do not cite, each with a reason and its exact words.
  static let ruleTable: [(RuleID, FindingReason, en: String, nl: String)] = [
    (
      .registrationRequired,
      .qualification(
        .registrationRequired(
          policy: "POL-X", kind: .external, registers: ["BvJN"], on: day("2026-07-01"),
          checkable: true,
          standing: .registered(
            number: "RJC-00106", since: day("2022-06-01"), until: day("2027-05-31")))),
      "policy POL-X requires external coaches to be registered in good standing in BvJN on "
        + "2026-07-01: registered coach RJC-00106 since 2022-06-01, valid until 2027-05-31",
      "beleid POL-X vereist dat een externe jobcoach op 1 juli 2026 als registerjobcoach is "
        + "ingeschreven in BvJN: registerjobcoach RJC-00106 sinds 1 juni 2022, geldig t/m 31 mei "
        + "2027"
    ),
    (
      .admissionEducation, .register(.noRecognisedEducation([.notOnList("EDU-X")])),
      "no completed jobcoach education recognised by the association: 'EDU-X' is not on the "
        + "association's list of educations",
      "geen afgeronde jobcoachopleiding die de beroepsvereniging erkent: 'EDU-X' staat niet op de "
        + "lijst van opleidingen van de beroepsvereniging"
    ),
    (
      .admissionExperience,
      .register(
        .experience(
          total: Hours(wholeHours: 1_399), required: Hours(wholeHours: 1_400),
          missing: Hours(wholeHours: 1), diploma: nil, later: 0, on: day("2026-03-02"))),
      "1399 hours of work experience as a jobcoach; 1400 needed, 1 missing",
      "1399 uur werkervaring als jobcoach; 1400 uur nodig, er ontbreekt 1 uur"
    ),
    (
      .reregistration, .register(.status(number: "RJC-00107", .suspended, on: day("2026-07-01"))),
      "register number RJC-00107 is suspended on 2026-07-01",
      "registernummer RJC-00107 heeft op 1 juli 2026 de status 'geschorst'"
    ),
    (
      .renewalWindow,
      .register(
        .lapsed(
          number: "RJC-00104", on: day("2027-04-10"),
          .notRenewed(
            period: 1, days: DateInterval(start: day("2022-01-10"), end: day("2027-01-09")),
            graceEnds: nil), final: true)),
      "register number RJC-00104 lapsed on 2027-04-10: period 1 (2022-01-10 to 2027-01-09) was "
        + "not renewed; only a new admission brings the coach back",
      "registernummer RJC-00104 is verlopen op 10 april 2027: registratieperiode 1 (10 januari "
        + "2022 t/m 9 januari 2027) is niet verlengd met een herregistratie; alleen een nieuwe "
        + "inschrijving brengt de jobcoach terug"
    ),
    (
      .peDemonstrable,
      .register(.sameActivity("A2", title: "Motiverende gespreksvoering", first: "A1")),
      "activity 'A2' (Motiverende gespreksvoering) is the same as 'A1'; it counts once",
      "activiteit 'A2' (Motiverende gespreksvoering) is dezelfde als 'A1' en telt één keer"
    ),
    (
      .employerCoaching,
      .placement(.employerCoachingLate(Hours(wholeHours: 2), after: day("2027-01-14"), years: 3)),
      "2 hours of coaching the supervisor after 2027-01-14; the employer should coach alone "
        + "within 3 years",
      "2 uur begeleiding van de leidinggevende na 14 januari 2027; de werkgever hoort binnen 3 "
        + "jaar zelf te begeleiden"
    ),
    (
      .trialPlacementVisits, .placement(.noVisitAtStart(day("2026-03-02"))),
      "no visit on the first day of the trial placement (2026-03-02)",
      "geen bezoek op de eerste dag van de proefplaatsing (2 maart 2026)"
    ),
    (
      .package0Contact, .placement(.contactsInEveryWindow(.package0Contact, windows: 2)),
      "a contact with employer and worker in each of the 2 complete quarters",
      "contact met werkgever en werknemer in elk van de 2 volledige kwartalen"
    ),
    (
      .clusteredTalks,
      .placement(.visitsCouldBeClustered([SiblingWeek(placement: "PL-2", week: day("2026-03-02"))])),
      "visits could be clustered with the same employer's other placements: PL-2 in the week of "
        + "2026-03-02",
      "bezoeken kunnen worden gecombineerd met de andere plaatsingen bij dezelfde werkgever: PL-2 "
        + "in de week van 2 maart 2026"
    ),
  ]

  /// Rules no finding cites: they shape others (period length, registers as data, practice
  /// hours within R-PE-1, suspension as a status).
  static let rulesWithoutFindings: Set<RuleID> = [
    .registrationPeriods, .registersAsData, .pePractice, .suspension,
  ]

  @Test("every rule's words are held exactly, in the golden reports of both languages or here")
  func everyRuleIsWorded() throws {
    for (_, reason, en, nl) in Self.ruleTable {
      #expect(English().reason(reason) == en)
      #expect(Dutch().reason(reason) == nl)
    }
    let golden = try String(contentsOfFile: Self.goldenPath("en"), encoding: .utf8)
    let dutch = try String(contentsOfFile: Self.goldenPath("nl"), encoding: .utf8)
    var covered = Set(Self.ruleTable.map(\.0)).union(Self.rulesWithoutFindings)
    for rule in RuleID.all
    where golden.contains("  \(rule.rawValue)  ") && dutch.contains("  \(rule.rawValue)  ") {
      covered.insert(rule)
    }
    let missing = RuleID.all.filter { !covered.contains($0) }
    #expect(missing.isEmpty, "rules without exact words in both languages: \(missing)")
  }
}
