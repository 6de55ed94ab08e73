/// What the registry already holds, as far as an import's checks need to know.
public protocol RegistryLookup {
  func organisationKind(_ id: OrganisationID) -> OrganisationKind?
  func containsCoach(_ id: CoachID) -> Bool
  /// The coach that holds a register number in `register`, if any.
  func registerNumberHolder(_ number: String, in register: RegisterID) -> CoachID?
  func containsPlacement(_ id: PlacementID) -> Bool
  /// Whether the registry holds the register (the seed's register always is).
  func containsRegister(_ id: RegisterID) -> Bool
  /// Whether the association's list of educations holds `id`.
  func containsEducation(_ id: EducationID) -> Bool
  /// The placement a booking is on; nil when the registry holds no such booking.
  func bookingPlacement(_ id: BookingID) -> PlacementID?
  /// The coach's membership of `register`, if any.
  func membership(of coach: CoachID, in register: RegisterID) -> Membership?
}

/// A registry that holds nothing: for checking documents on their own.
public struct EmptyRegistry: RegistryLookup {
  public init() {}
  public func organisationKind(_ id: OrganisationID) -> OrganisationKind? { nil }
  public func containsCoach(_ id: CoachID) -> Bool { false }
  public func registerNumberHolder(_ number: String, in register: RegisterID) -> CoachID? { nil }
  public func containsPlacement(_ id: PlacementID) -> Bool { false }
  public func containsRegister(_ id: RegisterID) -> Bool { id == .seedDefault }
  public func containsEducation(_ id: EducationID) -> Bool { false }
  public func bookingPlacement(_ id: BookingID) -> PlacementID? { nil }
  public func membership(of coach: CoachID, in register: RegisterID) -> Membership? { nil }
}

/// The checks that span records and files: duplicate ids, references to unknown coaches,
/// organisations or placements, and employments or placements at the wrong kind of
/// organisation. Records arrive one at a time, in any order; a reference is resolved against
/// what this import has shown so far and the registry, and what is still unknown is checked
/// again at `finish()`, against the whole import.
///
/// Memory: the ids of the coaches, placements and organisations seen (not the records); where
/// each record was first seen is kept by `sightings`, which a registry keeps on disk.
public final class ReferenceValidator {
  let registry: any RegistryLookup
  let log: ProblemLog
  let sightings: any RecordSightings
  var organisationKinds: [OrganisationID: OrganisationKind] = [:]
  var coachIDs = Set<CoachID>()
  /// The coach a list's row last named that `coachIDs` holds.
  var lastListedCoach: CoachID?
  var placementIDs = Set<PlacementID>()
  var registerIDs = Set<RegisterID>()
  var educationIDs = Set<EducationID>()
  /// References not resolved yet, other than to coaches, placements and bookings (which
  /// `sightings` keeps), each with its place among all the postponed.
  var pending: [(sequence: Int, reference: Reference)] = []
  var postponedCount = 0
  /// The memberships of this import the registry does not hold, by register and coach:
  /// attendance lists need the membership on a date. (The register numbers of this import
  /// are with `sightings`.)
  var memberships: [RegisterID: [CoachID: Membership]] = [:]
  /// Whether each membership checked is kept here; a registry import keeps only those it
  /// does not write (`keep`), and asks the registry for the others.
  public var keepsMemberships = true
  /// Register numbers the registry answered for, asked again row after row.
  var registerNumbers: [RegisterID: [String: CoachID]] = [:]

  /// A reference not yet resolved.
  enum Reference {
    case organisation(
      OrganisationID, Set<OrganisationKind>, role: OrganisationRole, String, RecordPlace)
    case coach(CoachID, String, RecordPlace)
    case placement(PlacementID, String, RecordPlace)
    case register(RegisterID, String, RecordPlace)
    case education(EducationID, String, RecordPlace)
    case booking(BookingID, on: PlacementID, String, RecordPlace)
  }

