import JobcoachCore

/// The product's words in English. Dates stay ISO (`2026-07-01`) in English sentences, as a
/// caseworker's tools read them; amounts `EUR 4,500.00`.
struct English: Wording {
  var language: Language { .en }

  func date(_ date: CalendarDate) -> String { date.description }

  func interval(_ interval: DateInterval) -> String {
    "\(interval.start) to \(interval.end.map(String.init(describing:)) ?? "open end")"
  }

  func hours(_ hours: Hours) -> String { Localised.hours(hours, .en) }
  func number(_ hours: Hours) -> String { hours.decimalText }

  func list(_ items: [String], _ conjunction: String) -> String {
    items.joined(separator: " \(conjunction) ")
  }

  /// `a municipal coach`, `an internal coach`, `an external coach`.
  func withArticle(_ kind: CoachKind) -> String {
    kind == .municipal ? "a municipal coach" : "an \(kind.rawValue) coach"
  }

  func organisationKind(_ kind: OrganisationKind) -> String {
    switch kind {
    case .municipality: "municipality"
    case .employer: "employer"
    case .coachingOrganisation: "coaching organisation"
    case .selfEmployed: "self-employed coach"
    }
  }

  func qualificationKind(_ kind: QualificationKind) -> String {
    switch kind {
    case .hboDiploma: "hbo diploma"
    case .hboLevel: "hbo working-and-thinking level (assessed)"
    case .jobcoachTraining: "jobcoach training certificate or diploma"
    case .inCompanyTraining: "in-company jobcoach training"
    case .workplaceGuidanceTraining: "training to guide workers with a limitation"
    case .workInstructionExperience: "experience giving work instructions"
    }
  }

  func document(_ evidence: EvidenceReference) -> String {
    "document '\(evidence.documentID)' issued by \(evidence.issuer)"
  }

  func activity(_ activity: BookedActivity) -> String {
    switch activity {
    case .coaching: "coaching"
    case .reporting: "accountability report"
    case .administration: "administration"
    case .travel: "travel time"
    case .handover: "handover to another coach"
    case .ownTraining: "the coach's own training"
    case .intervision: "intervision"
    case .mediationToOtherWork: "mediation to other work"
    default: "'\(activity.rawValue)'"
    }
  }

  /// A membership status in words: `assessment due`, never the code `assessment-due`.
  func status(_ status: MembershipStatus) -> String {
    switch status {
    case .applicant: "applicant"
    case .registered: "registered"
    case .assessmentDue: "assessment due"
    case .suspended: "suspended"
    case .removed: "removed"
    }
  }

  func role(_ role: AssignmentRole) -> String { role == .main ? "main coach" : "stand-in coach" }

  func evidence(_ facts: EvidenceItem.Facts) -> String {
    switch facts {
    case .booking(let id, let date, let hours, let activity):
      "\(id) on \(date): \(self.hours(hours)) \(self.activity(activity))"
    case .policy(let name, let effectiveFrom): "\(name), in force from \(effectiveFrom)"
    case .employment(let kind, let organisation, let period):
      "\(kind.rawValue) coach at \(self.organisation(organisation)), \(interval(period))"
    case .qualification(let q):
      "\(qualificationKind(q.kind)): \(q.title), issued \(q.issuedOn) by \(q.issuer)"
        + (q.expiresOn.map { ", valid through \($0)" } ?? "")
        + (q.evidence.map { "; \(document($0))" } ?? "")
    case .recognition(let r, let organisation):
      "UWV recognition (framework \(r.framework)) of \(organisation), valid "
        + interval(DateInterval(start: r.validFrom, end: r.validUntil)) + "; \(document(r.evidence))"
        + (r.withdrawnOn.map { "; withdrawn on \($0)" } ?? "")
    case .document(let evidence): document(evidence)
    case .exemption(let perWeek, let evidence): "\(hours(perWeek)) a week; \(document(evidence))"
    case .assignment(let role, let days, let organisation):
      "\(self.role(role)) \(interval(days))"
        + (organisation.map { " for \(self.organisation($0))" } ?? "")
    case .diploma(let education, let known, let issuedOn, let evidence):
      "diploma of \(known ? education : "'\(education)'"), issued \(issuedOn); \(document(evidence))"
    case .experience(let hours, let period, let description):
      "\(self.hours(hours)), \(interval(period)): \(description)"
    case .plan(let agreedOn, let parties, let goals):
      "coaching plan agreed on \(agreedOn) by \(ids(parties)), \(count(goals, "goal", "goals"))"
    case .approvedAbsence(let reason, let period, let approvedOn, let evidence):
      "\(Words.absence(reason, .en)) \(interval(period)), approved on \(approvedOn) "
        + "(\(document(evidence)))"
    case .decision(let id, let outcome, let bookings):
      "decision \(id): \(outcome == .accept ? "accepted" : "rejected") \(ids(bookings))"
    case .grantPeriod(let period, let amount):
      "period \(interval(period))" + (amount.map { ", \(money($0)) granted" } ?? "")
    case .contactWindow(let days, let visits):
      "\(interval(days)): \(count(visits, "visit", "visits"))"
    case .motivation(let summary, let evidence): "\(summary) (\(document(evidence)))"
    case .motivatedPlacement(let placement, let summary): "placement \(placement): \(summary)"
    case .registration(let name, let id, let status, let date, let period, let days, let until):
      "\(name) (\(id)): \(status.map(statusWord) ?? "not yet registered") on \(date), period \(period) "
        + "(\(interval(days)))" + (until.map { ", valid until \($0)" } ?? "")
    }
  }

  /// A status code of the register's word (`registered`, `lapsed`, ...) in words.
  func statusWord(_ code: String) -> String {
    MembershipStatus(rawValue: code).map(status) ?? code
  }
}
