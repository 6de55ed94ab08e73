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
/// PE activities among them, and the same activities as CSV for the sqlite3 baseline.
struct Generator {
  var coaches: Int
  var activities: Int
  var seed: UInt64

  static let titles = [
    "Motiverende gespreksvoering", "Psychische kwetsbaarheid op de werkvloer",
    "Werken met de Participatiewet", "Autisme en werk", "Oplossingsgericht coachen",
    "Loonwaardemeting in de praktijk", "Intervisie jobcoaches", "Jobcarving",
  ]
  static let providers = [
    "Stichting Kennisplein Jobcoaching", "Divosa Academie", "Rino Groep", "Coachacademie Noord",
  ]

  func coachID(_ index: Int) -> String { "JC-" + pad(index + 1, 6) }

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
    try save(
      "organisations.json",
      """
      {"kind": "organisations", "schemaVersion": 1, "organisations": [
        {"id": "ORG-BENCH-GEMEENTE", "name": "Gemeente Bench", "kind": "municipality"}]}
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
      coachLines.append(
        #"{"id": "\#(id)", "name": "Coach \#(index + 1)", "employments": [{"organisation": "ORG-BENCH-GEMEENTE", "kind": "municipal", "from": "\#(year)-03-01"}], "qualifications": [{"kind": "hbo-diploma", "title": "Bachelor Social Work", "issuedOn": "\#(year - 1)-07-01", "issuer": "Hogeschool"}, {"kind": "jobcoach-training", "title": "Post-hbo Jobcoach", "issuedOn": "\#(year)-01-15", "issuer": "Hogeschool"}]}"#
      )
      let admitted = "\(2018 + Int(random.next() % 6))-\(pad(1 + Int(random.next() % 12), 2))-01"
      membershipLines.append(
        #"{"coach": "\#(id)", "registerNumber": "RJC-B\#(pad(index + 1, 6))", "admittedOn": "\#(admitted)", "route": "entry-requirements", "statusChanges": [{"date": "\#(admitted)", "status": "registered", "rule": "R-ADM-1", "decision": "admitted"}]}"#
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
    let portfolios = FileHandle(forWritingAtPath: try create(directory + "/portfolios.json"))!
    let csv = FileHandle(forWritingAtPath: try create(directory + "/activities.csv"))!
    defer {
      try? portfolios.close()
      try? csv.close()
    }
    var json = #"{"kind": "portfolios", "schemaVersion": 1, "portfolios": ["# + "\n"
    var rows =
      "coach_id,id,activity_date,minutes,title,provider,category,accreditation_code,"
      + "evidence_document,evidence_issuer\n"
    func flush(force: Bool = false) {
      if force || json.utf8.count > 1 << 20 {
        portfolios.write(Data(json.utf8))
        total += json.utf8.count
        json = ""
      }
      if force || rows.utf8.count > 1 << 20 {
        csv.write(Data(rows.utf8))
        rows = ""
      }
    }
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
        rows +=
          "\(id),\(activityID),\(date),\(minutes),\(title),\(provider),"
          + "\(accredited ? "accredited" : "free"),\(accredited ? code : ""),\(document),\(provider)\n"
      }
      json +=
        #"{"coach": "\#(id)", "peActivities": ["# + items.joined(separator: ",\n") + "]}"
        + (index == coaches - 1 ? "\n" : ",\n")
      flush()
    }
    json += "]}\n"
    flush(force: true)
    return total
  }

  func create(_ path: String) throws -> String {
    guard FileManager.default.createFile(atPath: path, contents: nil) else {
      throw BenchError("cannot create '\(path)'")
    }
    return path
  }
}

struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
