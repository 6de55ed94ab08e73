import Foundation
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

  /// The check's scan copies each placement's booking rows and makes them into values on the
  /// thread that judges it: over bookings that vary in every column (no contact, both
  /// parties, several goals or none, a report, a description, stated or unstated work
  /// relation, a subsidy check, a coach of another placement), the copies make exactly the
  /// bookings the statement's rows make, placement by placement, on another thread too.
  @Test func bookingsMadeFromCopiedRowsAreTheBookingsReadInPlace() throws {
    var generated = GeneratedRegistry(seed: 2026_12_04, coaches: 200)
    _ = generated.reference()
    var random = SplitMix(seed: 41)
    func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }
    generated.bookings = generated.bookings.map { booking in
      var booking = booking
      if chance(20) { booking.contact = nil }
      if chance(20) { booking.contactWith = [.employer, .worker] }
      if chance(15) { booking.goals = chance(50) ? [] : ["G1", "G3"] }
      if chance(15) { booking.report = ReportID(rawValue: "R-\(random.next() % 5)") }
      if chance(15) { booking.description = chance(50) ? "" : "Gesprek met Zoë, \"intake\"" }
      if chance(20) { booking.workRelated = chance(50) }
      if chance(20) { booking.wageSubsidyCheck = true }
      return booking
    }
    let store = try RegistryStore.inMemory()
    store.copiesBookingRows = true
    let (batch, problems) = try generated.batch()
    #expect(problems.isEmpty, "\(problems.prefix(3))")
    _ = try store.apply(batch)

    var inPlace: [[HourBooking]] = []
    try store.forEachPlacement(withBookings: true) { _, bookings in inPlace.append(bookings) }
    var pending: [(Placement, PendingBookings)] = []
    try store.forEachPlacement(pendingBookings: { pending.append(($0, $1)) })
    try #require(pending.count == inPlace.count && pending.count == generated.placements.count)
    // Made on other threads, after the scan has ended.
    final class Made: @unchecked Sendable {
      let lock = NSLock()
      var bookings: [[HourBooking]]
      init(_ count: Int) { bookings = Array(repeating: [], count: count) }
    }
    let made = Made(pending.count)
    let shared = pending.map(\.1)
    DispatchQueue.concurrentPerform(iterations: shared.count) { index in
      let bookings = (try? shared[index].decode()) ?? []
      made.lock.withLock { made.bookings[index] = bookings }
    }
    let copied = made.bookings
    for index in inPlace.indices {
      #expect(copied[index] == inPlace[index], "\(pending[index].0.id)")
    }
    let all = copied.flatMap { $0 }
    #expect(all.count == generated.bookings.count)
    #expect(Set(all) == Set(generated.bookings))
    // Every variation made it through.
    #expect(all.contains { $0.contact == nil } && all.contains { $0.contactWith.count == 2 })
    #expect(all.contains { $0.goals.isEmpty } && all.contains { $0.goals.count == 2 })
    #expect(all.contains { $0.report != nil } && all.contains { $0.description == "" })
    #expect(all.contains { $0.workRelated == false } && all.contains { $0.wageSubsidyCheck })
  }

  /// A list column (a plan's parties, a goal's activities, a booking's goals and parties)
  /// falls into the parts `split(separator:)` makes of its text, empty parts left out, from a
  /// statement's row and from a copy of it alike; NULL is no parts.
  @Test func aListColumnFallsIntoThePartsSplitMakes() throws {
    let store = try RegistryStore.inMemory()
    let texts = ["", ",", "a", "a,b", ",a,,b,", "zoë,ë,", "employer,worker", "x\u{1F}y"]
    for text in texts {
      let rows = try store.database.prepare("SELECT ?")
      try rows.bind([.text(text)])
      try #require(try rows.step())
      let expected = text.split(separator: ",").map(String.init)
      #expect(rows.texts(0, separatedBy: UInt8(ascii: ",")) == expected, "\(text)")
      var copies = CopiedRows(columns: 1)
      copies.append(rows)
      let copied = try copies.forEach { $0.texts(0, separatedBy: UInt8(ascii: ",")) }
      #expect(copied == [expected], "\(text)")
    }
    let split = try store.database.prepare("SELECT ?")
    try split.bind([.text("x\u{1F}y\u{1F}")])
    try #require(try split.step())
    #expect(split.texts(0, separatedBy: 0x1F) == ["x", "y"])
    let null = try store.database.prepare("SELECT NULL")
    try #require(try null.step())
    #expect(null.texts(0, separatedBy: UInt8(ascii: ",")).isEmpty)
  }

  /// A copied booking row the registry should never hold (its CHECK bypassed behind the
  /// store's back) is the registry's corruption when it is made into a value, named by
  /// column, as when it is read in place.
  @Test func aCorruptCopiedBookingRowIsAnErrorWhenMade() throws {
    var generated = GeneratedRegistry(seed: 8, coaches: 20)
    _ = generated.reference()
    let store = try RegistryStore.inMemory()
    store.copiesBookingRows = true
    let (batch, _) = try generated.batch()
    _ = try store.apply(batch)
    let booking = try #require(generated.bookings.first)
    try store.database.execute("PRAGMA ignore_check_constraints = ON")
    try store.database.execute(
      "UPDATE hour_bookings SET contact = 'letter' WHERE id = '\(booking.id.rawValue)'")
    var failures: [String] = []
    try store.forEachPlacement(pendingBookings: { placement, bookings in
      do {
        _ = try bookings.decode()
      } catch {
        failures.append("\(placement.id) \(error)")
      }
    })
    #expect(failures.count == 1)
    #expect(failures.first?.hasPrefix("\(booking.placement) ") == true)
    #expect(failures.first?.contains("hour_bookings.contact") == true)
    #expect(throws: StoreError.self) { try store.bookings(on: booking.placement) }
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
