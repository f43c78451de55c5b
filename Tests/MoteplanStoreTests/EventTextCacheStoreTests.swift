import Foundation
import MoteplanCore
import MoteplanFeeds
import MoteplanICal
import Testing

@testable import MoteplanStore

/// The event text cache as the store hands it to `ics`: entries read on demand, as the run's
/// transaction began with them, through any kind of store.
struct EventTextCacheStoreTests {
    /// A store with one publication's cached texts, and one of the UIDs.
    func published(_ directory: URL) throws -> (path: String, uid: String, count: Int) {
        let path = directory.appendingPathComponent("s.sqlite").path
        let store = try StateStore.openForWriting(path: path)
        let config = try StoreFixtures.rotationConfig(candidates: ["r0", "r1", "r2"], first: "r0")
        _ = try FeedPublication(configuration: config, store: store, directory: directory.appendingPathComponent("feeds").path)
            .run(now: StoreFixtures.now(2026, month: 9, day: 1), nowUTC: ICalUTCStamp(year: 2026, month: 9, day: 1, hour: 7, minute: 0))
        let uids = try store.read { try $0.eventTextUIDs() }
        let uid = try #require(uids.first)
        return (path, uid, uids.count)
    }

    @Test func entriesAreReadAsTheTransactionBeganWithThem() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, uid, count) = try published(directory)
        let store = try StateStore.openForWriting(path: path)
        let (found, missing) = try store.write { transaction -> (CachedEventText?, [String: CachedEventText]) in
            let cache = try store.eventTextCache(in: transaction)
            #expect(cache.count == count)
            // Replaced in this transaction: other connections still read the entry it began with.
            try transaction.saveEventText(uid: uid, CachedEventText(key: "new", publicText: "NEW", privateText: nil))
            return (try cache.lookup([uid])[uid], try cache.lookup(["not-a-uid@example.no"]))
        }
        #expect(found != nil && found?.key != "new" && found?.publicText.hasPrefix("BEGIN:VEVENT") == true)
        #expect(missing.isEmpty)
    }

    @Test func aStoreOpenedForReadingReadsItsEntriesWithoutWaitingForItself() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, uid, count) = try published(directory)
        // One connection: a lookup through a second one would wait for the read it is inside.
        let store = try #require(try StateStore.openForReading(path: path))
        #expect(!store.readsBesideWrites)
        let found = try store.read { transaction -> CachedEventText? in
            let cache = try store.eventTextCache(in: transaction)
            #expect(cache.count == count)
            return try cache.lookup([uid])[uid]
        }
        #expect(found?.publicText.hasPrefix("BEGIN:VEVENT") == true)
    }
}
