// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "jobcoach",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "jobcoach", targets: ["jobcoach"]),
    .executable(name: "jobcoach-bench", targets: ["jobcoach-bench"]),
    .library(name: "JobcoachCore", targets: ["JobcoachCore"]),
  ],
  targets: [
    .systemLibrary(
      name: "CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
    ),
    .target(name: "JobcoachCore"),
    .target(name: "JobcoachStore", dependencies: ["JobcoachCore", "CSQLite"]),
    .target(name: "JobcoachCLI", dependencies: ["JobcoachCore", "JobcoachStore"]),
    .executableTarget(name: "jobcoach", dependencies: ["JobcoachCLI"]),
    .executableTarget(name: "jobcoach-bench", dependencies: ["JobcoachCore"]),
    .executableTarget(name: "jobcoach-fuzz", dependencies: ["JobcoachCore"]),
    .testTarget(name: "JobcoachCoreTests", dependencies: ["JobcoachCore"]),
    .testTarget(name: "JobcoachStoreTests", dependencies: ["JobcoachStore", "JobcoachCore"]),
    .testTarget(
      name: "JobcoachCLITests", dependencies: ["JobcoachCLI", "JobcoachStore", "JobcoachCore"],
      exclude: ["Corpus", "Golden"]),
  ],
  swiftLanguageModes: [.v6]
)
