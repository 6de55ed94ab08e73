import JobcoachCore
import JobcoachStore

/// `jobcoach placement show`: a placement's grant, plan, hours, budget and contact frequency,
/// and every finding of the funding (F), protocol (P) and package (K) rules.
struct PlacementShowCommand: Command {
  static let spec = CommandSpec(
    name: "placement show",
    summary: "a placement's grant, plan, hours, budget per year, contacts and findings",
    synopsis:
      "PLACEMENT_ID [--on DATE] [--policy ID] [--format text|json] [--db PATH | --file FILE...]",
    positionals: 1...1,
    options: [
      .date, .policy, .value("--format", "FORMAT", "text or json (default text)"),
      Language.option, .database,
      .documents,
    ],
    discussion: """
      Shows the placement as it stands on the date: its coach, guidance level and half-year
      periods with their results, the coaching plan, the hours booked up to the date and how
      many are reimbursable, the budget used and left per framework year (years 1 and 2 as one
      line where the policy lets money shift between them), the contact frequency its package
      promises, and every finding: F-1..F-6 on the grant and the spending, P-1..P-8 on the plan
      and the bookings, K-1..K-6 on the package's contacts.

      exit codes: 0 no finding is an error, 1 some are, 64 usage, 65 unknown placement or
      policy, 66 registry missing.

      example: jobcoach placement show PL-2026-009 --on 2026-11-23 --file Samples
      """)

  let placementID: PlacementID
  let policyID: PolicyID?
  let format: OutputFormat
  let arguments: ParsedArguments

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    placementID = PlacementID(rawValue: arguments.positionals[0])
    policyID = arguments.value("--policy").map(PolicyID.init(rawValue:))
    format = try OutputFormat.parse(
      arguments.value("--format"), allowed: [.text, .json], command: Self.spec.name)
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let date = try context.date(arguments, command: Self.spec.name)
    let answer = try ReviewPlacement(placement: placementID, policy: policyID, on: date)
      .run(in: try context.openRegistry(arguments))
    let view = PlacementView(
      answer: answer, words: try context.words(arguments, command: Self.spec.name, format: format))
    switch format {
    case .json: context.print(JSONWriter.string(view.json))
    default: context.print(view.text)
    }
    return answer.review.isInOrder ? ExitCode.success : ExitCode.findings
  }
}

/// How a placement review reads, in JSON and in text.
struct PlacementView {
  let answer: PlacementReviewAnswer
  let words: any Wording

  var review: PlacementReview { answer.review }
  var coach: Coach? { answer.coach }
  var employer: Organisation? { answer.employer }
  var placement: Placement { review.placement }

  /// The lead coach, as before assignments.
  var coachJSON: JSONValue {
    guard let id = placement.leadCoach else { return .null }
    return .object([
      "id": JSONValue(id.rawValue), "name": JSONValue(coach?.name),
      "kind": JSONValue(review.dossier.coachKind?.rawValue),
    ])
  }

  func assignmentJSON(_ assignment: Assignment) -> JSONValue {
    .object([
      "coach": JSONValue(assignment.coach.rawValue),
      "name": JSONValue(answer.coaches[assignment.coach]?.name),
      "organisation": JSONValue(assignment.organisation?.rawValue),
      "from": JSONValue(assignment.period.start), "until": JSONValue(assignment.period.end),
      "role": JSONValue(assignment.role.rawValue),
    ])
  }

  /// Every part held for the funder (F-7), with the decision once made.
  var heldJSON: JSONValue {
    var parts: [JSONValue] = []
    for assessment in review.assessments {
      for part in assessment.held {
        parts.append(
          HoursReportCommand.json(
            AccountabilityReport.Held(
              booking: assessment.booking.id, date: assessment.booking.date, rule: part.rule,
              hours: part.hours, reason: part.reason, decision: part.decision), words))
      }
    }
    return .array(parts)
  }

