import JobcoachCore
import JobcoachStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `jobcoach serve`: the registry on the web. The server is its own program, `jobcoach-serve`,
/// built beside `jobcoach` (it links libmicrohttpd, which the one static file `jobcoach` is on
/// Linux cannot); this command checks its arguments and the registry, then becomes it.
struct ServeCommand: Command {
  static let spec = CommandSpec(
    name: "serve",
    summary: "the registry on the web: public register lookup, statement check, JSON API",
    synopsis: "[--listen ADDRESS:PORT] [--threads N] [--db PATH]",
    positionals: 0...0,
    options: [
      .value("--listen", "ADDRESS:PORT", "where to listen, IPv4 (default 127.0.0.1:8080)"),
      .value("--threads", "N", "threads answering requests, each with its own connection (default 4)"),
      .database,
    ],
    discussion: """
      Serves, over plain HTTP/1.1 (TLS is the reverse proxy's job, see the README):

        /                     the public register: search by name (accents and case do not
                              matter) or register number; Dutch, or English with ?lang=en
        /register/NUMBER      one entry of the register
        /statements/verify    paste or upload a signed statement and see whether it holds
        /api/v1/...           JSON, the same keys and messages as the commands' --format json
                              (Schemas/openapi.json): coaches/ID/verification?as=&on=,
                              coaches/ID/pe?on=, placements/ID?on=, register?on=

      Errors of the API are RFC 9457 problem details. A request body over 16 MiB is refused
      (413); a connection idle for 30 seconds is closed. SIGTERM or SIGINT (Ctrl-C) stops
      taking connections, lets the requests in flight finish (at most 10 seconds) and ends.

      exit codes: 0 stopped by a signal, 64 usage, 66 registry or jobcoach-serve missing,
      70 cannot listen on the address.

      example: jobcoach serve --db jobcoach.sqlite --listen 127.0.0.1:8080
      """)

  let options: ServeOptions
  let arguments: ParsedArguments

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    let listen = arguments.value("--listen") ?? "127.0.0.1:8080"
    guard ServeOptions.isAddress(listen) else {
      throw UsageError(
        "--listen takes an IPv4 address and a port, such as 127.0.0.1:8080, not '\(listen.escapingControlCharacters)'",
        nl: "--listen neemt een IPv4-adres en een poort, zoals 127.0.0.1:8080, niet '\(listen.escapingControlCharacters)'",
        command: Self.spec.name)
    }
    let threadsText = arguments.value("--threads") ?? "4"
    guard let threads = Int(threadsText), (1...256).contains(threads) else {
      throw UsageError(
        "--threads takes a whole number from 1 to 256", nl: "--threads neemt een geheel getal van 1 tot 256",
        command: Self.spec.name)
    }
    options = ServeOptions(database: "", listen: listen, threads: threads)
  }

  func run(_ context: CommandContext) throws -> Int32 {
    var options = self.options
    options.database = context.databasePath(arguments)
    // The registry must be there: the server opens it once per thread.
    _ = try context.openRegistryFile(arguments, command: Self.spec.name)
    let server = context.siblingProgram("jobcoach-serve")
    let code = context.replaceProcess(server, ["jobcoach-serve"] + options.arguments)
    throw CLIError.inputMissing(path: server, reason: code == ENOENT ? .noSuchFile : .notReadable)
  }
}

/// What `jobcoach serve` was asked for, as the server program takes it.
public struct ServeOptions: Sendable, Equatable {
  public var database: String
  public var listen: String
  public var threads: Int

  var arguments: [String] {
    ["--db", database, "--listen", listen, "--threads", String(threads)]
  }

  /// `a.b.c.d:port`, each part a number in range.
  static func isAddress(_ text: String) -> Bool {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, let port = Int(parts[1]), (0...65_535).contains(port),
      parts[1].allSatisfy(\.isASCII)
    else { return false }
    let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
    return octets.count == 4
      && octets.allSatisfy { octet in
        !octet.isEmpty && octet.count <= 3 && octet.allSatisfy { $0.isASCII && $0.isNumber }
          && Int(octet).map { $0 <= 255 } == true
      }
  }
}

extension JobcoachTool {
  /// The server program's arguments, parsed and checked as `jobcoach serve` does: nil and the
  /// exit code when they are wrong (the error printed) or ask for help (printed).
  public static func serveOptions(_ arguments: [String], context: CommandContext) -> (
    ServeOptions?, Int32
  ) {
    let language = language(for: arguments, context.environment)
    if citizenServiceNumberPlace(arguments, environment: context.environment) != nil {
      return (nil, run(["serve"] + arguments, context: context))
    }
    do {
      let parsed = try ParsedArguments.parse(arguments, for: ServeCommand.spec)
      if parsed.wantsHelp {
        context.print(ServeCommand.spec.help)
        return (nil, ExitCode.success)
      }
      var options = try ServeCommand(parsed).options
      options.database = context.databasePath(parsed)
      return (options, ExitCode.success)
    } catch {
      return (nil, report(error, context: context, language: language))
    }
  }

  /// Says an error of the server program as the command line does; returns its exit code.
  public static func reportServerError(
    _ error: any Error, arguments: [String], context: CommandContext
  ) -> Int32 {
    report(error, context: context, language: language(for: arguments, context.environment))
  }
}

extension CommandContext {
  /// A program installed beside this one (the same directory as the running executable).
  func siblingProgram(_ name: String) -> String {
    var buffer = [CChar](repeating: 0, count: 4_096)
    #if canImport(Glibc)
      let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    #else
      var size = UInt32(buffer.count)
      let length = _NSGetExecutablePath(&buffer, &size) == 0 ? strlen(buffer) : -1
    #endif
    guard length > 0 else { return name }
    let path = String(decoding: buffer[..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard let slash = path.lastIndex(of: "/") else { return name }
    return String(path[...slash]) + name
  }

  /// Replaces this process with `path` run with `arguments` (its name first); returns only
  /// when that fails, with the error number.
  @Sendable public static func execute(_ path: String, _ arguments: [String]) -> Int32 {
    var pointers = arguments.map { strdup($0) }
    pointers.append(nil)
    execv(path, pointers)
    let failure = errno
    for pointer in pointers { free(pointer) }
    return failure
  }
}
