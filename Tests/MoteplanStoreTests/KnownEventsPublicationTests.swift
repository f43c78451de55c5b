import Foundation
import GRDB
import MoteplanCore
import MoteplanFeeds
import MoteplanICal
import Testing

@testable import MoteplanStore

/// A run after a change in the store (a move) takes every other event as the last run left it
/// (`KnownEventKeys`): not built again, its text copied from the feed file it was written to.
/// Every run's files are checked against a run that can take no such shortcut: a copy of the
/// store without its known keys, cached texts and stamps, written to another directory.
struct KnownEventsPublicationTests {
    let directory: URL
    let config: MoteplanCore.Configuration
    let path: String
    let out: URL
    let inputs = RunInputs(configSource: "the config's bytes", program: "moteplan test")

    init() throws {
        directory = try StoreFixtures.temporaryDirectory()
        config = try StoreFixtures.rotationConfig(candidates: ["r0", "r1", "r2"], first: "r0")
        path = directory.appendingPathComponent("state.sqlite").path
        out = directory.appendingPathComponent("feeds")
    }

    func publish(_ store: StateStore, to out: URL? = nil, inputs: RunInputs? = nil) throws -> FeedPublication.Outcome {
        try FeedPublication(configuration: config, store: store, directory: (out ?? self.out).path, inputs: inputs ?? self.inputs)
            .run(now: StoreFixtures.now(2026, month: 9, day: 1), nowUTC: ICalUTCStamp(year: 2026, month: 9, day: 1, hour: 7, minute: 0))
    }

    /// The files a run with no shortcut writes from a copy of the store as it is now.
    func reference(_ name: String) throws -> [String: Data] {
        let copy = directory.appendingPathComponent(name + ".sqlite").path
        // With its write-ahead log: the last transactions may not be in the main file yet.
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        if FileManager.default.fileExists(atPath: path + "-wal") {
            try FileManager.default.copyItem(atPath: path + "-wal", toPath: copy + "-wal")
        }
        let pool = try DatabaseQueue(path: copy)
        try pool.write { db in
            try db.execute(sql: "DELETE FROM event_keys; DELETE FROM event_text; DELETE FROM feed_stamp; DELETE FROM run_fingerprint")
        }
        let target = directory.appendingPathComponent(name)
        let outcome = try publish(try StateStore.openForWriting(path: copy), to: target)
        #expect(outcome.known == 0 && outcome.copied == 0)
        return try PublicationTests.contents(of: target)
    }

    /// Moves meeting `uid` to 07:00 or 07:30 of its day (alternately).
    func move(_ uid: String, in store: StateStore, minute: Int) throws {
        let meeting = try #require(Scheduler(configuration: config).schedule().meetings.first {
            $0.uid(domain: config.municipality.uidDomain) == uid
        })
        let start = LocalDateTime(date: meeting.date, time: try #require(LocalTime(hour: 7, minute: minute)))
        try store.write { transaction in
            try transaction.append(MeetingChange(
                uid: uid, kind: .move(start: start, end: try #require(LocalTime(hour: 8, minute: 30))), reason: "test",
                actor: "test", at: StoreFixtures.now(2026, month: 8, day: 20)))
        }
    }

    func uids() throws -> [String] {
        Scheduler(configuration: config).schedule().meetings.map { $0.uid(domain: config.municipality.uidDomain) }
    }

    @Test func aMovedMeetingIsTheOnlyEventBuiltAgain() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try StateStore.openForWriting(path: path)
        let first = try publish(store)
        #expect(first.known == 0 && first.copied == 0 && first.meetings > 20)
        let uid = try #require(try uids().last)
        try move(uid, in: store, minute: 0)
        let second = try publish(store)
        #expect(second.revised == 1)
        #expect(second.known == second.meetings - 1)
        #expect(second.copied >= second.meetings - 1)  // alle.ics alone holds every other event
        #expect(try PublicationTests.contents(of: out) == (try reference("after-move")))
        // And back: the same again.
        try move(uid, in: store, minute: 30)
        let third = try publish(store)
        #expect(third.revised == 1 && third.known == third.meetings - 1)
        #expect(try PublicationTests.contents(of: out) == (try reference("after-second-move")))
    }

    @Test func otherInputsTakeNoEventAsKnown() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try StateStore.openForWriting(path: path)
        try publish(store)
        try move(try #require(try uids().first), in: store, minute: 0)
        // Another config (or program): every event is built again (its texts still come from the cache).
        let other = try publish(store, inputs: RunInputs(configSource: "another config", program: "moteplan test"))
        #expect(other.known == 0 && other.copied == 0 && other.revised == 1)
        #expect(try PublicationTests.contents(of: out) == (try reference("other-inputs")))
        // A run without inputs leaves no keys behind for a later run to trust.
        _ = try FeedPublication(configuration: config, store: store, directory: out.path)
            .run(now: StoreFixtures.now(2026, month: 9, day: 1), nowUTC: ICalUTCStamp(year: 2026, month: 9, day: 1, hour: 7, minute: 0))
        #expect(try store.read { try $0.knownEventKeys() }.count == 0)
    }

    @Test func aFeedFileChangedOnDiskIsNotCopiedFrom() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try StateStore.openForWriting(path: path)
        try publish(store)
        // Someone edits alle.ics (same size, other bytes): its events come from the cache instead.
        let alle = out.appendingPathComponent("alle.ics")
        var bytes = try Data(contentsOf: alle)
        let at = try #require(bytes.firstRange(of: Data("SUMMARY:".utf8)))
        bytes.replaceSubrange(at, with: Data("SUMMARX:".utf8))
        usleep(10_000)
        try bytes.write(to: alle)
        try move(try #require(try uids().last), in: store, minute: 0)
        let outcome = try publish(store)
        #expect(outcome.known == outcome.meetings - 1)
        #expect(try PublicationTests.contents(of: out) == (try reference("edited-file")))
        #expect(!(try String(contentsOf: alle, encoding: .utf8)).contains("SUMMARX:"))
    }

    @Test func keysThatDoNotDescribeTheCacheAreNotTrusted() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try StateStore.openForWriting(path: path)
        try publish(store)
        let uids = try uids()
        // A cached entry under another key than the known one, and its feeds' files gone: the
        // run cannot copy the text and must not take the cache's; it renders without the keys.
        let uid = try #require(uids.first)
        try store.write { transaction in
            try transaction.saveEventText(uid: uid, CachedEventText(key: "another key", publicText: "BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n", privateText: nil))
        }
        try FileManager.default.removeItem(at: out)
        try move(try #require(uids.last), in: store, minute: 0)
        let outcome = try publish(store)
        #expect(outcome.known == 0 && outcome.revised == 1)
        #expect(try PublicationTests.contents(of: out) == (try reference("stale-keys")))
        let alle = try String(contentsOf: out.appendingPathComponent("alle.ics"), encoding: .utf8)
        #expect(!alle.contains("UID:x\r\n"))
    }
}
