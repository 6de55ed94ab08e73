import Testing

@testable import JobcoachStore

struct StatementTests {
  /// `run` binds texts in place from one buffer per row; every kind of value must arrive whole,
  /// row after row, whatever the previous row held.
  @Test func runStoresEveryValueOfEveryRow() throws {
    let database = try Database(path: ":memory:", mode: .readWriteCreate)
    try database.execute("CREATE TABLE t (n INTEGER, a TEXT, b TEXT, c TEXT)")
    let insert = try database.cached("INSERT INTO t VALUES (?, ?, ?, ?)")
    let rows: [[SQLValue]] = [
      [.integer(1), .text("één"), .text(""), .null],
      [.integer(2), .null, .text(String(repeating: "x", count: 10_000)), .text("z")],
      [.integer(3), .text("a"), .null, .text("")],
      [.integer(4), .text("Zoë 👩‍💻"), .text("b"), .text("c")],
    ]
    for row in rows { try insert.run(row) }
    let select = try database.prepare("SELECT n, a, b, c, typeof(b) FROM t ORDER BY n")
    var read: [[String?]] = []
    while try select.step() { read.append([select.text(1), select.text(2), select.text(3)]) }
    #expect(read.count == 4)
    #expect(read[0] == ["één", "", nil])
    #expect(read[1] == [nil, String(repeating: "x", count: 10_000), "z"])
    #expect(read[2] == ["a", nil, ""])
    #expect(read[3] == ["Zoë 👩‍💻", "b", "c"])
  }

  /// A row appended value by value arrives as the same values would from an array.
  @Test func aRowAppendedInPlaceStoresWhatAnArrayWould() throws {
    let database = try Database(path: ":memory:", mode: .readWriteCreate)
    try database.execute("CREATE TABLE t (n INTEGER, a TEXT, b TEXT, c TEXT)")
    let insert = try database.cached("INSERT INTO t VALUES (?, ?, ?, ?)")
    let long = String(repeating: "y", count: 5_000)
    let texts: [String?] = ["één", nil, "", long]
    for (number, text) in texts.enumerated() {
      try insert.run { row in
        row.integer(number)
        row.text(text)
        row.text(text.map { $0 + "!" })
        row.null()
      }
    }
    let select = try database.prepare("SELECT n, a, b, c FROM t ORDER BY n")
    var read: [[String?]] = []
    while try select.step() { read.append([select.text(1), select.text(2), select.text(3)]) }
    #expect(
      read == [["één", "één!", nil], [nil, nil, nil], ["", "!", nil], [long, long + "!", nil]])
  }

  /// A row with fewer values than parameters leaves the rest NULL, not the previous row's.
  @Test func aShortRowLeavesTheRestNull() throws {
    let database = try Database(path: ":memory:", mode: .readWriteCreate)
    try database.execute("CREATE TABLE t (a TEXT, b TEXT)")
    let insert = try database.cached("INSERT INTO t VALUES (?, ?)")
    try insert.run([.text("a1"), .text("b1")])
    try insert.run([.text("a2")])
    let select = try database.prepare("SELECT a, b FROM t ORDER BY a")
    var read: [[String?]] = []
    while try select.step() { read.append([select.text(0), select.text(1)]) }
    #expect(read == [["a1", "b1"], ["a2", nil]])
  }

  @Test func aFailingRowThrowsWithTheSQLAndLeavesTheStatementUsable() throws {
    let database = try Database(path: ":memory:", mode: .readWriteCreate)
    try database.execute("CREATE TABLE t (id TEXT PRIMARY KEY)")
    let insert = try database.cached("INSERT INTO t VALUES (?)")
    try insert.run([.text("a")])
    #expect(throws: SQLiteError.self) { try insert.run([.text("a")]) }
    try insert.run([.text("b")])
    #expect(try database.scalarInt("SELECT count(*) FROM t") == 2)
  }
}

struct StatementQueryTests {
  /// A query's texts, bound in place, stay valid while its rows are stepped through, and a
  /// second binding of the same statement replaces them.
  @Test func boundTextsHoldWhileStepping() throws {
    let database = try Database(path: ":memory:", mode: .readWriteCreate)
    try database.execute(
      "CREATE TABLE t (k TEXT, v INTEGER); INSERT INTO t VALUES ('a', 1), ('a', 2), ('b', 3)")
    let query = try database.cached("SELECT v FROM t WHERE k = ? AND ? <> '' ORDER BY v")
    try query.bind([.text("a"), .text(String(repeating: "long text ", count: 20))])
    var values: [Int] = []
    while try query.step() { values.append(query.int(0)) }
    #expect(values == [1, 2])
    query.reset()
    try query.bind([.text("b"), .text("x")])
    #expect(try query.step())
    #expect(query.int(0) == 3)
    #expect(try !query.step())
  }
}
