/// A coach as a table names them: by id, or by register number in a register.
public enum CoachReference: Hashable, Sendable {
  case id(CoachID)
  case registerNumber(String, register: RegisterID)

  /// The coach named: by id, or the holder of the number (`holder(number, register)`).
  public func coach(_ holder: (String, RegisterID) -> CoachID?) -> CoachID? {
    switch self {
    case .id(let coach): coach
    case .registerNumber(let number, let register): holder(number, register)
    }
  }
}

/// A PE activity read from a table row, for the portfolio of the coach it names. It belongs to
/// the list it came from, not to the portfolio document: importing the coach's portfolio again
/// keeps it, and importing the list again changes nothing.
public struct ListedActivity: Hashable, Sendable {
  public var coach: CoachReference
  public var activity: PEActivity
  /// From a course provider's attendance list (presentielijst): the attendee must be a member
  /// of the register on the activity's date.
  public var attendance: Bool

  public init(coach: CoachReference, activity: PEActivity, attendance: Bool) {
    self.coach = coach
    self.activity = activity
    self.attendance = attendance
  }

  public var tableKind: TableKind { .listing(attendance: attendance) }
}

/// Consecutive PE activity rows of one table that name the same coach in the same way, passed
/// on together as a portfolio's activities are: a list of a million rows then costs the
/// threads that check and write it what a portfolio of them costs, not a record each. Every
/// row keeps its line, for its problems.
public struct ListedActivityRun: Hashable, Sendable {
  public var coach: CoachReference
  /// From a course provider's attendance list (see `ListedActivity.attendance`).
  public var attendance: Bool
  public var activities: [PEActivity] = []
  /// The line of each activity's row.
  public var lines: [Int] = []
  public var layout: TableLayout

  public init(coach: CoachReference, attendance: Bool, layout: TableLayout) {
    self.coach = coach
    self.attendance = attendance
    self.layout = layout
  }

  public var tableKind: TableKind { .listing(attendance: attendance) }

  /// The row of activity `index`, as it would be one record.
  public func listed(at index: Int) -> ListedActivity {
    ListedActivity(coach: coach, activity: activities[index], attendance: attendance)
  }

  /// Where activity `index` was read.
  public func place(at index: Int) -> RecordPlace {
    .row(TableRow(line: lines[index], layout: layout))
  }
}

/// A period of experience read from a table row, for the portfolio of the coach it names; like
/// a listed activity, it belongs to the list, and the same row imported again changes nothing.
public struct ListedExperience: Hashable, Sendable {
  public var coach: CoachReference
  public var entry: ExperienceEntry

  public init(coach: CoachReference, entry: ExperienceEntry) {
    self.coach = coach
    self.entry = entry
  }
}

/// Turns the rows of one CSV table into import records, through the same decoders (and so the
/// same rules and reasons) as the JSON documents: each row becomes the JSON object its record
/// would be, and a problem the decoder reports at a field is reported at that field's cell.
public struct TableRowDecoder {
  public let kind: TableKind
  public let layout: TableLayout
  let file: String
  let log: ProblemLog
  let decimalComma: Bool
  /// The kind's columns, and the header position of each (nil: not in this file).
  let columns: [TableColumn]
  let positions: [Int?]
  /// One row's trimmed, non-empty texts, by the kind's columns (reused row after row).
  var values: RowValues
  /// Where the fields the activity kinds read sit among `columns`.
  let slots: Slots
  /// The decoder's problems for one row (reused), reported again at their cells.
  let inner = ProblemLog(limit: 64)
  /// How often each derived id was seen in this file: identical rows get `-2`, `-3`.
  var derivedIDs: [String: Int] = [:]

