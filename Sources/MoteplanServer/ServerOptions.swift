import MoteplanCore

/// How `moteplan serve` runs: where it listens, its limits, and its clock.
public struct ServerOptions: Sendable {
    /// The address to bind, e.g. `127.0.0.1`.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// The largest request body accepted (POST /referat); larger ones get 413.
    public var bodyLimit: Int
    /// How long a look at the files is trusted before the next request looks again.
    public var checkInterval: Duration
    /// How often a background task looks at the files (so a bad edit is logged without a request); nil: never.
    public var pollInterval: Duration?
    /// The local wall time now in a time zone (tests pass a fixed moment).
    public var now: @Sendable (_ timeZone: String) -> LocalDateTime
    /// How long a connection may stay idle (no request in progress) before it is closed.
    public var idleTimeout: Duration = .seconds(60)
    /// The most connections open at once; more wait in the backlog (logged when reached).
    public var maxConnections: Int = 512
    /// How long the server's own shutdown may take after SIGTERM before it stops waiting.
    public var shutdownDeadline: Duration = .seconds(5)
    /// Loads a changed config in a child process first (nil: in-process only).
    public var preflight: Preflight?

    /// Creates options.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, bodyLimit: Int = 16 * 1024, checkInterval: Duration = .seconds(1),
        pollInterval: Duration? = .seconds(2), now: @escaping @Sendable (_ timeZone: String) -> LocalDateTime
    ) {
        self.host = host
        self.port = port
        self.bodyLimit = bodyLimit
        self.checkInterval = checkInterval
        self.pollInterval = pollInterval
        self.now = now
    }
}
