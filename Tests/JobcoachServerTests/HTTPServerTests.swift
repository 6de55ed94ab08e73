import Foundation
import JobcoachCLI
import JobcoachStore
import Testing

@testable import JobcoachServer

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The HTTP server on libmicrohttpd, over real loopback connections: what a handler is given,
/// what goes back, the body limit, many requests at once, and a stop that lets the requests
/// in flight finish.
@Suite(.serialized) struct HTTPServerTests {
  /// One HTTP/1.1 exchange over a fresh connection (`Connection: close`): status, headers in
  /// lower case, body. nil when no connection could be made.
  static func exchange(port: UInt16, _ request: String, body: [UInt8] = []) -> (
    status: Int, headers: [String: String], body: [UInt8]
  )? {
    let socket = Glibc_socket()
    guard socket >= 0 else { return nil }
    defer { close(socket) }
    // A server that never answers fails the test instead of stopping the run.
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { return nil }
    let bytes = Array(request.utf8) + body
    var sent = 0
    while sent < bytes.count {
      let written = bytes[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
      if written <= 0 { break }
      sent += written
    }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = recv(socket, &buffer, buffer.count, 0)
      if count <= 0 { break }
      received += buffer[..<count]
    }
    guard let end = received.firstRange(of: Array("\r\n\r\n".utf8)) else { return nil }
    let head = String(decoding: received[..<end.lowerBound], as: UTF8.self)
    var lines = head.components(separatedBy: "\r\n")
    let statusLine = lines.removeFirst().split(separator: " ")
    guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
    var headers: [String: String] = [:]
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
        .trimmingCharacters(in: .whitespaces)
    }
    return (status, headers, Array(received[end.upperBound...]))
  }

  static func Glibc_socket() -> Int32 {
    #if canImport(Glibc)
      return socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      return socket(AF_INET, SOCK_STREAM, 0)
    #endif
  }

  static func get(_ port: UInt16, _ target: String) -> (status: Int, headers: [String: String], body: [UInt8])? {
    exchange(port: port, "GET \(target) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
  }

  /// A handler that says what it was given.
  static let echo: @Sendable (HTTPRequest) -> HTTPResponse = { request in
    let query = request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    return HTTPResponse(
      status: 200, contentType: "text/plain; charset=utf-8",
      body: "\(request.method) \(request.path) \(query) \(request.headers["x-test"] ?? "-") "
        + "\(request.body.count)")
  }

  @Test func aRequestArrivesWholeAndItsAnswerGoesBack() throws {
    let server = HTTPServer(limits: .init(threads: 2), handler: Self.echo)
    try server.start(listening: "127.0.0.1:0")
    #expect(server.port != 0)
    let answer = try #require(Self.exchange(
      port: server.port,
      "GET /register/RJC-00101?q=zo%C3%AB+v&lang HTTP/1.1\r\nHost: x\r\nX-Test: yes\r\n"
        + "Connection: close\r\n\r\n"))
    #expect(answer.status == 200)
    #expect(String(decoding: answer.body, as: UTF8.self) == "GET /register/RJC-00101 q=zoë v&lang= yes 0")
    #expect(answer.headers["content-type"] == "text/plain; charset=utf-8")
    #expect(answer.headers["x-content-type-options"] == "nosniff")
    #expect(answer.headers["cache-control"] == "no-store")

    let body = [UInt8](repeating: UInt8(ascii: "a"), count: 200_000)
    let posted = try #require(Self.exchange(
      port: server.port,
      "POST /statements/verify HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.count)\r\n"
        + "Connection: close\r\n\r\n", body: body))
    #expect(String(decoding: posted.body, as: UTF8.self) == "POST /statements/verify  - 200000")
    server.stop()
  }

  @Test func aBodyOverTheLimitIsRefusedUnread() throws {
    final class Calls: @unchecked Sendable {
      var count = 0
      let lock = NSLock()
    }
    let calls = Calls()
    let server = HTTPServer(limits: .init(threads: 1, bodyBytes: 1_000)) { request in
      calls.lock.withLock { calls.count += 1 }
      return Self.echo(request)
    }
    try server.start(listening: "127.0.0.1:0")
    let body = [UInt8](repeating: UInt8(ascii: "b"), count: 5_000)
    let refused = try #require(Self.exchange(
      port: server.port,
      "POST /api/v1/imports HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n",
      body: body))
    #expect(refused.status == 413)
    #expect(refused.headers["content-type"] == "application/problem+json")
    let exact = try #require(Self.exchange(
      port: server.port,
      "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n",
      body: Array(body.prefix(1_000))))
    #expect(exact.status == 200)
    #expect(calls.lock.withLock { calls.count } == 1)
    server.stop()
  }

  @Test func manyRequestsAtOnceEachGetTheirOwnAnswer() throws {
    let server = HTTPServer(limits: .init(threads: 4), handler: Self.echo)
    try server.start(listening: "127.0.0.1:0")
    let port = server.port
    let answers = Array(repeating: "", count: 200)
    let box = Box(answers)
    DispatchQueue.concurrentPerform(iterations: 200) { index in
      let answer = Self.get(port, "/n/\(index)")
      box.set(index, answer.map { String(decoding: $0.body, as: UTF8.self) } ?? "none")
    }
    for index in 0..<200 { #expect(box.values[index] == "GET /n/\(index)  - 0") }
    server.stop()
  }

  final class Box: @unchecked Sendable {
    var values: [String]
    let lock = NSLock()
    init(_ values: [String]) { self.values = values }
    func set(_ index: Int, _ value: String) { lock.withLock { values[index] = value } }
  }

  @Test func stoppingLetsTheRequestInFlightFinishThenRefuses() throws {
    let server = HTTPServer(limits: .init(threads: 2)) { request in
      usleep(400_000)
      return Self.echo(request)
    }
    try server.start(listening: "127.0.0.1:0")
    let port = server.port
    let box = Box([""])
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      let answer = Self.get(port, "/slow")
      box.set(0, answer.map { "\($0.status) " + String(decoding: $0.body, as: UTF8.self) } ?? "none")
      done.signal()
    }
    // The request is in the handler when the stop comes.
    var waited = 0
    while server.requestsInFlight == 0 && waited < 200 {
      usleep(5_000)
      waited += 1
    }
    #expect(server.requestsInFlight == 1)
    server.stop(graceSeconds: 5)
    done.wait()
    #expect(box.values[0] == "200 GET /slow  - 0")
    #expect(Self.get(port, "/after") == nil)
  }

  @Test func aBadOrTakenAddressIsAnError() throws {
    let server = HTTPServer(handler: Self.echo)
    #expect(throws: HTTPServer.StartError.badAddress("localhost:80")) {
      try server.start(listening: "localhost:80")
    }
    #expect(throws: HTTPServer.StartError.badAddress("127.0.0.1")) {
      try server.start(listening: "127.0.0.1")
    }
    let first = HTTPServer(handler: Self.echo)
    try first.start(listening: "127.0.0.1:0")
    let second = HTTPServer(handler: Self.echo)
    #expect(throws: HTTPServer.StartError.cannotListen("127.0.0.1:\(first.port)")) {
      try second.start(listening: "127.0.0.1:\(first.port)")
    }
    first.stop()
  }
}

