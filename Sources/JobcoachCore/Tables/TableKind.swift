/// The kinds of CSV table `jobcoach import` reads (spreadsheets: a secretary's PE activities and
/// experience hours, a coach's hour bookings, a course provider's attendance list), beside the
/// JSON documents. Each is described in `Schemas/` as a CSV on the Web table description.
public enum TableKind: String, CaseIterable, Hashable, Sendable {
  /// PE activities (PE-activiteiten), one per row, of coaches named by id or register number.
  case peActivities = "pe-activities"
  /// Experience hours (werkervaring), one period per row.
  case experience
  /// Hour bookings on placements (urenregistratie).
  case hourBookings = "hour-bookings"
  /// A course provider's attendance list (presentielijst) for an accredited activity: the
  /// activity's code, date, hours, provider and list on every row, then the attendee.
  case attendance

  /// The table's columns in the order the samples write them.
  public var columns: [TableColumn] {
    switch self {
    case .peActivities:
      [
        .coach, .registerNumber, .register, .id, .date, .hours,
        TableColumn("category", "category", "categorie", .category, required: true),
        TableColumn(
          "accreditationCode", "accreditation code", "accreditatiecode", .text, required: false),
        TableColumn("title", "title", "titel", .text, required: true),
        TableColumn("provider", "provider", "aanbieder", .text, required: true),
        TableColumn("evidence", "evidence document", "bewijsstuk", .text, required: false),
      ]
    case .experience:
      [
        .coach, .registerNumber, .register,
        TableColumn("organisation", "organisation", "organisatie", .text, required: true),
        TableColumn("from", "from", "van", .date, required: true),
        TableColumn("until", "until", "tot en met", .date, required: true),
        .hours,
        TableColumn("description", "description", "omschrijving", .text, required: false),
        TableColumn("evidence", "evidence document", "bewijsstuk", .text, required: true),
      ]
    case .hourBookings:
      [
        .id,
        TableColumn("placement", "placement", "plaatsing", .text, required: true),
        TableColumn("coach", "coach", "jobcoach", .text, required: true),
        .date, .hours,
        TableColumn("activity", "activity", "activiteit", .activity, required: false),
        TableColumn("goals", "goals", "doelen", .list, required: false),
        TableColumn("with", "contact with", "contact met", .parties, required: false),
        TableColumn("contact", "visit or call", "bezoek of telefonisch", .contact, required: false),
        TableColumn("report", "report", "rapportage", .text, required: false),
        TableColumn("description", "description", "omschrijving", .text, required: false),
      ]
    case .attendance:
      [
        TableColumn(
          "accreditationCode", "accreditation code", "accreditatiecode", .text, required: true),
        .date, .hours,
        TableColumn("provider", "provider", "aanbieder", .text, required: true),
        TableColumn("list", "list document", "presentielijst", .text, required: true),
        TableColumn("title", "title", "titel", .text, required: false),
        .registerNumber, .coach, .register,
      ]
    }
  }

  /// The columns that name the coach: one of them must be there and filled on each row.
  var namesCoachByNumber: Bool { self != .hourBookings }

  /// The kind of document whose records the rows become: bookings, or portfolio entries.
  public var documentKind: DocumentKind { self == .hourBookings ? .hourBookings : .portfolios }

  /// The CSVW table description in `Schemas/`.
  public var metadataFileName: String { "\(rawValue).csv-metadata.json" }

  /// The kind whose required columns the header holds (and a column naming the coach); of
  /// several, the one with the fewest columns it does not know. Nil when none, or a tie.
  public static func recognise(_ headers: [String]) -> TableKind? {
    let found = Set(headers.map(TableColumn.normalised))
    let fitting = allCases.filter { kind in
      kind.columns.filter(\.required).allSatisfy { !found.isDisjoint(with: $0.names) }
        && (!kind.namesCoachByNumber
          || !found.isDisjoint(
            with: TableColumn.coach.names.union(TableColumn.registerNumber.names)))
    }.map { kind in
      let names = kind.columns.reduce(into: Set<String>()) { $0.formUnion($1.names) }
      return (kind: kind, unknown: found.subtracting(names).count)
    }
    guard let fewest = fitting.map(\.unknown).min() else { return nil }
    let best = fitting.filter { $0.unknown == fewest }
    return best.count == 1 ? best[0].kind : nil
  }

  /// The table a listed PE activity comes from: an attendance list, or a list of activities.
  static func listing(attendance: Bool) -> TableKind { attendance ? .attendance : .peActivities }
}

/// One column of a table kind: the record's field it fills (the JSON key), its English and
/// Dutch header, and how its text is read.
public struct TableColumn: Hashable, Sendable {
  public enum Value: Hashable, Sendable {
    case text, date, hours, list, parties, category, contact, activity
  }

  public var field: String
  public var english: String
  public var dutch: String
  public var value: Value
  public var required: Bool

  init(_ field: String, _ english: String, _ dutch: String, _ value: Value, required: Bool) {
    self.field = field
    self.english = english
    self.dutch = dutch
    self.value = value
    self.required = required
  }

  static let coach = TableColumn("coach", "coach", "jobcoach", .text, required: false)
  static let registerNumber = TableColumn(
    "registerNumber", "register number", "registernummer", .text, required: false)
  static let register = TableColumn("register", "register", "register", .text, required: false)
  static let id = TableColumn("id", "id", "id", .text, required: false)
  static let date = TableColumn("date", "date", "datum", .date, required: true)
  static let hours = TableColumn("hours", "hours", "uren", .hours, required: true)

  /// The header texts this column answers to, normalised: the English and Dutch headers, the
  /// field's own name, and the Dutch `coach id`/`jobcoach id` forms.
  public var names: Set<String> {
    var names: Set<String> = [english, dutch, field].map(Self.normalised).reduce(into: []) {
      $0.insert($1)
    }
    if field == "coach" { names.formUnion(["coachid", "jobcoachid"]) }
    return names
  }

  /// Lower case, without spaces, underscores, hyphens and dots: `Register number`,
  /// `register_number` and `registerNumber` are one name.
  public static func normalised(_ header: String) -> String {
    String(
      header.lowercased().unicodeScalars.filter { !" _-.\t".unicodeScalars.contains($0) }
        .map(Character.init))
  }
}
