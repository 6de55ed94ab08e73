import JobcoachTestSupport
import Testing

@testable import JobcoachCore

/// The W3C Bitstring Status List: bits in the specification's order, its GZIP and base64url
/// encoding read back, and what a statement's check makes of a list.
struct BitstringStatusListTests {
  @Test func indexZeroIsTheFirstBytesHighestBit() {
    var list = BitstringStatusList()
    #expect(list.count == 131_072)
    list.set(0)
    list.set(9)
    list.set(131_071)
    #expect(list.bytes[0] == 0x80)
    #expect(list.bytes[1] == 0x40)
    #expect(list.bytes[16_383] == 0x01)
    #expect(list.isSet(0) && list.isSet(9) && list.isSet(131_071))
    #expect(!list.isSet(1) && !list.isSet(8) && !list.isSet(10) && !list.isSet(131_070))
  }

  @Test func theEncodedListReadsBackAndIsMultibaseBase64URLOfGzip() throws {
    var list = BitstringStatusList()
    for index in [0, 7, 8, 4_096, 99_999, 131_071] { list.set(index) }
    let encoded = list.encodedList
    #expect(encoded.hasPrefix("u"))
    #expect(!encoded.contains("=") && !encoded.contains("+") && !encoded.contains("/"))
    let compressed = try #require(Base64.decodeURL(String(encoded.dropFirst())))
    // RFC 1952: a GZIP member starts 1f 8b, deflate (8).
    #expect(Array(compressed.prefix(3)) == [0x1F, 0x8B, 0x08])
    #expect(compressed.count < 200)
    #expect(BitstringStatusList(encodedList: encoded) == list)
    #expect(BitstringStatusList(encodedList: BitstringStatusList().encodedList) == BitstringStatusList())
  }

  @Test func whatIsNotAListIsRefused() {
    #expect(BitstringStatusList(encodedList: "") == nil)
    // Not multibase base64url: no prefix, or padded.
    #expect(BitstringStatusList(encodedList: String(BitstringStatusList().encodedList.dropFirst())) == nil)
    #expect(BitstringStatusList(encodedList: "uAAAA==") == nil)
    // Not GZIP.
    #expect(BitstringStatusList(encodedList: "u" + Base64.encodeURL(Array(repeating: 0, count: 64))) == nil)
    // GZIP, but smaller than the minimum of 16 KB.
    #expect(BitstringStatusList(encodedList: "u" + Base64.encodeURL(Gzip.compress([0, 0]))) == nil)
    // A small file that would unpack to more than 1 MB.
    let bomb = Gzip.compress(Array(repeating: 0, count: (1 << 20) + 1))
    #expect(bomb.count < 2_000)
    #expect(BitstringStatusList(encodedList: "u" + Base64.encodeURL(bomb)) == nil)
    // A GZIP cut short.
    let whole = Gzip.compress(Array(repeating: 0, count: 16_384))
    #expect(Gzip.decompress(Array(whole.dropLast(4)), limit: 1 << 20) == nil)
    #expect(Gzip.decompress(whole, limit: 1 << 20) == Array(repeating: 0, count: 16_384))
  }

  @Test func base64URLRoundTripsEveryLength() {
    for length in 0..<40 {
      let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 250) }
      let text = Base64.encodeURL(bytes)
      #expect(Base64.decodeURL(text) == bytes, "length \(length)")
      #expect(!text.contains("="))
    }
    #expect(Base64.decodeURL("A") == nil)
    #expect(Base64.decodeURL("-_8") == [0xFB, 0xFF])
  }

  @Test func aFreeIndexIsNeverOneTaken() {
    var taken = Set<Int>()
    for _ in 0..<200 {
      let index = BitstringStatusList.freeIndex(count: 256) { taken.contains($0) }
      #expect(index != nil)
      if let index {
        #expect(!taken.contains(index) && index >= 0 && index < 256)
        taken.insert(index)
      }
    }
    // The last free places are found even when random picks keep missing them.
    let last = BitstringStatusList.freeIndex(count: 256) { $0 != 255 }
    #expect(last == 255)
    #expect(BitstringStatusList.freeIndex(count: 256) { _ in true } == nil)
  }
}

/// A statement with a place in its issuer's list, checked against the list.
struct StatementRevocationTests {
  static let key = SignedStatementTests.key
  static let stranger = SignedStatementTests.stranger
  let date = day("2026-03-02")

  func statement(index: Int) throws -> JSONObject {
    let answer = try VerifyCoach(coach: "C1", kind: .internal, placement: "P1", on: date)
      .run(in: VerifyCoachTests().registry)
    return try DataIntegrity.sign(
      VerificationStatement.credential(
        for: answer, placement: "P1", issuer: Self.key.publicKey,
        issue: .init(id: "urn:uuid:58c2daf1-4d07-4432-8874-91c825c1f7b6", statusIndex: index)),
      with: Self.key)
  }

  func list(revoking revoked: [Int], by key: SigningKey = key) throws -> JSONValue {
    var list = BitstringStatusList()
    for index in revoked { list.set(index) }
    return .object(
      try DataIntegrity.sign(
        StatusListCredential.credential(list, issuer: key.publicKey, on: date), with: key))
  }