/// One registry connection per request at a time, given back after.
struct ConnectionPoolTests {
  @Test func eachRequestHasAConnectionOfItsOwn() throws {
    let path = NSTemporaryDirectory() + "jobcoach-pool-" + String(UInt32.random(in: 1...UInt32.max), radix: 36) + ".sqlite"
    defer { try? FileManager.default.removeItem(atPath: path) }
    _ = try RegistryStore.create(at: path)
    let pool = try ConnectionPool(path: path, count: 2)
    final class Seen: @unchecked Sendable {
      var inUse: Set<ObjectIdentifier> = []
      var overlaps = 0
      var answers = 0
      let lock = NSLock()
    }
    let seen = Seen()
    DispatchQueue.concurrentPerform(iterations: 64) { _ in
      let answered = pool.with { store -> Bool in
        let id = ObjectIdentifier(store)
        seen.lock.withLock {
          if !seen.inUse.insert(id).inserted { seen.overlaps += 1 }
        }
        let coaches = (try? store.allCoaches())?.count
        usleep(1_000)
        seen.lock.withLock { _ = seen.inUse.remove(id) }
        return coaches == 0
      }
      if answered == true { seen.lock.withLock { seen.answers += 1 } }
    }
    #expect(seen.overlaps == 0)
    #expect(seen.answers == 64)
    // A registry that is gone: the connections held still answer.
    try FileManager.default.removeItem(atPath: path)
    #expect(pool.with { _ in true } == true)
  }

  @Test func aRegistryThatIsNotThereIsAnError() {
    #expect(throws: StoreError.self) {
      try ConnectionPool(path: "/nonexistent/jobcoach.sqlite", count: 1)
    }
  }
}