  /// Reads the header: every column must be one of the kind's (unknown ones are reported),
  /// none twice, every required one present. With `kind` nil it is recognised from the header.
  /// Nil after reporting when the rows cannot be read.
  public init?(
    header: [String], kind given: TableKind?, file: String, log: ProblemLog,
    separator: CSVSeparator
  ) {
    let headers = header.map { $0.trimmingSpaces }
    guard let kind = given ?? TableKind.recognise(headers) else {
      log.report(
        DocumentProblem(
          file: file, place: .text(line: 1, column: 1),
          reason: .csvKindNotRecognised(kinds: TableKind.allCases.map(\.rawValue))))
      return nil
    }
    var columns: [String: Int] = [:]
    var failed = false
    func problem(_ column: Int, _ reason: ProblemReason) {
      log.report(
        DocumentProblem(
          file: file, place: .cell(line: 1, column: column + 1, header: headers[column]),
          reason: reason))
      failed = true
    }
    for (index, name) in headers.enumerated() {
      let normalised = TableColumn.normalised(name)
      if CitizenServiceNumber.occurs(in: name) {
        log.report(
          DocumentProblem(
            file: file, place: .text(line: 1, column: index + 1), reason: .citizenServiceNumber))
        failed = true
        continue
      }
      guard let column = kind.columns.first(where: { $0.names.contains(normalised) }) else {
        problem(
          index,
          .csvUnknownColumn(
            kind: kind.rawValue, known: kind.columns.map { "\($0.dutch)/\($0.english)" }))
        continue
      }
      if columns[column.field] != nil {
        problem(index, .csvColumnTwice)
        continue
      }
      columns[column.field] = index
    }
    for column in kind.columns where column.required && columns[column.field] == nil {
      log.report(
        DocumentProblem(
          file: file, place: .text(line: 1, column: 1),
          reason: .csvMissingColumn(dutch: column.dutch, english: column.english)))
      failed = true
    }
    if kind.namesCoachByNumber, columns["coach"] == nil, columns["registerNumber"] == nil {
      log.report(
        DocumentProblem(
          file: file, place: .text(line: 1, column: 1),
          reason: .csvMissingColumn(dutch: "registernummer", english: "coach")))
      failed = true
    }
    guard !failed else { return nil }
    self.kind = kind
    self.layout = TableLayout(headers: headers, columns: columns)
    self.file = file
    self.log = log
    self.decimalComma = separator == .semicolon
    let kindColumns = kind.columns
    self.columns = kindColumns
    self.positions = kindColumns.map { columns[$0.field] }
    self.values = RowValues(fields: kindColumns.map(\.field))
    var slots = Slots(kindColumns.map(\.field))
    slots.checked = kindColumns.indices.compactMap { slot in
      let date = kindColumns[slot].value == .date
      let required = kindColumns[slot].required && columns[kindColumns[slot].field] != nil
      return date || required ? (slot, date, required) : nil
    }
    self.slots = slots
  }

  /// The record of one row (a header's worth of fields, on `line`), or nil after reporting.
  /// `mayHoldNumber` false: the reader found no citizen service number in the row's bytes, so
  /// its fields are not scanned one by one.
  public mutating func record(_ fields: [String], line: Int, mayHoldNumber: Bool = true)
    -> ImportRecord?
  {
    switch decode(fields, line: line, mayHoldNumber: mayHoldNumber) {
    case nil: nil
    case .activity(let coach, let activity, let attendance)?:
      .listedActivity(ListedActivity(coach: coach, activity: activity, attendance: attendance))
    case .record(let record)?: record
    }
  }

  /// A row as `record` reads it, an activity unboxed: a list's reader gathers a run of them.
  enum Decoded {
    case activity(CoachReference, PEActivity, attendance: Bool)
    case record(ImportRecord)
  }

