#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a command writes: results to standard output, `error: ...` to standard error. One
/// mechanism for both, so piped output is never reordered.
public protocol OutputSink: AnyObject {
  func write(_ text: String, to stream: OutputStream)
  /// Whether the stream is an interactive terminal (colours, progress).
  func isTerminal(_ stream: OutputStream) -> Bool
}

public enum OutputStream: Sendable {
  case standardOutput
  case standardError
}

/// Writes straight to file descriptors 1 and 2 with `write(2)`, unbuffered.
public final class FileDescriptorOutput: OutputSink {
  public init() {}

  public func write(_ text: String, to stream: OutputStream) {
    _ = writeAll(text, to: stream == .standardOutput ? 1 : 2)
  }

  public func isTerminal(_ stream: OutputStream) -> Bool {
    isatty(stream == .standardOutput ? 1 : 2) != 0
  }
}

/// Writes all of `text` to `descriptor`, retrying after interrupts; false on an error.
func writeAll(_ text: String, to descriptor: Int32) -> Bool {
  var text = text
  return text.withUTF8 { buffer in
    var offset = 0
    while offset < buffer.count {
      let written = Glibc_write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += written
    }
    return true
  }
}

private func Glibc_write(_ descriptor: Int32, _ pointer: UnsafePointer<UInt8>, _ count: Int) -> Int
{
  #if canImport(Glibc)
    return Glibc.write(descriptor, pointer, count)
  #else
    return Darwin.write(descriptor, pointer, count)
  #endif
}

/// Keeps what a command writes, for tests.
public final class CapturedOutput: OutputSink {
  public private(set) var standardOutput = ""
  public private(set) var standardError = ""

  public init() {}

  public func write(_ text: String, to stream: OutputStream) {
    switch stream {
    case .standardOutput: standardOutput += text
    case .standardError: standardError += text
    }
  }

  public func isTerminal(_ stream: OutputStream) -> Bool { false }
}
