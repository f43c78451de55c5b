import MoteplanFeeds
import MoteplanICal

/// Decides each event's SEQUENCE and DTSTAMP from the stored revisions: unchanged content keeps
/// both; changed content gets SEQUENCE + 1 and DTSTAMP = now; a new UID starts at 0 and now.
/// SEQUENCE never decreases. Each UID is asked once (a schedule's UIDs are unique).
public struct RevisionKeeper {
    private let stored: [String: StoredRevision]
    /// The revisions that changed, in the order they were asked for, to save in the same transaction.
    public private(set) var changed: [(uid: String, revision: StoredRevision)] = []
    private let now: ICalUTCStamp
    private let nowText: String

    /// Starts from the stored revisions, with `now` as the stamp for changes.
    public init(stored: [String: StoredRevision], now: ICalUTCStamp) {
        self.stored = stored
        self.now = now
        nowText = now.description
    }

    /// The revision for `uid` with content `hash`.
    public mutating func revision(uid: String, contentHash hash: String) -> EventRevision {
        if let old = stored[uid] {
            if old.contentHash == hash, let stamp = EventRevision.stamp(from: old.dtstamp) {
                return EventRevision(sequence: old.sequence, dtstamp: stamp)
            }
            return change(uid, StoredRevision(contentHash: hash, sequence: old.sequence + 1, dtstamp: nowText))
        }
        return change(uid, StoredRevision(contentHash: hash, sequence: 0, dtstamp: nowText))
    }

    private mutating func change(_ uid: String, _ revision: StoredRevision) -> EventRevision {
        changed.append((uid, revision))
        return EventRevision(sequence: revision.sequence, dtstamp: now)
    }
}