  func check(_ statement: JSONObject, _ list: JSONValue?) -> CheckStatement.Outcome {
    CheckStatement(trusting: [Self.key.publicKey], on: date, statusList: list)
      .run(.object(statement))
  }

  @Test func aStatementIdIsARandomVersion4UUID() throws {
    let ids = try (0..<50).map { _ in try VerificationStatement.newID() }
    #expect(Set(ids).count == 50)
    for id in ids {
      let digits = Array(id.dropFirst("urn:uuid:".count).utf8)
      #expect(id.hasPrefix("urn:uuid:") && digits.count == 36)
      #expect([8, 13, 18, 23].allSatisfy { digits[$0] == UInt8(ascii: "-") })
      #expect(digits[14] == UInt8(ascii: "4"))
      #expect("89ab".utf8.contains(digits[19]))
      #expect(digits.enumerated().allSatisfy { [8, 13, 18, 23].contains($0.offset) || "0123456789abcdef".utf8.contains($0.element) })
    }
    #expect(Hex.lowercase([0x00, 0x0F, 0xA5, 0xFF]) == "000fa5ff")
  }

  /// 123456782 passes the eleven test; across the first dash it is what every door refuses.
  @Test func aStatementIdThatWouldLookLikeACitizenServiceNumberIsDrawnAgain() throws {
    let looksLikeOne: [UInt8] = [0x12, 0x34, 0x56, 0x78, 0x2A] + Array(repeating: 0xAB, count: 11)
    let clean: [UInt8] = Array(repeating: 0xCD, count: 16)
    var draws = [looksLikeOne, clean]
    var drawn = 0
    let id = try VerificationStatement.newID { () throws(TrustError) in
      drawn += 1
      return draws.removeFirst()
    }
    #expect(drawn == 2)
    #expect(id == "urn:uuid:cdcdcdcd-cdcd-4dcd-8dcd-cdcdcdcdcdcd")
    #expect(CitizenServiceNumber.occurs(in: "urn:uuid:12345678-2aab-4bab-abab-abababababab"))
  }

  /// A statement issued before the list's name changed names it in hex digits; it is still
  /// checked against its issuer's list, and another issuer's list is still another list.
  @Test func aStatementNamingItsListsEarlierNameIsStillChecked() throws {
    func naming(_ listID: String, index: Int) throws -> JSONObject {
      var statement = try statement(index: index)
      statement.members.removeAll { $0.key == "proof" }
      guard case .object(var entry)? = statement["credentialStatus"] else { throw ReadFailure() }
      for (index, member) in entry.members.enumerated() where member.key == "statusListCredential" {
        entry.members[index].value = .string(listID)
      }
      for (index, member) in statement.members.enumerated() where member.key == "credentialStatus" {
        statement.members[index].value = .object(entry)
      }
      return try DataIntegrity.sign(statement, with: Self.key)
    }
    struct ReadFailure: Error {}
    let earlier = "urn:jobcoach:status-list:" + String(SHA256.hex(Self.key.publicKey.did).prefix(32))
    #expect(earlier != StatusListCredential.id(of: Self.key.publicKey))
    let revokedList = try list(revoking: [41])
    #expect(check(try naming(earlier, index: 41), revokedList).revocation == .revoked)
    let standing = check(try naming(earlier, index: 42), revokedList)
    #expect(standing.holds && standing.revocation == .current)
    // A hex name of no list, or of another issuer's list, is not this list.
    let other = try SigningKey.generate().publicKey
    let otherName = "urn:jobcoach:status-list:" + String(SHA256.hex(other.did).prefix(32))
    #expect(check(try naming(otherName, index: 42), revokedList).problems
      == [.statusList(.otherList(StatusListCredential.id(of: Self.key.publicKey)))])
  }

  /// The list's id is made of the issuer's did; as hex, about one digest in a hundred held a
  /// nine-digit run passing the eleven test, and the registry refused its own register.
  @Test func aStatusListIdHoldsNoDigitForAnyKey() throws {
    var generator = SplitMix(seed: 21)
    var ids: Set<String> = []
    var hexLikeOne = 0
    for _ in 0..<3_000 {
      let bytes = (0..<32).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
      let key = try #require(PublicKey(bytes: bytes))
      let id = StatusListCredential.id(of: key)
      let name = id.dropFirst("urn:jobcoach:status-list:".count)
      #expect(id.hasPrefix("urn:jobcoach:status-list:") && name.utf8.count == 32)
      #expect(name.utf8.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "p") })
      #expect(!CitizenServiceNumber.occurs(in: id + "#list"))
      ids.insert(id)
      if CitizenServiceNumber.occurs(in: String(SHA256.hex(key.did).prefix(32))) { hexLikeOne += 1 }
    }
    #expect(ids.count == 3_000)
    // The hazard is real among these keys: the old hex name would have been refused.
    #expect(hexLikeOne > 0)
    #expect(Hex.letters([0x00, 0x0F, 0xA5, 0xFF]) == "aaapkfpp")
  }

  @Test func theStatementNamesItsPlaceInItsIssuersList() throws {
    let statement = try statement(index: 42)
    #expect(statement["id"] == .string("urn:uuid:58c2daf1-4d07-4432-8874-91c825c1f7b6"))
    guard case .object(let entry)? = statement["credentialStatus"] else {
      Issue.record("no credentialStatus")
      return
    }
    #expect(entry["statusListIndex"] == .string("42"))
    #expect(entry["statusPurpose"] == .string("revocation"))
    #expect(entry["statusListCredential"] == .string(StatusListCredential.id(of: Self.key.publicKey)))
  }

  @Test func aRevokedStatementFailsAndItsNeighboursStand() throws {
    let revokedList = try list(revoking: [41, 43])
    let revoked = check(try statement(index: 41), revokedList)
    #expect(revoked.problems == [.revoked])
    #expect(revoked.revocation == .revoked)
    let standing = check(try statement(index: 42), revokedList)
    #expect(standing.holds)
    #expect(standing.revocation == .current)
    // Without a list nothing is asked; a statement with no place cannot be revoked.
    #expect(check(try statement(index: 41), nil).revocation == .notAsked)
    var unplaced = try statement(index: 41)
    unplaced.members.removeAll { $0.key == "credentialStatus" || $0.key == "proof" }
    let resigned = try DataIntegrity.sign(unplaced, with: Self.key)
    #expect(check(resigned, revokedList).revocation == .notRevocable)
    #expect(check(resigned, revokedList).holds)
  }

  @Test func aListThatCannotAnswerIsAProblemNotAPass() throws {
    let statement = try statement(index: 41)
    // Another issuer's list (even one that revokes nothing) is not the statement's.
    let other = check(statement, try list(revoking: [], by: Self.stranger))
    #expect(other.problems.count == 1)
    if case .statusList(.otherList)? = other.problems.first {} else {
      Issue.record("\(other.problems)")
    }
    // The issuer's list changed after signing: its bit cleared.
    guard case .object(var changed) = try list(revoking: [41]),
      case .object(var subject)? = changed["credentialSubject"]
    else { return }
    subject.members.removeAll { $0.key == "encodedList" }
    subject.members.append(.init(key: "encodedList", value: .string(BitstringStatusList().encodedList)))
    changed.members.removeAll { $0.key == "credentialSubject" }
    changed.members.append(.init(key: "credentialSubject", value: .object(subject)))
    #expect(check(statement, .object(changed)).problems == [.statusList(.proof(.signatureInvalid))])
    #expect(check(statement, .string("list")).problems == [.statusList(.notAList)])
    // A place beyond the list.
    #expect(
      check(try self.statement(index: 131_072), try list(revoking: [])).problems
        == [.statusList(.indexOutOfRange(131_072))])
  }
}

