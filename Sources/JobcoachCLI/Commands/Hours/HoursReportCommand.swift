import JobcoachCore
import JobcoachStore

/// `jobcoach hours report`: the accountability report of a placement over a period.
struct HoursReportCommand: Command {
  static let spec = CommandSpec(
    name: "hours report",
    summary: "the accountability report of a period: hours per goal, reimbursable and not",
    synopsis:
      "PLACEMENT_ID --period START..END [--policy ID] [--format text|json|csv] "
      + "[--db PATH | --file FILE...]",
    positionals: 1...1,
    options: [
      .value("--period", "START..END", "the days the report covers, both included"),
      .policy, .value("--format", "FORMAT", "text, json or csv (default text)"), .database,
      .documents,
    ],
    discussion: """
      Sums the bookings of the period per goal of the coaching plan: booked, reimbursable, not
      reimbursable, and the amount at the grant's hourly rate. Every hour that is not
      reimbursed is listed with its rule and reason: outside the granted periods (F-2), no goal
      (P-2), reporting beyond 2 hours per report (P-3), an activity the protocol does not pay
      (P-4), an absence without written approval (P-5), coaching of the employer after 3 years
      (P-6), home-situation coaching not stated to be work-related (P-7). Hours during an
      absence with approval are reimbursed and listed, as the protocol asks.

      Hours are exact to the minute; an amount is the line's minutes times the rate, rounded
      half up to the cent once. The total is priced from the total hours.

      example: jobcoach hours report PL-2026-009 --period 2026-03-01..2026-08-31 --file Samples
      """)

  let placementID: PlacementID
  let period: DateInterval
  let policyID: PolicyID?
  let format: OutputFormat
  let arguments: ParsedArguments

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    placementID = PlacementID(rawValue: arguments.positionals[0])
    guard let text = arguments.value("--period") else {
      throw UsageError("missing --period START..END", command: Self.spec.name)
    }
    let parts = text.split(separator: ".", omittingEmptySubsequences: true)
    guard text.contains(".."), parts.count == 2, let start = CalendarDate(iso: parts[0]),
      let end = CalendarDate(iso: parts[1])
    else {
      throw UsageError(
        "--period takes two dates as START..END (2026-01-01..2026-06-30), not '\(text)'",
        command: Self.spec.name)
    }
    guard start <= end else {
      throw UsageError(
        "the period ends (\(end)) before it starts (\(start))", command: Self.spec.name)
    }
    period = DateInterval(start: start, end: end)
    policyID = arguments.value("--policy").map(PolicyID.init(rawValue:))
    format = try OutputFormat.parse(
      arguments.value("--format"), allowed: OutputFormat.allCases, command: Self.spec.name)
  }

  func run(_ context: CommandContext) throws -> Int32 {
    if let end = period.end { try CommandContext.accept(end, option: "--period") }
    let answer = try ReportHours(placement: placementID, period: period, policy: policyID)
      .run(in: try context.openRegistry(arguments))
    switch format {
    case .json: context.print(JSONWriter.string(Self.json(answer)))
    case .csv: context.print(Self.csv(answer.report))
    case .text: context.print(Self.text(answer))
    }
    return ExitCode.success
  }

  static func goalsLabel(_ line: AccountabilityReport.Line) -> String {
    line.goals.isEmpty ? "(no goal)" : line.goals.map(\.rawValue).joined(separator: "+")
  }

  static func json(_ answer: HoursReportAnswer) -> JSONValue {
    let report = answer.report
    return .object([
      "placement": JSONValue(report.placement.rawValue),
      "policy": PolicyRendering.json(answer.policy),
      "period": .object([
        "start": JSONValue(report.period.start), "end": JSONValue(report.period.end),
      ]),
      "hourlyRateCents": JSONValue(report.hourlyRate.cents),
      "lines": .array(
        report.lines.map { line in
          .object([
            "goals": .array(line.goals.map { JSONValue($0.rawValue) }),
            "categories": .array(line.categories.map { JSONValue($0.rawValue) }),
            "booked": JSONValue(line.booked),
            "reimbursable": JSONValue(line.reimbursable),
            "notReimbursable": JSONValue(line.notReimbursable),
            "amountCents": JSONValue(line.amount.cents),
          ])
        }),
      "notReimbursed": .array(
        report.exclusions.map {
          .object([
            "booking": JSONValue($0.booking.rawValue), "date": JSONValue($0.date),
            "hours": JSONValue($0.hours), "rule": JSONValue($0.rule.rawValue),
            "reason": JSONValue($0.reason),
          ])
        }),
      "duringApprovedAbsence": .array(
        report.duringApprovedAbsence.map {
          .object([
            "booking": JSONValue($0.id.rawValue), "date": JSONValue($0.date),
            "hours": JSONValue($0.hours),
          ])
        }),
      "totals": .object([
        "booked": JSONValue(report.booked),
        "reimbursable": JSONValue(report.reimbursable),
        "notReimbursable": JSONValue(report.notReimbursable),
        "amountCents": JSONValue(report.amount.cents),
      ]),
    ])
  }

  static func csv(_ report: AccountabilityReport) -> String {
    var text = CSV.line([
      "goals", "categories", "booked_hours", "reimbursable_hours", "not_reimbursable_hours",
      "amount_cents",
    ])
    for line in report.lines {
      text += CSV.line([
        goalsLabel(line), line.categories.map(\.rawValue).joined(separator: "+"),
        line.booked.decimalText, line.reimbursable.decimalText, line.notReimbursable.decimalText,
        String(line.amount.cents),
      ])
    }
    text += CSV.line([
      "total", "", report.booked.decimalText, report.reimbursable.decimalText,
      report.notReimbursable.decimalText, String(report.amount.cents),
    ])
    return text
  }

  static func text(_ answer: HoursReportAnswer) -> String {
    let report = answer.report
    var text =
      "accountability report of placement \(report.placement), \(report.period)\n"
      + "policy: \(PolicyRendering.text(answer.policy, on: report.period.end!))\n"
      + "hourly rate: \(report.hourlyRate)\n\n"
    var rows = [["goals", "category", "booked", "reimbursable", "not", "amount"]]
    for line in report.lines {
      rows.append([
        goalsLabel(line), line.categories.map(\.title).joined(separator: " + "),
        line.booked.decimalText, line.reimbursable.decimalText, line.notReimbursable.decimalText,
        line.amount.description,
      ])
    }
    rows.append([
      "total", "", report.booked.decimalText, report.reimbursable.decimalText,
      report.notReimbursable.decimalText, report.amount.description,
    ])
    text += TextTable.render(rows)
    if !report.exclusions.isEmpty {
      text += "\nnot reimbursed:\n"
      for exclusion in report.exclusions {
        text +=
          "  \(exclusion.date)  \(exclusion.booking)  \(exclusion.hours) h  \(exclusion.rule)  "
          + "\(exclusion.reason)\n"
      }
    }
    if !report.duringApprovedAbsence.isEmpty {
      text +=
        "\nduring an absence, with the funder's written approval (P-5), aimed at return to work:\n"
      for booking in report.duringApprovedAbsence {
        text += "  \(booking.date)  \(booking.id)  \(booking.hours) h\n"
      }
    }
    return text
  }
}
