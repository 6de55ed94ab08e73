import Foundation
import JobcoachCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `jobcoach-bench run`: jobcoach against the sqlite3 command-line tool on the same data.
struct BenchRun {
  var coaches: Int
  var activities: Int
  var seed: UInt64
  var jobcoach: String
  var sqlite3: String
  var keep: String?
  /// With 10, a third point at ten times the data (about 16 GB of disk), each timed once.
  var scale = 1

  /// The one command that builds the binary measured: what a user builds.
  static let buildCommand = "swift build -c release"

  struct Figures {
    var coaches: Int
    var activities: Int
    var placements: Int
    var bookings: Int
    var megabytes: Int
    /// sqlite3 first, jobcoach second.
    var imports: Paired
    /// The placements and bookings imported once, after the timed imports.
    var placementImport: Measurement
    var lookups: Paired
    var checks: Paired
    /// The sqlite3 tool stepping through every column of every booking, in the order check
    /// reads them, and every PE activity of the cycle: what reading alone costs SQLite.
    var checkReading: Measurement
    var placementShow: Measurement
    var due: Measurement
    var remind: Measurement
    /// The portfolios' JSON first, the same activities as a CSV table second, each imported
    /// into a copy of a registry holding the other documents.
    var tableImports: Paired
  }

  func run() throws {
    try requireJobcoach(jobcoach)
    let root = keep ?? (NSTemporaryDirectory() + "jobcoach-bench-\(getpid())")
    defer { if keep == nil { try? FileManager.default.removeItem(atPath: root) } }
    print(machine())
    let small = try figures(
      coaches: max(1, coaches / 10), activities: max(1, activities / 10), in: root + "/tenth")
    let full = try figures(coaches: coaches, activities: activities, in: root + "/full")
    var rows = [small, full]
    if scale > 1 {
      // The full point's files are not needed again: the disk holds one point at a time.
      if keep == nil { try? FileManager.default.removeItem(atPath: root + "/full") }
      rows.append(
        try figures(
          coaches: coaches * scale, activities: activities * scale, in: root + "/x\(scale)",
          once: true))
    }
    print("")
    print(table(rows))
    print("")
    print(secondTable(rows))
    print("")
    print(thirdTable(rows))
    print("")
    let importGrowth = full.imports.second.seconds / small.imports.second.seconds
    let checkGrowth = full.checks.second.seconds / small.checks.second.seconds
    let check = full.checks.second.seconds
    print("targets at full size (ratios: the median over runs in turn):")
    print(line("import / (sqlite3 .import + index)", full.imports.ratio, 1))
    print(line("verify / sqlite3 indexed lookup", full.lookups.ratio, 2))
    print(line("check / sqlite3 bookings and PE totals", full.checks.ratio, 3))
    print(
      "  (sqlite3 stepping through every column check reads: "
        + "\(ms(full.checkReading.seconds)), \(ratio(full.checkReading.seconds / full.checks.first.seconds)) "
        + "the totals)")
    print(line("register due / check", full.due.seconds / check, 1))
    print(line("remind / check", full.remind.seconds / check, 1))
    print(line("import, 10x data / 1x", importGrowth, 11))
    print(line("check, 10x data / 1x", checkGrowth, 11))
    print(line("CSV import / JSON, same activities", full.tableImports.ratio, 1))
    let tablePeak = full.tableImports.second.peakKilobytes
    print(
      "peak memory of the CSV import: \(tablePeak / 1024) MB"
        + " (target < 150 MB)\(tablePeak < 150 * 1024 ? "" : "  MISSED")")
    let peak = full.imports.second.peakKilobytes
    print(
      "peak memory of the import: \(peak / 1024) MB"
        + " (target < 150 MB)\(peak < 150 * 1024 ? "" : "  MISSED")")
    guard scale > 1, let large = rows.last else { return }
    print("targets at \(scale)x the full size (timed once each):")
    print(line("import, \(scale)x / 1x", large.imports.second.seconds / full.imports.second.seconds, 11))
    print(line("check, \(scale)x / 1x", large.checks.second.seconds / check, 11))
    print(
      line("verify, \(scale)x / 1x (unchanged)", large.lookups.second.seconds / full.lookups.second.seconds, 1.2))
    for (name, kilobytes) in [
      ("import", large.imports.second.peakKilobytes), ("check", large.checks.second.peakKilobytes),
    ] {
      print(
        "peak memory of the \(name) at \(scale)x: \(kilobytes / 1024) MB"
          + " (target < 150 MB)\(kilobytes < 150 * 1024 ? "" : "  MISSED")")
    }
  }

