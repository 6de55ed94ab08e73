/// Reads a portfolio record straight from its bytes, without building a JSON tree first, when
/// it is plainly well formed: a coach, an optional start date and PE activities, every value
/// of the expected type, no escapes, no nulls, no other fields. That is how a national export
/// looks, and it is most of an import's reading time.
///
/// It never reports anything: on anything else (an education, a null, an escape, a field it
/// does not know, a value the field decoders refuse, a duplicate) it answers nil and the
/// document reader takes the general path, which finds and reports the problem with its
/// place. Every value goes through the same checks (`JSONScalarField.check`) and the same
/// rules as `Portfolio.decode`, so what it accepts is exactly what the general path accepts,
/// and equal (tested against it, also on mutated input).
public enum PortfolioFastPath {
  public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Portfolio? {
    var cursor = Cursor(bytes: bytes)
    guard let portfolio = cursor.portfolio() else { return nil }
    cursor.skipWhitespace()
    return cursor.index == bytes.count ? portfolio : nil
  }

  struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    mutating func skipWhitespace() {
      while index < bytes.count {
        switch bytes[index] {
        case 0x20, 0x0A, 0x0D, 0x09: index += 1
        default: return
        }
      }
    }

    /// Skips whitespace and the byte `byte`; false when another byte comes.
    mutating func expect(_ byte: UInt8) -> Bool {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }

    /// Reads `open`, then elements separated by commas (each read by `element`, which answers
    /// false to give up), then `close`; false on anything else.
    mutating func sequence(
      _ open: UInt8, _ close: UInt8, _ element: (inout Cursor) -> Bool
    ) -> Bool {
      guard expect(open) else { return false }
      skipWhitespace()
      if index < bytes.count, bytes[index] == close {
        index += 1
        return true
      }
      while element(&self) {
        skipWhitespace()
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        index += 1
        if byte == close { return true }
        guard byte == UInt8(ascii: ",") else { return false }
      }
      return false
    }

    /// A string without escapes or control characters, valid UTF-8.
    mutating func string() -> String? {
      guard expect(UInt8(ascii: "\"")) else { return nil }
      let start = index
      let plain = JSONParser.scanPlainText(bytes, from: start)
      guard plain.stop < bytes.count, bytes[plain.stop] == UInt8(ascii: "\"") else { return nil }
      index = plain.stop + 1
      return JSONParser.text(
        UnsafeBufferPointer(rebasing: bytes[start..<plain.stop]), highBits: plain.highBits)
    }

