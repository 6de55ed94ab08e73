import Dispatch

/// "What is wrong anywhere in the registry on this date?": every rule over every coach,
/// organisation, placement and membership, with the same rule code `verify`, `placement show`
/// and `pe` use (`jobcoach check`).
///
/// - Coaches: verified as the kind of each employment in force, once per placement they coach
///   on the date (under the placement's policy), else once without a placement (under the
///   policy of the caller's municipality, else the registry's default, else G4); the
///   per-placement rules Q-INT-3/4 are then left out rather than reported as unknown.
/// - Organisations that can hold a UWV recognition: whether one is in force (Q-EXT-1); a
///   municipality with several policies in force: an error (Q-POL-1).
/// - Placements that have started: the F, P and K rules (`PlacementReview`).
/// - Memberships: R-ASM-1, and for registered coaches the PE norm of the running cycle.
///
/// Time is linear in the registry: placements are found by coach and grouped by coach and
/// employer, never paired; bookings are read one placement at a time and the placements judged
/// on a second thread as they are read. Findings are handed on subject by subject, never held
/// whole; what memory still grows with is the coaches and placements read at the start.
public struct CheckRegistry: Hashable, Sendable {
  public var date: CalendarDate
  /// The municipality the caller acts for: its policy judges coaches without a placement.
  public var municipality: OrganisationID?
  /// Only findings of rules whose id starts so (`Q-INT`, `F-1`).
  public var rulePrefix: String?
  /// Only findings this severe or worse.
  public var severity: Severity

  public init(
    on date: CalendarDate, municipality: OrganisationID? = nil, rulePrefix: String? = nil,
    severity: Severity = .note
  ) {
    self.date = date
    self.municipality = municipality
    self.rulePrefix = rulePrefix
    self.severity = severity
  }

  /// Judges the registry and hands each subject's findings to `each` as soon as they are
  /// known, in the report's order (subjects sorted by kind, then id; a subject's findings in
  /// rule order), so nothing of the whole report is held: memory does not grow with the
  /// registry's findings. `each` is called on this thread. Returns the counts.
  public func run(
    in registry: some RegistryReading, each: (SubjectFindings) -> Void
  ) throws -> CheckSummary {
    try run(in: registry, preparing: { _ in () }, each: { part, _ in each(part) })
  }

  /// As `run(in:each:)`, with `prepare` applied to each subject's findings on the thread that
  /// judged them (for the placements a second thread), so work such as rendering them is
  /// shared between the two; `each` gets the findings and what `prepare` made of them, on
  /// this thread, in the report's order.
  public func run<Prepared: Sendable>(
    in registry: some RegistryReading,
    preparing prepare: @escaping @Sendable (SubjectFindings) -> Prepared,
    each: (SubjectFindings, Prepared) -> Void
  ) throws -> CheckSummary {
    try registry.reading {
      let world = try World(registry, on: date, for: municipality)
      var summary = CheckSummary(date: date, policy: try? world.defaultPolicy.get())
      let filtering = rulePrefix != nil || severity != .note
      let check = self
      try world.stream(
        registry,
        preparing: { part in
          var part = part
          if filtering { part.findings.removeAll(where: check.isFilteredOut) }
          return (part, prepare(part))
        },
        emit: { part, prepared in
          summary.add(part)
          each(part, prepared)
        })
      return summary
    }
  }

  /// The whole report: the subjects `run(in:each:)` hands on, collected.
  public func run(in registry: some RegistryReading) throws -> CheckReport {
    var subjects: [FindingSubject] = []
    var findings: [Finding] = []
    var names: [FindingSubject: String] = [:]
    let summary = try run(in: registry) { part in
      if part.isChecked { subjects.append(part.subject) }
      findings += part.findings
      if let name = part.name { names[part.subject] = name }
    }
    return CheckReport(
      date: date, subjects: subjects, findings: findings, names: names, policy: summary.policy)
  }

  /// The reference the streaming check is held to (by a differential test over generated
  /// registries): every part judged whole, then the findings grouped by subject with a sort.
  public func reference(in registry: some RegistryReading) throws -> CheckReport {
    let (world, parts) = try registry.reading {
      let world = try World(registry, on: date, for: municipality)
      return (world, try world.parts(registry))
    }
    var report = RegistryCheck.report(parts, on: date)
    report.names = world.names
    report.policy = try? world.defaultPolicy.get()
    report.findings.removeAll(where: isFilteredOut)
    return report
  }

