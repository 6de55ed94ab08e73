/// A CSV file's field separator.
public enum CSVSeparator: UInt8, Sendable {
  case comma = 0x2C
  case semicolon = 0x3B
}

/// Reads a CSV file as a spreadsheet writes it, as a stream: RFC 4180 quoting (a quoted field may
/// hold separators, line breaks and doubled quotes), comma or semicolon, UTF-8 with or without a
/// byte order mark, CRLF or LF. Each record is handed on with its line as soon as it ends, so
/// memory does not grow with the file. Every problem is reported with its line and column (the
/// field's number); a file that is not UTF-8 (a spreadsheet saved as Latin-1 or Windows-1252),
/// or is UTF-16, is refused at its first such byte and not read further.
///
/// The separator is the header line's: a semicolon when it holds more semicolons than commas
/// outside quotes (Dutch Excel), else a comma.
///
/// Complexity: O(n) in the file size; memory O(chunk + longest record).
public struct CSVReader<Source: ByteSource> {
  var source: Source
  let file: String
  let log: ProblemLog
  let chunkSize: Int
  /// A record longer than this is refused (and the file with it): memory stays bounded.
  let maximumRecordBytes: Int
  let progress: ((Int) -> Void)?

  public private(set) var separator: CSVSeparator = .comma
  public private(set) var sha256 = ""
  public private(set) var byteCount = 0

  public init(
    source: Source, file: String, log: ProblemLog, chunkSize: Int = 1 << 20,
    maximumRecordBytes: Int = 1 << 20, progress: ((Int) -> Void)? = nil
  ) {
    self.source = source
    self.file = file
    self.log = log
    self.chunkSize = chunkSize
    self.maximumRecordBytes = maximumRecordBytes
    self.progress = progress
  }

  func problem(_ line: Int, _ column: Int, _ reason: ProblemReason) {
    log.report(DocumentProblem(file: file, place: .text(line: line, column: column), reason: reason))
  }

  /// Reads the file, handing each record that holds anything to `record` with the line it
  /// starts on (1-based); a record with a quote problem is reported and not handed on.
  /// Returns false when the file could not be read to its end (a problem says why).
  public mutating func read(
    _ record: (_ fields: [String], _ line: Int, _ separator: CSVSeparator) -> Void
  ) -> Bool {
    readRecords { fields, line, separator, _ in record(fields, line, separator) }
  }

  /// As `read`, with whether a field of the record may hold a citizen service number: false
  /// when the bytes the record was read from hold none (`CitizenServiceNumber.occurs`), which
  /// then no field does, as a field's digit runs are runs of those bytes (quotes, separators
  /// and line ends end a run in both). A record begun in an earlier piece of the file is
  /// always `true`: a run may cross the pieces' border. Most rows of a large list then skip
  /// the scan of each field.
  public mutating func readRecords(
    _ record: (
      _ fields: [String], _ line: Int, _ separator: CSVSeparator, _ mayHoldNumber: Bool
    ) -> Void
  ) -> Bool {
    var hasher = SHA256()
    var buffer: [UInt8] = []
    buffer.reserveCapacity(chunkSize)
    let log = self.log
    let file = self.file
    var tokenizer = CSVTokenizer(maximumRecordBytes: maximumRecordBytes) { line, column, reason in
      log.report(
        DocumentProblem(file: file, place: .text(line: line, column: column), reason: reason))
    }
    // The header line is held whole before anything is read: it shows the separator, and its
    // first bytes whether there is a byte order mark (or UTF-16).
    var held: [UInt8] = []
    var decided = false
    var ok = true

    /// Drops a UTF-8 byte order mark; false after reporting a UTF-16 one.
    func takeByteOrderMark(_ bytes: inout [UInt8]) -> Bool {
      if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
        problem(1, 1, .utf16)
        return false
      }
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
      return true
    }
    func feed(_ bytes: [UInt8]) -> Bool {
      let separator = self.separator
      return bytes.withUnsafeBufferPointer { pointer in
        tokenizer.pieceMayHoldNumber = CitizenServiceNumber.occurs(inBytes: pointer)
        return tokenizer.feed(pointer) { fields, line, mayHold in
          record(fields, line, separator, mayHold)
        }
      }
    }

