internal import CSQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How long a connection waits for another program that holds the registry's write lock (a
/// long import, say) before giving up: a writer waits its turn, it does not fail on a lock.
public struct WaitPolicy: Sendable {
  /// The longest wait in seconds; nil waits as long as the other writer needs.
  public var limitSeconds: Int?
  /// Called once, when a wait has lasted a second: the front end says it is waiting.
  public var onWaiting: (@Sendable () -> Void)?

  public init(limitSeconds: Int?, onWaiting: (@Sendable () -> Void)? = nil) {
    self.limitSeconds = limitSeconds
    self.onWaiting = onWaiting
  }

  /// An hour: longer than any import of the national files takes.
  public static let `default` = WaitPolicy(limitSeconds: 3600)
}

/// SQLite's busy handler for one connection: sleeps and retries until the lock is free or the
/// policy's limit has passed. SQLite calls it only while another connection holds a lock.
final class BusyWaiter {
  let policy: WaitPolicy
  private var started = 0.0
  private var announced = false
  /// Seconds waited in the last wait, for the message when it gives up.
  private(set) var waited = 0.0

  init(policy: WaitPolicy) { self.policy = policy }

  static func seconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }

  /// Whether to try again (after a short sleep); `attempt` counts from 0 within one wait.
  func retry(attempt: Int32) -> Bool {
    let now = Self.seconds()
    if attempt == 0 {
      started = now
      announced = false
    }
    waited = now - started
    if let limit = policy.limitSeconds, waited >= Double(limit) { return false }
    if !announced && waited >= 1 {
      announced = true
      policy.onWaiting?()
    }
    // 1, 2, 4 ... ms, then every 50 ms: quick for a short commit, cheap for a long import.
    let milliseconds = attempt < 6 ? 1 << attempt : 50
    usleep(useconds_t(milliseconds * 1000))
    return true
  }

  /// Installs the handler on `handle`; the waiter must outlive the connection.
  func install(on handle: OpaquePointer) {
    sqlite3_busy_handler(
      handle,
      { context, attempt in
        guard let context else { return 0 }
        let waiter = Unmanaged<BusyWaiter>.fromOpaque(context).takeUnretainedValue()
        return waiter.retry(attempt: attempt) ? 1 : 0
      }, Unmanaged.passUnretained(self).toOpaque())
  }
}
