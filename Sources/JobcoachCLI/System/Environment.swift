#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's environment, as far as the tool reads it.
public enum ProcessEnvironment {
  /// The variables the tool reads: the registry, who acts, and (for the front end's words) the
  /// language and locale.
  static let names = ["JOBCOACH_DB", "USER", "LOGNAME", "JOBCOACH_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]

  public static func current() -> [String: String] {
    var result: [String: String] = [:]
    for name in names {
      if let value = getenv(name) { result[name] = String(cString: value) }
    }
    return result
  }
}
