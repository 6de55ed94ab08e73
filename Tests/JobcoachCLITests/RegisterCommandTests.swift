import Foundation
import Testing

@testable import JobcoachCLI
@testable import JobcoachCore

struct PECommandTests {
  /// The PE samples of Samples/README.md, from the documents alone.
  @Test(arguments: [
    ("JC-0001", true, "96", "24", "120"), ("JC-0002", true, "81", "30", "111"),
    ("JC-0003", true, "90", "30", "120"), ("JC-0004", false, "80", "30", "110"),
    ("JC-0006", true, "88", "28", "116"),
  ])
  func samplePortfoliosCountAsIntended(
    _ coach: String, _ met: Bool, _ accredited: String, _ countedFree: String, _ counted: String
  ) throws {
    let run = jobcoach([
      "pe", coach, "--file", samplesPath, "--on", "2026-11-23", "--format", "json",
    ])
    #expect(run.code == (met ? 0 : 1), "\(run.err)")
    let result = try run.json()
    for key in [
      "coach", "cycle", "accreditedHours", "freeHours", "countedFreeHours", "countedHours",
      "missingAccreditedHours", "missingHours", "met", "findings", "daysLeft", "activities",
    ] {
      #expect(result[key] != nil, "\(key)")
    }
    #expect(result["met"] == .bool(met))
    #expect(result["accreditedHours"] == .number(accredited))
    #expect(result["countedFreeHours"] == .number(countedFree))
    #expect(result["countedHours"] == .number(counted))
  }

  @Test func notMetByOneHourSaysWhatIsMissingAndByWhen() throws {
    let run = jobcoach(["pe", "JC-0004", "--file", samplesPath, "--on", "2026-11-23"])
    #expect(run.code == 1)
    #expect(
      run.out.hasPrefix(
        "PE hours of Dirk Visser (JC-0004) on 2026-11-23: NOT MET\ncycle 1: 2022-01-10 to 2027-01-09, 47 days left\n"
      ))
    #expect(run.out.contains("  accredited  80   at least 81            1 missing\n"))
    let json = try jobcoach([
      "pe", "JC-0004", "--file", samplesPath, "--on", "2026-11-23", "--format", "json",
    ]).json()
    #expect(json["missingAccreditedHours"] == .number("1"))
    #expect(json["missingHours"] == .number("1"))
    guard case .object(let cycle)? = json["cycle"] else {
      Issue.record("no cycle")
      return
    }
    #expect(cycle["start"] == .string("2022-01-10"))
    #expect(cycle["end"] == .string("2027-01-09"))
  }

  @Test func activitiesThatDidNotCountSayWhy() {
    let run = jobcoach(["pe", "JC-0006", "--file", samplesPath, "--on", "2026-11-23"])
    #expect(run.code == 0)
    #expect(
      run.out.contains(
        "JC-0006-A98  2021-05-10  8 h  Motiverende gespreksvoering (basis): outside the cycle 2022-06-01 to 2027-05-31\n"
      ))
    #expect(
      run.out.contains(
        "its accreditation code 'BJN-2099-999' is not in the catalogue; counted as free hours"))
  }

  @Test func aCoachsOwnPortfolioFileNeedsNoRegistry() throws {
    let scratch = Scratch()
    let file = scratch.write(
      "mine.json",
      """
      {"kind": "portfolios", "schemaVersion": 1, "portfolios": [{"coach": "JC-0100",
        "registeredSince": "2023-03-01",
        "peActivities": [
          {"id": "a1", "date": "2024-04-01", "hours": 81, "title": "Leergang", "provider": "HU",
           "category": "accredited", "accreditationCode": "X-1",
           "evidence": {"documentId": "CERT-1", "issuer": "HU"}},
          {"id": "f1", "date": "2024-05-01", "hours": 29.75, "title": "Intervisie", "provider": "Groep",
           "category": "free", "evidence": {"documentId": "PRESENTIE-1", "issuer": "Groep"}}]}]}
      """)
    let run = jobcoach(["pe", "--file", file, "--on", "2026-01-01", "--format", "json"])
    #expect(run.code == 1)
    let result = try run.json()
    #expect(result["countedHours"] == .number("110.75"))
    #expect(result["missingHours"] == .number("0.25"))
    #expect(result["daysLeft"] == .number("789"))
    guard case .object(let cycle)? = result["cycle"] else { return }
    #expect(cycle["end"] == .string("2028-02-29"))
  }

  @Test func portfolioWithoutACycleAnchorIsBadInput() {
    let scratch = Scratch()
    let file = scratch.write(
      "mine.json",
      #"{"kind": "portfolios", "schemaVersion": 1, "portfolios": [{"coach": "JC-0100"}]}"#)
    let run = jobcoach(["pe", "--file", file])
    #expect(run.code == 65)
    #expect(run.err.contains("gives no 'registeredSince'"))
  }

  @Test func fromTheRegistry() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let run = jobcoach(["pe", "JC-0002", "--db", db, "--on", "2026-11-23"])
    #expect(run.code == 0)
    #expect(run.out.hasPrefix("PE hours of Bram Jansen (JC-0002) on 2026-11-23: MET\n"))
  }

  @Test func reimportingAPortfolioDoesNotCountHoursTwice() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let again = jobcoach(["import", samplesPath + "/portfolios.json", "--db", db])
    #expect(again.out.hasPrefix("nothing changed"))
    let result = try jobcoach([
      "pe", "JC-0001", "--db", db, "--on", "2026-11-23", "--format", "json",
    ]).json()
    #expect(result["countedHours"] == .number("120"))
  }
}

