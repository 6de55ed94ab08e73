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
/// Time is linear in the registry and memory does not grow with it: coaches and placements
/// are read one at a time (placements twice: once for what the organisations' findings and
/// the policies need of them all, then with their bookings), judged on a second thread as
/// they are read, and handed on subject by subject. What is held whole is small per record:
/// the memberships and their PE totals, the policy of each municipality, and which
/// placements share a coach and an employer (K-6).
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
  /// judged them (a second thread), so work such as rendering them is shared between the two;
  /// `each` gets the findings and what `prepare` made of them, on this thread, in the
  /// report's order.
  public func run<Prepared: Sendable>(
    in registry: some RegistryReading,
    preparing prepare: @escaping @Sendable (SubjectFindings) -> Prepared,
    each: (SubjectFindings, Prepared) -> Void
  ) throws -> CheckSummary {
    try registry.reading {
      var stream = try Stream(registry, check: self)
      var summary = CheckSummary(date: date, policy: try? stream.context.defaultPolicy.get())
      let filtering = rulePrefix != nil || severity != .note
      let check = self
      try stream.run(
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
  /// registries): the whole registry read at once, every part judged whole on one thread,
  /// then the findings grouped by subject with a sort.
  public func reference(in registry: some RegistryReading) throws -> CheckReport {
    let (world, parts) = try registry.reading {
      let world = try World(registry, on: date, for: municipality)
      return (world, try world.parts(registry))
    }
    var report = RegistryCheck.report(parts, on: date)
    report.names = world.names
    report.policy = try? world.context.defaultPolicy.get()
    report.findings.removeAll(where: isFilteredOut)
    return report
  }

  func isFilteredOut(_ finding: Finding) -> Bool {
    finding.severity > severity || !(rulePrefix.map(finding.rule.rawValue.hasPrefix) ?? true)
  }

  /// What judging any subject needs of the registry besides the subject: read once, small,
  /// shared by the threads that judge.
  struct Context: Sendable {
    let date: CalendarDate
    let organisations: [OrganisationID: Organisation]
    /// The policy for coaches verified without a placement.
    let defaultPolicy: Result<PolicyChoice, UseCaseError>
    /// Each register's rules, by register id.
    let registerRules: [RegisterID: RegisterRules]
    let qualification: QualificationRules

    init(
      _ registry: some RegistryReading, on date: CalendarDate, policies: PolicyChoices
    ) throws {
      self.date = date
      organisations = try registry.allOrganisations()
      defaultPolicy = policies.defaultPolicy
      var registerRules: [RegisterID: RegisterRules] = [:]
      for register in try registry.registers() {
        registerRules[register.id] = try registry.registerRules(for: register)
      }
      self.registerRules = registerRules
      qualification = QualificationRules(organisations: organisations)
    }

    /// Whether a policy any coach is judged by requires registration (Q-POL-4): then each
    /// coach's standing in the registers is read.
    static func requiresRegistration(_ choices: [Result<MunicipalPolicy, UseCaseError>]) -> Bool
    {
      choices.contains { result in
        guard case .success(let policy) = result else { return false }
        return CoachKind.allCases.contains {
          policy.requirements(for: $0).contains(.registrationRequired)
        }
      }
    }

    /// The coach's standing in each register (R-RE-1): from the memberships, else from the
    /// imported public register when the coach has a register number.
    func registrations(
      of coach: Coach, memberships: [Membership],
      published: (String) throws -> PublicRegister?
    ) rethrows -> [RegistrationEvidence] {
      if memberships.isEmpty {
        guard let number = coach.registerNumber else { return [] }
        return [
          RegisterStanding.evidence(
            for: coach, membership: nil, in: nil, published: try published(number), on: date)
        ].compactMap { $0 }
      }
      return memberships.compactMap { membership in
        RegisterStanding.evidence(
          for: coach, membership: membership, in: registerRules[membership.register]?.register,
          published: nil, on: date)
      }
    }

    /// The placements among `placements` (in id order) the coach is assigned to on the date
    /// (Q-ASG-1), each with its assignment's policy (Q-ASG-2); those whose policy cannot be
    /// chosen are left to the placement's own finding.
    func active(
      _ coach: CoachID, among placements: some Sequence<Placement>,
      choices: (Placement) -> [CoachID: HeldChoice]
    ) -> [(Placement, Assignment, PolicyChoice)] {
      placements.compactMap { candidate in
        guard let assignment = candidate.assignment(of: coach, on: date),
          case .success(let choice)? = choices(candidate)[coach]?.result
        else { return nil }
        return (candidate, assignment, choice)
      }
    }

    /// What the check finds judging `coach` as every kind they are employed as on the date:
    /// about the coach, and about each placement of `active`. With `onlyAssignments` (a
    /// placement's own review of its coaches) a coach without an active placement is not
    /// judged under the default policy.
    func judge(
      _ coach: Coach, active: [(Placement, Assignment, PolicyChoice)],
      registrations: [RegistrationEvidence], onlyAssignments: Bool = false
    ) -> [Finding] {
      var findings: [Finding] = []
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
        if placements.isEmpty, !onlyAssignments, case .success(let choice) = defaultPolicy {
          let request = VerificationRequest(
            kind: kind, date: date, policy: choice.policy, registrations: registrations)
          findings += qualification.verify(coach, request).findings.filter {
            !($0.outcome == .undetermined && RuleID.perPlacement.contains($0.rule))
          }
        }
        for (placement, _, choice) in placements {
          let request = VerificationRequest(
            kind: kind, date: date, placement: placement, policy: choice.policy,
            registrations: registrations)
          // The grant's F findings come once, with the placement's own review.
          findings += qualification.verify(coach, request, grant: false).findings
        }
      }
      return findings
    }

    /// The review's findings about `placement` (F, P and K rules) under its policy, or the
    /// finding that its policy cannot be chosen.
    func review(_ placement: PlacementWork) -> [Finding] {
      switch placement.choice.result {
      case .success(let choice):
        let coaches = placement.coaches
        let dossier = PlacementDossier(
          placement: placement.placement, bookings: placement.bookings, policy: choice.policy,
          coachKind: placement.placement.leadCoach.flatMap { coaches[$0] }?.kind(
            on: placement.placement, on: date),
          coachKinds: Dictionary(
            placement.placement.assignedCoaches.compactMap { id in
              coaches[id]?.kind(on: placement.placement, on: date).map { (id, $0) }
            }, uniquingKeysWith: { first, _ in first }),
          siblingVisits: placement.siblingVisits, decisions: placement.decisions)
        return PlacementReview(dossier, on: date).findings
      case .failure(let error):
        return [RegistryCheck.undeterminedPolicy(.placement(placement.placement.id), error)]
      }
    }

    /// What the check finds about a placement: its coaches' assignments (as judging each
    /// coach finds them), then, once it has started, its review.
    func subjectFindings(_ work: PlacementWork) -> SubjectFindings {
      let placement = work.placement
      let subject = FindingSubject.placement(placement.id)
      var found: [Finding] = []
      for id in Set(placement.assignedCoaches).sorted() {
        guard let coach = work.coaches[id] else { continue }
        let active = active(id, among: [placement], choices: { _ in work.assignmentChoices })
        found += judge(
          coach, active: active, registrations: work.registrations[id] ?? [],
          onlyAssignments: true
        ).filter { $0.subject == subject }
      }
      let started = placement.period.start <= date
      if started { found += review(work) }
      return SubjectFindings(subject: subject, name: nil, findings: found, isChecked: started)
    }

    /// Every organisation that can hold a recognition, every municipality whose policy cannot
    /// be chosen on the date, and each municipality's share of motivated deviations (F-5).
    func organisationPart(
      choices: [Result<MunicipalPolicy, UseCaseError>], deviations: [Finding]
    ) -> RegistryCheck.Part {
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
      for finding in deviations where !part.subjects.contains(finding.subject) {
        part.subjects.append(finding.subject)
      }
      part.findings += deviations
      return part
    }

    /// The PE hours of each register's members.
    func registerPE(_ memberships: [Membership], _ registry: some RegistryReading) throws
      -> [RegisterID: RegisterPE]
    {
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

    /// The name shown beside a membership's register number: its coach.
    static func name(of membership: Membership) -> String { "coach \(membership.coach)" }
  }

  /// Everything the review of one placement needs, read on the reading thread.
  struct PlacementWork: Sendable {
    var placement: Placement
    /// Its bookings, by date and id, when it has started; else none.
    var bookings: [HourBooking]
    var choice: HeldChoice
    /// The policy of each coach's assignment covering the date.
    var assignmentChoices: [CoachID: HeldChoice]
    /// Its assigned coaches.
    var coaches: [CoachID: Coach]
    /// Their standing in the registers, when a policy requires registration.
    var registrations: [CoachID: [RegistrationEvidence]]
    /// The visit days of the placements that share its coach and employer (K-6).
    var siblingVisits: [PlacementID: [CalendarDate]]
    var decisions: [FunderDecision]
  }

  /// The policy of each placement and assignment, chosen by the one resolver; each policy (and
  /// each reason none could be chosen) held once, every choice made remembered for the
  /// organisations' findings.
  struct PolicyChoices {
    let resolver: PolicyResolver
    let date: CalendarDate
    let municipality: OrganisationID?
    let defaultPolicy: Result<PolicyChoice, UseCaseError>
    private var interned = PolicyInterning()

    init(_ registry: some RegistryReading, on date: CalendarDate, for municipality: OrganisationID?)
      throws
    {
      resolver = PolicyResolver(
        policies: try registry.allPolicies(),
        defaultMunicipality: try registry.defaultMunicipality())
      self.date = date
      self.municipality = municipality
      defaultPolicy = Self.result { [resolver] in
        try resolver.resolve(PolicyQuestion(municipality: municipality), on: date)
      }
    }

    /// The choice, or the reason none could be made (a resolver over policies read fails in
    /// no other way).
    static func result(_ choose: () throws -> PolicyChoice) -> Result<PolicyChoice, UseCaseError> {
      do {
        return .success(try choose())
      } catch let error as UseCaseError {
        return .failure(error)
      } catch {
        preconditionFailure("a resolver over policies read cannot fail otherwise: \(error)")
      }
    }

    /// The placement's policy on the date.
    mutating func placement(_ placement: Placement) -> HeldChoice {
      let question = PolicyQuestion(placement: placement, municipality: municipality)
      return interned.held(Self.result { try resolver.resolve(question, on: date) })
    }

    /// The policy of each coach's assignment covering the date, as in force on its start
    /// (Q-ASG-2): the main assignment's when a coach has two.
    mutating func assignments(_ placement: Placement) -> [CoachID: HeldChoice] {
      var choices: [CoachID: HeldChoice] = [:]
      for assignment in placement.assignments(on: date) where choices[assignment.coach] == nil {
        let question = PolicyQuestion(placement: placement, municipality: municipality)
        choices[assignment.coach] = interned.held(
          Self.result { try resolver.resolve(question, for: assignment, on: date) })
      }
      return choices
    }

    /// Every policy and failure chosen so far, once each.
    var all: [Result<MunicipalPolicy, UseCaseError>] { interned.all }
  }

  /// The streaming check: what the organisations' findings need of every placement is read
  /// first, one placement at a time; then coaches, memberships, organisations and placements
  /// are read one at a time on this thread and judged on a second, in the report's order.
  struct Stream {
    let context: Context
    let date: CalendarDate
    var policies: PolicyChoices
    let requiresRegistration: Bool
    /// Sorted by coach, then register.
    let memberships: [Membership]
    let decisions: [PlacementID: [FunderDecision]]
    /// For each placement that shares its lead coach and employer with others: the others.
    let siblings: [PlacementID: [PlacementID]]
    let organisations: RegistryCheck.Part

    init(_ registry: some RegistryReading, check: CheckRegistry) throws {
      date = check.date
      var policies = try PolicyChoices(registry, on: date, for: check.municipality)
      let context = try Context(registry, on: date, policies: policies)
      self.context = context
      // One pass over the placements for what the organisations' findings need of them all:
      // the policies chosen (an ambiguity is a finding on the municipality), each
      // municipality's policy and F-5 tally; and which placements share a coach and employer.
      var overview = PlacementsOverview(on: date)
      try registry.forEachPlacement(withBookings: false) { placement, _ in
        overview.add(placement, choice: policies.placement(placement))
        _ = policies.assignments(placement)
      }
      siblings = overview.siblings
      organisations = context.organisationPart(
        choices: policies.all, deviations: overview.deviations)
      requiresRegistration = Context.requiresRegistration(
        policies.all + [policies.defaultPolicy.map(\.policy)])
      self.policies = policies
      memberships = World.sorted(try registry.allMemberships(), by: \.coach)
      decisions = try registry.allDecisions()
    }

    /// What `run` hands the judging thread, in the report's order.
    enum Work: Sendable {
      /// A coach with the placements they are assigned to on the date, their standing in the
      /// registers, and what their memberships found about them.
      case coach(Coach, [(Placement, Assignment, PolicyChoice)], [RegistrationEvidence], [Finding])
      /// A placement, its bookings not yet made into values (when it has started).
      case placement(PlacementWork, PendingBookings?)
      /// Judged already (memberships and organisations read the registry as they are judged).
      case judged(SubjectFindings)
    }

    /// Judges the registry subject by subject, in the report's order, handing each on as it
    /// is judged: the coaches (with their PE), the memberships (by register number), the
    /// organisations, then the placements. A subject's findings come in the order the
    /// reference (`World.parts`, then `RegistryCheck.report`) gives them: what judging the
    /// coaches found about it, then what reviewing placements, organisations and memberships
    /// found. This thread reads; a second thread judges each subject as it is read and
    /// prepares it, and hands it back in order; at most a few batches wait between the two.
    mutating func run<Prepared: Sendable>(
      _ registry: some RegistryReading,
      preparing prepare: @escaping @Sendable (SubjectFindings) -> (SubjectFindings, Prepared),
      emit: (SubjectFindings, Prepared) -> Void
    ) throws {
      // Batch n goes to worker n % workers and comes back from it, so the batches come back
      // in the order sent.
      let workers = 2
      let inputs = (0..<workers).map { _ in Channel<[Work]>(capacity: 4) }
      let outputs = (0..<workers).map { _ in Channel<Judged<Prepared>>(capacity: 1 << 20) }
      // Each batch emitted goes back to the worker that made it, to be freed there: this
      // thread, which reads, is the one the check waits for.
      let spent = (0..<workers).map { _ in Channel<Judged<Prepared>>(capacity: 1 << 20) }
      var sent = 0
      var received = 0
      /// The first subject a worker could not judge (its bookings' bytes were wrong): what
      /// came before it is emitted, nothing after.
      var judgingFailure: (any Error)?
      /// Emits the batches judged, in order; with `waiting`, every batch sent.
      func handOn(waiting: Bool) {
        while received < sent {
          let output = outputs[received % workers]
          guard let batch = waiting ? output.receive() : output.poll() else { return }
          if judgingFailure == nil {
            for (part, prepared) in batch.parts where part.isChecked || !part.findings.isEmpty {
              emit(part, prepared)
            }
            judgingFailure = batch.failure
          }
          spent[received % workers].send(batch)
          received += 1
        }
      }
      var batch: [Work] = []
      func flush() throws {
        inputs[sent % workers].send(batch)
        sent += 1
        batch.removeAll(keepingCapacity: true)
        handOn(waiting: false)
        if let judgingFailure { throw judgingFailure }
      }
      let context = context
      try Concurrently.run(
        workers: workers,
        { worker in
          while let items = inputs[worker].receive() {
            while spent[worker].poll() != nil {}
            var judged = Judged<Prepared>()
            judged.parts.reserveCapacity(items.count)
            for item in items {
              do {
                judged.parts.append(prepare(try Self.judge(item, context)))
              } catch {
                judged.failure = error
                break
              }
            }
            outputs[worker].send(judged)
          }
          outputs[worker].close()
        },
        while: {
          var failure: (any Error)?
          do {
            // Closed once, whether the reading ends or throws: the workers then end.
            defer { for input in inputs { input.close() } }
            try read(registry) { item in
              batch.append(item)
              if batch.count == 32 { try flush() }
            }
            if !batch.isEmpty { try flush() }
          } catch {
            failure = error
          }
          // What was sent is judged and handed on in order, also when the reading failed:
          // else how much came out before the failure depended on the workers' speed.
          handOn(waiting: true)
          if let failure = judgingFailure ?? failure { throw failure }
        })
    }

    /// A batch judged: its subjects prepared, in order, up to the first that failed.
    struct Judged<Prepared: Sendable>: Sendable {
      var parts: [(SubjectFindings, Prepared)] = []
      var failure: (any Error)?
    }

    /// What the judging thread makes of one piece of work.
    static func judge(_ work: Work, _ context: Context) throws -> SubjectFindings {
      switch work {
      case .coach(let coach, let active, let registrations, let membershipFindings):
        let subject = FindingSubject.coach(coach.id)
        let found = context.judge(coach, active: active, registrations: registrations).filter {
          $0.subject == subject
        }
        return SubjectFindings(
          subject: subject, name: coach.name, findings: found + membershipFindings)
      case .placement(var placement, let bookings):
        // Made into values here, on the judging thread, not on the one that reads.
        placement.bookings = try bookings?.decode() ?? []
        return context.subjectFindings(placement)
      case .judged(let part):
        return part
      }
    }

    /// Reads the registry subject by subject, in the report's order, handing each to `send`.
    mutating func read(_ registry: some RegistryReading, _ send: (Work) throws -> Void) throws {
      let pe = try context.registerPE(memberships, registry)
      let membershipsByCoach = Dictionary(grouping: memberships, by: \.coach)
      func registrations(_ coach: Coach) throws -> [RegistrationEvidence] {
        guard requiresRegistration else { return [] }
        return try context.registrations(
          of: coach, memberships: membershipsByCoach[coach.id] ?? [],
          published: registry.publicRegister(listing:))
      }
      try registry.forEachCoach { coach in
        let subject = FindingSubject.coach(coach.id)
        let placements = try registry.placements(coachedBy: coach.id).sorted { $0.id < $1.id }
        let active = context.active(
          coach.id, among: placements, choices: { policies.assignments($0) })
        var found: [Finding] = []
        for membership in membershipsByCoach[coach.id] ?? [] {
          found += try context.findings(membership, pe, about: .coach).filter {
            $0.subject == subject
          }
        }
        try send(.coach(coach, active, try registrations(coach), found))
      }

      let byNumber = World.sorted(memberships, by: \.registerNumber)
      var start = byNumber.startIndex
      while start < byNumber.endIndex {
        let number = byNumber[start].registerNumber
        let end = byNumber[start...].firstIndex { $0.registerNumber != number } ?? byNumber.endIndex
        let subject = FindingSubject(kind: .membership, id: number)
        try send(
          .judged(
            SubjectFindings(
              subject: subject, name: Context.name(of: byNumber[end - 1]),
              findings: try byNumber[start..<end].flatMap {
                try context.findings($0, pe, about: .membership).filter { $0.subject == subject }
              })))
        start = end
      }

      let report = RegistryCheck.report([organisations], on: date)
      var findingIndex = report.findings.startIndex
      for subject in report.subjects {
        let end =
          report.findings[findingIndex...].firstIndex { $0.subject != subject }
          ?? report.findings.endIndex
        try send(
          .judged(
            SubjectFindings(
              subject: subject,
              name: context.organisations[OrganisationID(rawValue: subject.id)]?.name,
              findings: Array(report.findings[findingIndex..<end]))))
        findingIndex = end
      }

      try registry.forEachPlacement(pendingBookings: { placement, bookings in
        var coaches: [CoachID: Coach] = [:]
        var registered: [CoachID: [RegistrationEvidence]] = [:]
        for id in placement.assignedCoaches where coaches[id] == nil {
          guard let coach = try registry.coach(id) else { continue }
          coaches[id] = coach
          registered[id] = try registrations(coach)
        }
        let others = siblings[placement.id] ?? []
        var siblingVisits: [PlacementID: [CalendarDate]] = [:]
        if !others.isEmpty {
          let visits = try registry.visitDays(on: others)
          for other in others { siblingVisits[other] = visits[other] ?? [] }
        }
        try send(
          .placement(
            PlacementWork(
              placement: placement, bookings: [], choice: policies.placement(placement),
              assignmentChoices: policies.assignments(placement), coaches: coaches,
              registrations: registered, siblingVisits: siblingVisits,
              decisions: decisions[placement.id] ?? []),
            placement.period.start <= date ? bookings : nil))
      })
    }
  }

  /// The reference: the whole registry read at once and judged on one thread.
  struct World {
    let context: Context
    let date: CalendarDate
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
    /// The policy of each coach's assignment covering the date, by placement.
    let assignmentPolicies: [PlacementID: [CoachID: HeldChoice]]
    /// Every policy the placements and assignments are judged by, and every reason one could
    /// not be chosen, once each.
    let choices: [Result<MunicipalPolicy, UseCaseError>]
    /// The visit days of each placement that shares its coach and employer with another (K-6).
    let siblingVisits: [PlacementID: [PlacementID: [CalendarDate]]]
    /// What the organisations' findings need of every placement.
    let overview: PlacementsOverview
    /// The funder's decisions on held hours (F-7), by placement.
    let decisions: [PlacementID: [FunderDecision]]
    /// Sorted by coach, then register.
    let memberships: [Membership]
    /// Each coach's standing in each register (R-RE-1), for the policies that require
    /// registration (Q-POL-4); read only when one does.
    let registrations: [CoachID: [RegistrationEvidence]]

    init(_ registry: some RegistryReading, on date: CalendarDate, for municipality: OrganisationID?)
      throws
    {
      self.date = date
      var choices = try PolicyChoices(registry, on: date, for: municipality)
      let context = try Context(registry, on: date, policies: choices)
      self.context = context
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
      var policies: [PlacementID: HeldChoice] = [:]
      var assignmentPolicies: [PlacementID: [CoachID: HeldChoice]] = [:]
      for placement in placements {
        policies[placement.id] = choices.placement(placement)
        assignmentPolicies[placement.id] = choices.assignments(placement)
      }
      self.policies = policies
      self.assignmentPolicies = assignmentPolicies
      self.choices = choices.all

      var overview = PlacementsOverview(on: date)
      for placement in placements { overview.add(placement, choice: policies[placement.id]) }
      self.overview = overview
      let siblings = overview.siblings
      let visits = try registry.visitDays(on: siblings.keys.sorted())
      var siblingVisits: [PlacementID: [PlacementID: [CalendarDate]]] = [:]
      for (placement, others) in siblings {
        siblingVisits[placement] = Dictionary(
          uniqueKeysWithValues: others.map { ($0, visits[$0] ?? []) })
      }
      self.siblingVisits = siblingVisits
      decisions = try registry.allDecisions()
      memberships = Self.sorted(try registry.allMemberships(), by: \.coach)
      var registrations: [CoachID: [RegistrationEvidence]] = [:]
      if Context.requiresRegistration(self.choices + [choices.defaultPolicy.map(\.policy)]) {
        let byCoach = Dictionary(grouping: memberships, by: \.coach)
        for coach in coaches {
          registrations[coach.id] = try context.registrations(
            of: coach, memberships: byCoach[coach.id] ?? [],
            published: registry.publicRegister(listing:))
        }
      }
      self.registrations = registrations
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

    /// Judges the registry, in parts a report puts in order: every coach, every placement
    /// (read with its bookings), the organisations and the memberships.
    func parts(_ registry: some RegistryReading) throws -> [RegistryCheck.Part] {
      var coachPart = RegistryCheck.Part()
      for coach in coaches {
        coachPart.subjects.append(.coach(coach.id))
        let active = context.active(
          coach.id, among: (placementsByCoach[coach.id] ?? []).map { placements[$0] },
          choices: { assignmentPolicies[$0.id] ?? [:] })
        coachPart.findings += context.judge(
          coach, active: active, registrations: registrations[coach.id] ?? [])
      }
      var placementPart = RegistryCheck.Part()
      try registry.forEachPlacement(withBookings: true) { placement, bookings in
        guard placement.period.start <= date else { return }
        placementPart.subjects.append(.placement(placement.id))
        placementPart.findings += context.review(work(placement, bookings))
      }
      let organisations = context.organisationPart(
        choices: choices, deviations: overview.deviations)
      var membershipPart = RegistryCheck.Part()
      let pe = try context.registerPE(memberships, registry)
      for membership in memberships {
        membershipPart.subjects.append(
          FindingSubject(kind: .membership, id: membership.registerNumber))
        membershipPart.findings += try context.findings(membership, pe)
      }
      return [coachPart, placementPart, organisations, membershipPart]
    }

    /// What the review of `placement` needs, from what was read whole.
    func work(_ placement: Placement, _ bookings: [HourBooking]) -> PlacementWork {
      var coaches: [CoachID: Coach] = [:]
      for id in placement.assignedCoaches {
        if let index = coachIndex[id] { coaches[id] = self.coaches[index] }
      }
      return PlacementWork(
        placement: placement, bookings: bookings, choice: policies[placement.id]!,
        assignmentChoices: assignmentPolicies[placement.id] ?? [:], coaches: coaches,
        registrations: registrations, siblingVisits: siblingVisits[placement.id] ?? [:],
        decisions: decisions[placement.id] ?? [])
    }

    /// Names to show beside subjects' ids.
    var names: [FindingSubject: String] {
      var names: [FindingSubject: String] = [:]
      for coach in coaches { names[.coach(coach.id)] = coach.name }
      for organisation in context.organisations.values {
        names[.organisation(organisation.id)] = organisation.name
      }
      for membership in memberships {
        names[FindingSubject(kind: .membership, id: membership.registerNumber)] =
          Context.name(of: membership)
      }
      return names
    }
  }
}

/// What the organisations' findings and the K-6 rule need of every placement, taken one
/// placement at a time in id order: each municipality's policy (its first placement's) and
/// F-5 tally, and which placements share a lead coach and an employer.
struct PlacementsOverview: Sendable {
  private var tally: DeviationMonitoring.Tally
  private var municipalPolicies: [OrganisationID: MunicipalPolicy] = [:]
  private var firstOfKey: [Placement.SiblingKey: PlacementID] = [:]
  private var shared: [Placement.SiblingKey: [PlacementID]] = [:]

  init(on date: CalendarDate) { tally = DeviationMonitoring.Tally(on: date) }

  /// Takes `placement`, judged under `choice`.
  mutating func add(_ placement: Placement, choice: HeldChoice?) {
    if let municipality = placement.municipality, municipalPolicies[municipality] == nil,
      case .success(let chosen)? = choice?.result
    {
      municipalPolicies[municipality] = chosen.policy
    }
    tally.add(placement)
    guard let key = placement.siblingKey else { return }
    if let first = firstOfKey[key] {
      shared[key, default: [first]].append(placement.id)
    } else {
      firstOfKey[key] = placement.id
    }
  }

  /// Each municipality's share of motivated deviations per year (F-5).
  var deviations: [Finding] { tally.findings(policies: municipalPolicies) }

  /// For each placement that shares its lead coach and employer with others: the others, in
  /// id order.
  var siblings: [PlacementID: [PlacementID]] {
    var siblings: [PlacementID: [PlacementID]] = [:]
    for group in shared.values {
      for placement in group { siblings[placement] = group.filter { $0 != placement } }
    }
    return siblings
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
  /// Found by id and version, then compared whole: hashing a whole policy (its tables of
  /// rules per coach kind) cost 8,000 instructions, and a policy chosen again is the same
  /// value the resolver holds, which compares at once.
  private var shared: [Key: [HeldChoice.Shared]] = [:]

  private enum Key: Hashable {
    case policy(PolicyID, CalendarDate)
    case failure(UseCaseError)
  }

  mutating func held(_ result: Result<PolicyChoice, UseCaseError>) -> HeldChoice {
    let policy = result.map(\.policy)
    let key: Key =
      switch policy {
      case .success(let policy): .policy(policy.id, policy.effectiveFrom)
      case .failure(let error): .failure(error)
      }
    let box: HeldChoice.Shared
    if let held = shared[key]?.first(where: { $0.result == policy }) {
      box = held
    } else {
      box = HeldChoice.Shared(policy)
      shared[key, default: []].append(box)
    }
    let choice = try? result.get()
    return HeldChoice(box, source: choice?.source, assignmentStart: choice?.assignmentStart)
  }

  /// Every policy and failure held.
  var all: [Result<MunicipalPolicy, UseCaseError>] { shared.values.flatMap { $0.map(\.result) } }
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

  deinit {
    // Items left (a reading that threw, batches not taken back): the semaphore must be back
    // at its starting value, or the system library stops the program when it is freed.
    for _ in items { free.signal() }
  }

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

/// Runs pieces of work at once.
enum Concurrently {
  /// Runs `worker(0)` to `worker(workers - 1)` on other threads while `body` runs on this one
  /// (so `body` may use what belongs to this thread, such as a database connection), and
  /// returns `body`'s result once every worker is done.
  static func run<Result>(
    workers: Int, _ worker: @escaping @Sendable (Int) -> Void, while body: () throws -> Result
  ) rethrows -> Result {
    let group = DispatchGroup()
    for index in 0..<workers {
      DispatchQueue.global().async(group: group) { worker(index) }
    }
    defer { group.wait() }
    return try body()
  }
}
