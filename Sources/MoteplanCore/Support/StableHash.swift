/// A hash that is the same in every run and on every machine (unlike Swift's seeded `Hasher`):
/// FNV-1a, 64 bits, over UTF-8. For identities and change detection, not for security.
public struct StableHash {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// An empty hash, to feed text to piece by piece.
    public init() {}

    /// The hash of `text` as 16 hex digits.
    public static func hex(_ text: String) -> String {
        var hash = StableHash()
        hash.add(text)
        return hash.hex
    }

    /// Adds the UTF-8 bytes of `text`: adding pieces gives the hash of their concatenation.
    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                state ^= UInt64(byte)
                state = state &* 0x0000_0100_0000_01B3
            }
        }
    }

    /// The hash so far as 16 hex digits.
    public var hex: String {
        let hex = String(state, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
