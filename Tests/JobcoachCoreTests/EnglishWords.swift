@testable import JobcoachCLI
import JobcoachCore

// The rules' tests read a finding as a caseworker reading English would: the words are the
// front end's (JobcoachCLI), the facts the core's. The reason values themselves are asserted
// in the tests that need them; FindingWordsTests holds every reason's words in both languages.
extension Finding {
  var message: String { English().message(self) }
}

extension EvidenceItem {
  var detail: String { English().detail(self) }
}

extension DocumentProblem {
  /// The line a command prints: `file#/pointer: reason` in English.
  var description: String { English().line(self) }
  var message: String { English().problem(reason) }
}

extension JSONSyntaxError {
  var message: String { English().problem(reason) }
}

extension AuditBreak {
  var description: String { AuditVerifyCommand.describe(self, English()) }
}
