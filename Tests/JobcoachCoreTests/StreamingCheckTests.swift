import JobcoachTestSupport
import Testing

@testable import JobcoachCore

/// `jobcoach check` hands each subject on as it is judged (`CheckRegistry.run(in:each:)`), so
/// its memory does not grow with the registry. It is held to the reference, which judges every
/// part whole and sorts the findings by subject (`CheckRegistry.reference(in:)`): the same
/// subjects, the same findings in the same order, the same names and policy, over generated
/// registries (coaches with several kinds and placements, assignments that change, placements
/// not yet started, memberships in two registers) on every judging date, with and without the
/// caller's filters.
struct StreamingCheckTests {
  static func expectSame(
    _ streamed: CheckReport, _ reference: CheckReport, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(streamed.subjects == reference.subjects, "\(label)", sourceLocation: sourceLocation)
    #expect(streamed.policy == reference.policy, "\(label)", sourceLocation: sourceLocation)
    #expect(
      streamed.findings.count == reference.findings.count, "\(label)",
      sourceLocation: sourceLocation)
    if let (index, pair) = zip(streamed.findings, reference.findings).enumerated()
      .first(where: { $0.element.0 != $0.element.1 })
    {
      Issue.record(
        "\(label): finding \(index) differs: \(pair.0) vs \(pair.1)", sourceLocation: sourceLocation
      )
    }
    // Every subject a finding names is named as the reference names it.
    for subject in Set(streamed.findings.map(\.subject)) {
      #expect(
        streamed.names[subject] == reference.names[subject], "\(label) \(subject)",
        sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: [UInt64(2026_12_02), 4_242_001, 90_210])
  func theStreamGivesTheReferenceReportOnEveryDate(_ seed: UInt64) throws {
    var generated = GeneratedRegistry(seed: seed, coaches: 500)
    let registry = generated.reference()
    #expect(generated.judgingDates.count >= 20)
    var findings = 0
    for date in generated.judgingDates {
      let check = CheckRegistry(on: date)
      let streamed = try check.run(in: registry)
      Self.expectSame(streamed, try check.reference(in: registry), "\(date)")
      findings += streamed.findings.count
    }
    // The generated registries give every kind of subject something to say.
    let late = try CheckRegistry(on: CalendarDate(iso: "2026-11-23")!).run(in: registry)
    for kind in [FindingSubject.Kind.coach, .membership, .organisation, .placement] {
      #expect(late.findings.contains { $0.subject.kind == kind }, "\(kind)")
    }
    #expect(findings > 10_000)
  }

  @Test func theFiltersAndTheCallersMunicipalityGiveTheReferenceReport() throws {
    var generated = GeneratedRegistry(seed: 31_337, coaches: 300)
    let registry = generated.reference()
    let municipality = try #require(generated.organisations.first { $0.kind == .municipality })
    for date in generated.judgingDates.enumerated().filter({ $0.offset % 4 == 0 }).map(\.element)
    {
      for check in [
        CheckRegistry(on: date, severity: .warning),
        CheckRegistry(on: date, rulePrefix: "Q-"),
        CheckRegistry(on: date, rulePrefix: "F-", severity: .error),
        CheckRegistry(on: date, municipality: municipality.id),
      ] {
        Self.expectSame(
          try check.run(in: registry), try check.reference(in: registry),
          "\(date) \(check.rulePrefix ?? "-") \(check.severity)")
      }
    }
  }

