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
  /// The registers: admission hours, recognised educations, norms, renewal terms (R-REG-1).
  case registers
  /// A register's PE norms, by effective date (R-PE-1..3).
  case peNorms = "pe-norms"
  /// Coaches' portfolios: diplomas, experience hours, PE activities.
  case portfolios
  /// Register memberships: number, admission, status history, assessments.
  case memberships
  /// Coaches' hour bookings on placements (P-2).
  case hourBookings = "hour-bookings"
  /// The funder's decisions on held hours (F-7).
  case funderDecisions = "funder-decisions"
  /// The association's published register (`jobcoach export public`), as a municipality
  /// imports it; it replaces the one imported before.
  case publicRegister = "public-register"

  /// The member that holds the records.
  public var recordsKey: String {
    switch self {
    case .peNorms: "norms"
    case .hourBookings: "bookings"
    case .funderDecisions: "decisions"
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
  public var place: RecordPlace

  public init(_ value: Value, file: String, pointer: JSONPointer) {
    self.init(value, file: file, place: .pointer(pointer))
  }

  public init(_ value: Value, file: String, place: RecordPlace) {
    self.value = value
    self.file = file
    self.place = place
  }

  /// The place in its JSON document (the root for a table's row).
  public var pointer: JSONPointer {
    if case .pointer(let pointer) = place { return pointer }
    return .root
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
  public var registers: [Located<Register>] = []
  public var portfolios: [Located<Portfolio>] = []
  public var memberships: [Located<Membership>] = []
  public var bookings: [Located<HourBooking>] = []
  /// PE activities and experience read from tables, for the portfolios of the coaches named.
  public var listedActivities: [Located<ListedActivity>] = []
  public var listedExperience: [Located<ListedExperience>] = []
  public var decisions: [Located<FunderDecision>] = []
  public var publicRegisters: [Located<PublicRegister>] = []
  /// The files read, in order.
  public var files: [String] = []
  /// The kind each file declared, for the files whose kind could be read.
  public var fileKinds: [String: DocumentKind] = [:]
  /// The kind of each CSV table read.
  public var tableKinds: [String: TableKind] = [:]
  /// The SHA-256 of each file's bytes, for the audit trail.
  public var fileHashes: [String: String] = [:]

  public init() {}

  public var recordCount: Int {
    organisations.count + coaches.count + placements.count + policies.count + educations.count
      + accreditations.count + norms.count + registers.count + portfolios.count + memberships.count
      + bookings.count + listedActivities.count + listedExperience.count + decisions.count
      + publicRegisters.reduce(0) { $0 + $1.value.entries.count }
  }

  /// Reads one document's bytes into the batch. Reports every problem to `log`; records with
  /// problems are not added.
  public mutating func read(_ bytes: [UInt8], file: String, log: ProblemLog) {
    var reader = DocumentReader(source: ByteArraySource(bytes), file: file, log: log)
    read(&reader)
  }

  /// Reads one document from `reader` into the batch.
  public mutating func read<Source: ByteSource>(_ reader: inout DocumentReader<Source>) {
    let file = reader.file
    files.append(file)
    let info = reader.read { record, pointer in add(record, file: file, pointer: pointer) }
    fileHashes[file] = info.sha256
    if let kind = info.kind { fileKinds[file] = kind }
  }

  /// Adds one record read from `file` at `pointer`.
  public mutating func add(_ record: ImportRecord, file: String, pointer: JSONPointer) {
    add(record, file: file, place: .pointer(pointer))
  }

  /// Adds one record read from `file` at `place`.
  public mutating func add(_ record: ImportRecord, file: String, place: RecordPlace) {
    switch record {
    case .organisation(let value): organisations.append(Located(value, file: file, place: place))
    case .coach(let value): coaches.append(Located(value, file: file, place: place))
    case .placement(let value): placements.append(Located(value, file: file, place: place))
    case .policy(let value): policies.append(Located(value, file: file, place: place))
    case .education(let value): educations.append(Located(value, file: file, place: place))
    case .accreditation(let value): accreditations.append(Located(value, file: file, place: place))
    case .norm(let value): norms.append(Located(value, file: file, place: place))
    case .register(let value): registers.append(Located(value, file: file, place: place))
    case .portfolio(let value): portfolios.append(Located(value, file: file, place: place))
    case .membership(let value): memberships.append(Located(value, file: file, place: place))
    case .booking(let value): bookings.append(Located(value, file: file, place: place))
    case .listedActivity(let value):
      listedActivities.append(Located(value, file: file, place: place))
    case .listedActivities(let run):
      for index in run.activities.indices {
        listedActivities.append(Located(run.listed(at: index), file: file, place: run.place(at: index)))
      }
    case .listedExperience(let value):
      listedExperience.append(Located(value, file: file, place: place))
    case .decision(let value): decisions.append(Located(value, file: file, place: place))
    case .publicRegister(let value):
      publicRegisters.append(Located(value, file: file, place: place))
    }
  }

  /// Who holds each register number, by register, as the batch's memberships say.
  public var registerNumberHolders: [RegisterID: [String: CoachID]] {
    var holders: [RegisterID: [String: CoachID]] = [:]
    for membership in memberships {
      holders[membership.value.register, default: [:]][membership.value.registerNumber] =
        membership.value.coach
    }
    return holders
  }

  /// The listed activities whose id the coach's portfolio document in this batch gives too:
  /// one activity, two sources (an import refuses the same; `ImportSession`). Coaches named by
  /// register number are found through the batch's memberships.
  public func activitiesGivenTwice() -> [DocumentProblem] {
    var held: [CoachID: Set<ActivityID>] = [:]
    for portfolio in portfolios {
      held[portfolio.value.coach, default: []].formUnion(portfolio.value.activities.map(\.id))
    }
    let holders = registerNumberHolders
    return listedActivities.compactMap { listed in
      guard let coach = listed.value.coach.coach({ holders[$1]?[$0] }),
        held[coach]?.contains(listed.value.activity.id) == true
      else { return nil }
      return DocumentProblem(
        file: listed.file,
        place: listed.place.appending(listed.value.attendance ? "list" : "id").problemPlace,
        reason: .activityGivenTwice(listed.value.activity.id, coach: coach, inPortfolio: true))
    }
  }

  /// Reads one CSV table's bytes into the batch (its kind from its header, or `kind`).
  public mutating func readTable(
    _ bytes: [UInt8], file: String, kind: TableKind? = nil, log: ProblemLog
  ) {
    files.append(file)
    let info = TableReader.read(ByteArraySource(bytes), file: file, kind: kind, log: log) {
      record, place in add(record, file: file, place: place)
    }
    fileHashes[file] = info.sha256
    if let kind = info.tableKind { tableKinds[file] = kind }
  }
}