  var json: JSONValue {
    let grant = placement.grant
    return .object([
      "placement": JSONValue(placement.id.rawValue),
      "on": JSONValue(review.date),
      "inOrder": JSONValue(review.isInOrder),
      "worker": JSONValue(placement.worker.rawValue),
      "employer": JSONValue(placement.employer.rawValue),
      "municipality": JSONValue(placement.municipality?.rawValue),
      "start": JSONValue(placement.period.start),
      "end": JSONValue(placement.period.end),
      "coach": coachJSON,
      "assignments": .array(placement.assignments.map(assignmentJSON)),
      "policy": PolicyRendering.json(answer.policy),
      "grant": grant.map { grant in
        .object([
          "level": JSONValue(grant.level.rawValue),
          "hourlyRateCents": JSONValue(grant.hourlyRate.cents),
          "package": JSONValue(grant.package?.rawValue),
          "motivation": grant.motivation.map {
            .object([
              "documentId": JSONValue($0.evidence.documentID),
              "issuer": JSONValue($0.evidence.issuer), "summary": JSONValue($0.summary),
            ])
          } ?? .null,
          "periods": .array(
            grant.periods.map {
              .object([
                "start": JSONValue($0.start), "end": JSONValue($0.end),
                "amountCents": $0.amount.map { JSONValue($0.cents) } ?? .null,
                "result": JSONValue($0.result?.rawValue),
              ])
            }),
        ])
      } ?? .null,
      "plan": placement.plan.map { plan in
        .object([
          "agreedOn": JSONValue(plan.agreedOn),
          "agreedBy": .array(plan.agreedBy.sorted().map { JSONValue($0.rawValue) }),
          "goals": .array(
            plan.goals.map {
              .object([
                "id": JSONValue($0.id.rawValue), "category": JSONValue($0.category.rawValue),
                "description": JSONValue($0.description),
                "activities": .array($0.activities.map(JSONValue.init)),
              ])
            }),
        ])
      } ?? .null,
      "absences": .array(
        placement.absences.map {
          .object([
            "from": JSONValue($0.period.start), "until": JSONValue($0.period.end),
            "reason": JSONValue($0.reason.rawValue),
            "approvedOn": JSONValue($0.approval?.approvedOn),
          ])
        }),
      "hours": .object([
        "booked": JSONValue(review.booked),
        "reimbursable": JSONValue(review.reimbursable),
        "notReimbursable": JSONValue(review.booked - review.reimbursable),
        "awaitingDecision": JSONValue(review.awaitingDecision),
        "amountCents": JSONValue(review.amount.cents),
        "amountsExcludeVAT": JSONValue(true),
      ]),
      "held": heldJSON,
      "budget": .array(
        review.budget.map { use in
          .object([
            "years": JSONValue(English().years(use.row.years)),
            "start": JSONValue(use.row.days.start), "end": JSONValue(use.row.days.end),
            "maximumCents": use.row.maximum.map { JSONValue($0.cents) } ?? .null,
            "grantedCents": use.row.granted.map { JSONValue($0.cents) } ?? .null,
            "limitCents": JSONValue(use.row.limit.cents),
            "spentCents": JSONValue(use.spent.cents),
            "leftCents": JSONValue(use.left.cents),
          ])
        }),
      "contactFrequency": .array(
        review.contactWindows.map {
          .object([
            "rule": JSONValue($0.rule.rawValue), "start": JSONValue($0.days.start),
            "end": JSONValue($0.days.end), "contacts": JSONValue($0.contacts),
            "required": JSONValue($0.required), "met": JSONValue($0.isMet),
          ])
        }),
      "findings": .array(review.findings.map { FindingRendering.json($0, words) }),
    ])
  }

