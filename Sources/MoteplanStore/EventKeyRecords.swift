import Foundation
import GRDB
import MoteplanFeeds

/// The known event keys (`event_keys`, `KnownEventKeys`): saved by every `ics` run in the
/// transaction that saves the revisions and texts they describe, and removed by a run that
/// does not make them, so they never describe an older cache.
extension StateTransaction {
    /// The keys the last run saved; empty when there are none (or they are unreadable).
    public func knownEventKeys() throws -> KnownEventKeys {
        guard let data = try Data.fetchOne(db, sql: "SELECT pairs FROM event_keys WHERE id = 1") else {
            return KnownEventKeys()
        }
        return KnownEventKeys(data: data) ?? KnownEventKeys()
    }

    /// Saves `keys` for the next run; nil removes them.
    public func saveKnownEventKeys(_ keys: KnownEventKeys?) throws {
        guard let keys else { return try db.execute(sql: "DELETE FROM event_keys") }
        try db.execute(sql: "INSERT OR REPLACE INTO event_keys (id, pairs) VALUES (1, ?)", arguments: [keys.data])
    }

    /// The stored revisions of those of `uids` that have one.
    public func revisions(_ uids: [String]) throws -> [String: StoredRevision] {
        var result: [String: StoredRevision] = [:]
        for start in stride(from: 0, to: uids.count, by: 256) {
            let some = uids[start..<min(uids.count, start + 256)]
            let placeholders = Array(repeating: "?", count: some.count).joined(separator: ",")
            let statement = try db.cachedStatement(
                sql: "SELECT uid, content_hash, sequence, dtstamp FROM published_revision WHERE uid IN (\(placeholders))")
            statement.setUncheckedArguments(StatementArguments(some))
            let rows = try Row.fetchCursor(statement)
            while let row = try rows.next() {
                result[row[0]] = StoredRevision(contentHash: row[1], sequence: row[2], dtstamp: row[3])
            }
        }
        return result
    }
}