/// A public register's signature, as the reader finds it over the whole document.
struct RegisterSignatureTests {
  static let key = SignedStatementTests.key

  func register() -> JSONObject {
    [
      "kind": .string("public-register"), "schemaVersion": .number("1"),
      "register": .string("Registerjobcoaches"), "publishedOn": .string("2026-03-02"),
      "issuer": .string(Self.key.publicKey.did),
      "entries": .array([
        .object([
          "registerNumber": .string("RJC-00101"), "name": .string("Anouk de Vries"),
          "status": .string("registered"), "registeredSince": .string("2022-04-01"),
          "validUntil": .string("2027-03-31"),
        ])
      ]),
    ]
  }

  @Test func signedUnsignedAlteredAndSignedForAnother() throws {
    let signed = try DataIntegrity.sign(register(), with: Self.key)
    #expect(RegisterSignature.of(signed) == .signed(by: Self.key.publicKey.did))
    #expect(RegisterSignature.of(register()) == .unsigned)
    // Any one value changed: an entry's name, the date, the issuer.
    for (key, value) in [
      ("publishedOn", JSONValue.string("2026-03-03")), ("register", .string("Ander register")),
    ] {
      var altered = signed
      altered.members.removeAll { $0.key == key }
      altered.members.append(.init(key: key, value: value))
      #expect(RegisterSignature.of(altered) == .invalid(.signatureInvalid), "\(key)")
    }
    var renamed = signed
    renamed.members.removeAll { $0.key == "entries" }
    renamed.members.append(
      .init(key: "entries", value: .array([.object(["registerNumber": .string("RJC-00101"), "name": .string("Anouk de Vriez")])])))
    #expect(RegisterSignature.of(renamed) == .invalid(.signatureInvalid))
    // Signed by one key while naming another as issuer.
    var other = register()
    other.members.removeAll { $0.key == "issuer" }
    other.members.append(.init(key: "issuer", value: .string(SignedStatementTests.stranger.publicKey.did)))
    #expect(
      RegisterSignature.of(try DataIntegrity.sign(other, with: Self.key))
        == .issuerNotSigner(issuer: SignedStatementTests.stranger.publicKey.did, signer: Self.key.publicKey.did))
  }
}
