import JobcoachCore

/// The language the front end speaks: Dutch for the people who use the product, English
/// beside it. Chosen with `--lang nl|en`, else `$JOBCOACH_LANG`, else the locale (`LC_ALL`,
/// `LC_MESSAGES`, `LANG` starting with `nl`), else English.
enum Language: String, CaseIterable, Sendable {
  case nl, en

  /// The language of text output. `forJSON`: only `--lang` and `$JOBCOACH_LANG` count, never
  /// the locale, so a script's output does not change with the machine it runs on.
  static func choose(
    _ arguments: ParsedArguments, environment: [String: String], command: String,
    forJSON: Bool = false, defaultLanguage: Language = .en
  ) throws(UsageError) -> Language {
    if let named = arguments.value("--lang") {
      guard let language = Language(rawValue: named) else {
        throw UsageError(
          "unknown language '\(named)'; choose nl or en",
          nl: "onbekende taal '\(named)'; kies nl of en", command: command)
      }
      return language
    }
    if let named = environment["JOBCOACH_LANG"], let language = Language(rawValue: named) {
      return language
    }
    guard !forJSON else { return defaultLanguage }
    // The first locale variable that is set decides, as the C library reads them.
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = environment[name], !value.isEmpty else { continue }
      // A Dutch locale speaks Dutch; the C/POSIX locale says nothing, so the default holds.
      if value.hasPrefix("nl") { return .nl }
      return value == "C" || value == "POSIX" || value.hasPrefix("C.") ? defaultLanguage : .en
    }
    return defaultLanguage
  }

  /// The language of a page for the public (a register, a printable statement): Dutch unless
  /// `--lang` or `$JOBCOACH_LANG` says otherwise; never the locale of whoever made it.
  static func forPage(_ arguments: ParsedArguments, environment: [String: String], command: String)
    throws(UsageError) -> Language
  {
    try choose(
      arguments, environment: environment, command: command, forJSON: true, defaultLanguage: .nl)
  }

  /// `--lang nl|en`.
  static let option = OptionSpec.value(
    "--lang", "LANG", "nl or en (default: $JOBCOACH_LANG, else the locale, else en)")
}

/// Words and numbers as each language writes them in text and HTML (never in JSON or CSV,
/// whose values stay ISO dates, cents and decimal-point hours).
enum Localised {
  static let dutchMonths = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
  ]
  static let englishMonths = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// `1 juli 2026` / `1 July 2026`: the day without a leading zero, the month in words.
  static func date(_ date: CalendarDate, _ language: Language) -> String {
    let months = language == .nl ? dutchMonths : englishMonths
    let (year, month, day) = date.components
    return "\(day) \(months[month - 1]) \(year)"
  }

  /// `€ 4.500,00` / `EUR 4,500.00`.
  static func money(_ money: Money, _ language: Language) -> String {
    guard language == .nl else { return money.description }
    return money.written(currency: "€ ", grouping: UInt8(ascii: "."), decimal: UInt8(ascii: ","))
  }

  /// `2,5 uur`, `1 uur` / `2.5 hours`, `1 hour`: the hours exact to the minute.
  static func hours(_ hours: Hours, _ language: Language) -> String {
    let text = hours.decimalText
    switch language {
    case .nl: return String(text.map { $0 == "." ? "," : $0 }) + " uur"
    case .en: return text + (hours == Hours(wholeHours: 1) ? " hour" : " hours")
    }
  }

  /// A count with its noun, singular or plural: `1 jobcoach`, `2 jobcoaches`.
  static func count(_ count: Int, _ singular: String, _ plural: String) -> String {
    "\(count) \(count == 1 ? singular : plural)"
  }
}
