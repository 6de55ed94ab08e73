import JobcoachCore

extension English {
  func deadline(_ detail: Deadline.Detail) -> String {
    switch detail {
    case .lateReregistration(let number, let period, let days):
      "late re-registration of \(number): period \(period) (\(interval(days))) lapsed; the grace "
        + "period ends (R-RE-3)"
    case .reregistration(let number, let period, let days):
      "re-registration of \(number): cycle \(period) (\(interval(days))) ends"
    case .improvedPortfolio(let number): "improved portfolio due for \(number) (R-ASM-1)"
    case .recognitionEnds(let framework, let document):
      "UWV recognition (framework \(framework), \(document)) ends"
    case .qualificationExpires(let title, let issuer): "\(title) (\(issuer)) expires"
    }
  }

  func stage(_ stage: ReminderStage) -> String {
    switch stage.unit {
    case .months: count(stage.amount, "month", "months")
    case .weeks: count(stage.amount, "week", "weeks")
    case .days: count(stage.amount, "day", "days")
    }
  }
}
