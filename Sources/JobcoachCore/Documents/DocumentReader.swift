/// Where a document's bytes come from: a file the CLI reads in pieces, or bytes in memory.
public protocol ByteSource {
  /// Appends up to `count` bytes to `buffer` and returns how many; 0 at the end, -1 when the
  /// source cannot be read.
  mutating func read(into buffer: inout [UInt8], count: Int) -> Int
}

/// Bytes already in memory.
public struct ByteArraySource: ByteSource {
  let bytes: [UInt8]
  var offset = 0

  public init(_ bytes: [UInt8]) { self.bytes = bytes }

  public mutating func read(into buffer: inout [UInt8], count: Int) -> Int {
    let end = min(bytes.count, offset + count)
    buffer.append(contentsOf: bytes[offset..<end])
    defer { offset = end }
    return end - offset
  }
}

/// One record a document holds, of any kind.
public enum ImportRecord: Hashable, Sendable {
  case organisation(Organisation)
  case coach(Coach)
  case placement(Placement)
  case policy(MunicipalPolicy)
  case education(RecognisedEducation)
  case accreditation(Accreditation)
  case norm(PENorm)
  case register(Register)
  case portfolio(Portfolio)
  case membership(Membership)
  case booking(HourBooking)
  /// A PE activity from a table (a list of activities, or an attendance list). Indirect: a
  /// million of them pass between threads, and a copy is then one reference, not every text.
  indirect case listedActivity(ListedActivity)
  /// Consecutive activity rows of one table for one coach, as a table is streamed.
  case listedActivities(ListedActivityRun)
  /// A period of experience from a table.
  indirect case listedExperience(ListedExperience)
  case decision(FunderDecision)
  /// A whole public register, given once its document has been read.
  case publicRegister(PublicRegister)
}

extension ImportRecord {
  /// The kind of document the record comes from.
  public var kind: DocumentKind {
    switch self {
    case .organisation: .organisations
    case .coach: .coaches
    case .placement: .placements
    case .policy: .policies
    case .education: .educations
    case .accreditation: .accreditations
    case .norm: .peNorms
    case .register: .registers
    case .portfolio: .portfolios
    case .membership: .memberships
    case .booking: .hourBookings
    case .listedActivity, .listedActivities, .listedExperience: .portfolios
    case .decision: .funderDecisions
    case .publicRegister: .publicRegister
    }
  }
}

/// What reading one document found out about it.
public struct DocumentInfo: Sendable {
  public var kind: DocumentKind?
  /// For a CSV table, its kind (when its header was read).
  public var tableKind: TableKind?
  public var sha256: String
  public var byteCount: Int

  public init(kind: DocumentKind?, tableKind: TableKind? = nil, sha256: String, byteCount: Int) {
    self.kind = kind
    self.tableKind = tableKind
    self.sha256 = sha256
    self.byteCount = byteCount
  }
}

/// Reads one import document as a stream: the records array is read one element at a time,
/// each element parsed, decoded and handed on before the next is read, so memory stays flat
/// whatever the file size. Problems carry the same JSON pointers and line:column positions as
/// reading the whole file would.
///
/// Complexity: O(n) in the file size; memory O(largest record + chunk size).
public struct DocumentReader<Source: ByteSource> {
  var source: Source
  let file: String
  let log: ProblemLog
  let chunkSize: Int
  /// The largest single value (a record, a header member) read: what is longer is refused
  /// without being held, so memory stays bounded whatever the input.
  let maximumValueBytes: Int
  /// Called with the number of bytes read so far, after each chunk.
  let progress: ((Int) -> Void)?

  var buffer: [UInt8] = []
  /// The next byte to look at in `buffer`.
  var index = 0
  var atEnd = false
  var readFailed = false
  /// Bytes dropped from the front of `buffer` so far, and the line/column of `buffer[0]`.
  var consumed = 0
  var line = 1
  var column = 1
  var hasher = SHA256()
  var byteCount = 0
  /// Set when the last value scanned was longer than `maximumValueBytes`.
  var valueTooLarge = false
  /// The most bytes `buffer` held at once (what the reader's memory depends on).
  private(set) var peakBufferCount = 0

