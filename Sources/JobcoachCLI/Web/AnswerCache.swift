import JobcoachCore
import JobcoachStore

/// The API's answers to reads, kept while the registry is unchanged: an answer is the command's
/// output for its arguments on a day, so the same arguments on the same day over the same
/// registry give the same bytes. Any change to the registry, through any connection, makes
/// every kept answer stale (`ChangeMark`); the first request after a change on each connection
/// notices it before it looks anything up.
public final class AnswerCache: @unchecked Sendable {
  private let lock = ConditionLock()
  /// Bumped on every change seen; answers are kept under the generation they were made in.
  private var generation: UInt64 = 0
  private var marks: [ObjectIdentifier: ChangeMark] = [:]
  private var answers: [String: (generation: UInt64, response: HTTPResponse)] = [:]
  private var bytes = 0
  let limitBytes: Int
  /// Answers given from the cache, for the tests.
  public private(set) var hits = 0

  public init(limitBytes: Int = 64 << 20) { self.limitBytes = limitBytes }

  /// The generation this request reads in, after noticing any change `store` sees.
  func generation(for store: RegistryStore) -> UInt64? {
    guard let mark = try? store.changeMark() else { return nil }
    return lock.withLock {
      let id = ObjectIdentifier(store)
      if marks[id] != mark {
        // A connection seen for the first time may follow a change too.
        generation += 1
        marks[id] = mark
      }
      return generation
    }
  }

  /// After a write through `store`: its own next mark differs too, this only makes it sure.
  func changed(_ store: RegistryStore) {
    lock.withLock {
      generation += 1
      marks[ObjectIdentifier(store)] = nil
    }
  }

  /// The registers as published on a day, kept as answers are: the public pages read them on
  /// every request.
  private var registers: (generation: UInt64, day: CalendarDate, value: [PublicRegister])?

  func keptRegisters(on day: CalendarDate, generation: UInt64) -> [PublicRegister]? {
    lock.withLock {
      guard let registers, registers.generation == generation, registers.day == day else {
        return nil
      }
      hits += 1
      return registers.value
    }
  }

  func keep(_ value: [PublicRegister], on day: CalendarDate, generation: UInt64) {
    lock.withLock { registers = (generation, day, value) }
  }

  func answer(_ key: String, generation: UInt64) -> HTTPResponse? {
    lock.withLock {
      guard let kept = answers[key], kept.generation == generation else { return nil }
      hits += 1
      return kept.response
    }
  }

  func keep(_ response: HTTPResponse, _ key: String, generation: UInt64) {
    lock.withLock {
      if bytes + response.body.count > limitBytes {
        answers.removeAll(keepingCapacity: true)
        bytes = 0
      }
      if let old = answers.updateValue((generation, response), forKey: key) {
        bytes -= old.response.body.count
      }
      bytes += response.body.count
    }
  }
}