  func line(_ name: String, _ ratio: Double, _ target: Double) -> String {
    let figure = String(format: "%.2fx", ratio)
    let verdict = ratio <= target ? "met" : "MISSED"
    let limit = target == target.rounded() ? String(Int(target)) : String(target)
    return
      "  \(name.padding(toLength: 40, withPad: " ", startingAt: 0)) \(figure) (target <= \(limit)x) \(verdict)"
  }

  func machine() -> String {
    let version =
      (try? measure([sqlite3, "--version"], keepOutput: true).output.split(separator: " ").first.map(String.init))
      ?? "?"
    return machineLine() + "; sqlite3 \(version)"
  }

  /// A date's day number, as the registry stores PE activity dates.
  func day(_ iso: String) -> Int { CalendarDate(iso: iso)!.daysSinceEpoch }

  /// One point of the tables; `once` times each command once (or a few lookups), for the
  /// large point.
  func figures(coaches: Int, activities: Int, in directory: String, once: Bool = false) throws
    -> Figures
  {
    func times(_ count: Int) -> Int { once ? min(count, count > 10 ? 5 : 1) : count }
    let placements = 2 * coaches
    let bookings = 100 * placements
    FileHandle.standardError.write(
      Data(
        ("generating \(coaches) coaches, \(activities) activities, \(placements) placements, "
          + "\(bookings) bookings\n").utf8))
    let bench = benchProgram()
    let generated = try measure(
      [
        bench, "generate", "--coaches", String(coaches), "--activities", String(activities),
        "--placements", String(placements), "--bookings", String(bookings), "--seed",
        String(seed), "--out", directory,
      ], keepOutput: true)
    guard generated.exitCode == 0 else { throw BenchError("generating the data failed") }
    // "... (N MB of JSON)"
    let bytes =
      (generated.output.split(separator: "(").last?.split(separator: " ").first)
      .flatMap { Int($0) }.map { $0 * 1_000_000 } ?? 0
    // The register's documents, imported and timed; the placements' apart, imported once.
    let data = directory + "/data"
    let placementData = directory + "/placements"
    for folder in [data, placementData] {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    for file in try FileManager.default.contentsOfDirectory(atPath: directory)
    where file.hasSuffix(".json") {
      let target = ["placements.json", "hour-bookings.json"].contains(file) ? placementData : data
      try FileManager.default.moveItem(atPath: directory + "/" + file, toPath: target + "/" + file)
    }

    // sqlite3: the CSV into a plain table, then the index a check would want.
    let baseline = directory + "/baseline.sqlite"
    let script = directory + "/import.sql"
    try """
    PRAGMA journal_mode=WAL;
    CREATE TABLE pe_activities (coach_id TEXT, id TEXT, activity_date TEXT, minutes INTEGER,
      title TEXT, provider TEXT, category TEXT, accreditation_code TEXT,
      evidence_document TEXT, evidence_issuer TEXT);
    .import --csv --skip 1 \(directory)/activities.csv pe_activities

    """.write(toFile: script, atomically: true, encoding: .utf8)
    // Each import is timed seven times, the two tools in turn, into a fresh file and the median
    // kept; written files are flushed first, so neither pays for the other's (or the generator's)
    // write-back.
    func fresh(_ path: String) {
      for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
      sync()
    }
    // jobcoach: init and import the JSON.
    let db = directory + "/registry.sqlite"
    FileHandle.standardError.write(Data("sqlite3 .import and jobcoach import, in turn\n".utf8))
    let imports = try paired(
      times(7),
      {
        fresh(baseline)
        let csvImport = try measure([sqlite3, baseline], stdin: script)
        guard csvImport.exitCode == 0 else { throw BenchError("sqlite3 .import failed") }
        let index = try measure([
          sqlite3, baseline,
          "CREATE INDEX pe_by_coach ON pe_activities(coach_id, activity_date, category, minutes, "
            + "accreditation_code)",
        ])
        return Measurement(
          seconds: csvImport.seconds + index.seconds,
          peakKilobytes: max(csvImport.peakKilobytes, index.peakKilobytes), exitCode: 0,
          output: "")
      },
      {
        fresh(db)
        _ = try measure([jobcoach, "init", "--db", db, "--actor", "bench"])
        sync()
        let imported = try measure([jobcoach, "import", data, "--db", db, "--actor", "bench"])
        guard imported.exitCode == 0 else {
          throw BenchError("jobcoach import failed (exit \(imported.exitCode))")
        }
        return imported
      })
    FileHandle.standardError.write(Data("importing the placements and bookings\n".utf8))
    let placementImport = try measure([
      jobcoach, "import", placementData, "--db", db, "--actor", "bench",
    ])
    guard placementImport.exitCode == 0 else {
      throw BenchError("jobcoach import of the placements failed (exit \(placementImport.exitCode))")
    }

    let generator = Generator(coaches: coaches, activities: activities, seed: seed)
    let coach = generator.coachID(coaches / 2)
    let lookups = try paired(
      times(21),
      { try measure([sqlite3, db, "SELECT name FROM coaches WHERE id = '\(coach)'"]) },
      {
        try measure([
          jobcoach, "verify", coach, "--as", "municipal", "--on", "2026-11-23", "--db", db,
        ])
      })
    FileHandle.standardError.write(Data("sqlite3 totals and jobcoach check, in turn\n".utf8))
    let checks = try paired(
      times(5),
      {
        try measure([
          sqlite3, db,
          """
          SELECT placement_id, sum(minutes), count(*) FROM hour_bookings GROUP BY placement_id;
          SELECT coach_id, sum(CASE WHEN category = 'accredited' THEN minutes END),
            sum(CASE WHEN category = 'free' THEN minutes END) FROM pe_activities
          WHERE activity_day BETWEEN \(day("2021-11-24")) AND \(day("2026-11-23"))
          GROUP BY coach_id
          """,
        ])
      },
      { try measure([jobcoach, "check", "--on", "2026-11-23", "--db", db, "--format", "csv"]) })
    func median(_ count: Int, _ arguments: [String]) throws -> Measurement {
      try (0..<count).map { _ in try measure(arguments) }.sorted { $0.seconds < $1.seconds }[
        count / 2]
    }
    // Every column of every booking (the table is stored in check's order: placement, day,
    // id) and of each PE activity of the cycle check reads, each touched (summed or measured)
    // so that SQLite reads it; nothing written.
    let checkReading = try median(
      times(5),
      [
        sqlite3, db,
        """
        SELECT count(*), sum(length(id)), sum(length(placement_id)), sum(length(coach_id)),
          sum(booked_day), sum(minutes), sum(length(activity)), sum(length(goals)),
          sum(length(contact)), sum(work_related), sum(wage_subsidy_check),
          sum(length(description)), sum(length(report_id)), sum(length(contact_with))
        FROM hour_bookings;
        SELECT count(*), sum(minutes), sum(length(category)), sum(length(accreditation_code))
        FROM pe_activities
        WHERE activity_day BETWEEN \(day("2021-11-24")) AND \(day("2026-11-23"))
        """,
      ])
    let placementShow = try median(
      times(11),
      [
        jobcoach, "placement", "show", generator.placementID(placements / 2), "--on",
        "2026-11-23", "--db", db,
      ])
    // The same million activities as JSON portfolios and as a CSV table, in turn, each into a
    // copy of a registry that holds everything else.
    FileHandle.standardError.write(Data("JSON portfolios and the CSV table, in turn\n".utf8))
    let others = directory + "/others"
    try FileManager.default.createDirectory(atPath: others, withIntermediateDirectories: true)
    for file in try FileManager.default.contentsOfDirectory(atPath: data)
    where file != "portfolios.json" {
      try FileManager.default.copyItem(atPath: data + "/" + file, toPath: others + "/" + file)
    }
    let base = directory + "/base.sqlite"
    _ = try measure([jobcoach, "init", "--db", base, "--actor", "bench"])
    guard try measure([jobcoach, "import", others, "--db", base, "--actor", "bench"]).exitCode == 0
    else { throw BenchError("jobcoach import of the other documents failed") }
    func importInto(_ file: String) throws -> Measurement {
      let copy = directory + "/copy.sqlite"
      fresh(copy)
      // By cp, not FileManager: a child's peak memory counts this process's at the spawn, and
      // copying in process would read the whole registry into it.
      guard try measure(["cp", base, copy]).exitCode == 0 else {
        throw BenchError("cannot copy \(base)")
      }
      sync()
      let run = try measure([jobcoach, "import", file, "--db", copy, "--actor", "bench"])
      guard run.exitCode == 0 else { throw BenchError("jobcoach import of \(file) failed") }
      return run
    }
    let tableImports = try paired(
      times(3), { try importInto(data + "/portfolios.json") },
      { try importInto(directory + "/pe-activities.csv") })
    let due = try median(times(5), [jobcoach, "register", "due", "--on", "2026-11-23", "--db", db])
    let remind = try median(times(5), [jobcoach, "remind", "--on", "2026-11-23", "--db", db])
    return Figures(
      coaches: coaches, activities: activities, placements: placements, bookings: bookings,
      megabytes: bytes / 1_000_000, imports: imports, placementImport: placementImport,
      lookups: lookups, checks: checks, checkReading: checkReading, placementShow: placementShow,
      due: due, remind: remind,
      tableImports: tableImports)
  }

  func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
  func s(_ seconds: Double) -> String { String(format: "%.2f s", seconds) }
  func ratio(_ value: Double) -> String { String(format: "%.2fx", value) }
  func cell(_ text: String, _ width: Int) -> String {
    text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0)
  }