    /// A plain number, `0`, `12` or `12.5`, as its text; anything else (signs, exponents,
    /// leading zeros) goes the general way.
    mutating func number() -> String? {
      skipWhitespace()
      let start = index
      func digits() -> Int {
        let first = index
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        return index - first
      }
      let whole = digits()
      guard whole > 0, whole == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
      if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
        index += 1
        guard digits() > 0 else { return nil }
      }
      if index < bytes.count {
        switch bytes[index] {
        case UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "-"), UInt8(ascii: "+"):
          return nil
        default: break
        }
      }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// A scalar field's value, checked as the general path checks it.
    mutating func scalar<T: JSONScalarField>(_ type: T.Type, number: Bool = false) -> T? {
      guard let text = number ? self.number() : string() else { return nil }
      return try? T.check(number ? .number(text) : .string(text)).get()
    }

    /// Reads `{ "key": value, ... }`, handing each key to `member`, which reads its value and
    /// answers false to give up. Keys may come once each; an unknown key gives up.
    mutating func object(_ names: [[UInt8]], _ member: (inout Cursor, Int) -> Bool) -> Bool {
      var seen: UInt64 = 0
      return sequence(UInt8(ascii: "{"), UInt8(ascii: "}")) { cursor in
        guard let position = cursor.key(names),
          seen & (1 << UInt64(position)) == 0, cursor.expect(UInt8(ascii: ":"))
        else { return false }
        seen |= 1 << UInt64(position)
        return member(&cursor, position)
      }
    }

    static let portfolioNames = names("coach", "registeredSince", "peActivities")
    static let activityNames = names(
      "id", "date", "hours", "title", "provider", "category", "accreditationCode", "evidence")
    static let evidenceNames = names("documentId", "issuer")

    /// Member names as bytes, to be matched without making a `String` of every key read.
    static func names(_ names: String...) -> [[UInt8]] { names.map { Array($0.utf8) } }

    /// The position in `names` of the key at the cursor; nil for any other key, and for a key
    /// with an escape, a control character or a byte beyond ASCII (which the general path
    /// reads, as it compares names as Unicode text).
    mutating func key(_ names: [[UInt8]]) -> Int? {
      guard expect(UInt8(ascii: "\"")) else { return nil }
      let start = index
      let plain = JSONParser.scanPlainText(bytes, from: start)
      guard plain.stop < bytes.count, bytes[plain.stop] == UInt8(ascii: "\""),
        plain.highBits < 0x80
      else { return nil }
      index = plain.stop + 1
      let key = UnsafeBufferPointer(rebasing: bytes[start..<plain.stop])
      return names.firstIndex { $0.elementsEqual(key) }
    }

    mutating func portfolio() -> Portfolio? {
      var coach: CoachID?
      var registeredSince: CalendarDate?
      var activities: [PEActivity] = []
      let read = object(Self.portfolioNames) { cursor, position in
        switch position {
        case 0:
          coach = cursor.scalar(CoachID.self)
          return coach != nil
        case 1:
          registeredSince = cursor.scalar(CalendarDate.self)
          return registeredSince != nil
        default:
          guard let list = cursor.activities() else { return false }
          activities = list
          return true
        }
      }
      // An activity id twice is reported by the general path.
      guard read, let coach, Portfolio.repeatedActivityIDs(activities).isEmpty else { return nil }
      return Portfolio(coach: coach, registeredSince: registeredSince, activities: activities)
    }

    mutating func activities() -> [PEActivity]? {
      var activities: [PEActivity] = []
      let read = sequence(UInt8(ascii: "["), UInt8(ascii: "]")) { cursor in
        guard let activity = cursor.activity() else { return false }
        activities.append(activity)
        return true
      }
      return read ? activities : nil
    }

    mutating func activity() -> PEActivity? {
      var id: ActivityID?
      var date: CalendarDate?
      var hours: Hours?
      var title: String?
      var provider: String?
      var category: PECategory?
      var code: String?
      var evidence: EvidenceReference?
      let read = object(Self.activityNames) { cursor, position in
        switch position {
        case 0:
          id = cursor.scalar(ActivityID.self)
          return id != nil
        case 1:
          date = cursor.scalar(CalendarDate.self)
          return date != nil
        case 2:
          hours = cursor.scalar(Hours.self, number: true)
          return hours != nil
        case 3:
          title = cursor.scalar(String.self)
          return title != nil
        case 4:
          provider = cursor.scalar(String.self)
          return provider != nil
        case 5:
          category = cursor.scalar(PECategory.self)
          return category != nil
        case 6:
          code = cursor.scalar(String.self)
          return code != nil
        default:
          evidence = cursor.evidence()
          return evidence != nil
        }
      }
      // The same checks as `PEActivity.decode`: what they refuse goes the general way.
      guard read, let id, let date, let hours, let title, let provider, let category,
        PEActivity.defects(hours: hours, category: category, code: code).isEmpty
      else { return nil }
      return PEActivity(
        id: id, date: date, hours: hours, title: title, provider: provider, category: category,
        accreditationCode: code, evidence: evidence)
    }

    mutating func evidence() -> EvidenceReference? {
      var documentID: String?
      var issuer: String?
      let read = object(Self.evidenceNames) { cursor, position in
        if position == 0 {
          documentID = cursor.scalar(String.self)
          return documentID != nil
        }
        issuer = cursor.scalar(String.self)
        return issuer != nil
      }
      guard read, let documentID, let issuer else { return nil }
      return EvidenceReference(documentID: documentID, issuer: issuer)
    }
  }
}
