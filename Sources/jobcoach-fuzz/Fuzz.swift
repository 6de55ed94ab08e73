// The targets reach the CLI's internals (the argument parser), so they need a testable build:
// debug (as CI builds it) or the fuzzing build of `.ci/fuzz`. A plain release build, as the
// benchmark's 'swift build -c release', gets a stub that says so.
#if DEBUG || FUZZING
  import JobcoachCore
  import JobcoachStore

  @testable import JobcoachCLI

  #if canImport(Glibc)
    import Glibc
  #elseif canImport(Darwin)
    import Darwin
  #endif

  /// The fuzz targets, chosen with `JOBCOACH_FUZZ_TARGET`:
  ///
  /// - `reader` (the default): whatever the bytes, reading them must not crash; reading them in
  ///   small pieces must find exactly what reading them at once finds; a document that yields no
  ///   record and no problem must be a valid empty document of a known kind; the portfolio fast
  ///   path must read only what the general path reads, the same.
  /// - `roundtrip`: the bytes as a document imported into a registry holding the samples; every
  ///   record written reads back equal, and importing it again changes nothing.
  /// - `table`: the bytes as a CSV table, its kind read from its header and each kind named:
  ///   reading must not crash; reading in small pieces must find exactly what reading at once
  ///   finds; no problem may echo what looks like a citizen service number.
  /// - `arguments`: the bytes as command-line arguments (split at NUL bytes), parsed for every
  ///   command: no crash; an argument holding what looks like a citizen service number is always
  ///   refused before parsing, and the refusal never echoes it.
  ///
  /// libFuzzer build (it brings its own `main`):
  ///   swift build -c release --sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -enable-testing \
  ///     --product jobcoach-fuzz   (testable: the arguments target reaches the parser)
  /// Run for a while with `.ci/fuzz TARGET SECONDS`. Without FUZZING the same targets are a
  /// reproducer: `JOBCOACH_FUZZ_TARGET=roundtrip jobcoach-fuzz FILE...`.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    fuzz(bytes)
    return 0
  }

  enum FuzzTarget: String {
    case reader, roundtrip, table, arguments

    static let chosen: FuzzTarget = {
      guard let name = getenv("JOBCOACH_FUZZ_TARGET") else { return .reader }
      guard let target = FuzzTarget(rawValue: String(cString: name)) else {
        fatalError("JOBCOACH_FUZZ_TARGET is one of reader, roundtrip, table, arguments")
      }
      return target
    }()
  }

  func fuzz(_ bytes: [UInt8]) {
    switch FuzzTarget.chosen {
    case .reader:
      checkReader(bytes)
      checkPortfolioFastPath(bytes)
    case .roundtrip: checkRoundTrip(bytes)
    case .table: checkTable(bytes)
    case .arguments: checkArguments(bytes)
    }
  }

  // MARK: reader

  /// Whenever the portfolio fast path reads `bytes`, the general path must read the same
  /// portfolio and report nothing; traps otherwise.
  func checkPortfolioFastPath(_ bytes: [UInt8]) {
    guard let fast = bytes.withUnsafeBufferPointer({ PortfolioFastPath.decode($0) }) else { return }
    let log = ProblemLog()
    guard let value = try? JSONParser.parse(bytes),
      let general = Portfolio.decode(value, at: .root, in: DecodingContext(file: "f", log: log)),
      log.isEmpty, general == fast
    else { fatalError("the portfolio fast path reads what the general path does not") }
  }

  /// Reads `bytes` whole and in 3-byte pieces; traps when the two disagree, when a problem echoes
  /// what looks like a citizen service number, or when nothing and no problem came of bytes that
  /// are not a valid empty document.
  func checkReader(_ bytes: [UInt8]) {
    func read(chunk: Int) -> (records: [ImportRecord], problems: [String], hash: String) {
      let log = ProblemLog()
      var reader = DocumentReader(
        source: ByteArraySource(bytes), file: "fuzz.json", log: log, chunkSize: chunk)
      var records: [ImportRecord] = []
      let info = reader.read { record, _ in records.append(record) }
      return (records, log.problems.map(English().line), info.sha256)
    }
    let whole = read(chunk: max(1, bytes.count))
    checkReadings(whole, read(chunk: 3), of: "a document")
    if whole.records.isEmpty && whole.problems.isEmpty && !isValidEmptyDocument(bytes) {
      fatalError("bytes that are no valid empty document were read as nothing, without a problem")
    }
  }

  /// An object with a known `kind`, a schema version it reads, and that kind's records as an
  /// empty array (and for a public register, its name and date): the only input of no records
  /// that is not a problem.
  func isValidEmptyDocument(_ bytes: [UInt8]) -> Bool {
    guard case .object(let object)? = try? JSONParser.parse(bytes),
      case .string(let kindText)? = object["kind"], let kind = DocumentKind(rawValue: kindText),
      case .number(let versionText)? = object["schemaVersion"], let version = Int(versionText),
      kind.supportedSchemaVersions.contains(version),
      case .array(let records)? = object[kind.recordsKey], records.isEmpty
    else { return false }
    var allowed: Set<String> = ["kind", "schemaVersion", kind.recordsKey, "$schema"]
    if kind == .publicRegister { allowed.formUnion(["register", "registerId", "publishedOn"]) }
    return object.members.allSatisfy { allowed.contains($0.key) }
  }

  // MARK: table

  /// Reads `bytes` as a CSV table, whole and in 3-byte pieces, with its kind from its header and
  /// as each kind; traps when the two disagree or a problem echoes a citizen service number.
  func checkTable(_ bytes: [UInt8]) {
    for kind in [nil] + TableKind.allCases.map(Optional.some) {
      func read(chunk: Int) -> (records: [ImportRecord], problems: [String], hash: String) {
        let log = ProblemLog()
        var records: [ImportRecord] = []
        let info = TableReader.read(
          ByteArraySource(bytes), file: "fuzz.csv", kind: kind, log: log, chunkSize: chunk
        ) { record, _ in records.append(record) }
        return (records, log.problems.map(English().line), info.sha256)
      }
      checkReadings(read(chunk: max(1, bytes.count)), read(chunk: 3), of: "a table")
    }
  }

  /// Traps when reading at once and in pieces disagree, or a problem echoes what looks like a
  /// citizen service number.
  func checkReadings(
    _ whole: (records: [ImportRecord], problems: [String], hash: String),
    _ pieces: (records: [ImportRecord], problems: [String], hash: String), of what: String
  ) {
    if whole.records != pieces.records || whole.problems != pieces.problems
      || whole.hash != pieces.hash
    {
      fatalError("chunked reading of \(what) differs from whole reading")
    }
    if whole.problems.contains(where: CitizenServiceNumber.occurs(in:)) {
      fatalError("a problem with \(what) echoes what looks like a citizen service number")
    }
  }

  // MARK: roundtrip

  /// A registry in memory holding the samples, made once; each input works on its own copy.
  let samplesBatch: ImportBatch = {
    var batch = ImportBatch()
    let log = ProblemLog()
    let directory = getenv("JOBCOACH_SAMPLES").map { String(cString: $0) } ?? "Samples"
    for name in [
      "organisations", "coaches", "placements", "policies", "educations", "accreditations",
      "registers", "pe-norms", "portfolios", "memberships", "hour-bookings", "funder-decisions",
    ] {
      guard let bytes = FileSystem.contents(of: "\(directory)/\(name).json") else {
        fatalError(
          "the round trip needs the samples: run from the repository or set JOBCOACH_SAMPLES")
      }
      batch.read(bytes, file: name + ".json", log: log)
    }
    precondition(log.isEmpty, "the samples read without problems")
    return batch
  }()

  /// Imports `bytes` as one document over the samples; what is written must read back equal,
  /// and importing it again must change nothing.
  func checkRoundTrip(_ bytes: [UInt8]) {
    var batch = ImportBatch()
    let log = ProblemLog()
    batch.read(bytes, file: "fuzz.json", log: log)
    guard log.isEmpty, batch.recordCount > 0 else { return }
    guard let store = try? RegistryStore.inMemory(), (try? store.apply(samplesBatch)) != nil else {
      fatalError("the samples import")
    }
    guard (try? store.apply(batch)) != nil else { return }  // refused: references, clashes
    func same<T: Equatable>(_ read: T?, _ written: T, _ what: String) {
      if read != written { fatalError("\(what) does not read back as written") }
    }
    for located in batch.organisations {
      same(try? store.organisation(located.value.id), located.value, "an organisation")
    }
    for located in batch.coaches {
      same(try? store.coach(located.value.id), located.value, "a coach")
    }
    for located in batch.placements {
      same(try? store.placement(located.value.id), located.value, "a placement")
    }
    for located in batch.policies {
      let versions = (try? store.policyHistory(located.value.id))??.versions ?? []
      same(
        versions.first { $0.effectiveFrom == located.value.effectiveFrom }, located.value,
        "a policy version")
    }
    // A portfolio's lists are sets: the registry keeps them in its own order.
    for located in batch.portfolios {
      same(
        (try? store.portfolio(of: located.value.coach))??.canonical, located.value.canonical,
        "a portfolio")
    }
    for located in batch.memberships {
      let held = (try? store.memberships(of: located.value.coach)) ?? []
      same(held.first { $0.register == located.value.register }, located.value, "a membership")
    }
    for located in batch.bookings {
      let read = (try? store.bookings(on: located.value.placement))?.first {
        $0.id == located.value.id
      }
      same(read, located.value, "a booking")
    }
    let registers = (try? store.registers()) ?? []
    for located in batch.norms {
      let norms = registers.first { $0.id == located.value.register }?.norms.versions ?? []
      same(
        norms.first { $0.effectiveFrom == located.value.effectiveFrom }, located.value, "a PE norm")
    }
    for located in batch.registers {
      var read = registers.first { $0.id == located.value.id }
      // Inline norms join the register's other versions; the rest is the register as given.
      if located.value.norms == .seedDefault { read?.norms = .seedDefault }
      if let norms = read?.norms.versions {
        let given = located.value.norms.versions
        if located.value.norms != .seedDefault,
          !given.allSatisfy({ version in norms.contains(version) })
        {
          fatalError("a register's norms did not round-trip")
        }
        read?.norms = located.value.norms
      }
      same(read, located.value, "a register")
    }
    for located in batch.educations {
      same((try? store.recognisedEducations())?[located.value.id], located.value, "an education")
    }
    guard let again = try? store.apply(batch), !again.changedAnything else {
      fatalError("importing the same document again changed the registry")
    }
  }

  extension Portfolio {
    /// The portfolio with its lists in one order, for comparing.
    var canonical: Portfolio {
      var copy = self
      copy.activities.sort { ($0.date, $0.id) < ($1.date, $1.id) }
      copy.educations.sort {
        ($0.issuedOn, $0.education.rawValue, $0.evidence.documentID)
          < ($1.issuedOn, $1.education.rawValue, $1.evidence.documentID)
      }
      copy.experience.sort {
        ($0.period.start, $0.evidence.documentID, $0.description)
          < ($1.period.start, $1.evidence.documentID, $1.description)
      }
      return copy
    }
  }

  // MARK: arguments

  /// Parses `bytes` (arguments split at NUL) for every command. A citizen service number in any
  /// argument is refused first and never echoed.
  func checkArguments(_ bytes: [UInt8]) {
    let arguments = bytes.split(separator: 0, omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self)
    }
    let holding = arguments.filter(CitizenServiceNumber.occurs(in:))
    let place = JobcoachTool.citizenServiceNumberPlace(arguments, environment: [:])
    if holding.isEmpty != (place == nil) {
      fatalError("the door and the test of a citizen service number disagree")
    }
    if let place {
      if CitizenServiceNumber.occurs(in: place.english + place.dutch) { fatalError("the refusal echoes the number") }
      return
    }
    for command in JobcoachTool.commands {
      do {
        let parsed = try ParsedArguments.parse(arguments, for: command.spec)
        // As the tool does: with --help it prints the help and builds no command.
        if !parsed.wantsHelp { _ = try command.init(parsed) }
      } catch {
        let line = error.message.escapingControlCharacters
        if line.contains("\n") || line.contains("\r") { fatalError("a message spans lines") }
      }
    }
  }

  #if !FUZZING
    @main
    enum Reproducer {
      static func main() {
        for path in CommandLine.arguments.dropFirst() {
          guard let bytes = FileSystem.contents(of: path) else {
            print("cannot open \(path)")
            continue
          }
          fuzz(bytes)
          print("ok \(path) (\(bytes.count) bytes)")
        }
      }
    }
  #endif
#else
  @main
  enum Reproducer {
    static func main() {
      print("jobcoach-fuzz needs a testable build: swift build, or .ci/fuzz TARGET SECONDS")
    }
  }
#endif