  /// A registry that fails in the middle of the placements: the check throws the failure,
  /// after handing on in order what it had judged, and its threads end (a queue left with
  /// work in it is freed without stopping the program).
  @Test func aRegistryThatFailsMidwayStopsTheCheckWithItsError() throws {
    var generated = GeneratedRegistry(seed: 99, coaches: 200)
    let registry = RecordingRegistry(generated.reference())
    let half = generated.placements.count / 2
    try #require(half > 10)
    registry.failsAfterPlacements = half
    var seen: [FindingSubject] = []
    #expect(throws: RecordingRegistry.ReadFailure.self) {
      _ = try CheckRegistry(on: CalendarDate(iso: "2026-11-23")!).run(in: registry) {
        seen.append($0.subject)
      }
    }
    #expect(seen == seen.sorted())
    #expect(seen.filter { $0.kind == .coach }.count == 200)
    #expect(seen.filter { $0.kind == .placement }.count <= half)
    // The queue between the threads, freed with items in it.
    let queue = Channel<Int>(capacity: 4)
    queue.send(1)
    queue.send(2)
    _ = queue
  }

  /// A placement whose bookings cannot be made into values (found on the thread that judges
  /// it, not the one that reads): the check throws that failure after handing on, in order,
  /// every subject before that placement and none after it, whatever the threads' timing.
  @Test func bookingsThatCannotBeMadeStopTheCheckAtTheirPlacement() throws {
    var generated = GeneratedRegistry(seed: 99, coaches: 200)
    let registry = RecordingRegistry(generated.reference())
    let placements = registry.allPlacements()
    let date = CalendarDate(iso: "2026-11-23")!
    // A placement that has started (else its bookings are never asked for), midway.
    let failing = try #require(
      placements.indices.first { $0 >= placements.count / 2 && placements[$0].period.start <= date })
    registry.failsDecodingPlacement = failing
    for _ in 0..<5 {
      var seen: [FindingSubject] = []
      #expect(throws: RecordingRegistry.DecodeFailure.self) {
        _ = try CheckRegistry(on: date).run(in: registry) { seen.append($0.subject) }
      }
      #expect(seen.filter { $0.kind == .coach }.count == 200)
      let placementsSeen = seen.filter { $0.kind == .placement }.map(\.id)
      // Every placement before the failing one that the check reports, and nothing after.
      var expected: [String] = []
      _ = try CheckRegistry(on: date).run(in: generated.reference()) { part in
        if part.subject.kind == .placement { expected.append(part.subject.id) }
      }
      let before = Set(placements[..<failing].map(\.id.rawValue))
      #expect(placementsSeen == expected.filter(before.contains))
      #expect(!placementsSeen.isEmpty)
    }
  }

  /// Subjects come one at a time, in order, each once, with its findings about it alone; the
  /// summary counts what was handed on.
  @Test func subjectsComeInOrderEachOnceWithTheirOwnFindings() throws {
    var generated = GeneratedRegistry(seed: 77, coaches: 200)
    let registry = generated.reference()
    var seen: [FindingSubject] = []
    var counted = CheckSummary(date: CalendarDate(iso: "2026-11-23")!, policy: nil)
    let summary = try CheckRegistry(on: CalendarDate(iso: "2026-11-23")!).run(in: registry) {
      part in
      #expect(part.findings.allSatisfy { $0.subject == part.subject })
      seen.append(part.subject)
      counted.add(part)
    }
    #expect(seen == seen.sorted())
    #expect(Set(seen).count == seen.count)
    #expect(summary.subjects == counted.subjects)
    #expect(summary.errors == counted.errors && summary.notes == counted.notes)
    #expect(summary.subjects[.coach] == 200)
    #expect(summary.errors + summary.warnings + summary.notes > 1_000)
  }

  /// What `prepare` makes of each subject (on the thread that judged it) comes back with that
  /// subject, in the same order and after the same filters as the plain stream.
  @Test func eachSubjectComesWithWhatWasPreparedFromIt() throws {
    var generated = GeneratedRegistry(seed: 4_711, coaches: 200)
    let registry = generated.reference()
    let check = CheckRegistry(on: CalendarDate(iso: "2026-11-23")!, severity: .warning)
    var plain: [FindingSubject] = []
    _ = try check.run(in: registry) { plain.append($0.subject) }
    var prepared: [FindingSubject] = []
    let summary = try check.run(
      in: registry,
      preparing: { part in
        part.subject.description + ":" + part.findings.map(\.rule.rawValue).joined(separator: ",")
      },
      each: { part, text in
        #expect(
          text
            == part.subject.description + ":"
            + part.findings.map(\.rule.rawValue).joined(separator: ","))
        #expect(part.findings.allSatisfy { $0.severity <= .warning })
        prepared.append(part.subject)
      })
    #expect(prepared == plain)
    #expect(summary.subjects[.placement, default: 0] > 0)
  }
}

/// The check holds each policy chosen once (`PolicyInterning`), found by id and version and
/// then compared whole: the same policy chosen again is the one held, a policy that differs
/// in anything but its id and version is held apart, and a failure is held as itself.
struct PolicyInterningTests {
  @Test func eachPolicyIsHeldOnceAndNoOtherIsTakenForIt() throws {
    let day = try #require(CalendarDate(iso: "2026-01-01"))
    let policy = MunicipalPolicy(id: "P-1", name: "Beleid", effectiveFrom: day)
    var edited = policy
    edited.fundsInternalCoaching.toggle()
    let later = MunicipalPolicy(id: "P-1", name: "Beleid", effectiveFrom: day.adding(days: 1))
    let failure = UseCaseError.unknownPolicy("P-9")
    var interning = PolicyInterning()
    let choices: [Result<PolicyChoice, UseCaseError>] = [
      .success(PolicyChoice(policy: policy, source: .named)),
      .success(PolicyChoice(policy: policy, source: .municipality("GM-1"))),
      .success(PolicyChoice(policy: edited, source: .named)),
      .success(PolicyChoice(policy: later, source: .named)),
      .failure(failure), .failure(failure),
    ]
    let held = choices.map { interning.held($0) }
    // Each choice comes back as made, its source included.
    for (choice, kept) in zip(choices, held) { #expect(kept.result == choice) }
    let all = interning.all
    #expect(all.count == 4)
    for result in [
      Result<MunicipalPolicy, UseCaseError>.success(policy), .success(edited), .success(later),
      .failure(failure),
    ] {
      #expect(all.filter { $0 == result }.count == 1, "\(result)")
    }
  }
}
