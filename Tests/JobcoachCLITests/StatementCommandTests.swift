import Foundation
import JobcoachCore
import Testing

@testable import JobcoachCLI

/// `keys generate`, `verify --statement` and `statement verify` as a user runs them.
struct StatementCommandTests {
  @Test func aKeyIsWrittenForItsOwnerOnlyAndNeverReplaced() throws {
    let scratch = Scratch()
    let path = scratch.file("issuer.pem")
    let made = jobcoach(["keys", "generate", "--out", path])
    #expect(made.code == 0, "\(made.err)")
    let did = try #require(made.out.split(separator: "\n").last.map(String.init))
    #expect(did.hasPrefix("did:key:z6Mk"))
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let key = try SigningKey(pem: String(decoding: try #require(bytes(path)), as: UTF8.self))
    #expect(key.publicKey.did == did)
    // The key never appears on the terminal.
    #expect(!made.out.contains("PRIVATE"))
    let again = jobcoach(["keys", "generate", "--out", path])
    #expect(again.code == ExitCode.cannotCreate)
    #expect(again.err.contains("never replaced"))
    #expect(try SigningKey(pem: String(decoding: try #require(bytes(path)), as: UTF8.self)).publicKey == key.publicKey)
    #expect(jobcoach(["keys", "generate"]).code == ExitCode.usage)
  }

  @Test func aSignedStatementHoldsForTheTrustedIssuerInItsPeriodOnly() throws {
    let scratch = Scratch()
    let keyPath = scratch.file("issuer.pem")
    let did = try #require(
      jobcoach(["keys", "generate", "--out", keyPath]).out.split(separator: "\n").last.map(String.init))
    let statement = scratch.file("statement.json")
    let signed = jobcoach([
      "verify", "JC-0001", "--as", "municipal", "--on", "2026-03-02", "--file", samplesPath,
      "--statement", "--key", keyPath, "--output", statement,
    ])
    #expect(signed.code == 0, "\(signed.err)")
    let document = try JSONParser.parse(Array(try #require(bytes(statement))))
    guard case .object(let credential) = document,
      case .object(let subject)? = credential["credentialSubject"]
    else {
      Issue.record("not a credential")
      return
    }
    #expect(subject["name"] == .string("Anouk de Vries"))
    #expect(subject["registerNumber"] == .string("RJC-00101"))
    #expect(subject["eligible"] == .bool(true))
    let end = try #require(credential["validUntil"].flatMap { value -> CalendarDate? in
      if case .string(let text) = value { AmsterdamTime.date(of: text) } else { nil }
    })

    let holds = jobcoach(["statement", "verify", statement, "--trust", did, "--on", "2026-03-02"])
    #expect(holds.code == 0, "\(holds.out)\(holds.err)")
    let lastDay = jobcoach(["statement", "verify", statement, "--trust", did, "--on", end.description])
    #expect(lastDay.code == 0)
    let dayAfter = jobcoach([
      "statement", "verify", statement, "--trust", did, "--on", end.adding(days: 1).description,
      "--format", "json",
    ])
    #expect(dayAfter.code == ExitCode.findings)
    #expect(try dayAfter.json()["problems"] == .array([.object([
      "code": .string("expired"), "message": .string("expired: valid until \(end)"),
    ])]))
    let untrusted = jobcoach(["statement", "verify", statement, "--on", "2026-03-02", "--lang", "nl"])
    #expect(untrusted.code == ExitCode.findings)
    #expect(untrusted.out.contains("wordt niet vertrouwd"))

    let text = String(decoding: try #require(bytes(statement)), as: UTF8.self)
    let altered = scratch.write(
      "altered.json", text.replacingOccurrences(of: "\"eligible\": true", with: "\"eligible\": false"))
    let broken = jobcoach(["statement", "verify", altered, "--trust", did, "--on", "2026-03-02"])
    #expect(broken.code == ExitCode.findings)
    #expect(broken.out.contains("changed after signing"))
  }

  @Test func aStatementNeedsAKeyAndABadKeyWritesNothing() throws {
    let scratch = Scratch()
    let verify = ["verify", "JC-0001", "--as", "municipal", "--on", "2026-03-02", "--file", samplesPath]
    #expect(jobcoach(verify + ["--statement"]).code == ExitCode.usage)
    #expect(jobcoach(verify + ["--key", scratch.file("k.pem")]).code == ExitCode.usage)
    #expect(jobcoach(verify + ["--statement", "--key", scratch.file("missing.pem")]).code == ExitCode.noInput)
    let notAKey = scratch.write("k.pem", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
    let output = scratch.file("statement.json")
    let refused = jobcoach(verify + ["--statement", "--key", notAKey, "--output", output])
    #expect(refused.code == ExitCode.dataError)
    #expect(refused.err.contains("not an Ed25519 private key"))
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func aFileThatIsNotJSONIsNamedWithItsPlace() {
    let scratch = Scratch()
    let file = scratch.write("statement.json", "{\"a\":\n")
    let run = jobcoach(["statement", "verify", file, "--trust", "did:key:z6MkqSmMeSrkknWT5TdfzyJ211aqq9Gr4t8avMM334qqbHmx"])
    #expect(run.code == ExitCode.dataError)
    #expect(run.err.contains("statement.json:2:1"))
    #expect(jobcoach(["statement", "verify", file, "--trust", "did:web:example.org"]).code == ExitCode.usage)
    // A directory is no statement file: said so, not taken as unreadable.
    let directory = jobcoach([
      "statement", "verify", scratch.path, "--trust", "did:key:z6MkqSmMeSrkknWT5TdfzyJ211aqq9Gr4t8avMM334qqbHmx",
    ])
    #expect(directory.code == ExitCode.noInput)
    #expect(directory.err.contains("not a regular file (a directory"))
  }
}
