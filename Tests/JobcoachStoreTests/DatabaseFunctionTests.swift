import Testing

@testable import JobcoachStore

struct DatabaseFunctionTests {
  func database() throws -> Database {
    try Database(path: ":memory:", mode: .readWriteCreate)
  }

  @Test func aFunctionSeesTextIntegersAndNull() throws {
    let database = try database()
    try database.defineFunction("shout_length", arity: 2) { arguments in
      guard let text = arguments.text(0) else { return nil }
      return text.utf8.count * 10 + arguments.int(1)
    }
    let row = try database.prepare(
      "SELECT shout_length('Zoë', 3), shout_length(NULL, 3), shout_length('', NULL)")
    #expect(try row.step())
    #expect(row.int(0) == 43)  // 'Zoë' is 4 bytes of UTF-8
    #expect(row.int64OrNil(1) == nil)
    #expect(row.int(2) == 0)
  }

  @Test func redefiningReplacesTheBodyAndReleasesTheOld() throws {
    let database = try database()
    final class Token {}
    weak var released: Token?
    do {
      let token = Token()
      released = token
      try database.defineFunction("answer", arity: 0) { _ in
        _ = token
        return 1
      }
    }
    #expect(released != nil)
    try database.defineFunction("answer", arity: 0) { _ in 2 }
    #expect(released == nil)
    #expect(try database.scalarInt("SELECT answer()") == 2)
  }

  @Test func aWrongArityIsAnError() throws {
    let database = try database()
    try database.defineFunction("one", arity: 1) { _ in 1 }
    #expect(throws: SQLiteError.self) { try database.prepare("SELECT one()") }
  }
}
