/// A hash that is the same in every run and on every machine (unlike Swift's seeded `Hasher`):
/// FNV-1a, 64 bits, over UTF-8. For identities and change detection, not for security.
public enum StableHash {
    /// The hash of `text` as 16 hex digits.
    public static func hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