struct RegisterCommandTests {
  @Test func admissionNeedsExactly1400Hours() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let short = jobcoach([
      "register", "admit", "JC-0007", "--on", "2026-11-23", "--register", "BvJN", "--db", db,
    ])
    #expect(short.code == 1)
    #expect(short.out.hasPrefix("NOT ADMITTED: Gert de Boer (JC-0007)"))
    #expect(
      short.out.contains(
        "NOT MET  R-ADM-2  1399.75 hours of work experience as a jobcoach; 1400 needed, 0.25 missing"
      ))
    let exact = jobcoach([
      "register", "admit", "JC-0009", "--on", "2026-11-23", "--register", "BvJN", "--db", db,
    ])
    #expect(exact.code == 0)
    #expect(
      exact.out.hasPrefix(
        "ADMITTED: Ilse Mulder (JC-0009) is registered in Register Beroepsvereniging Jobcoaches Nederland as RJC-00107 from 2026-11-23\n"
      ))
    let twice = jobcoach([
      "register", "admit", "JC-0009", "--on", "2026-11-24", "--register", "BvJN", "--db", db,
    ])
    #expect(twice.code == 65)
    #expect(
      twice.err
        == "error: coach 'JC-0009' is already in the register as RJC-00107 since 2026-11-23\n")
  }

  @Test func assessmentThenRemoval() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let missingPoints = jobcoach([
      "register", "assess", "JC-0013", "--result", "insufficient", "--db", db,
    ])
    #expect(missingPoints.code == 64)
    let assessed = jobcoach([
      "register", "assess", "JC-0013", "--result", "insufficient", "--points",
      "no recognised education",
      "--on", "2026-11-23", "--db", db,
    ])
    #expect(assessed.code == 0)
    #expect(
      assessed.out
        == "Mila Postma (JC-0013), RJC-00013: portfolio assessment insufficient; improve by 2027-05-23: no recognised education\n"
    )
    let removed = jobcoach([
      "register", "remove", "JC-0013", "--reason", "quality not delivered", "--on", "2027-06-01",
      "--db", db,
    ])
    #expect(removed.code == 0)
    #expect(
      removed.out
        == "Mila Postma (JC-0013), RJC-00013: removed from the register on 2027-06-01 (R-ASM-1)\n")
    #expect(
      jobcoach([
        "register", "remove", "JC-0013", "--reason", "again", "--on", "2027-06-02", "--db", db,
      ]).code == 65)
  }

  @Test func sufficientAssessmentKeepsTheCoachRegistered() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    #expect(
      jobcoach([
        "register", "assess", "JC-0013", "--result", "sufficient", "--on", "2026-11-23", "--db", db,
      ]).code == 0)
    let due = try jobcoach([
      "register", "due", "--on", "2026-11-24", "--format", "json", "--register", "BvJN", "--db", db,
    ]).json()
    guard case .array(let rows)? = due["due"] else {
      Issue.record("no rows")
      return
    }
    #expect(
      !rows.contains { row in
        if case .object(let object) = row { return object["coach"] == .string("JC-0013") }
        return false
      })
  }

  @Test func renewalRecordsOncePerCycleAndOnlyWhenMet() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let met = jobcoach(["register", "renew", "JC-0003", "--on", "2026-12-01", "--db", db])
    #expect(met.code == 0)
    #expect(
      met.out
        == "RE-REGISTERED: Charlotte Bakker (JC-0003), RJC-00103: re-registered for period 2 (2026-12-15 to 2031-12-14): period 1 (2021-12-15 to 2026-12-14) has 120 hours that count, 90 accredited, valid until 2031-12-14\n"
    )
    #expect(
      jobcoach(["register", "renew", "JC-0003", "--on", "2026-12-02", "--db", db]).code == 65)
    let short = jobcoach(["register", "renew", "JC-0004", "--on", "2026-12-01", "--db", db])
    #expect(short.code == 1)
    #expect(
      short.out.hasPrefix(
        "NOT RE-REGISTERED: Dirk Visser (JC-0004) does not meet the norm for cycle 1 (2022-01-10 to 2027-01-09)\n"
      ))
    let removed = jobcoach(["register", "renew", "JC-0014", "--on", "2026-12-01", "--db", db])
    #expect(removed.code == 65)
  }

  @Test func dueListsSoonestFirstWithMissingHours() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let csv = jobcoach([
      "register", "due", "--within", "60", "--on", "2026-11-23", "--format", "csv", "--register",
      "BvJN", "--db", db,
    ])
    #expect(csv.code == 0)
    #expect(
      csv.out
        == "coach,name,registerNumber,reason,due,daysLeft,stage,missingAccreditedHours,missingHours\r\n"
        + "JC-0013,Mila Postma,RJC-00013,assessment,2026-11-23,0,7d,,\r\n"
        + "JC-0003,Charlotte Bakker,RJC-00103,re-registration,2026-12-14,21,30d,0,0\r\n"
        + "JC-0004,Dirk Visser,RJC-00104,re-registration,2027-01-09,47,12w,1,1\r\n")
    _ = jobcoach(["register", "renew", "JC-0003", "--on", "2026-11-30", "--db", db])
    let after = jobcoach([
      "register", "due", "--within", "60", "--on", "2026-11-30", "--format", "csv", "--register",
      "BvJN", "--db", db,
    ])
    #expect(!after.out.contains("JC-0003"))
  }

  @Test(arguments: ["admit", "assess", "remove", "renew", "due"])
  func everySubCommandHasHelp(_ sub: String) {
    let run = jobcoach(["register", sub, "--help"])
    #expect(run.code == 0)
    #expect(run.out.hasPrefix("usage: jobcoach register \(sub)"))
  }

  @Test func registerWithoutSubCommandIsAUsageError() {
    let run = jobcoach(["register"])
    #expect(run.code == 64)
    #expect(run.err.hasPrefix("error: 'register' needs a sub-command\n"))
  }
}

