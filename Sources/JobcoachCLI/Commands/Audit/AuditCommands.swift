import JobcoachCore
import JobcoachStore

/// `jobcoach audit verify`: is the audit trail whole?
struct AuditVerifyCommand: Command {
  static let spec = CommandSpec(
    name: "audit verify",
    summary: "check the audit trail's hash chain; name the first broken record",
    synopsis: "[--head HASH] [--db PATH]", positionals: 0...0,
    options: [
      .value(
        "--head", "HASH", "the last record's hash as published earlier; it must still be there"),
      .database,
    ],
    discussion: """
      Every record's SHA-256 covers its fields and the previous record's hash. A record changed,
      removed or inserted after the fact breaks the chain; the first record that does not check
      out is named. A record whose reason was erased with its coach keeps the SHA-256 of the
      words, so the trail stays whole. The triggers that keep records from being changed or
      deleted must be there as jobcoach made them; one missing or altered is a break. The last
      line gives the head hash: publish or keep it, and pass it as --head later to prove that
      nothing was appended in its place or cut off at the end.

      exit codes: 0 whole, 1 broken, 66 registry missing, 70 not a registry.
      """)

  let arguments: ParsedArguments
  init(_ arguments: ParsedArguments) { self.arguments = arguments }

  /// The first break in words.
  static func describe(_ found: AuditBreak, _ w: any Wording) -> String {
    let n = found.sequence
    switch found.problem {
    case .changed:
      return w.say(
        "record \(n) was changed after it was written: its content does not match its hash",
        "record \(n) is gewijzigd nadat het is geschreven: de inhoud past niet bij de hash")
    case .predecessorMissing:
      return w.say(
        "the record before record \(n) was removed or replaced: record \(n) follows a record "
          + "that is not in the trail",
        "het record vóór record \(n) is verwijderd of vervangen: record \(n) volgt op een "
          + "record dat niet in het logboek staat")
    case .inserted:
      return w.say(
        "a record was inserted before record \(n): record \(n) follows an earlier record, not "
          + "the one before it",
        "er is een record ingevoegd vóór record \(n): record \(n) volgt op een eerder record, "
          + "niet op het record ervoor")
    }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let store = try context.openRegistryFile(arguments, command: Self.spec.name)
    let w = try context.words(arguments, command: Self.spec.name, format: .text)
    let broken = w.say("BROKEN: ", "GEBROKEN: ")
    let (records, unreadable) = try store.auditTrailForVerification()
    if let found = AuditChain.firstBreak(records) {
      context.print(broken + Self.describe(found, w) + "\n")
      return ExitCode.findings
    }
    if let unreadable {
      context.print(
        broken
          + w.say(
            "record \(unreadable) was changed after it was written: its day is not a calendar date",
            "record \(unreadable) is gewijzigd nadat het is geschreven: de dag is geen "
              + "kalenderdatum") + "\n")
      return ExitCode.findings
    }
    let guards = try store.auditGuardProblems()
    if !guards.isEmpty {
      for problem in guards {
        switch problem {
        case .missing(let name):
          context.print(
            broken
              + w.say(
                "the guard '\(name)' is missing: records could be changed or deleted unseen",
                "de bewaking '\(name)' ontbreekt: records kunnen ongezien worden gewijzigd of "
                  + "verwijderd") + "\n")
        case .altered(let name):
          context.print(
            broken
              + w.say(
                "the guard '\(name)' was altered: it is not the one jobcoach made",
                "de bewaking '\(name)' is gewijzigd: het is niet die van jobcoach") + "\n")
        }
      }
      return ExitCode.findings
    }
    let head = records.last?.hash ?? AuditRecord.genesis
    if let expected = arguments.value("--head"), !records.contains(where: { $0.hash == expected }) {
      context.print(
        broken
          + w.say(
            "no record has the head hash '\(expected)': the trail was cut off or rewritten after "
              + "it was published",
            "geen record heeft de kophash '\(expected)': het logboek is ingekort of herschreven "
              + "nadat die is gepubliceerd") + "\n")
      return ExitCode.findings
    }
    context.print(
      w.say("WHOLE: ", "HEEL: ")
        + w.count(records.count, w.say("audit record", "logboekregel"), w.say("audit records", "logboekregels"))
        + w.say(", head ", ", kop ") + head + "\n")
    return ExitCode.success
  }
}