    while ok {
      buffer.removeAll(keepingCapacity: true)
      let count = source.read(into: &buffer, count: chunkSize)
      if count < 0 {
        problem(tokenizer.line, 1, .unreadable)
        ok = false
        break
      }
      if count == 0 { break }
      byteCount += count
      buffer.withUnsafeBytes { hasher.update($0) }
      progress?(byteCount)
      if decided {
        ok = feed(buffer)
        continue
      }
      held += buffer
      if let decision = Self.detectSeparator(held) {
        separator = decision
        decided = true
        tokenizer.separator = decision.rawValue
        ok = takeByteOrderMark(&held) && feed(held)
        held = []
      } else if held.count > maximumRecordBytes {
        problem(1, 1, .csvRecordTooLong(bytes: maximumRecordBytes))
        ok = false
      }
    }
    if ok && !decided {
      separator = Self.detectSeparator(held, atEnd: true) ?? .comma
      tokenizer.separator = separator.rawValue
      ok = takeByteOrderMark(&held) && feed(held)
    }
    if ok {
      let separator = self.separator
      ok = tokenizer.finish { fields, line, mayHold in record(fields, line, separator, mayHold) }
    }
    // A file refused part-way is still hashed whole, so its digest does not depend on where
    // the reading stopped.
    if !ok {
      while true {
        buffer.removeAll(keepingCapacity: true)
        let count = source.read(into: &buffer, count: chunkSize)
        if count <= 0 { break }
        byteCount += count
        buffer.withUnsafeBytes { hasher.update($0) }
      }
    }
    sha256 = hasher.finalizeHex()
    return ok
  }

  /// The separator of the header line (its first line outside quotes), once the line is
  /// whole (or `atEnd`); nil while it is not.
  static func detectSeparator(_ bytes: [UInt8], atEnd: Bool = false) -> CSVSeparator? {
    var commas = 0
    var semicolons = 0
    var quoted = false
    var complete = atEnd
    for byte in bytes {
      if byte == 0x22 { quoted.toggle() }
      if quoted { continue }
      if byte == 0x0A || byte == 0x0D {
        complete = true
        break
      }
      if byte == CSVSeparator.comma.rawValue { commas += 1 }
      if byte == CSVSeparator.semicolon.rawValue { semicolons += 1 }
    }
    guard complete else { return nil }
    return semicolons > commas ? .semicolon : .comma
  }
}

extension CSVReader where Source == ByteArraySource {
  /// The records of a whole CSV text (RFC 4180, as jobcoach writes it), by the same state
  /// machine that reads files; a record of one empty field (a blank line) is left out.
  public static func records(_ text: String, separator: CSVSeparator = .comma) -> [[String]] {
    var records: [[String]] = []
    var tokenizer = CSVTokenizer(maximumRecordBytes: .max) { _, _, _ in }
    tokenizer.separator = separator.rawValue
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBufferPointer {
      tokenizer.feed($0) { fields, _, _ in records.append(fields) }
    }
    _ = tokenizer.finish { fields, _, _ in records.append(fields) }
    return records
  }
}

/// The state machine of RFC 4180 over bytes in pieces: a record's fields and where it starts,
/// whatever the piece boundaries. Plain runs of bytes are copied at once.
struct CSVTokenizer {
  enum State: Equatable {
    case fieldStart, inField, quoted, quoteInQuoted, afterQuote, afterCR
  }

  var separator: UInt8 = CSVSeparator.comma.rawValue
  let maximumRecordBytes: Int
  var state = State.fieldStart
  var field: [UInt8] = []
  /// The bytes of the field so far OR-ed together: without the high bit, plain ASCII.
  var fieldBits: UInt8 = 0
  var fields: [String] = []
  var line = 1
  var recordLine = 1
  var recordBytes = 0
  /// The record has a problem: it is not handed on.
  var bad = false
  /// Whether the piece being fed may hold a citizen service number (its bytes were scanned).
  var pieceMayHoldNumber = true
  /// The pieces fed so far, and the one the current record began in.
  var pieces = 0
  var recordPiece = 0
  /// Whether a field of the record just ended may hold a citizen service number.
  var recordMayHoldNumber: Bool { pieceMayHoldNumber || recordPiece != pieces }
  /// Where problems go, as they are met: line, column (field number), reason.
  let report: (Int, Int, ProblemReason) -> Void

  init(maximumRecordBytes: Int, report: @escaping (Int, Int, ProblemReason) -> Void) {
    self.maximumRecordBytes = maximumRecordBytes
    self.report = report
  }

  /// Ends the field; false (after noting why) when its bytes are not UTF-8.
  mutating func endField() -> Bool {
    // Moved out while it is read, so the buffer is neither copied nor reallocated.
    var bytes: [UInt8] = []
    swap(&bytes, &field)
    let bits = fieldBits
    let ended = bytes.withUnsafeBufferPointer { endField(plain: $0, bits: bits) }
    bytes.removeAll(keepingCapacity: true)
    swap(&bytes, &field)
    fieldBits = 0
    return ended
  }

