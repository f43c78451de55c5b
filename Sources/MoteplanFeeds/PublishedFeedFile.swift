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
    /// size. One pass over the lines, a block at a time (a folded line's continuation starts
    /// with a space, so it is never taken for one of these); no UID is copied out (a million of
    /// them at Oslo's size).
    func events() -> [Event]? {
        let begin = Array("BEGIN:VEVENT\r\n".utf8)
        let end = Array("END:VEVENT\r\n".utf8)
        let uidName = Array("UID:".utf8)
        var found: [Event] = []
        found.reserveCapacity(size / 512)
        var eventStart = -1
        var uid: UInt128?  // the UID's digest once its line (and any continuation) is read
        var digest = UIDDigest()
        var inUID = false  // the last line was the UID's, or a continuation of it
        var carry: [UInt8] = []  // the start of a line the last block cut
        var position = 0  // file offset of the next byte to read
        var buffer = [UInt8](repeating: 0, count: Self.block)
        while position < size {
            let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, min(Self.block, size - position), off_t(position)) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return nil }
            let bytes = carry + buffer[0..<got]
            let lineBase = position - carry.count  // file offset of bytes[0]
            position += got
            bytes.withUnsafeBufferPointer { block in
                guard let base = block.baseAddress else { return }
                var start = 0
                while start < block.count, let newline = memchr(base + start, 10, block.count - start) {
                    let next = UnsafeRawPointer(newline) - UnsafeRawPointer(base) + 1
                    let line = UnsafeBufferPointer(rebasing: block[start..<next])
                    if inUID, let first = line.first, first == 32 || first == 9 {
                        digest.add(line.dropFirst().dropLast(2))
                    } else {
                        if inUID {
                            uid = digest.value
                            inUID = false
                        }
                        switch line.first {
                        case UInt8(ascii: "B") where line.elementsEqual(begin):
                            eventStart = lineBase + start
                            uid = nil
                        case UInt8(ascii: "U") where eventStart >= 0 && uid == nil && line.starts(with: uidName):
                            digest = UIDDigest()
                            digest.add(line.dropFirst(uidName.count).dropLast(2))
                            inUID = true
                        case UInt8(ascii: "E") where eventStart >= 0 && line.elementsEqual(end):
                            if let uid { found.append(Event(uid: uid, range: eventStart..<(lineBase + next))) }
                            eventStart = -1
                        default:
                            break
                        }
                    }
                    start = next
                }
                carry = Array(block[start...])
            }
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
