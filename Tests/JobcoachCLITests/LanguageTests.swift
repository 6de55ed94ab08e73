import Foundation
import Testing

@testable import JobcoachCLI
@testable import JobcoachCore

/// The front end's languages (issue 17, first part): choosing one, Dutch conventions, and the
/// rule book in both.
struct LanguageTests {
  func choose(_ arguments: [String] = [], _ environment: [String: String], json: Bool = false)
    throws -> Language
  {
    let parsed = try ParsedArguments.parse(arguments, for: RulesCommand.spec)
    return try Language.choose(
      parsed, environment: environment, command: "rules", forJSON: json)
  }

  @Test func theLanguageIsChosenInOrder() throws {
    #expect(try choose(["--lang", "nl"], ["JOBCOACH_LANG": "en"]) == .nl)
    #expect(try choose([], ["JOBCOACH_LANG": "nl", "LANG": "en_GB.UTF-8"]) == .nl)
    #expect(try choose([], ["LANG": "nl_NL.UTF-8"]) == .nl)
    #expect(try choose([], ["LC_ALL": "en_US.UTF-8", "LANG": "nl_NL.UTF-8"]) == .en)
    #expect(try choose([], ["LC_MESSAGES": "nl_BE.UTF-8"]) == .nl)
    #expect(try choose([], [:]) == .en)
    // JSON follows --lang and $JOBCOACH_LANG only, never the locale.
    #expect(try choose([], ["LANG": "nl_NL.UTF-8"], json: true) == .en)
    #expect(try choose([], ["JOBCOACH_LANG": "nl"], json: true) == .nl)
    #expect(throws: UsageError.self) { try choose(["--lang", "de"], [:]) }
  }

  @Test func dutchDatesAmountsAndHours() {
    let date = CalendarDate(iso: "2026-07-01")!
    #expect(Localised.date(date, .nl) == "1 juli 2026")
    #expect(Localised.date(date, .en) == "1 July 2026")
    #expect(Localised.date(CalendarDate(iso: "2026-12-31")!, .nl) == "31 december 2026")
    #expect(Localised.money(Money(cents: 450_000), .nl) == "€ 4.500,00")
    #expect(Localised.money(Money(cents: 123_456_789), .nl) == "€ 1.234.567,89")
    #expect(Localised.money(Money(cents: 5), .nl) == "€ 0,05")
    #expect(Localised.money(Money(cents: 450_000), .en) == "EUR 4,500.00")
    #expect(Localised.hours(Hours(minutes: 150), .nl) == "2,5 uur")
    #expect(Localised.hours(Hours(wholeHours: 1), .nl) == "1 uur")
    #expect(Localised.hours(Hours(wholeHours: 1), .en) == "1 hour")
    #expect(Localised.hours(Hours(minutes: 90), .en) == "1.5 hours")
    #expect(Localised.count(1, "jobcoach", "jobcoaches") == "1 jobcoach")
    #expect(Localised.count(2, "jobcoach", "jobcoaches") == "2 jobcoaches")
  }

  /// Every rule the product applies is in the rule book, once, in both languages.
  @Test func theRuleBookHoldsEveryRuleOnce() {
    #expect(RuleCatalogue.all.map(\.id) == RuleID.all)
    #expect(Set(RuleID.all).count == RuleID.all.count)
    for rule in RuleCatalogue.all {
      #expect(!rule.nl.isEmpty && !rule.en.isEmpty && rule.nl != rule.en, "\(rule.id)")
    }
    // Every rule the sample check cites is in the book.
    let golden = (try? String(contentsOfFile: CheckCommandTests.goldenPath, encoding: .utf8)) ?? ""
    for match in golden.matches(of: /"rule": "([A-Z]+-[A-Z0-9-]+)"/) {
      #expect(RuleCatalogue.rule(RuleID(rawValue: String(match.1))) != nil, "\(match.1)")
    }
  }

