#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A mutex with a condition to wait on, over POSIX threads.
public final class ConditionLock: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

  public init() {
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(condition, nil)
  }

  deinit {
    pthread_cond_destroy(condition)
    pthread_mutex_destroy(mutex)
    condition.deallocate()
    mutex.deallocate()
  }

  public func lock() { pthread_mutex_lock(mutex) }
  public func unlock() { pthread_mutex_unlock(mutex) }

  /// `body` with the lock held.
  public func withLock<T>(_ body: () throws -> T) rethrows -> T {
    lock()
    defer { unlock() }
    return try body()
  }
  /// Waits for a broadcast; call with the lock held.
  func wait() { pthread_cond_wait(condition, mutex) }
  func broadcast() { pthread_cond_broadcast(condition) }
}

/// A thread of its own, with a stack of `stackSize` bytes, running `body`; `join` waits for it.
final class WorkerThread: @unchecked Sendable {
  private let body: () -> Void
  #if canImport(Glibc)
    private var thread = pthread_t()
  #else
    private var thread: pthread_t?
  #endif

  init(stackSize: Int, _ body: @escaping () -> Void) {
    self.body = body
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    pthread_attr_setstacksize(&attributes, stackSize)
    let context = Unmanaged.passRetained(self).toOpaque()
    let status = pthread_create(
      &thread, &attributes,
      { context in
        #if canImport(Glibc)
          let worker = Unmanaged<WorkerThread>.fromOpaque(context!).takeRetainedValue()
        #else
          let worker = Unmanaged<WorkerThread>.fromOpaque(context).takeRetainedValue()
        #endif
        worker.body()
        return nil
      }, context)
    pthread_attr_destroy(&attributes)
    precondition(status == 0, "cannot start a thread: error \(status)")
  }

  /// Waits until `body` has returned.
  func join() {
    #if canImport(Glibc)
      pthread_join(thread, nil)
    #else
      if let thread { pthread_join(thread, nil) }
    #endif
  }
}
