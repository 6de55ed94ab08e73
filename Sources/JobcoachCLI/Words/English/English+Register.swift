import JobcoachCore

extension English {
  func register(_ reason: RegisterReason) -> String {
    switch reason {
    case .educationCompleted(let title, let provider, let date):
      "completed \(title) (\(provider)) on \(date), recognised by the association on that date"
    case .noRecognisedEducation(let shortfalls):
      "no completed jobcoach education recognised by the association: "
        + (shortfalls.isEmpty
          ? "no jobcoach education diploma on record"
          : shortfalls.map(education).joined(separator: "; "))
    case .experience(let total, let required, let missing, let diploma, let later, let date):
      (missing.map {
        "\(hours(total)) of work experience as a jobcoach; \(number(required)) needed, "
          + "\(number($0)) missing"
      } ?? "\(hours(total)) of work experience as a jobcoach, at least \(number(required))")
        + (diploma.map {
          " (\($0.register) asks \(number(required)) with a diploma of \($0.education))"
        } ?? "")
        + (later > 0
          ? " (\(later) entr\(later == 1 ? "y ends" : "ies end") after \(date) and do not count "
            + "yet)"
          : "")
    case .assessmentSufficient(let missing, let judgedOn):
      "admitted earlier without meeting \(ids(missing)); the portfolio assessment of "
        + "\(judgedOn) was sufficient"
    case .assessmentInsufficient(let judgedOn, let deadline, let overdue, let points):
      "the portfolio assessment of \(judgedOn) was insufficient"
        + (deadline.map { ", to be improved by \($0)" } ?? "")
        + (overdue ? " (the deadline has passed)" : "") + "; points to improve: "
        + (points ?? "not named")
    case .assessmentDue(let missing):
      "admitted earlier and does not meet the current entry requirements (\(ids(missing))): "
        + "a portfolio assessment is due"
    case .activityWithoutEvidence(let id, let title, let hours):
      "activity '\(id)' (\(title)) has no evidence (a certificate or attendance record); its "
        + "\(self.hours(hours)) do not count"
    case .sameActivity(let id, let title, let first):
      "activity '\(id)' (\(title)) is the same as '\(first)'; it counts once"
    case .claimReduced(let id, let title, let claimed, let worth):
      "activity '\(id)' (\(title)): claims \(hours(claimed)), the accreditation is worth "
        + "\(hours(worth)); \(number(worth)) count"
    case .claimNotAccredited(let id, let title, let shortfall, let hours):
      "activity '\(id)' (\(title)) is claimed as accredited but \(claim(shortfall)); its "
        + "\(self.hours(hours)) count as free hours"
    case .totalHours(let counted, let required, let cycle, let shortfall):
      shortfall == nil
        ? "\(hours(counted)) count in the cycle \(interval(cycle)), at least \(number(required))"
        : "\(number(counted)) of \(hours(required)) count in the cycle \(interval(cycle))"
          + missing(shortfall)
    case .practiceHours(let worked, let required, let shortfall):
      "\(number(worked)) practice hours in the cycle, \(number(required)) required"
        + missing(shortfall)
    case .accreditedHours(let accredited, let minimum, let shortfall):
      "\(number(accredited)) accredited hours, at least \(number(minimum))"
        + (shortfall == nil ? "" : " needed" + missing(shortfall))
    case .freeHours(let free, let counted, let maximum):
      free > maximum
        ? "\(number(free)) free hours, of which \(number(counted)) count (at most "
          + "\(number(maximum))); \(number(free - maximum)) do not count"
        : "\(number(free)) free hours, all count (at most \(number(maximum)))"
    case .lapsed(let number, let date, let reason, let final):
      "register number \(number) lapsed on \(date): \(lapse(reason))"
        + (final ? "; only a new admission brings the coach back" : "")
    case .registered(let number, let since, let until):
      "registered coach \(number) since \(since), valid until \(until)"
    case .status(let number, let status, let date):
      "register number \(number) is \(self.status(status)) on \(date)"
    case .notYetRegistered(let number, let date):
      "register number \(number) is not yet valid on \(date)"
    case .numberUnchecked(let number):
      "gives register number \(number), but no public register has been imported to check it"
    case .numberNotPublished(let number, let publishedOn):
      "register number \(number) is not in the public register of \(publishedOn)"
    case .numberOfAnotherName(let number, let publishedOn):
      "register number \(number) belongs to another name in the public register of "
        + "\(publishedOn); check the coach's identity"
    case .publishedStatus(let number, let status, let publishedOn):
      "register number \(number) is \(self.status(status)) in the public register of \(publishedOn)"
    case .publishedUntil(let number, let until, let publishedOn):
      "register number \(number) was valid until \(until) in the public register of \(publishedOn)"
    case .publishedRegistered(let number, let since, let until, let publishedOn):
      "registered coach \(number) since \(since)" + (until.map { ", valid until \($0)" } ?? "")
        + ", in the public register of \(publishedOn)"
    }
  }

  func missing(_ shortfall: Shortfall?) -> String {
    guard let shortfall else { return "" }
    return "; \(number(shortfall.missing)) missing"
      + (shortfall.byWhen.map { " by \($0) (\(shortfall.daysLeft) days left)" } ?? "")
  }

  func education(_ shortfall: EducationShortfall) -> String {
    switch shortfall {
    case .issuedOnlyOn(let id, let date): "the diploma of '\(id)' is issued only on \(date)"
    case .notOnList(let id): "'\(id)' is not on the association's list of educations"
    case .notRecognisedByRegister(let title, let register): "\(title) is not recognised by \(register)"
    case .recognisedOtherwise(let title, let recognition, let diplomaDate):
      "\(title) was recognised \(interval(recognition)), not on the diploma date \(diplomaDate)"
    }
  }

  func claim(_ shortfall: ClaimShortfall) -> String {
    switch shortfall {
    case .noCode: "it has no accreditation code"
    case .notInCatalogue(let code): "its accreditation code '\(code)' is not in the catalogue"
    case .notValidOn(let code, let validity, let date):
      "its accreditation code '\(code)' is valid \(interval(validity)), not on \(date)"
    }
  }

  func activity(_ note: ActivityJudgement.Note) -> String {
    switch note {
    case .outsideCycle(let cycle): "outside the cycle \(interval(cycle))"
    case .afterDate(let date): "after the date judged on (\(date)): not yet spent"
    case .noEvidence: "no evidence (a certificate or attendance record): not demonstrable"
    case .sameAs(let first):
      "the same activity as '\(first)' (code or title, date and evidence): counted once"
    case .reduced(let claimed, let worth):
      "claims \(hours(claimed)), the accreditation is worth \(hours(worth)); \(number(worth)) count"
    case .countedAsFree(let shortfall): "\(claim(shortfall)); counted as free hours"
    }
  }

  func lapse(_ reason: LapseReason) -> String {
    switch reason {
    case .assessmentDeadlinePassed:
      "the deadline of an insufficient portfolio assessment passed without a sufficient one"
    case .notRenewed(let period, let days, let graceEnds):
      "period \(period) (\(interval(days))) was not renewed"
        + (graceEnds.map { "; a late renewal is possible until \($0)" } ?? "")
    }
  }
}
