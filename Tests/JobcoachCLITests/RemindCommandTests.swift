import Foundation
import Testing

@testable import JobcoachCLI
@testable import JobcoachCore

/// A small RFC 5545 reader for the tests: unfolds lines and checks the structure.
struct ParsedCalendar {
  var events: [[String: String]] = []
  var problems: [String] = []

  init(_ text: String) {
    if !text.hasSuffix("\r\n") { problems.append("does not end in CRLF") }
    let physical = text.components(separatedBy: "\r\n").dropLast()
    for line in physical where line.utf8.count > 75 {
      problems.append("line longer than 75 octets: \(line)")
    }
    var lines: [String] = []
    for line in physical {
      if line.hasPrefix(" "), !lines.isEmpty {
        lines[lines.count - 1] += line.dropFirst()
      } else {
        lines.append(line)
      }
    }
    var stack: [String] = []
    var event: [String: String]?
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else {
        problems.append("no colon: \(line)")
        continue
      }
      let name = String(line[..<colon])
      let value = String(line[line.index(after: colon)...])
      if name == "BEGIN" {
        stack.append(value)
        if value == "VEVENT" { event = [:] }
      } else if name == "END" {
        if stack.popLast() != value { problems.append("END:\(value) does not close its BEGIN") }
        if value == "VEVENT", let done = event {
          events.append(done)
          event = nil
        }
      } else if stack.last == "VEVENT" {
        event?[name.split(separator: ";").first.map(String.init) ?? name] = value
      }
    }
    if !stack.isEmpty { problems.append("unclosed: \(stack)") }
    if lines.first != "BEGIN:VCALENDAR" { problems.append("does not start with BEGIN:VCALENDAR") }
    if !lines.contains("VERSION:2.0") || !lines.contains(where: { $0.hasPrefix("PRODID:") }) {
      problems.append("VERSION and PRODID are required")
    }
  }
}

struct RemindCommandTests {
  func remind(_ date: String, _ format: String = "text", _ extra: [String] = []) -> ToolRun {
    jobcoach(["remind", "--file", samplesPath, "--on", date, "--format", format] + extra)
  }

  @Test(arguments: [
    ("2026-06-14", "6m"), ("2026-09-21", "12w"), ("2026-11-14", "30d"), ("2026-12-07", "7d"),
  ])
  func reRegistrationRemindersComeOnTheirExactDays(_ date: String, _ stage: String) throws {
    let run = remind(date, "json")
    let reminders = JSONValue.object(try run.json())["reminders"]?.array ?? []
    let charlotte = reminders.filter {
      $0["uid"] == .string("reregistration-JC-0003-2021-12-15@jobcoach")
    }
    #expect(charlotte.count == 1)
    #expect(charlotte.first?["stage"] == .string(stage))
    let dayBefore = CalendarDate(iso: date)!.adding(days: -1).description
    let none = JSONValue.object(try remind(dayBefore, "json").json())["reminders"]?.array ?? []
    #expect(!none.contains { $0["uid"] == .string("reregistration-JC-0003-2021-12-15@jobcoach") })
  }

  @Test func recognitionsAndQualificationsAreRemindedToo() {
    let werkpad = remind("2026-05-31")
    #expect(werkpad.out.contains("2026-06-30  30 days  recognition-end  organisation ORG-WERKPAD"))
    let harrie = remind("2026-12-01")
    #expect(harrie.out.contains("2026-12-31  30 days  qualification-expiry  coach JC-0012"))
  }

  @Test func theCalendarParsesAndKeepsItsUIDs() {
    let first = ParsedCalendar(remind("2026-11-23", "ics").out)
    #expect(first.problems == [])
    #expect(first.events.count >= 3)
    for event in first.events {
      #expect(event["UID"] != nil && event["DTSTAMP"] != nil && event["DTSTART"] != nil)
    }
    let uids = first.events.compactMap { $0["UID"] }
    #expect(Set(uids).count == uids.count)
    #expect(uids.contains("reregistration-JC-0003-2021-12-15@jobcoach"))
    // A week later the same deadlines keep their UIDs.
    let later = ParsedCalendar(remind("2026-11-30", "ics").out)
    #expect(Set(later.events.compactMap { $0["UID"] }).isSuperset(of: Set(uids)))
  }

  @Test func textIsEscapedAndLongLinesFolded() {
    #expect(ICalendar.text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    let long = "SUMMARY:" + String(repeating: "é", count: 60)
    let folded = ICalendar.folded(long)
    #expect(folded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == long)
  }

  @Test func stagesComeFromOptionsOrAPolicy() {
    let custom = remind("2026-12-04", "text", ["--stages", "10d"])
    #expect(custom.out.contains("2026-12-14  10 days  re-registration"))
    let bad = remind("2026-12-04", "text", ["--stages", "soon"])
    #expect(bad.code == 64)
  }
}
