import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `jobcoach-bench serve`: `wrk` against one verification of the web API on the 10,000-coach
/// registry, and against nginx serving a static file of the same size, in turn, in one run
/// (issue 20). Target: at least half of nginx's requests per second, p99 under 10 ms, the
/// server's memory flat over the run.
struct ServeBench {
  var coaches: Int
  var activities: Int
  var seed: UInt64
  var jobcoach: String
  var seconds: Int
  var connections: Int
  var threads: Int
  var keep: String?

  struct Load {
    var requestsPerSecond: Double
    var p50Milliseconds: Double
    var p99Milliseconds: Double
    var errors: Int
  }

  func run() throws {
    for tool in ["wrk", "nginx"] where which(tool) == nil {
      throw BenchError("'\(tool)' is not installed: apt-get install wrk nginx (brew install wrk nginx)")
    }
    try requireJobcoach(jobcoach)
    let root = keep ?? (NSTemporaryDirectory() + "jobcoach-bench-serve-\(getpid())")
    defer { if keep == nil { try? FileManager.default.removeItem(atPath: root) } }
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    let db = root + "/registry.sqlite"
    if !FileManager.default.fileExists(atPath: db) {
      try makeRegistry(db, in: root)
    }
    let token = try measure(
      [jobcoach, "tokens", "issue", "--role", "association", "--name", "bench-\(getpid())", "--db", db],
      keepOutput: true)
    guard token.exitCode == 0 else { throw BenchError("jobcoach tokens issue failed") }
    let secret = token.output.trimmingCharacters(in: .whitespacesAndNewlines)
    let coach = Generator(coaches: coaches, activities: activities, seed: seed).coachID(coaches / 2)
    let path = "/api/v1/coaches/\(coach)/verification?as=municipal&on=2026-11-23"

    // The server, on a port of the system's choosing.
    let server = Process()
    server.executableURL = URL(fileURLWithPath: jobcoach)
    server.arguments = [
      "serve", "--db", db, "--listen", "127.0.0.1:0", "--threads", String(threads),
    ]
    let said = Pipe()
    server.standardError = said
    try server.run()
    defer {
      server.terminate()
      server.waitUntilExit()
    }
    var first = Data()
    while !first.contains(UInt8(ascii: "\n")) {
      let chunk = said.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      first += chunk
    }
    let line = String(decoding: first, as: UTF8.self)
    guard let start = line.range(of: "http://"),
      let base = line[start.lowerBound...].split(separator: "/", maxSplits: 3).dropFirst().first
    else { throw BenchError("jobcoach serve did not start: \(line)") }
    let url = "http://\(base)\(path)"
    let answer = try measure(
      ["curl", "-s", "-H", "Authorization: Bearer \(secret)", url], keepOutput: true)
    guard answer.output.contains("\"eligible\"") else {
      throw BenchError("the verification did not answer: \(answer.output.prefix(200))")
    }

    // nginx: the same number of bytes as a static file.
    let html = root + "/nginx"
    try FileManager.default.createDirectory(atPath: html, withIntermediateDirectories: true)
    try answer.output.write(toFile: html + "/verification.json", atomically: true, encoding: .utf8)
    let nginxPort = try freePort()
    try """
    worker_processes auto;
    pid \(root)/nginx.pid;
    error_log \(root)/nginx-error.log;
    daemon off;
    events { worker_connections 1024; }
    http {
      access_log off;
      server { listen 127.0.0.1:\(nginxPort); root \(html); }
    }
    """.write(toFile: root + "/nginx.conf", atomically: true, encoding: .utf8)
    let nginx = Process()
    nginx.executableURL = URL(fileURLWithPath: which("nginx")!)
    nginx.arguments = ["-c", root + "/nginx.conf", "-p", root]
    nginx.standardError = FileHandle.nullDevice
    try nginx.run()
    defer {
      nginx.terminate()
      nginx.waitUntilExit()
    }
    usleep(300_000)

    print(machineLine())
    print(
      "wrk, \(connections) connections, \(seconds) s each, in turn: jobcoach serve "
        + "(\(threads) threads) GET \(path) (\(answer.output.utf8.count) bytes) and nginx "
        + "serving the same bytes")
    // Memory: the server's resident size each second of its run.
    var samples: [Int] = []
    let sampler = DispatchSource.makeTimerSource()
    let lock = NSLock()
    sampler.schedule(deadline: .now(), repeating: 1.0)
    let pid = server.processIdentifier
    sampler.setEventHandler {
      if let kb = residentKilobytes(pid) { lock.withLock { samples.append(kb) } }
    }
    sampler.resume()
    let ours = try wrk(url, header: "Authorization: Bearer \(secret)")
    let memory = lock.withLock { () -> [Int] in
      defer { samples.removeAll() }
      return samples
    }
    // Every request another coach or day, so few answers are kept: the cost of computing one.
    let script = root + "/vary.lua"
    try """
    counter = 0
    request = function()
      counter = counter + 1
      local coach = string.format("JC-%06d", (counter % \(coaches)) + 1)
      local day = string.format("2026-%02d-%02d", (counter % 12) + 1, (math.floor(counter / 12) % 28) + 1)
      return wrk.format(nil, "/api/v1/coaches/" .. coach .. "/verification?as=municipal&on=" .. day)
    end
    """.write(toFile: script, atomically: true, encoding: .utf8)
    let varied = try wrk(
      "http://\(base)/", header: "Authorization: Bearer \(secret)", script: script)
    sampler.cancel()
    let variedPeak = lock.withLock { samples.max() ?? 0 }
    let theirs = try wrk("http://127.0.0.1:\(nginxPort)/verification.json", header: nil)

    func row(_ name: String, _ load: Load) -> String {
      name.padding(toLength: 16, withPad: " ", startingAt: 0)
        + String(format: "%10.0f req/s   p50 %6.2f ms   p99 %6.2f ms   errors %d",
          load.requestsPerSecond, load.p50Milliseconds, load.p99Milliseconds, load.errors)
    }
    print(row("jobcoach serve", ours) + "   (one verification, answered from the kept answer)")
    print(row("jobcoach serve", varied) + "   (each request another coach and day, computed)")
    print(row("nginx", theirs))
    let share = ours.requestsPerSecond / theirs.requestsPerSecond
    // After its first tenth (start-up, the first answers kept) against its last tenth.
    let tenth = max(1, memory.count / 10)
    let early = memory.dropFirst(tenth).prefix(tenth).max() ?? 0
    let late = memory.suffix(tenth).max() ?? 0
    print(
      String(
        format: "requests per second, jobcoach / nginx: %.2fx kept, %.2fx computed (target >= 0.50x: %@)",
        share, varied.requestsPerSecond / theirs.requestsPerSecond,
        share >= 0.5 ? "met for the kept answer" : "missed"))
    print(
      String(
        format: "p99 latency: %.2f ms kept, %.2f ms computed (target < 10 ms: %@)",
        ours.p99Milliseconds, varied.p99Milliseconds,
        ours.p99Milliseconds < 10 ? "met for the kept answer" : "missed"))
    print(
      "server memory over the run of one verification: \(early / 1024) MB after its first "
        + "tenth, \(late / 1024) MB in its last (\(memory.count) samples; target flat, within "
        + "10%: \(Double(late) <= Double(early) * 1.1 ? "met" : "missed")); at most "
        + "\(variedPeak / 1024) MB while computing (the kept answers are bounded at 64 MB)")
  }

