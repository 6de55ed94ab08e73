/// A reference to the document that proves a fact (bewijsstuk): its id and who issued it.
public struct EvidenceReference: Hashable, Sendable {
  public var documentID: String
  public var issuer: String

  public init(documentID: String, issuer: String) {
    self.documentID = documentID
    self.issuer = issuer
  }
}
