import Foundation
import Testing

@testable import MoteplanFeeds

/// Texts copied from a feed file an earlier run wrote: found by UID (folded or not) with the
/// exact bytes of each VEVENT, only while the file is as stamped, and streamed together with
/// appended texts in the order of their ids.
struct SplicedTextsTests {
    static let prefix = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//NO\r\n"
    static let suffix = "END:VCALENDAR\r\n"

    /// A VEVENT whose UID line is folded when `fold` (as libical folds lines over 75 octets).
    static func event(_ uid: String, fold: Bool = false, alarm: Bool = false) -> String {
        let uidLine = fold ? "UID:" + uid.prefix(10) + "\r\n " + uid.dropFirst(10) : "UID:" + uid
        return "BEGIN:VEVENT\r\n" + uidLine + "\r\nSUMMARY:Møte – \(uid)\r\nDESCRIPTION:BEGIN:VEVENT er tekst her\r\n"
            + (alarm ? "BEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM\r\n" : "") + "END:VEVENT\r\n"
    }

    static func write(_ text: String) throws -> (path: String, stamp: FeedStamp) {
        let path = NSTemporaryDirectory() + "moteplan-spliced-" + UUID().uuidString + ".ics"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return (path, try #require(FeedStamp.of(path, digest: "d")))
    }

    @Test func eventsAreFoundByUIDWithTheirExactBytes() throws {
        let events = [Self.event("a@example.no"), Self.event("lokalt-team.en-veldig-lang-id@example.no", fold: true),
                      Self.event("c@example.no", alarm: true)]
        let (path, stamp) = try Self.write(Self.prefix + events.joined() + Self.suffix)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try #require(PublishedFeedFile(path: path, stamp: stamp))
        let found = try #require(file.events())
        let uids = ["a@example.no", "lokalt-team.en-veldig-lang-id@example.no", "c@example.no"]
        #expect(found.count == 3)
        let bytes = Array((Self.prefix + events.joined() + Self.suffix).utf8)
        for (event, (text, uid)) in zip(found, zip(events, uids)) {
            #expect(String(decoding: bytes[event.range], as: UTF8.self) == text)
            #expect(event.uid == PublishedFeedFile.uidDigest(uid))
            // Only that UID: not a prefix of it, not a longer one, not another.
            for other in [String(uid.dropLast()), uid + "x", "b@example.no"] {
                #expect(event.uid != PublishedFeedFile.uidDigest(other))
            }
        }
    }

    @Test func aFileThatIsNoLongerAsStampedIsNotUsed() throws {
        let (path, stamp) = try Self.write(Self.prefix + Self.event("a@example.no") + Self.suffix)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(PublishedFeedFile(path: path, stamp: stamp) != nil)
        var other = stamp
        other.modified += 1
        #expect(PublishedFeedFile(path: path, stamp: other) == nil)
        other = stamp
        other.inode += 1
        #expect(PublishedFeedFile(path: path, stamp: other) == nil)
        // Rewritten with the same size: another modification time.
        usleep(10_000)
        try (Self.prefix + Self.event("b@example.no") + Self.suffix).write(toFile: path, atomically: false, encoding: .utf8)
        #expect(PublishedFeedFile(path: path, stamp: stamp) == nil)
        #expect(PublishedFeedFile(path: path + ".missing", stamp: stamp) == nil)
    }

    /// Events across the scan's blocks (a megabyte each): a line cut by a block's end, a UID folded
    /// across one, are read as if the file were one piece.
    @Test func eventsAcrossBlocksAreFoundWhole() throws {
        let long = String(repeating: "x", count: 300)
        let events = (0..<6000).map { Self.event("møte-\($0)-\(long)@example.no", fold: $0 % 3 == 0) }
        let text = Self.prefix + events.joined() + Self.suffix
        #expect(text.utf8.count > 2 << 20)
        let (path, stamp) = try Self.write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try #require(PublishedFeedFile(path: path, stamp: stamp))
        let found = try #require(file.events())
        #expect(found.count == 6000)
        let bytes = Array(text.utf8)
        for (i, event) in found.enumerated() where i % 97 == 0 || i == 5999 {
            #expect(String(decoding: bytes[event.range], as: UTF8.self) == events[i])
            #expect(event.uid == PublishedFeedFile.uidDigest("møte-\(i)-\(long)@example.no"))
        }
        #expect(Set(found.map(\.uid)).count == 6000)
    }

    /// A block's end at every byte of an event (its BEGIN line, a folded UID, its END line):
    /// each event is found whole with its UID.
    @Test func aBlockMayEndAtAnyByteOfAnEvent() throws {
        let events = (0..<3).map { Self.event("kort-\($0)-en-id-som-brettes@example.no", fold: $0 == 1) }
        let length = events[0].utf8.count + events[1].utf8.count
        for cut in 0...length {
            // A padding line puts the first event `cut` bytes before the end of the first block.
            let padding = (1 << 20) - cut - Self.prefix.utf8.count - "X-PAD:\r\n".utf8.count
            let text = Self.prefix + "X-PAD:" + String(repeating: "p", count: padding) + "\r\n" + events.joined() + Self.suffix
            let (path, stamp) = try Self.write(text)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let file = try #require(PublishedFeedFile(path: path, stamp: stamp))
            let found = try #require(file.events())
            let bytes = Array(text.utf8)
            #expect(found.count == 3, "cut \(cut)")
            for (i, event) in found.enumerated() {
                #expect(String(decoding: bytes[event.range], as: UTF8.self) == events[i], "cut \(cut)")
                #expect(event.uid == PublishedFeedFile.uidDigest("kort-\(i)-en-id-som-brettes@example.no"), "cut \(cut)")
            }
        }
    }

    /// A file cut short after it was opened stops a copy from it: the bytes are not all there.
    @Test func aFileCutShortStopsTheCopy() throws {
        let events = (0..<50).map { Self.event("møte-\($0)@example.no") }
        let (path, stamp) = try Self.write(Self.prefix + events.joined() + Self.suffix)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try #require(PublishedFeedFile(path: path, stamp: stamp))
        let found = try #require(file.events())
        #expect(truncate(path, off_t(found[25].range.lowerBound)) == 0)
        #expect(file.withBytes(found[3].range) { _ in true })
        #expect(!file.withBytes(found[30].range) { _ in true })
        #expect(file.events() == nil)
        // The writer refuses the feed rather than write part of it.
        let texts = SplicedTexts(base: InMemoryEventTexts())
        let number = texts.add(file)
        let ids = [texts.append(file: number, range: found[3].range), texts.append(file: number, range: found[30].range)]
        try texts.finish()
        let feed = FeedFile(path: "x.ics", prefix: Self.prefix, store: texts, ids: ids, events: [0, 1], suffix: Self.suffix, digest: nil)
        let target = path + ".written"
        defer { try? FileManager.default.removeItem(atPath: target) }
        #expect(throws: FeedFileIO.Failure.self) { try FeedFileIO.write(feed, to: target) }
    }

    /// Appended and copied texts in any order stream as the texts in id order, across the
    /// spool's and the file's pieces.
    @Test(arguments: [1, 64, 32 << 20])
    func appendedAndCopiedTextsStreamInIdOrder(releaseEvery: Int) throws {
        let events = (0..<400).map { Self.event("møte-\($0)@example.no", fold: $0 % 7 == 0) }
        let (path, stamp) = try Self.write(Self.prefix + events.joined() + Self.suffix)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let directory = NSTemporaryDirectory()
        let texts = SplicedTexts(base: try TextSpool(directory: directory, releaseEvery: releaseEvery))
        let file = try #require(PublishedFeedFile(path: path, stamp: stamp))
        let number = texts.add(file)
        let found = try #require(file.events())
        var expected: [String] = []
        // Runs of copied texts (consecutive in the file, then a jump back), appended texts between.
        for i in 0..<400 {
            let copied = i % 5 != 3
            let index = i % 11 == 0 ? (i * 7) % 400 : i
            let id = copied ? texts.append(file: number, range: found[index].range) : try texts.append("NEW \(i)\r\n")
            #expect(id == expected.count)
            expected.append(copied ? events[index] : "NEW \(i)\r\n")
        }
        try texts.finish()
        for (id, text) in expected.enumerated() { #expect(texts.count(id) == text.utf8.count) }
        for (first, last) in [(0, 399), (0, 0), (17, 230), (398, 399)] {
            var bytes: [UInt8] = []
            #expect(texts.withBytes(first, through: last) { bytes.append(contentsOf: $0); return true })
            #expect(String(decoding: bytes, as: UTF8.self) == expected[first...last].joined())
        }
        // Stops when told to.
        var calls = 0
        #expect(!texts.withBytes(0, through: 399) { _ in calls += 1; return false })
        #expect(calls == 1)
    }

    /// A feed written from copied and appended texts holds exactly their bytes: runs of megabytes
    /// copied from one file, a text appended between, one copied out of order.
    @Test func aWrittenFeedHoldsTheCopiedBytes() throws {
        let long = String(repeating: "y", count: 200)
        let events = (0..<9000).map { Self.event("møte-\($0)-\(long)@example.no", fold: $0 % 4 == 0) }
        let (path, stamp) = try Self.write(Self.prefix + events.joined() + Self.suffix)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try #require(PublishedFeedFile(path: path, stamp: stamp))
        let found = try #require(file.events())
        let texts = SplicedTexts(base: InMemoryEventTexts())
        let number = texts.add(file)
        var expected = ""
        // Long runs of consecutive events (megabytes), a changed event between, one taken out of order.
        for i in 0..<9000 where i != 4500 {
            if i == 4000 {
                _ = try texts.append("BEGIN:VEVENT\r\nUID:ny\r\nEND:VEVENT\r\n")
                expected += "BEGIN:VEVENT\r\nUID:ny\r\nEND:VEVENT\r\n"
            }
            let index = i == 7000 ? 4500 : i
            _ = texts.append(file: number, range: found[index].range)
            expected += events[index]
        }
        try texts.finish()
        let count = 9000  // 8,999 copied, one appended
        let feed = FeedFile(
            path: "x.ics", prefix: Self.prefix, store: texts, ids: Array(0..<count), events: Array(0..<count),
            suffix: Self.suffix, digest: nil)
        #expect(expected.utf8.count > 2 << 20)
        let target = path + ".written"
        defer { try? FileManager.default.removeItem(atPath: target) }
        try FeedFileIO.write(feed, to: target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == Self.prefix + expected + Self.suffix)
    }
}
