import Foundation
import Logging
import MoteplanCore

/// The snapshot being served, rebuilt only when the config or state files change (checked at most
/// once per `checkInterval`, on request), on SIGHUP, or after the server itself wrote the store.
/// A rebuild that fails (an invalid config) is logged and the old snapshot stays in service; the
/// same broken files are not retried until they change again.
public final class SiteCache: @unchecked Sendable {
    private let lock = NSLock()
    private let rebuildLock = NSLock()
    private var snapshot: SiteSnapshot
    private var lastCheck: ContinuousClock.Instant
    private var failed: Fingerprint?
    private let clock = ContinuousClock()
    /// Builds snapshots.
    public let builder: SnapshotBuilder
    /// How long a checked fingerprint is trusted; zero checks on every request.
    public let checkInterval: Duration
    private let logger: Logger
    /// Loads changed files in a child process first (nil: in-process only, as in tests).
    private let preflight: Preflight?

    /// Builds the first snapshot; throws when the files cannot be served at all.
    public init(builder: SnapshotBuilder, checkInterval: Duration, logger: Logger, preflight: Preflight? = nil) throws {
        self.builder = builder
        self.checkInterval = checkInterval
        self.logger = logger
        self.preflight = preflight
        snapshot = try builder.build()
        lastCheck = clock.now
    }

    /// The snapshot to serve now, after a (rate-limited) look at the files.
    public func current() -> SiteSnapshot {
        let now = clock.now
        // Not a tuple out of the generic withLock: its metadata is looked up at run time, on
        // every request.
        var due = false
        let served = lock.withLock { () -> SiteSnapshot in
            due = now - lastCheck >= checkInterval
            if due { lastCheck = now }
            return snapshot
        }
        guard due else { return served }
        let fingerprint = Fingerprint.read(builder.watchedPaths)
        if fingerprint == served.fingerprint || fingerprint == lock.withLock({ failed }) { return served }
        return rebuild(reason: "files changed", force: false)
    }

    /// Rebuilds now (SIGHUP); returns whether the new files were taken into service.
    @discardableResult
    public func reload(reason: String) -> Bool {
        _ = rebuild(reason: reason, force: true)
        return lock.withLock { failed == nil }
    }

    /// Makes the next request look at the files (after the server wrote the store).
    public func invalidate() {
        lock.withLock { lastCheck = clock.now - checkInterval - .seconds(1) }
    }

    /// One rebuild at a time; a request arriving meanwhile is served the current snapshot at once
    /// rather than waiting (a slow or refused config never holds up the feeds).
    private func rebuild(reason: String, force: Bool) -> SiteSnapshot {
        guard rebuildLock.try() else { return lock.withLock { snapshot } }
        defer { rebuildLock.unlock() }
        do {
            let old = lock.withLock { snapshot }
            let fingerprint = Fingerprint.read(builder.watchedPaths)
            if !force && (fingerprint == old.fingerprint || fingerprint == lock.withLock({ failed })) { return old }
            if let preflight {
                let outcome = preflight.run()
                guard outcome == .passed else {
                    lock.withLock { failed = fingerprint }
                    logger.error("reload (\(reason)) failed; still serving the previous config: the new config \(Preflight.describe(outcome, deadline: preflight.deadline))")
                    return old
                }
            }
            do {
                let fresh = try builder.build(previous: old)
                lock.withLock {
                    snapshot = fresh
                    failed = nil
                }
                logger.info("reloaded (\(reason)): \(fresh.plan.schedule.meetings.count) meetings, \(fresh.publicFeeds.count) feeds")
                return fresh
            } catch {
                lock.withLock { failed = fingerprint }
                logger.error("reload (\(reason)) failed; still serving the previous config: \(error)")
                return old
            }
        }
    }
}