  public init(
    registry: any RegistryLookup, log: ProblemLog,
    sightings: any RecordSightings = SightingsInMemory()
  ) {
    self.registry = registry
    self.log = log
    self.sightings = sightings
  }

  /// Reports `key` seen a second time; `detail` is kept with the first (a booking's placement).
  func unique(_ key: RecordName, _ file: String, _ pointer: RecordPlace, detail: String? = nil) {
    if let first = sightings.sight(key, file: file, place: pointer.problemPlace, detail: detail) {
      log.report(file, pointer, .appearsTwice(key, firstFile: first.file, firstPlace: first.place))
    }
  }

  /// The placement of a booking this import holds, for the decisions that name it.
  func bookingPlacement(_ id: BookingID) -> PlacementID? {
    sightings.sighting(of: .booking(id))?.detail.map(PlacementID.init(rawValue:))
  }

  func kind(of id: OrganisationID) -> OrganisationKind? {
    organisationKinds[id] ?? registry.organisationKind(id)
  }

  /// Checks `reference` now; when what it names is not known yet, later (`final` reports it).
  func resolve(_ reference: Reference, final: Bool = false) {
    switch reference {
    case .organisation(let id, let kinds, let role, let file, let pointer):
      guard let found = kind(of: id) else {
        if final {
          log.report(
            file, pointer, .unknownRecord(.organisation, id: id.rawValue))
        } else {
          postpone(reference)
        }
        return
      }
      if !kinds.contains(found) {
        log.report(
          file, pointer,
          .wrongOrganisationKind(
            role, allowed: kinds.sorted { $0.rawValue < $1.rawValue }, id: id, is: found))
      }
    case .coach(let coach, let file, let pointer):
      guard !coachIDs.contains(coach) else { return }
      if registry.containsCoach(coach) {
        // Known from now on: a list names the same coach row after row.
        coachIDs.insert(coach)
      } else {
        if final {
          log.report(file, pointer, .unknownRecord(.coach, id: coach.rawValue))
        } else {
          postpone(reference)
        }
      }
    case .placement(let id, let file, let pointer):
      if !placementIDs.contains(id), !registry.containsPlacement(id) {
        if final {
          log.report(
            file, pointer, .unknownRecord(.placement, id: id.rawValue))
        } else {
          postpone(reference)
        }
      }
    case .register(let id, let file, let pointer):
      if !registerIDs.contains(id), !registry.containsRegister(id) {
        if final {
          log.report(file, pointer, .unknownRecord(.register, id: id.rawValue))
        } else {
          postpone(reference)
        }
      }
    case .booking(let id, let placement, let file, let pointer):
      guard let found = bookingPlacement(id) ?? registry.bookingPlacement(id) else {
        if final {
          log.report(file, pointer, .unknownRecord(.booking, id: id.rawValue))
        } else {
          postpone(reference)
        }
        return
      }
      if found != placement {
        log.report(
          file, pointer, .bookingOnOtherPlacement(id, on: found, not: placement))
      }
    case .education(let id, let file, let pointer):
      if !educationIDs.contains(id), !registry.containsEducation(id) {
        if final {
          log.report(
            file, pointer, .unknownEducation(id))
        } else {
          postpone(reference)
        }
      }
    }
  }

  /// Keeps `reference` for `finish`: those to coaches, placements and bookings (one per
  /// booking, when bookings come before their placements) with `sightings`.
  func postpone(_ reference: Reference) {
    postponedCount += 1
    let sequence = postponedCount
    switch reference {
    case .coach(let id, let file, let place):
      sightings.postpone(
        PostponedReference(
          sequence: sequence, target: .coach, id: id.rawValue, file: file,
          place: place.problemPlace))
    case .placement(let id, let file, let place):
      sightings.postpone(
        PostponedReference(
          sequence: sequence, target: .placement, id: id.rawValue, file: file,
          place: place.problemPlace))
    case .booking(let id, let placement, let file, let place):
      sightings.postpone(
        PostponedReference(
          sequence: sequence, target: .booking, id: id.rawValue, placement: placement.rawValue,
          file: file, place: place.problemPlace))
    default:
      pending.append((sequence, reference))
    }
  }