  @Test func rulesExplainsOneInDutchOrEnglish() throws {
    let dutch = jobcoach(["rules", "P-3", "--lang", "nl"])
    #expect(dutch.code == 0)
    #expect(
      dutch.out
        == """
        P-3  Ten hoogste een aantal uren per verantwoordingsrapportage; meer ter beoordeling bij de financier.
        bron: Jobcoach Protocol 's-Hertogenbosch / Weener XL (2023)
        beleidsparameters (standaard):
          reportingPerReport: 2 uur

        """)
    let english = jobcoach(["rules", "P-3"], environment: ["LANG": "en_GB.UTF-8"])
    #expect(english.out.hasPrefix("P-3  At most a number of hours per accountability report"))
    let json = try jobcoach(
      ["rules", "Q-POL-3", "--format", "json"], environment: ["LANG": "nl_NL.UTF-8"]
    ).json()
    #expect(json["language"] == .string("en"))
    let unknown = jobcoach(["rules", "X-9"], environment: ["JOBCOACH_LANG": "nl"])
    #expect(unknown.code == 65)
    #expect(unknown.err == "fout: geen regel met ID 'X-9'; 'jobcoach rules' noemt ze allemaal\n")
    let all = jobcoach(["rules", "--lang", "nl"])
    #expect(all.out.split(separator: "\n").count == RuleID.all.count)
  }
}

/// The Dutch-Excel CSV dialect (issue 17): semicolons, a byte order mark, decimal commas and
/// dd-mm-jjjj dates; the values and keys are the RFC 4180 ones.
struct CSVDialectTests {
  @Test func excelNLRewritesSeparatorsDatesAndDecimals() {
    let rfc =
      CSV.line(["name", "date", "hours", "cents", "note"])
      + CSV.line(["Zoë; de \"Vries\"", "2026-07-01", "2.5", "104000", "line\nbreak"])
      + CSV.line(["-1.5", "2026-7-01", "1.", "=SUM(A1)", "RJC-00101"])
    let dutch = CSVDialect.excelNL.write(rfc)
    #expect(
      dutch
        == "\u{FEFF}name;date;hours;cents;note\r\n"
        + "\"Zoë; de \"\"Vries\"\"\";01-07-2026;2,5;104000;\"line\nbreak\"\r\n"
        + "-1,5;2026-7-01;1.;'=SUM(A1);RJC-00101\r\n")
    #expect(CSVDialect.rfc4180.write(rfc) == rfc)
    // The RFC 4180 text reads back as its records.
    #expect(CSV.records(rfc).map(\.count) == [5, 5, 5])
    #expect(CSV.records(rfc)[1][0] == "Zoë; de \"Vries\"")
  }

  @Test func commandsWriteTheDialectAsked() {
    let run = jobcoach([
      "export", "public", "--file", samplesPath, "--on", "2026-11-23", "--register", "BvJN",
      "--format", "csv", "--csv-dialect", "excel-nl",
    ])
    #expect(run.code == 0)
    #expect(run.out.hasPrefix("\u{FEFF}registerNumber;name;status;registeredSince;validUntil\r\n"))
    #expect(run.out.contains("RJC-00101;Anouk de Vries;registered;01-04-2022;31-03-2027\r\n"))
    let unknown = jobcoach([
      "list", "--format", "csv", "--file", samplesPath, "--csv-dialect", "excel-de",
    ])
    #expect(unknown.code == 64)
    #expect(unknown.err.contains("unknown CSV dialect 'excel-de'; choose rfc4180 or excel-nl"))
  }
}

/// Enumerations read as words in both languages, never as codes (issue 17).
struct WordsTests {
  @Test func everyCaseHasWordsInBothLanguages() {
    for language in Language.allCases {
      var words: [String] = []
      words += GuidanceLevel.allCases.map { Words.level($0, language) }
      words += CoachingPackage.allCases.map { Words.package($0, language) }
      words += PeriodResult.allCases.map { Words.result($0, language) }
      words += AbsenceReason.allCases.map { Words.absence($0, language) }
      words += CoachKind.allCases.map { Words.kind($0, language) }
      words += PlanParty.allCases.map { Words.party($0, language) }
      let codes = Set(
        CoachingPackage.allCases.map(\.rawValue) + PeriodResult.allCases.map(\.rawValue))
      for word in words { #expect(!codes.contains(word) && !word.isEmpty, "\(word)") }
    }
    #expect(Words.result(.followUpLighter, .nl) == "werkt, vervolg met lichtere begeleiding")
    #expect(Words.package(.package2, .nl) == "pakket 2")
    #expect(Words.level(.medium, .nl) == "midden")
  }
}
