import JobcoachCore
import JobcoachStore

/// The words of one language: every reason, evidence fact and command error the core returns
/// as values, worded for the person reading. One conforming type per language (`English`,
/// `Dutch`), each split in one file per area, so a translator or reviewer reads one file, not
/// the rules. JSON and CSV keep their codes; these words are for text and HTML.
protocol Wording: Sendable {
  var language: Language { get }

  func qualification(_ reason: QualificationReason) -> String
  func register(_ reason: RegisterReason) -> String
  func funding(_ reason: FundingReason) -> String
  func placement(_ reason: PlacementReason) -> String
  func registry(_ reason: RegistryReason) -> String
  /// Why a booking's hours are not reimbursed or are held.
  func booking(_ reason: BookingReason) -> String
  func evidence(_ facts: EvidenceItem.Facts) -> String
  /// Why an activity counted otherwise than claimed, in a PE statement's list.
  func activity(_ note: ActivityJudgement.Note) -> String
  func lapse(_ reason: LapseReason) -> String
  /// A use case's refusal, as a command prints it.
  func error(_ error: UseCaseError) -> String
  /// What is wrong at one place of an input document.
  func problem(_ reason: ProblemReason) -> String
  /// Why a command could not do its work: its input, its output or the registry.
  func failure(_ error: CLIError) -> String
  func failure(_ error: StoreError) -> String
  /// What falls due on a deadline.
  func deadline(_ detail: Deadline.Detail) -> String
  /// How long before a deadline a reminder goes out: `6 months`, `6 maanden`.
  func stage(_ stage: ReminderStage) -> String

  // Values as this language writes them in sentences.
  func date(_ date: CalendarDate) -> String
  func interval(_ interval: DateInterval) -> String
  /// Hours with their unit: `1 hour`, `2.5 hours` / `1 uur`, `2,5 uur`.
  func hours(_ hours: Hours) -> String
  /// Hours as a number only: `2.5` / `2,5`.
  func number(_ hours: Hours) -> String
  func money(_ money: Money) -> String
  /// Items joined with commas and the last with `conjunction` (`and`/`or`, `en`/`of`).
  func list(_ items: [String], _ conjunction: String) -> String
}

extension Wording {
  func reason(_ reason: FindingReason) -> String {
    switch reason {
    case .qualification(let reason): qualification(reason)
    case .register(let reason): register(reason)
    case .funding(let reason): funding(reason)
    case .placement(let reason): placement(reason)
    case .registry(let reason): registry(reason)
    }
  }

  func message(_ finding: Finding) -> String { reason(finding.reason) }

  /// `file:line:column: reason` for syntax, `file#/json/pointer: reason` otherwise; control
  /// characters escaped, so no file name or key can forge another line.
  func line(_ problem: DocumentProblem) -> String {
    let file = problem.file.escapingControlCharacters
    switch problem.place {
    case .text(let line, let column):
      return "\(file):\(line):\(column): \(self.problem(problem.reason))"
    case .pointer(let pointer):
      return "\(file)#\(pointer.description.escapingControlCharacters): "
        + self.problem(problem.reason).escapingControlCharacters
    case .cell(let line, let column, let header):
      return "\(file):\(line):\(column) (\(header.escapingControlCharacters)): "
        + self.problem(problem.reason).escapingControlCharacters
    }
  }

  /// Where in a file: `file#/json/pointer`, `file:line:column` or `file:line:column (header)`.
  func place(_ file: String, _ place: DocumentProblem.Place) -> String {
    switch place {
    case .text(let line, let column): "\(file):\(line):\(column)"
    case .pointer(let pointer): "\(file)#\(pointer)"
    case .cell(let line, let column, let header): "\(file):\(line):\(column) (\(header))"
    }
  }
  func detail(_ evidence: EvidenceItem) -> String { self.evidence(evidence.facts) }

  func money(_ money: Money) -> String { Localised.money(money, language) }

  /// A command's own words in this language: the English, or the Dutch beside it. For the
  /// frames around findings (headings, labels, summaries), where the pair side by side is
  /// what a reviewer checks.
  func say(_ english: String, _ dutch: String) -> String { language == .nl ? dutch : english }

  /// An organisation as a sentence names it: `Name (ID)`, or `'ID'` when the registry lacks it.
  func organisation(_ ref: OrganisationRef) -> String {
    ref.name.map { "\($0) (\(ref.id))" } ?? "'\(ref.id)'"
  }

  func ids<ID: RawRepresentable>(_ ids: [ID]) -> String where ID.RawValue == String {
    ids.map(\.rawValue).joined(separator: ", ")
  }

  /// Codes as a document spells them, quoted: `'a', 'b'`.
  func quoted(_ items: [String]) -> String { items.map { "'\($0)'" }.joined(separator: ", ") }

  /// `n word` or `n words`.
  func count(_ count: Int, _ singular: String, _ plural: String) -> String {
    Localised.count(count, singular, plural)
  }
}

extension Language {
  /// The words of this language.
  var words: any Wording {
    switch self {
    case .en: English()
    case .nl: Dutch()
    }
  }
}
