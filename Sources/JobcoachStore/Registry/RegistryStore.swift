import JobcoachCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The registry: one SQLite file holding organisations, coaches, placements and policies.
///
/// One command owns one store. Every write runs in one `BEGIN IMMEDIATE` transaction; readers see
/// a consistent snapshot through WAL.
public final class RegistryStore {
  let database: Database
  public let path: String
  /// What the SQL function `jobcoach_claim_stands` asks, once defined (`claimRules()`).
  var claimRulesBox: ClaimRules?
  /// Whether `forEachPlacement(pendingBookings:)` hands the bookings over as copied rows, for
  /// the thread that judges a placement to make into values, or made already. Copying costs
  /// more work in all (about 8% more instructions for a whole check) and takes work off the
  /// reading thread (its CPU 2.9 s to 2.1 s at the benchmark's full size): a gain where the
  /// reading thread has a core besides the check's two judging threads, a loss on two cores.
  var copiesBookingRows = RegistryStore.hasCoreForReading

  /// Whether this machine has more cores than the check's two judging threads.
  static let hasCoreForReading = sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 2

  /// The path that means "a registry in memory, gone when the command ends".
  public static let inMemoryPath = ":memory:"

  private init(database: Database, path: String) {
    self.database = database
    self.path = path
  }

  /// Opens an existing registry. Fails with `.registryMissing` when there is no file, and
  /// without writing anything when the file is not a registry or is newer than this build.
  public static func open(at path: String, waiting: WaitPolicy = .default) throws(StoreError)
    -> RegistryStore
  {
    if path != inMemoryPath, !fileExists(path) { throw .registryMissing(path: path) }
    return try connect(path: path, creating: false, waiting: waiting)
  }

  /// Creates the registry file (mode 0600) when missing, and brings its schema up to date.
  /// Returns the store and whether a new file was made.
  public static func create(at path: String, waiting: WaitPolicy = .default) throws(StoreError)
    -> (RegistryStore, created: Bool)
  {
    var created = false
    if path != inMemoryPath, !fileExists(path) {
      let descriptor = Glibc_open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
      guard descriptor >= 0 else {
        throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
      }
      close(descriptor)
      created = true
    }
    do {
      return (try connect(path: path, creating: true, waiting: waiting), created)
    } catch {
      if created { unlink(path) }
      throw error
    }
  }

  /// A fresh registry in memory, for checking documents without a file.
  public static func inMemory() throws(StoreError) -> RegistryStore {
    try connect(path: inMemoryPath, creating: true)
  }

  static func fileExists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }

  private static func connect(path: String, creating: Bool, waiting: WaitPolicy = .default)
    throws(StoreError) -> RegistryStore
  {
    let database: Database
    do {
      database = try Database(path: path, mode: .readWrite, waiting: waiting)
    } catch {
      throw .database(path: path, error)
    }
    let store = RegistryStore(database: database, path: path)
    try store.checkAndMigrate(creating: creating)
    return store
  }

  /// Reads the file's identity before anything is written: a foreign or damaged file is refused
  /// as it is.
  private func checkAndMigrate(creating: Bool) throws(StoreError) {
    let applicationID: Int64
    let version: Int
    let tableCount: Int64
    do {
      try database.execute("PRAGMA foreign_keys = ON")
      applicationID = try database.scalarInt("PRAGMA application_id") ?? 0
      version = Int(try database.scalarInt("PRAGMA user_version") ?? 0)
      // Only a file that is not marked ours needs its tables counted.
      tableCount =
        applicationID == Schema.applicationID
        ? 1 : try database.scalarInt("SELECT count(*) FROM sqlite_schema") ?? 0
    } catch {
      throw .notARegistry(path: path, reason: error.message)
    }
    let isEmptyDatabase = applicationID == 0 && version == 0 && tableCount == 0
    if applicationID != Schema.applicationID {
      guard isEmptyDatabase else {
        throw .notARegistry(path: path, reason: "it is an SQLite database of another program")
      }
      guard creating else {
        throw .notARegistry(path: path, reason: "the file is empty; run 'jobcoach init'")
      }
    }
    if version > Schema.currentVersion {
      throw .newerSchema(path: path, found: version, known: Schema.currentVersion)
    }
    do throws(SQLiteError) {
      try database.execute("PRAGMA synchronous = NORMAL")
      if version < Schema.currentVersion {
        // WAL is a property of the file: set once, when the schema is made or upgraded.
        if path != Self.inMemoryPath {
          // 16 KB pages for a new registry: a national import writes a quarter of the pages
          // (and WAL frames) it would with SQLite's 4 KB. A page size is fixed once written.
          if version == 0 { try database.execute("PRAGMA page_size = 16384") }
          try database.execute("PRAGMA journal_mode = WAL")
        }
        try database.writeTransaction { () throws(SQLiteError) in
          for index in version..<Schema.currentVersion {
            try database.execute(Schema.migrations[index])
          }
          if version > 0 && version < 9 { try resealAuditTrail() }
          try database.execute("PRAGMA application_id = \(Schema.applicationID)")
          try database.execute("PRAGMA user_version = \(Schema.currentVersion)")
        }
      }
    } catch {
      throw storeError(error)
    }
  }

  /// The schema version of the open registry.
  public func schemaVersion() throws(StoreError) -> Int {
    try wrap { () throws(SQLiteError) in Int(try database.scalarInt("PRAGMA user_version") ?? 0) }
  }

  /// Runs SQLite work and turns its errors into `StoreError.database`.
  func wrap<T>(_ body: () throws(SQLiteError) -> T) throws(StoreError) -> T {
    do {
      return try body()
    } catch {
      throw storeError(error)
    }
  }

  /// A lock held past the wait is `.busy` (try again), never a database failure.
  func storeError(_ error: SQLiteError) -> StoreError {
    error.isBusy
      ? .busy(path: path, waitedSeconds: Int(database.busyWaiter.waited.rounded()))
      : .database(path: path, error)
  }
}

/// `open(2)` under a name that does not clash with `RegistryStore.open`.
private func Glibc_open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
  #if canImport(Glibc)
    return Glibc.open(path, flags, mode)
  #else
    return Darwin.open(path, flags, mode)
  #endif
}
