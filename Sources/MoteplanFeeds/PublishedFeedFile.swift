import Foundation

/// A feed file as an earlier run wrote it, mapped read-only: the events of a changed feed whose
/// texts are the same as then are copied from it by byte range instead of read from the cache
/// (`SplicedTexts`).
///
/// Opened only while the file still has the size, modification time and inode of its stamp, so
/// its bytes are the ones that run wrote (checked on the open descriptor: a file replaced since
/// is refused). Its pages are let go as they are read (`ReleasingMapping`).
final class PublishedFeedFile: Sendable {
    private let mapping: ReleasingMapping
    private var mapped: UnsafeRawPointer { mapping.base }
    /// Size in bytes.
    var size: Int { mapping.size }

    /// The file at `path` if it is still the one `stamp` describes (its digest aside), else nil.
    init?(path: String, stamp: FeedStamp, releaseEvery: Int = 32 << 20) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == stamp.size,
            Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec) == stamp.modified,
            Int(truncatingIfNeeded: info.st_ino) == stamp.inode,
            let mapping = ReleasingMapping(fd: fd, size: stamp.size, releaseEvery: releaseEvery)
        else { return nil }
        self.mapping = mapping
    }

    /// A VEVENT of the file: where its UID's value starts, the digest of that value (unfolded),
    /// and its byte range, from its `BEGIN:VEVENT` line through its `END:VEVENT` line and CRLF,
    /// which is the event's text exactly as it was appended.
    struct Event {
        /// Offset of the UID value's first byte.
        var uidStart: Int
        /// `uidDigest` of the unfolded value.
        var uidDigest: UInt64
        /// The event's bytes.
        var range: Range<Int>
    }

    /// Every VEVENT with a UID, in file order. One pass over the lines (a folded line's
    /// continuation starts with a space, so it is never taken for one of these); no UID is
    /// copied out (a million of them at Oslo's size).
    func events() -> [Event] {
        let bytes = UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size)
        guard let base = bytes.baseAddress else { return [] }
        let begin = Array("BEGIN:VEVENT\r\n".utf8)
        let end = Array("END:VEVENT\r\n".utf8)
        let uidName = Array("UID:".utf8)
        func line(_ at: Int, _ length: Int, is text: [UInt8]) -> Bool {
            length == text.count && text.withUnsafeBytes { wanted in
                wanted.baseAddress.map { memcmp(base + at, $0, text.count) == 0 } ?? false
            }
        }
        var found: [Event] = []
        found.reserveCapacity(size / 512)
        var start = 0
        var eventStart = -1
        var uid: (start: Int, digest: UInt64)?
        var counted = 0  // bytes passed and counted as read (so the pages go every `releaseEvery`)
        while start < size, let newline = memchr(base + start, 10, size - start) {
            if start - counted >= 1 << 20 {
                noteRead(start - counted)
                counted = start
            }
            let next = UnsafeRawPointer(newline) - UnsafeRawPointer(base) + 1
            let length = next - start
            switch bytes[start] {
            case UInt8(ascii: "B") where line(start, length, is: begin):
                eventStart = start
                uid = nil
            case UInt8(ascii: "U") where eventStart >= 0 && uid == nil && length > uidName.count
                && uidName.indices.allSatisfy({ bytes[start + $0] == uidName[$0] }):
                var digest = FeedDigest()
                Self.unfolded(bytes, from: start + uidName.count) { digest.add(byte: $0) }
                uid = (start + uidName.count, digest.state)
            case UInt8(ascii: "E") where eventStart >= 0 && line(start, length, is: end):
                if let uid { found.append(Event(uidStart: uid.start, uidDigest: uid.digest, range: eventStart..<next)) }
                eventStart = -1
            default:
                break
            }
            start = next
        }
        noteRead(size - counted)
        return found
    }

    /// The digest `events()` gives a UID.
    static func uidDigest(_ uid: String) -> UInt64 {
        var digest = FeedDigest()
        for byte in uid.utf8 { digest.add(byte: byte) }
        return digest.state
    }

    /// Whether `event`'s UID is `uid`, byte for byte. Counts the event as read: the events of a
    /// file are checked in about the order they are in, and the pages behind go every `releaseEvery`.
    func has(_ uid: String, _ event: Event) -> Bool {
        noteRead(event.range.count)
        let bytes = UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size)
        var wanted = uid.utf8.makeIterator()
        var same = true
        Self.unfolded(bytes, from: event.uidStart) { byte in
            if same, wanted.next() != byte { same = false }
        }
        return same && wanted.next() == nil
    }

    /// Calls `body` with each byte of the value of a content line starting at `from`, unfolded
    /// (RFC 5545 3.1: a CRLF followed by a space or tab continues the line).
    private static func unfolded(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, _ body: (UInt8) -> Void) {
        var i = from
        while i < bytes.count {
            if bytes[i] == 13, i + 2 < bytes.count, bytes[i + 1] == 10 {
                guard bytes[i + 2] == 32 || bytes[i + 2] == 9 else { return }
                i += 3
                continue
            }
            body(bytes[i])
            i += 1
        }
    }

    /// Calls `body` with the bytes of `range` (`ReleasingMapping.withBytes`).
    func withBytes(_ range: Range<Int>, _ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        mapping.withBytes(range, body)
    }

    private func noteRead(_ length: Int) { mapping.noteRead(length) }
}
