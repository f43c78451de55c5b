import Foundation

/// A read-only mapping of a file, read in pieces of at most a megabyte, whose pages are dropped
/// from the process's page tables after every `releaseEvery` bytes read (`MADV_DONTNEED`: the
/// file's pages stay in the page cache, and a later read maps them again). What it adds to the
/// resident size stays near that bound, however much of the file is read: the spool of a
/// million events' texts (`TextSpool`), or a 660 MB feed copied from (`PublishedFeedFile`).
final class ReleasingMapping: @unchecked Sendable {
    // Only `readSinceRelease` changes after init, under `lock`.
    /// The first byte.
    let base: UnsafeRawPointer
    /// Bytes mapped.
    let size: Int
    private let releaseEvery: Int
    private let lock = NSLock()
    private var readSinceRelease = 0

    /// The largest piece handed to a reader.
    static let piece = 1 << 20

    /// `size` (> 0) bytes of `fd` from its start, or nil when they cannot be mapped (errno says why).
    init?(fd: Int32, size: Int, releaseEvery: Int) {
        guard size > 0, let address = mmap(nil, size, PROT_READ, MAP_SHARED, fd, 0), address != MAP_FAILED else { return nil }
        base = UnsafeRawPointer(address)
        self.size = size
        self.releaseEvery = max(1, releaseEvery)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), size)
    }

    /// Calls `body` with the bytes of `range`, in pieces of at most `piece` bytes (so the bound
    /// holds within one long run: alle.ics is one run of every text); stops early and returns
    /// false when `body` does.
    func withBytes(_ range: Range<Int>, _ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        var start = range.lowerBound
        while start < range.upperBound {
            let length = min(Self.piece, range.upperBound - start)
            let going = body(UnsafeRawBufferPointer(start: base + start, count: length))
            noteRead(length)
            guard going else { return false }
            start += length
        }
        return true
    }

    /// Counts `length` bytes as read, and drops the pages after every `releaseEvery`.
    func noteRead(_ length: Int) {
        lock.lock()
        defer { lock.unlock() }
        readSinceRelease += length
        guard readSinceRelease >= releaseEvery else { return }
        readSinceRelease = 0
        madvise(UnsafeMutableRawPointer(mutating: base), size, MADV_DONTNEED)
    }
}
