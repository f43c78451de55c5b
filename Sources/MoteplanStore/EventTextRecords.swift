import GRDB
import MoteplanFeeds

/// The event text cache (`event_text`): read whole at the start of `ics`, updated in the same
/// transaction as the revisions the texts carry.
extension StateTransaction {
    /// Every cached event text, by UID.
    public func eventTexts() throws -> EventTextCache {
        var entries: [String: CachedEventText] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT uid, key, public_text, private_text FROM event_text")
        while let row = try rows.next() {
            entries[row[0]] = CachedEventText(key: row[1], publicText: row[2], privateText: row[3])
        }
        return EventTextCache(entries)
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
