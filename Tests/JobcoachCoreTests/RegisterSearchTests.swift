import Testing

@testable import JobcoachCore

/// The public's lookup (issue 20): accents and case aside, a register number finds its entry.
struct RegisterSearchTests {
  @Test func foldingDropsCaseAndAccents() {
    #expect(SearchKey.fold("Zoë") == "zoe")
    #expect(SearchKey.fold("ZOË") == "zoe")
    // Decomposed: e and a combining diaeresis.
    #expect(SearchKey.fold("Zoe\u{308}") == "zoe")
    #expect(SearchKey.fold("Ĳsselmeer") == "ijsselmeer")
    #expect(SearchKey.fold("Çelik Øverland Šimić Łukasz") == "celik overland simic lukasz")
    #expect(SearchKey.fold("Straße Æsa Œuvre") == "strasse aesa oeuvre")
    #expect(SearchKey.fold("İlknur") == "ilknur")
    // Signs keep themselves; letters beyond Latin too.
    #expect(SearchKey.fold("3×4÷2") == "3×4÷2")
    #expect(SearchKey.fold("Ωmega") == "ωmega")
    #expect(SearchKey.latin.count == 0x180 - 0xC0)
    // Every letter of U+00C0 to U+017F folds to ASCII letters, × and ÷ aside.
    for value in 0xC0...0x17F where value != 0xD7 && value != 0xF7 {
      let folded = SearchKey.fold(String(Unicode.Scalar(UInt32(value))!))
      #expect(
        !folded.isEmpty && folded.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isLowercase },
        "U+\(String(value, radix: 16)) folds to \(folded)")
    }
  }

  static let register = PublicRegister(
    register: "Register", publishedOn: CalendarDate(iso: "2026-11-23")!,
    entries: [
      entry("RJC-00101", "Anouk de Vries"), entry("RJC-00104", "Dirk Visser"),
      entry("RJC-00901", "Zoë Visser"), entry("RJC-01010", "Ĳsbrand Çelik"),
    ])

  static func entry(_ number: String, _ name: String) -> PublicRegisterEntry {
    PublicRegisterEntry(
      registerNumber: number, name: name, status: .registered,
      registeredSince: CalendarDate(iso: "2024-01-01")!, validUntil: nil)
  }

  func names(_ query: String) -> [String] { Self.register.search(query).map(\.name) }

  @Test func aNameIsFoundByAnyPartAccentsAndCaseAside() {
    #expect(names("zoe") == ["Zoë Visser"])
    #expect(names("  VISSER ") == ["Dirk Visser", "Zoë Visser"])
    #expect(names("ijsbrand celik") == ["Ĳsbrand Çelik"])
    #expect(names("de vries") == ["Anouk de Vries"])
    #expect(names("xqzw") == [])
    #expect(names("") == [] && names("   ") == [])
  }

  @Test func aRegisterNumberFindsItsEntryOnly() {
    // RJC-0101 is part of RJC-01010 and not a number held: the part matches.
    #expect(names("rjc-00101") == ["Anouk de Vries"])
    #expect(names("RJC-0101") == ["Ĳsbrand Çelik"])
    #expect(names("RJC-0") == ["Anouk de Vries", "Dirk Visser", "Zoë Visser", "Ĳsbrand Çelik"])
  }
}