/// R-RE-2/R-RE-3 through the command line: the window, the grace period, the lapse (issue 15).
struct RegistrationOverTimeCommandTests {
  @Test func aLateRenewalInTheGracePeriodJudgesThePeriodThatEnded() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    // JC-0003's period 1 ends 2026-12-14; on 2026-12-15 she has lapsed, but may still renew.
    let pe = jobcoach(["pe", "JC-0003", "--on", "2026-12-15", "--db", db])
    #expect(pe.out.contains("2021-12-15 to 2026-12-14"), "\(pe.out)")
    let late = jobcoach(["register", "renew", "JC-0003", "--on", "2026-12-15", "--db", db])
    #expect(late.code == 0, "\(late.err)")
    #expect(
      late.out
        == "RE-REGISTERED: Charlotte Bakker (JC-0003), RJC-00103: re-registered for period 2 (2026-12-15 to 2031-12-14): period 1 (2021-12-15 to 2026-12-14) has 120 hours that count, 90 accredited, valid until 2031-12-14\n"
    )
    let published = jobcoach([
      "export", "public", "--on", "2026-12-16", "--format", "csv", "--register", "BvJN", "--db", db,
    ])
    #expect(published.out.contains("RJC-00103,Charlotte Bakker,registered,2021-12-15,2031-12-14"))
  }

  @Test func theWindowOpensSixMonthsBeforeThePeriodsLastDay() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    // JC-0001: period 1 from 2022-04-01 to 2027-03-31; the window opens 2026-09-30.
    let early = jobcoach(["register", "renew", "JC-0001", "--on", "2026-09-29", "--db", db])
    #expect(early.code == 65)
    #expect(
      early.err
        == "error: the renewal of coach 'JC-0001' for period 1 (2022-04-01 to 2027-03-31) opens on 2026-09-30 (R-RE-3)\n"
    )
    let open = jobcoach(["register", "renew", "JC-0001", "--on", "2026-09-30", "--db", db])
    #expect(open.code != 65, "\(open.err)")
  }

  @Test func afterTheGracePeriodOnlyANewAdmissionHelps() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    // JC-0003's grace period ends 2027-03-14.
    let last = jobcoach([
      "verify", "JC-0003", "--as", "municipal", "--on", "2027-03-14", "--db", db,
    ])
    #expect(last.out.contains("lapsed on 2026-12-15"), "\(last.out)")
    #expect(last.out.contains("a late renewal is possible until 2027-03-14"))
    let after = jobcoach(["register", "renew", "JC-0003", "--on", "2027-03-15", "--db", db])
    #expect(after.code == 65)
    #expect(
      after.err
        == "error: coach 'JC-0003' lapsed: period 1 (2021-12-15 to 2026-12-14) was not renewed and the grace period ended on 2027-03-14 (R-RE-3); only a new admission brings them back\n"
    )
  }

  /// The issue's first case: JC-0004 ended period 1 short and never renewed.
  @Test func aLapsedCoachIsNeitherVerifiedNorPublishedAsRegistered() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let verify = jobcoach([
      "verify", "JC-0004", "--as", "municipal", "--on", "2027-01-10", "--db", db,
    ])
    #expect(verify.out.contains("R-RE-1"))
    #expect(verify.out.contains("register number RJC-00104 lapsed on 2027-01-10"), "\(verify.out)")
    #expect(!verify.out.contains("valid until 2032-01-09"))
    let published = jobcoach([
      "export", "public", "--on", "2027-01-10", "--format", "csv", "--register", "BvJN", "--db", db,
    ])
    #expect(!published.out.contains("RJC-00104"))
    // The day before, the last day of the period, still registered.
    let lastDay = jobcoach([
      "export", "public", "--on", "2027-01-09", "--format", "csv", "--register", "BvJN", "--db", db,
    ])
    #expect(lastDay.out.contains("RJC-00104,Dirk Visser,registered,2022-01-10,2027-01-09"))
    // `pe` shows the period that ended and when it lapsed, never "-1 days left".
    let pe = jobcoach(["pe", "JC-0004", "--on", "2027-01-10", "--db", db])
    #expect(
      pe.out.contains("cycle 1: 2022-01-10 to 2027-01-09, lapsed on 2027-01-10\n"), "\(pe.out)")
    #expect(!pe.out.contains("-1 day"))
    let onLastDay = jobcoach(["pe", "JC-0004", "--on", "2027-01-09", "--db", db])
    #expect(onLastDay.out.contains("cycle 1: 2022-01-10 to 2027-01-09, 0 days left\n"))
    let json = jobcoach(["pe", "JC-0004", "--on", "2027-01-10", "--db", db, "--format", "json"])
    #expect(json.out.contains(#""daysLeft": null"#))
    #expect(json.out.contains(#""lapsedOn": "2027-01-10""#))
  }
}

