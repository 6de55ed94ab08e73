import Foundation
import JobcoachCore

/// A deterministic pseudo-random source (SplitMix64): the same seed writes the same files.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Writes realistic import documents in our schemas for `coaches` coaches with `activities`
/// PE activities among them, and the same activities as CSV for the sqlite3 baseline; with
/// `placements`, also that many placements (grants, plans, absences) and `bookings` hour
/// bookings among them, in `placements.json` and `hour-bookings.json`.
struct Generator {
  var coaches: Int
  var activities: Int
  var seed: UInt64
  var placements = 0
  var bookings = 0

  static let employers = 500
  static let coachingOrganisations = 20

  static let titles = [
    "Motiverende gespreksvoering", "Psychische kwetsbaarheid op de werkvloer",
    "Werken met de Participatiewet", "Autisme en werk", "Oplossingsgericht coachen",
    "Loonwaardemeting in de praktijk", "Intervisie jobcoaches", "Jobcarving",
  ]
  static let providers = [
    "Stichting Kennisplein Jobcoaching", "Divosa Academie", "Rino Groep", "Coachacademie Noord",
  ]

  func coachID(_ index: Int) -> String { "JC-" + pad(index + 1, 6) }
  func placementID(_ index: Int) -> String { "PL-" + pad(index + 1, 7) }
  func employerID(_ index: Int) -> String { "ORG-WG-" + pad(index + 1, 4) }
  func coachingOrganisationID(_ index: Int) -> String { "ORG-JC-" + pad(index + 1, 3) }
  func isExternal(_ coach: Int) -> Bool { coach % 3 == 0 }