  /// The default for `maximumValueBytes`: 16 MiB, far beyond any record's size.
  public static var defaultMaximumValueBytes: Int { 16 << 20 }

  public init(
    source: Source, file: String, log: ProblemLog, chunkSize: Int = 1 << 20,
    maximumValueBytes: Int = defaultMaximumValueBytes, progress: ((Int) -> Void)? = nil
  ) {
    self.source = source
    self.file = file
    self.log = log
    self.chunkSize = chunkSize
    self.maximumValueBytes = maximumValueBytes
    self.progress = progress
  }

  // MARK: Bytes

  /// Reads another chunk, first dropping what is consumed. False at the end of the source.
  mutating func fill() -> Bool {
    if atEnd { return false }
    dropConsumed()
    return readMore()
  }

  /// Drops the bytes before `index`, keeping track of the line and column where `buffer` starts.
  mutating func dropConsumed() {
    guard index > 0 else { return }
    advancePosition(through: index)
    buffer.removeFirst(index)
    consumed += index
    index = 0
  }

  /// Appends a chunk from the source to `buffer`, hashing and counting it. False at the end.
  mutating func readMore() -> Bool {
    if atEnd { return false }
    let before = buffer.count
    let count = source.read(into: &buffer, count: chunkSize)
    guard count > 0 else {
      if count < 0 { readFailed = true }
      atEnd = true
      return false
    }
    buffer.withUnsafeBufferPointer { hasher.update(UnsafeBufferPointer(rebasing: $0[before...])) }
    byteCount += count
    peakBufferCount = max(peakBufferCount, buffer.count)
    progress?(byteCount)
    return true
  }

  /// Moves the line/column of `buffer[0]` past `buffer[..<end]`.
  mutating func advancePosition(through end: Int) {
    (line, column) = position(of: end)
  }

  /// The line and column of `buffer[offset]`.
  func position(of offset: Int) -> (line: Int, column: Int) {
    let end = min(offset, buffer.count)
    let (newlines, lastNewline) = buffer.withUnsafeBytes { bytes in
      lineFeeds(in: UnsafeRawBufferPointer(rebasing: bytes[..<end]))
    }
    return newlines > 0 ? (line + newlines, end - lastNewline) : (line, column + end)
  }

  /// The byte at `index`, reading more when needed; nil at the end.
  mutating func peek() -> UInt8? {
    while index >= buffer.count {
      if !fill() { return nil }
    }
    return buffer[index]
  }

  mutating func skipWhitespace() {
    while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
      index += 1
    }
  }

  /// Finds the end of the JSON value starting at `index` without parsing it: strings and
  /// nesting are followed, everything else is left to the parser. Returns the offset just past
  /// it, or nil when the input ends first or the value is longer than `maximumValueBytes`
  /// (then `valueTooLarge` is set). May read more (indices stay valid: nothing is dropped
  /// while scanning).
  mutating func scanValueEnd() -> Int? {
    var scanner = ValueEndScanner(position: index)
    valueTooLarge = false
    while true {
      // Everything from `index` on stays while the value is incomplete.
      while scanner.position >= buffer.count {
        if scanner.position - index > maximumValueBytes {
          valueTooLarge = true
          return nil
        }
        if !readMore() {
          // A number or literal may end with the input.
          let endsWithInput =
            scanner.depth == 0 && !scanner.inString && scanner.position > index
          return endsWithInput ? buffer.count : nil
        }
      }
      let start = index
      if let end = buffer.withUnsafeBufferPointer({ scanner.scan($0, valueStart: start) }) {
        return end
      }
    }
  }

  /// Moves past the value at `index` (an array or object) without keeping it, dropping what is
  /// scanned as it goes: for a records array that is not read. False when the input ends first.
  mutating func skipValue() -> Bool {
    var scanner = ValueEndScanner(position: index)
    while true {
      while scanner.position >= buffer.count {
        // The scan may stand past the end (after a backslash, on the escaped byte to come).
        let scanned = min(scanner.position, buffer.count)
        index = scanned
        dropConsumed()
        scanner.position -= scanned
        if !readMore() { return false }
      }
      let start = index
      if let end = buffer.withUnsafeBufferPointer({ scanner.scan($0, valueStart: start) }) {
        index = end
        return true
      }
    }
  }

  /// Parses the value at `index` (its end already found) and moves past it.
  mutating func parseValue(endingAt end: Int) -> Result<JSONValue, JSONSyntaxError> {
    let start = index
    let result: Result<JSONValue, JSONSyntaxError> = buffer.withUnsafeBufferPointer { all in
      let slice = UnsafeBufferPointer(rebasing: all[start..<end])
      return Result { () throws(JSONSyntaxError) in try JSONParser.parse(slice) }
    }
    if case .failure(let error) = result {
      let origin = position(of: start)
      return .failure(
        JSONSyntaxError(
          line: origin.line + error.line - 1,
          column: error.line == 1 ? origin.column + error.column - 1 : error.column,
          reason: error.reason))
    }
    index = end
    return result
  }

  // MARK: Problems

  func problem(at offset: Int, _ reason: ProblemReason) {
    let place = position(of: offset)
    log.report(
      DocumentProblem(
        file: file, place: .text(line: place.line, column: place.column),
        reason: .notValidJSON(reason)))
  }

  func problem(_ error: JSONSyntaxError) {
    log.report(
      DocumentProblem(
        file: file, place: .text(line: error.line, column: error.column),
        reason: .notValidJSON(error.reason)))
  }
}

