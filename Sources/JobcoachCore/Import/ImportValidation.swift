/// What the registry already holds, as far as an import's checks need to know.
public protocol RegistryLookup {
  func organisationKind(_ id: OrganisationID) -> OrganisationKind?
  func containsCoach(_ id: CoachID) -> Bool
  /// The coach that holds a register number, if any.
  func registerNumberHolder(_ number: String) -> CoachID?
  func containsPlacement(_ id: PlacementID) -> Bool
}

/// A registry that holds nothing: for checking documents on their own.
public struct EmptyRegistry: RegistryLookup {
  public init() {}
  public func organisationKind(_ id: OrganisationID) -> OrganisationKind? { nil }
  public func containsCoach(_ id: CoachID) -> Bool { false }
  public func registerNumberHolder(_ number: String) -> CoachID? { nil }
  public func containsPlacement(_ id: PlacementID) -> Bool { false }
}

extension ImportBatch {
  /// The checks that span records and files: duplicate ids, references to unknown coaches or
  /// organisations, and employments or placements at the wrong kind of organisation. References
  /// resolve against this batch first, then the registry.
  public func validateReferences(against registry: some RegistryLookup, log: ProblemLog) {
    var organisationKinds: [OrganisationID: OrganisationKind] = [:]
    var firstSeen: [String: Located<Void>] = [:]

    func unique(_ key: String, _ label: String, _ file: String, _ pointer: JSONPointer) {
      if let first = firstSeen[key] {
        log.report(
          file, pointer,
          "\(label) appears twice in this import; first at \(first.file)#\(first.pointer)")
      } else {
        firstSeen[key] = Located((), file: file, pointer: pointer)
      }
    }

    for located in organisations {
      let organisation = located.value
      unique(
        "organisation \(organisation.id)", "organisation id '\(organisation.id)'", located.file,
        located.pointer.appending("id"))
      organisationKinds[organisation.id] = organisation.kind
    }
    func kind(of id: OrganisationID) -> OrganisationKind? {
      organisationKinds[id] ?? registry.organisationKind(id)
    }
    func requireOrganisation(
      _ id: OrganisationID, _ kinds: Set<OrganisationKind>, _ role: String, _ file: String,
      _ pointer: JSONPointer
    ) {
      guard let found = kind(of: id) else {
        log.report(
          file, pointer,
          "no organisation with id '\(id)' in this import or the registry")
        return
      }
      if !kinds.contains(found) {
        log.report(
          file, pointer,
          "\(role) must be a " + kinds.map(\.displayName).sorted().joined(separator: " or ")
            + "; '\(id)' is a \(found.displayName)")
      }
    }

    var coachIDs = Set<CoachID>()
    for located in coaches {
      let coach = located.value
      unique(
        "coach \(coach.id)", "coach id '\(coach.id)'", located.file, located.pointer.appending("id")
      )
      coachIDs.insert(coach.id)
      for (index, employment) in coach.employments.enumerated() {
        requireOrganisation(
          employment.organisation, employment.kind.employingOrganisationKinds,
          "the employer of \(employment.kind.withArticle)", located.file,
          located.pointer.appending("employments").appending(index).appending("organisation"))
      }
    }

    var placementIDs = Set<PlacementID>()
    for located in placements {
      let placement = located.value
      let pointer = located.pointer
      placementIDs.insert(placement.id)
      unique(
        "placement \(placement.id)", "placement id '\(placement.id)'", located.file,
        pointer.appending("id"))
      requireOrganisation(
        placement.employer, [.employer], "the employer of a placement", located.file,
        pointer.appending("employer"))
      if let municipality = placement.municipality {
        requireOrganisation(
          municipality, [.municipality], "the municipality of a placement", located.file,
          pointer.appending("municipality"))
      }
      if let coach = placement.coach {
        requireCoach(coach, located.file, pointer.appending("coach"))
      }
    }

    func requireCoach(_ coach: CoachID, _ file: String, _ pointer: JSONPointer) {
      if !coachIDs.contains(coach), !registry.containsCoach(coach) {
        log.report(file, pointer, "no coach with id '\(coach)' in this import or the registry")
      }
    }

    for located in portfolios {
      unique(
        "portfolio \(located.value.coach)", "a portfolio of coach '\(located.value.coach)'",
        located.file, located.pointer.appending("coach"))
      requireCoach(located.value.coach, located.file, located.pointer.appending("coach"))
    }

    for located in memberships {
      let membership = located.value
      unique(
        "membership \(membership.coach)", "a membership of coach '\(membership.coach)'",
        located.file, located.pointer.appending("coach"))
      unique(
        "register number \(membership.registerNumber)",
        "register number '\(membership.registerNumber)'", located.file,
        located.pointer.appending("registerNumber"))
      requireCoach(membership.coach, located.file, located.pointer.appending("coach"))
      if let holder = registry.registerNumberHolder(membership.registerNumber),
        holder != membership.coach
      {
        log.report(
          located.file, located.pointer.appending("registerNumber"),
          "register number '\(membership.registerNumber)' belongs to coach '\(holder)'")
      }
    }

    for located in bookings {
      let booking = located.value
      unique(
        "booking \(booking.id)", "booking id '\(booking.id)'", located.file,
        located.pointer.appending("id"))
      requireCoach(booking.coach, located.file, located.pointer.appending("coach"))
      if !placementIDs.contains(booking.placement), !registry.containsPlacement(booking.placement) {
        log.report(
          located.file, located.pointer.appending("placement"),
          "no placement with id '\(booking.placement)' in this import or the registry")
      }
    }

    for located in publicRegisters {
      for (index, entry) in located.value.entries.enumerated() {
        unique(
          "public entry \(entry.registerNumber)",
          "register number '\(entry.registerNumber)' in a public register", located.file,
          JSONPointer.root.appending("entries").appending(index).appending("registerNumber"))
      }
    }

    for located in educations {
      unique(
        "education \(located.value.id)", "education id '\(located.value.id)'", located.file,
        located.pointer.appending("id"))
    }
    for located in accreditations {
      unique(
        "accreditation \(located.value.code)", "accreditation code '\(located.value.code)'",
        located.file, located.pointer.appending("code"))
    }
    for located in norms {
      unique(
        "norm \(located.value.effectiveFrom)",
        "a PE norm taking effect on \(located.value.effectiveFrom)", located.file,
        located.pointer.appending("effectiveFrom"))
    }

    for located in policies {
      let policy = located.value
      unique(
        "policy \(policy.id) \(policy.effectiveFrom)",
        "policy '\(policy.id)' taking effect on \(policy.effectiveFrom)", located.file,
        located.pointer.appending("effectiveFrom"))
      if let municipality = policy.municipality {
        requireOrganisation(
          municipality, [.municipality], "the municipality of a policy", located.file,
          located.pointer.appending("municipality"))
      }
      if case .approvedList(let approved) = policy.externalOrganisations {
        for (index, id) in approved.enumerated() {
          requireOrganisation(
            id, [.coachingOrganisation, .selfEmployed], "an approved organisation", located.file,
            located.pointer.appending("externalOrganisations").appending("approved").appending(
              index))
        }
      }
    }
  }
}
