import CGlibcExtras
import Foundation

/// A feed file as an earlier run wrote it: the events of a changed feed whose texts are the same
/// as then are copied from it by byte range instead of read from the cache (`SplicedTexts`).
///
/// Opened only while the file still has the size, modification time and inode of its stamp, so
/// its bytes are the ones that run wrote (checked on the open descriptor: a file replaced since
/// is refused; renaming a new file over it later leaves this one readable). It is read with
/// `pread`, never mapped: a file cut short meanwhile (someone truncating the published feed in
/// place) makes a read come up short, which stops the copy with an error, where a mapping would
/// kill the process with SIGBUS. Nothing read stays in the process's memory.
final class PublishedFeedFile: Sendable {
    private let fd: Int32
    /// Size in bytes, as stamped.
    let size: Int

    private static let block = 1 << 20

    /// The file at `path` if it is still the one `stamp` describes (its digest aside), else nil.
    init?(path: String, stamp: FeedStamp) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == stamp.size,
            Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec) == stamp.modified,
            Int(truncatingIfNeeded: info.st_ino) == stamp.inode
        else {
            close(fd)
            return nil
        }
        self.fd = fd
        size = stamp.size
    }

    deinit {
        close(fd)
    }

    /// A VEVENT of the file: the digest of its UID (unfolded) and its byte range, from its
    /// `BEGIN:VEVENT` line through its `END:VEVENT` line and CRLF, which is the event's text
    /// exactly as it was appended.
    struct Event {
        /// `uidDigest` of the UID.
        var uid: UInt128
        /// The event's bytes.
        var range: Range<Int>
    }

    /// Every VEVENT with a UID, in file order; nil when the file cannot be read to its stamped
    /// size. Read a block at a time; `memmem` finds each event's `BEGIN:VEVENT` line, its first
    /// `UID` line and its `END:VEVENT` line, each at a line's start (a folded line's continuation
    /// starts with a space, so it is never taken for one of these), and the lines between are
    /// not looked at. No UID is copied out (a million of them at Oslo's size).
    func events() -> [Event]? {
        let begin = Array("\nBEGIN:VEVENT\r\n".utf8)
        let end = Array("\nEND:VEVENT\r\n".utf8)
        let uidName = Array("\nUID:".utf8)
        var found: [Event] = []
        found.reserveCapacity(size / 512)
        // The bytes of an event the last block cut (or the tail a BEGIN line may start in) are
        // moved to the front, and the next block read after them.
        var capacity = 2 * Self.block
        var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var carried = 0
        var position = 0  // file offset of the next byte to read
        while position < size {
            if carried + Self.block > capacity {
                let larger = UnsafeMutableRawPointer.allocate(byteCount: 2 * capacity, alignment: 16)
                larger.copyMemory(from: buffer, byteCount: carried)
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
            let got = pread(fd, buffer + carried, min(Self.block, size - position), off_t(position))
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return nil }
            let base = position - carried  // file offset of buffer[0]
            position += got
            let count = carried + got
            let bytes = UnsafeRawPointer(buffer)
            /// Where `needle` first starts in bytes `from..<upTo` (all of it inside), or nil.
            func search(_ needle: [UInt8], from: Int, upTo: Int) -> Int? {
                guard upTo - from >= needle.count else { return nil }
                return needle.withUnsafeBytes { pattern in
                    moteplan_memmem(bytes + from, upTo - from, pattern.baseAddress, pattern.count).map { bytes.distance(to: $0) }
                }
            }
            /// The end of the line starting at `start` (its LF), at the latest `limit`.
            func lineEnd(_ start: Int, limit: Int) -> Int {
                memchr(bytes + start, 10, limit - start).map { bytes.distance(to: UnsafeRawPointer($0)) } ?? limit
            }
            var keep = count  // bytes from here on are carried to the next block
            var start = 0
            while true {
                guard let b = search(begin, from: start, upTo: count) else {
                    keep = max(start, count - (begin.count - 1))
                    break
                }
                let body = b + begin.count - 1  // the LF that ends the BEGIN line
                guard let e = search(end, from: body, upTo: count) else {
                    keep = b
                    break
                }
                // The UID line and its continuations, unfolded: each line without its CRLF.
                if let u = search(uidName, from: body, upTo: e + 1) {
                    var digest = UIDDigest()
                    var line = u + uidName.count
                    while true {
                        let lf = lineEnd(line, limit: e)
                        digest.add(UnsafeRawBufferPointer(start: bytes + line, count: max(0, lf - 1 - line)))
                        // A continuation starts with a space or a tab, which is not part of the value.
                        guard lf + 1 < e else { break }
                        let next = bytes.load(fromByteOffset: lf + 1, as: UInt8.self)
                        guard next == 32 || next == 9 else { break }
                        line = lf + 2
                    }
                    found.append(Event(uid: digest.value, range: (base + b + 1)..<(base + e + end.count)))
                }
                start = e + end.count - 1  // the LF that ends the END line may start the next BEGIN's
            }
            carried = count - keep
            if carried > 0 { memmove(buffer, buffer + keep, carried) }
        }
        return found
    }

    /// The digest `events()` gives the UID `uid`: FNV-1a over its UTF-8 bytes, 128 bits, so that
    /// two UIDs of a file have the same one with a chance near 2⁻¹²⁸ per pair (a match is taken
    /// without comparing the bytes, which would mean reading each UID again).
    static func uidDigest(_ uid: String) -> UInt128 {
        var digest = UIDDigest()
        digest.add(uid.utf8)
        return digest.value
    }

    /// FNV-1a, 128 bits.
    private struct UIDDigest {
        var value: UInt128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d

        mutating func add<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
            for byte in bytes {
                value ^= UInt128(byte)
                value = value &* 0x0000_0000_0100_0000_0000_0000_0000_013B
            }
        }
    }

    /// Calls `body` with the bytes of `range`, read a megabyte at a time; returns false when
    /// `body` does, or when the file no longer has those bytes (cut short since it was opened).
    func withBytes(_ range: Range<Int>, _ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        guard range.upperBound <= size else { return false }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: min(Self.block, max(1, range.count)), alignment: 16)
        defer { buffer.deallocate() }
        var start = range.lowerBound
        while start < range.upperBound {
            let got = pread(fd, buffer, min(Self.block, range.upperBound - start), off_t(start))
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return false }
            guard body(UnsafeRawBufferPointer(start: buffer, count: got)) else { return false }
            start += got
        }
        return true
    }
}