  func makeRegistry(_ db: String, in root: String) throws {
    FileHandle.standardError.write(
      Data("generating and importing \(coaches) coaches, \(activities) activities\n".utf8))
    let data = root + "/data"
    let bench = benchProgram()
    let generated = try measure([
      bench, "generate", "--coaches", String(coaches), "--activities", String(activities),
      "--seed", String(seed), "--out", data,
    ])
    guard generated.exitCode == 0 else { throw BenchError("generating the data failed") }
    for file in try FileManager.default.contentsOfDirectory(atPath: data) where !file.hasSuffix(".json") {
      try FileManager.default.removeItem(atPath: data + "/" + file)
    }
    guard try measure([jobcoach, "init", "--db", db, "--actor", "bench"]).exitCode == 0,
      try measure([jobcoach, "import", data, "--db", db, "--actor", "bench"]).exitCode == 0
    else { throw BenchError("importing the registry failed") }
  }

  func wrk(_ url: String, header: String?, script: String? = nil) throws -> Load {
    var arguments = [
      "wrk", "-t2", "-c\(connections)", "-d\(seconds)s", "--latency",
    ]
    if let header { arguments += ["-H", header] }
    if let script { arguments += ["-s", script] }
    let result = try measure(arguments + [url], keepOutput: true)
    guard result.exitCode == 0 else { throw BenchError("wrk failed on \(url)") }
    return try Self.parse(result.output)
  }

