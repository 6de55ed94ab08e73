import JobcoachTestSupport
import Testing

@testable import JobcoachCore
@testable import JobcoachStore

/// The store's faster answers are held to the reference: a generated registry is read into a
/// SQLite registry (portfolios through the document reader, whose byte-level fast path reads
/// them) and into `InMemoryRegistry`, which answers plainly, and every whole-registry use case
/// must give the same answer from both on every judging date. What the store does its own way
/// is thereby checked: the fast path's decoding, PE totals summed in SQL over each coach's
/// cycle with the domain's `claimStands` asked per row from its bytes, ordered scans of
/// coaches, placements and memberships, and bookings streamed one placement at a time.
struct PECountingDifferentialTests {
  @Test(arguments: [UInt64(2026_11_25), 7_777_001])
  func theStoreAnswersAsTheReferenceOnEveryDate(_ seed: UInt64) throws {
    var generated = GeneratedRegistry(seed: seed, coaches: 500)
    let reference = generated.reference()
    let store = try RegistryStore.inMemory()
    let (batch, problems) = try generated.batch()
    #expect(problems.isEmpty, "\(problems.prefix(3))")
    _ = try store.apply(batch)

    // The store summed most registered coaches' cycles in SQL, and left some to the portfolio
    // (a claim that needs a word): both ways are exercised.
    let rules = try store.registerRules(for: try store.register(.seedDefault))
    var summed = 0
    var fromPortfolio = 0
    for date in generated.judgingDates {
      var cycles: [CoachID: RegisterCycle] = [:]
      for membership in try store.allMemberships() where membership.register == .seedDefault {
        let standing = membership.standing(on: date, in: rules.register)
        if standing.isRegistered { cycles[membership.coach] = standing.cycle }
      }
      let totals = try store.cycleTotals(cycles, on: date, rules: rules)
      summed += totals.count
      fromPortfolio += cycles.count - totals.count
    }
    // (Fewer since R-RE-3: unrenewed registrations lapse and are judged by neither.)
    #expect(summed > 500)
    #expect(fromPortfolio > 500)

    #expect(generated.judgingDates.count >= 20)
    // The placements exercise assignments (changes, stand-ins), reports and decisions, which
    // the store keeps in tables of their own: both answers judge them.
    #expect(generated.placements.contains { $0.assignments.count > 2 })
    #expect(generated.placements.contains { !$0.reports.isEmpty })
    #expect(!generated.decisions.isEmpty)
    let late = try CheckRegistry(on: CalendarDate(iso: "2026-11-23")!).run(in: store)
    for rule in [RuleID.bookedByAssignedCoach, .funderDecision, .policyAtAssignment] {
      #expect(late.findings.contains { $0.rule == rule }, "\(rule)")
    }
    for (index, date) in generated.judgingDates.enumerated() {
      // The bookings made as read on odd dates, from copied rows on the judging threads on
      // even ones: either way the reference's report.
      store.copiesBookingRows = index % 2 == 0
      let fast = try CheckRegistry(on: date).run(in: store)
      let slow = try CheckRegistry(on: date).run(in: reference)
      #expect(fast.findings.count == slow.findings.count, "\(date)")
      if fast != slow {
        let differing = zip(fast.findings, slow.findings).first { $0 != $1 }
        Issue.record("check on \(date) differs: \(String(describing: differing))")
      }
      guard index % 4 == 0 else { continue }
      for register in [RegisterID.seedDefault, "NOORD"] {
        #expect(
          try PublishRegister(on: date, register: register).run(in: store)
            == PublishRegister(on: date, register: register).run(in: reference), "\(date)")
        #expect(
          try ListDue(on: date, within: 400, register: register).run(in: store)
            == ListDue(on: date, within: 400, register: register).run(in: reference), "\(date)")
      }
      #expect(
        try ListReminders(on: date).run(in: store) == ListReminders(on: date).run(in: reference),
        "\(date)")
    }
  }

  /// Every generated portfolio reads the same through the byte-level fast path and the
  /// general path, which reports nothing about it.
  /// The key that finds activities listed twice (R-PE-4) in SQL: the same for the same day,
  /// code (else title), document and issuer, whatever else differs (minutes, category, a
  /// title beside a code); different when any of them differs; NULL without a document, so
  /// such a coach is never summed in SQL.
  @Test func theSameActivityKeyIsWhatMakesTwoActivitiesOne() throws {
    let store = try RegistryStore.inMemory()
    _ = try store.claimRules()
    func key(_ day: Int, _ code: String?, _ title: String, _ document: String?, _ issuer: String?)
      throws -> Int?
    {
      let rows = try store.database.prepare("SELECT jobcoach_same_activity_key(?, ?, ?, ?, ?)")
      try rows.bind([
        .integer(day), SQLValue(code), .text(title), SQLValue(document), SQLValue(issuer),
      ])
      try #require(try rows.step())
      return rows.intOrNil(0)
    }
    let base = try key(20_000, "ACC-1", "Course", "DOC-1", "Provider")
    #expect(base != nil)
    #expect(try key(20_000, "ACC-1", "Another title", "DOC-1", "Provider") == base)
    for other in [
      try key(20_001, "ACC-1", "Course", "DOC-1", "Provider"),
      try key(20_000, "ACC-2", "Course", "DOC-1", "Provider"),
      try key(20_000, nil, "Course", "DOC-1", "Provider"),
      try key(20_000, "ACC-1", "Course", "DOC-2", "Provider"),
      try key(20_000, "ACC-1", "Course", "DOC-1", "Other"),
      try key(-20_000, "ACC-1", "Course", "DOC-1", "Provider"),
    ] {
      #expect(other != nil && other != base)
    }
    // Without a code, the title decides; a title is never taken for a code.
    #expect(try key(20_000, nil, "Course", "DOC-1", nil) == key(20_000, nil, "Course", "DOC-1", nil))
    #expect(try key(20_000, nil, "Course", "DOC-1", nil) != key(20_000, nil, "Other", "DOC-1", nil))
    #expect(try key(20_000, nil, "ACC-1", "DOC-1", nil) != key(20_000, "ACC-1", "x", "DOC-1", nil))
    #expect(try key(20_000, "ACC-1", "Course", nil, "Provider") == nil)
  }

  @Test func generatedPortfoliosReadTheSameBothWays() throws {
    var generated = GeneratedRegistry(seed: 99, coaches: 500)
    _ = generated.reference()
    var fastReads = 0
    var plain = 0
    for portfolio in generated.portfolios {
      if portfolio.educations.isEmpty && portfolio.experience.isEmpty { plain += 1 }
      let text = GeneratedRegistry.json(portfolio)
      let fast = Array(text.utf8).withUnsafeBufferPointer { PortfolioFastPath.decode($0) }
      let log = ProblemLog()
      let general = Portfolio.decode(
        try JSONParser.parse(Array(text.utf8)), at: .root,
        in: DecodingContext(file: "t", log: log))
      #expect(log.problems.isEmpty)
      #expect(general == portfolio)
      if let fast {
        fastReads += 1
        #expect(fast == portfolio)
      }
    }
    // The fast path reads every plain portfolio (activities only), as a national export is.
    #expect(fastReads == plain)
    #expect(plain > 250)
  }
}
