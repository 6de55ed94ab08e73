internal import CZlib

/// A W3C Bitstring Status List (v1.0): one bit for each statement an issuer signed, set when
/// the association withdrew the statement (`jobcoach statement revoke`). Index 0 is the first
/// byte's highest bit. The list has the specification's minimum of 131,072 bits (16 KB), so a
/// statement's place in it says little about when it was issued; `encodedList` is the
/// multibase base64url (prefix `u`) of its GZIP compression.
public struct BitstringStatusList: Hashable, Sendable {
  public static let minimumBits = 131_072
  /// A list of more than this (1 MB uncompressed) is refused: a small file must not unpack
  /// into a large one.
  static let maximumBytes = 1 << 20

  public private(set) var bytes: [UInt8]

  public init() { bytes = [UInt8](repeating: 0, count: Self.minimumBits / 8) }

  public var count: Int { bytes.count * 8 }

  public func isSet(_ index: Int) -> Bool {
    bytes[index / 8] & (0x80 >> UInt8(index % 8)) != 0
  }

  public mutating func set(_ index: Int) {
    bytes[index / 8] |= 0x80 >> UInt8(index % 8)
  }

  public var encodedList: String { "u" + Base64.encodeURL(Gzip.compress(bytes)) }

  /// The list an `encodedList` holds; nil when it is not one (not multibase base64url, not
  /// GZIP, smaller than the minimum or larger than 1 MB).
  public init?(encodedList: String) {
    guard encodedList.hasPrefix("u"), let compressed = Base64.decodeURL(String(encodedList.dropFirst())),
      let bytes = Gzip.decompress(compressed, limit: Self.maximumBytes),
      bytes.count * 8 >= Self.minimumBits
    else { return nil }
    self.bytes = bytes
  }

  /// A random index below `count` that `taken` does not hold: the spec asks for indexes in no
  /// telling order. Nil when the list is full.
  public static func freeIndex(count: Int = minimumBits, taken: (Int) -> Bool) -> Int? {
    for _ in 0..<64 {
      guard let bytes = try? RandomBytes.make(4) else { break }
      let random = bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
      let index = Int(random % UInt32(count))
      if !taken(index) { return index }
    }
    // Nearly full (or no random bytes): the first free one.
    return (0..<count).first { !taken($0) }
  }
}

/// GZIP (RFC 1952) through zlib.
enum Gzip {
  static func compress(_ bytes: [UInt8]) -> [UInt8] {
    var stream = z_stream()
    // windowBits 15 + 16: a GZIP wrapper, not zlib's own.
    guard
      deflateInit2_(
        &stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
        Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { fatalError("zlib: deflateInit2 failed") }
    defer { deflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 32)
    var input = bytes
    let result = input.withUnsafeMutableBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        stream.next_in = source.baseAddress
        stream.avail_in = UInt32(source.count)
        stream.next_out = target.baseAddress
        stream.avail_out = UInt32(target.count)
        return deflate(&stream, Z_FINISH)
      }
    }
    guard result == Z_STREAM_END else { fatalError("zlib: deflate did not finish") }
    return Array(output[0..<Int(stream.total_out)])
  }

  /// The bytes `compressed` holds, or nil when it is not GZIP or would unpack to more than
  /// `limit` bytes.
  static func decompress(_ compressed: [UInt8], limit: Int) -> [UInt8]? {
    var stream = z_stream()
    guard
      inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { return nil }
    defer { inflateEnd(&stream) }
    var input = compressed
    var output: [UInt8] = []
    var piece = [UInt8](repeating: 0, count: 64 << 10)
    return input.withUnsafeMutableBufferPointer { source -> [UInt8]? in
      stream.next_in = source.baseAddress
      stream.avail_in = UInt32(source.count)
      while true {
        let (result, produced) = piece.withUnsafeMutableBufferPointer { target in
          stream.next_out = target.baseAddress
          stream.avail_out = UInt32(target.count)
          let result = inflate(&stream, Z_NO_FLUSH)
          return (result, target.count - Int(stream.avail_out))
        }
        output += piece[0..<produced]
        guard output.count <= limit else { return nil }
        switch result {
        case Z_STREAM_END: return stream.avail_in == 0 ? output : nil
        case Z_OK: if produced == 0 && stream.avail_in == 0 { return nil }
        default: return nil
        }
      }
    }
  }
}