  mutating func decode(_ fields: [String], line: Int, mayHoldNumber: Bool) -> Decoded? {
    // Locals, so no closure below captures (and copies) the decoder.
    let log = self.log
    let file = self.file
    let kind = self.kind
    let inner = self.inner
    let row = TableRow(line: line, layout: layout)
    guard fields.count == layout.headers.count else {
      let reason: ProblemReason =
        fields.count < layout.headers.count
        ? .csvTooFewFields(expected: layout.headers.count, found: fields.count)
        : .csvTooManyFields(expected: layout.headers.count, found: fields.count)
      log.report(DocumentProblem(file: file, place: .text(line: line, column: 1), reason: reason))
      return nil
    }
    var failed = false
    func report(_ field: String, _ reason: ProblemReason) {
      log.report(file, row.cell(of: field), reason)
      failed = true
    }
    values.clear()
    for (slot, position) in positions.enumerated() {
      guard let position else { continue }
      let text = fields[position].trimmingSpaces
      if text.isEmpty { continue }
      if mayHoldNumber, CitizenServiceNumber.occurs(in: text) {
        report(columns[slot].field, .citizenServiceNumber)
        continue
      }
      values.texts[slot] = text
    }
    // By slot numbers found once: walking the columns themselves copied each one's texts.
    for check in slots.checked {
      if let text = values.texts[check.slot] {
        guard check.date else { continue }
        // Held as ISO from here on: a row with a date that is none goes no further.
        if let iso = CSVValues.isoDate(text) {
          values.texts[check.slot] = iso
        } else {
          report(columns[check.slot].field, .csvNotADate(text.utf8.count <= 20 ? text : nil))
        }
      } else if check.required {
        report(columns[check.slot].field, .csvEmptyCell)
      }
    }
    var coach: CoachReference?
    if kind.namesCoachByNumber {
      if let id = values.text(slots.coach) {
        coach = .id(CoachID(rawValue: id))
      } else if let number = values.text(slots.registerNumber) {
        coach = .registerNumber(
          number,
          register: values.text(slots.register).map(RegisterID.init(rawValue:)) ?? .seedDefault)
      } else if !failed {
        report(layout.columns["registerNumber"] != nil ? "registerNumber" : "coach", .csvEmptyCell)
      }
    }
    guard !failed else { return nil }

    let decimalComma = self.decimalComma
    let minutes = values.text(slots.hours).flatMap {
      Self.minutes($0, decimalComma: decimalComma, report: report)
    }
    guard !failed else { return nil }
    /// Which column a decoder's field was read from, where the two differ.
    let sources = kind == .attendance ? Self.attendanceSources : Self.sources

    // The row as the JSON object its record would be, read by the record's decoder.
    var members: [(String, JSONValue)] = []
    func put(_ key: String, _ value: JSONValue?) {
      if let value { members.append((key, value)) }
    }
    func text(_ field: String) -> JSONValue? { values[field].map(JSONValue.string) }
    func evidence(_ document: String?, issuer: String?) -> JSONValue? {
      guard let document else { return nil }
      return .object(
        JSONObject([
          .init(key: "documentId", value: .string(document)),
          .init(key: "issuer", value: .string(issuer ?? "")),
        ]))
    }
    /// The decoder's record of `members`, each of its problems at the cell its field came from.
    func decoded(_ decode: (JSONValue, DecodingContext) -> ImportRecord?) -> ImportRecord? {
      _ = inner.takeProblems()
      let value = JSONValue.object(JSONObject(members.map { .init(key: $0.0, value: $0.1) }))
      let record = decode(value, DecodingContext(file: file, log: inner))
      for problem in inner.problems {
        var place = RecordPlace.row(row)
        if case .pointer(let pointer) = problem.place, let key = pointer.tokens.first {
          place = row.cell(of: sources[key] ?? key)
        }
        log.report(file, place, problem.reason)
      }
      return inner.isEmpty ? record : nil
    }
    var hours: JSONValue? { minutes.map { JSONValue.number(String($0)) } }
    switch kind {
    case .peActivities, .attendance:
      // Most rows of a large list: read by the decoder's checks without the JSON object.
      let attendance = kind == .attendance
      let provider = values.text(slots.provider)
      var fields = ActivityFields(
        id: attendance ? values.text(slots.list) : values.text(slots.id),
        date: values.text(slots.date), minutes: minutes,
        title: attendance
          ? values.text(slots.title) ?? values.text(slots.code) ?? "" : values.text(slots.title),
        provider: provider,
        category: attendance
          ? PECategory.accredited.rawValue : values.text(slots.category).map(CSVValues.category),
        accreditationCode: values.text(slots.code),
        evidenceDocument: attendance ? values.text(slots.list) : values.text(slots.evidence),
        evidenceIssuer: provider)
      if fields.id == nil && !attendance {
        fields.id = derivedID(fields.members, coach: coach)
      }
      let activity = Self.activity(fields) { key, reason in
        log.report(file, row.cell(of: sources[key] ?? key), reason)
      }
      return activity.map { .activity(coach!, $0, attendance: attendance) }
    case .experience:
      put("from", text("from"))
      put("until", text("until"))
      put("minutes", hours)
      put("description", .string(values["description"] ?? values["organisation"] ?? ""))
      put("evidence", evidence(values["evidence"], issuer: values["organisation"]))
      return decoded { value, context in
        ExperienceEntry.decode(value, at: .root, in: context).map {
          .listedExperience(ListedExperience(coach: coach!, entry: $0))
        }
      }.map(Decoded.record)
    case .hourBookings:
      put("placement", text("placement"))
      put("coach", text("coach"))
      put("date", text("date"))
      put("minutes", hours)
      put("activity", values["activity"].map { .string(CSVValues.activity($0)) })
      put("goals", values["goals"].map { .array(CSVValues.list($0).map(JSONValue.string)) })
      put(
        "with",
        values["with"].map { .array(CSVValues.list($0).map { .string(CSVValues.party($0)) }) })
      put("contact", values["contact"].map { .string(CSVValues.contact($0)) })
      put("report", text("report"))
      put("description", text("description"))
      members.insert(("id", .string(values["id"] ?? derivedID(members, coach: coach))), at: 0)
      return decoded { value, context in
        HourBooking.decode(value, at: .root, in: context).map(ImportRecord.booking)
      }.map(Decoded.record)
    }
  }

