/// A problem in an input document: which file, where in it, what is wrong.
public struct DocumentProblem: Error, Hashable, Sendable, CustomStringConvertible {
  public enum Place: Hashable, Sendable {
    /// A place in a parsed document.
    case pointer(JSONPointer)
    /// A place in the text, for syntax errors (1-based).
    case text(line: Int, column: Int)
  }

  public var file: String
  public var place: Place
  public var message: String

  public init(file: String, place: Place, message: String) {
    self.file = file
    self.place = place
    self.message = message
  }

  public init(file: String, pointer: JSONPointer, message: String) {
    self.init(file: file, place: .pointer(pointer), message: message)
  }

  /// `file:line:column: message` for syntax, `file#/json/pointer: message` otherwise.
  public var description: String {
    switch place {
    case .text(let line, let column):
      "\(file.escapingControlCharacters):\(line):\(column): \(message)"
    case .pointer(let pointer):
      "\(file.escapingControlCharacters)#\(pointer.description.escapingControlCharacters): "
        + message.escapingControlCharacters
    }
  }
}

/// Collects every problem found while reading documents, so all of them are reported together.
public final class ProblemLog {
  public private(set) var problems: [DocumentProblem] = []
  /// Beyond this many, problems are counted but not kept, so a broken national file does not
  /// flood the terminal or memory.
  public let limit: Int
  public private(set) var dropped = 0

  public init(limit: Int = 1000) { self.limit = limit }

  public var isEmpty: Bool { problems.isEmpty }
  /// Every problem reported, kept or not.
  public var count: Int { problems.count + dropped }

  public func report(_ problem: DocumentProblem) {
    if problems.count < limit { problems.append(problem) } else { dropped += 1 }
  }

  /// Hands over the problems kept so far and forgets them (the count of dropped ones stays):
  /// for passing problems on in order, as a reading thread does.
  public func takeProblems() -> [DocumentProblem] {
    defer { problems = [] }
    return problems
  }

  public func report(_ file: String, _ pointer: JSONPointer, _ message: String) {
    report(DocumentProblem(file: file, pointer: pointer, message: message))
  }
}
