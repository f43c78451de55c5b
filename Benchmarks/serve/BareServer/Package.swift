// swift-tools-version:6.0
// The framework's own ceiling for Benchmarks/serve/run: Hummingbird at the version moteplan uses,
// one route that answers the feed (200) or 304 from memory, no middleware, no logging, no cache.
import PackageDescription

let package = Package(
    name: "BareServer",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1")
    ],
    targets: [
        .executableTarget(
            name: "BareServer",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")])
    ]
)
