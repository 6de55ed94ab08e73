import JobcoachCore
import JobcoachStore

/// `jobcoach export subject`: everything the registry holds about one coach (right of access).
struct ExportSubjectCommand: Command {
  static let spec = CommandSpec(
    name: "export subject",
    summary: "everything the registry holds about one coach, as JSON (right of access)",
    synopsis: "COACH_ID [--output FILE [--force]] [--db PATH]", positionals: 1...1,
    options: [
      .value(
        "--output", "FILE", "write to this new file, created with mode 0600 (default: stdout)"),
      .flag("--force", "replace FILE when it exists (a regular file; never through a link)"),
      .database,
    ],
    discussion: """
      The coach with employments, qualifications and register number; the portfolio
      (diplomas, experience, PE activities); the register memberships with their status history
      and assessments; the placements they coach and the hours they booked; and every audit
      record about them. Schemas/subject-export.schema.json. A file written with --output is
      readable by its owner only; an existing file is replaced only with --force, and a symbolic
      link is never followed.

      exit codes: 0 written, 65 no such coach, 66 registry missing, 70 registry unreadable,
      73 the output file exists without --force, is a link or not a plain file, or cannot be
      written.
      """)

  let arguments: ParsedArguments
  init(_ arguments: ParsedArguments) { self.arguments = arguments }

  func run(_ context: CommandContext) throws -> Int32 {
    let id = CoachID(rawValue: arguments.positionals[0])
    let store = try context.openRegistryFile(arguments, command: Self.spec.name)
    guard let subject = try store.subjectRecord(id) else {
      throw CLIError.badInput(
        "no coach with id '\(id)' in the registry",
        nl: "er is geen jobcoach met id '\(id)' in het register")
    }
    let text = JSONWriter.string(Self.json(subject))
    if let output = arguments.value("--output") {
      try FileSystem.writePrivately(text, to: output, replacing: arguments.flag("--force"))
      let w = try context.words(arguments, command: Self.spec.name, format: .text)
      context.print(
        w.say(
          "wrote everything about coach \(id) to '\(output)' (mode 0600)",
          "alles over jobcoach \(id) staat in '\(output)' (modus 0600)") + "\n")
    } else {
      context.print(text)
    }
    return ExitCode.success
  }

  static func json(_ subject: SubjectRecord) -> JSONValue {
    var coach = ShowCommand.json(subject.coach, placements: subject.placements)
    if case .object(var fields) = coach {
      fields.members.append(
        JSONObject.Member(key: "registerNumber", value: JSONValue(subject.coach.registerNumber)))
      coach = .object(fields)
    }
    let portfolio: JSONValue =
      subject.portfolio.map { portfolio in
        .object([
          "registeredSince": JSONValue(portfolio.registeredSince),
          "educations": .array(
            portfolio.educations.map {
              .object([
                "education": JSONValue($0.education.rawValue), "issuedOn": JSONValue($0.issuedOn),
                "evidence": JSONValue($0.evidence),
              ])
            }),
          "experience": .array(
            portfolio.experience.map {
              .object([
                "from": JSONValue($0.period.start), "until": JSONValue($0.period.end),
                "hours": JSONValue($0.hours), "description": JSONValue($0.description),
                "evidence": JSONValue($0.evidence),
              ])
            }),
          "peActivities": .array(
            portfolio.activities.map {
              .object([
                "id": JSONValue($0.id.rawValue), "date": JSONValue($0.date),
                "hours": JSONValue($0.hours), "title": JSONValue($0.title),
                "provider": JSONValue($0.provider), "category": JSONValue($0.category.rawValue),
                "accreditationCode": JSONValue($0.accreditationCode),
                "evidence": JSONValue($0.evidence),
              ])
            }),
        ])
      } ?? .null
    let memberships: JSONValue = .array(subject.memberships.map { Self.json(membership: $0) })
    return .object([
      "coach": coach,
      "portfolio": portfolio,
      "memberships": memberships,
      "bookings": .array(
        subject.bookings.map {
          .object([
            "id": JSONValue($0.id.rawValue), "placement": JSONValue($0.placement.rawValue),
            "date": JSONValue($0.date), "hours": JSONValue($0.hours),
            "activity": JSONValue($0.activity.rawValue),
            "goals": .array($0.goals.map { JSONValue($0.rawValue) }),
            "description": JSONValue($0.description),
          ])
        }),
      "audit": .array(subject.audit.map(AuditLogCommand.json)),
    ])
  }

  /// A membership as the subject export shows it: the register, the number and every recorded
  /// decision.
  static func json(membership: Membership) -> JSONValue {
    .object([
      "register": JSONValue(membership.register.rawValue),
      "registerNumber": JSONValue(membership.registerNumber),
      "admittedOn": JSONValue(membership.admittedOn),
      "route": JSONValue(membership.route.rawValue),
      "statusChanges": .array(
        membership.statusChanges.map {
          .object([
            "date": JSONValue($0.date), "status": JSONValue($0.status.rawValue),
            "rule": JSONValue($0.rule.rawValue), "decision": JSONValue($0.decision),
          ])
        }),
      "assessments": .array(
        membership.assessments.map {
          .object([
            "submittedOn": JSONValue($0.submittedOn), "judgedOn": JSONValue($0.judgedOn),
            "result": JSONValue($0.result.rawValue),
            "improvementPoints": JSONValue($0.improvementPoints),
            "deadline": JSONValue($0.deadline),
          ])
        }),
    ])
  }
}

