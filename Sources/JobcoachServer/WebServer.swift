import JobcoachCLI
import JobcoachStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The program `jobcoach serve` becomes: the web front end on the HTTP server, one registry
/// connection per thread, until SIGTERM or SIGINT.
public enum WebServer {
  public static func main() -> Never {
    let arguments = Array(CommandLine.arguments.dropFirst())
    let context = CommandContext()
    let (parsed, code) = JobcoachTool.serveOptions(arguments, context: context)
    guard let options = parsed else { exit(code) }
    // The signals that stop the server are taken by this thread alone (the server's threads,
    // started after, inherit the mask); a closed connection is an error, not a signal.
    signal(SIGPIPE, SIG_IGN)
    var stopping = sigset_t()
    sigemptyset(&stopping)
    sigaddset(&stopping, SIGTERM)
    sigaddset(&stopping, SIGINT)
    pthread_sigmask(SIG_BLOCK, &stopping, nil)

    let connections: ConnectionPool
    do {
      connections = try ConnectionPool(path: options.database, count: options.threads)
    } catch {
      exit(JobcoachTool.reportServerError(error, arguments: arguments, context: context))
    }
    let site = WebFrontEnd()
    let server = HTTPServer(limits: .init(threads: options.threads)) { request in
      connections.with { site.respond(to: request, store: $0) } ?? WebFrontEnd.unavailable()
    }
    do { try server.start(listening: options.listen) } catch {
      context.printError(
        "error: cannot listen on \(options.listen): the port is taken or not ours to use\n")
      exit(ExitCode.internalError)
    }
    let address = options.listen.split(separator: ":")[0]
    context.printError(
      "jobcoach serve: http://\(address):\(server.port)/ on the registry '\(options.database)' "
        + "with \(options.threads) threads; SIGTERM or Ctrl-C stops\n")
    var received: Int32 = 0
    sigwait(&stopping, &received)
    context.printError("jobcoach serve: stopping, finishing the requests in flight\n")
    server.stop(graceSeconds: 10)
    exit(ExitCode.success)
  }
}

/// Open registry connections, one for each thread answering at a time: a request takes one,
/// answers with it alone and gives it back. SQLite in WAL mode lets them all read at once;
/// SQLite serialises the writes.
final class ConnectionPool: @unchecked Sendable {
  private var free: [RegistryStore]
  private let path: String
  private let lock = ConditionLock()

  init(path: String, count: Int) throws {
    self.path = path
    free = try (0..<count).map { _ in
      try RegistryStore.open(at: path, waiting: WebFrontEnd.writeWait)
    }
  }

  /// `body` with a connection of its own; nil when none could be had (more requests at once
  /// than connections, never with one per thread, and the registry no longer opens).
  func with<T>(_ body: (RegistryStore) -> T) -> T? {
    var store = lock.withLock { free.popLast() }
    if store == nil { store = try? RegistryStore.open(at: path, waiting: WebFrontEnd.writeWait) }
    guard let store else { return nil }
    defer { lock.withLock { free.append(store) } }
    return body(store)
  }
}