/// R-RE-4 and R-RE-2 (assessment) through the command line (issue 15).
struct SuspensionAndAssessmentCommandTests {
  @Test func aSuspensionThatEndsIsPublishedAsSuspendedOnlyWhileItRuns() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let suspend = jobcoach([
      "register", "suspend", "JC-0001", "--reason", "onderzoek naar een klacht", "--on",
      "2026-10-01", "--until", "2026-10-31", "--db", db, "--actor", "Secretaris",
    ])
    #expect(suspend.code == 0, "\(suspend.err)")
    #expect(
      suspend.out
        == "Anouk de Vries (JC-0001), RJC-00101: suspended from 2026-10-01 until 2026-10-31 (R-RE-4)\n"
    )
    func published(_ date: String) -> String {
      jobcoach([
        "export", "public", "--on", date, "--format", "csv", "--register", "BvJN", "--db", db,
      ]).out
    }
    #expect(published("2026-09-30").contains("RJC-00101,Anouk de Vries,registered,"))
    #expect(published("2026-10-01").contains("RJC-00101,Anouk de Vries,suspended,"))
    #expect(published("2026-10-31").contains("RJC-00101,Anouk de Vries,suspended,"))
    #expect(published("2026-11-01").contains("RJC-00101,Anouk de Vries,registered,"))
    let verify = jobcoach([
      "verify", "JC-0001", "--as", "municipal", "--on", "2026-10-15", "--db", db,
    ])
    #expect(verify.out.contains("register number RJC-00101 is suspended on 2026-10-15"))
    let audit = jobcoach(["audit", "log", "--subject", "JC-0001", "--db", db, "--format", "csv"])
    #expect(audit.out.contains("register suspend,Secretaris"))
  }

  @Test func reinstatingEndsASuspensionAndOnlyASuspension() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let notSuspended = jobcoach([
      "register", "reinstate", "JC-0002", "--on", "2026-10-01", "--db", db,
    ])
    #expect(notSuspended.code == 65)
    #expect(notSuspended.err.contains("is not suspended on 2026-10-01"))
    #expect(
      jobcoach([
        "register", "suspend", "JC-0002", "--reason", "x", "--on", "2026-10-01", "--db", db,
      ]).code == 0)
    let back = jobcoach(["register", "reinstate", "JC-0002", "--on", "2026-11-02", "--db", db])
    #expect(back.out == "Bram Jansen (JC-0002), RJC-00102: reinstated on 2026-11-02 (R-RE-4)\n")
    #expect(
      jobcoach([
        "export", "public", "--on", "2026-11-02", "--format", "csv", "--register", "BvJN", "--db",
        db,
      ]).out
        .contains("RJC-00102,Bram Jansen,registered,"))
    #expect(
      jobcoach(["register", "suspend", "JC-0002", "--on", "2026-12-01", "--db", db]).code == 64)
  }

  /// "Na de portfoliobeoordeling ... iedere vijf jaar": a sufficient assessment starts period 1.
  @Test func aSufficientAssessmentStartsTheFiveYears() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let assessed = jobcoach([
      "register", "assess", "JC-0013", "--result", "sufficient", "--on", "2026-12-01", "--db", db,
    ])
    #expect(assessed.code == 0, "\(assessed.err)")
    #expect(assessed.out.contains("period 1 (2026-12-01 to 2031-11-30) starts (R-RE-2)"))
    let pe = jobcoach(["pe", "JC-0013", "--on", "2026-12-01", "--db", db])
    #expect(pe.out.contains("2026-12-01 to 2031-11-30"), "\(pe.out)")
  }
}

