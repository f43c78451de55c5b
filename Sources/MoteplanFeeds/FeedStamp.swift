import Foundation

/// What a feed file on disk was when moteplan last wrote or checked it: the digest of what it
/// holds (`FeedDigest`) and the file's size, modification time and inode. While the file still
/// has that size, time and inode, and the feed's digest is the same, the file holds the feed's
/// bytes and is neither assembled nor compared again (a rename keeps all three; any rewrite of
/// the file changes the time).
public struct FeedStamp: Sendable, Hashable {
    /// `FeedDigest` of the content, 16 hex digits.
    public var digest: String
    /// Size in bytes.
    public var size: Int
    /// Modification time, nanoseconds since the epoch.
    public var modified: Int
    /// Inode number.
    public var inode: Int

    /// Creates a stamp.
    public init(digest: String, size: Int, modified: Int, inode: Int) {
        self.digest = digest
        self.size = size
        self.modified = modified
        self.inode = inode
    }

    /// The stamp of the regular file at `path` for `digest` (nil when it is missing or not a regular file).
    public static func of(_ path: String, digest: String) -> FeedStamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FeedStamp(
            digest: digest, size: Int(info.st_size),
            modified: Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec),
            inode: Int(truncatingIfNeeded: info.st_ino))
    }

    /// Whether the file at `path` is still the one this stamp describes, holding `digest`.
    public func describes(_ path: String, digest: String) -> Bool {
        digest == self.digest && Self.of(path, digest: digest) == self
    }
}

/// The digest of a feed's content from what determines its bytes: its frame and, per event, the
/// key of the event's cached text and the variant (public or private). FNV-1a, 64 bits.
struct FeedDigest {
    /// The digest so far.
    var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Adds the UTF-8 bytes of `text`.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                state ^= UInt64(byte)
                state = state &* 0x0000_0100_0000_01B3
            }
        }
    }

    /// Adds one byte.
    mutating func add(byte: UInt8) {
        state ^= UInt64(byte)
        state = state &* 0x0000_0100_0000_01B3
    }

    /// Adds a 64-bit value (an event key's own digest), byte by byte.
    mutating func add(_ value: UInt64) {
        var value = value
        for _ in 0..<8 {
            state ^= value & 0xFF
            state = state &* 0x0000_0100_0000_01B3
            value >>= 8
        }
    }

    /// The digest of `text` alone.
    static func of(_ text: String) -> UInt64 {
        var digest = FeedDigest()
        digest.add(text)
        return digest.state
    }

    /// 16 hex digits.
    var hex: String {
        let hex = String(state, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