  func table(_ rows: [Figures]) -> String {
    var lines = [
      "coaches  activities  JSON MB | import   sqlite3 .import+index  ratio  peak MB | "
        + "verify    sqlite3 lookup  ratio"
    ]
    for row in rows {
      var cells: [String] = []
      cells.append(cell(String(row.coaches), 8))
      cells.append(cell(String(row.activities), 11))
      cells.append(cell(String(row.megabytes), 7) + " |")
      cells.append(cell(s(row.imports.second.seconds), 8))
      cells.append(cell(s(row.imports.first.seconds), 22))
      cells.append(cell(ratio(row.imports.ratio), 6))
      cells.append(cell(String(row.imports.second.peakKilobytes / 1024), 7) + " |")
      cells.append(cell(ms(row.lookups.second.seconds), 9))
      cells.append(cell(ms(row.lookups.first.seconds), 15))
      cells.append(ratio(row.lookups.ratio))
      lines.append(cells.joined(separator: " "))
    }
    return lines.joined(separator: "\n")
  }

  func thirdTable(_ rows: [Figures]) -> String {
    var lines = ["activities  | JSON portfolios  peak MB | CSV table  peak MB | ratio"]
    for row in rows {
      lines.append(
        [
          cell(String(row.activities), 11) + " |",
          cell(s(row.tableImports.first.seconds), 16),
          cell(String(row.tableImports.first.peakKilobytes / 1024), 7) + " |",
          cell(s(row.tableImports.second.seconds), 10),
          cell(String(row.tableImports.second.peakKilobytes / 1024), 7) + " |",
          ratio(row.tableImports.ratio),
        ].joined(separator: " "))
    }
    return lines.joined(separator: "\n")
  }

  func secondTable(_ rows: [Figures]) -> String {
    var lines = [
      "placements  bookings  | import   | check     sqlite3 totals  ratio  peak MB  "
        + "sqlite3 reading | placement show | register due | remind"
    ]
    for row in rows {
      var cells: [String] = []
      cells.append(cell(String(row.placements), 11))
      cells.append(cell(String(row.bookings), 9) + " |")
      cells.append(cell(s(row.placementImport.seconds), 8) + " |")
      cells.append(cell(ms(row.checks.second.seconds), 9))
      cells.append(cell(ms(row.checks.first.seconds), 15))
      cells.append(cell(ratio(row.checks.ratio), 6))
      cells.append(cell(String(row.checks.second.peakKilobytes / 1024), 7))
      cells.append(cell(ms(row.checkReading.seconds), 15) + " |")
      cells.append(cell(ms(row.placementShow.seconds), 14) + " |")
      cells.append(cell(ms(row.due.seconds), 12) + " |")
      cells.append(ms(row.remind.seconds))
      lines.append(cells.joined(separator: " "))
    }
    return lines.joined(separator: "\n")
  }
}