struct ShowRegisterTests {
  /// `show` names the membership: number, status on the date, period, valid until (issue 15).
  @Test func showIncludesTheRegistrationOnTheDate() throws {
    let registered = jobcoach(["show", "JC-0001", "--file", samplesPath, "--on", "2026-11-23"])
    #expect(
      registered.out.hasSuffix(
        "registers:\n  Register Beroepsvereniging Jobcoaches Nederland (BvJN): RJC-00101, registered on 2026-11-23, period 1 (2022-04-01 to 2027-03-31), valid until 2027-03-31; renewal due\n"
      ))
    let lapsed = jobcoach(["show", "JC-0004", "--file", samplesPath, "--on", "2027-01-10"])
    #expect(
      lapsed.out.hasSuffix(
        "registers:\n  Register Beroepsvereniging Jobcoaches Nederland (BvJN): RJC-00104, lapsed on 2027-01-10: period 1 (2022-01-10 to 2027-01-09) was not renewed; a late renewal is possible until 2027-04-09\n"
      ))
    let json = try jobcoach([
      "show", "JC-0004", "--file", samplesPath, "--on", "2027-01-10", "--format", "json",
    ]).json()
    guard case .array(let registers)? = json["registers"],
      case .object(let register)? = registers.first
    else {
      Issue.record("a register member")
      return
    }
    #expect(registers.count == 1)
    #expect(register["register"] == .string("BvJN"))
    #expect(register["status"] == .string("lapsed"))
    #expect(register["validUntil"] == .null)
    #expect(
      jobcoach(["show", "JC-0005", "--file", samplesPath]).out.hasSuffix(
        "registers:\n  not a member\n"))
  }
}

