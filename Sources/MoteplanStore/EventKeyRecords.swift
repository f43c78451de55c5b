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
}
