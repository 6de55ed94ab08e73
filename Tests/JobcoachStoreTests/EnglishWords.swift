@testable import JobcoachCLI
import JobcoachStore
import JobcoachCore

// The store's tests read an import's problems as a command prints them, in English.
extension DocumentProblem {
  var description: String { English().line(self) }
  var message: String { English().problem(reason) }
}

extension StoreError {
  var description: String { English().failure(self) }
}
