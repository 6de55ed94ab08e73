/// Where a record was read: a place in a JSON document, or a row of a CSV table. Checks that
/// span records name a field of the record (`appending("coach")`); in a table that is the cell
/// of the column the field was read from, with its header.
public enum RecordPlace: Hashable, Sendable {
  case pointer(JSONPointer)
  /// A whole row of a table.
  case row(TableRow)
  /// One cell: 1-based line and column, and the column's header as the file spells it.
  case cell(line: Int, column: Int, header: String)

  public func appending(_ key: String) -> RecordPlace {
    switch self {
    case .pointer(let pointer): .pointer(pointer.appending(key))
    case .row(let row): row.cell(of: key)
    case .cell: self
    }
  }

  public func appending(_ index: Int) -> RecordPlace {
    switch self {
    case .pointer(let pointer): .pointer(pointer.appending(index))
    case .row, .cell: self
    }
  }

  /// The place a problem names.
  public var problemPlace: DocumentProblem.Place {
    switch self {
    case .pointer(let pointer): .pointer(pointer)
    case .row(let row): .text(line: row.line, column: 1)
    case .cell(let line, let column, let header): .cell(line: line, column: column, header: header)
    }
  }
}

/// A row of a CSV table: its line, and which column holds which field.
public struct TableRow: Hashable, Sendable {
  public var line: Int
  public var layout: TableLayout

  public init(line: Int, layout: TableLayout) {
    self.line = line
    self.layout = layout
  }

  /// The cell of `field` (a record's key, as in JSON: `coach`, `date`), or the row.
  public func cell(of field: String) -> RecordPlace {
    guard let column = layout.columns[field] else { return .row(self) }
    return .cell(line: line, column: column + 1, header: layout.headers[column])
  }
}

/// A table's header: its names as written, and the column (0-based) of each field read.
public final class TableLayout: Hashable, Sendable {
  public let headers: [String]
  public let columns: [String: Int]

  public init(headers: [String], columns: [String: Int]) {
    self.headers = headers
    self.columns = columns
  }

  public static func == (lhs: TableLayout, rhs: TableLayout) -> Bool {
    lhs === rhs || (lhs.headers == rhs.headers && lhs.columns == rhs.columns)
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(headers) }
}
