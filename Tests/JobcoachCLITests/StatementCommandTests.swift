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
    // From documents there is no registry key: --key is needed.
    let keyless = jobcoach(verify + ["--statement"])
    #expect(keyless.code == ExitCode.dataError)
    #expect(keyless.err.contains("no signing key: give --key FILE"))
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

/// Issue 19's registry side: the key a registry signs with, the issuers it trusts, statements
/// it withdraws and the signed public register that carries the withdrawals.
struct TrustCommandTests {
  /// An association's registry from the samples, signing with its own new key.
  func association(_ scratch: Scratch) throws -> (db: String, key: String, did: String) {
    let db = scratch.sampleRegistry()
    let key = scratch.file("association.pem")
    let did = try #require(
      jobcoach(["keys", "generate", "--out", key]).out.split(separator: "\n").last.map(String.init))
    let used = jobcoach(["keys", "use", key, "--db", db, "--actor", "Secretaris"])
    #expect(used.code == 0, "\(used.err)")
    #expect(used.out.contains(did))
    return (db, key, did)
  }

  func signedRegister(_ scratch: Scratch, _ db: String, name: String = "register.json") -> String {
    scratch.write(
      name,
      jobcoach([
        "export", "public", "--format", "json", "--signed", "--register", "BvJN", "--on",
        "2026-03-02", "--db", db,
      ]).out)
  }

  @Test func aRevokedStatementFailsOnceTheNextSignedRegisterListsIt() throws {
    let scratch = Scratch()
    let (db, _, did) = try association(scratch)
    let statement = scratch.file("statement.json")
    let signed = jobcoach([
      "verify", "JC-0001", "--as", "municipal", "--on", "2026-03-02", "--db", db, "--statement",
      "--output", statement, "--actor", "Gemeente",
    ])
    #expect(signed.code == 0, "\(signed.err)")
    let credential = try JSONParser.parse(Array(try #require(bytes(statement))))
    guard case .string(let id)? = credential["id"],
      case .object(let status)? = credential["credentialStatus"]
    else {
      Issue.record("no id or status entry: \(credential)")
      return
    }
    #expect(id.hasPrefix("urn:uuid:"))
    #expect(status["type"] == .string("BitstringStatusListEntry"))

    let before = signedRegister(scratch, db, name: "before.json")
    let current = jobcoach([
      "statement", "verify", statement, "--trust", did, "--status", before, "--on", "2026-03-02",
    ])
    #expect(current.code == 0, "\(current.out)")
    #expect(current.out.contains("not revoked"))

    let revoked = jobcoach([
      "statement", "revoke", id, "--reason", "registration withdrawn", "--db", db, "--actor", "Secretaris",
    ])
    #expect(revoked.code == 0, "\(revoked.err)")
    #expect(revoked.out.contains("revoked: \(id) (JC-0001"))
    // The register published before the revocation still says it stands; the next does not.
    let after = signedRegister(scratch, db, name: "after.json")
    let stale = jobcoach([
      "statement", "verify", statement, "--trust", did, "--status", before, "--on", "2026-03-02",
    ])
    #expect(stale.code == 0)
    let failed = jobcoach([
      "statement", "verify", statement, "--trust", did, "--status", after, "--on", "2026-03-02",
      "--format", "json",
    ])
    #expect(failed.code == ExitCode.findings)
    let outcome = try failed.json()
    #expect(outcome["revocation"] == .string("revoked"))
    #expect(outcome["problems"]?.array.first?["code"] == .string("revoked"))
    // The registry's own key is trusted through --db.
    #expect(
      jobcoach(["statement", "verify", statement, "--db", db, "--status", after, "--on", "2026-03-02"])
        .code == ExitCode.findings)
    #expect(
      jobcoach(["statement", "verify", statement, "--db", db, "--on", "2026-03-02"]).code == 0)

    // A changed list fails its own proof; another issuer's list is not the statement's.
    let text = String(decoding: try #require(bytes(after)), as: UTF8.self)
    guard case .object(let register) = try JSONParser.parse(Array(text.utf8)),
      case .object(var list)? = register["statusList"], case .object(var subject)? = list["credentialSubject"]
    else {
      Issue.record("no status list in the signed register")
      return
    }
    subject.members.removeAll { $0.key == "encodedList" }
    subject.members.append(.init(key: "encodedList", value: .string(BitstringStatusList().encodedList)))
    list.members.removeAll { $0.key == "credentialSubject" }
    list.members.append(.init(key: "credentialSubject", value: .object(subject)))
    let forged = scratch.write("forged.json", JSONWriter.string(.object(list)))
    let refused = jobcoach([
      "statement", "verify", statement, "--trust", did, "--status", forged, "--on", "2026-03-02",
    ])
    #expect(refused.code == ExitCode.findings)
    #expect(refused.out.contains("revocation list's signature does not hold"))

    // Revoking twice says so; an unknown id is refused; every change is in the audit trail.
    #expect(jobcoach(["statement", "revoke", id, "--reason", "x", "--db", db]).out.contains("revoked already"))
    #expect(
      jobcoach(["statement", "revoke", "urn:uuid:00000000-0000-4000-8000-000000000000", "--reason", "x", "--db", db])
        .code == ExitCode.dataError)
    #expect(jobcoach(["statement", "revoke", id, "--db", db]).code == ExitCode.usage)
    let trail = jobcoach(["audit", "log", "--db", db, "--format", "csv"]).out
    #expect(trail.contains(",statement,\(id),issued,"))
    #expect(trail.contains(",statement,\(id),revoked,false,true,"))
    #expect(trail.contains("registration withdrawn"))
    #expect(trail.contains(",registry,registry,issuingKey,,\(did),"))
  }

  @Test func aStatementToAFileThatExistsIsRefusedBeforeItIsRecorded() throws {
    let scratch = Scratch()
    let (db, _, _) = try association(scratch)
    let taken = scratch.write("taken.json", "keep me")
    let refused = jobcoach([
      "verify", "JC-0001", "--as", "municipal", "--on", "2026-03-02", "--db", db, "--statement",
      "--output", taken,
    ])
    #expect(refused.code == ExitCode.cannotCreate)
    #expect(refused.err.contains("is never replaced: name a new file"))
    #expect(bytes(taken) == Data("keep me".utf8))
    #expect(!jobcoach(["audit", "log", "--db", db, "--format", "csv"]).out.contains(",statement,"))
  }

  @Test func aMunicipalityImportsOnlyARegisterSignedByAnIssuerItTrusts() throws {
    let scratch = Scratch()
    let (association, _, did) = try association(scratch)
    let signed = signedRegister(scratch, association)
    let unsigned = scratch.write(
      "unsigned.json",
      jobcoach([
        "export", "public", "--format", "json", "--register", "BvJN", "--on", "2026-03-02",
        "--db", association,
      ]).out)
    let altered = scratch.write(
      "altered.json",
      String(decoding: try #require(bytes(signed)), as: UTF8.self)
        .replacingOccurrences(of: "Anouk de Vries", with: "Anouk de Vriez"))
    let db = scratch.file("municipality.sqlite")
    #expect(jobcoach(["init", "--db", db]).code == 0)

    let unknown = jobcoach(["import", signed, "--db", db])
    #expect(unknown.code == ExitCode.dataError)
    #expect(unknown.err.contains("register.json#/issuer: the public register is signed by \(did), an issuer this registry does not trust"))
    let bare = jobcoach(["import", unsigned, "--db", db, "--lang", "nl"])
    #expect(bare.code == ExitCode.dataError)
    #expect(bare.err.contains("unsigned.json#: het publieke register is niet ondertekend"))

    let added = jobcoach(["trust", "add", did, "--name", "Beroepsvereniging Jobcoaches Nederland", "--db", db])
    #expect(added.code == 0)
    #expect(added.out.hasPrefix("trusted: Beroepsvereniging Jobcoaches Nederland"))
    let changed = jobcoach(["import", altered, "--allow-unsigned", "--db", db])
    #expect(changed.code == ExitCode.dataError)
    #expect(changed.err.contains("altered.json#/proof: the public register's signature does not hold"))
    // Nothing of the refused imports was written.
    #expect(!jobcoach(["audit", "log", "--db", db, "--format", "csv"]).out.contains(",import,"))

    let imported = jobcoach(["import", signed, "--db", db])
    #expect(imported.code == 0, "\(imported.err)")
    #expect(imported.out.contains("public-register: 6 created"))
    #expect(!imported.out.contains("UNSIGNED"))
    let loud = jobcoach(["import", unsigned, "--allow-unsigned", "--db", db])
    #expect(loud.code == 0)
    #expect(loud.out.contains("WARNING: \(unsigned) is an UNSIGNED public register"))
    #expect(jobcoach(["audit", "log", "--db", db, "--format", "csv"]).out.contains("an UNSIGNED public register (--allow-unsigned)"))

    let listed = try jobcoach(["trust", "list", "--db", db, "--format", "json"]).json()
    #expect(listed["trusted"] == .array([.object(["did": .string(did), "name": .string("Beroepsvereniging Jobcoaches Nederland")])]))
    #expect(jobcoach(["trust", "remove", did, "--db", db]).code == 0)
    #expect(jobcoach(["trust", "remove", did, "--db", db]).code == ExitCode.dataError)
    #expect(jobcoach(["import", signed, "--db", db]).code == ExitCode.dataError)
    #expect(jobcoach(["trust", "add", "did:key:zNotAKey", "--name", "X", "--db", db]).code == ExitCode.usage)
    #expect(jobcoach(["trust", "add", did, "--db", db]).code == ExitCode.usage)
  }

  @Test func theStatementAsAPrintablePageShowsWhatWasSignedAndHowToCheckIt() throws {
    let scratch = Scratch()
    let (db, _, did) = try association(scratch)
    let page = jobcoach([
      "verify", "JC-0001", "--as", "municipal", "--on", "2026-03-02", "--db", db, "--statement",
      "--format", "html",
    ])
    #expect(page.code == 0, "\(page.err)")
    #expect(page.out.hasPrefix("<!doctype html>\n<html lang=\"nl\">"))
    #expect(page.out.contains("<h1>Verificatieverklaring jobcoach</h1>"))
    #expect(page.out.contains("<tr><th>Jobcoach</th><td>Anouk de Vries</td></tr>"))
    #expect(page.out.contains("<p><strong>Inzetbaar</strong></p>"))
    #expect(page.out.contains("jobcoach statement verify verklaring.json --trust \(did) --status register.json"))
    // The signed statement on the page is the one that was signed: it verifies.
    let start = try #require(page.out.range(of: "<pre id=\"statement\">"))
    let end = try #require(page.out.range(of: "</pre>", range: start.upperBound..<page.out.endIndex))
    let json = String(page.out[start.upperBound..<end.lowerBound])
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&amp;", with: "&")
    let saved = scratch.write("from-page.json", json)
    #expect(jobcoach(["statement", "verify", saved, "--trust", did, "--on", "2026-03-02"]).code == 0)
    let english = jobcoach([
      "verify", "JC-0001", "--as", "municipal", "--on", "2026-03-02", "--db", db, "--statement",
      "--format", "html", "--lang", "en",
    ])
    #expect(english.out.contains("<p><strong>Eligible</strong></p>"))
    #expect(
      jobcoach(["verify", "JC-0001", "--as", "municipal", "--db", db, "--statement", "--format", "csv"])
        .code == ExitCode.usage)
  }
}

