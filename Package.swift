// swift-tools-version: 6.0
import PackageDescription

/// Every library module a user or another Swift program may name; the `Tlumach` product bundles them.
let libraryTargets = [
    "ICU", "TlumachCore", "TlumachText", "TlumachConfig", "TlumachTranslit", "TlumachXML", "TlumachGlossary",
    "TlumachTMX", "TlumachMemory", "TlumachAlign", "TlumachFormats", "TlumachCheck",
    "TlumachLeverage", "TlumachTerminology", "TlumachMemoryPostgres",
]

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "Tlumach",
    platforms: [.macOS(.v15)],  // Synchronization's Mutex (TlumachCore.ResultSlots)
    products: [
        .executable(name: "tlumach", targets: ["tlumach"]),
        .library(name: "Tlumach", targets: libraryTargets),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        // Documentation only (`swift package generate-documentation`); nothing links it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
        // `tlumach serve` (TlumachServer) only.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
    ],
    targets: [
        // ICU lives here and only here: the public header uses <stdint.h>/<stddef.h> types alone.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
        ),
        .target(name: "ICU", dependencies: ["CICU"], swiftSettings: strict),
        .target(name: "TlumachCore", swiftSettings: strict),
        .target(name: "TlumachConfig", dependencies: ["TlumachCore", "Yams"], swiftSettings: strict),
        .target(
            name: "TlumachText", dependencies: ["ICU", "TlumachCore", "TlumachConfig"],
            resources: [.copy("Data")], swiftSettings: strict),
        .target(
            name: "TlumachTranslit", dependencies: ["ICU", "TlumachCore", "TlumachText"],
            resources: [.copy("Schemes")], swiftSettings: strict),
        .target(name: "TlumachXML", dependencies: ["TlumachCore"], swiftSettings: strict),
        .target(
            name: "TlumachGlossary",
            dependencies: ["ICU", "TlumachCore", "TlumachConfig", "TlumachText", "TlumachTranslit", "TlumachXML", "Yams"],
            swiftSettings: strict),
        .target(name: "TlumachTMX", dependencies: ["TlumachCore", "TlumachXML"], swiftSettings: strict),
        .target(
            name: "TlumachMemory",
            dependencies: [
                "ICU", "TlumachCore", "TlumachText", "TlumachTMX", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
        .target(
            name: "TlumachMemoryPostgres",
            dependencies: [
                "TlumachCore", "TlumachTMX", "TlumachMemory", .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict),
        .target(
            name: "TlumachAlign",
            dependencies: ["TlumachCore", "TlumachText", "TlumachTranslit", "TlumachGlossary", "TlumachTMX"],
            resources: [.copy("Data")], swiftSettings: strict),
        .target(
            name: "TlumachFormats", dependencies: ["ICU", "TlumachCore", "TlumachXML", "TlumachTMX"],
            swiftSettings: strict),
        .target(
            name: "TlumachCheck",
            dependencies: [
                "ICU", "TlumachCore", "TlumachText", "TlumachTranslit", "TlumachGlossary", "TlumachFormats",
                "TlumachConfig", "TlumachAlign",
            ],
            resources: [.copy("Data")],
            swiftSettings: strict),
        .target(
            name: "TlumachLeverage",
            dependencies: ["TlumachCore", "TlumachTMX", "TlumachMemory", "TlumachFormats", "TlumachCheck", "TlumachGlossary"],
            resources: [.copy("Data")], swiftSettings: strict),
        .target(
            name: "TlumachTerminology",
            dependencies: [
                "TlumachCore", "TlumachText", "TlumachTranslit", "TlumachGlossary", "TlumachFormats", "TlumachTMX",
                "TlumachMemory",
            ],
            resources: [.copy("Data")], swiftSettings: strict),
        // The HTTP service behind `tlumach serve`; kept out of the `Tlumach` library product so that
        // library users do not pull in SwiftNIO.
        .target(
            name: "TlumachServer",
            dependencies: [
                "TlumachCore", "TlumachText", "TlumachTranslit", "TlumachGlossary", "TlumachTMX", "TlumachMemory",
                "TlumachFormats", "TlumachCheck", "TlumachConfig", "TlumachMemoryPostgres",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("openapi.yaml")],
            swiftSettings: strict),
        .executableTarget(
            name: "tlumach",
            dependencies: libraryTargets.map { .target(name: $0) } + [
                "TlumachServer", .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict,
            // Swift's Linux link exports every symbol of the program's own object files (~52,000 here) to the
            // dynamic table; the loader and the runtime's start-up `dladdr` then walk it on every run: about
            // 1.4 ms of each start (docs/PERFORMANCE.md, "Start-up: the dynamic symbol table"). Nothing looks
            // the program's symbols up at run time; a crash trace shows offsets, which `llvm-symbolizer
            // --obj=tlumach` turns back into names.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"])]),
        .executableTarget(
            name: "tlumach-bench",
            dependencies: libraryTargets.map { .target(name: $0) },
            path: "Benchmarks/tlumach-bench",
            swiftSettings: strict),
        // Tests mirror the modules: one test target per library module (CLITests for the executable), all sharing
        // TlumachTestSupport (fixture paths, the CLI runner, long-test switch, sample files).
        .target(name: "TlumachTestSupport", dependencies: ["TlumachCore"], path: "Tests/TlumachTestSupport"),
        .testTarget(name: "ICUTests", dependencies: ["ICU"]),
        .testTarget(name: "TlumachCoreTests", dependencies: ["TlumachCore", "TlumachTestSupport"]),
        .testTarget(name: "TlumachConfigTests", dependencies: ["TlumachConfig", "TlumachText", "TlumachTestSupport"]),
        .testTarget(name: "TlumachTextTests", dependencies: ["TlumachText", "TlumachTestSupport"]),
        .testTarget(name: "TlumachTranslitTests", dependencies: ["TlumachTranslit", "ICU", "TlumachTestSupport"]),
        .testTarget(name: "TlumachXMLTests", dependencies: ["TlumachXML", "TlumachTestSupport"]),
        .testTarget(
            name: "TlumachGlossaryTests", dependencies: ["TlumachGlossary", "ICU", "TlumachText", "TlumachTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "TlumachTMXTests", dependencies: ["TlumachTMX", "TlumachXML", "TlumachTestSupport"]),
        .testTarget(
            name: "TlumachMemoryTests",
            dependencies: [
                "TlumachMemory", "TlumachTMX", "TlumachTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "TlumachMemoryPostgresTests",
            dependencies: [
                "TlumachMemoryPostgres", "TlumachMemory", "TlumachTMX", "TlumachCore", "TlumachTestSupport",
                // PostgresCLITests run the built `tlumach`.
                "tlumach", .product(name: "PostgresNIO", package: "postgres-nio"),
            ]),
        .testTarget(
            name: "TlumachAlignTests", dependencies: ["TlumachAlign", "TlumachXML", "TlumachGlossary", "TlumachTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "TlumachFormatsTests", dependencies: ["TlumachFormats", "TlumachTestSupport"]),
        .testTarget(name: "TlumachCheckTests", dependencies: ["TlumachCheck", "TlumachFormats", "TlumachTestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["tlumach", "TlumachTestSupport"]),
        .testTarget(
            name: "TlumachLeverageTests",
            dependencies: [
                "TlumachLeverage", "TlumachMemory", "TlumachFormats", "TlumachTMX", "TlumachCheck", "TlumachCore",
                "TlumachTestSupport",
            ]),
        .testTarget(name: "TlumachTerminologyTests", dependencies: ["TlumachTerminology", "TlumachTestSupport"]),
        .testTarget(
            name: "TlumachServerTests",
            dependencies: [
                "TlumachServer", "TlumachMemory", "TlumachMemoryPostgres", "TlumachTMX", "TlumachConfig",
                "TlumachTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
