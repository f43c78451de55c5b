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

/// What a run changes in the feed stamps: the stamps of files it compared or wrote, stored when
/// they differ; the stamps of files no longer published, removed. Saved in the transaction that
/// records the staged files, so after a crash the stamps describe the files the roll-forward renames.
struct FeedStampUpdate {
    let saved: [(target: String, stamp: FeedStamp)]
    let removed: [String]

    init(old: [String: FeedStamp], new: [String: FeedStamp], targets: [String]) {
        saved = new.filter { old[$0.key] != $0.value }.sorted { $0.key < $1.key }.map { (target: $0.key, stamp: $0.value) }
        let published = Set(targets)
        removed = old.keys.filter { !published.contains($0) }.sorted()
    }

    func save(in transaction: StateTransaction) throws {
        for (target, stamp) in saved { try transaction.saveFeedStamp(target: target, stamp) }
        for target in removed { try transaction.removeFeedStamp(target: target) }
    }
}
