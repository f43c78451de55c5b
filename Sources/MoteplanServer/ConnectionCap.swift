import HummingbirdCore
import Logging

/// At most `limit` open connections; past it the server stops accepting (new ones wait in the
/// listen backlog until one closes, which the idle timeout guarantees) and says so in the log,
/// once each time the cap is reached.
struct ConnectionCap: AvailableConnectionsDelegate {
    let limit: Int
    let logger: Logger
    private var open = 0

    init(limit: Int, logger: Logger) {
        self.limit = limit
        self.logger = logger
    }

    mutating func connectionOpened() {
        open += 1
        if open == limit {
            logger.warning("connection cap reached: \(limit) connections open; new connections wait until one closes (idle connections close after the idle timeout)")
        }
    }

    mutating func connectionClosed() {
        open -= 1
    }

    func isAcceptingNewConnections() -> Bool {
        open < limit
    }
}
