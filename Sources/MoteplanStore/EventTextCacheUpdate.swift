import MoteplanFeeds

/// What a run changes in the event text cache: the texts it made, stored a chunk at a time as
/// the renderer hands them over; the entries of events no longer in the schedule, removed at the
/// end (so the cache holds one entry per scheduled event at most).
struct EventTextCacheUpdate {
    /// The cache the run read.
    let cache: EventTextCache
    /// The scheduled UIDs seen so far; only kept when the cache has entries that may be stale
    /// (a first publication keeps none).
    private var scheduled: Set<String> = []

    init(cache: EventTextCache) {
        self.cache = cache
    }

    /// Stores a chunk's texts in `transaction`, in schedule order (not sorted: a first
    /// publication stores every event).
    mutating func save<Change>(_ chunk: RenderedChunk<Change>, in transaction: StateTransaction) throws {
        for (uid, entry) in chunk.made { try transaction.saveEventText(uid: uid, entry) }
        if !cache.entries.isEmpty { scheduled.formUnion(chunk.uids) }
    }

    /// Removes the entries of UIDs the schedule no longer has, in order.
    func removeStale(uidsInCache: Int, in transaction: StateTransaction) throws {
        // Every entry found by a scheduled event: none is stale (the common case).
        guard uidsInCache != cache.entries.count else { return }
        for uid in cache.entries.keys.filter({ !scheduled.contains($0) }).sorted() {
            try transaction.removeEventText(uid: uid)
        }
    }
}