/// The signed statement in Samples/ and the test key it was made with (under Tests/, never a
/// real key): it verifies with the published identifier, and the key makes it again byte for
/// byte from the samples (Ed25519 signatures are deterministic), so the sample cannot drift.
struct SampleStatementTests {
  let statement = repositoryRoot + "/Samples/statement/verklaring-JC-0001.jsonld"
  let key = repositoryRoot + "/Tests/JobcoachCLITests/Keys/test-issuer.pem"

  @Test func theSampleStatementHoldsForTheSampleIdentifier() throws {
    let did = String(decoding: try #require(bytes(repositoryRoot + "/Samples/statement/test-issuer.did")), as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let signer = try SigningKey(pem: String(decoding: try #require(bytes(key)), as: UTF8.self))
    #expect(signer.publicKey.did == did)
    let holds = jobcoach(["statement", "verify", statement, "--trust", did, "--on", "2026-03-02"])
    #expect(holds.code == 0, "\(holds.out)")
    #expect(holds.out.hasPrefix("the statement holds on 2026-03-02: signed by \(did)"))
  }

  @Test func theTestKeyMakesTheSampleAgainByteForByte() throws {
    let scratch = Scratch()
    let again = scratch.file("again.jsonld")
    let run = jobcoach([
      "verify", "JC-0001", "--as", "municipal", "--on", "2026-03-02", "--file", samplesPath,
      "--statement", "--key", key, "--output", again,
    ])
    #expect(run.code == 0, "\(run.err)")
    #expect(bytes(again) == bytes(statement))
  }
}
