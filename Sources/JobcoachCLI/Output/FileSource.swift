import JobcoachCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A document file read in pieces with `read(2)`, for the streaming import.
final class FileSource: ByteSource {
  let descriptor: Int32

  /// Opens `path` for reading; nil when it cannot be opened.
  init?(path: String) {
    guard let descriptor = FileSystem.openRegularFile(path) else { return nil }
    self.descriptor = descriptor
  }

  deinit { close(descriptor) }

  /// Reused for every read: the bytes are copied on with one `memcpy`.
  private var scratch: [UInt8] = []

  func read(into buffer: inout [UInt8], count: Int) -> Int {
    if scratch.count < count { scratch = [UInt8](repeating: 0, count: count) }
    var result = 0
    scratch.withUnsafeMutableBytes { bytes in
      repeat {
        #if canImport(Glibc)
          result = Glibc.read(descriptor, bytes.baseAddress!, count)
        #else
          result = Darwin.read(descriptor, bytes.baseAddress!, count)
        #endif
      } while result < 0 && errno == EINTR
    }
    if result > 0 { buffer.append(contentsOf: scratch[0..<result]) }
    return result
  }

  /// The file's size in bytes, or 0 when unknown.
  static func size(of path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
  }
}

/// A progress line on standard error for work that takes longer than a second, only when
/// standard error is a terminal; cleared when done.
final class ProgressLine {
  let context: CommandContext
  let total: Int
  let enabled: Bool
  let start: UInt64
  var lastShown: UInt64 = 0
  var shown = false

  init(
    context: CommandContext, total: Int, start: UInt64 = Clock.monotonicNanoseconds()
  ) {
    self.context = context
    self.total = total
    self.start = start
    enabled = context.output.isTerminal(.standardError)
  }

  /// `done` bytes of `total` are read, now in `file`.
  func update(_ done: Int, file: String) {
    guard enabled else { return }
    let now = Clock.monotonicNanoseconds()
    guard now - start > 1_000_000_000, now - lastShown > 200_000_000 else { return }
    lastShown = now
    shown = true
    let percent = total > 0 ? min(100, done * 100 / total) : 0
    context.printError(
      "\r\u{1B}[Kimporting: \(percent)% (\(done / 1_000_000) of \(total / 1_000_000) MB), "
        + (file.split(separator: "/").last.map(String.init) ?? file))
  }

  /// Everything is read; says what the rest of the time goes to, when the line is showing.
  func finishing(_ what: String) {
    guard shown else { return }
    context.printError("\r\u{1B}[Kimporting: \(what)")
  }

  /// Clears the line, before anything else is printed. Safe to call again.
  func finish() {
    if shown { context.printError("\r\u{1B}[K") }
    shown = false
  }
}
