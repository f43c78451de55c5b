import Crypto

/// Secret tokens: only their SHA-256 is configured, and a presented token is compared with every
/// configured hash in constant time, so neither timing nor an early exit tells how close a guess was.
public enum TokenCheck {
    /// The lower-case hex SHA-256 of `token`'s UTF-8 bytes (what `printf %s TOKEN | sha256sum` prints).
    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Whether two byte strings are equal, looking at every byte of the longer one whatever the content.
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference: UInt8 = a.count == b.count ? 0 : 1
        let count = max(a.count, b.count)
        for index in 0..<count {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= x ^ y
        }
        return difference == 0
    }

    /// The index of the configured hash that `token` matches, checking all of them every time.
    public static func match(_ token: String, among hashes: [String]) -> Int? {
        let presented = Array(hash(token).utf8)
        var found: Int?
        for (index, candidate) in hashes.enumerated() {
            let equal = constantTimeEqual(presented, Array(candidate.utf8))
            if equal && found == nil { found = index }
        }
        return found
    }
}
