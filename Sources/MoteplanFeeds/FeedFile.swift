/// One feed file's content as the parts it is assembled from: the frame's prefix, the text of each
/// event, the frame's suffix. Parts are shared between feeds (an event's text is made once), and
/// the writer streams them to disk without ever joining a large feed in memory.
public struct FeedFile: Sendable {
    /// The path relative to the output directory, e.g. `nettverk/nord.ics`.
    public let path: String
    /// The content, in order.
    public let parts: [String]

    /// A file from its parts.
    public init(path: String, parts: [String]) {
        self.path = path
        self.parts = parts
    }

    /// A file from one text.
    public init(path: String, text: String) {
        self.init(path: path, parts: [text])
    }

    /// The whole content as one string (for the server's cache and for tests).
    public var text: String { parts.joined() }
}
