internal import CCrypto

/// Multibase's base58btc (the `z` prefix), as `did:key` and Data Integrity proofs write keys
/// and signatures: Bitcoin's alphabet, leading zero bytes as `1`s.
public enum Multibase {
  static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)

  /// `z` and `bytes` in base58btc.
  public static func base58btc(_ bytes: [UInt8]) -> String {
    let zeros = bytes.prefix { $0 == 0 }.count
    // Base 58 digits, least significant first, by repeated division of the big number.
    var digits: [UInt8] = []
    for byte in bytes.dropFirst(zeros) {
      var carry = Int(byte)
      for index in digits.indices {
        carry += Int(digits[index]) << 8
        digits[index] = UInt8(carry % 58)
        carry /= 58
      }
      while carry > 0 {
        digits.append(UInt8(carry % 58))
        carry /= 58
      }
    }
    let text = [UInt8](repeating: alphabet[0], count: zeros) + digits.reversed().map { alphabet[Int($0)] }
    return "z" + String(decoding: text, as: UTF8.self)
  }

  /// The bytes of a `z`-prefixed base58btc text; nil for another base or a bad character.
  public static func decodeBase58btc(_ text: String) -> [UInt8]? {
    guard text.first == "z" else { return nil }
    let body = Array(text.utf8.dropFirst())
    guard body.count <= 1_024 else { return nil }
    var values: [UInt8] = []
    for character in body {
      guard let value = alphabet.firstIndex(of: character) else { return nil }
      values.append(UInt8(value))
    }
    let zeros = values.prefix { $0 == 0 }.count
    var bytes: [UInt8] = []  // least significant first
    for value in values.dropFirst(zeros) {
      var carry = Int(value)
      for index in bytes.indices {
        carry += Int(bytes[index]) * 58
        bytes[index] = UInt8(carry & 0xFF)
        carry >>= 8
      }
      while carry > 0 {
        bytes.append(UInt8(carry & 0xFF))
        carry >>= 8
      }
    }
    return [UInt8](repeating: 0, count: zeros) + bytes.reversed()
  }
}

/// Bytes as lowercase hexadecimal digits, two a byte (digests, UUIDs).
public enum Hex {
  static let digits = Array("0123456789abcdef".utf8)

  public static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
    var text: [UInt8] = []
    text.reserveCapacity(bytes.underestimatedCount * 2)
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// Bytes as sixteen letters `a` to `p`, two a byte: a name made of a digest that holds no
  /// digit, so it can never hold what looks like a citizen service number (a run of nine digits
  /// passing the eleven test, which about one hex digest in a hundred holds).
  public static func letters(_ bytes: some Sequence<UInt8>) -> String {
    var text: [UInt8] = []
    text.reserveCapacity(bytes.underestimatedCount * 2)
    for byte in bytes {
      text.append(0x61 + (byte >> 4))
      text.append(0x61 + (byte & 0x0F))
    }
    return String(decoding: text, as: UTF8.self)
  }
}

/// The system's random source (libcrypto's RAND_bytes), for new keys, statement ids and
/// places in a revocation list.
enum RandomBytes {
  static func make(_ count: Int) throws(TrustError) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    guard RAND_bytes(&bytes, Int32(count)) == 1 else { throw .cryptoFailed("RAND_bytes") }
    return bytes
  }
}

/// Base64 (RFC 4648, with padding), for the PEM key file.
public enum Base64 {
  static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  public static func encode(_ bytes: [UInt8]) -> String {
    var output: [UInt8] = []
    output.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let count = min(3, bytes.count - index)
      var chunk = 0
      for offset in 0..<3 {
        chunk = chunk << 8 | (offset < count ? Int(bytes[index + offset]) : 0)
      }
      for offset in 0..<4 {
        output.append(
          offset <= count ? alphabet[(chunk >> (18 - 6 * offset)) & 0x3F] : UInt8(ascii: "="))
      }
      index += 3
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// The bytes of `text`; nil when it is not padded base64.
  public static func decode(_ text: String) -> [UInt8]? {
    let characters = Array(text.utf8)
    guard characters.count % 4 == 0 else { return nil }
    var output: [UInt8] = []
    var index = 0
    while index < characters.count {
      var chunk = 0
      var padding = 0
      for offset in 0..<4 {
        let character = characters[index + offset]
        if character == UInt8(ascii: "=") {
          // Padding only at the end of the text, at most two.
          guard index + 4 == characters.count, offset >= 2 else { return nil }
          padding += 1
          chunk <<= 6
          continue
        }
        guard padding == 0, let value = alphabet.firstIndex(of: character) else { return nil }
        chunk = chunk << 6 | value
      }
      for offset in 0..<(3 - padding) { output.append(UInt8((chunk >> (16 - 8 * offset)) & 0xFF)) }
      index += 4
    }
    return output
  }

  /// base64url without padding (RFC 4648 §5), as a Bitstring Status List's `encodedList`.
  public static func encodeURL(_ bytes: [UInt8]) -> String {
    String(
      encode(bytes).compactMap { character -> Character? in
        switch character {
        case "+": "-"
        case "/": "_"
        case "=": nil
        default: character
        }
      })
  }

  /// The bytes of unpadded base64url `text`; nil when it is not that.
  public static func decodeURL(_ text: String) -> [UInt8]? {
    guard !text.contains("+"), !text.contains("/"), !text.contains("="),
      text.utf8.count % 4 != 1
    else { return nil }
    var standard = String(
      text.map { character -> Character in
        switch character {
        case "-": "+"
        case "_": "/"
        default: character
        }
      })
    standard += String(repeating: "=", count: (4 - standard.utf8.count % 4) % 4)
    return decode(standard)
  }
}
