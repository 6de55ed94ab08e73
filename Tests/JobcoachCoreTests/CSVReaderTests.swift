import JobcoachTestSupport
import Testing

@testable import JobcoachCore

/// The CSV tokenizer over every dialect a spreadsheet writes (issue 18), read whole and in
/// chunks of every size from 1 byte: a record must not depend on where a chunk ends.
struct CSVReaderTests {
  struct Read: Equatable {
    var records: [[String]] = []
    var lines: [Int] = []
    var separator: CSVSeparator = .comma
    var problems: [DocumentProblem] = []
    /// The file's digest and size: of every byte, even when reading stopped at a problem.
    var sha256 = ""
    var byteCount = 0
  }

  static func read(_ bytes: [UInt8], chunk: Int = 1 << 20) -> Read {
    let log = ProblemLog()
    var reader = CSVReader(source: ByteArraySource(bytes), file: "t.csv", log: log, chunkSize: chunk)
    var result = Read()
    _ = reader.read { fields, line, separator in
      result.records.append(fields)
      result.lines.append(line)
      result.separator = separator
    }
    result.problems = log.problems
    result.sha256 = reader.sha256
    result.byteCount = reader.byteCount
    return result
  }

  static func read(_ text: String, chunk: Int = 1 << 20) -> Read { read(Array(text.utf8), chunk: chunk) }

  @Test func commaAndLFAndNoBOM() {
    let read = Self.read("a,b\n1,2\n")
    #expect(read.records == [["a", "b"], ["1", "2"]])
    #expect(read.separator == .comma)
    #expect(read.problems.isEmpty)
  }

  @Test func dutchExcelSemicolonBOMAndCRLF() {
    let read = Self.read([0xEF, 0xBB, 0xBF] + Array("uren;datum\r\n2,5;01-02-2026\r\n".utf8))
    #expect(read.records == [["uren", "datum"], ["2,5", "01-02-2026"]])
    #expect(read.separator == .semicolon)
    #expect(read.lines == [1, 2])
  }