  /// The figures of wrk's report: requests per second, the 50% and 99% latency lines, and
  /// socket errors and non-2xx answers together.
  static func parse(_ report: String) throws -> Load {
    func milliseconds(_ text: Substring) -> Double? {
      for (unit, factor) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0)] where text.hasSuffix(unit) {
        return Double(text.dropLast(unit.count)).map { $0 * factor }
      }
      return nil
    }
    var load = Load(requestsPerSecond: 0, p50Milliseconds: 0, p99Milliseconds: 0, errors: 0)
    for line in report.split(separator: "\n") {
      let words = line.split(separator: " ")
      if line.hasPrefix("Requests/sec:"), let value = words.last.flatMap({ Double($0) }) {
        load.requestsPerSecond = value
      } else if words.first == "50%", let value = words.last.flatMap(milliseconds) {
        load.p50Milliseconds = value
      } else if words.first == "99%", let value = words.last.flatMap(milliseconds) {
        load.p99Milliseconds = value
      } else if line.contains("Non-2xx"), let value = words.last.flatMap({ Int($0) }) {
        load.errors += value
      } else if line.contains("Socket errors") {
        load.errors += words.compactMap { Int($0.filter(\.isNumber)) }.reduce(0, +)
      }
    }
    guard load.requestsPerSecond > 0 else { throw BenchError("wrk's report unread: \(report)") }
    return load
  }
}

func which(_ tool: String) -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  let directories: [String] = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin"]
  for directory in directories
  where FileManager.default.isExecutableFile(atPath: "\(directory)/\(tool)") {
    return "\(directory)/\(tool)"
  }
  return nil
}

/// A TCP port free on the loopback now.
func freePort() throws -> UInt16 {
  #if canImport(Glibc)
    let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  #else
    let socketFD = socket(AF_INET, SOCK_STREAM, 0)
  #endif
  defer { close(socketFD) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  let bound = withUnsafeMutablePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
      bind(socketFD, $0, length) == 0 && getsockname(socketFD, $0, &length) == 0
    }
  }
  guard bound else { throw BenchError("no free port") }
  return UInt16(bigEndian: address.sin_port)
}

/// A process's resident memory in KB (Linux: /proc/PID/status).
func residentKilobytes(_ pid: Int32) -> Int? {
  guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
  else { return nil }
  return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
}

/// The machine, for the report's first line.
func machineLine() -> String {
  var name = utsname()
  uname(&name)
  let machine = withUnsafeBytes(of: &name.machine) {
    String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
  }
  let system = withUnsafeBytes(of: &name.sysname) {
    String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
  }
  let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
  let memory = Double(sysconf(Int32(_SC_PHYS_PAGES)) * sysconf(Int32(_SC_PAGESIZE))) / 1e9
  return "machine: \(system) \(machine), \(cores) cores, \(String(format: "%.1f", memory)) GB"
}
