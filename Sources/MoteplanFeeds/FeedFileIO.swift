import Foundation

/// Streams a feed's parts to a file, and compares them with a file, through one buffer: a feed
/// of 100k events is never joined into one string.
enum FeedFileIO {
    /// A failed system call, with errno's text.
    struct Failure: Error {
        let reason: String

        static func errno(_ what: String) -> Failure {
            Failure(reason: "\(what): \(String(cString: strerror(Foundation.errno)))")
        }
    }

    private static let bufferSize = 1 << 20

    /// Creates (or truncates) `path`, writes the parts, flushes them to disk and closes it.
    static func write(_ parts: [String], to path: String) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw .errno("cannot create a temporary file") }
        var failure: Failure?
        var buffer = [UInt8]()
        buffer.reserveCapacity(bufferSize)
        func flush() {
            guard failure == nil else { return }
            var offset = 0
            while offset < buffer.count {
                let written = buffer.withUnsafeBytes { bytes in
                    bytes.baseAddress.map { Foundation.write(fd, $0 + offset, bytes.count - offset) } ?? -1
                }
                if written < 0 {
                    if Foundation.errno == EINTR { continue }
                    failure = .errno("cannot write")
                    return
                }
                offset += written
            }
            buffer.removeAll(keepingCapacity: true)
        }
        for part in parts {
            buffer.append(contentsOf: part.utf8)
            if buffer.count >= bufferSize { flush() }
        }
        flush()
        if failure == nil, fsync(fd) != 0 { failure = .errno("cannot flush to disk") }
        if close(fd) != 0, failure == nil { failure = .errno("cannot close") }
        if let failure { throw failure }
    }

    /// Whether the file at `path` holds exactly the parts' bytes (false when it is missing or unreadable).
    static func matches(_ parts: [String], path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
            Int(info.st_size) == parts.reduce(0, { $0 + $1.utf8.count })
        else { return false }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var disk = [UInt8](repeating: 0, count: bufferSize)
        var expected = [UInt8]()
        expected.reserveCapacity(bufferSize)
        // Compares `expected` with the next bytes of the file.
        func sameAsDisk() -> Bool {
            var offset = 0
            while offset < expected.count {
                let want = expected.count - offset
                let got = disk.withUnsafeMutableBytes { bytes in
                    bytes.baseAddress.map { read(fd, $0, min(want, bytes.count)) } ?? -1
                }
                if got < 0, Foundation.errno == EINTR { continue }
                guard got > 0 else { return false }
                let equal = expected[offset..<(offset + got)].elementsEqual(disk[..<got])
                guard equal else { return false }
                offset += got
            }
            expected.removeAll(keepingCapacity: true)
            return true
        }
        for part in parts {
            expected.append(contentsOf: part.utf8)
            if expected.count >= bufferSize, !sameAsDisk() { return false }
        }
        guard sameAsDisk() else { return false }
        var extra: UInt8 = 0
        return read(fd, &extra, 1) == 0
    }
}
