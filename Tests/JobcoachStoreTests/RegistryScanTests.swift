import JobcoachTestSupport
import Testing

@testable import JobcoachCore
@testable import JobcoachStore

/// A whole-registry check reads coaches and placements one at a time, each with the rows of
/// its detail tables read in step (`OwnedRows`): what the scans hand on is exactly what the
/// registry holds, record by record, and a detail row the scan cannot place is an error,
/// never a row silently dropped.
struct RegistryScanTests {
  @Test func theScansGiveWhatTheReferenceHoldsRecordByRecord() throws {
    var generated = GeneratedRegistry(seed: 2026_12_03, coaches: 300)
    let reference = generated.reference()
    let store = try RegistryStore.inMemory()
    let (batch, problems) = try generated.batch()
    #expect(problems.isEmpty, "\(problems.prefix(3))")
    _ = try store.apply(batch)

    var coaches: [Coach] = []
    try store.forEachCoach { coaches.append($0) }
    #expect(coaches == reference.allCoaches())
    #expect(try store.allCoaches() == coaches)
    #expect(coaches.contains { !$0.employments.isEmpty })
    #expect(coaches.contains { !$0.qualifications.isEmpty })

    var placements: [Placement] = []
    var booked = 0
    try store.forEachPlacement(withBookings: true) { placement, bookings in
      placements.append(placement)
      #expect(bookings == reference.bookings(on: placement.id), "\(placement.id)")
      booked += bookings.count
    }
    #expect(placements == reference.allPlacements())
    #expect(booked == generated.bookings.count && booked > 1_000)
    // Without bookings, the same placements and none of their bookings.
    var bare: [Placement] = []
    try store.forEachPlacement(withBookings: false) { placement, bookings in
      bare.append(placement)
      #expect(bookings.isEmpty)
    }
    #expect(bare == placements)
    #expect(try store.allPlacements() == placements)
    #expect(placements.contains { $0.grant != nil && $0.plan != nil && !$0.absences.isEmpty })
    #expect(try store.allMemberships() == reference.allMemberships())
  }

  /// An employment whose coach is not in the registry (only possible with the foreign keys
  /// switched off behind the store's back) stops the scan with the table named.
  @Test func aDetailRowOfAnUnknownOwnerIsAnError() throws {
    var generated = GeneratedRegistry(seed: 5, coaches: 20)
    _ = generated.reference()
    let store = try RegistryStore.inMemory()
    let (batch, _) = try generated.batch()
    _ = try store.apply(batch)
    try store.database.execute("PRAGMA foreign_keys = OFF")
    let coaches = try store.allCoaches()
    try #require(coaches.count == 20)
    // Before the first coach, between two and after the last: each is caught.
    for owner in ["A", coaches[3].id.rawValue + "-", "ZZZ"] {
      try store.database.execute(
        """
        INSERT INTO employments (coach_id, position, organisation_id, kind, valid_from)
        SELECT '\(owner)', 0, organisation_id, kind, valid_from FROM employments LIMIT 1
        """)
      #expect {
        try store.forEachCoach { _ in }
      } throws: { error in
        "\(error)".contains("unknown owner \(owner)") && "\(error)".contains("employments")
      }
      try store.database.execute("DELETE FROM employments WHERE coach_id = '\(owner)'")
    }
    var count = 0
    try store.forEachCoach { _ in count += 1 }
    #expect(count == coaches.count)
  }
}
