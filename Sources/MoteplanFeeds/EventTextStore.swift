/// Where the renderer keeps each event's checked text until the feeds are written: a text gets an
/// id when it is appended, and every feed names its events' texts by id, so a text in seven feeds
/// is kept once.
///
/// Threads: `append` and `finish` are called by one thread, in that order; after `finish`, any
/// number of threads read.
public protocol EventTextStore: AnyObject, Sendable {
    /// Keeps `text` and returns its id: 0, 1, 2, … in the order of appending.
    func append(_ text: String) throws(FeedError) -> Int
    /// Ends appending; the texts can be read from now on.
    func finish() throws(FeedError)
    /// The UTF-8 length of text `id`.
    func count(_ id: Int) -> Int
    /// Calls `body` with the bytes of the texts `first...last` (consecutive ids), in pieces that
    /// together are those bytes in order; stops early and returns false when `body` does.
    func withBytes(_ first: Int, through last: Int, _ body: (UnsafeRawBufferPointer) -> Bool) -> Bool
}

/// The texts in memory, as strings: for plans whose feeds are served from memory anyway (the
/// server's cache, reminders' attachments, tests).
public final class InMemoryEventTexts: EventTextStore, @unchecked Sendable {
    // Written by one thread before `finish`, only read after it (the protocol's contract).
    private var texts: [String] = []

    /// An empty store.
    public init() {}

    public func append(_ text: String) throws(FeedError) -> Int {
        texts.append(text)
        return texts.count - 1
    }

    public func finish() throws(FeedError) {}

    public func count(_ id: Int) -> Int { texts[id].utf8.count }

    public func withBytes(_ first: Int, through last: Int, _ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        for id in first...last {
            var text = texts[id]
            guard text.withUTF8({ body(UnsafeRawBufferPointer($0)) }) else { return false }
        }
        return true
    }
}
