import Testing

@testable import JobcoachCore
@testable import JobcoachStore

/// Where an import first saw each record is kept in a temporary table, not in memory: it
/// answers as the in-memory sightings do, and a place comes back exactly as it went in.
struct ImportSightingsTests {
  static let places: [DocumentProblem.Place] = [
    .pointer(.root), .pointer(JSONPointer(["coaches", "3", "id"])),
    .pointer(JSONPointer(["a/b", "~c", "", "d~1/"])), .text(line: 12, column: 1),
    .cell(line: 4, column: 2, header: "uren: totaal"), .cell(line: 1, column: 1, header: ""),
  ]

  @Test func aPlaceComesBackAsItWasStored() {
    for place in Self.places {
      #expect(DocumentProblem.Place(stored: place.stored) == place, "\(place)")
    }
    for broken in ["", "x1:2", "t1", "tone:2", "c1:2", "pcoaches"] {
      #expect(DocumentProblem.Place(stored: broken) == nil, "\(broken)")
    }
  }

  @Test func namesThatDifferHaveKeysThatDiffer() {
    let day = CalendarDate(iso: "2026-01-01")!
    let names: [RecordName] = [
      .coach("C1"), .portfolio("C1"), .organisation("C1"), .placement("C1"), .booking("C1"),
      .membership("C1", register: "R"), .membership("C", register: "1R"),
      .registerNumber("C1", register: "R"), .norm("R", effectiveFrom: day),
      .policy("R", effectiveFrom: day), .publicEntry("C1"), .accreditation("C1"),
      .education("C1"), .decision("C1"), .register("C1"),
    ]
    #expect(Set(names.map(\.key)).count == names.count)
  }

  @Test func theTableAnswersAsMemoryDoes() throws {
    let store = try RegistryStore.inMemory()
    try store.database.execute("BEGIN")
    let table = try ImportSightings(store.database)
    let memory = SightingsInMemory()
    for sightings in [table, memory] as [any RecordSightings] {
      #expect(sightings.sight(.booking("B1"), file: "a.json", place: Self.places[1], detail: "P1") == nil)
      #expect(sightings.sight(.coach("B1"), file: "b.csv", place: Self.places[4], detail: nil) == nil)
      let again = sightings.sight(.booking("B1"), file: "c.json", place: Self.places[3], detail: "P2")
      #expect(again == RecordSighting(file: "a.json", place: Self.places[1], detail: "P1"))
      #expect(sightings.sighting(of: .booking("B1"))?.detail == "P1")
      #expect(sightings.sighting(of: .coach("B1"))?.place == Self.places[4])
      #expect(sightings.sighting(of: .booking("B2")) == nil)
    }
    #expect(table.failure == nil)
    try store.database.execute("ROLLBACK")
    // A new import starts with nothing seen.
    try store.database.execute("BEGIN")
    let next = try ImportSightings(store.database)
    #expect(next.sighting(of: .booking("B1")) == nil)
    try store.database.execute("ROLLBACK")
  }
}

/// References to records not seen yet wait in the temporary table, in order.
struct PostponedReferenceTests {
  @Test func postponedReferencesComeBackInOrder() throws {
    let store = try RegistryStore.inMemory()
    try store.database.execute("BEGIN")
    let table = try ImportSightings(store.database)
    let memory = SightingsInMemory()
    let references = [
      PostponedReference(
        sequence: 1, target: .placement, id: "P1", file: "b.json",
        place: .pointer(JSONPointer(["bookings", "0", "placement"]))),
      PostponedReference(
        sequence: 3, target: .booking, id: "B1", placement: "P1", file: "d.json",
        place: .pointer(JSONPointer(["decisions", "0", "bookings", "0"]))),
      PostponedReference(
        sequence: 4, target: .coach, id: "JC-9", file: "uren.csv",
        place: .cell(line: 3, column: 2, header: "coach")),
    ]
    for sightings in [table, memory] as [any RecordSightings] {
      for reference in references { sightings.postpone(reference) }
      var back: [PostponedReference] = []
      sightings.forEachPostponed { back.append($0) }
      #expect(back == references)
    }
    #expect(table.failure == nil)
    try store.database.execute("ROLLBACK")
  }

  /// Bookings read before the file of their placements: each reference waits, resolves at the
  /// end, and one to a placement nobody holds is reported at its place, once per booking.
  @Test func bookingsBeforeTheirPlacementsResolveAtTheEnd() throws {
    let store = try RegistryStore.inMemory()
    let session = try ImportSession(store: store, dryRun: true, audit: nil, log: ProblemLog())
    let validator = session.validator
    for (index, placement) in ["P1", "P2", "P1"].enumerated() {
      validator.checkReference(to: PlacementID(rawValue: placement), index: index, file: "a.json")
    }
    #expect(validator.pending.isEmpty)
    var postponed = 0
    session.sightings.forEachPostponed { _ in postponed += 1 }
    #expect(postponed == 3)
    validator.placementIDs.insert("P1")
    validator.finish()
    let problems = validator.log.problems
    #expect(problems.count == 1)
    #expect(problems.first?.place == .pointer(JSONPointer(["bookings", "1", "placement"])))
    #expect(problems.first?.reason == .unknownRecord(.placement, id: "P2"))
    session.rollback()
  }
}

extension ReferenceValidator {
  /// What checking the `index`th booking of `file` asks of its placement.
  func checkReference(to placement: PlacementID, index: Int, file: String) {
    resolve(
      .placement(
        placement, file, .pointer(JSONPointer(["bookings", String(index), "placement"]))))
  }
}