/// A coach's own check is honest (issue 15): with the association's catalogue it gives the
/// registry's answer; without one it says the codes went unchecked.
struct CatalogueTests {
  @Test func aPortfolioCheckedAgainstTheCatalogueGivesTheRegistrysAnswer() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let directory = scratch.file("catalogue")
    let export = jobcoach(["export", "catalogue", "--output", directory, "--db", db])
    #expect(export.code == 0, "\(export.err)")
    #expect(
      export.out
        == "wrote the catalogue to '\(directory)': 6 accreditations, 3 recognised educations, 2 registers (BvJN, RJ-NOORD)\n"
    )
    // The catalogue reads back as the documents it came from.
    for kind in ["accreditations", "educations", "registers"] {
      let original = try JSONParser.parse(Array(bytes(samplesPath + "/\(kind).json")!))
      let exported = try JSONParser.parse(Array(bytes(directory + "/\(kind).json")!))
      #expect(exported[kind]?.array.count == original[kind]?.array.count, "\(kind)")
    }
    // Each register carries its norms: the sample's BvJN norm from pe-norms.json, RJ-NOORD's own.
    let registers = try JSONParser.parse(Array(bytes(directory + "/registers.json")!))
    let norms = registers["registers"]?.array.map { $0["norms"]?.array.first?["name"] } ?? []
    #expect(
      norms == [
        .string(
          "BJN register norm (111 hours in 5 years, at least 81 accredited, at most 30 free)"),
        .string("RJ-Noord norm (80 hours in 4 years, at least 60 accredited, at most 20 free)"),
      ])
    let own = [
      "--file", samplesPath + "/portfolios.json", "--file", samplesPath + "/memberships.json",
    ]
    for coach in ["JC-0001", "JC-0006", "JC-0004"] {
      let registry = try jobcoach([
        "pe", coach, "--on", "2026-11-23", "--format", "json", "--db", db,
      ]).json()
      let checked = try jobcoach(
        ["pe", coach, "--on", "2026-11-23", "--format", "json", "--file", directory] + own
      ).json()
      let unchecked = try jobcoach(
        ["pe", coach, "--on", "2026-11-23", "--format", "json"] + own
      ).json()
      #expect(checked["claimsChecked"] == .bool(true))
      #expect(unchecked["claimsChecked"] == .bool(false))
      for key in ["accreditedHours", "countedHours", "missingHours", "met"] {
        #expect(checked[key] == registry[key], "\(coach) \(key)")
      }
    }
    // JC-0006 claims a code the catalogue does not know: unchecked, it counts as accredited.
    let text = jobcoach(["pe", "JC-0006", "--on", "2026-11-23"] + own)
    #expect(text.out.contains("accreditation codes not checked: no catalogue was given"))
    #expect(
      jobcoach(["export", "catalogue", "--output", directory, "--db", db]).code == 73,
      "files are replaced only with --force")
    #expect(
      jobcoach(["export", "catalogue", "--output", directory, "--force", "--db", db]).code == 0)
  }
}

/// Q-POL-4: a municipality's policy may require registration in good standing (issue 15).
struct RegistrationRequiredTests {
  /// A policy of Zaanstad from 2026-01-01 that requires municipal coaches to be registered.
  func registryWithTheRequirement(_ scratch: Scratch) -> String {
    let db = scratch.sampleRegistry()
    let policy = scratch.write(
      "policy.json",
      #"{"kind": "policies", "schemaVersion": 1, "policies": [{"id": "POL-REGISTERED", "name": "Alleen geregistreerde jobcoaches", "municipality": "ORG-ZAANSTAD", "effectiveFrom": "2026-01-01", "fundsInternalCoaching": true, "externalOrganisations": {"policy": "free-choice"}, "requirements": {"municipal": ["Q-MUN-1", "Q-MUN-2", "Q-POL-4"]}}]}"#
    )
    let imported = jobcoach(["import", policy, "--db", db])
    precondition(imported.code == 0, imported.err)
    return db
  }

