/// Looking a coach up in the public register as the public types it: case and accents do not
/// matter ('zoe' finds 'Zoë', 'ijssel' finds 'Ĳssel'), a register number finds its entry.
/// The one search of the register: the web's lookup uses it.
public enum SearchKey {
  /// `text` in lower case without accents: precomposed Latin letters to their base letters
  /// (ligatures spelled out), combining marks dropped.
  public static func fold(_ text: String) -> String {
    var folded = ""
    folded.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.lowercased().unicodeScalars {
      let value = scalar.value
      if (0x300...0x36F).contains(value) { continue }
      if (0xC0...0x17F).contains(value) {
        let base = latin[Int(value - 0xC0)]
        if !base.isEmpty {
          folded += base
          continue
        }
      }
      folded.unicodeScalars.append(scalar)
    }
    return folded
  }

  /// The base letters of U+00C0 to U+017F, lower case, 32 a line; "-" keeps the character
  /// (× and ÷).
  static let latin: [String] = {
    let table = [
      "a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o|-|o|u|u|u|u|y|th|ss",
      "a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o|-|o|u|u|u|u|y|th|y",
      "a|a|a|a|a|a|c|c|c|c|c|c|c|c|d|d|d|d|e|e|e|e|e|e|e|e|e|e|g|g|g|g",
      "g|g|g|g|h|h|h|h|i|i|i|i|i|i|i|i|i|i|ij|ij|j|j|k|k|k|l|l|l|l|l|l|l",
      "l|l|l|n|n|n|n|n|n|n|n|n|o|o|o|o|o|o|oe|oe|r|r|r|r|r|r|s|s|s|s|s|s",
      "s|s|t|t|t|t|t|t|u|u|u|u|u|u|u|u|u|u|u|u|w|w|y|y|y|z|z|z|z|z|z|s",
    ].joined(separator: "|")
    return table.split(separator: "|").map { $0 == "-" ? "" : String($0) }
  }()
}

extension PublicRegister {
  /// The entries `query` finds: the entry whose register number it is (case aside), else
  /// those whose name or number holds it, accents and case aside. An empty query finds none.
  public func search(_ query: String) -> [PublicRegisterEntry] {
    let trimmed = query.trimmingWhitespace
    guard !trimmed.isEmpty else { return [] }
    let key = SearchKey.fold(trimmed)
    if let exact = entries.first(where: { SearchKey.fold($0.registerNumber) == key }) {
      return [exact]
    }
    return entries.filter {
      SearchKey.fold($0.name).contains(key) || SearchKey.fold($0.registerNumber).contains(key)
    }
  }
}

extension String {
  /// Without leading and trailing white space.
  public var trimmingWhitespace: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