/// `jobcoach erase`: removes a coach's personal data, keeping the audit trail whole.
struct EraseCommand: Command {
  static let spec = CommandSpec(
    name: "erase", summary: "remove a coach's personal data; the audit trail keeps id and reason",
    synopsis: "COACH_ID --reason TEXT [--actor NAME] [--wait SECONDS] [--db PATH] | --finish",
    positionals: 0...1,
    options: [
      .value("--reason", "TEXT", "why the data is erased (kept in the audit trail; no names)"),
      .flag("--finish", "finish an earlier erasure that another program's reading held up"),
      .actor, .wait, .database,
    ],
    discussion: """
      Deletes the coach, their employments, qualifications, portfolio, register membership,
      hour bookings and entry in an imported public register, and takes them off their
      placements, in one transaction. The words of every reason in the audit trail about the
      coach are erased too (each record keeps its place and the SHA-256 of its words, so
      'audit verify' still finds the trail whole), and one more record says who erased the
      coach, when and why: a reason that names the coach is refused, as it would stay.
      Then the file is rewritten from its live content and the write-ahead log emptied, so no
      byte of the data is left in the file, its free pages or its log. This waits for other
      programs reading the registry (--wait); if one still reads when the wait ends, the
      data is erased but old pages remain in the log: close that program and run
      'jobcoach erase --finish'.

      exit codes: 0 erased, 64 no reason given, 65 no such coach or the reason names them,
      66 registry missing, 75 erased but old pages remain (run 'jobcoach erase --finish').
      """)

  let arguments: ParsedArguments
  let reason: String

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    if arguments.flag("--finish") {
      guard arguments.positionals.isEmpty, arguments.value("--reason") == nil else {
        throw UsageError(
          "--finish takes no coach and no reason: it completes an earlier erasure",
          nl: "--finish neemt geen jobcoach en geen reden: het maakt een eerdere wissing af",
          command: Self.spec.name)
      }
      self.reason = ""
      return
    }
    guard arguments.positionals.count == 1 else {
      throw UsageError(
        "missing COACH_ID: which coach to erase",
        nl: "JOBCOACH_ID ontbreekt: welke jobcoach gewist wordt", command: Self.spec.name)
    }
    reason = try arguments.reason(
      command: Self.spec.name, why: ": an erasure is always explained")
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let store = try context.openRegistryFile(arguments, command: Self.spec.name)
    let words = try context.words(arguments, command: Self.spec.name, format: .text)
    if arguments.flag("--finish") {
      guard try store.finishErasure() else { return pending(context, store: store) }
      context.print(
        words.say(
          "the registry file holds no old pages; every erasure is complete",
          "het registerbestand bevat geen oude pagina's; elke wissing is voltooid") + "\n")
      return ExitCode.success
    }
    let id = CoachID(rawValue: arguments.positionals[0])
    let audit = try context.audit(Self.spec.name, arguments)
    switch try store.erase(id, reason: reason, audit: audit) {
    case .noSuchCoach:
      throw CLIError.badInput(
        "no coach with id '\(id)' in the registry",
        nl: "er is geen jobcoach met id '\(id)' in het register")
    case .reasonNamesTheCoach:
      throw CLIError.badInput(
        "the reason names the coach, and it stays in the audit trail after the erasure; give "
          + "a reason without their name (such as 'request of the data subject')",
        nl: "de reden noemt de jobcoach, en die blijft na het wissen in het logboek staan; geef "
          + "een reden zonder de naam (zoals 'verzoek van de betrokkene')")
    case .erased(let erasure):
      let n = erasure.auditReasonsErased
      context.print(
        words.say(
          "erased the personal data of coach \(id) (and the words of "
            + "\(words.count(n, "reason", "reasons")) in the audit trail); the audit trail records why",
          "de persoonsgegevens van jobcoach \(id) zijn gewist (en de tekst van "
            + "\(words.count(n, "reden", "redenen")) in het logboek); het logboek legt vast waarom")
          + "\n")
      guard erasure.fileIsClean else { return pending(context, store: store) }
      return ExitCode.success
    }
  }

  private func pending(_ context: CommandContext, store: RegistryStore) -> Int32 {
    let words =
      (try? context.words(arguments, command: Self.spec.name, format: .text)) ?? English()
    context.printError(
      words.say(
        "error: another program is still reading the registry, so old pages remain in "
          + "'\(store.path)-wal'; close it, then run 'jobcoach erase --finish --db \(store.path)'",
        "fout: een ander programma leest het register nog, dus er staan nog oude pagina's in "
          + "'\(store.path)-wal'; sluit het en draai 'jobcoach erase --finish --db \(store.path)'")
        + "\n")
    return ExitCode.tempFailure
  }

}