/// The state of looking for the end of a JSON value, kept between chunks: strings and nesting
/// are followed, everything else is left to the parser.
struct ValueEndScanner {
  private typealias Lanes = SIMD16<UInt8>

  var position: Int
  var depth = 0
  var inString = false

  /// Scans `bytes` from `position`; the offset just past the value, or nil when `bytes` ends
  /// first (then `position` is where to go on once more bytes are there).
  mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, valueStart: Int) -> Int? {
    var position = self.position
    defer { self.position = position }
    while position < bytes.count {
      let byte = bytes[position]
      if inString {
        // The common case: plain text inside a string, skipped sixteen bytes at a time, then
        // one by one up to the quote or backslash.
        if let base = bytes.baseAddress {
          while position + Lanes.scalarCount <= bytes.count {
            let lanes = UnsafeRawPointer(base + position).loadUnaligned(as: Lanes.self)
            if any((lanes .== Lanes(repeating: 0x22)) .| (lanes .== Lanes(repeating: 0x5C))) {
              break
            }
            position += Lanes.scalarCount
          }
        }
        while position < bytes.count && bytes[position] != 0x22 && bytes[position] != 0x5C {
          position += 1
        }
        guard position < bytes.count else { break }
        if bytes[position] == 0x5C {
          position += 2
          continue
        }
        inString = false
        position += 1
        if depth == 0 { return position }
        continue
      }
      switch byte {
      case 0x22: inString = true
      case 0x7B, 0x5B: depth += 1
      case 0x7D, 0x5D:
        if depth == 0 { return position }
        depth -= 1
        if depth == 0 { return position + 1 }
      case 0x2C:
        if depth == 0 { return position }
      case 0x20, 0x0A, 0x0D, 0x09:
        if depth == 0 && position > valueStart { return position }
      default: break
      }
      position += 1
    }
    return nil
  }
}

/// How many line feeds `bytes` holds, and the offset of the last (-1 without any). Sixteen
/// bytes at a time: this runs over every byte of every document.
func lineFeeds(in bytes: UnsafeRawBufferPointer) -> (count: Int, last: Int) {
  typealias Lanes = SIMD16<UInt8>
  var count = 0
  var offset = 0
  if let base = bytes.baseAddress {
    let lineFeed = Lanes(repeating: 0x0A)
    while offset + Lanes.scalarCount <= bytes.count {
      let lanes = base.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
      count &+= Int(Lanes(repeating: 0).replacing(with: 1, where: lanes .== lineFeed).wrappedSum())
      offset += Lanes.scalarCount
    }
  }
  while offset < bytes.count {
    if bytes[offset] == 0x0A { count += 1 }
    offset += 1
  }
  guard count > 0 else { return (0, -1) }
  var last = bytes.count - 1
  while bytes[last] != 0x0A { last -= 1 }
  return (count, last)
}
