import GRDB
import MoteplanFeeds

/// The event text cache (`event_text`): read a chunk at a time while `ics` renders
/// (`StateStore.eventTextCache`), updated in the same transaction as the revisions the texts carry.
extension StateTransaction {
    /// How many cached texts there are.
    public func eventTextCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM event_text") ?? 0
    }

    /// The UIDs that have a cached text, in order.
    public func eventTextUIDs() throws -> [String] {
        try String.fetchAll(db, sql: "SELECT uid FROM event_text ORDER BY uid")
    }

    /// Stores (or replaces) the cached texts of `uid`.
    public func saveEventText(uid: String, _ entry: CachedEventText) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO event_text (uid, key, public_text, private_text) VALUES (?, ?, ?, ?)")
        statement.setUncheckedArguments([uid, entry.key, entry.publicText, entry.privateText])
        try statement.execute()
    }

    /// Forgets the cached texts of `uid` (an event no longer in the schedule).
    public func removeEventText(uid: String) throws {
        let statement = try db.cachedStatement(sql: "DELETE FROM event_text WHERE uid = ?")
        statement.setUncheckedArguments([uid])
        try statement.execute()
    }
}

extension StateStore {
    /// The cache as `transaction` found it: its count now, and its entries read on demand
    /// through the store's other connections. Those see the last committed state, which is the
    /// state `transaction` began with: it holds the write lock, so no other run commits
    /// meanwhile, and its own writes are not visible to other connections before it commits.
    public func eventTextCache(in transaction: StateTransaction) throws -> EventTextCache {
        guard readsBesideWrites else { return EventTextCache(try transaction.eventTexts()) }
        return EventTextCache(count: try transaction.eventTextCount()) { [self] uids in
            try read { reading in try reading.eventTexts(uids) }
        }
    }
}

extension StateTransaction {
    /// Every cached text, by UID (for a store without a second connection).
    func eventTexts() throws -> [String: CachedEventText] {
        var entries: [String: CachedEventText] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT uid, key, public_text, private_text FROM event_text")
        while let row = try rows.next() {
            entries[row[0]] = CachedEventText(key: row[1], publicText: row[2], privateText: row[3])
        }
        return entries
    }

    /// The cached texts of those of `uids` that have one.
    func eventTexts(_ uids: [String]) throws -> [String: CachedEventText] {
        var found: [String: CachedEventText] = [:]
        try forEachRow(of: uids, sql: "SELECT uid, key, public_text, private_text FROM event_text WHERE uid IN") { row in
            found[row[0]] = CachedEventText(key: row[1], publicText: row[2], privateText: row[3])
        }
        return found
    }

    /// Runs `sql` (a query ending in `uid IN`) for `uids`, a few hundred per statement (SQLite
    /// allows 32,766 parameters): one query instead of one per event.
    func forEachRow(of uids: [String], sql: String, _ body: (Row) throws -> Void) throws {
        for start in stride(from: 0, to: uids.count, by: 256) {
            let some = uids[start..<min(uids.count, start + 256)]
            let placeholders = Array(repeating: "?", count: some.count).joined(separator: ",")
            let statement = try db.cachedStatement(sql: "\(sql) (\(placeholders))")
            statement.setUncheckedArguments(StatementArguments(some))
            let rows = try Row.fetchCursor(statement)
            while let row = try rows.next() { try body(row) }
        }
    }
}
