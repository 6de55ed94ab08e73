import Testing

@testable import JobcoachCore

struct SHA256Tests {
  /// FIPS 180-2 appendix B and the NIST CAVP short-message examples.
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    ),
  ])
  func nistVectors(_ message: String, _ digest: String) {
    #expect(SHA256.hex(message) == digest)
  }

  @Test func aMillionAs() {
    var hasher = SHA256()
    let chunk = [UInt8](repeating: 0x61, count: 1000)
    for _ in 0..<1000 { hasher.update(chunk) }
    #expect(
      hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func blockBoundaries() {
    // 55, 56 and 64 bytes: the padding's edge cases.
    #expect(
      SHA256.hex(String(repeating: "a", count: 55))
        == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
    #expect(
      SHA256.hex(String(repeating: "a", count: 56))
        == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
    #expect(
      SHA256.hex(String(repeating: "a", count: 64))
        == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
  }
}

/// A hasher is a value: a copy taken part-way goes on by itself, and one finished starts again.
struct SHA256ValueTests {
  @Test func aCopyGoesOnByItself() {
    var first = SHA256()
    first.update(Array("ab".utf8))
    var second = first
    first.update(Array("c".utf8))
    second.update(Array("d".utf8))
    #expect(first.finalizeHex() == SHA256.hex("abc"))
    #expect(second.finalizeHex() == SHA256.hex("abd"))
  }

  @Test func aFinishedHasherStartsAgainEmpty() {
    var hasher = SHA256()
    hasher.update(Array("abc".utf8))
    _ = hasher.finalize()
    #expect(hasher.finalizeHex() == SHA256.hex(""))
  }

  @Test func piecesOfEverySizeGiveTheDigestOfTheWhole() {
    let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    let whole = SHA256.hex(bytes)
    for size in [1, 3, 63, 64, 65, 128, 299] {
      var hasher = SHA256()
      var offset = 0
      while offset < bytes.count {
        let end = min(offset + size, bytes.count)
        hasher.update(bytes[offset..<end])
        offset = end
      }
      #expect(hasher.finalizeHex() == whole, "pieces of \(size)")
    }
  }
}
