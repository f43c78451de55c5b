import Logging

/// A swift-log handler with StreamLogHandler's line format
/// (`<time> <level> <label>: [<metadata>] [<source>] <message>`), writing through a `LogSink`:
/// info and below in batches, notice and above at once.
public struct BufferedLogHandler: LogHandler {
    /// The level below which messages are dropped.
    public var logLevel: Logger.Level = .info
    /// Metadata added to every message. Formatted when a message is written, not when it is set:
    /// the server sets a request id on every request's logger, and most of those never log.
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let sink: LogSink

    /// A handler for `label` writing to `sink`.
    public init(label: String, sink: LogSink) {
        self.label = label
        self.sink = sink
    }

    /// One metadata item.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Formats and appends the line.
    public func log(event: LogEvent) {
        var pretty: String?
        if let extra = event.metadata, !extra.isEmpty {
            pretty = Self.prettify(metadata.merging(extra) { $1 })
        } else if !metadata.isEmpty {
            pretty = Self.prettify(metadata)
        }
        let line = "\(sink.timestamp()) \(event.level)\(label.isEmpty ? "" : " ")\(label):\(pretty.map { " \($0)" } ?? "") [\(event.source)] \(event.message)"
        sink.append(line, now: event.level >= .notice)
    }

    private static func prettify(_ metadata: Logger.Metadata) -> String? {
        metadata.isEmpty ? nil : metadata.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: " ")
    }
}
