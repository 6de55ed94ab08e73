#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The little of the file system the commands need, over the C library.
enum FileSystem {
  enum Kind { case file, directory, other }

  /// `path` from the root: as given when it starts with '/', else under the working directory.
  static func absolute(_ path: String) -> String {
    guard !path.hasPrefix("/") else { return path }
    guard let directory = getcwd(nil, 0) else { return path }
    defer { free(directory) }
    let base = String(cString: directory)
    return (base.hasSuffix("/") ? base : base + "/") + path
  }

  /// What is at `path` (following links); nil when nothing is.
  static func kind(of path: String) -> Kind? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: return .directory
    case S_IFREG: return .file
    default: return .other
    }
  }

  /// The paths of the files below `directory` (recursively), relative to it; nil when it
  /// cannot be listed.
  static func files(under directory: String) -> [String]? {
    guard let handle = opendir(directory) else { return nil }
    defer { closedir(handle) }
    var result: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name == "." || name == ".." { continue }
      let path = directory + "/" + name
      switch kind(of: path) {
      case .directory?:
        result += (files(under: path) ?? []).map { name + "/" + $0 }
      case .file?, .other?:
        result.append(name)
      case nil:
        continue
      }
    }
    return result
  }

  /// Opens the regular file at `path` for reading; nil when it cannot be opened or is not a
  /// regular file. Opened without waiting, so a pipe named `*.json` is refused, not read for
  /// ever (nor waited on until a writer comes).
  static func openRegularFile(_ path: String) -> Int32? {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      close(descriptor)
      return nil
    }
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
    return descriptor
  }

  /// Makes each existing regular file of `paths` readable and writable by its owner only
  /// (never through a link); returns those that were open to others, with their old mode.
  static func restrictToOwner(_ paths: [String]) -> [(path: String, mode: UInt32)] {
    var changed: [(String, UInt32)] = []
    for path in paths {
      var info = stat()
      guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
      let mode = UInt32(info.st_mode) & 0o777
      guard mode & 0o077 != 0 else { continue }
      if chmod(path, 0o600) == 0 { changed.append((path, mode)) }
    }
    return changed
  }

  /// The whole of the file at `path`; nil when it cannot be read.
  static func contents(of path: String) -> [UInt8]? {
    guard let source = FileSource(path: path) else { return nil }
    var bytes: [UInt8] = []
    while true {
      let count = source.read(into: &bytes, count: 1 << 16)
      if count == 0 { return bytes }
      if count < 0 { return nil }
    }
  }

  /// The bytes of the one file a command reads (a key, a statement), or why it cannot: it is
  /// missing, not a plain file, or unreadable (exit 66).
  static func input(_ path: String) throws(CLIError) -> [UInt8] {
    switch kind(of: path) {
    case nil: throw .inputMissing(path: path, reason: .noSuchFile)
    case .file?: break
    case .directory?, .other?: throw .inputMissing(path: path, reason: .notRegularFile)
    }
    guard let bytes = contents(of: path) else {
      throw .inputMissing(path: path, reason: .notReadable)
    }
    return bytes
  }

  static let neverReplaced = "it exists (or is a link), and is never replaced: name a new file"

  /// Refuses `path` when something is there (a link too), as `writePrivately` does without
  /// replacing: for a command that must know before it records what it will write.
  static func refuseExisting(_ path: String) throws(CLIError) {
    var info = stat()
    guard lstat(path, &info) != 0 else { throw .cannotWrite(path: path, reason: neverReplaced) }
  }

  /// Writes `text` to `path`, readable and writable by the owner only. A new file unless
  /// `replacing`, and then only a regular file: a symbolic link is never followed (a dangling
  /// one never creates its target), so the export cannot be steered onto another file.
  static func writePrivately(
    _ text: String, to path: String, replacing: Bool, canReplace: Bool = true
  ) throws {
    func failure(_ reason: String? = nil) -> CLIError {
      .cannotWrite(path: path, reason: reason ?? String(cString: strerror(errno)))
    }
    var descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    if descriptor < 0 && errno == EEXIST {
      guard replacing else {
        throw failure(
          canReplace
            ? "it exists (or is a link); give --force to replace a file"
            : neverReplaced)
      }
      descriptor = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
      if descriptor < 0 && errno == ELOOP {
        throw failure("it is a symbolic link; jobcoach writes only to a file itself")
      }
    }
    guard descriptor >= 0 else { throw failure() }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw failure() }
    guard info.st_mode & S_IFMT == S_IFREG, info.st_nlink <= 1 else {
      throw failure("it is not a plain file (a device, pipe or a file with other names)")
    }
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
    guard fchmod(descriptor, 0o600) == 0, ftruncate(descriptor, 0) == 0 else { throw failure() }
    guard writeAll(text, to: descriptor) else { throw failure() }
  }
}
