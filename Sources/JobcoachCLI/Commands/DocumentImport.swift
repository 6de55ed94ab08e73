import JobcoachCore
import JobcoachStore

/// Documents read into the registry as a stream, for `import` and `hours import`: checked and
/// written as they are read, in one transaction, all or nothing.
enum DocumentImport {
  /// Streams the documents under `paths` into the registry the arguments name. With `only`,
  /// a document of another kind is a problem (its records are not even written).
  static func stream(
    _ paths: [String], only: Set<DocumentKind>?, dryRun: Bool, arguments: ParsedArguments,
    command: String, to context: CommandContext
  ) throws -> Int32 {
    let files = try DocumentLoader.expand(paths)
    let audit = try context.audit(command, arguments)
    let store = try context.openRegistryFile(arguments, command: command)
    let log = ProblemLog()
    let session = try ImportSession(store: store, dryRun: dryRun, audit: audit, log: log)
    session.allowsUnsignedRegisters = arguments.flag("--allow-unsigned")
    let progress = ProgressLine(
      context: context, total: files.reduce(0) { $0 + FileSource.size(of: $1) })
    defer { progress.finish() }
    let pipeline = DocumentPipeline(
      files: files, tableKind: try DocumentLoader.tableKind(arguments), progress: progress)
    defer { pipeline.stop() }
    while let events = pipeline.next() {
      defer { pipeline.giveBack(events) }
      for event in events {
        switch event {
        case .problem(let problem):
          log.report(problem)
        case .record(let record, let file, let place):
          guard only?.contains(record.kind) ?? true else { continue }
          do {
            try session.add(record, file: file, place: place)
          } catch {
            // The registry failed (not the input): stop at once; the reader is stopped too.
            session.rollback()
            throw error
          }
        case .document(let file, let info):
          if let only, let kind = info.kind, !only.contains(kind) {
            log.report(
              DocumentProblem(
                file: file, place: .pointer(JSONPointer.root.appending("kind")),
                reason: .notForCommand(
                  kind: kind.rawValue, command: command, reads: only.map(\.rawValue).sorted())))
          }
          if let only, let table = info.tableKind, !only.contains(table.documentKind) {
            log.report(
              DocumentProblem(
                file: file, place: .text(line: 1, column: 1),
                reason: .notForCommand(
                  kind: table.rawValue, command: command, reads: only.map(\.rawValue).sorted())))
          }
          session.finishDocument(file, info)
        case .unopenable(let file):
          session.rollback()
          throw CLIError.inputMissing(path: file, reason: .cannotOpen)
        }
      }
    }
    progress.finishing("all read; checking references and committing")
    let summary: ImportSummary
    do {
      summary = try session.finish()
    } catch {
      if case .importRejected(let problems) = error {
        throw CLIError.badDocuments(problems, dropped: log.dropped)
      }
      throw error
    }
    progress.finish()
    context.print(
      describe(
        summary, files: files.count,
        try context.words(arguments, command: command, format: .text)))
    return ExitCode.success
  }

  static func describe(_ summary: ImportSummary, files: Int, _ w: any Wording = English())
    -> String
  {
    func counts(_ counts: ImportSummary.Counts) -> String {
      w.say(
        "\(counts.created) created, \(counts.updated) updated, \(counts.unchanged) unchanged",
        "\(counts.created) nieuw, \(counts.updated) bijgewerkt, \(counts.unchanged) ongewijzigd")
    }
    let total = summary.total
    var text: String
    if summary.isDryRun {
      text =
        w.say("dry run, nothing written: ", "proefrun, niets opgeslagen: ")
        + w.count(files, w.say("file", "bestand"), w.say("files", "bestanden"))
        + w.say(" would give ", " zou geven: ") + counts(total) + "\n"
    } else if !summary.changedAnything {
      text =
        w.say(
          "nothing changed: \(w.count(total.unchanged, "record", "records")) already in the "
            + "registry as given",
          "niets gewijzigd: \(w.count(total.unchanged, "record", "records")) stond al zo in het "
            + "register")
        + "\n"
    } else {
      text =
        w.say("imported ", "ingelezen: ")
        + w.count(files, w.say("file", "bestand"), w.say("files", "bestanden")) + ": "
        + counts(total) + "\n"
    }
    for file in summary.unsignedRegisters {
      text += w.say(
        "WARNING: \(file) is an UNSIGNED public register, imported because of --allow-unsigned: "
          + "nothing shows who published it (the audit trail says so)\n",
        "WAARSCHUWING: \(file) is een NIET ONDERTEKEND publiek register, ingelezen wegens "
          + "--allow-unsigned: niets toont wie het publiceerde (de audittrail vermeldt dat)\n")
    }
    for kind in DocumentKind.allCases {
      guard let kindCounts = summary.counts[kind], kindCounts.total > 0 else { continue }
      text += "  \(kind.rawValue): " + counts(kindCounts) + "\n"
    }
    for kind in TableKind.allCases {
      guard let kindCounts = summary.tables[kind], kindCounts.total > 0 else { continue }
      text += "  \(kind.rawValue) (CSV): " + counts(kindCounts) + "\n"
    }
    return text
  }
}