  var text: String {
    let failing = Array(Set(review.findings.filter { $0.severity == .error }.map(\.rule)))
      .sorted().map(\.rawValue)
    let w = words
    let d = w.date
    var text =
      review.isInOrder
      ? w.say("IN ORDER: placement", "IN ORDE: plaatsing") + " \(placement.id) "
        + w.say("on", "op") + " \(d(review.date))\n"
      : w.say("NOT IN ORDER: placement", "NIET IN ORDE: plaatsing") + " \(placement.id) "
        + w.say("on", "op") + " \(d(review.date)); " + w.say("not met: ", "niet voldaan: ")
        + failing.joined(separator: ", ") + "\n"
    text +=
      w.say("worker", "werknemer") + " \(placement.worker) " + w.say("at", "bij") + " "
      + "\(employer?.name ?? placement.employer.rawValue) "
      + "(\(placement.employer)), \(w.interval(placement.period))\n"
    if let id = placement.leadCoach {
      text += w.say("coach", "jobcoach") + ": \(coach?.name ?? w.say("unknown", "onbekend")) (\(id))"
      text +=
        review.dossier.coachKind.map {
          ", " + (w.language == .nl ? Dutch().withArticle($0) : English().withArticle($0))
        } ?? ""
      text += "\n"
    }
    if placement.assignments.count > 1 || placement.assignments.first?.organisation != nil {
      text += w.say("assignments:", "inzet:") + "\n"
      for assignment in placement.assignments {
        let name = answer.coaches[assignment.coach]?.name ?? w.say("unknown", "onbekend")
        let role =
          assignment.role == .main
          ? w.say("main    ", "jobcoach    ") : w.say("stand-in", "terugvalcoach")
        text +=
          "  \(role) \(name) (\(assignment.coach)), \(w.interval(placement.days(of: assignment)))"
          + (assignment.organisation.map { w.say(", for ", ", namens ") + "\($0)" } ?? "") + "\n"
      }
    }
    text += w.say("policy: ", "beleid: ") + "\(PolicyRendering.text(answer.policy, on: review.date, w))\n"
    if let grant = placement.grant {
      text +=
        w.say("grant: ", "toekenning: ") + Words.level(grant.level, w.language) + ", "
        + (grant.hourlyRate == .zero
          ? w.say("no hourly rate", "geen uurtarief")
          : w.money(grant.hourlyRate) + w.say(" an hour", " per uur"))
        + (grant.package.map { ", \(Words.package($0, w.language))" } ?? "")
        + (grant.motivation.map { w.say(", motivated: ", ", gemotiveerd: ") + $0.summary } ?? "")
        + "\n"
      var rows = [
        ["  " + w.say("period", "periode"), w.say("granted", "toegekend"), w.say("result", "resultaat")]
      ]
      for period in grant.periods {
        let result =
          period.result.map { Words.result($0, w.language) }
          ?? (period.end < review.date
            ? w.say("NOT RECORDED", "NIET VASTGELEGD")
            : period.start > review.date ? "-" : w.say("running", "loopt"))
        rows.append(["  \(w.interval(period.period))", period.amount.map(w.money) ?? "-", result])
      }
      text += TextTable.render(rows)
    } else {
      text += w.say("grant: none recorded", "toekenning: niet vastgelegd") + "\n"
    }
    if let plan = placement.plan {
      text +=
        w.say("plan: agreed on ", "coachingsplan: ondertekend op ") + d(plan.agreedOn)
        + w.say(" by ", " door ")
        + plan.agreedBy.sorted().map { Words.party($0, w.language) }.joined(separator: ", ") + "\n"
      for goal in plan.goals {
        text += "  \(goal.id)  \(Words.category(goal.category, w.language)): \(goal.description)\n"
      }
    } else {
      text += w.say("plan: none recorded", "coachingsplan: niet vastgelegd") + "\n"
    }
    for absence in placement.absences {
      text +=
        w.say("absent: ", "afwezig: ") + "\(Words.absence(absence.reason, w.language)) "
        + w.interval(absence.period)
        + (absence.approval.map {
          w.say(", coaching approved on ", ", begeleiding met instemming van ") + d($0.approvedOn)
        } ?? "") + "\n"
    }
    let held = review.awaitingDecision
    text +=
      w.say("hours up to ", "uren t/m ") + "\(d(review.date)): "
      + w.say(
        "\(review.booked) booked, \(review.reimbursable) reimbursable (\(review.amount), excluding "
          + "VAT), \(review.booked - review.reimbursable) not reimbursed",
        "\(w.hours(review.booked)) geschreven, \(w.hours(review.reimbursable)) declarabel "
          + "(\(w.money(review.amount)), exclusief btw), "
          + "\(w.hours(review.booked - review.reimbursable)) niet declarabel")
      + (held == .zero
        ? ""
        : w.say(
          ", of which \(held) held for the funder's decision",
          ", waarvan \(w.hours(held)) ter beoordeling bij de financier")) + "\n"
    let heldParts = review.assessments.flatMap { assessment in
      assessment.held.map { (assessment.booking, $0) }
    }
    if !heldParts.isEmpty {
      text += w.say("held for the funder (F-7):", "ter beoordeling bij de financier (F-7):") + "\n"
      for (booking, part) in heldParts {
        text +=
          "  \(booking.date)  \(booking.id)  \(w.number(part.hours)) \(w.say("h", "uur"))  "
          + "\(part.rule)  " + HoursReportCommand.decisionText(part.decision, w) + "\n"
      }
    }
    if !review.budget.isEmpty {
      var rows = [
        [
          "  " + w.say("budget", "budget"), w.say("days", "dagen"), w.say("limit", "maximum"),
          w.say("spent", "besteed"), w.say("left", "over"),
        ]
      ]
      for use in review.budget {
        let years = w.language == .nl ? Dutch().years(use.row.years) : English().years(use.row.years)
        rows.append([
          "  \(years)", w.interval(use.row.days), w.money(use.row.limit), w.money(use.spent),
          w.money(use.left),
        ])
      }
      text += TextTable.render(rows)
    }
    let windowsByRule = Dictionary(grouping: review.contactWindows, by: \.rule)
    for rule in windowsByRule.keys.sorted() {
      let windows = windowsByRule[rule]!
      let short = windows.filter { !$0.isMet }
      text +=
        w.say("contacts ", "contacten ") + "\(rule): \(windows.count - short.count) "
        + w.say("of", "van de") + " \(windows.count) "
        + w.say("complete windows as the package promises", "volledige perioden zoals het pakket belooft")
        + "\n"
      for window in short {
        text +=
          "  " + w.say("SHORT", "TE WEINIG") + " \(w.interval(window.days)): \(window.contacts) "
          + w.say("of", "van") + " \(window.required)\n"
      }
    }
    text += "\n" + FindingRendering.text(review.findings, words)
    return text
  }
}
