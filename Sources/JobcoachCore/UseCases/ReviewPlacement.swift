/// "Is this placement in order?": its grant, plan, hours, budget and contacts on a date, under
/// the policy that applies, with every finding of the F, P and K rules (`jobcoach placement
/// show`).
public struct ReviewPlacement: Hashable, Sendable {
  public var placement: PlacementID
  public var policy: PolicyID?
  public var date: CalendarDate

  public init(placement: PlacementID, policy: PolicyID? = nil, on date: CalendarDate) {
    self.placement = placement
    self.policy = policy
    self.date = date
  }

  public func run(in registry: some RegistryReading) throws -> PlacementReviewAnswer {
    try registry.reading {
      guard let placement = try registry.placement(placement) else {
        throw UseCaseError.unknownPlacement(placement)
      }
      let choice = try PolicyResolver(registry).resolve(
        PolicyQuestion(named: policy, placement: placement), on: date)
      var coaches: [CoachID: Coach] = [:]
      for id in placement.assignedCoaches { coaches[id] = try registry.coach(id) }
      let coach = placement.leadCoach.flatMap { coaches[$0] }
      let dossier = PlacementDossier(
        placement: placement, bookings: try registry.bookings(on: placement.id),
        policy: choice.policy, coachKind: coach?.kind(on: placement, on: date),
        coachKinds: coaches.compactMapValues { $0.kind(on: placement, on: date) },
        siblingVisits: try Self.siblingVisits(of: placement, in: registry),
        decisions: try registry.decisions(on: placement.id))
      return PlacementReviewAnswer(
        review: PlacementReview(dossier, on: date), policy: choice, coach: coach,
        coaches: coaches, employer: try registry.organisation(placement.employer))
    }
  }

  /// The visit days of the same coach's other placements with the same employer (K-6).
  static func siblingVisits(of placement: Placement, in registry: some RegistryReading) throws
    -> [PlacementID: [CalendarDate]]
  {
    guard let coach = placement.leadCoach else { return [:] }
    let siblings = try registry.placements(coachedBy: coach).filter {
      $0.id != placement.id && $0.siblingKey == placement.siblingKey
    }
    guard !siblings.isEmpty else { return [:] }
    var visits = try registry.visitDays(on: siblings.map(\.id))
    for sibling in siblings where visits[sibling.id] == nil { visits[sibling.id] = [] }
    return visits
  }
}

/// The answer of `ReviewPlacement`: the review, the policy it applied and why, and the coach
/// and employer as the registry holds them.
public struct PlacementReviewAnswer: Sendable {
  public var review: PlacementReview
  public var policy: PolicyChoice
  /// The lead coach (`Placement.leadCoach`).
  public var coach: Coach?
  /// Every coach assigned, as the registry holds them.
  public var coaches: [CoachID: Coach]
  public var employer: Organisation?
}

/// "What may the funder be charged for this period?": the accountability report of a placement
/// (verantwoordingsrapportage): hours per goal, reimbursable and not, and why (`jobcoach hours
/// report`).
public struct ReportHours: Hashable, Sendable {
  public var placement: PlacementID
  /// The days the report covers; both ends are set.
  public var period: DateInterval
  public var policy: PolicyID?
  /// The day the report is made: the funder's decisions recorded by then settle held hours
  /// (F-7). Nil, or a day before the period's end: the period's last day.
  public var date: CalendarDate?

  public init(
    placement: PlacementID, period: DateInterval, policy: PolicyID? = nil,
    on date: CalendarDate? = nil
  ) {
    precondition(period.end != nil, "a report covers a closed period")
    self.placement = placement
    self.period = period
    self.policy = policy
    self.date = date
  }

  /// The report of the period's bookings, as the placement stands on the day the report is
  /// made (a booking's outcome depends only on the bookings before it, so later bookings
  /// change nothing in the period; later decisions settle its held hours).
  public func run(in registry: some RegistryReading) throws -> HoursReportAnswer {
    let end = period.end!
    let answer = try ReviewPlacement(
      placement: placement, policy: policy, on: max(end, date ?? end)
    ).run(in: registry)
    return HoursReportAnswer(
      report: AccountabilityReport(answer.review, period: period), policy: answer.policy)
  }
}

/// The answer of `ReportHours`.
public struct HoursReportAnswer: Hashable, Sendable {
  public var report: AccountabilityReport
  public var policy: PolicyChoice
}
