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
    ],
    targets: [
        // libical, as Debian's libical-dev ships it. Only MoteplanICal imports it.
        .systemLibrary(
            name: "CLibical",
            pkgConfig: "libical",
            providers: [.apt(["libical-dev"])]
        ),
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
        // Meetings → feeds: which feeds exist, what each event says, and writing them atomically.
        .target(
            name: "MoteplanFeeds",
            dependencies: ["MoteplanCore", "MoteplanICal"]
        ),
        // The state store: what did happen (rotation terms, published revisions). SQLite via GRDB.
        .target(
            name: "MoteplanStore",
            dependencies: ["MoteplanCore", "MoteplanFeeds", "MoteplanICal", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "moteplan",
            dependencies: [
                "MoteplanCore", "MoteplanICal", "MoteplanFeeds", "MoteplanStore",
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
        .testTarget(name: "MoteplanCLITests", dependencies: ["MoteplanCore", "MoteplanICal"]),
    ],
    swiftLanguageModes: [.v6]
)
