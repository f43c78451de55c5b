// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "moteplan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "moteplan", targets: ["moteplan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/adam-fowler/compress-nio", exact: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        // libical, as Debian's libical-dev ships it. Only MoteplanICal imports it.
        .systemLibrary(
            name: "CLibical",
            pkgConfig: "libical",
            providers: [.apt(["libical-dev"])]
        ),
        // Z3, as Debian's libz3-dev ships it. Only MoteplanSolver imports it.
        .systemLibrary(
            name: "CZ3",
            pkgConfig: "z3",
            providers: [.apt(["libz3-dev"])]
        ),
        // GNU extensions the Glibc module lacks (memmem): nothing to link. Only MoteplanFeeds imports it.
        .systemLibrary(name: "CGlibcExtras"),
        // Model, config, calendar and schedule: pure values, no I/O beyond reading a file it is handed.
        .target(
            name: "MoteplanCore",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // The libical wrapper: iCalendar values in, validated text out. No C type leaves it.
        .target(
            name: "MoteplanICal",
            dependencies: ["CLibical"]
        ),
        // The Z3 wrapper: a neutral placement problem in, a placement or a minimal unsat core out. No C type leaves it.
        .target(
            name: "MoteplanSolver",
            dependencies: ["CZ3"]
        ),
        // Automatic placement: a configuration's school year → the solver's problem → recorded patterns, or why none fits.
        .target(
            name: "MoteplanPlacement",
            dependencies: ["MoteplanCore", "MoteplanSolver"]
        ),
        // Meetings → feeds: which feeds exist, what each event says, and writing them atomically.
        .target(
            name: "MoteplanFeeds",
            dependencies: ["MoteplanCore", "MoteplanICal", "CGlibcExtras"]
        ),
        // The state store: what did happen (rotation terms, published revisions). SQLite via GRDB.
        .target(
            name: "MoteplanStore",
            dependencies: [
                "MoteplanCore", "MoteplanFeeds", "MoteplanICal", "MoteplanPlacement", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Reminders from cron: due reminders → Mustache → RFC 5322 → stdout, maildir or sendmail, exactly once.
        .target(
            name: "MoteplanReminders",
            dependencies: [
                "MoteplanCore", "MoteplanICal", "MoteplanFeeds", "MoteplanStore",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // moteplan serve: cached feeds, secret feeds, the overview page, the årshjul and referat over HTTP.
        .target(
            name: "MoteplanServer",
            dependencies: [
                "MoteplanCore", "MoteplanICal", "MoteplanFeeds", "MoteplanStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "moteplan",
            dependencies: [
                "MoteplanCore", "MoteplanICal", "MoteplanFeeds", "MoteplanStore", "MoteplanReminders", "MoteplanServer",
                "MoteplanPlacement", "MoteplanSolver",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "MoteplanCoreTests",
            dependencies: ["MoteplanCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "MoteplanStoreTests",
            dependencies: [
                "MoteplanStore", "MoteplanCore", "MoteplanFeeds",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "MoteplanICalTests", dependencies: ["MoteplanICal"], exclude: ["Golden"]),
        .testTarget(name: "MoteplanFeedsTests", dependencies: ["MoteplanFeeds", "MoteplanCore", "MoteplanICal"]),
        .testTarget(
            name: "MoteplanRemindersTests",
            dependencies: ["MoteplanReminders", "MoteplanCore", "MoteplanStore", "MoteplanICal"]
        ),
        .testTarget(
            name: "MoteplanServerTests",
            dependencies: [
                "MoteplanServer", "MoteplanCore", "MoteplanStore", "MoteplanICal", "MoteplanReminders",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
        .testTarget(name: "MoteplanCLITests", dependencies: ["MoteplanCore", "MoteplanICal"]),
        // Z3 against hand-worked answers and against OR-Tools CP-SAT (scripts/placement-oracle).
        .testTarget(name: "MoteplanSolverTests", dependencies: ["MoteplanSolver"]),
        .testTarget(
            name: "MoteplanPlacementTests",
            dependencies: ["MoteplanPlacement", "MoteplanSolver", "MoteplanCore", "MoteplanStore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