  /// Checks one record read from `file` at `pointer`.
  public func check(_ record: ImportRecord, file: String, pointer: JSONPointer) {
    check(record, file: file, place: .pointer(pointer))
  }

  /// Checks one record read from `file` at `place`.
  public func check(_ record: ImportRecord, file: String, place pointer: RecordPlace) {
    switch record {
    case .organisation(let organisation):
      unique(.organisation(organisation.id), file, pointer.appending("id"))
      organisationKinds[organisation.id] = organisation.kind
    case .coach(let coach):
      unique(.coach(coach.id), file, pointer.appending("id"))
      coachIDs.insert(coach.id)
      for (index, employment) in coach.employments.enumerated() {
        resolve(
          .organisation(
            employment.organisation, employment.kind.employingOrganisationKinds,
            role: .employerOf(employment.kind), file,
            pointer.appending("employments").appending(index).appending("organisation")))
      }
    case .placement(let placement):
      unique(.placement(placement.id), file, pointer.appending("id"))
      placementIDs.insert(placement.id)
      resolve(
        .organisation(
          placement.employer, [.employer], role: .placementEmployer, file,
          pointer.appending("employer")))
      if let municipality = placement.municipality {
        resolve(
          .organisation(
            municipality, [.municipality], role: .placementMunicipality, file,
            pointer.appending("municipality")))
      }
      for (index, assignment) in placement.assignments.enumerated() {
        let place =
          placement.assignments.count == 1 && assignment.organisation == nil
          ? pointer : pointer.appending("assignments").appending(index)
        resolve(.coach(assignment.coach, file, place.appending("coach")))
        if let organisation = assignment.organisation {
          resolve(
            .organisation(
              organisation, [.municipality, .employer, .coachingOrganisation, .selfEmployed],
              role: .deliverer, file,
              place.appending("organisation")))
        }
      }
    case .portfolio(let portfolio):
      unique(.portfolio(portfolio.coach), file, pointer.appending("coach"))
      resolve(.coach(portfolio.coach, file, pointer.appending("coach")))
    case .membership(let membership):
      let register = membership.register
      if keepsMemberships { keep(membership) }
      unique(.membership(membership.coach, register: register), file, pointer.appending("coach"))
      unique(
        .registerNumber(membership.registerNumber, register: register), file,
        pointer.appending("registerNumber"), detail: membership.coach.rawValue)
      resolve(.coach(membership.coach, file, pointer.appending("coach")))
      resolve(.register(register, file, pointer.appending("register")))
      if let holder = registry.registerNumberHolder(membership.registerNumber, in: register),
        holder != membership.coach
      {
        log.report(
          file, pointer.appending("registerNumber"),
          .registerNumberOfOtherCoach(membership.registerNumber, holder: holder))
      }
    case .register(let register):
      unique(.register(register.id), file, pointer.appending("id"))
      registerIDs.insert(register.id)
      let lists: [(String, [EducationID])] = [
        ("recognisedEducations", register.recognisedEducations ?? [])
      ]
      for (key, list) in lists {
        for (index, education) in list.enumerated() {
          resolve(.education(education, file, pointer.appending(key).appending(index)))
        }
      }
      for (index, education) in (register.diplomaAdmission?.educations ?? []).enumerated() {
        resolve(
          .education(
            education, file,
            pointer.appending("accreditedDiplomaAdmission").appending("educations")
              .appending(index)))
      }
    case .booking(let booking):
      unique(
        .booking(booking.id), file, pointer.appending("id"), detail: booking.placement.rawValue)
      resolve(.coach(booking.coach, file, pointer.appending("coach")))
      resolve(.placement(booking.placement, file, pointer.appending("placement")))
    case .listedActivity(let listed):
      checkListed(listed.coach, listed.activity, attendance: listed.attendance, file, pointer)
    case .listedActivities(let run):
      for index in run.activities.indices {
        checkListed(
          run.coach, run.activities[index], attendance: run.attendance, file, run.place(at: index))
      }
    case .listedExperience(let listed):
      _ = resolve(listed.coach, file, pointer)
    case .decision(let decision):
      unique(.decision(decision.id), file, pointer.appending("id"))
      resolve(.placement(decision.placement, file, pointer.appending("placement")))
      for (index, booking) in decision.bookings.enumerated() {
        resolve(
          .booking(
            booking, on: decision.placement, file, pointer.appending("bookings").appending(index)))
      }
    case .publicRegister(let register):
      for (index, entry) in register.entries.enumerated() {
        unique(
          .publicEntry(entry.registerNumber), file,
          .pointer(JSONPointer.root.appending("entries").appending(index).appending("registerNumber")))
      }
    case .education(let education):
      educationIDs.insert(education.id)
      unique(.education(education.id), file, pointer.appending("id"))
    case .accreditation(let accreditation):
      unique(.accreditation(accreditation.code), file, pointer.appending("code"))
    case .norm(let norm):
      unique(
        .norm(norm.register, effectiveFrom: norm.effectiveFrom), file,
        pointer.appending("effectiveFrom"))
      resolve(.register(norm.register, file, pointer.appending("register")))
    case .policy(let policy):
      unique(
        .policy(policy.id, effectiveFrom: policy.effectiveFrom), file,
        pointer.appending("effectiveFrom"))
      if let municipality = policy.municipality {
        resolve(
          .organisation(
            municipality, [.municipality], role: .policyMunicipality, file,
            pointer.appending("municipality")))
      }
      for kind in CoachKind.allCases {
        for (index, register) in policy.acceptedRegisters(for: kind).enumerated() {
          resolve(
            .register(
              register, file,
              pointer.appending("registers").appending(kind.rawValue).appending(index)
            ))
        }
      }
      if case .approvedList(let approved) = policy.externalOrganisations {
        for (index, id) in approved.enumerated() {
          resolve(
            .organisation(
              id, [.coachingOrganisation, .selfEmployed], role: .approvedOrganisation, file,
              pointer.appending("externalOrganisations").appending("approved").appending(index)))
        }
      }
    }
  }

