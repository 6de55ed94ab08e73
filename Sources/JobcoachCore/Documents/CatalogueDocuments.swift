/// What a coach needs to check their own portfolio as the association would
/// (`jobcoach export catalogue`): the accreditation catalogue, the recognised educations and
/// the registers with their PE norms, as the documents `import` and `pe --file` read (round
/// trip held by tests).
public enum CatalogueDocuments {
  /// One document per kind, with the file name to write it under.
  public static func documents(
    registers: [Register], educations: [EducationID: RecognisedEducation],
    accreditations: [String: Accreditation]?
  ) -> [(file: String, document: JSONValue)] {
    let accreditations = (accreditations ?? [:]).values.sorted { $0.code < $1.code }
    let educations = educations.values.sorted { $0.id.rawValue < $1.id.rawValue }
    return [
      ("accreditations.json", document(.accreditations, accreditations.map(\.documentJSON))),
      ("educations.json", document(.educations, educations.map(\.documentJSON))),
      ("registers.json", document(.registers, registers.map(\.documentJSON))),
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

extension Register {
  /// The record as a `registers` document holds it, its norms inside.
  public var documentJSON: JSONValue {
    object([
      ("id", JSONValue(id.rawValue)), ("name", JSONValue(name)),
      ("admissionHours", JSONValue(admissionHours)),
      (
        "accreditedDiplomaAdmission",
        diplomaAdmission.map {
          object([
            ("hours", JSONValue($0.hours)),
            ("educations", .array($0.educations.map { JSONValue($0.rawValue) })),
          ])
        }
      ),
      (
        "recognisedEducations",
        recognisedEducations.map { .array($0.map { JSONValue($0.rawValue) }) }
      ),
      ("renewalWindowMonths", JSONValue(renewal.windowMonths)),
      ("gracePeriodMonths", JSONValue(renewal.graceMonths)),
      ("norms", .array(norms.versions.map { $0.documentJSON(inRegister: true) })),
    ])
  }
}

extension PENorm {
  /// The record as a `pe-norms` document holds it (naming its register unless it is the
  /// seed's), or, `inRegister`, as a `registers` document holds it inside its register.
  public func documentJSON(inRegister: Bool = false) -> JSONValue {
    object([
      ("register", inRegister || register == .seedDefault ? nil : JSONValue(register.rawValue)),
      ("name", JSONValue(name)), ("effectiveFrom", JSONValue(effectiveFrom)),
      ("cycleYears", JSONValue(cycleYears)), ("totalHours", JSONValue(totalHours)),
      ("minimumAccreditedHours", JSONValue(minimumAccredited)),
      ("maximumFreeHours", JSONValue(maximumFree)),
      ("practiceHours", practiceHours.map { JSONValue($0) }),
      ("selection", JSONValue(selection.rawValue)),
    ])
  }
}
