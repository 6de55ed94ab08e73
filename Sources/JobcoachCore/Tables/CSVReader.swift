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
/// A CSV file's field separator.
public enum CSVSeparator: UInt8, Sendable {
  case comma = 0x2C
  case semicolon = 0x3B
}

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
    var hasher = SHA256()
    var buffer: [UInt8] = []
    buffer.reserveCapacity(chunkSize)
    var state = State.fieldStart
    var fields: [String] = []
    var field: [UInt8] = []
    var line = 1
    var recordLine = 1
    var recordBytes = 0
    var bad = false
    var ok = true
    var decided = false
    // Bytes held back until the header line shows the separator.
    var held: [UInt8] = []

    /// Drops a UTF-8 byte order mark; false after reporting a UTF-16 one.
    func takeByteOrderMark(_ bytes: inout [UInt8]) -> Bool {
      if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
        problem(1, 1, .utf16)
        return false
      }
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
      return true
    }
    func endField() -> Bool {
      guard let text = String(validating: field, as: UTF8.self) else {
        problem(recordLine, fields.count + 1, .csvNotUTF8)
        return false
      }
      fields.append(text)
      field.removeAll(keepingCapacity: true)
      return true
    }
    func endRecord() {
      if !bad && !(fields.count == 1 && fields[0].isEmpty) { record(fields, recordLine, separator) }
      fields.removeAll(keepingCapacity: true)
      bad = false
      recordBytes = 0
    }

    /// Feeds bytes through the state machine; false to stop reading the file.
    func feed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      let separatorByte = separator.rawValue
      for byte in bytes {
        recordBytes += 1
        if recordBytes > maximumRecordBytes {
          problem(recordLine, fields.count + 1, .csvRecordTooLong(bytes: maximumRecordBytes))
          return false
        }
        switch state {
        case .quoted:
          if byte == 0x22 {
            state = .quoteInQuoted
          } else {
            if byte == 0x0A { line += 1 }
            field.append(byte)
          }
          continue
        case .quoteInQuoted:
          if byte == 0x22 {
            field.append(byte)
            state = .quoted
            continue
          }
          state = .afterQuote
        case .afterCR:
          state = .fieldStart
          if byte == 0x0A { continue }
        default: break
        }
        switch byte {
        case separatorByte:
          guard endField() else { return false }
          state = .fieldStart
        case 0x0D, 0x0A:
          guard endField() else { return false }
          endRecord()
          line += 1
          recordLine = line
          state = byte == 0x0D ? .afterCR : .fieldStart
        case 0x22 where state == .fieldStart:
          state = .quoted
        default:
          if state == .afterQuote {
            if !bad { problem(line, fields.count + 1, .csvTextAfterQuote) }
            bad = true
          }
          field.append(byte)
          state = .inField
        }
      }
      return true
    }

    while true {
      buffer.removeAll(keepingCapacity: true)
      let count = source.read(into: &buffer, count: chunkSize)
      if count < 0 {
        problem(line, 1, .unreadable)
        ok = false
        break
      }
      if count == 0 { break }
      byteCount += count
      buffer.withUnsafeBytes { hasher.update($0) }
      progress?(byteCount)
      var chunk = buffer
      if !decided {
        // The header line is held whole before anything is read: it shows the separator,
        // and its first bytes whether there is a byte order mark (or UTF-16).
        held += chunk
        guard let decision = Self.detectCSVSeparator(held) else {
          if held.count > maximumRecordBytes {
            problem(1, 1, .csvRecordTooLong(bytes: maximumRecordBytes))
            ok = false
            break
          }
          continue
        }
        guard takeByteOrderMark(&held) else {
          ok = false
          break
        }
        separator = decision
        decided = true
        chunk = held
        held = []
      }
      let fed = chunk.withUnsafeBufferPointer { feed($0) }
      if !fed {
        ok = false
        break
      }
    }
    if ok && !decided {
      separator = Self.detectCSVSeparator(held, atEnd: true) ?? .comma
      decided = true
      ok = takeByteOrderMark(&held) && held.withUnsafeBufferPointer { feed($0) }
    }
    if ok {
      switch state {
      case .quoted:
        problem(recordLine, fields.count + 1, .csvUnterminatedQuote)
        ok = false
      default:
        if !field.isEmpty || !fields.isEmpty || state == .afterQuote || state == .quoteInQuoted {
          if endField() { endRecord() } else { ok = false }
        }
      }
    }
    sha256 = hasher.finalizeHex()
    return ok
  }

  enum State: Equatable {
    case fieldStart, inField, quoted, quoteInQuoted, afterQuote, afterCR
  }

  /// The separator of the header line (its first line outside quotes), once the line is
  /// whole (or `atEnd`); nil while it is not.
  static func detectCSVSeparator(_ bytes: [UInt8], atEnd: Bool = false) -> CSVSeparator? {
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
