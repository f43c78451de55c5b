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

    /// Why watching the server process failed: a deadline passed or its output ended first.
    struct ProcessFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Reads what is there within `deadline`: some bytes, or nil at the end of the stream. Throws
    /// when the deadline passes first.
    static func readSome(_ handle: FileHandle, before deadline: Date) throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw ProcessFailure(description: "nothing more to read before the deadline") }
            var descriptor = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(left, 1) * 1000) + 1)
            if ready < 0 && errno != EINTR { throw ProcessFailure(description: "poll failed: errno \(errno)") }
            guard ready > 0 else { continue }
            let count = read(handle.fileDescriptor, &buffer, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw ProcessFailure(description: "read failed: errno \(errno)")
            }
            return count == 0 ? nil : Array(buffer[..<count])
        }
    }

    /// Reads standard error until it contains `marker`; returns all text read. Throws when `seconds`
    /// pass or the stream ends first, so a server that hangs or dies fails the test, not hangs it.
    static func readUntil(_ handle: FileHandle, _ marker: String, seconds: Double = 30) throws -> String {
        let deadline = Date(timeIntervalSinceNow: seconds)
        var bytes: [UInt8] = []
        var text = ""
        while !text.contains(marker) {
            let chunk: [UInt8]?
            do {
                chunk = try readSome(handle, before: deadline)
            } catch {
                throw ProcessFailure(description: "no \"\(marker)\" within \(seconds) s (\(error)); read: \(text)")
            }
            guard let chunk else { throw ProcessFailure(description: "the output ended without \"\(marker)\"; read: \(text)") }
            bytes += chunk
            text = String(decoding: bytes, as: UTF8.self)
        }
        return text
    }

    /// Reads standard error to its end; throws when that takes longer than `seconds`.
    static func readToEnd(_ handle: FileHandle, seconds: Double = 30) throws -> String {
        let deadline = Date(timeIntervalSinceNow: seconds)
        var bytes: [UInt8] = []
        while let chunk = try readSome(handle, before: deadline) { bytes += chunk }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Waits for `process` to end; after `seconds` kills it (SIGKILL) and throws.
    static func waitForExit(_ process: Process, seconds: Double = 30) throws {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while process.isRunning {
            guard Date() < deadline else {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                throw ProcessFailure(description: "the server did not exit within \(seconds) s; killed")
            }
            usleep(20_000)
        }
        process.waitUntilExit()
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
        let started = try Self.readUntil(errors.fileHandleForReading, "listening on")
        let port = try #require(started.split(separator: "\n").first { $0.contains("listening on") }?.split(separator: ":").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) })
        let base = "http://127.0.0.1:\(port)"
        let (status, feed) = try await Self.fetch("\(base)/feeds/alle.ics")
        #expect(status == 200)
        #expect(feed.contains("X-WR-CALNAME:Melhus kommune – alle møter"))
        // The access log has the request (batched: it arrives within the sink's interval).
        #expect(try Self.readUntil(errors.fileHandleForReading, "GET /feeds/alle.ics 200").contains("GET /feeds/alle.ics 200"))

        // A broken config and SIGHUP: the error is logged, the old feed is still served.
        try fixture.writeConfig(replacing: ("refresh_hours = 12", "refresh_hours = 0"))
        kill(process.processIdentifier, SIGHUP)
        let failed = try Self.readUntil(errors.fileHandleForReading, "failed")
        #expect(failed.contains("refresh_hours"))
        #expect(try await Self.fetch("\(base)/feeds/alle.ics").1 == feed)

        // A good one and SIGHUP: served at once, although the file check waits an hour.
        try fixture.writeConfig(replacing: ("name = \"Melhus kommune\"", "name = \"Melhus kommune (SIGHUP)\""))
        kill(process.processIdentifier, SIGHUP)
        _ = try Self.readUntil(errors.fileHandleForReading, "reloaded (SIGHUP)")
        #expect(try await Self.fetch("\(base)/feeds/alle.ics").1.contains("Melhus kommune (SIGHUP)"))

        process.terminate()  // SIGTERM
        try Self.waitForExit(process)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    /// The deadline itself: a process that stays silent fails the read within the time given.
    @Test func readUntilFailsAtItsDeadline() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sleep")
        process.arguments = ["30"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        defer { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        let started = Date()
        #expect(throws: ProcessFailure.self) { try Self.readUntil(errors.fileHandleForReading, "listening on", seconds: 0.5) }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func aBadConfigExits2BeforeListening() throws {
        let fixture = try ServerFixture(section: "\n[server]\nprivate_token_hashes = [\"klartekst\"]\n")
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--config", fixture.configPath, "--port", "0"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let text = try Self.readToEnd(errors.fileHandleForReading)
        try Self.waitForExit(process)
        #expect(process.terminationStatus == 2)
        #expect(text.contains("server.private_token_hashes"))
        #expect(text.contains("sha256sum"))
    }
}
