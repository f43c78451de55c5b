import Foundation
import Testing

@testable import MoteplanFeeds

/// The spool `moteplan ics` keeps event texts in: the bytes read back are the bytes appended,
/// whatever the runs, after the mapping is dropped, and feeds written from it are byte for byte
/// the feeds written from strings.
struct TextSpoolTests {
    /// Texts of varied lengths, non-ASCII among them, together past the spool's write buffer
    /// (1 MiB) so appending flushes more than once.
    static func texts() -> [String] {
        (0..<3_000).map { i in
            "BEGIN:VEVENT\r\nUID:møte-\(i)@example.no\r\n" + String(repeating: "SUMMARY:Lokalt team – Ås\r\n", count: 1 + i % 53)
                + "END:VEVENT\r\n"
        }
    }

    static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "moteplan-spool-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test(arguments: [1, 4096, 32 << 20])
    func readsBackWhatWasAppendedWhateverTheRuns(releaseEvery: Int) throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let texts = Self.texts()
        #expect(texts.reduce(0) { $0 + $1.utf8.count } > 2 << 20)
        // releaseEvery 1 drops the mapping after every piece read: each read maps the pages again.
        let spool = try TextSpool(directory: dir, releaseEvery: releaseEvery)
        for (i, text) in texts.enumerated() { #expect(try spool.append(text) == i) }
        try spool.finish()
        var generator = SystemRandomNumberGenerator()
        var runs = [(0, texts.count - 1), (0, 0), (texts.count - 1, texts.count - 1)]
        for _ in 0..<40 {
            let first = Int.random(in: 0..<texts.count, using: &generator)
            runs.append((first, min(texts.count - 1, first + Int.random(in: 0..<400, using: &generator))))
        }
        for (first, last) in runs {
            var bytes: [UInt8] = []
            #expect(spool.withBytes(first, through: last) { bytes.append(contentsOf: $0); return true })
            #expect(bytes == Array(texts[first...last].joined().utf8), "texts \(first)...\(last)")
            #expect(spool.count(first) == texts[first].utf8.count)
        }
        // A reader that stops is told so.
        #expect(!spool.withBytes(0, through: texts.count - 1) { _ in false })
    }

    @Test func feedsFromTheSpoolAreTheFeedsFromStrings() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let texts = Self.texts()
        let spool = try TextSpool(directory: dir, releaseEvery: 1 << 16)
        let memory = InMemoryEventTexts()
        for text in texts {
            _ = try spool.append(text)
            _ = try memory.append(text)
        }
        try spool.finish()
        try memory.finish()
        // Event e's text is 2999 - e (runs of consecutive ids backwards), every event (one
        // run of all), every third (no runs), and an empty feed.
        let ids = Array((0..<texts.count).reversed())
        let forward = Array(0..<texts.count)
        let feeds: [(String, [Int], [Int])] = [
            ("alle.ics", forward, forward), ("bak.ics", ids, forward),
            ("tredje/hver.ics", forward, Array(stride(from: 0, to: texts.count, by: 3))), ("tom.ics", forward, []),
        ]
        func files(_ store: any EventTextStore) -> [FeedFile] {
            feeds.map { path, ids, events in
                FeedFile(path: path, prefix: "BEGIN:VCALENDAR\r\n", store: store, ids: ids, events: events, suffix: "END:VCALENDAR\r\n", digest: nil)
            }
        }
        let fromSpool = files(spool)
        let fromMemory = files(memory)
        for ((path, ids, events), (spooled, inMemory)) in zip(feeds, zip(fromSpool, fromMemory)) {
            let expected = "BEGIN:VCALENDAR\r\n" + events.map { texts[ids[$0]] }.joined() + "END:VCALENDAR\r\n"
            #expect(spooled.text == expected, "\(path)")
            #expect(inMemory.text == expected, "\(path)")
            #expect(spooled.byteCount == expected.utf8.count)
        }
        let writer = FeedWriter(directory: dir + "/out")
        #expect(try writer.write(fromSpool).written.count == feeds.count)
        for (path, ids, events) in feeds {
            let expected = "BEGIN:VCALENDAR\r\n" + events.map { texts[ids[$0]] }.joined() + "END:VCALENDAR\r\n"
            #expect(try String(contentsOfFile: dir + "/out/" + path, encoding: .utf8) == expected)
        }
        // Compared with disk through the spool: the same bytes from strings are unchanged.
        #expect(try writer.write(fromMemory).unchanged.count == feeds.count)
        #expect(try writer.write(fromSpool).unchanged.count == feeds.count)
    }

    @Test func leavesNoFileBehind() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            let spool = try TextSpool(directory: dir)
            _ = try spool.append("BEGIN:VEVENT\r\nEND:VEVENT\r\n")
            try spool.finish()
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test func aMissingDirectoryIsACleanError() {
        #expect(throws: FeedError.self) { try TextSpool(directory: "/nonexistent/moteplan-spool") }
    }
}
