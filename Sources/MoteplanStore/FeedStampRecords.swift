import GRDB
import MoteplanFeeds

/// The feed stamps (`feed_stamp`): what each feed file was when the last run wrote or compared it.
extension StateTransaction {
    /// Every stamp, by absolute target path.
    public func feedStamps() throws -> [String: FeedStamp] {
        var stamps: [String: FeedStamp] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT target, digest, size, modified, inode FROM feed_stamp")
        while let row = try rows.next() {
            stamps[row[0]] = FeedStamp(digest: row[1], size: row[2], modified: row[3], inode: row[4])
        }
        return stamps
    }

    /// Stores (or replaces) the stamp of `target`.
    public func saveFeedStamp(target: String, _ stamp: FeedStamp) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO feed_stamp (target, digest, size, modified, inode) VALUES (?, ?, ?, ?, ?)")
        statement.setUncheckedArguments([target, stamp.digest, stamp.size, stamp.modified, stamp.inode])
        try statement.execute()
    }

    /// Forgets the stamp of `target`.
    public func removeFeedStamp(target: String) throws {
        let statement = try db.cachedStatement(sql: "DELETE FROM feed_stamp WHERE target = ?")
        statement.setUncheckedArguments([target])
        try statement.execute()
    }
}