  @Test func aRegisteredCoachMeetsItWithTheRegistersWordAsEvidence() throws {
    let scratch = Scratch()
    let db = registryWithTheRequirement(scratch)
    let run = jobcoach([
      "verify", "JC-0004", "--as", "municipal", "--policy", "POL-REGISTERED", "--on",
      "2027-01-09", "--db", db, "--format", "json",
    ])
    let findings = JSONValue.object(try run.json())["findings"]?.array ?? []
    let requirement = findings.first { $0["rule"] == .string("Q-POL-4") }
    #expect(requirement?["outcome"] == .string("met"), "\(run.out)")
    let evidence = requirement?["evidence"]?.array ?? []
    #expect(evidence.contains { $0["reference"] == .string("RJC-00104") })
    #expect(
      evidence.contains {
        $0["detail"]
          == .string(
            "Register Beroepsvereniging Jobcoaches Nederland (BvJN): registered on 2027-01-09, period 1 (2022-01-10 to 2027-01-09), valid until 2027-01-09"
          )
      }, "\(evidence)")
  }

  @Test func aLapsedCoachIsNotEligibleUnderIt() {
    let scratch = Scratch()
    let db = registryWithTheRequirement(scratch)
    let run = jobcoach([
      "verify", "JC-0004", "--as", "municipal", "--policy", "POL-REGISTERED", "--on",
      "2027-01-10", "--db", db,
    ])
    #expect(run.code == 1)
    #expect(run.out.contains("NOT ELIGIBLE"), "\(run.out)")
    #expect(
      run.out.contains(
        "Q-POL-4  policy POL-REGISTERED requires municipal coaches to be registered in good standing on 2027-01-10: register number RJC-00104 lapsed on 2027-01-10"
      ), "\(run.out)")
    // Under G4, which does not ask it, the same coach on the same day is eligible.
    let g4 = jobcoach([
      "verify", "JC-0004", "--as", "municipal", "--policy", "G4", "--on", "2027-01-10", "--db", db,
    ])
    #expect(!g4.out.contains("Q-POL-4"))
  }

  @Test func aCoachWithoutARegisterNumberDoesNotMeetIt() {
    let scratch = Scratch()
    let db = registryWithTheRequirement(scratch)
    // JC-0005 is a municipal coach without a membership or register number.
    let run = jobcoach([
      "verify", "JC-0005", "--as", "municipal", "--policy", "POL-REGISTERED", "--on",
      "2026-06-01", "--db", db,
    ])
    #expect(run.out.contains("Q-POL-4"), "\(run.out)")
    #expect(run.out.contains("the coach has no register number"), "\(run.out)")
    #expect(run.code == 1)
  }
}

extension RegistrationRequiredTests {
  /// `check` judges Q-POL-4 as `verify` does: the same finding for the same coach and date.
  @Test func checkGivesVerifysAnswer() throws {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    // A new version of Purmerend's policy that requires registration of municipal coaches.
    let policy = scratch.write(
      "policy.json",
      #"{"kind": "policies", "schemaVersion": 1, "policies": [{"id": "POL-PURMEREND", "name": "Purmerend, geregistreerd", "municipality": "ORG-PURMEREND", "effectiveFrom": "2026-12-01", "fundsInternalCoaching": true, "externalOrganisations": {"policy": "free-choice"}, "requirements": {"municipal": ["Q-MUN-1", "Q-MUN-2", "Q-POL-4"]}}]}"#
    )
    #expect(jobcoach(["import", policy, "--db", db]).code == 0)
    let check = try jobcoach([
      "check", "--on", "2027-01-10", "--municipality", "ORG-PURMEREND", "--rule", "Q-POL-4",
      "--format", "json", "--db", db,
    ]).json()
    let findings = (JSONValue.object(check)["findings"]?.array ?? []).filter {
      $0["rule"] == .string("Q-POL-4")
    }
    #expect(!findings.isEmpty, "\(check)")
    let jc0004 = findings.first { $0["subject"]?["id"] == .string("JC-0004") }
    let verify = try jobcoach([
      "verify", "JC-0004", "--as", "municipal", "--municipality", "ORG-PURMEREND", "--on",
      "2027-01-10", "--format", "json", "--db", db,
    ]).json()
    let verified = (JSONValue.object(verify)["findings"]?.array ?? []).first {
      $0["rule"] == .string("Q-POL-4")
    }
    #expect(jc0004 != nil)
    #expect(jc0004?["message"] == verified?["message"])
    #expect(jc0004?["outcome"] == .string("unmet"))
  }
}

