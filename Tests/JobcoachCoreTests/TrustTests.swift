import Testing

@testable import JobcoachCore

func hexBytes(_ text: String) -> [UInt8] {
  var bytes: [UInt8] = []
  var index = text.startIndex
  while index < text.endIndex {
    let next = text.index(index, offsetBy: 2)
    bytes.append(UInt8(text[index..<next], radix: 16)!)
    index = next
  }
  return bytes
}

/// Ed25519 from libcrypto, held to RFC 8032's test vectors (§7.1, tests 1 to 3).
@Suite struct Ed25519Tests {
  static let vectors: [(seed: String, publicKey: String, message: String, signature: String)] = [
    (
      "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
        + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
    ),
    (
      "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
      "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
      "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
        + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
    ),
    (
      "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
      "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
      "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
        + "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
    ),
  ]

  @Test(arguments: 0..<3) func theRFC8032VectorsSignAndVerify(_ index: Int) throws {
    let vector = Self.vectors[index]
    let key = try SigningKey(seed: hexBytes(vector.seed))
    #expect(key.publicKey.bytes == hexBytes(vector.publicKey))
    let signature = try key.sign(hexBytes(vector.message))
    #expect(signature == hexBytes(vector.signature))
    #expect(key.publicKey.verifies(signature, for: hexBytes(vector.message)))
    // One bit of the message or the signature changed: no longer valid.
    #expect(!key.publicKey.verifies(signature, for: hexBytes(vector.message) + [0]))
    var flipped = signature
    flipped[10] ^= 0x01
    #expect(!key.publicKey.verifies(flipped, for: hexBytes(vector.message)))
  }

  @Test func aKeyFileReadsBackAsTheSameKeyAndAGeneratedKeyIsNew() throws {
    let key = try SigningKey(seed: hexBytes(Self.vectors[0].seed))
    #expect(key.pem.hasPrefix("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI"))
    #expect(try SigningKey(pem: key.pem).publicKey == key.publicKey)
    #expect(throws: TrustError.notAnEd25519PrivateKey) { try SigningKey(pem: "not a key") }
    let mangled = key.pem.replacingFirst("MC4C", with: "MC5C")
    #expect(throws: TrustError.notAnEd25519PrivateKey) { try SigningKey(pem: mangled) }
    // As a Windows editor saves it: CRLF line ends, spaces and tabs around the lines.
    let windows = key.pem.split(separator: "\n").map { " \t" + $0 + "  " }.joined(separator: "\r\n")
    #expect(try SigningKey(pem: windows).publicKey == key.publicKey)
    let first = try SigningKey.generate()
    let second = try SigningKey.generate()
    #expect(first.publicKey != second.publicKey)
  }

  @Test func aDIDKeyNamesTheKeyAndReadsBack() throws {
    let key = try SigningKey(seed: hexBytes(Self.vectors[0].seed)).publicKey
    #expect(key.did.hasPrefix("did:key:z6Mk"))
    #expect(try PublicKey(did: key.did) == key)
    #expect(try PublicKey(did: key.verificationMethod) == key)
    #expect(key.verificationMethod == key.did + "#" + key.did.dropFirst(8))
    #expect(throws: TrustError.self) { try PublicKey(did: "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme") }
    #expect(throws: TrustError.self) { try PublicKey(did: "did:web:example.org") }
  }
}

@Suite struct EncodingTests {
  @Test func base58btcHasBitcoinsAlphabetAndKeepsLeadingZeros() {
    #expect(Multibase.base58btc(Array("Hello World!".utf8)) == "z2NEpo7TZRRrLZSi2U")
    #expect(Multibase.base58btc([0, 0, 1]) == "z112")
    #expect(Multibase.base58btc([]) == "z")
    #expect(Multibase.decodeBase58btc("z2NEpo7TZRRrLZSi2U") == Array("Hello World!".utf8))
    #expect(Multibase.decodeBase58btc("z112") == [0, 0, 1])
    #expect(Multibase.decodeBase58btc("z0OIl") == nil)  // not in the alphabet
    #expect(Multibase.decodeBase58btc("u2NEpo") == nil)  // another base
    var generator = SystemRandomNumberGenerator()
    for count in [1, 2, 31, 32, 34, 64] {
      let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
      #expect(Multibase.decodeBase58btc(Multibase.base58btc(bytes)) == bytes)
    }
  }

