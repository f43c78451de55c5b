import MoteplanFeeds

/// What a run changes in the event text cache: the texts it made, stored a chunk at a time as
/// the renderer hands them over; the entries of events no longer in the schedule, removed at the
/// end (so the cache holds one entry per scheduled event at most).
struct EventTextCacheUpdate {
    /// The cache the run read.
    let cache: EventTextCache

    /// Stores a chunk's texts in `transaction`, in schedule order (not sorted: a first
    /// publication stores every event).
    func save<Change>(_ chunk: RenderedChunk<Change>, in transaction: StateTransaction) throws {
        for (uid, entry) in chunk.made { try transaction.saveEventText(uid: uid, entry) }
    }

    /// Removes the entries of UIDs the schedule no longer has, in order. `scheduled` is only
    /// asked for when some entry was not found by a scheduled event.
    func removeStale(uidsInCache: Int, scheduled: () -> Set<String>, in transaction: StateTransaction) throws {
        // Every entry found by a scheduled event: none is stale (the common case, without a set of 100k UIDs).
        guard uidsInCache != cache.count else { return }
        let uids = scheduled()
        for uid in try transaction.eventTextUIDs() where !uids.contains(uid) {
            try transaction.removeEventText(uid: uid)
        }
    }
}