/// R-REG-1 through the command line (issue 15): the samples' second register, RJ-NOORD, with
/// its own numbers, judged by the same commands.
struct SecondRegisterCommandTests {
  /// 1,399.75 hours are too few for BvJN's 1,400, enough for RJ-NOORD's 600 with a diploma of
  /// the Hogeschool Utrecht education; the new number follows RJ-NOORD's numbering.
  @Test func oneCoachTwoRegistersTwoAnswers() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let unnamed = jobcoach(["register", "admit", "JC-0007", "--on", "2026-11-23", "--db", db])
    #expect(unnamed.code == 65)
    #expect(
      unnamed.err == "error: several registers apply (BvJN, RJ-NOORD); choose one with --register\n"
    )
    let admitted = jobcoach([
      "register", "admit", "JC-0007", "--on", "2026-11-23", "--register", "RJ-NOORD", "--db", db,
    ])
    #expect(admitted.code == 0, "\(admitted.err)")
    #expect(
      admitted.out.hasPrefix(
        "ADMITTED: Gert de Boer (JC-0007) is registered in Register Jobcoaches Noord (voorbeeldregister) as RJN-00002 from 2026-11-23\n"
      ))
    #expect(
      admitted.out.contains(
        "met      R-ADM-2  1399.75 hours of work experience as a jobcoach, at least 600 (Register Jobcoaches Noord (voorbeeldregister) asks 600 with a diploma of Post-hbo Opleiding Jobcoach)"
      ))
    let unknown = jobcoach([
      "register", "admit", "JC-0007", "--on", "2026-11-23", "--register", "NOPE", "--db", db,
    ])
    #expect(unknown.code == 65)
    #expect(
      unknown.err == "error: no register with id 'NOPE' in the registry; it holds BvJN, RJ-NOORD\n")
    // One membership needs no --register: JC-0007's RJ-NOORD period runs four years.
    let pe = jobcoach(["pe", "JC-0007", "--on", "2026-11-23", "--db", db])
    #expect(
      pe.out.contains(
        "cycle 1: 2026-11-23 to 2030-11-22, 1460 days left\nregister: Register Jobcoaches Noord (voorbeeldregister) (RJ-NOORD), RJN-00002\n"
      ), "\(pe.out)")
    let published = jobcoach([
      "export", "public", "--on", "2026-11-23", "--format", "csv", "--register", "RJ-NOORD",
      "--db", db,
    ])
    #expect(
      published.out
        == "registerNumber,name,status,registeredSince,validUntil\r\n"
        + "RJN-00001,Olga Brouwer,registered,2024-02-01,2028-01-31\r\n"
        + "RJN-00002,Gert de Boer,registered,2026-11-23,2030-11-22\r\n")
    let unnamedExport = jobcoach([
      "export", "public", "--on", "2026-11-23", "--format", "csv", "--db", db,
    ])
    #expect(unnamedExport.code == 65)
  }

  /// RJ-NOORD's renewal window is three months: JC-0015's period ending 2028-01-31 can be
  /// renewed from 2027-10-31, not the day before; its grace period is two months.
  @Test func theRegistersOwnRenewalWindow() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let early = jobcoach(["register", "renew", "JC-0015", "--on", "2027-10-30", "--db", db])
    #expect(early.code == 65)
    #expect(
      early.err
        == "error: the renewal of coach 'JC-0015' for period 1 (2024-02-01 to 2028-01-31) opens on 2027-10-31 (R-RE-3)\n"
    )
    let opened = jobcoach(["register", "renew", "JC-0015", "--on", "2027-10-31", "--db", db])
    #expect(opened.code == 1)  // judged, and 80 hours are missing
    #expect(opened.out.hasPrefix("NOT RE-REGISTERED: Olga Brouwer (JC-0015)"))
    let late = jobcoach(["register", "renew", "JC-0015", "--on", "2028-04-01", "--db", db])
    #expect(late.code == 65)
    #expect(late.err.contains("the grace period ended on 2028-03-31 (R-RE-3)"), "\(late.err)")
  }
}
