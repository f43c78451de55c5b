import MoteplanFeeds

/// What a run changes in the event text cache: the texts it made, stored; the entries of events
/// no longer in the schedule, removed (so the cache holds one entry per scheduled event at most).
struct EventTextCacheUpdate {
    /// The entries to store, in schedule order (not sorted: on a first publication that is every event).
    let saved: [(uid: String, entry: CachedEventText)]
    /// The UIDs to forget, in order.
    let removed: [String]

    init<Change>(cache: EventTextCache, rendering: CachedRendering<Change>) {
        saved = rendering.madeTexts
        // Every entry found by a scheduled event: none is stale (the common case, without a set of 100k UIDs).
        if rendering.uidsInCache == cache.entries.count {
            removed = []
        } else {
            let scheduled = Set(rendering.uids)
            removed = cache.entries.keys.filter { !scheduled.contains($0) }.sorted()
        }
    }

    /// Writes the changes in `transaction`.
    func save(in transaction: StateTransaction) throws {
        for (uid, entry) in saved { try transaction.saveEventText(uid: uid, entry) }
        for uid in removed { try transaction.removeEventText(uid: uid) }
    }
}
