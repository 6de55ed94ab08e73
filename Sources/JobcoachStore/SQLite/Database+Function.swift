internal import CSQLite

/// The arguments of one call of an application-defined SQL function.
struct FunctionArguments {
  fileprivate let values: UnsafeMutablePointer<OpaquePointer?>?
  let count: Int

  /// The text of argument `index` (0-based); nil for NULL.
  func text(_ index: Int) -> String? {
    utf8(index).map { String(decoding: $0, as: UTF8.self) }
  }

  /// The UTF-8 bytes of argument `index` (0-based), valid during the call only; nil for NULL.
  func utf8(_ index: Int) -> UnsafeBufferPointer<UInt8>? {
    guard index < count, let value = values?[index],
      sqlite3_value_type(value) != SQLITE_NULL, let bytes = sqlite3_value_text(value)
    else { return nil }
    return UnsafeBufferPointer(start: bytes, count: Int(sqlite3_value_bytes(value)))
  }

  /// The integer of argument `index` (0-based); 0 for NULL, as SQLite converts it.
  func int(_ index: Int) -> Int {
    guard index < count, let value = values?[index] else { return 0 }
    return Int(sqlite3_value_int64(value))
  }
}

/// Keeps a function's body alive for as long as SQLite holds the function.
private final class FunctionBody {
  let body: (FunctionArguments) -> Int?
  init(_ body: @escaping (FunctionArguments) -> Int?) { self.body = body }
}

extension Database {
  /// Defines (or redefines) the deterministic SQL function `name` of `arity` arguments on this
  /// connection: `body` answers an integer, or nil for NULL. Lets a query ask the domain a
  /// question per row without handing every row to Swift.
  func defineFunction(
    _ name: String, arity: Int32, _ body: @escaping (FunctionArguments) -> Int?
  ) throws(SQLiteError) {
    let box = Unmanaged.passRetained(FunctionBody(body)).toOpaque()
    let status = sqlite3_create_function_v2(
      handle, name, arity, SQLITE_UTF8 | SQLITE_DETERMINISTIC, box,
      { context, count, values in
        let function = Unmanaged<FunctionBody>.fromOpaque(sqlite3_user_data(context))
          .takeUnretainedValue()
        if let result = function.body(FunctionArguments(values: values, count: Int(count))) {
          sqlite3_result_int64(context, Int64(result))
        } else {
          sqlite3_result_null(context)
        }
      }, nil, nil,
      { box in box.map { Unmanaged<FunctionBody>.fromOpaque($0).release() } })
    // SQLite calls the destructor itself when the definition fails.
    guard status == SQLITE_OK else { throw error(status) }
  }
}
