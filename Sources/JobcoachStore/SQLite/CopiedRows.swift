internal import CSQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a decoder asks of a row: the current row of a statement, or a row copied from one.
/// One decoder reads both, so a row means the same wherever it is made into a value.
protocol ColumnReading {
  func isNull(_ column: Int32) -> Bool
  func int(_ column: Int32) -> Int
  func intOrNil(_ column: Int32) -> Int?
  /// The text of a column, or nil for NULL.
  func text(_ column: Int32) -> String?
  /// `body` over the bytes of a column's text, valid only inside it; nil for NULL.
  func withTextBytes<Result>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result)
    -> Result?
}

extension ColumnReading {
  /// The text as `previous` holds it when the bytes are the same (no new string), else a new
  /// one, which `previous` then holds; nil for NULL. For columns that repeat row after row.
  func text(_ column: Int32, reusing previous: inout KnownText?) -> String? {
    withTextBytes(column) { bytes in
      if let previous, previous.isSame(as: bytes) { return previous.text }
      let known = KnownText(bytes)
      previous = known
      return known.text
    }
  }

  /// Whether the column holds exactly the bytes of `known` (false for NULL), without making a
  /// string of it.
  func holds(_ column: Int32, _ known: KnownText) -> Bool {
    withTextBytes(column) { known.isSame(as: $0) } ?? false
  }

  /// Whether the column holds exactly the bytes of `text` (false for NULL).
  func holds(_ column: Int32, _ text: String) -> Bool {
    withTextBytes(column) { bytes in
      var text = text
      return text.withUTF8 { KnownText.equal($0, bytes) }
    } ?? false
  }

  /// Whether the column is NULL or holds no bytes.
  func isEmptyText(_ column: Int32) -> Bool { withTextBytes(column) { $0.isEmpty } ?? true }

  /// The parts of a list column (`employer,worker`) between the bytes `separator`, empty
  /// parts left out, as `split(separator:)` leaves them out; none for NULL. Byte by byte: a
  /// String's split walks characters, at thousands of instructions a list.
  func texts(_ column: Int32, separatedBy separator: UInt8) -> [String] {
    withTextBytes(column) { bytes in
      var parts: [String] = []
      var start = 0
      for index in 0...bytes.count where index == bytes.count || bytes[index] == separator {
        if index > start {
          parts.append(
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        }
        start = index + 1
      }
      return parts
    } ?? []
  }
}

/// A text kept with its UTF-8 bytes: a column's bytes are compared with it by one memcmp,
/// without a string made of them or the string's own bytes looked up.
struct KnownText: Sendable {
  let text: String
  private let bytes: [UInt8]

  init(_ text: String) {
    self.text = text
    bytes = Array(text.utf8)
  }

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    text = String(decoding: bytes, as: UTF8.self)
    self.bytes = Array(bytes)
  }

  func isSame(as other: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.withUnsafeBufferPointer { Self.equal($0, other) }
  }

  @inline(__always)
  static func equal(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    first.count == second.count
      && (first.isEmpty || memcmp(first.baseAddress!, second.baseAddress!, first.count) == 0)
  }
}

extension Statement: ColumnReading {}

/// Rows of a statement copied as they are (integers, texts, NULLs), so that another thread
/// can make them into values: the thread that steps the statement only copies bytes.
struct CopiedRows: Sendable {
  /// One column of one row: an integer, NULL, or the place of its text in `texts`.
  fileprivate struct Slot: Sendable {
    /// The integer, or where the text starts in `texts`.
    var value: Int64
    /// The text's length; `Slot.null` or `Slot.integer` for the others.
    var length: Int32
    static let null: Int32 = -1
    static let integer: Int32 = -2
  }

  let columns: Int32
  private var slots: [Slot] = []
  private var texts: [UInt8] = []

  init(columns: Int32) { self.columns = columns }

  var count: Int { slots.count / Int(columns) }

  /// Copies the row `statement` stands on.
  mutating func append(_ statement: Statement) {
    for column in 0..<columns {
      switch statement.columnType(column) {
      case SQLITE_NULL:
        slots.append(Slot(value: 0, length: Slot.null))
      case SQLITE_INTEGER:
        slots.append(Slot(value: Int64(statement.int(column)), length: Slot.integer))
      default:
        let start = texts.count
        statement.withTextBytes(column) { texts.append(contentsOf: $0) }
        slots.append(Slot(value: Int64(start), length: Int32(texts.count - start)))
      }
    }
  }

  /// Hands `body` each row in order.
  func forEach<Result>(_ body: (Row) throws(SQLiteError) -> Result) throws(SQLiteError)
    -> [Result]
  {
    var results: [Result] = []
    results.reserveCapacity(count)
    try slots.withUnsafeBufferPointer { slots throws(SQLiteError) in
      try texts.withUnsafeBufferPointer { texts throws(SQLiteError) in
        var start = 0
        while start < slots.count {
          results.append(try body(Row(slots: slots, texts: texts, start: start)))
          start += Int(columns)
        }
      }
    }
    return results
  }

  /// One copied row, valid inside `forEach`'s body.
  struct Row: ColumnReading {
    fileprivate let slots: UnsafeBufferPointer<Slot>
    fileprivate let texts: UnsafeBufferPointer<UInt8>
    fileprivate let start: Int

    private func slot(_ column: Int32) -> Slot { slots[start + Int(column)] }

    func isNull(_ column: Int32) -> Bool { slot(column).length == Slot.null }

    /// As SQLite converts: an integer as it is, NULL as 0 (a text column is never read so).
    func int(_ column: Int32) -> Int {
      let slot = slot(column)
      return slot.length == Slot.integer ? Int(slot.value) : 0
    }

    func intOrNil(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }

    /// The bytes of a text column; nil for NULL or an integer.
    private func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
      let slot = slot(column)
      guard slot.length >= 0 else { return nil }
      return UnsafeBufferPointer(
        rebasing: texts[Int(slot.value)..<Int(slot.value) + Int(slot.length)])
    }

    func text(_ column: Int32) -> String? {
      bytes(column).map { String(decoding: $0, as: UTF8.self) }
    }

    func withTextBytes<Result>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result)
      -> Result?
    {
      bytes(column).map(body)
    }
  }
}
