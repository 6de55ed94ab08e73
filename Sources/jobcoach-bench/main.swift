import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let usage = """
  usage: jobcoach-bench generate --coaches N --activities M --out DIR [--seed S]
                                 [--placements P] [--bookings B]
         jobcoach-bench run [--coaches N] [--activities M] [--seed S] [--jobcoach PATH]
                            [--sqlite3 PATH] [--keep DIR] [--scale 10]
         jobcoach-bench serve [--coaches N] [--activities M] [--seconds S] [--connections C]
                              [--threads T] [--jobcoach PATH] [--keep DIR]

  generate writes import documents in jobcoach's schemas (organisations, policies, coaches,
  accreditations, pe-norms, portfolios, memberships; placements and hour-bookings when
  --placements is given, by default 100 bookings each) and the same PE activities as
  activities.csv (for the sqlite3 tool) and pe-activities.csv (a CSV table jobcoach
  imports), deterministic for a seed.

  run generates N coaches with M activities (default 10,000 and 1,000,000), two placements
  per coach and 100 bookings per placement, and one tenth of that, then times, against the
  sqlite3 command-line tool on the same files:
    import  jobcoach init + import of the register's JSON   vs  sqlite3 .import of the CSV
                                                                + its index
    verify  jobcoach verify of one coach                    vs  sqlite3 answering one lookup
    check   jobcoach check of the registry with placements  vs  sqlite3 summing every
                                                                placement's bookings and
                                                                every coach's PE hours
    table   jobcoach import of pe-activities.csv            vs  jobcoach import of the same
                                                                activities as portfolios.json
  and prints each as a ratio (target: import <= 1x, verify <= 2x, check <= 3x, table <= 1x;
  ten times the data at most eleven times the time), with peak memory; and one placement show, register
  due and remind (target: no slower than check). --scale 10 adds a third point at ten times
  the full size (100,000 coaches, 10,000,000 activities, 200,000 placements, 20,000,000
  bookings; about 16 GB of disk, each command timed once): import and check at most 11x the
  full size's time and under 150 MB, verify unchanged. Build jobcoach first with
  'swift build -c release'; run with 'swift run -c release jobcoach-bench run'.

  serve imports the same register (default 10,000 coaches, 1,000,000 activities), starts
  'jobcoach serve' (default 4 threads) and nginx serving a file of the same bytes, and runs
  wrk (2 threads, default 64 connections, 60 s) against one coach's verification
  (GET /api/v1/coaches/ID/verification, the association's token) and then against nginx:
  requests per second (target: at least half of nginx's), p50 and p99 latency (target p99
  under 10 ms), and the server's resident memory each second (target: flat). Needs wrk and
  nginx (apt-get install wrk nginx).

  """

func option(_ name: String, in arguments: [String]) -> String? {
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
  return arguments[index + 1]
}

func fail(_ message: String, code: Int32 = 64) -> Never {
  FileHandle.standardError.write(Data("error: \(message)\n".utf8))
  exit(code)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first, ["generate", "run", "serve"].contains(command) else {
  if arguments.contains("--help") || arguments.contains("-h") {
    print(usage, terminator: "")
    exit(0)
  }
  fail("expected 'generate', 'run' or 'serve'\n\n" + usage)
}
if arguments.contains("--help") {
  print(usage, terminator: "")
  exit(0)
}
func number(_ name: String, default value: Int, allowZero: Bool = false) -> Int {
  guard let text = option(name, in: arguments) else { return value }
  guard let number = Int(text.replacingOccurrences(of: "_", with: "")),
    number > 0 || (allowZero && number == 0)
  else {
    fail("\(name) takes a \(allowZero ? "" : "positive ")whole number, not '\(text)'")
  }
  return number
}
let coaches = number("--coaches", default: 10_000)
let activities = number("--activities", default: 1_000_000)
let seed = UInt64(number("--seed", default: 42))

do {
  switch command {
  case "generate":
    guard let out = option("--out", in: arguments) else { fail("generate needs --out DIR") }
    let placements = number("--placements", default: 0, allowZero: true)
    let bookings = number("--bookings", default: 100 * placements)
    let bytes = try Generator(
      coaches: coaches, activities: activities, seed: seed, placements: placements,
      bookings: bookings
    ).write(to: out)
    print(
      "wrote \(coaches) coaches, \(activities) PE activities, \(placements) placements and "
        + "\(bookings) bookings to \(out) (\(bytes / 1_000_000) MB of JSON)")
  case "serve":
    try ServeBench(
      coaches: coaches, activities: activities, seed: seed,
      jobcoach: option("--jobcoach", in: arguments) ?? ".build/release/jobcoach",
      seconds: number("--seconds", default: 60), connections: number("--connections", default: 64),
      threads: number("--threads", default: 4), keep: option("--keep", in: arguments)
    ).run()
  default:
    try BenchRun(
      coaches: coaches, activities: activities, seed: seed,
      jobcoach: option("--jobcoach", in: arguments) ?? ".build/release/jobcoach",
      sqlite3: option("--sqlite3", in: arguments) ?? "sqlite3",
      keep: option("--keep", in: arguments), scale: number("--scale", default: 1)
    ).run()
  }
} catch {
  fail("\(error)", code: 70)
}
