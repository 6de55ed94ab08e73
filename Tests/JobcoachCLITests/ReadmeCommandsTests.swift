import Foundation
import Testing

@testable import JobcoachCLI

/// The README's Commands section runs as written, in order, on one registry: what a newcomer
/// types first must work.
struct ReadmeCommandsTests {
  /// The shell lines of the first `sh` block after the heading `## Commands`.
  static func commandLines() throws -> [String] {
    let readme = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
    let section = try #require(readme.range(of: "\n## Commands\n"))
    let rest = readme[section.upperBound...]
    let open = try #require(rest.range(of: "```sh\n"))
    let close = try #require(rest[open.upperBound...].range(of: "\n```"))
    return rest[open.upperBound..<close.lowerBound].split(separator: "\n").map(String.init)
  }

  /// Splits a shell line into words: double quotes group, `#` after a space starts a comment.
  static func words(_ line: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quoted = false
    var inWord = false
    for character in line {
      if character == "\"" {
        quoted.toggle()
        inWord = true
      } else if character == " " && !quoted {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else if character == "#" && !quoted && !inWord {
        break
      } else {
        current.append(character)
        inWord = true
      }
    }
    if inWord { words.append(current) }
    return words
  }

  /// The exit code each line must give, in order: 1 where the README shows a verdict with
  /// errors (not eligible, norm not met, a check with errors).
  static let expectedCodes: [Int32] = [
    0,  // export JOBCOACH_DB
    0, 0, 0,  // init, import --dry-run, import
    0, 1,  // verify eligible, verify not eligible
    0, 0,  // show, list
    1, 0,  // pe JC-0004 (one hour short), pe --file JC-0002 (exactly 81 and 111)
    0, 0, 0, 0,  // register admit, assess, remove, renew
    0, 0, 0,  // register suspend, reinstate, due
    1,  // placement show PL-2026-008 (over budget)
    0, 0,  // hours import, hours report
    0, 0,  // hours decide, register admit to RJ-NOORD
    1, 1,  // check, check --file --rule Q-INT
    0, 0,  // remind, remind ics
    0, 0,  // keys generate, keys use
    0, 0, 0,  // export html, export json --signed, import register.json
    0, 0, 0, 0, 0,  // audit log, audit verify, export subject, erase, settings
    0,  // rules Q-POL-3
  ]

  @Test func theCommandsSectionRunsInOrderOnOneRegistry() throws {
    let lines = try Self.commandLines()
    #expect(lines.count == Self.expectedCodes.count)
    let scratch = Scratch()
    var environment: [String: String] = [:]
    for (line, expected) in zip(lines, Self.expectedCodes) {
      var words = Self.words(line)
      if words.first == "export" {
        let (name, value) = try #require(
          words.dropFirst().first?.split(separator: "=").map(String.init).pairs)
        environment[name] = scratch.file(value)
        continue
      }
      #expect(words.first == "jobcoach", "\(line)")
      words.removeFirst()
      var output: String?
      if let redirect = words.firstIndex(of: ">") {
        output = scratch.file(words[redirect + 1])
        words.removeSubrange(redirect...)
      }
      // Sample paths from the repository; files the commands write, in the scratch directory.
      let arguments = words.map { word -> String in
        if word.hasPrefix("Samples") { return repositoryRoot + "/" + word }
        if !word.contains("/"),
          [".json", ".ics", ".html", ".sqlite", ".pem"].contains(where: word.hasSuffix)
        {
          return scratch.file(word)
        }
        return word
      }
      let run = jobcoach(arguments, environment: environment)
      #expect(run.code == expected, "\(line): \(run.err)")
      if let output {
        #expect(FileManager.default.createFile(atPath: output, contents: Data(run.out.utf8)))
      }
    }
    // The registry the block made holds what it did: the coach erased, the chain whole.
    let verify = jobcoach(["audit", "verify"], environment: environment)
    #expect(verify.code == 0)
    #expect(jobcoach(["show", "JC-0013"], environment: environment).code == 65)
  }
}

extension Array where Element == String {
  /// The first two elements, when there are exactly two.
  fileprivate var pairs: (String, String)? { count == 2 ? (self[0], self[1]) : nil }
}