/// `jobcoach audit log`: who changed what, when, and why.
struct AuditLogCommand: Command {
  static let spec = CommandSpec(
    name: "audit log", summary: "show the audit trail: when, command, who, what changed and why",
    synopsis: "[--subject ID] [--since DATE] [--format text|json|csv] [--db PATH]",
    positionals: 0...0,
    options: [
      .value("--subject", "ID", "only records about this coach, placement, organisation ..."),
      .value("--since", "DATE", "only records made on or after this day (Europe/Amsterdam)"),
      .value("--format", "FORMAT", "text, json or csv (default text)"), CSVDialect.option,
      .database,
    ],
    discussion: """
      Imports record each document's SHA-256 and each record they created or updated; the
      register commands record each status change with its rule and decision.
      """)

  let arguments: ParsedArguments
  let since: CalendarDate?
  let format: OutputFormat

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments
    if let text = arguments.value("--since") {
      guard let date = CalendarDate(iso: text) else {
        throw UsageError(
          "'\(text)' is not a date; write --since YYYY-MM-DD",
          nl: "'\(text)' is geen datum; schrijf --since JJJJ-MM-DD", command: Self.spec.name)
      }
      since = date
    } else {
      since = nil
    }
    format = try OutputFormat.parse(
      arguments.value("--format"), allowed: OutputFormat.allCases, command: Self.spec.name)
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let store = try context.openRegistryFile(arguments, command: Self.spec.name)
    let records = try store.auditRecords(subject: arguments.value("--subject"), since: since)
    switch format {
    case .json:
      context.print(JSONWriter.string(.object(["records": .array(records.map(Self.json))])))
    case .csv:
      var text = CSV.line(Self.columns)
      for record in records { text += CSV.line(Self.fields(record)) }
      context.print(try CSVDialect.parse(arguments, command: Self.spec.name).write(text))
    case .text:
      let w = try context.words(arguments, command: Self.spec.name, format: .text)
      var rows =
        w.language == .nl
        ? [["#", "WANNEER", "OPDRACHT", "WIE", "ONDERWERP", "VELD", "OUD", "NIEUW", "REDEN"]]
        : [["#", "WHEN", "COMMAND", "WHO", "SUBJECT", "FIELD", "OLD", "NEW", "REASON"]]
      for record in records {
        let entry = record.entry
        rows.append([
          String(record.sequence), record.context.timestamp, record.context.command,
          record.context.actor, "\(entry.subjectKind) \(entry.subjectID)", entry.field,
          entry.oldValue ?? "-", entry.newValue ?? "-",
          (record.isReasonErased ? w.say("(erased)", "(gewist)") : entry.reason)
            + (entry.documentHash.map { " (sha256 \($0.prefix(12)))" } ?? ""),
        ])
      }
      context.print(TextTable.render(rows))
    }
    return ExitCode.success
  }

  static let columns = [
    "sequence", "recordedAt", "recordedOn", "command", "actor", "subjectKind", "subjectId",
    "field", "oldValue", "newValue", "documentHash", "reason", "previousHash", "hash",
  ]

  static func fields(_ record: AuditRecord) -> [String] {
    let entry = record.entry
    return [
      String(record.sequence), record.context.timestamp, record.context.day.description,
      record.context.command, record.context.actor, entry.subjectKind, entry.subjectID,
      entry.field, entry.oldValue ?? "", entry.newValue ?? "", entry.documentHash ?? "",
      entry.reason, record.previousHash, record.hash,
    ]
  }

  static func json(_ record: AuditRecord) -> JSONValue {
    let entry = record.entry
    return .object([
      "sequence": JSONValue(record.sequence), "recordedAt": JSONValue(record.context.timestamp),
      "recordedOn": JSONValue(record.context.day), "command": JSONValue(record.context.command),
      "actor": JSONValue(record.context.actor), "subjectKind": JSONValue(entry.subjectKind),
      "subjectId": JSONValue(entry.subjectID), "field": JSONValue(entry.field),
      "oldValue": JSONValue(entry.oldValue), "newValue": JSONValue(entry.newValue),
      "documentHash": JSONValue(entry.documentHash),
      "reason": record.isReasonErased ? .null : JSONValue(entry.reason),
      "previousHash": JSONValue(record.previousHash), "hash": JSONValue(record.hash),
    ])
  }
}