  @Test func base64IsRFC4648() {
    #expect(Base64.encode(Array("".utf8)) == "")
    #expect(Base64.encode(Array("f".utf8)) == "Zg==")
    #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
    #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
    #expect(Base64.decode("Zm9vYg==") == Array("foob".utf8))
    #expect(Base64.decode("Zm9vYmE=") == Array("fooba".utf8))
    #expect(Base64.decode("Zm9v=mFy") == nil)
    #expect(Base64.decode("Zm9") == nil)
  }
}

/// RFC 8785's own examples: numbers (Appendix B), the §3.2.2 sample and the §3.2.3 key order.
@Suite struct CanonicalJSONTests {
  static let numbers: [(UInt64, String)] = [
    (0x0000_0000_0000_0000, "0"), (0x8000_0000_0000_0000, "0"),
    (0x0000_0000_0000_0001, "5e-324"), (0x8000_0000_0000_0001, "-5e-324"),
    (0x7FEF_FFFF_FFFF_FFFF, "1.7976931348623157e+308"),
    (0xFFEF_FFFF_FFFF_FFFF, "-1.7976931348623157e+308"),
    (0x4340_0000_0000_0000, "9007199254740992"), (0xC340_0000_0000_0000, "-9007199254740992"),
    (0x4430_0000_0000_0000, "295147905179352830000"),
    (0x44B5_2D02_C7E1_4AF5, "9.999999999999997e+22"), (0x44B5_2D02_C7E1_4AF6, "1e+23"),
    (0x44B5_2D02_C7E1_4AF7, "1.0000000000000001e+23"),
    (0x444B_1AE4_D6E2_EF4E, "999999999999999700000"),
    (0x444B_1AE4_D6E2_EF4F, "999999999999999900000"), (0x444B_1AE4_D6E2_EF50, "1e+21"),
    (0x3EB0_C6F7_A0B5_ED8C, "9.999999999999997e-7"), (0x3EB0_C6F7_A0B5_ED8D, "0.000001"),
    (0x41B3_DE43_5555_5553, "333333333.3333332"), (0x41B3_DE43_5555_5554, "333333333.33333325"),
    (0x41B3_DE43_5555_5555, "333333333.3333333"), (0x41B3_DE43_5555_5556, "333333333.3333334"),
    (0x41B3_DE43_5555_5557, "333333333.33333343"),
    (0xBECB_F647_612F_3696, "-0.0000033333333333333333"),
    (0x4314_3FF3_C1CB_0959, "1424953923781206.2"),
  ]

  @Test func numbersAreWrittenAsECMAScriptWritesThem() throws {
    for (bits, expected) in Self.numbers {
      #expect(CanonicalJSON.number(Double(bitPattern: bits)) == expected, "\(bits)")
      // And read from JSON text the same.
      #expect(try CanonicalJSON.number(Double(bitPattern: bits).description) == expected)
    }
    #expect(throws: CanonicalJSON.Problem.numberOutOfRange("1e400")) {
      try CanonicalJSON.number("1e400")
    }
  }

  @Test func theRFCsSampleIsCanonicalized() throws {
    let input = #"""
      {
        "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
        "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
        "literals": [null, true, false]
      }
      """#
    let value = try JSONParser.parse(Array(input.utf8))
    #expect(
      try CanonicalJSON.string(value)
        == #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
    )
  }

  @Test func keysAreSortedByUTF16CodeUnits() throws {
    let input = #"""
      {"\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh",
       "1": "One", "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control",
       "\u00f6": "Latin Small Letter O With Diaeresis", "b": "\b\f\t"}
      """#
    let value = try JSONParser.parse(Array(input.utf8))
    guard case .object(let object) = value else { Issue.record("not an object"); return }
    let canonical = try CanonicalJSON.string(value)
    let order = ["\r", "1", "b", "\u{80}", "\u{F6}", "\u{20AC}", "\u{1F600}", "\u{FB33}"]
    #expect(object.members.count == order.count)
    var position = canonical.startIndex
    for key in order {
      let found = try #require(canonical.range(of: "\"" + (key == "\r" ? "\\r" : key) + "\":"))
      #expect(found.lowerBound >= position, "\(key.unicodeScalars.map(\.value))")
      position = found.upperBound
    }
    #expect(canonical.contains(#""b":"\b\f\t""#))
    // UTF-8 order would put U+FB33 before U+1F600: JCS's UTF-16 order does not.
    #expect(canonical.range(of: "\u{1F600}")!.lowerBound < canonical.range(of: "\u{FB33}")!.lowerBound)
  }
}

extension String {
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}