  /// Which column a decoder's field was read from, where the two differ.
  static let sources = ["minutes": "hours"]
  static let attendanceSources = ["minutes": "hours", "id": "list", "evidence": "list"]

  /// The activity a row's fields describe, by the checks `PEActivity.decode` makes of the same
  /// fields as a JSON object (`ActivityFields.members`), in its order, without building the
  /// object: a large list is mostly activities. `report` gets each problem with its field's key
  /// ("" for the record). Held to `PEActivity.decode` by a differential test.
  static func activity(_ fields: ActivityFields, report: (String, ProblemReason) -> Void)
    -> PEActivity?
  {
    var failed = false
    func text<T: JSONScalarField>(_ key: String, _ text: String?, required: Bool, as: T.Type)
      -> T?
    {
      guard let text else {
        if required {
          report("", .missingField(key))
          failed = true
        }
        return nil
      }
      switch T.check(.string(text)) {
      case .success(let decoded): return decoded
      case .failure(let error):
        report(key, error.reason)
        failed = true
        return nil
      }
    }
    let id = text("id", fields.id, required: true, as: ActivityID.self)
    let date = text("date", fields.date, required: true, as: CalendarDate.self)
    var hours: Hours?
    switch fields.minutes {
    case nil:
      report("", .missingHours(hours: "hours", minutes: "minutes"))
      failed = true
    case let minutes? where minutes < 0:
      report("minutes", .negativeMinutes(minutes))
      failed = true
    case let minutes? where minutes > 6_000_000_000:
      report("minutes", .tooManyMinutes(minutes))
      failed = true
    case let minutes?:
      hours = Hours(minutes: minutes)
    }
    let title = text("title", fields.title, required: true, as: String.self)
    let provider = text("provider", fields.provider, required: true, as: String.self)
    let category = text("category", fields.category, required: true, as: PECategory.self)
    let code = text("accreditationCode", fields.accreditationCode, required: false, as: String.self)
    var evidence: EvidenceReference?
    if let document = fields.evidenceDocument {
      let checked = (String.check(.string(document)), String.check(.string(fields.evidenceIssuer ?? "")))
      if case .failure(let error) = checked.0 { report("evidence", error.reason) }
      if case .failure(let error) = checked.1 { report("evidence", error.reason) }
      if case (.success(let document), .success(let issuer)) = checked {
        evidence = EvidenceReference(documentID: document, issuer: issuer)
      } else {
        failed = true
      }
    }
    for defect in PEActivity.defects(hours: hours, category: category, code: code) {
      switch defect {
      case .codeOnFreeActivity: report(defect.field, .codeOnFreeActivity)
      case .noHours: report(defect.field, .zeroHourActivity)
      }
      failed = true
    }
    guard !failed, let id, let date, let hours, let title, let provider, let category else {
      return nil
    }
    return PEActivity(
      id: id, date: date, hours: hours, title: title, provider: provider, category: category,
      accreditationCode: code, evidence: evidence)
  }

