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
    var reader = CSVReader(
      source: SourceReading { buffer, count in source.read(into: &buffer, count: count) },
      file: file, log: log, chunkSize: chunkSize, progress: progress)
    var decoder: TableRowDecoder?
    var layout: TableLayout?
    var sawHeader = false
    _ = reader.readRecords { fields, line, separator, mayHoldNumber in
      guard sawHeader else {
        sawHeader = true
        decoder = TableRowDecoder(
          header: fields, kind: kind, file: file, log: log, separator: separator)
        layout = decoder?.layout
        return
      }
      guard let layout else { return }
      if let decoded = decoder!.record(fields, line: line, mayHoldNumber: mayHoldNumber) {
        record(decoded, .row(TableRow(line: line, layout: layout)))
      }
    }
    if !sawHeader, log.isEmpty {
      log.report(DocumentProblem(file: file, place: .text(line: 1, column: 1), reason: .emptyFile))
    }
    return DocumentInfo(
      kind: nil, tableKind: decoder?.kind, sha256: reader.sha256, byteCount: reader.byteCount)
  }
}

/// A byte source read through a closure.
struct SourceReading: ByteSource {
  let readInto: (inout [UInt8], Int) -> Int
  init(_ readInto: @escaping (inout [UInt8], Int) -> Int) { self.readInto = readInto }
  mutating func read(into buffer: inout [UInt8], count: Int) -> Int { readInto(&buffer, count) }
}
