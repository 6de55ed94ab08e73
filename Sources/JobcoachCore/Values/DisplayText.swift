extension String {
  /// The text with every control character (C0, DEL, C1, the line and paragraph separators)
  /// written as an escape (`\n`, `\t`, `\u{1B}`), so that a name from outside (a file name, a
  /// member name, an argument) cannot start a line of its own, forge an `error:` line or move
  /// the terminal's cursor inside a message. Text without any is returned as it is.
  public var escapingControlCharacters: String {
    func isControl(_ scalar: Unicode.Scalar) -> Bool {
      scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
        || scalar.value == 0x2029
    }
    guard unicodeScalars.contains(where: isControl) else { return self }
    var result = ""
    for scalar in unicodeScalars {
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where isControl(scalar):
        result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
