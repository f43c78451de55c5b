import Foundation

/// Event texts written once to an anonymous file and read back through a read-only mapping: the
/// store `moteplan ics` uses, so a plan of a million events never holds their texts in memory
/// (Benchmarks: peak RSS at 1M).
///
/// The file is made with `O_TMPFILE` in `directory` (a directory on disk beside the state store):
/// it has no name and vanishes when the process ends, however it ends. Where the file system
/// cannot do that, it is made under a temporary name and unlinked at once.
///
/// Reading touches the mapping's pages, which count in the process's resident size like any
/// memory; after every `releaseEvery` bytes read the mapping is dropped from the page tables
/// (`MADV_DONTNEED`: the file's pages stay in the page cache, and a later read maps them again),
/// so what the spool adds to the resident size stays near that bound.
public final class TextSpool: EventTextStore, @unchecked Sendable {
    // `offsets`, `pending` and `mapping` change only while appending and in `finish`, by one
    // thread (the protocol's contract).
    private let fd: Int32
    private let releaseEvery: Int
    private var offsets: [Int] = [0]  // text i is offsets[i]..<offsets[i + 1]
    private var pending: [UInt8] = []
    private var mapping: ReleasingMapping?

    private static let writeBuffer = ReleasingMapping.piece
    /// Linux's `O_TMPFILE` (not imported into Swift): `__O_TMPFILE | O_DIRECTORY`.
    private static let temporaryFileFlag: Int32 = 0o20000000 | O_DIRECTORY

    /// A spool in `directory`, which must exist; `releaseEvery` bytes read between drops of the mapping.
    public init(directory: String, releaseEvery: Int = 32 << 20) throws(FeedError) {
        var fd = open(directory, Self.temporaryFileFlag | O_RDWR | O_CLOEXEC, 0o600)
        if fd < 0 {
            let path = "\(directory)/.moteplan-spool\(FeedWriter.temporaryMarker)\(ProcessInfo.processInfo.processIdentifier)"
            fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 { unlink(path) }
        }
        guard fd >= 0 else {
            throw FeedError.cannotWrite(path: directory, reason: "cannot make a temporary file (\(String(cString: strerror(errno))))")
        }
        self.fd = fd
        self.releaseEvery = max(1, releaseEvery)
        pending.reserveCapacity(Self.writeBuffer)
    }

    deinit {
        mapping = nil
        close(fd)
    }

    public func append(_ text: String) throws(FeedError) -> Int {
        pending.append(contentsOf: text.utf8)
        offsets.append(offsets[offsets.count - 1] + text.utf8.count)
        if pending.count >= Self.writeBuffer { try flush() }
        return offsets.count - 2
    }

    public func finish() throws(FeedError) {
        try flush()
        let size = offsets[offsets.count - 1]
        guard size > 0, mapping == nil else { return }
        guard let mapped = ReleasingMapping(fd: fd, size: size, releaseEvery: releaseEvery) else {
            throw FeedError.cannotWrite(path: "(spool)", reason: "cannot map the spooled texts (\(String(cString: strerror(errno))))")
        }
        mapping = mapped
    }

    public func count(_ id: Int) -> Int { offsets[id + 1] - offsets[id] }

    public func withBytes(_ first: Int, through last: Int, _ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        guard let mapping else { return offsets[last + 1] == offsets[first] }
        return mapping.withBytes(offsets[first]..<offsets[last + 1], body)
    }

    private func flush() throws(FeedError) {
        var offset = 0
        while offset < pending.count {
            let written = pending.withUnsafeBytes { bytes in
                bytes.baseAddress.map { Foundation.write(fd, $0 + offset, bytes.count - offset) } ?? -1
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw FeedError.cannotWrite(path: "(spool)", reason: "cannot write the spooled texts (\(String(cString: strerror(errno))))")
            }
            offset += written
        }
        pending.removeAll(keepingCapacity: true)
    }
}
