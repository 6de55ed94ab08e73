import JobcoachCore
import JobcoachStore

/// `jobcoach hours report`: the accountability report of a placement over a period.
struct HoursReportCommand: Command {
  static let spec = CommandSpec(
    name: "hours report",
    summary: "the accountability report of a period: hours per goal, reimbursable and not",
    synopsis:
      "PLACEMENT_ID --period START..END [--on DATE] [--policy ID] [--format text|json|csv] "
      + "[--db PATH | --file FILE...]",
    positionals: 1...1,
    options: [
      .value("--period", "START..END", "the days the report covers, both included"),
      .value(
        "--on", "DATE",
        "the day the report is made: funder decisions recorded by then count (default: today)"),
      .policy, .value("--format", "FORMAT", "text, json or csv (default text)"), CSVDialect.option,
      Language.option, .database,
      .documents,
    ],
    discussion: """
      Sums the bookings of the period per goal of the coaching plan: booked, reimbursable, not
      reimbursable, and the amount at the grant's hourly rate. Every hour that is not
      reimbursed is listed with its rule and reason: booked by a coach not assigned that day
      (P-9), outside the granted periods (F-2), no goal (P-2), an activity the protocol does
      not pay (P-4), sickness without written approval before the day booked (P-5), coaching of
      the employer after 3 years (P-6), home-situation coaching not work-related (P-7). Hours
      held for the funder (F-7: reporting beyond 2 hours per report, an activity the protocol
      does not name, home-situation hours not stated to be work-related, coaching during a
      holiday) are listed with the decision once made ('jobcoach hours decide'). Hours during a
      sick leave with approval are reimbursed and listed, as the protocol asks. Amounts
      exclude VAT; a municipal coach's hours count at the policy's internal rate (F-4).

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
      throw UsageError(
        "missing --period START..END", nl: "--period BEGIN..EINDE ontbreekt",
        command: Self.spec.name)
    }
    let parts = text.split(separator: ".", omittingEmptySubsequences: true)
    guard text.contains(".."), parts.count == 2, let start = CalendarDate(iso: parts[0]),
      let end = CalendarDate(iso: parts[1])
    else {
      throw UsageError(
        "--period takes two dates as START..END (2026-01-01..2026-06-30), not '\(text)'",
        nl: "--period neemt twee datums als BEGIN..EINDE (2026-01-01..2026-06-30), niet '\(text)'",
        command: Self.spec.name)
    }
    guard start <= end else {
      throw UsageError(
        "the period ends (\(end)) before it starts (\(start))",
        nl: "de periode eindigt (\(end)) voordat die begint (\(start))", command: Self.spec.name)
    }
    period = DateInterval(start: start, end: end)
    policyID = arguments.value("--policy").map(PolicyID.init(rawValue:))
    format = try OutputFormat.parse(
      arguments.value("--format"), allowed: OutputFormat.allCases, command: Self.spec.name)
  }

  func run(_ context: CommandContext) throws -> Int32 {
    if let end = period.end { try CommandContext.accept(end, option: "--period") }
    let date = try context.date(arguments, command: Self.spec.name)
    let words = try context.words(
      arguments, command: Self.spec.name, format: format == .text ? .text : .json)
    let answer = try ReportHours(
      placement: placementID, period: period, policy: policyID, on: date
    ).run(in: try context.openRegistry(arguments))
    switch format {
    case .json: context.print(JSONWriter.string(Self.json(answer, words)))
    case .csv:
      context.print(
        try CSVDialect.parse(arguments, command: Self.spec.name).write(Self.csv(answer.report)))
    case .text: context.print(Self.text(answer, words))
    }
    return ExitCode.success
  }

  static func goalsLabel(_ line: AccountabilityReport.Line, _ w: any Wording = English())
    -> String
  {
    line.goals.isEmpty
      ? w.say("(no goal)", "(geen doel)") : line.goals.map(\.rawValue).joined(separator: "+")
  }

  static func json(_ answer: HoursReportAnswer, _ words: any Wording) -> JSONValue {
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
            "reason": JSONValue($0.reason.code), "message": JSONValue(words.booking($0.reason)),
          ])
        }),
      "held": .array(report.held.map { Self.json($0, words) }),
      "amountsExcludeVAT": JSONValue(true),
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

  /// Held hours (F-7) with the decision once made.
  static func json(_ held: AccountabilityReport.Held, _ words: any Wording) -> JSONValue {
    .object([
      "booking": JSONValue(held.booking.rawValue), "date": JSONValue(held.date),
      "hours": JSONValue(held.hours), "rule": JSONValue(held.rule.rawValue),
      "reason": JSONValue(held.reason.code), "message": JSONValue(words.booking(held.reason)),
      "decision": held.decision.map { decision in
        .object([
          "id": JSONValue(decision.id.rawValue), "outcome": JSONValue(decision.outcome.rawValue),
          "reason": JSONValue(decision.reason), "decidedBy": JSONValue(decision.decidedBy),
          "decidedOn": JSONValue(decision.decidedOn),
        ])
      } ?? .null,
    ])
  }

  /// A held part in words: `awaiting the funder's decision`, or the decision.
  static func decisionText(_ decision: FunderDecision?, _ w: any Wording) -> String {
    guard let decision else {
      return w.say("awaiting the funder's decision", "wacht op het besluit van de financier")
    }
    let accepted = decision.outcome == .accept
    return w.say(accepted ? "accepted" : "rejected", accepted ? "geaccepteerd" : "afgewezen")
      + w.say(" by ", " bij ") + "\(decision.id) " + w.say("of", "van") + " "
      + "\(w.date(decision.decidedOn)) (\(decision.decidedBy)): \(decision.reason)"
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

  static func text(_ answer: HoursReportAnswer, _ words: any Wording) -> String {
    let w = words
    let report = answer.report
    let hour = w.say("h", "uur")
    var text =
      w.say("accountability report of placement ", "verantwoordingsrapportage van plaatsing ")
      + "\(report.placement), \(w.interval(report.period))\n"
      + w.say("policy: ", "beleid: ") + PolicyRendering.text(answer.policy, on: report.period.end!, w)
      + "\n" + w.say("hourly rate: ", "uurtarief: ") + w.money(report.hourlyRate)
      + w.say("; amounts exclude VAT", "; bedragen exclusief btw") + "\n\n"
    var rows = [
      [
        w.say("goals", "doelen"), w.say("category", "categorie"), w.say("booked", "geschreven"),
        w.say("reimbursable", "declarabel"), w.say("not", "niet"), w.say("amount", "bedrag"),
      ]
    ]
    for line in report.lines {
      rows.append([
        goalsLabel(line, w),
        line.categories.map { Words.category($0, w.language) }.joined(separator: " + "),
        w.number(line.booked), w.number(line.reimbursable), w.number(line.notReimbursable),
        w.money(line.amount),
      ])
    }
    rows.append([
      w.say("total", "totaal"), "", w.number(report.booked), w.number(report.reimbursable),
      w.number(report.notReimbursable), w.money(report.amount),
    ])
    text += TextTable.render(rows)
    if !report.exclusions.isEmpty {
      text += "\n" + w.say("not reimbursed:", "niet declarabel:") + "\n"
      for exclusion in report.exclusions {
        text +=
          "  \(exclusion.date)  \(exclusion.booking)  \(w.number(exclusion.hours)) \(hour)  "
          + "\(exclusion.rule)  \(words.booking(exclusion.reason))\n"
      }
    }
    if !report.held.isEmpty {
      text +=
        "\n"
        + w.say(
          "held for the funder's decision (F-7):", "ter beoordeling bij de financier (F-7):")
        + "\n"
      for held in report.held {
        text +=
          "  \(held.date)  \(held.booking)  \(w.number(held.hours)) \(hour)  \(held.rule)  "
          + "\(words.booking(held.reason)); \(decisionText(held.decision, w))\n"
      }
    }
    if !report.duringApprovedAbsence.isEmpty {
      text +=
        "\n"
        + w.say(
          "during an absence, with the funder's written approval (P-5), aimed at return to work:",
          "tijdens verzuim, met schriftelijke instemming van de financier (P-5), gericht op "
            + "werkhervatting:") + "\n"
      for booking in report.duringApprovedAbsence {
        text += "  \(booking.date)  \(booking.id)  \(w.number(booking.hours)) \(hour)\n"
      }
    }
    return text
  }
}
