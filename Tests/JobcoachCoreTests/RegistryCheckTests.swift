import Testing

@testable import JobcoachCore

struct RegistryCheckReportTests {
  func finding(_ subject: FindingSubject, _ rule: String) -> Finding {
    Finding(
      rule: RuleID(rawValue: rule), severity: .note, outcome: .met, subject: subject,
      reason: .registry(.notRecognised(on: CalendarDate(daysSinceEpoch: 0))))
  }

  /// Parts in subject order stay as they are; out of order they are grouped by subject,
  /// each subject's findings in the order found.
  @Test func findingsAreGroupedBySubjectInOrder() {
    let a = FindingSubject.coach("A")
    let b = FindingSubject.coach("B")
    let m = FindingSubject(kind: .membership, id: "RJC-00001")
    let date = day("2026-11-25")
    let inOrder = RegistryCheck.report(
      [
        RegistryCheck.Part(
          subjects: [a, b], findings: [finding(a, "1"), finding(a, "2"), finding(b, "3")]),
        RegistryCheck.Part(subjects: [m], findings: [finding(m, "4")]),
      ], on: date)
    #expect(inOrder.findings.map(\.rule.rawValue) == ["1", "2", "3", "4"])
    #expect(inOrder.subjects == [a, b, m])

    let mixed = RegistryCheck.report(
      [
        RegistryCheck.Part(subjects: [m, b], findings: [finding(m, "4"), finding(b, "3")]),
        RegistryCheck.Part(
          subjects: [a], findings: [finding(a, "1"), finding(b, "5"), finding(a, "2")]),
      ], on: date)
    #expect(mixed.findings.map(\.rule.rawValue) == ["1", "2", "3", "5", "4"])
    #expect(mixed.subjects == [a, b, m])
  }
}