  /// Ends a field of `bytes`, whose bytes OR-ed together are `bits` (without the high bit:
  /// plain ASCII); a field that is one plain run of a piece (most fields of a list) is made
  /// straight from the piece, not copied into `field` first.
  mutating func endField(plain bytes: UnsafeBufferPointer<UInt8>, bits: UInt8) -> Bool {
    if bits & 0x80 == 0 {
      fields.append(String(decoding: bytes, as: UTF8.self))
    } else {
      guard let text = String(validating: bytes, as: UTF8.self) else {
        report(recordLine, fields.count + 1, .csvNotUTF8)
        return false
      }
      fields.append(text)
    }
    return true
  }

  mutating func endRecord(_ record: ([String], Int, Bool) -> Void) {
    if !bad && !(fields.count == 1 && fields[0].isEmpty) {
      record(fields, recordLine, recordMayHoldNumber)
    }
    fields.removeAll(keepingCapacity: true)
    bad = false
    recordBytes = 0
    recordPiece = pieces
  }

  /// Reads `bytes`, handing on each record they end (its fields, its first line, and whether a
  /// field may hold a citizen service number); false to stop reading the file.
  mutating func feed(
    _ bytes: UnsafeBufferPointer<UInt8>, _ record: ([String], Int, Bool) -> Void
  ) -> Bool {
    pieces += 1
    // Between records: the next one begins in this piece.
    if fields.isEmpty && field.isEmpty && (state == .fieldStart || state == .afterCR) {
      recordPiece = pieces
    }
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      switch state {
      case .quoted:
        // A run inside quotes up to the next quote, at once.
        var end = index
        while end < count && bytes[end] != 0x22 {
          if bytes[end] == 0x0A { line += 1 }
          fieldBits |= bytes[end]
          end += 1
        }
        field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
        recordBytes += end - index
        guard recordBytes <= maximumRecordBytes else { return tooLong() }
        if end < count {
          state = .quoteInQuoted
          recordBytes += 1
          end += 1
        }
        index = end
        continue
      case .quoteInQuoted:
        if byte == 0x22 {
          field.append(byte)
          state = .quoted
          recordBytes += 1
          index += 1
          continue
        }
        state = .afterQuote
      case .afterCR:
        state = .fieldStart
        if byte == 0x0A {
          index += 1
          continue
        }
      default: break
      }
      recordBytes += 1
      guard recordBytes <= maximumRecordBytes else { return tooLong() }
      switch byte {
      case separator:
        guard endField() else { return false }
        state = .fieldStart
        index += 1
      case 0x0D, 0x0A:
        guard endField() else { return false }
        endRecord(record)
        line += 1
        recordLine = line
        state = byte == 0x0D ? .afterCR : .fieldStart
        index += 1
      case 0x22 where state == .fieldStart:
        state = .quoted
        index += 1
      default:
        if state == .afterQuote {
          if !bad { report(line, fields.count + 1, .csvTextAfterQuote) }
          bad = true
        }
        // A plain run up to the next separator, line end or quote, at once.
        var end = index + 1
        var bits = byte
        while end < count {
          let next = bytes[end]
          if next == separator || next == 0x0A || next == 0x0D || next == 0x22 { break }
          bits |= next
          end += 1
        }
        recordBytes += end - index - 1
        guard recordBytes <= maximumRecordBytes else { return tooLong() }
        // A whole field in this piece, ended by a separator or a line end: taken as it is.
        if state == .fieldStart && end < count && bytes[end] == separator {
          guard endField(plain: UnsafeBufferPointer(rebasing: bytes[index..<end]), bits: bits)
          else { return false }
          recordBytes += 1
          guard recordBytes <= maximumRecordBytes else { return tooLong() }
          index = end + 1
          continue
        }
        fieldBits |= bits
        field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
        state = .inField
        index = end
      }
    }
    return true
  }

  mutating func tooLong() -> Bool {
    report(recordLine, fields.count + 1, .csvRecordTooLong(bytes: maximumRecordBytes))
    return false
  }

  /// At the end of the file: the last record, when it has no line end; false on a problem.
  mutating func finish(_ record: ([String], Int, Bool) -> Void) -> Bool {
    if state == .quoted {
      report(recordLine, fields.count + 1, .csvUnterminatedQuote)
      return false
    }
    if !field.isEmpty || !fields.isEmpty || state == .afterQuote || state == .quoteInQuoted {
      guard endField() else { return false }
      endRecord(record)
    }
    return true
  }
}
