internal import CCrypto

/// Why a key or signature could not be made or read.
public enum TrustError: Error, Hashable, Sendable {
  /// The key file is not an Ed25519 private key in PKCS #8 PEM (what `keys generate` writes).
  case notAnEd25519PrivateKey
  /// A `did:key` that is not an Ed25519 public key in base58btc.
  case notAnEd25519DIDKey(String)
  /// libcrypto refused (should not happen with a valid key); the operation named.
  case cryptoFailed(String)
}

/// An Ed25519 public key (RFC 8032): 32 bytes, named by its `did:key`.
public struct PublicKey: Hashable, Sendable {
  public let bytes: [UInt8]

  public init?(bytes: [UInt8]) {
    guard bytes.count == 32 else { return nil }
    self.bytes = bytes
  }

  /// The multicodec prefix of an Ed25519 public key (0xed, as an unsigned varint).
  static let multicodec: [UInt8] = [0xED, 0x01]

  /// `did:key:z6Mk...`: the key in base58btc after its multicodec prefix (did:key method).
  public var did: String { "did:key:" + Multibase.base58btc(Self.multicodec + bytes) }

  /// The verification method a proof names: the DID and, after `#`, its key's fragment.
  public var verificationMethod: String {
    let did = self.did
    return did + "#" + did.dropFirst("did:key:".count)
  }

  /// The key a `did:key` names (a verification method's fragment is allowed and ignored).
  public init(did text: String) throws(TrustError) {
    let did = text.split(separator: "#", maxSplits: 1).first.map(String.init) ?? text
    guard did.hasPrefix("did:key:"),
      let decoded = Multibase.decodeBase58btc(String(did.dropFirst("did:key:".count))),
      decoded.count == 34, Array(decoded.prefix(2)) == Self.multicodec,
      let key = PublicKey(bytes: Array(decoded.dropFirst(2)))
    else { throw .notAnEd25519DIDKey(text) }
    self = key
  }

  /// Whether `signature` is this key's Ed25519 signature of `message`.
  public func verifies(_ signature: [UInt8], for message: [UInt8]) -> Bool {
    guard signature.count == 64,
      let key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, bytes, bytes.count)
    else { return false }
    defer { EVP_PKEY_free(key) }
    guard let context = EVP_MD_CTX_new() else { return false }
    defer { EVP_MD_CTX_free(context) }
    guard EVP_DigestVerifyInit(context, nil, nil, nil, key) == 1 else { return false }
    return EVP_DigestVerify(context, signature, signature.count, message, message.count) == 1
  }
}

/// An Ed25519 private key: its 32-byte seed and the public key it gives. Never printed,
/// never stored in the registry; it lives in a file of mode 0600 that `keys generate` writes.
public struct SigningKey: Sendable {
  let seed: [UInt8]
  public let publicKey: PublicKey

  /// The key of a 32-byte seed (RFC 8032's private key).
  public init(seed: [UInt8]) throws(TrustError) {
    guard seed.count == 32 else { throw .notAnEd25519PrivateKey }
    guard let key = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, seed.count) else {
      throw .cryptoFailed("EVP_PKEY_new_raw_private_key")
    }
    defer { EVP_PKEY_free(key) }
    var bytes = [UInt8](repeating: 0, count: 32)
    var count = bytes.count
    guard EVP_PKEY_get_raw_public_key(key, &bytes, &count) == 1, count == 32,
      let publicKey = PublicKey(bytes: bytes)
    else { throw .cryptoFailed("EVP_PKEY_get_raw_public_key") }
    self.seed = seed
    self.publicKey = publicKey
  }

  /// A new key from the system's random source (through libcrypto's RAND_bytes).
  public static func generate() throws(TrustError) -> SigningKey {
    try SigningKey(seed: try RandomBytes.make(32))
  }

  /// The Ed25519 signature of `message` (64 bytes; deterministic, RFC 8032).
  public func sign(_ message: [UInt8]) throws(TrustError) -> [UInt8] {
    guard let key = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, seed.count) else {
      throw .cryptoFailed("EVP_PKEY_new_raw_private_key")
    }
    defer { EVP_PKEY_free(key) }
    guard let context = EVP_MD_CTX_new() else { throw .cryptoFailed("EVP_MD_CTX_new") }
    defer { EVP_MD_CTX_free(context) }
    var signature = [UInt8](repeating: 0, count: 64)
    var count = signature.count
    guard EVP_DigestSignInit(context, nil, nil, nil, key) == 1,
      EVP_DigestSign(context, &signature, &count, message, message.count) == 1, count == 64
    else { throw .cryptoFailed("EVP_DigestSign") }
    return signature
  }

  // MARK: The key file

  /// PKCS #8's DER for an Ed25519 private key (RFC 8410), up to the 32 bytes of the seed.
  static let pkcs8Prefix: [UInt8] = [
    0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
  ]

  /// The key as a PKCS #8 PEM file, as OpenSSL and Python's `cryptography` read it.
  public var pem: String {
    let body = Base64.encode(Self.pkcs8Prefix + seed)
    var lines = "-----BEGIN PRIVATE KEY-----\n"
    var start = body.startIndex
    while start < body.endIndex {
      let end = body.index(start, offsetBy: 64, limitedBy: body.endIndex) ?? body.endIndex
      lines += body[start..<end] + "\n"
      start = end
    }
    return lines + "-----END PRIVATE KEY-----\n"
  }

  /// The key in a PKCS #8 PEM file (`pem`).
  public init(pem text: String) throws(TrustError) {
    // "\r\n" and a lone "\r" are line ends too, so only spaces and tabs are left to trim.
    let lines = text.split(whereSeparator: \.isNewline).map { String($0).trimmingSpaces }
    guard let begin = lines.firstIndex(of: "-----BEGIN PRIVATE KEY-----"),
      let end = lines.firstIndex(of: "-----END PRIVATE KEY-----"), begin < end,
      let der = Base64.decode(lines[(begin + 1)..<end].joined()),
      der.count == 48, Array(der.prefix(16)) == Self.pkcs8Prefix
    else { throw .notAnEd25519PrivateKey }
    try self.init(seed: Array(der.dropFirst(16)))
  }
}

