/// What a coach needs to check their own portfolio as the association would
/// (`jobcoach export catalogue`): the accreditation catalogue, the recognised educations and
/// the PE norms, as the documents `import` and `pe --file` read (round trip held by tests).
public enum CatalogueDocuments {
  /// One document per kind, with the file name to write it under.
  public static func documents(_ rules: RegisterRules) -> [(file: String, document: JSONValue)] {
    let accreditations = (rules.accreditations ?? [:]).values.sorted { $0.code < $1.code }
    let educations = rules.educations.values.sorted { $0.id.rawValue < $1.id.rawValue }
    return [
      ("accreditations.json", document(.accreditations, accreditations.map(\.documentJSON))),
      ("educations.json", document(.educations, educations.map(\.documentJSON))),
      ("pe-norms.json", document(.peNorms, rules.norms.versions.map(\.documentJSON))),
    ]
  }

  static func document(_ kind: DocumentKind, _ records: [JSONValue]) -> JSONValue {
    var object = JSONObject()
    object.members = [
      JSONObject.Member(key: "kind", value: .string(kind.rawValue)),
      JSONObject.Member(key: "schemaVersion", value: JSONValue(1)),
      JSONObject.Member(key: kind.recordsKey, value: .array(records)),
    ]
    return .object(object)
  }
}

/// An object of the members given, in that order, leaving out the absent ones.
private func object(_ members: [(String, JSONValue?)]) -> JSONValue {
  var object = JSONObject()
  object.members = members.compactMap { key, value in
    value.map { JSONObject.Member(key: key, value: $0) }
  }
  return .object(object)
}

extension Accreditation {
  /// The record as an `accreditations` document holds it.
  public var documentJSON: JSONValue {
    object([
      ("code", JSONValue(code)), ("title", JSONValue(title)), ("provider", JSONValue(provider)),
      ("hours", JSONValue(hours)), ("validFrom", JSONValue(validity.start)),
      ("validUntil", validity.end.map { JSONValue($0) }),
    ])
  }
}

extension RecognisedEducation {
  /// The record as an `educations` document holds it.
  public var documentJSON: JSONValue {
    object([
      ("id", JSONValue(id.rawValue)), ("title", JSONValue(title)),
      ("provider", JSONValue(provider)), ("recognisedFrom", JSONValue(recognition.start)),
      ("recognisedUntil", recognition.end.map { JSONValue($0) }),
    ])
  }
}

extension PENorm {
  /// The record as a `pe-norms` document holds it.
  public var documentJSON: JSONValue {
    object([
      ("name", JSONValue(name)), ("effectiveFrom", JSONValue(effectiveFrom)),
      ("cycleYears", JSONValue(cycleYears)), ("totalHours", JSONValue(totalHours)),
      ("minimumAccreditedHours", JSONValue(minimumAccredited)),
      ("maximumFreeHours", JSONValue(maximumFree)),
      ("practiceHours", practiceHours.map { JSONValue($0) }),
      ("selection", JSONValue(selection.rawValue)),
    ])
  }
}
