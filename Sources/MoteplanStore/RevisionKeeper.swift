import MoteplanFeeds
import MoteplanICal

/// Decides each event's SEQUENCE and DTSTAMP from the stored revisions: unchanged content keeps
/// both; changed content gets SEQUENCE + 1 and DTSTAMP = now; a new UID starts at 0 and now.
/// SEQUENCE never decreases.
public struct RevisionKeeper {
    private var stored: [String: StoredRevision]
    private(set) var changes: [String: StoredRevision] = [:]
    private let now: ICalUTCStamp

    /// Starts from the stored revisions, with `now` as the stamp for changes.
    public init(stored: [String: StoredRevision], now: ICalUTCStamp) {
        self.stored = stored
        self.now = now
    }

    /// The revision for `uid` with content `hash`.
    public mutating func revision(uid: String, contentHash hash: String) -> EventRevision {
        if let old = stored[uid] {
            if old.contentHash == hash, let stamp = EventRevision.stamp(from: old.dtstamp) {
                return EventRevision(sequence: old.sequence, dtstamp: stamp)
            }
            return change(uid, StoredRevision(contentHash: hash, sequence: old.sequence + 1, dtstamp: now.description))
        }
        return change(uid, StoredRevision(contentHash: hash, sequence: 0, dtstamp: now.description))
    }

    private mutating func change(_ uid: String, _ revision: StoredRevision) -> EventRevision {
        stored[uid] = revision
        changes[uid] = revision
        return EventRevision(sequence: revision.sequence, dtstamp: now)
    }

    /// The revisions that changed, to save in the same transaction.
    public var changed: [String: StoredRevision] { changes }
}
