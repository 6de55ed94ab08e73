import JobcoachCore

/// Why the registry could not be opened, read or written.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No file at the path: create one with `jobcoach init`.
  case registryMissing(path: String)
  /// The file exists but is not a jobcoach registry, or is damaged.
  case notARegistry(path: String, reason: String)
  /// The file was written by a newer jobcoach; this one will not migrate it backwards.
  case newerSchema(path: String, found: Int, known: Int)
  case cannotCreate(path: String, reason: String)
  case database(path: String, SQLiteError)
  /// The import's records contradict each other or the registry; nothing was written.
  case importRejected([DocumentProblem])
  /// Another program held the registry's write lock longer than the wait allowed; nothing
  /// was written (exit 75: try again).
  case busy(path: String, waitedSeconds: Int)

  public var description: String {
    switch self {
    case .registryMissing(let path):
      "no registry at '\(path)'; create one with 'jobcoach init --db \(path)'"
    case .notARegistry(let path, let reason):
      "'\(path)' is not a jobcoach registry or is damaged: \(reason)"
    case .newerSchema(let path, let found, let known):
      "the registry '\(path)' has schema version \(found), newer than this jobcoach knows "
        + "(\(known)); use a newer jobcoach, it is not changed"
    case .cannotCreate(let path, let reason): "cannot create the registry '\(path)': \(reason)"
    case .database(let path, let error): "registry '\(path)': \(error)"
    case .busy(let path, let seconds):
      "the registry '\(path)' is busy: another program held it for \(seconds) "
        + "second\(seconds == 1 ? "" : "s") and nothing was written; try again, or wait longer "
        + "with --wait SECONDS"
    case .importRejected(let problems):
      "the import was rejected with \(problems.count) problem\(problems.count == 1 ? "" : "s")"
    }
  }
}