  func isFilteredOut(_ finding: Finding) -> Bool {
    finding.severity > severity || !(rulePrefix.map(finding.rule.rawValue.hasPrefix) ?? true)
  }

  /// What the check has read, and the policy of each placement.
  struct World: Sendable {
    let date: CalendarDate
    let organisations: [OrganisationID: Organisation]
    /// Sorted by id.
    let coaches: [Coach]
    /// Each coach's place in `coaches`.
    let coachIndex: [CoachID: Int]
    /// Sorted by id.
    let placements: [Placement]
    /// The places in `placements` of each coach's placements.
    let placementsByCoach: [CoachID: [Int]]
    /// Each placement's policy, or the ambiguity that leaves it undetermined.
    let policies: [PlacementID: HeldChoice]
    /// The policy of each assignment covering the date, as in force on its start (Q-ASG-2), by
    /// placement and coach.
    let assignmentPolicies: [PlacementCoach: HeldChoice]
    /// Every policy the placements and assignments are judged by, and every reason one could
    /// not be chosen, once each.
    let choices: [Result<MunicipalPolicy, UseCaseError>]
    /// The policy for coaches verified without a placement.
    let defaultPolicy: Result<PolicyChoice, UseCaseError>
    /// The visit days of each placement that shares its coach and employer with another (K-6).
    let siblingVisits: [PlacementID: [PlacementID: [CalendarDate]]]
    /// The funder's decisions on held hours (F-7), by placement.
    let decisions: [PlacementID: [FunderDecision]]
    /// Sorted by coach, then register.
    let memberships: [Membership]
    /// Each register's rules, by register id.
    let registerRules: [RegisterID: RegisterRules]
    /// Each coach's standing in each register (R-RE-1), for the policies that require
    /// registration (Q-POL-4); read only when one does.
    let registrations: [CoachID: [RegistrationEvidence]]
    let qualification: QualificationRules

