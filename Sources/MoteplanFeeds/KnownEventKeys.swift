/// What the last run knew of each event: its meeting's key (`MeetingKey`) and the digest of its
/// text's key (`FeedDigest.of(EventTextCache.key(…))`, what feed digests are made of). A meeting
/// whose key is here has the revision and cached texts it had then, so its event is neither
/// built nor read until a feed that must be written needs its text.
///
/// Stored as one blob of pairs sorted by meeting key, 16 bytes each, little-endian (1.6 MB at
/// 100k meetings): read in one go, looked up by binary search.
public struct KnownEventKeys: Sendable, Equatable {
    private var meetingKeys: [UInt64]
    private var feedKeys: [UInt64]

    /// None known (a first publication).
    public init() {
        meetingKeys = []
        feedKeys = []
    }

    /// The pairs, in any order.
    public init(meetingKeys keys: [UInt64], feedKeys digests: [UInt64]) {
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        meetingKeys = order.map { keys[$0] }
        feedKeys = order.map { digests[$0] }
    }

    /// The pairs stored by `bytes`; nil when the bytes are not whole pairs in order.
    public init?(bytes: [UInt8]) {
        guard bytes.count % 16 == 0 else { return nil }
        let count = bytes.count / 16
        var keys: [UInt64] = []
        var digests: [UInt64] = []
        keys.reserveCapacity(count)
        digests.reserveCapacity(count)
        func word(_ at: Int) -> UInt64 {
            var value: UInt64 = 0
            for i in (0..<8).reversed() { value = value << 8 | UInt64(bytes[at + i]) }
            return value
        }
        for i in 0..<count {
            let key = word(i * 16)
            if let last = keys.last, last > key { return nil }
            keys.append(key)
            digests.append(word(i * 16 + 8))
        }
        meetingKeys = keys
        feedKeys = digests
    }

    /// The blob to store.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(meetingKeys.count * 16)
        for (key, digest) in zip(meetingKeys, feedKeys) {
            for value in [key, digest] {
                for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
            }
        }
        return out
    }

    /// How many events are known.
    public var count: Int { meetingKeys.count }

    /// The text key digest of the event whose meeting had `key`, if it was known.
    public func feedKey(forMeeting key: UInt64) -> UInt64? {
        var low = 0
        var high = meetingKeys.count
        while low < high {
            let middle = (low + high) / 2
            if meetingKeys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < meetingKeys.count && meetingKeys[low] == key ? feedKeys[low] : nil
    }
}
