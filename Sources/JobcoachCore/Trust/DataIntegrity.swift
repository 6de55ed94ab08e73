/// A W3C Data Integrity proof of cryptosuite `eddsa-jcs-2022` (Data Integrity EdDSA
/// Cryptosuites v1.0, §3.3): the document without its proof and the proof's options are each
/// canonicalized with JCS (RFC 8785) and hashed with SHA-256; Ed25519 signs the options' hash
/// followed by the document's; the signature is the proof's `proofValue` in base58btc.
public enum DataIntegrity {
  public static let proofType = "DataIntegrityProof"
  public static let cryptosuite = "eddsa-jcs-2022"

  /// Why a document's proof does not hold.
  public enum Failure: Error, Hashable, Sendable {
    case noProof
    /// A proof of another type or cryptosuite, or one without what it needs.
    case unsupportedProof
    case badVerificationMethod(String)
    case badProofValue
    /// The proof's `@context` is not how the document's starts.
    case contextMismatch
    /// The signature is not the key's over this document: altered, or signed by another key.
    case signatureInvalid
    case notCanonical(CanonicalJSON.Problem)
  }

  /// `document` (an object without `proof`) with a proof by `key`.
  public static func sign(
    _ document: JSONObject, with key: SigningKey, proofPurpose: String = "assertionMethod"
  ) throws -> JSONObject {
    var options: JSONObject = [
      "type": .string(proofType),
      "cryptosuite": .string(cryptosuite),
      "verificationMethod": .string(key.publicKey.verificationMethod),
      "proofPurpose": .string(proofPurpose),
    ]
    let signature = try key.sign(try hashData(document, options: options))
    options.members.append(.init(key: "proofValue", value: .string(Multibase.base58btc(signature))))
    var secured = document
    secured.members.removeAll { $0.key == "proof" }
    secured.members.append(.init(key: "proof", value: .object(options)))
    return secured
  }

  /// The key whose proof `document` carries, when the proof holds.
  public static func verify(_ document: JSONObject) -> Result<PublicKey, Failure> {
    guard case .object(var proof)? = document["proof"] else { return .failure(.noProof) }
    guard proof["type"] == .string(proofType), proof["cryptosuite"] == .string(cryptosuite),
      case .string(let method)? = proof["verificationMethod"]
    else { return .failure(.unsupportedProof) }
    guard case .string(let value)? = proof["proofValue"],
      let signature = Multibase.decodeBase58btc(value), signature.count == 64
    else { return .failure(.badProofValue) }
    let key: PublicKey
    do { key = try PublicKey(did: method) } catch { return .failure(.badVerificationMethod(method)) }
    proof.members.removeAll { $0.key == "proofValue" }
    var unsecured = document
    unsecured.members.removeAll { $0.key == "proof" }
    // §3.3.2: a proof that names a context must name how the document's begins; the
    // document is then verified with the proof's context.
    if let named = proof["@context"] {
      let own = unsecured["@context"]
      switch (named, own) {
      case (.array(let prefix), .array(let values)?) where values.starts(with: prefix): break
      case (.string, .array(let values)?) where values.first == named: break
      case (_, let own?) where own == named: break
      default: return .failure(.contextMismatch)
      }
      unsecured.members.removeAll { $0.key == "@context" }
      unsecured.members.insert(.init(key: "@context", value: named), at: 0)
    }
    let data: [UInt8]
    do { data = try hashData(unsecured, options: proof) } catch let problem {
      return .failure(.notCanonical(problem))
    }
    return key.verifies(signature, for: data) ? .success(key) : .failure(.signatureInvalid)
  }

  /// Who issued `document`, by its proof: the key that signed it, which must be the one its
  /// `issuer` names (a statement, a status list and a signed register all say so alike).
  public enum IssuedBy: Hashable, Sendable {
    /// The proof holds and is by the issuer's key (its did:key).
    case issuer(String)
    case proof(Failure)
    /// The proof holds, but by another key than the `issuer` named ("" when none is named).
    case notTheIssuer(issuer: String, signer: String)
  }

  /// Whether `document`'s proof holds and is by the key its `issuer` names.
  public static func issuer(of document: JSONObject) -> IssuedBy {
    switch verify(document) {
    case .failure(let failure): return .proof(failure)
    case .success(let signer):
      var named = ""
      if case .string(let issuer)? = document["issuer"] { named = issuer }
      return named == signer.did ? .issuer(named) : .notTheIssuer(issuer: named, signer: signer.did)
    }
  }

  /// SHA-256 of the canonical proof configuration (the options with the document's
  /// `@context`), then SHA-256 of the canonical document.
  static func hashData(_ document: JSONObject, options: JSONObject) throws(CanonicalJSON.Problem)
    -> [UInt8]
  {
    var configuration = options
    configuration.members.removeAll { $0.key == "@context" }
    if let context = document["@context"] {
      configuration.members.append(.init(key: "@context", value: context))
    }
    var configurationHash = SHA256()
    configurationHash.update(try CanonicalJSON.bytes(.object(configuration)))
    var documentHash = SHA256()
    documentHash.update(try CanonicalJSON.bytes(.object(document)))
    return configurationHash.finalize() + documentHash.finalize()
  }
}
