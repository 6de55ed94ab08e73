import JobcoachCore

/// An iCalendar (RFC 5545) file of deadlines: one all-day event per deadline, an alarm at each
/// reminder stage still ahead, UIDs that stay the same across exports.
enum ICalendar {
  static func document(
    _ deadlines: [Deadline], schedule: ReminderSchedule, stamp date: CalendarDate,
    _ words: any Wording = English()
  ) -> String {
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//jobcoach//deadlines//EN", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH", "X-WR-CALNAME:jobcoach deadlines",
    ]
    for deadline in deadlines {
      lines += [
        "BEGIN:VEVENT",
        "UID:\(text(deadline.uid))",
        "DTSTAMP:\(compact(date))T000000Z",
        "DTSTART;VALUE=DATE:\(compact(deadline.date))",
        "DTEND;VALUE=DATE:\(compact(deadline.date.adding(days: 1)))",
        "SUMMARY:\(text("\(deadline.name): \(words.deadline(deadline.detail))"))",
        "DESCRIPTION:\(text("\(deadline.kind.rawValue) for \(deadline.subject) on \(deadline.date)"))",
        "CATEGORIES:\(text(deadline.kind.rawValue))",
        "TRANSP:TRANSPARENT",
      ]
      for stage in schedule.stages where stage.day(before: deadline.date) >= date {
        lines += [
          "BEGIN:VALARM", "ACTION:DISPLAY",
          "DESCRIPTION:" + text(alarm(stage, deadline, words)),
          "TRIGGER;VALUE=DATE-TIME:\(compact(stage.day(before: deadline.date)))T080000Z",
          "END:VALARM",
        ]
      }
      lines.append("END:VEVENT")
    }
    lines.append("END:VCALENDAR")
    return lines.map(folded).joined(separator: "\r\n") + "\r\n"
  }

  /// `6 months before: Name: what` / `6 maanden vooraf: ...`.
  static func alarm(_ stage: ReminderStage, _ deadline: Deadline, _ words: any Wording) -> String {
    words.stage(stage) + (words.language == .nl ? " vooraf: " : " before: ")
      + "\(deadline.name): \(words.deadline(deadline.detail))"
  }

  /// `20261214`.
  static func compact(_ date: CalendarDate) -> String {
    date.description.replacingAll("-", with: "")
  }

  /// A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11).
  static func text(_ value: String) -> String {
    var result = ""
    for character in value {
      switch character {
      case "\\": result += "\\\\"
      case ";": result += "\\;"
      case ",": result += "\\,"
      case "\n", "\r\n", "\r": result += "\\n"
      default: result.append(character)
      }
    }
    return result
  }

  /// Lines longer than 75 octets continue on the next line after a space, never inside a
  /// UTF-8 sequence (RFC 5545 3.1).
  static func folded(_ line: String) -> String {
    var result = ""
    var octets = 0
    for character in line {
      let size = String(character).utf8.count
      if octets + size > 75 {
        result += "\r\n "
        octets = 1
      }
      result.append(character)
      octets += size
    }
    return result
  }
}