  func pad(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// Writes the documents and `activities.csv` into `directory`; returns the bytes written.
  func write(to directory: String) throws -> Int {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var random = SplitMix64(seed: seed)
    var total = 0
    func save(_ name: String, _ text: String) throws {
      try text.write(toFile: directory + "/" + name, atomically: false, encoding: .utf8)
      total += text.utf8.count
    }
    var organisations = [
      #"{"id": "ORG-BENCH-GEMEENTE", "name": "Gemeente Bench", "kind": "municipality"}"#
    ]
    for index in 0..<Self.coachingOrganisations {
      organisations.append(
        #"{"id": "\#(coachingOrganisationID(index))", "name": "Jobcoaching \#(index + 1) B.V.", "kind": "coaching-organisation", "recognitions": [{"framework": "2016", "validFrom": "2017-01-01", "validUntil": "\#(index % 5 == 0 ? "2026-06-30" : "2029-12-31")", "evidence": {"documentId": "UWV-EK-\#(pad(index + 1, 4))", "issuer": "UWV"}}]}"#
      )
    }
    for index in 0..<Self.employers {
      organisations.append(
        #"{"id": "\#(employerID(index))", "name": "Werkgever \#(index + 1)", "kind": "employer"}"#)
    }
    try save(
      "organisations.json",
      #"{"kind": "organisations", "schemaVersion": 1, "organisations": ["#
        + organisations.joined(separator: ",\n") + "]}\n")
    try save(
      "policies.json",
      """
      {"kind": "policies", "schemaVersion": 1, "policies": [{"id": "POL-BENCH",
        "name": "Gemeente Bench jobcoaching", "municipality": "ORG-BENCH-GEMEENTE",
        "effectiveFrom": "2020-01-01", "fundsInternalCoaching": true,
        "externalOrganisations": {"policy": "free-choice"},
        "funding": {"shiftsBetweenYears": true, "allowsMotivatedExceptions": true}}]}
      """)
    let codes = (0..<200).map { "BJN-B-" + pad($0, 4) }
    var accreditations: [String] = []
    for (index, code) in codes.enumerated() {
      accreditations.append(
        #"{"code": "\#(code)", "title": "\#(Self.titles[index % Self.titles.count])", "provider": "\#(Self.providers[index % Self.providers.count])", "hours": 40, "validFrom": "2015-01-01"}"#
      )
    }
    try save(
      "accreditations.json",
      #"{"kind": "accreditations", "schemaVersion": 1, "accreditations": ["#
        + accreditations.joined(separator: ",\n") + "]}\n")
    try save(
      "pe-norms.json",
      """
      {"kind": "pe-norms", "schemaVersion": 1, "norms": [{"effectiveFrom": "2008-01-01",
        "name": "BJN register norm", "cycleYears": 5, "totalHours": 111,
        "minimumAccreditedHours": 81, "maximumFreeHours": 30, "selection": "cycle-start"}]}
      """)

    var coachLines: [String] = []
    var membershipLines: [String] = []
    for index in 0..<coaches {
      let id = coachID(index)
      let year = 2005 + Int(random.next() % 15)
      // A third of the coaches work for a coaching organisation, the others for the
      // municipality.
      let employment =
        isExternal(index)
        ? #"{"organisation": "\#(coachingOrganisationID(index % Self.coachingOrganisations))", "kind": "external", "from": "\#(year)-03-01"}"#
        : #"{"organisation": "ORG-BENCH-GEMEENTE", "kind": "municipal", "from": "\#(year)-03-01"}"#
      coachLines.append(
        #"{"id": "\#(id)", "name": "Coach \#(index + 1)", "employments": [\#(employment)], "qualifications": [{"kind": "hbo-diploma", "title": "Bachelor Social Work", "issuedOn": "\#(year - 1)-07-01", "issuer": "Hogeschool"}, {"kind": "jobcoach-training", "title": "Post-hbo Jobcoach", "issuedOn": "\#(year)-01-15", "issuer": "Hogeschool"}]}"#
      )
      let admittedYear = 2018 + Int(random.next() % 6)
      let admittedMonth = 1 + Int(random.next() % 12)
      let admitted = "\(admittedYear)-\(pad(admittedMonth, 2))-01"
      // Registrations whose first period has ended were renewed in its window (R-RE-3): on
      // the 15th of the period's last month, so they stay registered as a real register's do.
      let renewal =
        admittedYear + 5 < 2026 || (admittedYear + 5 == 2026 && admittedMonth <= 11)
        ? #", {"date": "\#(admittedMonth == 1 ? admittedYear + 4 : admittedYear + 5)-\#(pad(admittedMonth == 1 ? 12 : admittedMonth - 1, 2))-15", "status": "registered", "rule": "R-RE-1", "decision": "renewed"}"#
        : ""
      membershipLines.append(
        #"{"coach": "\#(id)", "registerNumber": "RJC-B\#(pad(index + 1, 6))", "admittedOn": "\#(admitted)", "route": "entry-requirements", "statusChanges": [{"date": "\#(admitted)", "status": "registered", "rule": "R-ADM-1", "decision": "admitted"}\#(renewal)]}"#
      )
    }
    try save(
      "coaches.json",
      #"{"kind": "coaches", "schemaVersion": 1, "coaches": ["# + coachLines.joined(separator: ",\n")
        + "]}\n")
    try save(
      "memberships.json",
      #"{"kind": "memberships", "schemaVersion": 1, "memberships": ["#
        + membershipLines.joined(separator: ",\n") + "]}\n")

    // Portfolios and the CSV, written in pieces so memory stays small.
    let json = try ChunkedFile(
      directory + "/portfolios.json",
      #"{"kind": "portfolios", "schemaVersion": 1, "portfolios": ["# + "\n")
    let rows = try ChunkedFile(
      directory + "/activities.csv",
      "coach_id,id,activity_date,minutes,title,provider,category,accreditation_code,"
        + "evidence_document,evidence_issuer\n")
    // The same activities as a CSV table jobcoach imports (kind pe-activities).
    let table = try ChunkedFile(
      directory + "/pe-activities.csv",
      "coach,id,date,hours,category,accreditation code,title,provider,evidence document\n")
    for index in 0..<coaches {
      let id = coachID(index)
      let count = activities / coaches + (index < activities % coaches ? 1 : 0)
      var items: [String] = []
      items.reserveCapacity(count)
      for number in 0..<count {
        let accredited = random.next() % 4 != 0
        let code = codes[Int(random.next() % UInt64(codes.count))]
        let date =
          "\(2019 + Int(random.next() % 7))-\(pad(1 + Int(random.next() % 12), 2))-\(pad(1 + Int(random.next() % 28), 2))"
        let minutes = 60 * (1 + Int(random.next() % 8))
        let hours = String(minutes / 60)
        let title = Self.titles[Int(random.next() % UInt64(Self.titles.count))]
        let provider = Self.providers[Int(random.next() % UInt64(Self.providers.count))]
        let activityID = "\(id)-A\(pad(number + 1, 4))"
        let document = "CERT-\(activityID)"
        items.append(
          #"{"id": "\#(activityID)", "date": "\#(date)", "hours": \#(hours), "title": "\#(title)", "provider": "\#(provider)", "category": "\#(accredited ? "accredited" : "free")"\#(accredited ? #", "accreditationCode": "\#(code)""# : ""), "evidence": {"documentId": "\#(document)", "issuer": "\#(provider)"}}"#
        )
        rows.append(
          "\(id),\(activityID),\(date),\(minutes),\(title),\(provider),"
            + "\(accredited ? "accredited" : "free"),\(accredited ? code : ""),\(document),\(provider)\n"
        )
        table.append(
          "\(id),\(activityID),\(date),\(hours),\(accredited ? "accredited" : "free"),"
            + "\(accredited ? code : ""),\(title),\(provider),\(document)\n")
      }
      json.append(
        #"{"coach": "\#(id)", "peActivities": ["# + items.joined(separator: ",\n") + "]}"
          + (index == coaches - 1 ? "\n" : ",\n"))
    }
    json.append("]}\n")
    total += json.close()
    _ = rows.close()
    _ = table.close()
    if placements > 0 { total += try writePlacements(to: directory, random: &random) }
    return total
  }

  /// `placements.json` and `hour-bookings.json`: each placement with a grant of half-year
  /// periods, a plan of three goals and sometimes an absence, coached by one coach; the
  /// bookings spread over the placements, on days in their periods up to 2026-11-23.
  func writePlacements(to directory: String, random: inout SplitMix64) throws -> Int {
    let placementText = try ChunkedFile(
      directory + "/placements.json",
      #"{"kind": "placements", "schemaVersion": 1, "placements": ["# + "\n")
    let bookingText = try ChunkedFile(
      directory + "/hour-bookings.json",
      #"{"kind": "hour-bookings", "schemaVersion": 1, "bookings": ["# + "\n")
    let categories = ["guiding-on-the-job", "onboarding-and-training", "evaluation-and-coordination"]
    let lastDay = CalendarDate(iso: "2026-11-23")!
    var bookingNumber = 0
    for index in 0..<placements {
      let coachIndex = index % coaches
      let id = placementID(index)
      let start = CalendarDate(iso: "2024-01-01")!.adding(days: Int(random.next() % 900))
      let end = start.adding(years: 2).adding(days: -1)
      let medium = random.next() % 2 == 0
      let external = isExternal(coachIndex)
      var periods: [String] = []
      var periodStart = start
      for number in 0..<4 {
        let periodEnd = periodStart.adding(months: 6).adding(days: -1)
        let result = periodEnd < lastDay ? #", "result": "follow-up-same""# : ""
        let amount = number < 2 ? #", "amountCents": \#(medium ? 225000 : 135000)"# : ""
        periods.append(
          #"{"start": "\#(periodStart)", "end": "\#(periodEnd)"\#(amount)\#(result)}"#)
        periodStart = periodEnd.adding(days: 1)
      }
      let goals = (0..<3).map { number in
        #"{"id": "G\#(number + 1)", "category": "\#(categories[number])", "description": "Doel \#(number + 1)", "activities": ["In overleg met de leidinggevende"]}"#
      }
      var absences: [String] = []
      if random.next() % 4 == 0 {
        let from = start.adding(days: 60 + Int(random.next() % 200))
        let approved =
          random.next() % 2 == 0
          ? #", "approval": {"evidence": {"documentId": "INST-\#(id)", "issuer": "Gemeente Bench"}, "approvedOn": "\#(from)"}"#
          : ""
        absences.append(
          #"{"from": "\#(from)", "until": "\#(from.adding(days: 13))", "reason": "sick"\#(approved)}"#)
      }
      placementText.append(
        #"{"id": "\#(id)", "municipality": "ORG-BENCH-GEMEENTE", "employer": "\#(employerID(Int(random.next() % UInt64(Self.employers))))", "coach": "\#(coachID(coachIndex))", "worker": "W-\#(pad(index + 1, 7))", "start": "\#(start)", "end": "\#(end)", "funder": "municipality", "wageCostSubsidy": \#(random.next() % 3 == 0), "grant": {"level": "\#(medium ? "medium" : "light")", "hourlyRateCents": \#(external ? 8500 : 0), "package": "\#(medium ? "package-2" : "package-1")", "periods": [\#(periods.joined(separator: ", "))]}, "plan": {"agreedOn": "\#(start)", "agreedBy": ["coach", "worker", "employer"], "goals": [\#(goals.joined(separator: ", "))]}, "absences": [\#(absences.joined(separator: ", "))]}"#
          + (index == placements - 1 ? "\n" : ",\n"))
      let count = bookings / placements + (index < bookings % placements ? 1 : 0)
      let span = max(1, start.days(until: min(end, lastDay)) + 1)
      for _ in 0..<count {
        bookingNumber += 1
        let date = start.adding(days: Int(random.next() % UInt64(span)))
        let roll = random.next() % 20
        let activity =
          roll == 0 ? #", "activity": "travel""# : roll == 1 ? #", "activity": "reporting""# : ""
        let goal = roll == 1 ? "G3" : "G\(1 + random.next() % 2)"
        let contact = roll < 2 ? "" : random.next() % 3 == 0 ? #", "contact": "call""# : #", "contact": "visit""#
        let check = random.next() % 12 == 0 ? #", "wageSubsidyCheck": true"# : ""
        bookingText.append(
          #"{"id": "BK-\#(pad(bookingNumber, 8))", "placement": "\#(id)", "coach": "\#(coachID(coachIndex))", "date": "\#(date)", "hours": \#(1 + random.next() % 3)\#(activity), "goals": ["\#(goal)"]\#(contact)\#(check)}"#
            + (bookingNumber == bookings ? "\n" : ",\n"))
      }
    }
    placementText.append("]}\n")
    bookingText.append("]}\n")
    return placementText.close() + bookingText.close()
  }
}

/// A file written in pieces of about a megabyte, so a generator's memory stays small.
final class ChunkedFile {
  private let handle: FileHandle
  private var pending: String
  private var written = 0

  init(_ path: String, _ start: String) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else { throw BenchError("cannot create '\(path)'") }
    self.handle = handle
    pending = start
  }

  func append(_ text: String) {
    pending += text
    if pending.utf8.count > 1 << 20 { flush() }
  }

  private func flush() {
    handle.write(Data(pending.utf8))
    written += pending.utf8.count
    pending = ""
  }

  /// Writes the rest and closes the file; returns the bytes written.
  func close() -> Int {
    flush()
    try? handle.close()
    return written
  }
}

struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
