import JobcoachCore
import JobcoachStore

/// Failures of a command that are not usage mistakes, each with its exit code.
public enum CLIError: Error, Hashable, Sendable {
  /// An input file or directory does not exist or cannot be read (exit 66).
  case inputMissing(path: String, reason: InputTrouble)
  /// Input documents with problems (exit 65); every problem is listed.
  case badDocuments([DocumentProblem], dropped: Int)
  /// The input names something the registry does not hold, or is otherwise wrong (exit 65).
  case badInput(String, nl: String)
  /// An output file cannot be written (exit 73, cannot create).
  case cannotWrite(path: String, reason: String)
}

/// Why an input path cannot be read.
public enum InputTrouble: Hashable, Sendable {
  case noSuchFile, cannotList, cannotOpen, notRegularFile, notReadable
}

/// Exit codes, as in BSD's sysexits and the house style.
public enum ExitCode {
  public static let success: Int32 = 0
  /// Not eligible, norm not met, or findings with errors.
  public static let findings: Int32 = 1
  public static let usage: Int32 = 64
  public static let dataError: Int32 = 65
  public static let noInput: Int32 = 66
  public static let internalError: Int32 = 70
  public static let cannotCreate: Int32 = 73
  /// The registry was busy past the wait: nothing was written, try again.
  public static let tempFailure: Int32 = 75
}