  /// Hours as minutes: a decimal number (with a decimal comma after a semicolon separator,
  /// else a point) or `H:MM`; nil after reporting.
  static func minutes(
    _ text: String, decimalComma: Bool, report: (String, ProblemReason) -> Void
  ) -> Int? {
    if text.utf8.contains(0x3A) {
      guard let hours = Hours.parse(clockHours: text) else {
        report("hours", .csvNotHours(text, decimalComma: decimalComma))
        return nil
      }
      return hours.minutes
    }
    let wrongMark: UInt8 = decimalComma ? 0x2E : 0x2C
    guard !text.utf8.contains(wrongMark) else {
      report("hours", .csvNotHours(text, decimalComma: decimalComma))
      return nil
    }
    let decimal = decimalComma ? String(text.map { $0 == "," ? "." : $0 }) : text
    switch Hours.parse(decimalHours: decimal) {
    case .success(let hours): return hours.minutes
    case .failure(.notADecimal): report("hours", .csvNotHours(text, decimalComma: decimalComma))
    case .failure(let failure): report("hours", ProblemReason(hoursFailure: failure, text: text))
    }
    return nil
  }

  /// An id for a row that has none: from what the row says (as read: ISO dates, codes for
  /// Dutch words) but not its hours or category, so a row corrected there replaces the old
  /// one, and not its line, so a list edited above the row keeps the row's id. Identical rows
  /// in one file are told apart by their order.
  mutating func derivedID(_ members: [(String, JSONValue)], coach: CoachReference?) -> String {
    var hasher = SHA256()
    hasher.update(kind.rawValue.utf8)
    switch coach {
    case .id(let id)?: hasher.update(Array(("\u{1F}coach\u{1E}" + id.rawValue).utf8))
    case .registerNumber(let number, let register)?:
      hasher.update(Array(("\u{1F}number\u{1E}" + register.rawValue + "/" + number).utf8))
    case nil: break
    }
    for (key, value) in members.sorted(by: { $0.0 < $1.0 })
    where key != "minutes" && key != "category" {
      hasher.update(Array(("\u{1F}" + key + "\u{1E}").utf8))
      hasher.update(Array(JSONWriter.string(value, pretty: false).utf8))
    }
    let id = "csv-" + String(hasher.finalizeHex().prefix(16))
    let seen = derivedIDs[id, default: 0] + 1
    derivedIDs[id] = seen
    return seen == 1 ? id : "\(id)-\(seen)"
  }

}

/// Where each field sits among a kind's columns (nil: not a column of the kind).
struct Slots {
  let id, date, hours, category, code, title, provider, evidence, list: Int?
  let coach, registerNumber, register: Int?
  /// The slots each row checks, in the columns' order: dates, and required columns the file
  /// has (an empty cell there is a problem).
  var checked: [(slot: Int, date: Bool, required: Bool)] = []
  init(_ fields: [String]) {
    func slot(_ field: String) -> Int? { fields.firstIndex(of: field) }
    coach = slot("coach")
    registerNumber = slot("registerNumber")
    register = slot("register")
    id = slot("id")
    date = slot("date")
    hours = slot("hours")
    category = slot("category")
    code = slot("accreditationCode")
    title = slot("title")
    provider = slot("provider")
    evidence = slot("evidence")
    list = slot("list")
  }
}

/// A PE activity's fields as a table row gives them (texts as read, ISO dates, Dutch words as
/// codes, hours in minutes): what its JSON object would hold.
struct ActivityFields: Hashable {
  var id: String?
  var date: String?
  var minutes: Int?
  var title: String?
  var provider: String?
  var category: String?
  var accreditationCode: String?
  var evidenceDocument: String?
  var evidenceIssuer: String?

