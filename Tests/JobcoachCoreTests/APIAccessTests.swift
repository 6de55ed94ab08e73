import Testing

@testable import JobcoachCore

/// Who may do what over the web API: the table of issue 20, each role on each request, and a
/// revoked token from its day on.
struct APIAccessTests {
  static let day = CalendarDate(iso: "2026-11-23")!
  static let association = AccessToken(name: "A", role: .association, issuedOn: day)
  static let purmerend = AccessToken(
    name: "P", role: .municipality, municipality: "ORG-PURMEREND", issuedOn: day)
  static let coach = AccessToken(name: "C", role: .coach, coach: "JC-0006", issuedOn: day)

  static let requests: [AccessRequest] = [
    .verification(touching: []), .verification(touching: ["ORG-PURMEREND"]),
    .verification(touching: ["ORG-ZAANSTAD"]),
    .verification(touching: ["ORG-PURMEREND", "ORG-ZAANSTAD"]),
    .placement(municipality: "ORG-PURMEREND"), .placement(municipality: "ORG-ZAANSTAD"),
    .placement(municipality: nil), .peStatement(of: "JC-0006"), .peStatement(of: "JC-0001"),
    .subjectExport(of: "JC-0006"), .subjectExport(of: "JC-0001"), .audit, .write,
  ]

  @Test func eachRoleMayExactlyWhatTheTableSays() {
    let allowed: [(AccessToken, [Bool])] = [
      (Self.association, Array(repeating: true, count: 13)),
      (Self.purmerend, [true, true, false, false, true, false, false, false, false, false, false, false, false]),
      (Self.coach, [false, false, false, false, false, false, false, true, false, true, false, false, false]),
    ]
    for (token, expected) in allowed {
      #expect(Self.requests.map { token.may($0, on: Self.day) } == expected, "\(token.role)")
    }
  }

  @Test func aRevokedTokenMayNothingFromItsDayOn() {
    var revoked = Self.association
    revoked.revokedOn = CalendarDate(iso: "2026-11-24")!
    #expect(revoked.may(.audit, on: Self.day))
    #expect(!revoked.may(.audit, on: CalendarDate(iso: "2026-11-24")!))
    #expect(!revoked.may(.verification(touching: []), on: CalendarDate(iso: "2026-11-25")!))
  }

  @Test func aTokenWithoutItsScopeMayNothingScoped() {
    let unscoped = AccessToken(name: "X", role: .municipality, issuedOn: Self.day)
    #expect(Self.requests.allSatisfy { !unscoped.may($0, on: Self.day) })
    let noCoach = AccessToken(name: "Y", role: .coach, issuedOn: Self.day)
    #expect(Self.requests.allSatisfy { !noCoach.may($0, on: Self.day) })
  }

  @Test func aSecretHasNoDigitAndIsKeptOnlyAsItsDigest() throws {
    var seen: Set<String> = []
    for _ in 0..<200 {
      let secret = try AccessToken.newSecret()
      #expect(AccessToken.isSecret(secret))
      #expect(secret.allSatisfy { !$0.isNumber })
      seen.insert(secret)
    }
    #expect(seen.count == 200)
    #expect(AccessToken.digest(of: "jc_" + String(repeating: "a", count: 64)).count == 64)
    #expect(!AccessToken.isSecret("jc_" + String(repeating: "a", count: 63)))
    #expect(!AccessToken.isSecret("jc_" + String(repeating: "q", count: 64)))
    #expect(!AccessToken.isSecret("xx_" + String(repeating: "a", count: 64)))
  }
}
