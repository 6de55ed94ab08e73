import JobcoachCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The fuzz target for the document reader: whatever the bytes, reading them must not crash,
/// and reading them in small pieces must find exactly what reading them at once finds.
///
/// libFuzzer build (it brings its own `main`):
///   swift build -c release --sanitize=fuzzer -Xswiftc -DFUZZING --product jobcoach-fuzz
/// Run for a while with `.ci/fuzz SECONDS`. Without FUZZING the same target is a reproducer:
/// `jobcoach-fuzz FILE...` reads each file through the same check.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
  let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
  checkReader(bytes)
  checkPortfolioFastPath(bytes)
  return 0
}

/// Whenever the portfolio fast path reads `bytes`, the general path must read the same
/// portfolio and report nothing; traps otherwise.
func checkPortfolioFastPath(_ bytes: [UInt8]) {
  guard let fast = bytes.withUnsafeBufferPointer({ PortfolioFastPath.decode($0) }) else { return }
  let log = ProblemLog()
  guard let value = try? JSONParser.parse(bytes),
    let general = Portfolio.decode(value, at: .root, in: DecodingContext(file: "f", log: log)),
    log.isEmpty, general == fast
  else { fatalError("the portfolio fast path reads what the general path does not") }
}

/// Reads `bytes` whole and in 3-byte pieces; traps when the two disagree.
func checkReader(_ bytes: [UInt8]) {
  func read(chunk: Int) -> (records: [ImportRecord], problems: [String], hash: String) {
    let log = ProblemLog()
    var reader = DocumentReader(
      source: ByteArraySource(bytes), file: "fuzz.json", log: log, chunkSize: chunk)
    var records: [ImportRecord] = []
    let info = reader.read { record, _ in records.append(record) }
    return (records, log.problems.map(\.description), info.sha256)
  }
  let whole = read(chunk: max(1, bytes.count))
  let pieces = read(chunk: 3)
  if whole.records != pieces.records || whole.problems != pieces.problems
    || whole.hash != pieces.hash
  {
    fatalError("chunked reading differs from whole reading")
  }
}

#if !FUZZING
  @main
  enum Reproducer {
    static func main() {
      for path in CommandLine.arguments.dropFirst() {
        guard let file = fopen(path, "rb") else {
          print("cannot open \(path)")
          continue
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
          let count = fread(&buffer, 1, buffer.count, file)
          if count <= 0 { break }
          bytes.append(contentsOf: buffer[0..<count])
        }
        fclose(file)
        checkReader(bytes)
        checkPortfolioFastPath(bytes)
        print("ok \(path) (\(bytes.count) bytes)")
      }
    }
  }
#endif
