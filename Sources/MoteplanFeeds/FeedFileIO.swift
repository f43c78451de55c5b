import Foundation

/// Streams a feed's content to a file, and compares it with a file, through one buffer: a feed
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

    /// Creates (or truncates) `path`, writes the file's content, flushes it to disk and closes it.
    static func write(_ file: FeedFile, to path: String) throws(Failure) {
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
        let complete = file.forEachRun { run in
            // A long run (texts consecutive in a spool or a file) goes to the file from where it
            // is, not through the buffer.
            if run.count >= bufferSize / 4, let base = run.baseAddress {
                flush()
                var offset = 0
                while failure == nil, offset < run.count {
                    let written = Foundation.write(fd, base + offset, run.count - offset)
                    if written < 0 {
                        if Foundation.errno == EINTR { continue }
                        failure = .errno("cannot write")
                    } else {
                        offset += written
                    }
                }
                return failure == nil
            }
            buffer.append(contentsOf: run)
            if buffer.count >= bufferSize { flush() }
            return failure == nil
        }
        if !complete, failure == nil {
            // A text could not be read back (a feed file copied from was cut short meanwhile).
            failure = Failure(reason: "a feed file it copies from changed on disk while it was read; run again")
        }
        flush()
        if failure == nil, fsync(fd) != 0 { failure = .errno("cannot flush to disk") }
        if close(fd) != 0, failure == nil { failure = .errno("cannot close") }
        if let failure { throw failure }
    }

    /// Whether the file at `path` holds exactly the file's content (false when it is missing or
    /// unreadable). Each run of the content is compared in place with what was read (memcmp),
    /// never copied.
    static func matches(_ file: FeedFile, path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == file.byteCount
        else { return false }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let disk = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 16)
        defer { disk.deallocate() }
        var filled = 0  // bytes in `disk`
        var consumed = 0  // of those, compared so far
        // Compares `bytes` with the next bytes of the file, reading as needed.
        func same(_ bytes: UnsafeRawBufferPointer) -> Bool {
            guard let base = bytes.baseAddress else { return true }
            var offset = 0
            while offset < bytes.count {
                if consumed == filled {
                    let got = read(fd, disk, bufferSize)
                    if got < 0, Foundation.errno == EINTR { continue }
                    guard got > 0 else { return false }
                    filled = got
                    consumed = 0
                }
                let length = min(bytes.count - offset, filled - consumed)
                guard memcmp(base + offset, disk + consumed, length) == 0 else { return false }
                offset += length
                consumed += length
            }
            return true
        }
        guard file.forEachRun(same), consumed == filled else { return false }
        var extra: UInt8 = 0
        return read(fd, &extra, 1) == 0
    }
}
