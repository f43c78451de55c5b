import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `moteplan serve` as a process: it listens, reloads on SIGHUP (keeping the old config when the
/// new one is broken), and ends cleanly on SIGTERM.
struct ServeCommandTests {
    /// The built `moteplan` beside the test bundle.
    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("moteplan")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return ServerFixture.root.appendingPathComponent(".build/debug/moteplan")
    }

    /// Reads standard error lines until one contains `marker`; returns all lines read.
    static func readUntil(_ handle: FileHandle, _ marker: String) -> String {
        var text = ""
        while !text.contains(marker) {
            let data = handle.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        return text
    }

    static func fetch(_ url: String) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: url) ?? URL(fileURLWithPath: "/"))
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func servesReloadsOnSIGHUPAndStopsOnSIGTERM() async throws {
        let fixture = try ServerFixture()
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--config", fixture.configPath, "--port", "0", "--check-seconds", "3600"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let started = Self.readUntil(errors.fileHandleForReading, "listening on")
        let port = try #require(started.split(separator: "\n").first { $0.contains("listening on") }?.split(separator: ":").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) })
        let base = "http://127.0.0.1:\(port)"
        let (status, feed) = try await Self.fetch("\(base)/feeds/alle.ics")
        #expect(status == 200)
        #expect(feed.contains("X-WR-CALNAME:Melhus kommune – alle møter"))
        // The access log has the request (batched: it arrives within the sink's interval).
        #expect(Self.readUntil(errors.fileHandleForReading, "GET /feeds/alle.ics 200").contains("GET /feeds/alle.ics 200"))

        // A broken config and SIGHUP: the error is logged, the old feed is still served.
        try fixture.writeConfig(replacing: ("refresh_hours = 12", "refresh_hours = 0"))
        kill(process.processIdentifier, SIGHUP)
        let failed = Self.readUntil(errors.fileHandleForReading, "failed")
        #expect(failed.contains("refresh_hours"))
        #expect(try await Self.fetch("\(base)/feeds/alle.ics").1 == feed)

        // A good one and SIGHUP: served at once, although the file check waits an hour.
        try fixture.writeConfig(replacing: ("name = \"Melhus kommune\"", "name = \"Melhus kommune (SIGHUP)\""))
        kill(process.processIdentifier, SIGHUP)
        _ = Self.readUntil(errors.fileHandleForReading, "reloaded (SIGHUP)")
        #expect(try await Self.fetch("\(base)/feeds/alle.ics").1.contains("Melhus kommune (SIGHUP)"))

        process.terminate()  // SIGTERM
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    @Test func aBadConfigExits2BeforeListening() throws {
        let fixture = try ServerFixture(section: "\n[server]\nprivate_token_hashes = [\"klartekst\"]\n")
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--config", fixture.configPath, "--port", "0"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(text.contains("server.private_token_hashes"))
        #expect(text.contains("sha256sum"))
    }
}
