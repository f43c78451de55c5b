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
        let found = file.events()
        let uids = ["a@example.no", "lokalt-team.en-veldig-lang-id@example.no", "c@example.no"]
        #expect(found.count == 3)
        let bytes = Array((Self.prefix + events.joined() + Self.suffix).utf8)
        for (event, (text, uid)) in zip(found, zip(events, uids)) {
            #expect(String(decoding: bytes[event.range], as: UTF8.self) == text)
            #expect(event.uidDigest == PublishedFeedFile.uidDigest(uid))
            #expect(file.has(uid, event))
            // Only that UID: not a prefix of it, not a longer one, not another.
            #expect(!file.has(String(uid.dropLast()), event) && !file.has(uid + "x", event) && !file.has("b@example.no", event))
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

    /// Appended and copied texts in any order stream as the texts in id order, across the
    /// spool's and the file's pieces.
    @Test(arguments: [1, 64, 32 << 20])
    func appendedAndCopiedTextsStreamInIdOrder(releaseEvery: Int) throws {
        let events = (0..<400).map { Self.event("møte-\($0)@example.no", fold: $0 % 7 == 0) }
        let (path, stamp) = try Self.write(Self.prefix + events.joined() + Self.suffix)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let directory = NSTemporaryDirectory()
        let texts = SplicedTexts(base: try TextSpool(directory: directory, releaseEvery: releaseEvery))
        let file = try #require(PublishedFeedFile(path: path, stamp: stamp, releaseEvery: releaseEvery))
        let number = texts.add(file)
        let found = file.events()
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
}
