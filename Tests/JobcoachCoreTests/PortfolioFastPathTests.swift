import JobcoachTestSupport
import Testing

@testable import JobcoachCore

/// The fast path must accept only what the general path accepts without a word, and give the
/// same portfolio.
struct PortfolioFastPathTests {
  /// A record as a national export writes it.
  static let exported = """
    {"coach": "JC-000001", "peActivities": [{"id": "JC-000001-A0001", "date": "2024-10-09", \
    "hours": 7, "title": "Loonwaardemeting in de praktijk", "provider": "Coachacademie Noord", \
    "category": "accredited", "accreditationCode": "BJN-B-0141", "evidence": {"documentId": \
    "CERT-JC-000001-A0001", "issuer": "Coachacademie Noord"}},
    {"id": "JC-000001-A0004", "date": "2019-02-04", "hours": 1.5, "title": "Intervisie", \
    "provider": "Divosa Académie", "category": "free", "evidence": {"documentId": "C-4", \
    "issuer": "Divosa"}}, {"id": "A5", "date": "2020-02-29", "hours": 0.25, "title": "Zoë", \
    "provider": "P", "category": "free"}], "registeredSince": "2018-01-01"}
    """

  func fast(_ text: String) -> Portfolio? {
    Array(text.utf8).withUnsafeBufferPointer { PortfolioFastPath.decode($0) }
  }

  /// The general path: parse, decode, with the problems it reports.
  func general(_ text: String) -> (Portfolio?, [DocumentProblem]) {
    let log = ProblemLog()
    guard let value = try? JSONParser.parse(Array(text.utf8)) else {
      return (nil, [DocumentProblem(file: "t", pointer: .root, reason: .noJSONValue)])
    }
    let portfolio = Portfolio.decode(
      value, at: .root, in: DecodingContext(file: "t", log: log))
    return (portfolio, log.problems)
  }

  @Test func anExportedRecordIsReadTheSameBothWays() throws {
    let portfolio = try #require(fast(Self.exported))
    #expect(portfolio.activities.count == 3)
    #expect(portfolio.activities[1].hours == Hours(minutes: 90))
    #expect(portfolio.registeredSince == day("2018-01-01"))
    let (general, problems) = general(Self.exported)
    #expect(problems.isEmpty)
    #expect(general == portfolio)
  }

  /// Each of these is left to the general path (which then reports it, or reads it).
  @Test(arguments: [
    #"{"coach": "JC-1", "peActivities": [], "educations": []}"#,
    #"{"coach": "JC-1", "peActivities": null}"#,
    #"{"coach": "JC\u002D1", "peActivities": []}"#,
    #"{"coach": "JC-1", "coach": "JC-2"}"#,
    #"{"peActivities": []}"#,
    #"{"coach": "123456782"}"#,
    #"{"coach": "JC-1", "peActivities": [{"id": "A", "date": "2024-01-01", "hours": 0, "title": "T", "provider": "P", "category": "free"}]}"#,
    #"{"coach": "JC-1", "peActivities": [{"id": "A", "date": "2024-01-01", "hours": 2, "title": "T", "provider": "P", "category": "free", "accreditationCode": "X"}]}"#,
    #"{"coach": "JC-1", "peActivities": [{"id": "A", "date": "2024-01-01", "hours": 2, "title": "T", "provider": "P", "category": "free"}, {"id": "A", "date": "2024-01-02", "hours": 2, "title": "T", "provider": "P", "category": "free"}]}"#,
    #"{"coach": "JC-1", "peActivities": [{"id": "A", "date": "2023-02-29", "hours": 2, "title": "T", "provider": "P", "category": "free"}]}"#,
    #"{"coach": "JC-1", "peActivities": [{"id": "A", "date": "2024-01-01", "hours": 2e1, "title": "T", "provider": "P", "category": "free"}]}"#,
    #"{"coach": "JC-1", "peActivities": [{"id": "A", "date": "2024-01-01", "hours": "2", "title": "T", "provider": "P", "category": "free"}]}"#,
    #"{"coach": "JC-1", "peActivities": [{"id": "A", "date": "2024-01-01", "hours": 02, "title": "T", "provider": "P", "category": "free"}]}"#,
    #"{"coach": "JC-1", "peActivities": [{"id": "A", "date": "2024-01-01", "hours": 2, "title": " ", "provider": "P", "category": "free"}]}"#,
    #"{"coach": "JC-1", "peActivities": [{"id": "A", "date": "2024-01-01", "hours": 2, "title": "T", "provider": "P", "category": "other"}]}"#,
    #"{"coach": "JC-1"} x"#,
    #"["JC-1"]"#,
  ])
  func anythingUnusualGoesTheGeneralWay(_ text: String) {
    #expect(fast(text) == nil)
  }

  /// Mutations of an exported record: whenever the fast path reads one, the general path reads
  /// the same portfolio and reports nothing.
  @Test func mutatedRecordsAreNeverReadDifferently() {
    var generator = SplitMix(seed: 20_261_125)
    let original = Array(Self.exported.utf8)
    let inserts = Array(#"" \,:{}[]0-.e9nAé"#.utf8)
    var accepted = 0
    for _ in 0..<4000 {
      var bytes = original
      for _ in 0...(generator.next() % 3) {
        let at = Int(generator.next() % UInt64(bytes.count))
        switch generator.next() % 3 {
        case 0: bytes.remove(at: at)
        case 1: bytes.insert(inserts[Int(generator.next() % UInt64(inserts.count))], at: at)
        default: bytes[at] = inserts[Int(generator.next() % UInt64(inserts.count))]
        }
      }
      let text = String(decoding: bytes, as: UTF8.self)
      guard Array(text.utf8) == bytes, let portfolio = fast(text) else { continue }
      accepted += 1
      let (general, problems) = general(text)
      #expect(problems.isEmpty, "\(text)")
      #expect(general == portfolio, "\(text)")
    }
    #expect(accepted > 100)
  }
}
