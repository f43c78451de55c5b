import Foundation
import Logging
import MoteplanServer
import Testing

/// The server's log: StreamLogHandler's format, info lines batched, notices and worse at once,
/// order kept, nothing lost at flush.
struct BufferedLogTests {
    /// Runs `body` with a fresh log file's path and descriptor; closes and removes it after.
    static func withLogFile(_ body: (String, Int32) async throws -> Void) async throws {
        let path = NSTemporaryDirectory() + "moteplan-log-" + UUID().uuidString
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(fd >= 0)
        defer {
            close(fd)
            try? FileManager.default.removeItem(atPath: path)
        }
        try await body(path, fd)
    }

    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func infoWaitsNoticeWritesEverythingInOrder() async throws {
        try await Self.withLogFile { path, fd in
            let sink = LogSink(fd: fd, interval: .seconds(3600))
            var logger = Logger(label: "moteplan.test") { BufferedLogHandler(label: $0, sink: sink) }
            logger.logLevel = .info
            logger.debug("dropped")
            logger.info("GET /feeds/alle.ics 200 10 5µs")
            logger.info("GET /feeds/alle.ics 304 - 3µs")
            #expect(try Self.lines(path).isEmpty, "info lines wait for the batch")
            logger.notice("reloaded")
            let written = try Self.lines(path)
            #expect(written.count == 3)
            #expect(written[0].hasSuffix(" info moteplan.test: [MoteplanServerTests] GET /feeds/alle.ics 200 10 5µs"))
            #expect(written[1].hasSuffix("304 - 3µs"))
            #expect(written[2].hasSuffix(" notice moteplan.test: [MoteplanServerTests] reloaded"))
            let stamp = try #require(written[0].split(separator: " ").first)
            #expect(stamp.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}/) != nil, "\(stamp)")

            logger[metadataKey: "b"] = "2"
            logger[metadataKey: "a"] = "1"
            logger.info("with metadata")
            sink.flush()
            #expect(try Self.lines(path).last?.hasSuffix("moteplan.test: a=1 b=2 [MoteplanServerTests] with metadata") == true)
        }
    }

    @Test func theTimerWritesABatchWithoutAFlush() async throws {
        try await Self.withLogFile { path, fd in
            let sink = LogSink(fd: fd, interval: .milliseconds(20))
            let logger = Logger(label: "t") { BufferedLogHandler(label: $0, sink: sink) }
            for i in 0..<1000 { logger.info("line \(i)") }
            var written: [String] = []
            for _ in 0..<200 where written.count < 1000 {
                try await Task.sleep(for: .milliseconds(10))
                written = try Self.lines(path)
        }
        #expect(written.count == 1000)
        #expect(written.enumerated().allSatisfy { $1.hasSuffix("line \($0)") }, "in order")
        }
    }
}
