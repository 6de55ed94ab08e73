import JobcoachCore

/// Reads import documents on a second thread while the caller checks and writes the records:
/// reading (hashing, parsing, decoding) and writing each take about half of a large import.
///
/// What the reader finds arrives in exactly the order one thread would meet it (each
/// document's problems and records as they occur, then its end), so an import behaves as it
/// did on one thread. At most `capacity` batches wait, so memory stays flat.
final class DocumentPipeline: @unchecked Sendable {
  enum Event {
    case record(ImportRecord, file: String, place: RecordPlace)
    case problem(DocumentProblem)
    /// A document read to its end.
    case document(file: String, DocumentInfo)
    /// A file that could not be opened; the reader stops there.
    case unopenable(file: String)
  }

  private let condition = ConditionLock()
  private var queue: [[Event]] = []
  /// Batches the caller is done with, dropped on the reading thread: their records were
  /// allocated there, and freeing them there (not on the thread that writes, into another
  /// thread's heap) costs less.
  private var spent: [[Event]] = []
  private var readerDone = false
  private var cancelled = false
  private let capacity: Int
  private let batchSize: Int
  private let chunkSize: Int
  private let files: [String]
  private let tableKind: TableKind?
  private let progress: ProgressLine?
  private var reader: WorkerThread?

  /// Starts reading `files` in order on a thread of its own.
  init(
    files: [String], tableKind: TableKind? = nil, progress: ProgressLine?, capacity: Int = 8,
    batchSize: Int = 64, chunkSize: Int = 1 << 20
  ) {
    self.files = files
    self.tableKind = tableKind
    self.progress = progress
    self.capacity = capacity
    self.batchSize = batchSize
    self.chunkSize = chunkSize
    reader = WorkerThread(stackSize: 8 << 20) { [self] in readAll() }
  }

  /// The next events in order, waiting for the reader; nil when everything is read.
  func next() -> [Event]? {
    condition.lock()
    defer { condition.unlock() }
    while queue.isEmpty && !readerDone { condition.wait() }
    guard !queue.isEmpty else { return nil }
    let batch = queue.removeFirst()
    condition.broadcast()
    return batch
  }

  /// Hands back a batch `next` returned, once done with it, to be dropped on the reading thread.
  func giveBack(_ batch: [Event]) {
    condition.lock()
    spent.append(batch)
    condition.unlock()
  }

  /// Stops the reader (the file it is in reads as ended; nothing more is passed on) and waits
  /// for its thread to end. Call once, when done with the pipeline.
  func stop() {
    condition.lock()
    cancelled = true
    queue = []
    condition.broadcast()
    condition.unlock()
    reader?.join()
  }

  // MARK: The reading thread

  fileprivate var isCancelled: Bool {
    condition.lock()
    defer { condition.unlock() }
    return cancelled
  }

  /// Queues `batch`, waiting while the queue is full; false once cancelled.
  @discardableResult
  private func push(_ batch: [Event]) -> Bool {
    condition.lock()
    while queue.count >= capacity && !cancelled { condition.wait() }
    let given = spent
    spent = []
    let accepted = !cancelled
    if accepted {
      queue.append(batch)
      condition.broadcast()
    }
    condition.unlock()
    // The batches given back are freed here, outside the lock.
    withExtendedLifetime(given) {}
    return accepted
  }

  private func readAll() {
    defer {
      condition.lock()
      readerDone = true
      condition.broadcast()
      condition.unlock()
    }
    var before = 0
    for file in files {
      guard !isCancelled else { return }
      guard let source = FileSource(path: file) else {
        push([.unopenable(file: file)])
        return
      }
      let log = ProblemLog(limit: .max)
      var pending: [Event] = []
      pending.reserveCapacity(batchSize)
      var live = true
      func takeProblems() {
        for problem in log.takeProblems() { pending.append(.problem(problem)) }
      }
      // Problems also go on after each chunk, so a document of nothing but bad records
      // does not pile them up here (its records before them are already pending).
      func passOnProblems() {
        takeProblems()
        if live && !pending.isEmpty { live = push(pending) }
        pending.removeAll(keepingCapacity: true)
      }
      let progressing = { [before, progress] (done: Int) in
        progress?.update(before + done, file: file)
        if log.count >= self.batchSize { passOnProblems() }
      }
      func take(_ record: ImportRecord, _ place: RecordPlace) {
        guard live else { return }
        takeProblems()
        pending.append(.record(record, file: file, place: place))
        if pending.count >= batchSize {
          live = push(pending)
          pending.removeAll(keepingCapacity: true)
        }
      }
      let cancellable = CancellableSource(source: source, pipeline: self)
      let info: DocumentInfo
      if DocumentLoader.isTable(file) {
        info = TableReader.read(
          cancellable, file: file, kind: tableKind, log: log, chunkSize: chunkSize,
          progress: progressing, take)
      } else {
        var reader = DocumentReader(
          source: cancellable, file: file, log: log, chunkSize: chunkSize, progress: progressing)
        info = reader.read { record, pointer in take(record, .pointer(pointer)) }
      }
      takeProblems()
      pending.append(.document(file: file, info))
      guard live, push(pending) else { return }
      before += info.byteCount
    }
  }
}

/// A file that reads as ended once its pipeline is stopped, so the reader gives up the rest of
/// a large document at once (what it then finds is not passed on).
private struct CancellableSource: ByteSource {
  let source: FileSource
  unowned let pipeline: DocumentPipeline

  mutating func read(into buffer: inout [UInt8], count: Int) -> Int {
    pipeline.isCancelled ? 0 : source.read(into: &buffer, count: count)
  }
}