  /// The coach a table's row names, as far as this import and the registry know it; nil when
  /// nobody holds the register number.
  public func coach(of reference: CoachReference) -> CoachID? {
    reference.coach { number, register in
      if let holder = registerNumbers[register]?[number] { return holder }
      // A membership of this import, written or not.
      if let holder = sightings.sighting(of: .registerNumber(number, register: register))?.detail {
        return CoachID(rawValue: holder)
      }
      // Found in the registry: kept, as the session asks again for the row it writes (tables
      // are read after the documents, so no membership of this import changes it later; one
      // that did would overwrite the entry, as `check` does for memberships).
      let holder = registry.registerNumberHolder(number, in: register)
      if let holder { registerNumbers[register, default: [:]][number] = holder }
      return holder
    }
  }

  /// Keeps `membership` for the attendance lists' checks: one the registry does not hold
  /// (an import that found a problem writes nothing more, a check of documents nothing at all).
  public func keep(_ membership: Membership) {
    memberships[membership.register, default: [:]][membership.coach] = membership
  }

  func membership(of coach: CoachID, in register: RegisterID) -> Membership? {
    memberships[register]?[coach] ?? registry.membership(of: coach, in: register)
  }

  /// A listed activity's coach resolves; an attendee is a member of the register on the day.
  func checkListed(
    _ reference: CoachReference, _ activity: PEActivity, attendance: Bool, _ file: String,
    _ place: RecordPlace
  ) {
    guard let coach = resolve(reference, file, place), attendance else { return }
    var register = RegisterID.seedDefault
    if case .registerNumber(_, let named) = reference { register = named }
    let status = membership(of: coach, in: register)?.status(on: activity.date)
    if ![.registered, .assessmentDue, .suspended].contains(status) {
      log.report(
        file, place.appending(listedCoachField(reference)),
        .notAMemberOn(coach, register: register, date: activity.date))
    }
  }

