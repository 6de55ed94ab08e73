import Testing

@testable import JobcoachCore

/// A signed verification statement: made from `VerifyCoach`'s answer, signed with
/// eddsa-jcs-2022, and checked offline (`CheckStatement`).
@Suite struct SignedStatementTests {
  static let key = try! SigningKey(seed: hexBytes(Ed25519Tests.vectors[0].seed))
  static let stranger = try! SigningKey(seed: hexBytes(Ed25519Tests.vectors[1].seed))

  func answer(on date: String = "2026-03-02") throws -> CoachVerification {
    try VerifyCoach(coach: "C1", kind: .internal, placement: "P1", on: day(date))
      .run(in: VerifyCoachTests().registry)
  }

  func signed(_ answer: CoachVerification, by key: SigningKey = key) throws -> JSONObject {
    try DataIntegrity.sign(
      VerificationStatement.credential(for: answer, placement: "P1", issuer: key.publicKey),
      with: key)
  }

  @Test func theStatementHoldsTheVerdictAndNoMoreAboutTheCoach() throws {
    let answer = try answer()
    let statement = try signed(answer)
    #expect(statement["issuer"] == .string(Self.key.publicKey.did))
    #expect(statement["validFrom"] == .string("2026-03-02T00:00:00+01:00"))
    guard case .object(let subject)? = statement["credentialSubject"] else {
      Issue.record("no subject")
      return
    }
    #expect(
      subject.keys.sorted() == [
        "eligible", "kind", "name", "placement", "policy", "registerNumber", "rules", "type",
        "verifiedOn",
      ])
    // The number the register's standing was found under (the coach gave none).
    #expect(subject["registerNumber"] == .string("RJC-1"))
    #expect(subject["eligible"] == .bool(answer.isEligible))
    #expect(subject["name"] == .string("Anouk"))
    #expect(subject["placement"] != .string("P1"))
    // SHA-256 of the issuer's did:key, a line feed and the placement id, in hex.
    #expect(
      VerificationStatement.pseudonym(of: "P1", issuer: Self.key.publicKey)
        == "urn:jobcoach:placement:" + SHA256.hex(Self.key.publicKey.did + "\nP1"))
    #expect(
      VerificationStatement.pseudonym(of: "P1", issuer: Self.stranger.publicKey)
        != VerificationStatement.pseudonym(of: "P1", issuer: Self.key.publicKey))
    #expect(subject["placement"] == .string(VerificationStatement.pseudonym(of: "P1", issuer: Self.key.publicKey)))
    guard case .array(let rules)? = subject["rules"] else { Issue.record("no rules"); return }
    #expect(rules.count == answer.verification.findings.count)
    #expect(rules.first.flatMap { if case .object(let rule) = $0 { rule["rule"] } else { nil } }
      == .string(answer.verification.findings[0].rule.rawValue))
    let outcome = CheckStatement(trusting: [Self.key.publicKey], on: day("2026-03-02"))
      .run(.object(statement))
    #expect(outcome.holds, "\(outcome.problems)")
  }

  /// Any one field changed, anywhere: the proof fails.
  @Test func aStatementAlteredInAnyFieldFails() throws {
    let statement = try signed(try answer())
    let check = CheckStatement(trusting: [Self.key.publicKey], on: day("2026-03-02"))
    var altered = 0
    func alter(_ value: JSONValue) -> [JSONValue] {
      switch value {
      case .null: return [.bool(false)]
      case .bool(let flag): return [.bool(!flag)]
      case .number(let text): return [.number(text + "1")]
      case .string(let text): return [.string(text + "x")]
      case .array(let elements):
        return elements.indices.flatMap { index in
          alter(elements[index]).map { changed in
            var copy = elements
            copy[index] = changed
            return JSONValue.array(copy)
          }
        } + (elements.isEmpty ? [.array([.null])] : [.array(elements.dropLast())])
      case .object(let object):
        return object.members.indices.flatMap { index in
          alter(object.members[index].value).map { changed in
            var copy = object
            copy.members[index].value = changed
            return JSONValue.object(copy)
          }
        }
      }
    }
    for (index, member) in statement.members.enumerated() where member.key != "proof" {
      for changed in alter(member.value) {
        var copy = statement
        copy.members[index].value = changed
        let outcome = check.run(.object(copy))
        #expect(!outcome.holds, "\(member.key) -> \(changed)")
        altered += 1
      }
    }
    #expect(altered > 20)
    var withoutProof = statement
    withoutProof.members.removeAll { $0.key == "proof" }
    #expect(check.run(.object(withoutProof)).problems == [.proof(.noProof)])
  }

  @Test func anUntrustedOrForeignSignerFails() throws {
    let answer = try answer()
    let date = day("2026-03-02")
    let byStranger = try signed(answer, by: Self.stranger)
    #expect(
      CheckStatement(trusting: [Self.key.publicKey], on: date).run(.object(byStranger)).problems
        == [.untrustedIssuer(Self.stranger.publicKey.did)])
    #expect(CheckStatement(trusting: [Self.stranger.publicKey], on: date).run(.object(byStranger)).holds)
    // Our issuer named, the stranger's proof: the signer is not the issuer.
    var forged = byStranger
    let issuer = forged.members.firstIndex { $0.key == "issuer" }!
    forged.members[issuer].value = .string(Self.key.publicKey.did)
    let outcome = CheckStatement(trusting: [Self.key.publicKey], on: date).run(.object(forged))
    #expect(!outcome.holds)
  }

  /// Valid through `validUntil`'s day, not the day after; not before `validFrom`'s.
  @Test func aStatementHoldsOnItsLastDayAndNotTheDayAfter() throws {
    var answer = try answer()
    let end = day("2026-10-25")
    answer.verification.findings.append(
      Finding(
        rule: .reregistration, severity: .note, outcome: .met, subject: .coach("C1"),
        reason: answer.verification.findings[0].reason,
        evidence: [
          EvidenceItem(
            kind: .registration, reference: "RJC-1", facts: .document(EvidenceReference(documentID: "RJC-1", issuer: "BJN")),
            validFrom: day("2022-01-10"), validUntil: end)
        ]))
    #expect(VerificationStatement.validUntil(of: answer.verification) == end)
    let statement = try signed(answer)
    // The last Sunday of October 2026: summer time ends that night.
    #expect(statement["validUntil"] == .string("2026-10-25T23:59:59+01:00"))
    let trusted = [Self.key.publicKey]
    #expect(CheckStatement(trusting: trusted, on: end).run(.object(statement)).holds)
    #expect(
      CheckStatement(trusting: trusted, on: end.adding(days: 1)).run(.object(statement)).problems
        == [.expired(end)])
    #expect(
      CheckStatement(trusting: trusted, on: day("2026-03-01")).run(.object(statement)).problems
        == [.notYetValid(day("2026-03-02"))])
  }

  @Test func amsterdamOffsetsChangeOnTheLastSundays() {
    #expect(AmsterdamTime.lastSunday(year: 2026, month: 3) == day("2026-03-29"))
    #expect(AmsterdamTime.lastSunday(year: 2026, month: 10) == day("2026-10-25"))
    #expect(AmsterdamTime.lastSunday(year: 2027, month: 3) == day("2027-03-28"))
    #expect(AmsterdamTime.startOfDay(day("2026-03-29")) == "2026-03-29T00:00:00+01:00")
    #expect(AmsterdamTime.endOfDay(day("2026-03-29")) == "2026-03-29T23:59:59+02:00")
    #expect(AmsterdamTime.startOfDay(day("2026-03-30")) == "2026-03-30T00:00:00+02:00")
    #expect(AmsterdamTime.startOfDay(day("2026-10-25")) == "2026-10-25T00:00:00+02:00")
    #expect(AmsterdamTime.endOfDay(day("2026-10-25")) == "2026-10-25T23:59:59+01:00")
    #expect(AmsterdamTime.endOfDay(day("2026-10-24")) == "2026-10-24T23:59:59+02:00")
    #expect(AmsterdamTime.date(of: "2026-10-25T23:59:59+01:00") == day("2026-10-25"))
    #expect(AmsterdamTime.date(of: "2026") == nil)
  }

  @Test func notAStatementAtAll() {
    let check = CheckStatement(trusting: [], on: day("2026-03-02"))
    #expect(check.run(.array([])).problems == [.notAStatement])
    #expect(check.run(.object(["issuer": .string("x")])).problems == [.notAStatement])
  }
}
