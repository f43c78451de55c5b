import Foundation
import HummingbirdTesting
import MoteplanICal
import Testing

/// A real client: curl fetches a feed (gzip and all) from the live server, and libical parses it.
///
/// curl is required: `make test` installs it (`apt-get install curl`). Without it this test fails, not skips.
struct CurlClientTests {
    static let curl = ["/usr/bin/curl", "/usr/local/bin/curl", "/bin/curl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs curl with `arguments`; returns its standard output.
    static func run(_ curl: String, _ arguments: [String]) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: curl)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in
                let data = output.fileHandleForReading.readDataToEndOfFile()
                if finished.terminationStatus == 0 {
                    continuation.resume(returning: String(decoding: data, as: UTF8.self))
                } else {
                    continuation.resume(throwing: CocoaError(.fileReadUnknown))
                }
            }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
    }

    @Test func curlFetchesAFeedThatLibicalParses() async throws {
        let curl = try #require(Self.curl, "curl is not installed: apt-get install curl")
        let fixture = try ServerFixture()
        try await fixture.live { client in
            let port = try #require(client.port)
            let text = try await Self.run(curl, ["-sS", "--max-time", "30", "--fail", "--compressed", "http://127.0.0.1:\(port)/feeds/nettverk.ics"])
            #expect(FeedValidator.problems(in: text).isEmpty)
            let events = try FeedReader.events(in: text)
            // Three networks, four meetings a year, two school years.
            #expect(events.count == 24)
            #expect(events.allSatisfy { $0.uid.hasPrefix("nettverk.") })
            let headers = try await Self.run(curl, ["-sS", "--max-time", "30", "-o", "/dev/null", "-D", "-", "--compressed", "http://127.0.0.1:\(port)/feeds/nettverk.ics"])
            #expect(headers.lowercased().contains("content-encoding: gzip"))
        }
    }
}
