/// One feed file's content as the parts it is assembled from: the frame's prefix, the text of each
/// event, the frame's suffix. Parts are shared between feeds (an event's text is made once), and
/// the writer streams them to disk without ever joining a large feed in memory.
public struct FeedFile: Sendable {
    /// The path relative to the output directory, e.g. `nettverk/nord.ics`.
    public let path: String
    /// The content, in order (empty when `isCurrent`).
    public let parts: [String]
    /// `FeedDigest` of the content, when the renderer knows one (with the event text cache).
    public let digest: String?
    /// The file on disk holds this content already (its `FeedStamp` still describes it): the
    /// parts were not assembled and the writer leaves the file alone.
    public let isCurrent: Bool

    /// A file from its parts.
    public init(path: String, parts: [String], digest: String? = nil) {
        self.path = path
        self.parts = parts
        self.digest = digest
        isCurrent = false
    }

    /// A file that is on disk already, as `digest` says.
    public init(current path: String, digest: String) {
        self.path = path
        parts = []
        self.digest = digest
        isCurrent = true
    }

    /// A file from one text.
    public init(path: String, text: String) {
        self.init(path: path, parts: [text])
    }

    /// The whole content as one string (for the server's cache and for tests).
    public var text: String { parts.joined() }
}