  func listedCoachField(_ reference: CoachReference) -> String {
    if case .id = reference { return "coach" }
    return "registerNumber"
  }

  /// Checks the coach a row names: a known coach, or a register number someone holds.
  func resolve(_ reference: CoachReference, _ file: String, _ place: RecordPlace) -> CoachID? {
    switch reference {
    case .id(let coach):
      // A list names the same coach row after row: known, so nothing to resolve (compared
      // with the last one before the set is hashed).
      if coach != lastListedCoach {
        if !coachIDs.contains(coach) { resolve(.coach(coach, file, place.appending("coach"))) }
        if coachIDs.contains(coach) { lastListedCoach = coach }
      }
      return coach
    case .registerNumber(let number, let register):
      guard let coach = coach(of: reference) else {
        if registerIDs.contains(register) || registry.containsRegister(register) {
          log.report(
            file, place.appending("registerNumber"),
            .unknownRegisterNumber(number, register: register))
        } else {
          log.report(
            file, place.appending("register"),
            .unknownRecord(.register, id: register.rawValue))
        }
        return nil
      }
      return coach
    }
  }

  /// Reports every reference that the whole import did not resolve.
  public func finish() {
    // In the order postponed: the references kept here and those kept by `sightings`, merged.
    var kept = pending[...]
    pending = []
    sightings.forEachPostponed { postponed in
      while let next = kept.first, next.sequence < postponed.sequence {
        resolve(next.reference, final: true)
        kept = kept.dropFirst()
      }
      let place = RecordPlace(postponed.place)
      switch postponed.target {
      case .coach:
        resolve(.coach(CoachID(rawValue: postponed.id), postponed.file, place), final: true)
      case .placement:
        resolve(
          .placement(PlacementID(rawValue: postponed.id), postponed.file, place), final: true)
      case .booking:
        resolve(
          .booking(
            BookingID(rawValue: postponed.id),
            on: PlacementID(rawValue: postponed.placement ?? ""), postponed.file, place),
          final: true)
      }
    }
    for next in kept { resolve(next.reference, final: true) }
  }
}

extension ImportBatch {
  /// Every record, kind by kind in the order that lets each reference resolve against kinds
  /// already seen: organisations, registers, coaches, placements, portfolios, memberships, bookings,
  /// public registers, educations, accreditations, norms, policies.
  public var recordsInOrder: [Located<ImportRecord>] {
    var all: [Located<ImportRecord>] = []
    all.reserveCapacity(recordCount)
    func each<Value>(_ records: [Located<Value>], _ wrap: (Value) -> ImportRecord) {
      for located in records {
        all.append(Located(wrap(located.value), file: located.file, place: located.place))
      }
    }
    each(organisations, ImportRecord.organisation)
    each(registers, ImportRecord.register)
    each(coaches, ImportRecord.coach)
    each(placements, ImportRecord.placement)
    each(portfolios, ImportRecord.portfolio)
    each(memberships, ImportRecord.membership)
    each(bookings, ImportRecord.booking)
    each(listedActivities, ImportRecord.listedActivity)
    each(listedExperience, ImportRecord.listedExperience)
    each(decisions, ImportRecord.decision)
    each(publicRegisters, ImportRecord.publicRegister)
    each(educations, ImportRecord.education)
    each(accreditations, ImportRecord.accreditation)
    each(norms, ImportRecord.norm)
    each(policies, ImportRecord.policy)
    return all
  }

  /// Checks the batch as `ReferenceValidator` checks a stream, in `recordsInOrder`.
  public func validateReferences(against registry: some RegistryLookup, log: ProblemLog) {
    let validator = ReferenceValidator(registry: registry, log: log)
    for located in recordsInOrder {
      validator.check(located.value, file: located.file, place: located.place)
    }
    validator.finish()
  }
}
