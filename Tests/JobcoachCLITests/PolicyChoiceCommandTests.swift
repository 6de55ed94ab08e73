import Foundation
import Testing

@testable import JobcoachCLI

/// Which policy applies is one answer, the same from `verify`, `placement show` and `check`,
/// named in the output with why.
struct PolicyChoiceCommandTests {
  /// The samples plus a second Zaanstad policy that takes effect on 2026-12-01: from then on
  /// Zaanstad has two policies in force.
  static func ambiguousSamples(_ scratch: Scratch) -> String {
    let pilot = scratch.write(
      "pilot.json",
      """
      {"kind": "policies", "schemaVersion": 1, "policies": [{"id": "POL-ZAANSTAD-PILOT",
        "name": "Zaanstad pilot", "municipality": "ORG-ZAANSTAD", "effectiveFrom": "2026-12-01",
        "fundsInternalCoaching": true, "externalOrganisations": {"policy": "free-choice"}}]}
      """)
    let db = scratch.sampleRegistry()
    precondition(jobcoach(["import", pilot, "--db", db]).code == 0)
    return db
  }

  @Test func verifyNamesThePolicyAndWhyThatOne() {
    let run = jobcoach([
      "verify", "JC-0010", "--as", "internal", "--placement", "PL-2026-001", "--on", "2026-03-02",
      "--file", samplesPath,
    ])
    #expect(run.code == 0, "\(run.err)")
    #expect(
      run.out.contains(
        "\npolicy: Jobcoaching Zaanstreek-Waterland (approach note 2016) (POL-ZAANSTAD, in force "
          + "from 2024-01-01): the policy of municipality ORG-ZAANSTAD, which grants placement "
          + "PL-2026-001; in force on the assignment's start, 2026-02-01 (Q-ASG-2)\n"))
    let json = jobcoach([
      "verify", "JC-0001", "--as", "municipal", "--municipality", "ORG-PURMEREND", "--on",
      "2026-03-02", "--file", samplesPath, "--format", "json",
    ])
    #expect(
      json.out.contains(#""kind" : "municipality""#)
        || json.out.contains(#""kind": "municipality""#))
    #expect(json.out.contains("POL-PURMEREND"))
  }

  /// The day before the second policy takes effect each command judges; from that day verify
  /// and placement show refuse naming both, and check reports the ambiguity as an error.
  @Test func anAmbiguousMunicipalityGetsTheSameAnswerEverywhere() {
    let scratch = Scratch()
    let db = Self.ambiguousSamples(scratch)
    let before = jobcoach([
      "verify", "JC-0010", "--as", "internal", "--placement", "PL-2026-001", "--on", "2026-11-30",
      "--db", db,
    ])
    #expect(before.code == 0, "\(before.err)")
    let verify = jobcoach([
      "verify", "JC-0010", "--as", "internal", "--placement", "PL-2026-001", "--on", "2026-12-01",
      "--db", db,
    ])
    #expect(verify.code == 65)
    #expect(
      verify.err
        == "error: municipality 'ORG-ZAANSTAD' has several policies in force on 2026-12-01 "
        + "(POL-ZAANSTAD, POL-ZAANSTAD-PILOT); choose one with --policy\n")
    let show = jobcoach(["placement", "show", "PL-2026-001", "--on", "2026-12-01", "--db", db])
    #expect(show.code == 65)
    #expect(show.err == verify.err)
    let named = jobcoach([
      "verify", "JC-0010", "--as", "internal", "--placement", "PL-2026-001", "--on", "2026-12-01",
      "--policy", "POL-ZAANSTAD-PILOT", "--db", db,
    ])
    #expect(named.code == 0, "\(named.err)")
    let check = jobcoach([
      "check", "--on", "2026-12-01", "--rule", "Q-POL-1", "--severity", "error", "--format", "csv",
      "--db", db,
    ])
    #expect(check.code == 1)
    #expect(
      check.out.contains(
        "organisation,ORG-ZAANSTAD,Q-POL-1,error,undetermined,registry.ambiguous-policy,\"several policies are in force "
          + "on 2026-12-01 (POL-ZAANSTAD, POL-ZAANSTAD-PILOT): its placements cannot be judged "
          + "until one ends or is named\""))
    #expect(check.out.contains("placement,PL-2026-001,Q-POL-1,error,undetermined,"))
  }

  @Test func theRegistrysDefaultMunicipalityIsSetAndUsed() {
    let scratch = Scratch()
    let db = scratch.file("r.sqlite")
    let created = jobcoach(["init", "--municipality", "ORG-PURMEREND", "--db", db])
    #expect(created.code == 0)
    #expect(created.out.hasSuffix("default municipality: ORG-PURMEREND\n"))
    #expect(jobcoach(["import", samplesPath, "--db", db]).code == 0)
    let verify = jobcoach([
      "verify", "JC-0010", "--as", "internal", "--on", "2026-03-02", "--db", db,
    ])
    // Purmerend funds no internal coaching (Q-POL-1).
    #expect(verify.code == 1)
    #expect(verify.out.contains("the policy of municipality ORG-PURMEREND, the registry's default"))
    #expect(verify.out.contains("NOT MET  Q-POL-1"))
    let cleared = jobcoach(["settings", "--no-municipality", "--db", db])
    #expect(cleared.out == "default municipality: none (the G4 default applies)\n")
    let again = jobcoach([
      "verify", "JC-0010", "--as", "internal", "--on", "2026-03-02", "--db", db,
    ])
    #expect(again.out.contains("the built-in default: no municipality named and none set"))
    let audit = jobcoach(["audit", "log", "--subject", "registry", "--format", "csv", "--db", db])
    #expect(audit.out.components(separatedBy: "defaultMunicipality").count - 1 == 2)
    let bad = jobcoach(["settings", "--municipality", "not an id", "--db", db])
    #expect(bad.code == 64)
  }
}

struct NewcomerTests {
  /// `--help` where a value belongs is a missing value, not a request for help.
  @Test func helpAsAnOptionsValueIsRefusedNotShown() {
    let scratch = Scratch()
    let db = scratch.sampleRegistry()
    let run = jobcoach(["register", "remove", "JC-0013", "--reason", "--help", "--db", db])
    #expect(run.code == 64)
    #expect(run.out == "")
    #expect(
      run.err.hasPrefix(
        "error: option '--reason' needs a value (TEXT); to give one that starts with '-', write "
          + "--reason=VALUE\n"))
    // Written with '=', it is the reason; --help elsewhere still asks for help.
    #expect(jobcoach(["register", "remove", "JC-0013", "--reason=--help", "--db", db]).code == 0)
    #expect(jobcoach(["register", "remove", "JC-0013", "--help"]).code == 0)
    #expect(jobcoach(["verify", "--on", "--as", "municipal", "JC-0001"]).code == 64)
  }

  @Test func importHelpNamesEveryDocumentKind() {
    let help = jobcoach(["import", "--help"]).out
    for kind in [
      "organisations", "coaches", "placements", "policies", "educations",
      "accreditations", "pe-norms", "portfolios", "memberships", "hour-bookings",
      "public-register",
    ] {
      #expect(help.contains("\"\(kind)\""), "\(kind)")
    }
  }

  @Test func theToolsHelpNamesEveryExitCode() {
    let help = jobcoach(["--help"]).out
    for code in [
      "0 success", "1 not eligible", "64 usage", "65 bad input", "66 input",
      "70 internal", "73 an output file",
    ] {
      #expect(help.contains(code), "\(code)")
    }
  }
}
