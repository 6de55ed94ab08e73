import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One finished child process: how long it took, its peak memory, its exit code.
struct Measurement {
  var seconds: Double
  var peakKilobytes: Int
  var exitCode: Int32
  var output: String
}

/// Runs `arguments` (the first is the program, looked up in PATH), stdout captured to a file,
/// stderr discarded; wall time from spawn to exit and the child's peak resident memory.
///
/// Linux counts in a child's peak the peak of the process it was spawned from (`posix_spawn`
/// shares the parent's memory until the exec), so the bench keeps its own memory small: it
/// keeps a child's output only when asked, and generates the data in a child of its own.
func measure(_ arguments: [String], stdin: String? = nil, keepOutput: Bool = false) throws
  -> Measurement
{
  let outputPath = NSTemporaryDirectory() + "jobcoach-bench-\(getpid()).out"
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  if let stdin { posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0) }
  let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
  defer { for pointer in argv { free(pointer) } }
  var pid = pid_t()
  let start = DispatchTime.now().uptimeNanoseconds
  let status = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
  guard status == 0 else { throw BenchError("cannot start \(arguments[0]): error \(status)") }
  var waitStatus: Int32 = 0
  var usage = rusage()
  guard wait4(pid, &waitStatus, 0, &usage) == pid else { throw BenchError("wait4 failed") }
  let end = DispatchTime.now().uptimeNanoseconds
  let output = keepOutput ? (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" : ""
  unlink(outputPath)
  #if canImport(Darwin)
    let peak = Int(usage.ru_maxrss) / 1024
  #else
    let peak = Int(usage.ru_maxrss)
  #endif
  let exited = (waitStatus & 0x7f) == 0
  return Measurement(
    seconds: Double(end - start) / 1e9, peakKilobytes: peak,
    exitCode: exited ? (waitStatus >> 8) & 0xff : 128 + (waitStatus & 0x7f), output: output)
}

/// The median of `count` runs.
/// Two commands timed `count` times each, in turn (a, b, a, b, ...) so both see the same
/// machine: on a shared machine its speed drifts over a minute by more than the difference
/// being measured.
struct Paired {
  /// The median run of each.
  var first: Measurement
  var second: Measurement
  /// The median over the pairs of second / first: each pair ran back to back, so a drift of
  /// the machine's speed cancels out of its ratio.
  var ratio: Double
}

func paired(
  _ count: Int, _ first: () throws -> Measurement, _ second: () throws -> Measurement
) throws -> Paired {
  var firsts: [Measurement] = []
  var seconds: [Measurement] = []
  for _ in 0..<count {
    firsts.append(try first())
    seconds.append(try second())
  }
  func middle(_ runs: [Measurement]) -> Measurement {
    runs.sorted { $0.seconds < $1.seconds }[runs.count / 2]
  }
  let ratios = zip(firsts, seconds).map { $1.seconds / $0.seconds }.sorted()
  return Paired(first: middle(firsts), second: middle(seconds), ratio: ratios[count / 2])
}

/// This program's own path, to run `generate` in a child of its own: the generator's memory
/// would otherwise count in every later child's peak.
func benchProgram() -> String {
  #if os(Linux)
    return (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
  #else
    return CommandLine.arguments[0]
  #endif
}

/// Stops with the one build command when the jobcoach binary to measure is not there.
func requireJobcoach(_ path: String) throws {
  guard FileManager.default.isExecutableFile(atPath: path) else {
    throw BenchError(
      "no jobcoach binary at '\(path)': build it with '\(BenchRun.buildCommand)' or pass "
        + "--jobcoach PATH")
  }
}
