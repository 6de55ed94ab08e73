import JobcoachCore

extension Dutch {
  func deadline(_ detail: Deadline.Detail) -> String {
    switch detail {
    case .lateReregistration(let number, let period, let days):
      "late herregistratie van \(number): registratieperiode \(period) (\(interval(days))) is "
        + "verlopen; de termijn voor late herregistratie eindigt (R-RE-3)"
    case .reregistration(let number, let period, let days):
      "herregistratie van \(number): registratieperiode \(period) (\(interval(days))) eindigt"
    case .improvedPortfolio(let number): "verbeterd portfolio van \(number) moet binnen zijn (R-ASM-1)"
    case .recognitionEnds(let framework, let document):
      "erkenning door UWV (erkenningskader \(framework), \(document)) eindigt"
    case .qualificationExpires(let title, let issuer): "\(title) (\(issuer)) verloopt"
    }
  }

  func stage(_ stage: ReminderStage) -> String {
    switch stage.unit {
    case .months: count(stage.amount, "maand", "maanden")
    case .weeks: count(stage.amount, "week", "weken")
    case .days: count(stage.amount, "dag", "dagen")
    }
  }

  func deadlineKind(_ kind: Deadline.Kind) -> String {
    switch kind {
    case .reregistration: "herregistratie"
    case .recognitionEnd: "einde erkenning"
    case .qualificationExpiry: "kwalificatie verloopt"
    case .assessmentDue: "portfoliobeoordeling"
    }
  }
}