  @Test func aQuotedFieldHoldsSeparatorsNewlinesAndDoubledQuotes() {
    let text = "titel,aanbieder\n\"Boek: \"\"Werk\"\", deel 1\",\"regel een\nregel twee\"\nx,y\n"
    let read = Self.read(text)
    #expect(read.records == [
      ["titel", "aanbieder"], ["Boek: \"Werk\", deel 1", "regel een\nregel twee"], ["x", "y"],
    ])
    // The row after the quoted newline starts on line 4.
    #expect(read.lines == [1, 2, 4])
  }

  @Test func theSeparatorIsTheHeaderLinesOutsideQuotes() {
    #expect(Self.read("\"a;b;c\",d\n").separator == .comma)
    #expect(Self.read("a;b,c;d\n").separator == .semicolon)
  }

  @Test func noFinalNewlineAndBlankLinesAreFine() {
    let read = Self.read("a,b\n\n1,2")
    #expect(read.records == [["a", "b"], ["1", "2"]])
  }

  @Test func emptyFieldsAreKept() {
    #expect(Self.read("a,b,c\n,,\n").records == [["a", "b", "c"], ["", "", ""]])
  }

  @Test func latin1IsRefusedWhereItStarts() {
    let bytes = Array("titel,uren\nCaf".utf8) + [0xE9] + Array(",2\n".utf8)
    let read = Self.read(bytes)
    #expect(read.problems.map(\.reason) == [.csvNotUTF8])
    #expect(read.problems.first?.place == .text(line: 2, column: 1))
    #expect(read.records == [["titel", "uren"]])
  }

  @Test func utf16IsRefused() {
    #expect(Self.read([0xFF, 0xFE, 0x61, 0x00]).problems.map(\.reason) == [.utf16])
  }

  @Test func textAfterAClosingQuoteAndAnOpenQuoteAreProblems() {
    let after = Self.read("a,b\n\"x\"y,2\n3,4\n")
    #expect(after.problems.map(\.reason) == [.csvTextAfterQuote])
    #expect(after.records == [["a", "b"], ["3", "4"]])
    let open = Self.read("a,b\n\"x,2\n")
    #expect(open.problems.map(\.reason) == [.csvUnterminatedQuote])
    #expect(open.problems.first?.place == .text(line: 2, column: 1))
  }

  /// Chunks of every size give what one chunk gives, over texts that put a quote, a doubled
  /// quote, a CR LF, a BOM and a multi-byte character on every boundary.
  @Test func everyChunkSizeReadsTheSame() {
    let texts: [[UInt8]] = [
      [0xEF, 0xBB, 0xBF] + Array("a;b;c\r\n\"x\"\"y\";2,5;Zoë\r\n;\"\";\"p\r\nq\"\r\n".utf8),
      Array("a,b\n\"1\",\"2\"\n3,\"4\"\"\"\n\"é\",x".utf8),
      Array("kop\n\"open".utf8),
      Array("a,b\nCaf".utf8) + [0xE9, 0x0A],
      // Refused part-way (found by the table fuzz target: the digest was of what was read).
      Array("a,b\n1,2\nCaf".utf8) + [0xE9] + Array(",x\n3,4\n5,6\n".utf8),
    ]
    for text in texts {
      let whole = Self.read(text)
      #expect(whole.sha256 == SHA256.hex(text) && whole.byteCount == text.count)
      for chunk in 1...text.count {
        #expect(Self.read(text, chunk: chunk) == whole, "chunk \(chunk)")
      }
    }
  }

  /// The reader's scan of a whole piece stands in for the scan of each field only where it
  /// may: over generated rows with numbers in every form, read in pieces of 1 to 64 bytes, a
  /// record whose fields hold a citizen service number is never handed on as holding none,
  /// and a piece without one lets most records skip the fields' scan.
  @Test func aRecordIsNeverClearedOfANumberOneOfItsFieldsHolds() {
    var random = SplitMix(seed: 1818)
    let pieces = [
      "123456782", "12345678", "1234567820", "123.456.782", "123 45 6782", "1234-56-782",
      "000000000", "Lezing", "a,b", "\"x\"\"1\"", "regel\neen", " 12345 ", "6782", "",
    ]
    var holding = 0
    var skipped = 0
    for _ in 0..<400 {
      var text = "a,b,c\n"
      for _ in 0..<(1 + Int(random.next() % 6)) {
        let cells = (0..<3).map { _ -> String in
          let cell = pieces[Int(random.next() % UInt64(pieces.count))]
          let quoted = cell.contains(",") || cell.contains("\n") || cell.contains("\"")
          return quoted ? "\"" + cell.replacingOccurrences("\"", with: "\"\"") + "\"" : cell
        }
        text += cells.joined(separator: ",") + (random.next() % 2 == 0 ? "\n" : "\r\n")
      }
      let chunk = 1 + Int(random.next() % 64)
      var reader = CSVReader(
        source: ByteArraySource(Array(text.utf8)), file: "t.csv", log: ProblemLog(),
        chunkSize: chunk)
      _ = reader.readRecords { fields, _, _, mayHold in
        let holds = fields.contains { CitizenServiceNumber.occurs(in: $0) }
        #expect(!holds || mayHold, "\(fields) in pieces of \(chunk): \(text)")
        if holds { holding += 1 }
        if !mayHold { skipped += 1 }
      }
    }
    #expect(holding > 100)
    #expect(skipped > 100)
  }
}

/// Values as spreadsheets write them.
struct CSVValuesTests {
  @Test func datesAsISOOrDutch() {
    #expect(CSVValues.isoDate("2026-02-01") == "2026-02-01")
    #expect(CSVValues.isoDate("01-02-2026") == "2026-02-01")
    #expect(CSVValues.isoDate("1-2-2026") == "2026-02-01")
    #expect(CSVValues.isoDate("31-02-2026") == nil)
    #expect(CSVValues.isoDate("2026/02/01") == nil)
  }

