/// Reads one CSV table into import records, as a stream: the header gives the kind (or the
/// caller names it) and the columns; each row is decoded as soon as it is read.
public enum TableReader {
  /// Reads `source`, handing each row's record to `record` with its place; every problem goes
  /// to `log` (a row with problems gives no record).
  public static func read<Source: ByteSource>(
    _ source: Source, file: String, kind: TableKind?, log: ProblemLog,
    chunkSize: Int = 1 << 20, progress: ((Int) -> Void)? = nil,
    _ record: (ImportRecord, RecordPlace) -> Void
  ) -> DocumentInfo {
    // One concrete reader, specialised in this module, whatever the caller's source.
    var source = source
    // Problems are met here first and passed on in the order of the rows: a run of activities
    // held back is handed on before the problem of a row after it.
    let rowLog = ProblemLog(limit: .max)
    var reader = CSVReader(
      source: SourceReading { buffer, count in source.read(into: &buffer, count: count) },
      file: file, log: rowLog, chunkSize: chunkSize, progress: progress)
    var decoder: TableRowDecoder?
    var layout: TableLayout?
    var sawHeader = false
    var run: ListedActivityRun?
    func handOnRun() {
      if let held = run, !held.activities.isEmpty { record(.listedActivities(held), held.place(at: 0)) }
      run = nil
    }
    func passOnProblems() {
      guard !rowLog.isEmpty else { return }
      handOnRun()
      for problem in rowLog.takeProblems() { log.report(problem) }
    }
    _ = reader.readRecords { fields, line, separator, mayHoldNumber in
      passOnProblems()
      guard sawHeader else {
        sawHeader = true
        decoder = TableRowDecoder(
          header: fields, kind: kind, file: file, log: rowLog, separator: separator)
        layout = decoder?.layout
        passOnProblems()
        return
      }
      guard let layout else { return }
      let decoded = decoder!.decode(fields, line: line, mayHoldNumber: mayHoldNumber)
      passOnProblems()
      switch decoded {
      case nil: return
      case .record(let other)?:
        handOnRun()
        record(other, .row(TableRow(line: line, layout: layout)))
      case .activity(let coach, let activity, let attendance)?:
        if let held = run, held.coach != coach || held.attendance != attendance
          || held.activities.count >= maximumRun
        {
          handOnRun()
        }
        if run == nil {
          run = ListedActivityRun(coach: coach, attendance: attendance, layout: layout)
        }
        run!.activities.append(activity)
        run!.lines.append(line)
      }
    }
    passOnProblems()
    handOnRun()
    if !sawHeader, log.isEmpty {
      log.report(DocumentProblem(file: file, place: .text(line: 1, column: 1), reason: .emptyFile))
    }
    return DocumentInfo(
      kind: nil, tableKind: decoder?.kind, sha256: reader.sha256, byteCount: reader.byteCount)
  }
}

/// The most rows of activities passed on together, about a portfolio's: the pipeline's batches
/// of records then hold about what they hold of portfolios.
let maximumRun = 100

/// A byte source read through a closure.
struct SourceReading: ByteSource {
  let readInto: (inout [UInt8], Int) -> Int
  init(_ readInto: @escaping (inout [UInt8], Int) -> Int) { self.readInto = readInto }
  mutating func read(into buffer: inout [UInt8], count: Int) -> Int { readInto(&buffer, count) }
}