  /// The members of the JSON object (without `id`, then with it first when there is one), in
  /// the order the decoder reads them.
  var members: [(String, JSONValue)] {
    var members: [(String, JSONValue)] = []
    if let date { members.append(("date", .string(date))) }
    if let minutes { members.append(("minutes", .number(String(minutes)))) }
    if let title { members.append(("title", .string(title))) }
    if let provider { members.append(("provider", .string(provider))) }
    if let category { members.append(("category", .string(category))) }
    if let accreditationCode { members.append(("accreditationCode", .string(accreditationCode))) }
    if let evidenceDocument {
      members.append(
        (
          "evidence",
          .object(
            JSONObject([
              .init(key: "documentId", value: .string(evidenceDocument)),
              .init(key: "issuer", value: .string(evidenceIssuer ?? "")),
            ])
          )
        ))
    }
    return members
  }

  /// The whole JSON object, `id` first.
  var object: JSONValue {
    let all = (id.map { [("id", JSONValue.string($0))] } ?? []) + members
    return .object(JSONObject(all.map { .init(key: $0.0, value: $0.1) }))
  }
}

/// One row's texts by the kind's fields: a handful, so found by a short linear search.
struct RowValues {
  let fields: [String]
  var texts: [String?]

  init(fields: [String]) {
    self.fields = fields
    texts = Array(repeating: nil, count: fields.count)
  }

  mutating func clear() {
    for index in texts.indices { texts[index] = nil }
  }

  func text(_ slot: Int?) -> String? { slot.flatMap { texts[$0] } }

  subscript(field: String) -> String? {
    guard let index = fields.firstIndex(of: field) else { return nil }
    return texts[index]
  }
}

/// Values as spreadsheets write them.
public enum CSVValues {
  /// `YYYY-MM-DD` as it is, `dd-mm-jjjj` (Dutch Excel) or `d-m-jjjj` as ISO; nil otherwise.
  public static func isoDate(_ text: String) -> String? {
    if CalendarDate(iso: text) != nil { return text }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
      parts[2].count == 4, let day = Int(parts[0]), let month = Int(parts[1]),
      let year = Int(parts[2])
    else { return nil }
    func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
    let iso = "\(year)-\(two(month))-\(two(day))"
    return CalendarDate(iso: iso) != nil ? iso : nil
  }

  /// The items of a list cell: separated by commas, semicolons or bars, trimmed.
  public static func list(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" })
      .map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
  }

  /// A spreadsheet's word as the code it stands for: the English code, or its Dutch word
  /// (any case); another text as written, for the record's check to refuse or keep.
  static func word(_ text: String, _ words: (String) -> String?) -> String {
    if let code = words(text) { return code }
    let lower = text.lowercased()
    return words(lower) ?? lower
  }

  public static func category(_ text: String) -> String {
    word(text) {
      switch $0 {
      case "accredited", "free": $0
      case "geaccrediteerd": "accredited"
      case "vrij", "vrije ruimte": "free"
      default: nil
      }
    }
  }

  public static func contact(_ text: String) -> String {
    word(text) {
      switch $0 {
      case "visit", "call": $0
      case "bezoek": "visit"
      case "telefonisch", "telefoon", "gebeld": "call"
      default: nil
      }
    }
  }

  public static func party(_ text: String) -> String {
    word(text) {
      switch $0 {
      case "employer", "worker": $0
      case "werkgever": "employer"
      case "werknemer": "worker"
      default: nil
      }
    }
  }

  public static func activity(_ text: String) -> String {
    word(text) {
      switch $0 {
      case "begeleiding": "coaching"
      case "rapportage": "reporting"
      case "administratie": "administration"
      case "reistijd": "travel"
      case "overdracht": "handover"
      case "scholing": "own-training"
      case "intervisie": "intervision"
      case "bemiddeling": "mediation-to-other-work"
      default: BookedActivity.reimbursed.contains(.init(rawValue: $0)) || BookedActivity.excluded.contains(.init(rawValue: $0)) ? $0 : nil
      }
    }
  }
}

extension String {
  /// Without spaces and tabs at either end.
  var trimmingSpaces: String {
    // Through the bytes' index, not `utf8.last`: this runs for every cell of a large list.
    let bytes = utf8
    guard let first = bytes.first else { return self }
    let last = bytes[bytes.index(before: bytes.endIndex)]
    guard first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 else { return self }
    var text = Substring(self)
    while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
    return String(text)
  }
}
