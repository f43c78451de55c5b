import MoteplanFeeds
import MoteplanICal

/// Decides each event's SEQUENCE and DTSTAMP from the stored revisions: unchanged content keeps
/// both; changed content gets SEQUENCE + 1 and DTSTAMP = now; a new UID starts at 0 and now.
/// SEQUENCE never decreases. A pure decision (safe on every core); what changed is returned
/// with it, to be saved in the same transaction.
public struct RevisionKeeper: Sendable {
    private let stored: [String: StoredRevision]
    private let now: ICalUTCStamp
    private let nowText: String

    /// Starts from the stored revisions, with `now` as the stamp for changes.
    public init(stored: [String: StoredRevision], now: ICalUTCStamp) {
        self.stored = stored
        self.now = now
        nowText = now.description
    }

    /// The revision for `uid` with content `hash`, and the row to store when it changed.
    public func revision(uid: String, contentHash hash: String) -> (revision: EventRevision, change: RevisionChange?) {
        if let old = stored[uid] {
            if old.contentHash == hash, let stamp = EventRevision.stamp(from: old.dtstamp) {
                return (EventRevision(sequence: old.sequence, dtstamp: stamp), nil)
            }
            return change(uid, StoredRevision(contentHash: hash, sequence: old.sequence + 1, dtstamp: nowText))
        }
        return change(uid, StoredRevision(contentHash: hash, sequence: 0, dtstamp: nowText))
    }

    private func change(_ uid: String, _ revision: StoredRevision) -> (revision: EventRevision, change: RevisionChange?) {
        (EventRevision(sequence: revision.sequence, dtstamp: now), RevisionChange(uid: uid, revision: revision))
    }
}

/// A revision to save: the UID and its new row.
public struct RevisionChange: Sendable {
    /// The event's UID.
    public let uid: String
    /// The new row.
    public let revision: StoredRevision
}
