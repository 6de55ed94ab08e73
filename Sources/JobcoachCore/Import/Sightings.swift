/// Where an import first saw each record it names uniquely (and, for a booking, its
/// placement), to report a second one with the first's place. An import of millions of
/// bookings must not hold them all in memory: the registry keeps them in a temporary table
/// (`RegistryStore`'s import); a check of documents on their own keeps them here.
public protocol RecordSightings: AnyObject {
  /// Notes `name` as seen at `place` in `file` (a booking with its placement as `detail`)
  /// unless it was seen before; then returns the first sighting and notes nothing.
  func sight(_ name: RecordName, file: String, place: DocumentProblem.Place, detail: String?)
    -> RecordSighting?
  /// The sighting of `name`, if this import saw it.
  func sighting(of name: RecordName) -> RecordSighting?
  /// Keeps a reference to a coach, placement or booking not known yet, to check at the end.
  func postpone(_ reference: PostponedReference)
  /// Every reference postponed, in the order postponed.
  func forEachPostponed(_ body: (PostponedReference) -> Void)
}

/// A reference to a coach, placement or booking that no record seen so far holds: bookings
/// read before their placements' file give one each, so an import may hold millions.
public struct PostponedReference: Hashable, Sendable {
  public enum Target: String, Hashable, Sendable {
    case coach, placement, booking
  }
  /// Its place among all the references the import postponed.
  public var sequence: Int
  public var target: Target
  public var id: String
  /// For a booking: the placement the reference names it on.
  public var placement: String?
  public var file: String
  public var place: DocumentProblem.Place

  public init(
    sequence: Int, target: Target, id: String, placement: String? = nil, file: String,
    place: DocumentProblem.Place
  ) {
    self.sequence = sequence
    self.target = target
    self.id = id
    self.placement = placement
    self.file = file
    self.place = place
  }
}

/// Where a record was first seen.
public struct RecordSighting: Hashable, Sendable {
  public var file: String
  public var place: DocumentProblem.Place
  public var detail: String?

  public init(file: String, place: DocumentProblem.Place, detail: String?) {
    self.file = file
    self.place = place
    self.detail = detail
  }
}

/// Sightings held in memory.
public final class SightingsInMemory: RecordSightings {
  var sightings: [RecordName: RecordSighting] = [:]
  var postponed: [PostponedReference] = []

  public init() {}

  public func sight(
    _ name: RecordName, file: String, place: DocumentProblem.Place, detail: String?
  ) -> RecordSighting? {
    if let first = sightings[name] { return first }
    sightings[name] = RecordSighting(file: file, place: place, detail: detail)
    return nil
  }

  public func sighting(of name: RecordName) -> RecordSighting? { sightings[name] }

  public func postpone(_ reference: PostponedReference) { postponed.append(reference) }

  public func forEachPostponed(_ body: (PostponedReference) -> Void) {
    for reference in postponed { body(reference) }
  }
}

extension RecordName {
  /// One text per name, for a table's key: the kind, then each part, separated by a byte no
  /// identifier holds.
  public var key: String {
    let parts: [String] =
      switch self {
      case .organisation(let id): ["organisation", id.rawValue]
      case .coach(let id): ["coach", id.rawValue]
      case .placement(let id): ["placement", id.rawValue]
      case .portfolio(let id): ["portfolio", id.rawValue]
      case .membership(let coach, let register): ["membership", coach.rawValue, register.rawValue]
      case .registerNumber(let number, let register): ["registerNumber", number, register.rawValue]
      case .register(let id): ["register", id.rawValue]
      case .booking(let id): ["booking", id.rawValue]
      case .decision(let id): ["decision", id.rawValue]
      case .publicEntry(let number): ["publicEntry", number]
      case .education(let id): ["education", id.rawValue]
      case .accreditation(let code): ["accreditation", code]
      case .norm(let register, let from): ["norm", register.rawValue, from.description]
      case .policy(let id, let from): ["policy", id.rawValue, from.description]
      }
    return parts.joined(separator: "\u{1F}")
  }
}

extension RecordPlace {
  /// The record place a problem's place names (a whole row as its line).
  init(_ place: DocumentProblem.Place) {
    switch place {
    case .pointer(let pointer): self = .pointer(pointer)
    case .cell(let line, let column, let header):
      self = .cell(line: line, column: column, header: header)
    case .text(let line, _):
      self = .row(TableRow(line: line, layout: TableLayout(headers: [], columns: [:])))
    }
  }
}

extension DocumentProblem.Place {
  /// The place as one text (`p` and a JSON pointer, `t` line and column, `c` line, column
  /// and header), and back.
  public var stored: String {
    switch self {
    case .pointer(let pointer): "p" + pointer.description
    case .text(let line, let column): "t\(line):\(column)"
    case .cell(let line, let column, let header): "c\(line):\(column):\(header)"
    }
  }

  public init?(stored: String) {
    guard let tag = stored.first else { return nil }
    let rest = stored.dropFirst()
    switch tag {
    case "p":
      guard rest.isEmpty || rest.first == "/" else { return nil }
      let tokens = rest.isEmpty ? [] : rest.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
      self = .pointer(
        JSONPointer(
          tokens.map {
            String($0).replacingAll("~1", with: "/").replacingAll("~0", with: "~")
          }))
    case "t", "c":
      let parts = rest.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
      guard parts.count >= 2, let line = Int(parts[0]), let column = Int(parts[1]) else {
        return nil
      }
      if tag == "t" {
        self = .text(line: line, column: column)
      } else {
        guard parts.count == 3 else { return nil }
        self = .cell(line: line, column: column, header: String(parts[2]))
      }
    default: return nil
    }
  }
}
