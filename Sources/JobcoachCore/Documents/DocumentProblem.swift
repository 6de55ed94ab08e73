/// A problem in an input document: which file, where in it, what is wrong (a reason with its
/// facts; the front end words it).
public struct DocumentProblem: Error, Hashable, Sendable {
  public enum Place: Hashable, Sendable {
    /// A place in a parsed document.
    case pointer(JSONPointer)
    /// A place in the text, for syntax errors (1-based).
    case text(line: Int, column: Int)
    /// A cell of a CSV table (1-based), with its column's header as the file spells it.
    case cell(line: Int, column: Int, header: String)
  }

  public var file: String
  public var place: Place
  public var reason: ProblemReason

  public init(file: String, place: Place, reason: ProblemReason) {
    self.file = file
    self.place = place
    self.reason = reason
  }

  public init(file: String, pointer: JSONPointer, reason: ProblemReason) {
    self.init(file: file, place: .pointer(pointer), reason: reason)
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

  public func report(_ file: String, _ pointer: JSONPointer, _ reason: ProblemReason) {
    report(DocumentProblem(file: file, pointer: pointer, reason: reason))
  }

  public func report(_ file: String, _ place: RecordPlace, _ reason: ProblemReason) {
    report(DocumentProblem(file: file, place: place.problemPlace, reason: reason))
  }
}
