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
/// Time and memory are linear in the registry: placements are found by coach and grouped by
/// coach and employer, never paired; bookings are read one placement at a time. The coaches'
/// rules run on a second thread while this one reads and reviews the placements.
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

  public func run(in registry: some RegistryReading) throws -> CheckReport {
    let (world, parts) = try registry.reading {
      let world = try World(registry, on: date, for: municipality)
      return (world, try world.parts(registry))
    }
    var report = RegistryCheck.report(parts, on: date)
    report.names = world.names
    report.policy = try? world.defaultPolicy.get()
    if rulePrefix != nil || severity != .note {
      report.findings.removeAll {
        $0.severity > severity || !(rulePrefix.map($0.rule.rawValue.hasPrefix) ?? true)
      }
    }
    return report
  }

  /// What the check has read, and the policy of each placement.
  struct World: Sendable {
    let date: CalendarDate
    let organisations: [OrganisationID: Organisation]
    let coaches: [Coach]
    let coachesByID: [CoachID: Coach]
    /// Sorted by id.
    let placements: [Placement]
    let placementsByCoach: [CoachID: [Placement]]
    /// Each placement's policy, or the ambiguity that leaves it undetermined.
    let policies: [PlacementID: Result<PolicyChoice, UseCaseError>]
    /// The policy of each assignment covering the date, as in force on its start (Q-ASG-2), by
    /// placement and coach.
    let assignmentPolicies: [PlacementID: [CoachID: Result<PolicyChoice, UseCaseError>]]
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

    init(_ registry: some RegistryReading, on date: CalendarDate, for municipality: OrganisationID?)
      throws
    {
      self.date = date
      organisations = try registry.allOrganisations()
      coaches = try registry.allCoaches()
      coachesByID = Dictionary(coaches.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      placements = try registry.allPlacements()
      var placementsByCoach: [CoachID: [Placement]] = [:]
      for placement in placements {
        for coach in placement.assignedCoaches {
          placementsByCoach[coach, default: []].append(placement)
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
      var policies: [PlacementID: Result<PolicyChoice, UseCaseError>] = [:]
      for placement in placements {
        policies[placement.id] = resolve(
          PolicyQuestion(placement: placement, municipality: municipality))
      }
      self.policies = policies
      var assignmentPolicies: [PlacementID: [CoachID: Result<PolicyChoice, UseCaseError>]] = [:]
      for placement in placements {
        for assignment in placement.assignments(on: date)
        where assignmentPolicies[placement.id]?[assignment.coach] == nil {
          let question = PolicyQuestion(placement: placement, municipality: municipality)
          assignmentPolicies[placement.id, default: [:]][assignment.coach] = Result {
            try resolver.resolve(question, for: assignment, on: date)
          }.mapError { $0 as! UseCaseError }
        }
      }
      self.assignmentPolicies = assignmentPolicies
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
      memberships = try registry.allMemberships()
      var registerRules: [RegisterID: RegisterRules] = [:]
      for register in try registry.registers() {
        registerRules[register.id] = try registry.registerRules(for: register)
      }
      self.registerRules = registerRules
      let choices = policies.values.compactMap { try? $0.get() } + [try? defaultPolicy.get()]
      let requiresRegistration = choices.contains { choice in
        CoachKind.allCases.contains {
          choice?.policy.requirements(for: $0).contains(.registrationRequired) == true
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
            for (placement, bookings) in batch {
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

    /// Names to show beside subjects' ids.
    var names: [FindingSubject: String] {
      var names: [FindingSubject: String] = [:]
      for coach in coaches { names[.coach(coach.id)] = coach.name }
      for organisation in organisations.values {
        names[.organisation(organisation.id)] = organisation.name
      }
      for membership in memberships {
        names[FindingSubject(kind: .membership, id: membership.registerNumber)] =
          "coach \(membership.coach)"
      }
      return names
    }

    /// Every coach, as every kind they are employed as on the date.
    func coachPart() -> RegistryCheck.Part {
      var part = RegistryCheck.Part()
      let qualification = QualificationRules(organisations: organisations)
      for coach in coaches {
        part.subjects.append(.coach(coach.id))
        // The placements the coach is assigned to on the date (Q-ASG-1), each with its
        // assignment's policy (Q-ASG-2).
        let active = (placementsByCoach[coach.id] ?? []).compactMap {
          placement -> (Placement, Assignment, PolicyChoice)? in
          guard let assignment = placement.assignment(of: coach.id, on: date),
            case .success(let choice)? = assignmentPolicies[placement.id]?[coach.id]
          else { return nil }
          return (placement, assignment, choice)
        }
        let employments = coach.employments(on: date)
        for (placement, assignment, _) in active {
          guard let organisation = assignment.organisation,
            !employments.contains(where: { $0.organisation == organisation })
          else { continue }
          part.findings.append(
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
          if placements.isEmpty, case .success(let choice) = defaultPolicy {
            let request = VerificationRequest(
              kind: kind, date: date, policy: choice.policy,
              registrations: registrations[coach.id] ?? [])
            part.findings += qualification.verify(coach, request).findings.filter {
              !($0.outcome == .undetermined && RuleID.perPlacement.contains($0.rule))
            }
          }
          for (placement, _, choice) in placements {
            let request = VerificationRequest(
              kind: kind, date: date, placement: placement, policy: choice.policy,
              registrations: registrations[coach.id] ?? [])
            // The grant's F findings come once, with the placement's own review.
            part.findings += qualification.verify(coach, request, grant: false).findings
          }
        }
      }
      return part
    }

    /// Every placement that has started, with its bookings, read one placement at a time and
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
          guard placement.period.start <= date else { continue }
          batch.append((placement, placement.id == end ? bookings : []))
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
      switch policies[placement.id] {
      case .success(let choice)?:
        let dossier = PlacementDossier(
          placement: placement, bookings: bookings, policy: choice.policy,
          coachKind: placement.leadCoach.flatMap { coachesByID[$0] }?.kind(on: placement, on: date),
          coachKinds: Dictionary(
            placement.assignedCoaches.compactMap { id in
              coachesByID[id]?.kind(on: placement, on: date).map { (id, $0) }
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
      for case .failure(let error) in Array(policies.values) + [defaultPolicy] {
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
          case .success(let choice)? = policies[placement.id]
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
      var peByRegister: [RegisterID: RegisterPE] = [:]
      for (register, members) in Dictionary(grouping: memberships, by: \.register) {
        let rules =
          registerRules[register]
          ?? RegisterRules(register: Register(id: register, name: register.rawValue))
        peByRegister[register] = try RegisterPE(
          members, on: date, rules: rules, registry: registry,
          portfoliosFor: { $0.route == .earlierAdmission })
      }
      var part = RegistryCheck.Part()
      for membership in memberships {
        let pe = peByRegister[membership.register]!
        let registerRules = pe.rules
        part.subjects.append(FindingSubject(kind: .membership, id: membership.registerNumber))
        let standing = pe.standing(of: membership)
        switch standing.status {
        case .removed?, .applicant?, nil: continue
        case .registered? where standing.isRegistered:
          part.findings += pe.statement(of: membership).findings
        default: break
        }
        if let lapsed = standing.lapsedOn {
          part.findings.append(RegisterStanding.lapse(of: membership, standing, lapsed: lapsed))
        }
        part.findings += registerRules.assessmentFindings(
          membership, portfolio: pe.portfolio(of: membership.coach), on: date)
      }
      return part
    }
  }
}

/// The PE hours of one register's members on one date: the running cycle's totals of registered
/// coaches from the registry's fast answer (`cycleTotals`) where it gives one, else from each
/// portfolio (the reference).
struct RegisterPE {
  let date: CalendarDate
  let rules: RegisterRules
  /// Each membership's standing on the date, derived once.
  let standings: [CoachID: RegistrationStanding]
  let totals: [CoachID: PETotals]
  let portfolios: [CoachID: Portfolio]

  /// Reads what `memberships` need: totals for registered coaches whose norm asks no practice
  /// hours (practice hours are summed from the portfolio), portfolios for the others and for
  /// those `portfoliosFor` names.
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
    // Portfolios only where a statement needs one (a registered coach, or one in the grace
    // period, the registry summed none for) or the caller asks for it: a lapsed or removed
    // membership needs none.
    var portfolios: [CoachID: Portfolio] = [:]
    for membership in memberships where totals[membership.coach] == nil {
      let standing = standings[membership.coach]!
      let needsStatement = standing.isRegistered || standing.isInGracePeriod
      guard needsStatement || needsPortfolio(membership) else { continue }
      portfolios[membership.coach] = try registry.portfolio(of: membership.coach)
    }
    self.portfolios = portfolios
  }

  func portfolio(of coach: CoachID) -> Portfolio { portfolios[coach] ?? Portfolio(coach: coach) }

  /// The membership's standing on the date.
  func standing(of membership: Membership) -> RegistrationStanding {
    standings[membership.coach] ?? membership.standing(on: date, in: rules.register)
  }

  /// The statement of the membership's period on the date (R-RE-2).
  func statement(of membership: Membership) -> PEStatement {
    let cycle = standing(of: membership).cycle
    if let totals = totals[membership.coach] {
      return rules.peStatement(membership.coach, totals: totals, cycle: cycle, on: date)
    }
    return rules.peStatement(portfolio(of: membership.coach), cycle: cycle, on: date)
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
