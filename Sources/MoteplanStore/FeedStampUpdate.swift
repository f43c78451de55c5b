import MoteplanFeeds

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
