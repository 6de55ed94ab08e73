/// The three kinds of job coach of the G4/UWV agreements.
public enum CoachKind: String, CaseIterable, Hashable, Sendable {
  /// Gemeentelijke jobcoach: employed by the municipality or a joint body.
  case municipal
  /// Interne jobcoach: employed by the worker's employer (often a colleague trained as Harrie/Buddy).
  case `internal`
  /// Externe jobcoach: employed by a coaching organisation, or self-employed.
  case external

  /// The organisation kinds a coach of this kind can be employed by.
  public var employingOrganisationKinds: Set<OrganisationKind> {
    switch self {
    case .municipal: [.municipality]
    case .internal: [.employer]
    case .external: [.coachingOrganisation, .selfEmployed]
    }
  }
}

/// A job coach (jobcoach) in the registry. Holds only what the rules need: no date of birth,
/// no address, never a citizen service number.
public struct Coach: Hashable, Sendable {
  public var id: CoachID
  public var name: String
  public var employments: [Employment]
  public var qualifications: [Qualification]
  /// The coach's number in the association's register, as the coach gives it to a
  /// municipality; looked up in an imported public register (R-RE-1).
  public var registerNumber: String?

  public init(
    id: CoachID, name: String, employments: [Employment] = [], qualifications: [Qualification] = [],
    registerNumber: String? = nil
  ) {
    self.id = id
    self.name = name
    self.employments = employments
    self.qualifications = qualifications
    self.registerNumber = registerNumber
  }

  /// The employments in force on `date`, in document order.
  public func employments(on date: CalendarDate) -> [Employment] {
    employments.filter { $0.period.contains(date) }
  }

  /// The kind the coach works as on `placement` on `date`: internal only at the placement's
  /// employer, external or municipal anywhere. Nil when none or several kinds fit.
  public func kind(on placement: Placement, on date: CalendarDate) -> CoachKind? {
    // The assignment's delivering organisation says which employment coaches here.
    if let organisation = placement.assignment(of: id, on: date)?.organisation {
      let kinds = Set(employments(on: date).filter { $0.organisation == organisation }.map(\.kind))
      return kinds.count == 1 ? kinds.first : nil
    }
    let kinds = Set(
      employments(on: date).filter { $0.organisation == placement.employer || $0.kind != .internal }
        .map(\.kind))
    return kinds.count == 1 ? kinds.first : nil
  }
}

/// A coach's employment (dienstverband) by an organisation, as a coach of one kind, over a
/// period. A coach can change kind and employer over the years.
public struct Employment: Hashable, Sendable {
  public var organisation: OrganisationID
  public var kind: CoachKind
  /// From the first day through the last day (inclusive); open-ended while it runs.
  public var period: DateInterval

  public init(organisation: OrganisationID, kind: CoachKind, period: DateInterval) {
    self.organisation = organisation
    self.kind = kind
    self.period = period
  }
}
