internal import CMicroHTTPD
import JobcoachCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An HTTP/1.1 server on the system's libmicrohttpd: a pool of threads, each request handed
/// whole (headers, query, body) to `handler` on one of them, its answer sent back. TLS is the
/// reverse proxy's job. A body over `limits.bodyBytes` is answered 413 without reading the
/// rest; a connection idle for `limits.idleSeconds` is closed.
public final class HTTPServer: @unchecked Sendable {
  public struct Limits: Sendable {
    public var threads: Int
    public var bodyBytes: Int
    public var idleSeconds: Int
    public var connections: Int

    public init(threads: Int = 4, bodyBytes: Int = 16 << 20, idleSeconds: Int = 30, connections: Int = 1_000) {
      self.threads = threads
      self.bodyBytes = bodyBytes
      self.idleSeconds = idleSeconds
      self.connections = connections
    }
  }

  public enum StartError: Error, Equatable {
    /// The address is not `IPv4:port` (`127.0.0.1:8080`).
    case badAddress(String)
    /// The system refused: the port is taken, or not ours to bind.
    case cannotListen(String)
  }

  let handler: @Sendable (HTTPRequest) -> HTTPResponse
  let limits: Limits
  private var daemon: OpaquePointer?
  /// Requests begun and not yet answered in full.
  private var inFlight = 0
  private let lock = ConditionLock()

  /// The port listened on (the system's choice when asked for port 0).
  public private(set) var port: UInt16 = 0

  public init(limits: Limits = Limits(), handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
    self.limits = limits
    self.handler = handler
  }

  deinit { stop(graceSeconds: 0) }

  /// Listens on `address` (`127.0.0.1:8080`; port 0 for any free one).
  public func start(listening address: String) throws(StartError) {
    guard let colon = address.lastIndex(of: ":"), let port = UInt16(address[address.index(after: colon)...])
    else { throw .badAddress(address) }
    var socketAddress = sockaddr_in()
    socketAddress.sin_family = sa_family_t(AF_INET)
    socketAddress.sin_port = port.bigEndian
    guard inet_pton(AF_INET, String(address[..<colon]), &socketAddress.sin_addr) == 1 else {
      throw .badAddress(address)
    }
    #if canImport(Darwin)
      socketAddress.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
    #endif
    let context = Unmanaged.passUnretained(self).toOpaque()
    let flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_ITC.rawValue
      | MHD_USE_AUTO.rawValue
    daemon = withUnsafePointer(to: &socketAddress) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
        jobcoach_mhd_start(
          flags, address, UInt32(limits.threads), UInt32(limits.idleSeconds),
          64 << 10, UInt32(limits.connections), HTTPServer.access, context, HTTPServer.completed,
          context)
      }
    }
    guard let daemon else { throw .cannotListen(address) }
    self.port = jobcoach_mhd_port(daemon)
  }

  /// Stops taking connections, lets the requests in flight finish (at most `graceSeconds`),
  /// then closes everything.
  public func stop(graceSeconds: Int = 10) {
    guard let daemon else { return }
    // The listening socket is handed back to be closed here: closed, a new connection is
    // refused at once instead of waiting in the queue of a socket nobody accepts from.
    let listening = MHD_quiesce_daemon(daemon)
    if listening >= 0 { close(listening) }
    var waited = 0
    while waited < graceSeconds * 100 && requestsInFlight > 0 {
      usleep(10_000)
      waited += 1
    }
    MHD_stop_daemon(daemon)
    self.daemon = nil
  }

  var requestsInFlight: Int { lock.withLock { inFlight } }

  private func count(_ change: Int) { lock.withLock { inFlight += change } }

  /// What one request gathers while its body arrives.
  final class Exchange {
    var body: [UInt8] = []
    var tooLarge = false
  }

  static let access: MHD_AccessHandlerCallback = {
    context, connection, url, method, _, uploadData, uploadSize, exchangeSlot in
    guard let context, let connection, let exchangeSlot, let uploadSize else { return MHD_Result.NO }
    let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
    // First call: the headers are in, the body not yet.
    guard let slot = exchangeSlot.pointee else {
      server.count(1)
      exchangeSlot.pointee = Unmanaged.passRetained(Exchange()).toOpaque()
      return MHD_Result.YES
    }
    let exchange = Unmanaged<Exchange>.fromOpaque(slot).takeUnretainedValue()
    if uploadSize.pointee > 0 {
      if !exchange.tooLarge, let uploadData {
        if exchange.body.count + uploadSize.pointee > server.limits.bodyBytes {
          exchange.tooLarge = true
          exchange.body = []
        } else {
          uploadData.withMemoryRebound(to: UInt8.self, capacity: uploadSize.pointee) {
            exchange.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: uploadSize.pointee))
          }
        }
      }
      uploadSize.pointee = 0
      return MHD_Result.YES
    }
    let response: HTTPResponse
    if exchange.tooLarge {
      response = WebFrontEnd.tooLarge(limit: server.limits.bodyBytes)
    } else {
      var request = HTTPRequest(
        method: method.map { String(cString: $0) } ?? "GET",
        path: url.map { String(cString: $0) } ?? "/", body: exchange.body)
      request.query = values(connection, MHD_ValueKind.GET_ARGUMENT_KIND)
      for (name, value) in values(connection, MHD_ValueKind.HEADER_KIND) {
        request.headers[name.lowercased()] = value
      }
      response = server.handler(request)
    }
    return send(response, on: connection)
  }

  static let completed: MHD_RequestCompletedCallback = { context, _, exchangeSlot, _ in
    guard let context, let exchangeSlot, let slot = exchangeSlot.pointee else { return }
    Unmanaged<Exchange>.fromOpaque(slot).release()
    exchangeSlot.pointee = nil
    Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue().count(-1)
  }

  /// Collects a connection's values of one kind (query arguments, headers) in order.
  final class Collected {
    var pairs: [(name: String, value: String)] = []
  }

  static func values(_ connection: OpaquePointer, _ kind: MHD_ValueKind) -> [(name: String, value: String)] {
    let collected = Collected()
    let context = Unmanaged.passUnretained(collected).toOpaque()
    _ = MHD_get_connection_values(
      connection, kind,
      { context, _, key, value in
        guard let context, let key else { return MHD_Result.YES }
        Unmanaged<Collected>.fromOpaque(context).takeUnretainedValue().pairs.append(
          (String(cString: key), value.map { String(cString: $0) } ?? ""))
        return MHD_Result.YES
      }, context)
    return withExtendedLifetime(collected) { collected.pairs }
  }

  static func send(_ response: HTTPResponse, on connection: OpaquePointer) -> MHD_Result {
    // libmicrohttpd copies the bytes (MUST_COPY) and never writes to them: no copy of our own.
    let made = response.body.withUnsafeBytes {
      MHD_create_response_from_buffer(
        $0.count, UnsafeMutableRawPointer(mutating: $0.baseAddress),
        MHD_ResponseMemoryMode.RESPMEM_MUST_COPY)
    }
    guard let made else { return MHD_Result.NO }
    defer { MHD_destroy_response(made) }
    for (name, value) in response.headers {
      _ = MHD_add_response_header(made, name, value)
    }
    return MHD_queue_response(connection, UInt32(response.status), made)
  }
}