  @Test func listsAndDutchWords() {
    #expect(CSVValues.list("G1, G2|G3;;") == ["G1", "G2", "G3"])
    #expect(CSVValues.category("Geaccrediteerd") == "accredited")
    #expect(CSVValues.category("vrij") == "free")
    #expect(CSVValues.contact("bezoek") == "visit")
    #expect(CSVValues.contact("telefonisch") == "call")
    #expect(CSVValues.party("werkgever") == "employer")
    #expect(CSVValues.activity("reistijd") == "travel")
    #expect(CSVValues.activity("coaching") == "coaching")
  }
}

/// The header says the kind, in Dutch or English.
struct TableKindTests {
  @Test func recognisedFromDutchOrEnglishHeaders() {
    #expect(
      TableKind.recognise(["registernummer", "datum", "uren", "categorie", "titel", "aanbieder"])
        == .peActivities)
    #expect(
      TableKind.recognise(["Coach", "Date", "Hours", "Category", "Title", "Provider"])
        == .peActivities)
    #expect(
      TableKind.recognise(["accreditatiecode", "datum", "uren", "aanbieder", "presentielijst",
        "registernummer"]) == .attendance)
    #expect(
      TableKind.recognise(["plaatsing", "jobcoach", "datum", "uren"]) == .hourBookings)
    #expect(
      TableKind.recognise(["jobcoach", "organisatie", "van", "tot en met", "uren", "bewijsstuk"])
        == .experience)
    #expect(TableKind.recognise(["naam", "adres"]) == nil)
    // Without a column naming the coach, no portfolio table fits.
    #expect(TableKind.recognise(["datum", "uren", "categorie", "titel", "aanbieder"]) == nil)
  }

  @Test func headersIgnoreCaseSpacesAndUnderscores() {
    #expect(TableColumn.normalised("Register_Number") == TableColumn.normalised("register number"))
    #expect(TableColumn.normalised("Tot en met") == "totenmet")
  }
}

/// The direct reading of a table's activity row and `PEActivity.decode` of the same row as a
/// JSON object give one answer: the same activity, or the same problems at the same fields.
struct ListedActivityDifferentialTests {
  static func fields(_ random: inout SplitMix) -> ActivityFields {
    // The first option is the valid one, taken four times in five.
    func maybe<T>(_ options: [T?]) -> T? {
      random.next() % 5 != 0 ? options[0] : random.pick(options)
    }
    return ActivityFields(
      id: maybe(["A-1", "csv-0123", "", "123456782", "a b", nil]),
      date: maybe(["2026-02-01", "2026-02-31", "9999-12-31", "x", nil]),
      minutes: maybe([60, 0, -5, 6_000_000_001, nil]),
      title: maybe(["Lezing", " ", String(repeating: "a", count: 501), "BSN 123456782", nil]),
      provider: maybe(["Aanbieder", "", nil]),
      category: maybe(["accredited", "free", "gratis", nil]),
      accreditationCode: maybe(["BJN-1", "", nil, nil]),
      evidenceDocument: maybe(["DOC", "", nil]),
      evidenceIssuer: maybe(["X", "", nil]))
  }

  @Test func theDirectReadingAndTheDecoderAgreeOverGeneratedRows() {
    var random = SplitMix(seed: 18)
    var agreed = 0
    var valid = 0
    for _ in 0..<20_000 {
      let fields = Self.fields(&random)
      var direct: [String] = []
      let fast = TableRowDecoder.activity(fields) { key, reason in
        direct.append("\(key): \(reason)")
      }
      let log = ProblemLog()
      let reference = PEActivity.decode(
        fields.object, at: .root, in: DecodingContext(file: "f", log: log))
      let decoded = log.problems.map { problem -> String in
        guard case .pointer(let pointer) = problem.place else { return "?" }
        return "\(pointer.tokens.first ?? ""): \(problem.reason)"
      }
      #expect(fast == reference)
      #expect(direct == decoded, "\(fields)")
      if fast == reference && direct == decoded { agreed += 1 }
      if fast != nil { valid += 1 }
    }
    #expect(agreed == 20_000)
    // Both sides of the rules were met: some rows read, most refused.
    #expect(valid > 100 && valid < 19_000)
  }
}

extension SplitMix {
  /// One of `options`, each as likely.
  fileprivate mutating func pick<T>(_ options: [T]) -> T {
    options[Int(next() % UInt64(options.count))]
  }
}

