import Foundation
import JobcoachCore

@testable import JobcoachCLI

/// The repository's root, found from this file.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().path
let samplesPath = repositoryRoot + "/Samples"

/// What one in-process run of the tool did.
struct ToolRun {
  var code: Int32
  var out: String
  var err: String

  /// Standard output parsed as JSON.
  func json() throws -> JSONObject {
    guard case .object(let object) = try JSONParser.parse(Array(out.utf8)) else {
      throw CocoaError(.coderReadCorrupt)
    }
    return object
  }
}

/// Runs `jobcoach` in process with a fixed today and only the given environment.
func jobcoach(
  _ arguments: [String], environment: [String: String] = [:], today: String = "2026-03-02"
)
  -> ToolRun
{
  let output = CapturedOutput()
  let date = CalendarDate(iso: today)!
  let context = CommandContext(environment: environment, output: output, today: { date })
  let code = JobcoachTool.run(arguments, context: context)
  return ToolRun(code: code, out: output.standardOutput, err: output.standardError)
}

/// A unique name of letters only: a path with digits in it could hold a run that looks like a
/// citizen service number, which jobcoach refuses in every argument (issue 14, item 3).
func digitFreeName() -> String {
  String(UUID().uuidString.compactMap { $0.isHexDigit ? Character(UnicodeScalar(UInt8(ascii: "a") + UInt8($0.hexDigitValue!))) : nil })
}

/// A fresh directory per test, removed afterwards.
final class Scratch {
  let path: String
  init() {
    path = NSTemporaryDirectory() + "jobcoach-cli-" + digitFreeName()
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(atPath: path) }
  func file(_ name: String) -> String { path + "/" + name }

  func write(_ name: String, _ text: String) -> String {
    let file = file(name)
    precondition(FileManager.default.createFile(atPath: file, contents: Data(text.utf8)))
    return file
  }

  /// A registry at `r.sqlite` with the samples imported.
  func sampleRegistry() -> String {
    let db = file("r.sqlite")
    precondition(jobcoach(["init", "--db", db]).code == 0)
    let imported = jobcoach(["import", samplesPath, "--db", db])
    precondition(imported.code == 0, imported.err)
    return db
  }
}

func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