/// The revocation list an issuer publishes in its signed register, as a credential of its own
/// (a `BitstringStatusListCredential`), and the entry a statement carries to point into it.
public enum StatusListCredential {
  public static let credentialType = "BitstringStatusListCredential"

  /// The list's id: one list per issuer, named by its key (the first 16 bytes of the SHA-256 of
  /// its did, in the letters `a` to `p`: a hex digest can hold a nine-digit run that looks like
  /// a citizen service number, and the registry would then refuse its own register).
  public static func id(of issuer: PublicKey) -> String { id(ofDID: issuer.did) }

  static func id(ofDID did: String) -> String {
    var hasher = SHA256()
    hasher.update(did.utf8)
    return idPrefix + Hex.letters(hasher.finalize().prefix(16))
  }

  /// The name the list had before 2026-12 (the same digest in hex digits), which statements
  /// issued until then carry: they still name their issuer's list.
  static func earlierID(ofDID did: String) -> String {
    idPrefix + String(SHA256.hex(did).prefix(32))
  }

  private static let idPrefix = "urn:jobcoach:status-list:"

  /// The list of `key`'s issuer on `date`, signed by `key`: what a signed public register
  /// carries and what the web's statement check reads for the registry's own statements.
  public static func signed(_ list: BitstringStatusList, by key: SigningKey, on date: CalendarDate)
    throws -> JSONObject
  {
    try DataIntegrity.sign(credential(list, issuer: key.publicKey, on: date), with: key)
  }

  /// The list of `issuer` on `date` (unsigned: `DataIntegrity.sign` adds the proof).
  public static func credential(
    _ list: BitstringStatusList, issuer: PublicKey, on date: CalendarDate
  ) -> JSONObject {
    let id = id(of: issuer)
    return [
      "@context": VerificationStatement.context,
      "id": .string(id),
      "type": .array([.string("VerifiableCredential"), .string(credentialType)]),
      "issuer": .string(issuer.did),
      "validFrom": .string(AmsterdamTime.startOfDay(date)),
      "credentialSubject": .object([
        "id": .string(id + "#list"),
        "type": .string("BitstringStatusList"),
        "statusPurpose": .string("revocation"),
        "encodedList": .string(list.encodedList),
      ]),
    ]
  }

  /// A statement's `credentialStatus`: its place in the list of its issuer.
  public static func entry(index: Int, issuer: PublicKey) -> JSONObject {
    let list = id(of: issuer)
    return [
      "id": .string(list + "#" + String(index)),
      "type": .string("BitstringStatusListEntry"),
      "statusPurpose": .string("revocation"),
      "statusListIndex": .string(String(index)),
      "statusListCredential": .string(list),
    ]
  }

  /// Why a status list cannot answer for a statement.
  public enum Problem: Error, Hashable, Sendable {
    /// Not a status list credential with an `encodedList` this reads.
    case notAList
    /// The list of another issuer, or another list than the statement names.
    case otherList(String)
    case proof(DataIntegrity.Failure)
    /// The statement's index is not in the list.
    case indexOutOfRange(Int)
  }

  /// Whether the statement at `index` in the list `listID` is revoked, by `credential` (which
  /// must be that list, signed by `issuer`).
  public static func isRevoked(
    index: Int, listID: String, issuer: String, in credential: JSONValue
  ) -> Result<Bool, Problem> {
    guard case .object(let object) = credential,
      case .array(let types)? = object["type"], types.contains(.string(credentialType)),
      case .object(let subject)? = object["credentialSubject"],
      subject["statusPurpose"] == .string("revocation"),
      case .string(let encoded)? = subject["encodedList"],
      let list = BitstringStatusList(encodedList: encoded)
    else { return .failure(.notAList) }
    guard case .string(let id)? = object["id"],
      id == listID || (id == Self.id(ofDID: issuer) && listID == earlierID(ofDID: issuer))
    else {
      if case .string(let id)? = object["id"] { return .failure(.otherList(id)) }
      return .failure(.notAList)
    }
    switch DataIntegrity.issuer(of: object) {
    case .proof(let failure): return .failure(.proof(failure))
    case .notTheIssuer: return .failure(.otherList(id))
    case .issuer(let signer): guard signer == issuer else { return .failure(.otherList(id)) }
    }
    guard index >= 0 && index < list.count else { return .failure(.indexOutOfRange(index)) }
    return .success(list.isSet(index))
  }
}