/// A list's activity rows are handed on in runs per coach (issue 18's speed), and nothing else
/// changes: the same activities with the same lines as row by row, and every problem in the
/// place among the records where the row that has it stands.
struct ListedActivityRunTests {
  enum Event: Equatable {
    case activities(CoachReference, lines: [Int])
    case problem(line: Int)
  }

  static func read(_ text: String, chunk: Int = 1 << 20) -> (events: [Event], runs: [ListedActivityRun]) {
    let log = ProblemLog()
    var events: [Event] = []
    var runs: [ListedActivityRun] = []
    var seen = 0
    func problemsSoFar() {
      for problem in log.problems.dropFirst(seen) {
        if case .text(let line, _) = problem.place { events.append(.problem(line: line)) }
        if case .cell(let line, _, _) = problem.place { events.append(.problem(line: line)) }
      }
      seen = log.problems.count
    }
    _ = TableReader.read(
      ByteArraySource(Array(text.utf8)), file: "l.csv", kind: nil, log: log, chunkSize: chunk
    ) { record, _ in
      problemsSoFar()
      if case .listedActivities(let run) = record {
        events.append(.activities(run.coach, lines: run.lines))
        runs.append(run)
      }
    }
    problemsSoFar()
    return (events, runs)
  }

  static let header = "coach,date,hours,category,title,provider\n"
  static func row(_ coach: String, _ date: String = "2026-02-01") -> String {
    "\(coach),\(date),1,free,Intervisie,Groep\n"
  }

  @Test func runsFollowTheCoachAndProblemsStayInTheirRowsPlace() {
    let text =
      Self.header + Self.row("JC-1") + Self.row("JC-1") + Self.row("JC-1", "2026-02-31")
      + Self.row("JC-1") + Self.row("JC-2") + Self.row("JC-1") + "JC-3,\"open\n"
    for chunk in [1, 7, 64, 1 << 20] {
      let (events, _) = Self.read(text, chunk: chunk)
      #expect(
        events == [
          .activities(.id("JC-1"), lines: [2, 3]), .problem(line: 4),
          .activities(.id("JC-1"), lines: [5]), .activities(.id("JC-2"), lines: [6]),
          .activities(.id("JC-1"), lines: [7]), .problem(line: 8),
        ], "pieces of \(chunk)")
    }
  }

  @Test func aLongListIsCutIntoRunsOfAHundred() {
    let text = Self.header + String(repeating: Self.row("JC-1"), count: 250)
    let (events, runs) = Self.read(text)
    #expect(runs.map(\.activities.count) == [100, 100, 50])
    #expect(runs.flatMap(\.lines) == Array(2...251))
    #expect(events.count == 3)
  }

  /// Over generated lists, the runs hold what reading row by row gives, in order.
  @Test func theRunsHoldWhatTheRowsGiveOneByOne() {
    var random = SplitMix(seed: 1800)
    for _ in 0..<50 {
      var text = Self.header
      for _ in 0..<Int(random.next() % 300) {
        let coach = "JC-\(random.next() % 3)"
        let date = random.next() % 10 == 0 ? "2026-13-01" : "2026-0\(1 + random.next() % 9)-1\(random.next() % 9)"
        text += Self.row(coach, date)
      }
      let (_, runs) = Self.read(text)
      let fromRuns = runs.flatMap { run in run.activities.indices.map { (run.lines[$0], run.listed(at: $0)) } }
      // Row by row, through the decoder's own record.
      let records = CSVReader<ByteArraySource>.records(text)
      var decoder = TableRowDecoder(
        header: records[0], kind: nil, file: "l.csv", log: ProblemLog(), separator: .comma)!
      var oneByOne: [(Int, ListedActivity)] = []
      for (offset, fields) in records.dropFirst().enumerated() {
        if case .listedActivity(let listed)? = decoder.record(fields, line: offset + 2) {
          oneByOne.append((offset + 2, listed))
        }
      }
      #expect(fromRuns.map(\.0) == oneByOne.map(\.0))
      #expect(fromRuns.map(\.1) == oneByOne.map(\.1))
    }
  }
}