    init(_ registry: some RegistryReading, on date: CalendarDate, for municipality: OrganisationID?)
      throws
    {
      self.date = date
      organisations = try registry.allOrganisations()
      let coaches = Self.sorted(try registry.allCoaches(), by: \.id)
      self.coaches = coaches
      coachIndex = Dictionary(
        coaches.indices.map { (coaches[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
      placements = Self.sorted(try registry.allPlacements(), by: \.id)
      var placementsByCoach: [CoachID: [Int]] = [:]
      for (index, placement) in placements.enumerated() {
        for coach in placement.assignedCoaches {
          placementsByCoach[coach, default: []].append(index)
        }
      }
      self.placementsByCoach = placementsByCoach
      let resolver = PolicyResolver(
        policies: try registry.allPolicies(),
        defaultMunicipality: try registry.defaultMunicipality())
      func resolve(_ question: PolicyQuestion) -> Result<PolicyChoice, UseCaseError> {
        do {
          return .success(try resolver.resolve(question, on: date))
        } catch let error as UseCaseError {
          return .failure(error)
        } catch {
          preconditionFailure("a resolver over policies read cannot fail otherwise: \(error)")
        }
      }
      // Thousands of placements share a few policies: each policy (and each failure) is held
      // once; a placement's choice holds its own source and, for an assignment, start.
      var interned = PolicyInterning()
      var policies: [PlacementID: HeldChoice] = [:]
      for placement in placements {
        policies[placement.id] = interned.held(
          resolve(PolicyQuestion(placement: placement, municipality: municipality)))
      }
      self.policies = policies
      var assignmentPolicies: [PlacementCoach: HeldChoice] = [:]
      for placement in placements {
        for assignment in placement.assignments(on: date) {
          let key = PlacementCoach(placement: placement.id, coach: assignment.coach)
          guard assignmentPolicies[key] == nil else { continue }
          let question = PolicyQuestion(placement: placement, municipality: municipality)
          assignmentPolicies[key] = interned.held(
            Result { try resolver.resolve(question, for: assignment, on: date) }
              .mapError { $0 as! UseCaseError })
        }
      }
      self.assignmentPolicies = assignmentPolicies
      choices = interned.all
      defaultPolicy = resolve(PolicyQuestion(municipality: municipality))

      var groups: [Placement.SiblingKey: [PlacementID]] = [:]
      for placement in placements {
        guard let key = placement.siblingKey else { continue }
        groups[key, default: []].append(placement.id)
      }
      let shared = groups.values.filter { $0.count > 1 }
      let visits = try registry.visitDays(on: shared.flatMap { $0 })
      var siblingVisits: [PlacementID: [PlacementID: [CalendarDate]]] = [:]
      for group in shared {
        for placement in group {
          var others: [PlacementID: [CalendarDate]] = [:]
          for other in group where other != placement { others[other] = visits[other] ?? [] }
          siblingVisits[placement] = others
        }
      }
      self.siblingVisits = siblingVisits
      decisions = try registry.allDecisions()
      memberships = Self.sorted(try registry.allMemberships(), by: \.coach)
      var registerRules: [RegisterID: RegisterRules] = [:]
      for register in try registry.registers() {
        registerRules[register.id] = try registry.registerRules(for: register)
      }
      self.registerRules = registerRules
      let requiresRegistration =
        (choices + [defaultPolicy.map(\.policy)]).contains { result in
          guard case .success(let policy) = result else { return false }
          return CoachKind.allCases.contains {
            policy.requirements(for: $0).contains(.registrationRequired)
          }
        }
      var registrations: [CoachID: [RegistrationEvidence]] = [:]
      if requiresRegistration {
        let byCoach = Dictionary(grouping: memberships, by: \.coach)
        for coach in coaches {
          let held = byCoach[coach.id] ?? []
          if held.isEmpty {
            guard let number = coach.registerNumber else { continue }
            registrations[coach.id] = [
              RegisterStanding.evidence(
                for: coach, membership: nil, in: nil,
                published: try registry.publicRegister(listing: number), on: date)
            ].compactMap { $0 }
            continue
          }
          registrations[coach.id] = held.compactMap { membership in
            RegisterStanding.evidence(
              for: coach, membership: membership, in: registerRules[membership.register]?.register,
              published: nil, on: date)
          }
        }
      }
      self.registrations = registrations
      qualification = QualificationRules(organisations: organisations)
    }

    /// `records` in the order of `key` (as subjects sort), keeping the order of equal keys; a
    /// registry reads them so already, and then nothing is moved.
    static func sorted<Record, Key: Comparable>(_ records: [Record], by key: KeyPath<Record, Key>)
      -> [Record]
    {
      if zip(records, records.dropFirst()).allSatisfy({ $0[keyPath: key] <= $1[keyPath: key] }) {
        return records
      }
      return records.enumerated().sorted {
        ($0.element[keyPath: key], $0.offset) < ($1.element[keyPath: key], $1.offset)
      }.map(\.element)
    }

    /// Judges the registry, in parts a report puts in order. This thread reads the placements'
    /// bookings, one placement at a time; a second thread judges the coaches, then reviews the
    /// placements as they are read, in order. At most a few batches wait between the two, so
    /// memory does not grow with the bookings.
    func parts(_ registry: some RegistryReading) throws -> [RegistryCheck.Part] {
      let reviews = Channel<[(Placement, [HourBooking])]>(capacity: 8)
      let (judged, ()) = try Concurrently.run(
        { [self] in
          let coaches = coachPart()
          var placements = RegistryCheck.Part()
          while let batch = reviews.receive() {
            for (placement, bookings) in batch where placement.period.start <= date {
              placements.subjects.append(.placement(placement.id))
              placements.findings += findings(placement, bookings: bookings)
            }
          }
          return (coaches, placements)
        },
        while: {
          defer { reviews.close() }
          try readPlacements(registry) { reviews.send($0) }
        })
      return [judged.0, judged.1, organisationPart(), try membershipPart(registry)]
    }

    /// The coach with `id`, if the registry holds one.
    func coach(_ id: CoachID) -> Coach? { coachIndex[id].map { coaches[$0] } }

    /// The name shown beside a membership's register number: its coach.
    static func name(of membership: Membership) -> String { "coach \(membership.coach)" }

    /// Names to show beside subjects' ids.
    var names: [FindingSubject: String] {
      var names: [FindingSubject: String] = [:]
      for coach in coaches { names[.coach(coach.id)] = coach.name }
      for organisation in organisations.values {
        names[.organisation(organisation.id)] = organisation.name
      }
      for membership in memberships {
        names[FindingSubject(kind: .membership, id: membership.registerNumber)] =
          Self.name(of: membership)
      }
      return names
    }

    /// Every coach, as every kind they are employed as on the date.
    func coachPart() -> RegistryCheck.Part {
      var part = RegistryCheck.Part()
      for coach in coaches {
        part.subjects.append(.coach(coach.id))
        part.findings += judge(coach)
      }
      return part
    }

    /// What the check finds judging `coach` as every kind they are employed as on the date:
    /// about the coach, and about each placement they are assigned to. With `placement`, only
    /// that assignment is judged (its findings about the placement are the same).
    func judge(_ coach: Coach, onlyAt placement: PlacementID? = nil) -> [Finding] {
      var findings: [Finding] = []
      // The placements the coach is assigned to on the date (Q-ASG-1), each with its
      // assignment's policy (Q-ASG-2).
      let active = (placementsByCoach[coach.id] ?? []).compactMap {
        index -> (Placement, Assignment, PolicyChoice)? in
        let candidate = placements[index]
        guard placement.map({ $0 == candidate.id }) ?? true,
          let assignment = candidate.assignment(of: coach.id, on: date),
          case .success(let choice)? =
            assignmentPolicies[PlacementCoach(placement: candidate.id, coach: coach.id)]?.result
        else { return nil }
        return (candidate, assignment, choice)
      }
      let employments = coach.employments(on: date)
      for (placement, assignment, _) in active {
        guard let organisation = assignment.organisation,
          !employments.contains(where: { $0.organisation == organisation })
        else { continue }
        findings.append(
          Finding(
            rule: .assignment, severity: .error, outcome: .unmet,
            subject: .placement(placement.id),
            reason: .registry(
              .assignedForNonEmployer(
                coach: coach.name, placement: placement.id, organisation: organisation,
                on: date))))
      }
      let kinds = CoachKind.allCases.filter { kind in employments.contains { $0.kind == kind } }
      for kind in kinds {
        let employers = Set(employments.filter { $0.kind == kind }.map(\.organisation))
        let placements = active.filter { placement, assignment, _ in
          if let organisation = assignment.organisation {
            return employers.contains(organisation)
          }
          return kind != .internal || employers.contains(placement.employer)
        }
        if placements.isEmpty, placement == nil, case .success(let choice) = defaultPolicy {
          let request = VerificationRequest(
            kind: kind, date: date, policy: choice.policy,
            registrations: registrations[coach.id] ?? [])
          findings += qualification.verify(coach, request).findings.filter {
            !($0.outcome == .undetermined && RuleID.perPlacement.contains($0.rule))
          }
        }
        for (placement, _, choice) in placements {
          let request = VerificationRequest(
            kind: kind, date: date, placement: placement, policy: choice.policy,
            registrations: registrations[coach.id] ?? [])
          // The grant's F findings come once, with the placement's own review.
          findings += qualification.verify(coach, request, grant: false).findings
        }
      }
      return findings
    }

    /// Every placement, with its bookings if it has started, read one placement at a time and
    /// handed on in batches, in placement order.
    func readPlacements(
      _ registry: some RegistryReading,
      _ handOn: ([(Placement, [HourBooking])]) -> Void
    ) throws {
      var batch: [(Placement, [HourBooking])] = []
      var next = 0
      func take(upTo end: PlacementID?, bookings: [HourBooking]) {
        while next < placements.count, end.map({ placements[next].id <= $0 }) ?? true {
          let placement = placements[next]
          next += 1
          let started = placement.period.start <= date
          batch.append((placement, started && placement.id == end ? bookings : []))
          if batch.count == 32 {
            handOn(batch)
            batch.removeAll(keepingCapacity: true)
          }
        }
      }
      try registry.forEachPlacementsBookings { id, bookings in take(upTo: id, bookings: bookings) }
      take(upTo: nil, bookings: [])
      if !batch.isEmpty { handOn(batch) }
    }

    func findings(_ placement: Placement, bookings: [HourBooking]) -> [Finding] {
      switch policies[placement.id]?.result {
      case .success(let choice)?:
        let dossier = PlacementDossier(
          placement: placement, bookings: bookings, policy: choice.policy,
          coachKind: placement.leadCoach.flatMap { coach($0) }?.kind(on: placement, on: date),
          coachKinds: Dictionary(
            placement.assignedCoaches.compactMap { id in
              coach(id)?.kind(on: placement, on: date).map { (id, $0) }
            }, uniquingKeysWith: { first, _ in first }),
          siblingVisits: siblingVisits[placement.id] ?? [:],
          decisions: decisions[placement.id] ?? [])
        return PlacementReview(dossier, on: date).findings
      case .failure(let error)?:
        return [RegistryCheck.undeterminedPolicy(.placement(placement.id), error)]
      case nil:
        return []
      }
    }

    /// Every organisation that can hold a recognition, and every municipality whose policy
    /// cannot be chosen on the date.
    func organisationPart() -> RegistryCheck.Part {
      var part = RegistryCheck.Part()
      for organisation in organisations.values.sorted(by: { $0.id < $1.id })
      where organisation.kind.canHoldRecognition {
        part.subjects.append(.organisation(organisation.id))
        part.findings.append(RegistryCheck.recognitionFinding(organisation, on: date))
      }
      var ambiguous: [OrganisationID: UseCaseError] = [:]
      for case .failure(let error) in choices + [defaultPolicy.map(\.policy)] {
        if case .ambiguousPolicy(let municipality, _, _) = error { ambiguous[municipality] = error }
      }
      for (municipality, error) in ambiguous.sorted(by: { $0.key < $1.key }) {
        part.subjects.append(.organisation(municipality))
        part.findings.append(RegistryCheck.undeterminedPolicy(.organisation(municipality), error))
      }
      // F-5 monitoring: each municipality's share of motivated deviations per year, under the
      // threshold of the policy its placements are judged by.
      var municipalPolicies: [OrganisationID: MunicipalPolicy] = [:]
      for placement in placements {
        guard let municipality = placement.municipality, municipalPolicies[municipality] == nil,
          case .success(let choice)? = policies[placement.id]?.result
        else { continue }
        municipalPolicies[municipality] = choice.policy
      }
      let shares = DeviationMonitoring.findings(placements, policies: municipalPolicies, on: date)
      for finding in shares where !part.subjects.contains(finding.subject) {
        part.subjects.append(finding.subject)
      }
      part.findings += shares
      return part
    }

    /// Every membership: the assessment, and the PE norm of a registered coach's cycle, each
    /// under its register's rules.
    func membershipPart(_ registry: some RegistryReading) throws -> RegistryCheck.Part {
      let pe = try registerPE(registry)
      var part = RegistryCheck.Part()
      for membership in memberships {
        part.subjects.append(FindingSubject(kind: .membership, id: membership.registerNumber))
        part.findings += try findings(membership, pe)
      }
      return part
    }

    /// The PE hours of each register's members.
    func registerPE(_ registry: some RegistryReading) throws -> [RegisterID: RegisterPE] {
      var peByRegister: [RegisterID: RegisterPE] = [:]
      for (register, members) in Dictionary(grouping: memberships, by: \.register) {
        let rules =
          registerRules[register]
          ?? RegisterRules(register: Register(id: register, name: register.rawValue))
        peByRegister[register] = try RegisterPE(
          members, on: date, rules: rules, registry: registry,
          portfoliosFor: { $0.route == .earlierAdmission })
      }
      return peByRegister
    }

    /// What the check finds about a membership: about the coach (the PE norm of a registered
    /// coach, a lapse) and about the membership (its assessment); `about` one kind of subject
    /// only that kind's, so the stream, which asks for each in its own phase, reads no
    /// portfolio twice.
    func findings(
      _ membership: Membership, _ peByRegister: [RegisterID: RegisterPE],
      about kind: FindingSubject.Kind? = nil
    ) throws -> [Finding] {
      let pe = peByRegister[membership.register]!
      var findings: [Finding] = []
      let standing = pe.standing(of: membership)
      switch standing.status {
      case .removed?, .applicant?, nil: return []
      default: break
      }
      if kind != .membership {
        if standing.status == .registered, standing.isRegistered {
          findings += try pe.statement(of: membership).findings
        }
        if let lapsed = standing.lapsedOn {
          findings.append(RegisterStanding.lapse(of: membership, standing, lapsed: lapsed))
        }
      }
      if kind != .coach {
        // Only an earlier admission's assessment reads the portfolio.
        let portfolio =
          membership.route == .earlierAdmission
          ? try pe.portfolio(of: membership.coach) : Portfolio(coach: membership.coach)
        findings += pe.rules.assessmentFindings(membership, portfolio: portfolio, on: date)
      }
      return findings
    }

    /// Judges the registry subject by subject, in the report's order, handing each on as it
    /// is judged: the coaches (with their PE), the memberships (by register number), the
    /// organisations, then the placements. A subject's findings come in the order the
    /// reference (`parts`, then `RegistryCheck.report`) gives them: what judging the coaches
    /// found about it, then what reviewing placements, organisations and memberships found.
    /// This thread reads the placements' bookings, one placement at a time; a second thread
    /// judges each placement as it is read, and hands it back in order.
    func stream<Prepared: Sendable>(
      _ registry: some RegistryReading,
      preparing prepare: @escaping @Sendable (SubjectFindings) -> (SubjectFindings, Prepared),
      emit handOnPrepared: (SubjectFindings, Prepared) -> Void
    ) throws {
      func emit(_ part: SubjectFindings) {
        let (part, prepared) = prepare(part)
        handOnPrepared(part, prepared)
      }
      let pe = try registerPE(registry)
      let membershipsByCoach = Dictionary(grouping: memberships, by: \.coach)
      for coach in coaches {
        let subject = FindingSubject.coach(coach.id)
        var found = judge(coach).filter { $0.subject == subject }
        for membership in membershipsByCoach[coach.id] ?? [] {
          found += try findings(membership, pe, about: .coach).filter { $0.subject == subject }
        }
        emit(SubjectFindings(subject: subject, name: coach.name, findings: found))
      }

      let byNumber = Self.sorted(memberships, by: \.registerNumber)
      var start = byNumber.startIndex
      while start < byNumber.endIndex {
        let number = byNumber[start].registerNumber
        let end = byNumber[start...].firstIndex { $0.registerNumber != number } ?? byNumber.endIndex
        let subject = FindingSubject(kind: .membership, id: number)
        emit(
          SubjectFindings(
            subject: subject, name: Self.name(of: byNumber[end - 1]),
            findings: try byNumber[start..<end].flatMap {
              try findings($0, pe, about: .membership).filter { $0.subject == subject }
            }))
        start = end
      }

      let organisations = RegistryCheck.report([organisationPart()], on: date)
      var findingIndex = organisations.findings.startIndex
      for subject in organisations.subjects {
        let end =
          organisations.findings[findingIndex...].firstIndex { $0.subject != subject }
          ?? organisations.findings.endIndex
        emit(
          SubjectFindings(
            subject: subject, name: self.organisations[OrganisationID(rawValue: subject.id)]?.name,
            findings: Array(organisations.findings[findingIndex..<end])))
        findingIndex = end
      }

      let reviews = Channel<[(Placement, [HourBooking])]>(capacity: 8)
      let judged = Channel<[(SubjectFindings, Prepared)]>(capacity: 1 << 20)
      func handOn(_ batch: [(SubjectFindings, Prepared)]) {
        for (part, prepared) in batch where part.isChecked || !part.findings.isEmpty {
          handOnPrepared(part, prepared)
        }
      }
      _ = try Concurrently.run(
        { [self] in
          while let batch = reviews.receive() {
            judged.send(
              batch.map { placement, bookings in prepare(subjectFindings(placement, bookings)) })
          }
          judged.close()
        },
        while: {
          do {
            // Closed once, whether the reading ends or throws: the second thread then ends.
            defer { reviews.close() }
            try readPlacements(registry) { batch in
              reviews.send(batch)
              while let done = judged.poll() { handOn(done) }
            }
          }
          while let done = judged.receive() { handOn(done) }
        })
    }

    /// What the check finds about `placement`: its coaches' assignments (as judging each
    /// coach finds them), then, once it has started, its review.
    func subjectFindings(_ placement: Placement, _ bookings: [HourBooking]) -> SubjectFindings {
      let subject = FindingSubject.placement(placement.id)
      let assigned = Set(placement.assignedCoaches)
      var found: [Finding] = []
      for id in assigned.sorted() {
        guard let coach = coach(id) else { continue }
        found += judge(coach, onlyAt: placement.id).filter { $0.subject == subject }
      }
      let started = placement.period.start <= date
      if started { found += findings(placement, bookings: bookings) }
      return SubjectFindings(subject: subject, name: nil, findings: found, isChecked: started)
    }
  }
}

/// A policy choice as the check holds one for each placement and assignment: the policy (or
/// the reason none could be chosen) shared with every other choice of it, the source and the
/// assignment's start its own.
struct HeldChoice: Sendable {
  private let shared: Shared
  private let source: PolicySource?
  private let assignmentStart: CalendarDate?

  final class Shared: Sendable {
    let result: Result<MunicipalPolicy, UseCaseError>
    init(_ result: Result<MunicipalPolicy, UseCaseError>) { self.result = result }
  }

  init(_ shared: Shared, source: PolicySource?, assignmentStart: CalendarDate?) {
    self.shared = shared
    self.source = source
    self.assignmentStart = assignmentStart
  }

  var result: Result<PolicyChoice, UseCaseError> {
    shared.result.map { policy in
      PolicyChoice(
        policy: policy, source: source ?? .named, assignmentStart: assignmentStart)
    }
  }
}

/// Holds each policy (and each failure) once for the choices that name it.
struct PolicyInterning {
  private var shared: [Result<MunicipalPolicy, UseCaseError>: HeldChoice.Shared] = [:]

  mutating func held(_ result: Result<PolicyChoice, UseCaseError>) -> HeldChoice {
    let policy = result.map(\.policy)
    // One hash of the policy per choice (a policy is a large value to hash).
    let box: HeldChoice.Shared
    if let held = shared[policy] {
      box = held
    } else {
      box = HeldChoice.Shared(policy)
      shared[policy] = box
    }
    let choice = try? result.get()
    return HeldChoice(box, source: choice?.source, assignmentStart: choice?.assignmentStart)
  }

  /// Every policy and failure held.
  var all: [Result<MunicipalPolicy, UseCaseError>] { shared.values.map(\.result) }
}

/// A coach on a placement.
struct PlacementCoach: Hashable, Sendable {
  var placement: PlacementID
  var coach: CoachID
}

/// One subject of the check and what it found about it.
public struct SubjectFindings: Sendable {
  public var subject: FindingSubject
  /// The coach's or organisation's name, to show beside the id.
  public var name: String?
  /// In rule order, after the caller's filters.
  public var findings: [Finding]
  /// Whether the check looked at the subject (and counts it); false for a placement that has
  /// not started, named only by a finding about its coach's assignment.
  public var isChecked: Bool

  public init(
    subject: FindingSubject, name: String?, findings: [Finding], isChecked: Bool = true
  ) {
    self.subject = subject
    self.name = name
    self.findings = findings
    self.isChecked = isChecked
  }
}

/// What a whole-registry check counted: the subjects of each kind and the findings of each
/// severity, after the caller's filters.
public struct CheckSummary: Hashable, Sendable {
  public var date: CalendarDate
  public var subjects: [FindingSubject.Kind: Int] = [:]
  public var errors = 0
  public var warnings = 0
  public var notes = 0
  /// The policy coaches without a placement were judged under; nil when it cannot be chosen.
  public var policy: PolicyChoice?

  public init(date: CalendarDate, policy: PolicyChoice?) {
    self.date = date
    self.policy = policy
  }

  /// Every subject checked.
  public var subjectCount: Int { subjects.values.reduce(0, +) }
  public func count(_ severity: Severity) -> Int {
    switch severity {
    case .error: errors
    case .warning: warnings
    case .note: notes
    }
  }
  /// Whether no finding is an error.
  public var isClean: Bool { errors == 0 }

  mutating func add(_ part: SubjectFindings) {
    if part.isChecked { subjects[part.subject.kind, default: 0] += 1 }
    for finding in part.findings {
      switch finding.severity {
      case .error: errors += 1
      case .warning: warnings += 1
      case .note: notes += 1
      }
    }
  }
}

/// The PE hours of one register's members on one date: the running cycle's totals of registered
/// coaches from the registry's fast answer (`cycleTotals`) where it gives one, else from each
/// portfolio (the reference), read when it is asked for: a check holds one portfolio at a time.
struct RegisterPE {
  let date: CalendarDate
  let rules: RegisterRules
  /// Each membership's standing on the date, derived once.
  let standings: [CoachID: RegistrationStanding]
  let totals: [CoachID: PETotals]
  private let read: (CoachID) throws -> Portfolio

  /// Reads the totals for registered coaches whose norm asks no practice hours (practice
  /// hours are summed from the portfolio) and that `needsPortfolio` does not name.
  init(
    _ memberships: [Membership], on date: CalendarDate, rules: RegisterRules,
    registry: some RegistryReading, portfoliosFor needsPortfolio: (Membership) -> Bool
  ) throws {
    self.date = date
    self.rules = rules
    var standings: [CoachID: RegistrationStanding] = [:]
    for membership in memberships {
      standings[membership.coach] = membership.standing(on: date, in: rules.register)
    }
    self.standings = standings
    var cycles: [CoachID: RegisterCycle] = [:]
    for membership in memberships where !needsPortfolio(membership) {
      let standing = standings[membership.coach]!
      if standing.isRegistered, rules.norms.norm(for: standing.cycle.period).practiceHours == nil {
        cycles[membership.coach] = standing.cycle
      }
    }
    totals = try registry.cycleTotals(cycles, on: date, rules: rules)
    read = { try registry.portfolio(of: $0) ?? Portfolio(coach: $0) }
  }

  /// The coach's portfolio, read from the registry.
  func portfolio(of coach: CoachID) throws -> Portfolio { try read(coach) }

  /// The membership's standing on the date.
  func standing(of membership: Membership) -> RegistrationStanding {
    standings[membership.coach] ?? membership.standing(on: date, in: rules.register)
  }

  /// The statement of the membership's period on the date (R-RE-2).
  func statement(of membership: Membership) throws -> PEStatement {
    let cycle = standing(of: membership).cycle
    if let totals = totals[membership.coach] {
      return rules.peStatement(membership.coach, totals: totals, cycle: cycle, on: date)
    }
    return rules.peStatement(try portfolio(of: membership.coach), cycle: cycle, on: date)
  }
}

/// A queue from one thread to another, holding at most `capacity` items: `send` waits while
/// it is full, `receive` while it is empty, and answers nil once it is closed and empty.
final class Channel<Item>: @unchecked Sendable {
  private var items: [Item] = []
  private var closed = false
  private let lock = DispatchSemaphore(value: 1)
  private let free: DispatchSemaphore
  private let ready = DispatchSemaphore(value: 0)

  init(capacity: Int) { free = DispatchSemaphore(value: capacity) }

  func send(_ item: Item) {
    free.wait()
    lock.wait()
    items.append(item)
    lock.signal()
    ready.signal()
  }

  /// No more items come; call once.
  func close() {
    lock.wait()
    closed = true
    lock.signal()
    ready.signal()
  }

  /// An item if one is waiting, without waiting for one.
  func poll() -> Item? {
    guard ready.wait(timeout: .now()) == .success else { return nil }
    lock.wait()
    defer { lock.signal() }
    guard !items.isEmpty else {
      // Closed: leave the signal for the `receive` that ends the reading.
      ready.signal()
      return nil
    }
    free.signal()
    return items.removeFirst()
  }

  func receive() -> Item? {
    ready.wait()
    lock.wait()
    defer { lock.signal() }
    guard !items.isEmpty else { return nil }
    free.signal()
    return items.removeFirst()
  }
}

/// Runs two pieces of work at once.
enum Concurrently {
  /// Runs `background` on another thread while `body` runs on this one (so `body` may use
  /// what belongs to this thread, such as a database connection), and returns both results.
  static func run<Background: Sendable, Result>(
    _ background: @escaping @Sendable () -> Background, while body: () throws -> Result
  ) rethrows -> (Background, Result) {
    let slot = Slot<Background>()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { slot.value = background() }
    defer { group.wait() }
    let result = try body()
    group.wait()
    return (slot.value!, result)
  }

  /// Where the background work leaves its result; read only after it is done.
  private final class Slot<Value>: @unchecked Sendable {
    var value: Value?
  }
}
