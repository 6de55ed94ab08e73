internal import CCrypto

/// SHA-256 (FIPS 180-4), for the audit trail's hash chain, imported documents' hashes and the
/// statements' pseudonyms: OpenSSL's libcrypto, which takes the processor's SHA instructions
/// where it has them. Tested against the NIST vectors.
///
/// A value: a copy taken part-way goes on by itself (the context is copied when shared).
public struct SHA256: @unchecked Sendable {
  /// One libcrypto digest context, owned by one hasher at a time.
  private final class Context {
    let pointer: OpaquePointer

    init() {
      // Out of memory is the only way these fail; nothing could go on without a hash.
      guard let pointer = EVP_MD_CTX_new(), EVP_DigestInit_ex(pointer, SHA256.digest, nil) == 1
      else { fatalError("libcrypto: SHA-256 could not start") }
      self.pointer = pointer
    }

    init(copying other: Context) {
      guard let pointer = EVP_MD_CTX_new(), EVP_MD_CTX_copy_ex(pointer, other.pointer) == 1
      else { fatalError("libcrypto: SHA-256 could not be copied") }
      self.pointer = pointer
    }

    deinit { EVP_MD_CTX_free(pointer) }
  }

  /// The algorithm, fetched once: fetching it by name for each hasher would cost more than
  /// hashing a short text.
  nonisolated(unsafe) private static let digest: OpaquePointer? = EVP_MD_fetch(nil, "SHA256", nil)

  private var context: Context?

  public init() {}

  /// The digest of `bytes`, as 64 lowercase hex digits.
  public static func hex(_ bytes: some Sequence<UInt8>) -> String {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalizeHex()
  }

  public static func hex(_ text: String) -> String { hex(text.utf8) }

  public mutating func update(_ bytes: some Sequence<UInt8>) {
    let handled: Void? = bytes.withContiguousStorageIfAvailable {
      update(UnsafeRawBufferPointer($0))
    }
    if handled == nil { Array(bytes).withUnsafeBytes { update($0) } }
  }

  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    let context = ownContext()
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    guard EVP_DigestUpdate(context.pointer, base, bytes.count) == 1 else {
      fatalError("libcrypto: SHA-256 update failed")
    }
  }

  /// The digest of everything given; the hasher starts again empty.
  public mutating func finalize() -> [UInt8] {
    let context = ownContext()
    var digest = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    guard EVP_DigestFinal_ex(context.pointer, &digest, &length) == 1, length == 32 else {
      fatalError("libcrypto: SHA-256 could not finish")
    }
    self.context = nil
    return digest
  }

  public mutating func finalizeHex() -> String { Hex.lowercase(finalize()) }

  /// The context this hasher alone holds: started on first use, copied when a copy of the
  /// hasher shares it.
  private mutating func ownContext() -> Context {
    guard let held = context else {
      let fresh = Context()
      context = fresh
      return fresh
    }
    if isKnownUniquelyReferenced(&context!) { return held }
    let copy = Context(copying: held)
    context = copy
    return copy
  }
}
