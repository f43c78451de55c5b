/// One feed file's content: the frame's prefix, the text of each event, the frame's suffix. The
/// event texts are shared between feeds (an event's text is made once and kept once, in an
/// `EventTextStore`), and the writer streams them to disk without ever joining a large feed in memory.
public struct FeedFile: Sendable {
    /// The path relative to the output directory, e.g. `nettverk/nord.ics`.
    public let path: String
    /// `FeedDigest` of the content, when the renderer knows one (with the event text cache).
    public let digest: String?
    /// The file on disk holds this content already (its `FeedStamp` still describes it): the
    /// content was not assembled and the writer leaves the file alone.
    public let isCurrent: Bool
    /// The file on disk is still as the last run stamped it, for other content: the writer
    /// replaces it without comparing it first.
    public let differsFromDisk: Bool
    /// The bytes, in order.
    let content: Content

    /// Where the bytes are.
    enum Content: Sendable {
        /// Strings, in order.
        case parts([String])
        /// The prefix, then for each of `events` (indices into `ids`) the text `ids[event]` of
        /// `store`, then the suffix.
        case texts(prefix: String, store: any EventTextStore, ids: [Int], events: [Int], suffix: String)
    }

    /// A file from its parts.
    public init(path: String, parts: [String], digest: String? = nil) {
        self.path = path
        content = .parts(parts)
        self.digest = digest
        isCurrent = false
        differsFromDisk = false
    }

    /// A file of a frame around texts kept in `store`: `ids` gives each event's text id, and
    /// `events` the file's events in order.
    init(
        path: String, prefix: String, store: any EventTextStore, ids: [Int], events: [Int], suffix: String, digest: String?,
        differsFromDisk: Bool = false
    ) {
        self.path = path
        content = .texts(prefix: prefix, store: store, ids: ids, events: events, suffix: suffix)
        self.digest = digest
        isCurrent = false
        self.differsFromDisk = differsFromDisk
    }

    /// A file that is on disk already, as `digest` says.
    public init(current path: String, digest: String) {
        self.path = path
        content = .parts([])
        self.digest = digest
        isCurrent = true
        differsFromDisk = false
    }

    /// A file from one text.
    public init(path: String, text: String) {
        self.init(path: path, parts: [text])
    }

    /// The whole content as one string (for the server's cache and for tests).
    public var text: String {
        if case .parts(let parts) = content { return parts.joined() }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount)
        _ = forEachRun { run in
            bytes.append(contentsOf: run)
            return true
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The content's length in bytes.
    var byteCount: Int {
        switch content {
        case .parts(let parts):
            return parts.reduce(0) { $0 + $1.utf8.count }
        case .texts(let prefix, let store, let ids, let events, let suffix):
            return events.reduce(prefix.utf8.count + suffix.utf8.count) { $0 + store.count(ids[$1]) }
        }
    }

    /// Calls `body` with the content's bytes in order, in runs (consecutive texts of a store in
    /// one run where it keeps them together); stops early and returns false when `body` does.
    func forEachRun(_ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        func string(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        }
        switch content {
        case .parts(let parts):
            for part in parts { guard string(part) else { return false } }
            return true
        case .texts(let prefix, let store, let ids, let events, let suffix):
            guard string(prefix) else { return false }
            var k = 0
            while k < events.count {
                let first = ids[events[k]]
                var last = first
                while k + 1 < events.count, ids[events[k + 1]] == last + 1 {
                    last += 1
                    k += 1
                }
                guard store.withBytes(first, through: last, body) else { return false }
                k += 1
            }
            return string(suffix)
        }
    }
}
