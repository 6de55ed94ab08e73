import JobcoachCore

/// De woorden van het product in het Nederlands, met de termen van de woordenlijst
/// (`glossary-nl.md`): data in woorden (`1 juli 2026`), bedragen `€ 4.500,00`, uren `2,5 uur`.
struct Dutch: Wording {
  var language: Language { .nl }

  func date(_ date: CalendarDate) -> String { Localised.date(date, .nl) }

  func interval(_ interval: DateInterval) -> String {
    guard let end = interval.end else { return "vanaf \(date(interval.start))" }
    return "\(date(interval.start)) t/m \(date(end))"
  }

  func hours(_ hours: Hours) -> String { Localised.hours(hours, .nl) }
  func number(_ hours: Hours) -> String {
    String(hours.decimalText.map { $0 == "." ? "," : $0 })
  }

  func list(_ items: [String], _ conjunction: String) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
  }

  /// `een gemeentelijke jobcoach`, `een interne jobcoach`, `een externe jobcoach`.
  func withArticle(_ kind: CoachKind) -> String { "een " + Words.kind(kind, .nl) }

  func organisationKind(_ kind: OrganisationKind) -> String {
    switch kind {
    case .municipality: "gemeente"
    case .employer: "werkgever"
    case .coachingOrganisation: "jobcoachorganisatie"
    case .selfEmployed: "zelfstandige jobcoach (zzp'er)"
    }
  }

  func qualificationKind(_ kind: QualificationKind) -> String {
    switch kind {
    case .hboDiploma: "hbo-diploma"
    case .hboLevel: "hbo werk- en denkniveau (vastgesteld)"
    case .jobcoachTraining: "certificaat of diploma jobcoachmodule"
    case .inCompanyTraining: "incompany-training jobcoach"
    case .workplaceGuidanceTraining: "training begeleiden van werknemers met een beperking"
    case .workInstructionExperience: "ervaring met het geven van werkinstructies"
    }
  }

  func document(_ evidence: EvidenceReference) -> String {
    "bewijsstuk '\(evidence.documentID)' van \(evidence.issuer)"
  }

  func activity(_ activity: BookedActivity) -> String {
    switch activity {
    case .coaching: "begeleiding"
    case .reporting: "verantwoordingsrapportage"
    case .administration: "eigen bedrijfsvoering"
    case .travel: "reistijd"
    case .handover: "overdracht aan een andere jobcoach"
    case .ownTraining: "eigen (bij)scholing"
    case .intervision: "intervisie"
    case .mediationToOtherWork: "bemiddeling naar ander werk"
    default: "'\(activity.rawValue)'"
    }
  }

  func role(_ role: AssignmentRole) -> String { role == .main ? "jobcoach" : "terugvalcoach" }

  func status(_ status: MembershipStatus) -> String {
    switch status {
    case .applicant: "aangemeld"
    case .registered: "ingeschreven"
    case .assessmentDue: "portfoliobeoordeling nodig"
    case .suspended: "geschorst"
    case .removed: "uitgeschreven"
    }
  }

  func party(_ party: PlanParty) -> String { Words.party(party, .nl) }

  func evidence(_ facts: EvidenceItem.Facts) -> String {
    switch facts {
    case .booking(let id, let date, let hours, let activity):
      "\(id) op \(self.date(date)): \(self.hours(hours)) \(self.activity(activity))"
    case .policy(let name, let effectiveFrom): "\(name), geldig vanaf \(date(effectiveFrom))"
    case .employment(let kind, let organisation, let period):
      "\(Words.kind(kind, .nl)) bij \(self.organisation(organisation)), \(interval(period))"
    case .qualification(let q):
      "\(qualificationKind(q.kind)): \(q.title), afgegeven op \(date(q.issuedOn)) door \(q.issuer)"
        + (q.expiresOn.map { ", geldig t/m \(date($0))" } ?? "")
        + (q.evidence.map { "; \(document($0))" } ?? "")
    case .recognition(let r, let organisation):
      "erkenning door UWV (erkenningskader \(r.framework)) van \(organisation), geldig "
        + interval(DateInterval(start: r.validFrom, end: r.validUntil)) + "; \(document(r.evidence))"
        + (r.withdrawnOn.map { "; ingetrokken op \(date($0))" } ?? "")
    case .document(let evidence): document(evidence)
    case .exemption(let perWeek, let evidence): "\(hours(perWeek)) per week; \(document(evidence))"
    case .assignment(let role, let days, let organisation):
      "\(self.role(role)) \(interval(days))"
        + (organisation.map { " namens \(self.organisation($0))" } ?? "")
    case .diploma(let education, let known, let issuedOn, let evidence):
      "diploma \(known ? education : "'\(education)'"), afgegeven op \(date(issuedOn)); "
        + document(evidence)
    case .experience(let hours, let period, let description):
      "\(self.hours(hours)), \(interval(period)): \(description)"
    case .plan(let agreedOn, let parties, let goals):
      "coachingsplan op \(date(agreedOn)) ondertekend door \(list(parties.map(party), "en")), "
        + count(goals, "doel", "doelen")
    case .approvedAbsence(let reason, let period, let approvedOn, let evidence):
      "\(Words.absence(reason, .nl)) \(interval(period)), schriftelijke instemming op "
        + "\(date(approvedOn)) (\(document(evidence)))"
    case .decision(let id, let outcome, let bookings):
      "besluit \(id): \(outcome == .accept ? "geaccepteerd" : "afgewezen") \(ids(bookings))"
    case .grantPeriod(let period, let amount):
      "periode \(interval(period))" + (amount.map { ", \(money($0)) toegekend" } ?? "")
    case .contactWindow(let days, let visits):
      "\(interval(days)): \(count(visits, "bezoek", "bezoeken"))"
    case .motivation(let summary, let evidence): "\(summary) (\(document(evidence)))"
    case .motivatedPlacement(let placement, let summary): "plaatsing \(placement): \(summary)"
    case .registration(let name, let id, let status, let date, let period, let days, let until):
      "\(name) (\(id)): \(status.map(statusWord) ?? "nog niet ingeschreven") op \(self.date(date)), "
        + "registratieperiode \(period) (\(interval(days)))"
        + (until.map { ", geldig t/m \(self.date($0))" } ?? "")
    }
  }

  /// A status code of the register's word (`registered`, `lapsed`, ...) in Dutch.
  func statusWord(_ code: String) -> String {
    if code == "lapsed" { return "verlopen" }
    return MembershipStatus(rawValue: code).map(status) ?? code
  }
}
