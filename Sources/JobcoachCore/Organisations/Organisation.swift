/// What an organisation is to the product.
public enum OrganisationKind: String, CaseIterable, Hashable, Sendable {
  /// A municipality (gemeente), a joint body (gemeenschappelijke regeling) or a joint
  /// implementing company (gezamenlijk uitvoeringsbedrijf).
  case municipality
  /// An employer (werkgever) of coached workers and of internal coaches.
  case employer
  /// A coaching organisation (jobcoachorganisatie) that employs external coaches.
  case coachingOrganisation = "coaching-organisation"
  /// A self-employed coach (zelfstandige jobcoach), who acts as their own coaching organisation.
  case selfEmployed = "self-employed"

  /// Whether UWV can recognise this kind of organisation.
  public var canHoldRecognition: Bool {
    self == .coachingOrganisation || self == .selfEmployed
  }
}

/// An organisation in the registry.
public struct Organisation: Hashable, Sendable {
  public var id: OrganisationID
  public var name: String
  public var kind: OrganisationKind
  /// UWV recognitions (erkenningen), only for coaching organisations and self-employed coaches.
  public var recognitions: [UWVRecognition]

  public init(
    id: OrganisationID, name: String, kind: OrganisationKind, recognitions: [UWVRecognition] = []
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.recognitions = recognitions
  }
}
