/// One HTTP request as the web front end sees it: what the server read off the connection,
/// already split (the path without its query, the query's arguments decoded).
public struct HTTPRequest: Sendable {
  public var method: String
  /// The path, percent-decoded by the server, without the query: `/register/NJR-0001`.
  public var path: String
  /// The query's arguments in order, decoded (`+` and `%xx`); a key without `=` has "".
  public var query: [(name: String, value: String)]
  /// Header names in lower case.
  public var headers: [String: String]
  public var body: [UInt8]

  public init(
    method: String, path: String, query: [(name: String, value: String)] = [],
    headers: [String: String] = [:], body: [UInt8] = []
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.headers = headers
    self.body = body
  }

  /// The first value of a query argument.
  public func argument(_ name: String) -> String? {
    query.first { $0.name == name }?.value
  }
}

/// The answer to one request.
public struct HTTPResponse: Sendable, Equatable {
  public var status: Int
  /// Headers besides the length, in order.
  public var headers: [(name: String, value: String)]
  public var body: [UInt8]

  public init(status: Int, contentType: String, body: String) {
    self.init(status: status, contentType: contentType, body: Array(body.utf8))
  }

  public init(status: Int, contentType: String, body: [UInt8]) {
    self.status = status
    self.headers = [("Content-Type", contentType)] + HTTPResponse.safetyHeaders
    self.body = body
  }

  public var text: String { String(decoding: body, as: UTF8.self) }

  public func header(_ name: String) -> String? {
    headers.first { $0.name.lowercased() == name.lowercased() }?.value
  }

  /// Sent with every answer: no page of the registry may be framed or sniffed, and none is
  /// kept by a shared cache (a municipality's answer is not the public's).
  static let safetyHeaders: [(name: String, value: String)] = [
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    ("Cache-Control", "no-store"),
    (
      "Content-Security-Policy",
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
        + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
  ]

  public static func == (left: HTTPResponse, right: HTTPResponse) -> Bool {
    left.status == right.status && left.body == right.body
      && left.headers.map { [$0.name, $0.value] } == right.headers.map { [$0.name, $0.value] }
  }
}

/// `application/x-www-form-urlencoded`: what an HTML form posts.
enum FormEncoding {
  /// The fields of a form body in order; nil when a `%` escape is broken or the text is not
  /// UTF-8.
  static func fields(_ body: [UInt8]) -> [(name: String, value: String)]? {
    var fields: [(name: String, value: String)] = []
    for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
      let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
      guard let name = decode(parts[0]) else { return nil }
      guard let value = parts.count > 1 ? decode(parts[1]) : "" else { return nil }
      fields.append((name, value))
    }
    return fields
  }

  static func decode(_ bytes: ArraySlice<UInt8>) -> String? {
    var decoded: [UInt8] = []
    decoded.reserveCapacity(bytes.count)
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "+"):
        decoded.append(UInt8(ascii: " "))
        index += 1
      case UInt8(ascii: "%"):
        guard bytes.endIndex - index >= 3, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
        else { return nil }
        decoded.append(high << 4 | low)
        index += 3
      default:
        decoded.append(byte)
        index += 1
      }
    }
    // Not UTF-8 if decoding had to repair it.
    let text = String(decoding: decoded, as: UTF8.self)
    return text.utf8.elementsEqual(decoded) ? text : nil
  }

  static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
