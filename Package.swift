// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "jobcoach",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "jobcoach", targets: ["jobcoach"]),
    .executable(name: "jobcoach-serve", targets: ["jobcoach-serve"]),
    .executable(name: "jobcoach-bench", targets: ["jobcoach-bench"]),
    .library(name: "JobcoachCore", targets: ["JobcoachCore"]),
  ],
  targets: [
    .systemLibrary(
      name: "CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
    ),
    // Ed25519 signatures for statements and the public register, and SHA-256 (issue 19).
    .systemLibrary(
      name: "CCrypto",
      pkgConfig: "libcrypto",
      providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
    ),
    // GZIP for the revocation list (W3C Bitstring Status List) in the signed register.
    .systemLibrary(
      name: "CZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
    ),
    // The web server of `jobcoach serve` (issue 20): HTTP/1.1, no TLS (the reverse proxy's).
    .systemLibrary(
      name: "CMicroHTTPD",
      pkgConfig: "libmicrohttpd",
      providers: [.apt(["libmicrohttpd-dev"]), .brew(["libmicrohttpd"])]
    ),
    .target(name: "JobcoachCore", dependencies: ["CCrypto", "CZlib"]),
    .target(name: "JobcoachStore", dependencies: ["JobcoachCore", "CSQLite"]),
    .target(name: "JobcoachCLI", dependencies: ["JobcoachCore", "JobcoachStore"]),
    // On Linux a release build is one static file: no dynamic loader resolving the Swift
    // runtime's relocations, so `jobcoach verify` starts in about a millisecond and a half
    // (a dynamically linked build spends 6 ms loading libraries before its first line).
    .executableTarget(
      name: "jobcoach", dependencies: ["JobcoachCLI"],
      linkerSettings: [
        .unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release))
      ]),
    // `jobcoach serve` becomes this program, built beside `jobcoach`: it links libmicrohttpd
    // (with GnuTLS, whose static libraries Debian does not ship), so it is linked dynamically.
    .target(name: "JobcoachServer", dependencies: ["JobcoachCLI", "JobcoachStore", "CMicroHTTPD"]),
    .executableTarget(
      name: "jobcoach-serve", dependencies: ["JobcoachServer"],
      linkerSettings: [
        // The Swift runtime inside: the program runs where the toolchain is not installed.
        .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))
      ]),
    .executableTarget(name: "jobcoach-bench", dependencies: ["JobcoachCore"]),
    .executableTarget(
      name: "jobcoach-fuzz", dependencies: ["JobcoachCore", "JobcoachStore", "JobcoachCLI"]),
    // What several test suites share: seeded generators of test data. Not a product.
    .target(
      name: "JobcoachTestSupport", dependencies: ["JobcoachCore"], path: "Tests/JobcoachTestSupport"),
    .testTarget(
      name: "JobcoachCoreTests",
      dependencies: ["JobcoachCore", "JobcoachTestSupport", "JobcoachCLI"]),
    .testTarget(
      name: "JobcoachStoreTests",
      dependencies: ["JobcoachStore", "JobcoachCore", "JobcoachTestSupport", "JobcoachCLI"]),
    .testTarget(
      name: "JobcoachServerTests", dependencies: ["JobcoachServer", "JobcoachCLI", "JobcoachStore"]),
    .testTarget(
      name: "JobcoachCLITests",
      dependencies: ["JobcoachCLI", "JobcoachStore", "JobcoachCore", "JobcoachTestSupport"],
      exclude: ["Corpus", "Golden", "Keys"]),
  ],
  swiftLanguageModes: [.v6]
)
