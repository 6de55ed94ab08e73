/// The kinds of document `jobcoach import` reads. Each document names its kind and schema
/// version; its records sit under the member named like the kind.
public enum DocumentKind: String, CaseIterable, Hashable, Sendable {
  case organisations
  case coaches
  case placements
  case policies
  /// The association's list of recognised jobcoach educations (R-ADM-1).
  case educations
  /// The accreditation catalogue of PE activities (R-PE-2).
  case accreditations
  /// The register's PE norms, by effective date (R-PE-1..3).
  case peNorms = "pe-norms"
  /// Coaches' portfolios: diplomas, experience hours, PE activities.
  case portfolios
  /// Register memberships: number, admission, status history, assessments.
  case memberships
  /// Coaches' hour bookings on placements (P-2).
  case hourBookings = "hour-bookings"
  /// The association's published register (`jobcoach export public`), as a municipality
  /// imports it; it replaces the one imported before.
  case publicRegister = "public-register"

  /// The member that holds the records.
  public var recordsKey: String {
    switch self {
    case .peNorms: "norms"
    case .hourBookings: "bookings"
    case .publicRegister: "entries"
    default: rawValue
    }
  }

  /// The schema versions this build reads.
  public var supportedSchemaVersions: ClosedRange<Int> { 1...1 }

  /// The schema file in `Schemas/` that describes this kind.
  public var schemaFileName: String { "\(rawValue).schema.json" }
}

/// A record and where it came from, so later checks can point at it.
public struct Located<Value: Sendable>: Sendable {
  public var value: Value
  public var file: String
  public var pointer: JSONPointer

  public init(_ value: Value, file: String, pointer: JSONPointer) {
    self.value = value
    self.file = file
    self.pointer = pointer
  }
}

extension Located: Equatable where Value: Equatable {}

/// Everything one import reads, from any number of documents.
public struct ImportBatch: Sendable {
  public var organisations: [Located<Organisation>] = []
  public var coaches: [Located<Coach>] = []
  public var placements: [Located<Placement>] = []
  public var policies: [Located<MunicipalPolicy>] = []
  public var educations: [Located<RecognisedEducation>] = []
  public var accreditations: [Located<Accreditation>] = []
  public var norms: [Located<PENorm>] = []
  public var portfolios: [Located<Portfolio>] = []
  public var memberships: [Located<Membership>] = []
  public var bookings: [Located<HourBooking>] = []
  public var publicRegisters: [Located<PublicRegister>] = []
  /// The files read, in order.
  public var files: [String] = []
  /// The kind each file declared, for the files whose kind could be read.
  public var fileKinds: [String: DocumentKind] = [:]
  /// The SHA-256 of each file's bytes, for the audit trail.
  public var fileHashes: [String: String] = [:]

  public init() {}

  public var recordCount: Int {
    organisations.count + coaches.count + placements.count + policies.count + educations.count
      + accreditations.count + norms.count + portfolios.count + memberships.count + bookings.count
      + publicRegisters.reduce(0) { $0 + $1.value.entries.count }
  }

  /// Reads one document's bytes into the batch. Reports every problem to `log`; records with
  /// problems are not added.
  public mutating func read(_ bytes: [UInt8], file: String, log: ProblemLog) {
    files.append(file)
    fileHashes[file] = SHA256.hex(bytes)
    let context = DecodingContext(file: file, log: log)
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      log.report(
        DocumentProblem(
          file: file, place: .text(line: error.line, column: error.column),
          message: "not valid JSON: \(error.message)"))
      return
    }
    guard var fields = ObjectFields(root, at: .root, in: context) else { return }
    fields.allow("$schema")
    let kinds = DocumentKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    guard case .string(let kindText)? = fields.object["kind"] else {
      fields.report(
        fields.object["kind"] == nil ? nil : "kind",
        fields.object["kind"] == nil
          ? "missing required field 'kind' (one of \(kinds))" : "expected one of \(kinds)")
      return
    }
    fields.allow("kind")
    guard let kind = DocumentKind(rawValue: kindText) else {
      fields.report(
        "kind", "this is not a document jobcoach imports; 'kind' must be one of \(kinds)")
      return
    }
    fileKinds[file] = kind
    guard let version = fields.required("schemaVersion", as: Int.self) else { return }
    guard kind.supportedSchemaVersions.contains(version) else {
      fields.report(
        "schemaVersion",
        "schema version \(version) of '\(kind.rawValue)' documents is not known to this jobcoach "
          + "(it reads \(kind.supportedSchemaVersions.map(String.init).joined(separator: ", ")))")
      return
    }
    switch kind {
    case .organisations: readRecords(&fields, kind, into: &organisations)
    case .coaches: readRecords(&fields, kind, into: &coaches)
    case .placements: readRecords(&fields, kind, into: &placements)
    case .policies: readRecords(&fields, kind, into: &policies)
    case .educations: readRecords(&fields, kind, into: &educations)
    case .accreditations: readRecords(&fields, kind, into: &accreditations)
    case .peNorms: readRecords(&fields, kind, into: &norms)
    case .portfolios: readRecords(&fields, kind, into: &portfolios)
    case .memberships: readRecords(&fields, kind, into: &memberships)
    case .hourBookings: readRecords(&fields, kind, into: &bookings)
    case .publicRegister:
      let register = fields.required("register", as: String.self)
      let publishedOn = fields.required("publishedOn", as: CalendarDate.self)
      var entries: [Located<PublicRegisterEntry>] = []
      let before = log.count
      readRecords(&fields, kind, into: &entries)
      if let register, let publishedOn, log.count == before {
        publicRegisters.append(
          Located(
            PublicRegister(
              register: register, publishedOn: publishedOn, entries: entries.map(\.value)),
            file: file, pointer: .root))
      }
    }
    fields.rejectUnknownFields()
  }

  private func readRecords<Record: JSONField & Sendable>(
    _ fields: inout ObjectFields, _ kind: DocumentKind, into records: inout [Located<Record>]
  ) {
    let key = kind.recordsKey
    fields.allow(key)
    guard let value = fields.object[key] else {
      fields.report(nil, "missing required field '\(key)'")
      return
    }
    guard case .array(let elements) = value else {
      fields.report(key, "expected an array, found \(value.typeName)")
      return
    }
    let base = JSONPointer.root.appending(key)
    for (index, element) in elements.enumerated() {
      let pointer = base.appending(index)
      if let record = Record.decode(element, at: pointer, in: fields.context) {
        records.append(Located(record, file: fields.context.file, pointer: pointer))
      }
    }
  }
}
