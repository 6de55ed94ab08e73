import JobcoachCore

/// Why the registry could not be opened, read or written.
public enum StoreError: Error, Hashable, Sendable {
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

}
