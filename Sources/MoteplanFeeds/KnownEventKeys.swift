import Foundation

/// What the last run knew of each event: its meeting's key (`MeetingKey`) and the digest of its
/// text's key (`FeedDigest.of(EventTextCache.key(…))`, what feed digests are made of). A meeting
/// whose key is here has the revision and cached texts it had then, so its event is neither
/// built nor read until a feed that must be written needs its text.
///
/// Stored as one blob of pairs sorted by meeting key, 16 bytes each, little-endian (1.6 MB at
/// 100k meetings): read in one go, looked up by binary search.
public struct KnownEventKeys: Sendable {
    /// (meeting key, text key digest), sorted by meeting key.
    private var pairs: [(meeting: UInt64, feed: UInt64)]

    /// None known (a first publication).
    public init() {
        pairs = []
    }

    /// The pairs, in any order.
    public init(meetingKeys keys: [UInt64], feedKeys digests: [UInt64]) {
        pairs = zip(keys, digests).map { (meeting: $0, feed: $1) }
        pairs.sort { $0.meeting < $1.meeting }
    }

    /// The pairs stored by `data`; nil when it is not whole pairs in order.
    public init?(data: Data) {
        guard data.count % 16 == 0 else { return nil }
        var pairs: [(meeting: UInt64, feed: UInt64)] = []
        pairs.reserveCapacity(data.count / 16)
        let ordered = data.withUnsafeBytes { bytes -> Bool in
            for i in 0..<(bytes.count / 16) {
                let pair = (
                    meeting: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 16, as: UInt64.self)),
                    feed: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 16 + 8, as: UInt64.self)))
                if let last = pairs.last, last.meeting > pair.meeting { return false }
                pairs.append(pair)
            }
            return true
        }
        guard ordered else { return nil }
        self.pairs = pairs
    }

    /// The blob to store.
    public var data: Data {
        var out = Data(count: pairs.count * 16)
        out.withUnsafeMutableBytes { bytes in
            for (i, pair) in pairs.enumerated() {
                bytes.storeBytes(of: pair.meeting.littleEndian, toByteOffset: i * 16, as: UInt64.self)
                bytes.storeBytes(of: pair.feed.littleEndian, toByteOffset: i * 16 + 8, as: UInt64.self)
            }
        }
        return out
    }

    /// How many events are known.
    public var count: Int { pairs.count }

    /// The text key digest of the event whose meeting had `key`, if it was known.
    public func feedKey(forMeeting key: UInt64) -> UInt64? {
        var low = 0
        var high = pairs.count
        while low < high {
            let middle = (low + high) / 2
            if pairs[middle].meeting < key { low = middle + 1 } else { high = middle }
        }
        return low < pairs.count && pairs[low].meeting == key ? pairs[low].feed : nil
    }
}

extension KnownEventKeys: Equatable {
    public static func == (a: KnownEventKeys, b: KnownEventKeys) -> Bool {
        a.pairs.count == b.pairs.count && zip(a.pairs, b.pairs).allSatisfy { $0 == $1 }
    }
}
