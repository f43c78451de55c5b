import ArgumentParser
import Dispatch
import Foundation
import Logging
import MoteplanCore
import MoteplanServer

/// `moteplan serve`: publishes the feeds, the overview page and the årshjul over HTTP.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the feeds, the overview page, the årshjul and POST /referat over HTTP.",
        discussion: """
            Feeds are rendered once and served from memory; they are rebuilt when the config or state
            file changes and on SIGHUP. An invalid new config is logged and the old one kept. SIGTERM
            or SIGINT shuts down gracefully.
            """)

    @OptionGroup var options: ConfigOptions
    @OptionGroup var stateOptions: StateOptions

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port: Int = 8080

    @Option(help: "Log level: trace, debug, info (every request), notice, warning, error.")
    var logLevel: String = "info"

    @Option(help: "Seconds a look at the config and state files is trusted before the next request looks again.")
    var checkSeconds: Double = 1

    @Option(help: "Seconds a connection may stay idle before it is closed.")
    var idleTimeout: Int = 60

    @Option(help: "The most connections open at once (more wait until one closes; logged when reached).")
    var maxConnections: Int = 512

    @Option(help: "Seconds a changed config may take to load (in a child process) before it is refused.")
    var reloadDeadline: Int = 20

    @Flag(help: .hidden) var preflight = false

    @OptionGroup var now: NowOption

    func run() throws {
        if preflight {
            try runPreflight()
            return
        }
        try reportingFailures {
            guard (0...65535).contains(port) else { throw UsageFailure(message: "--port must be 0 to 65535.") }
            guard let level = Logger.Level(rawValue: logLevel) else {
                throw UsageFailure(message: "--log-level \"\(logLevel)\" is not one of trace, debug, info, notice, warning, error, critical.")
            }
            guard checkSeconds >= 0, checkSeconds <= 3600 else { throw UsageFailure(message: "--check-seconds must be 0 to 3600.") }
            guard (1...3600).contains(idleTimeout) else { throw UsageFailure(message: "--idle-timeout must be 1 to 3600 seconds.") }
            guard (1...100_000).contains(maxConnections) else { throw UsageFailure(message: "--max-connections must be 1 to 100000.") }
            guard (1...3600).contains(reloadDeadline) else { throw UsageFailure(message: "--reload-deadline must be 1 to 3600 seconds.") }
            let path = try options.resolvedPath()
            let fixedNow = try now.fixed()
            // Batched: a write per access-log line cost a quarter of a 304 (Benchmarks/serve/run).
            let sink = LogSink()
            LoggingSystem.bootstrap { BufferedLogHandler(label: $0, sink: sink) }
            defer { sink.flush() }
            var logger = Logger(label: "moteplan.serve")
            logger.logLevel = level
            let builder = SnapshotBuilder(
                configPath: path, statePath: stateOptions.path(configPath: path), zoneStatus: ZoneCatalog.status)
            var serverOptions = ServerOptions(
                host: host, port: port, checkInterval: .milliseconds(Int(checkSeconds * 1000)),
                now: clock(fixed: fixedNow))
            serverOptions.idleTimeout = .seconds(idleTimeout)
            serverOptions.maxConnections = maxConnections
            var child = [ProgramIdentity.executablePath, "serve", "--preflight", "--config", path, "--state", stateOptions.path(configPath: path)]
            if let fixed = now.now { child += ["--now", fixed] }
            serverOptions.preflight = Preflight(command: child, deadline: .seconds(reloadDeadline))
            // Reads and validates the config once: a bad one is a ConfigError, exit 2 with located
            // diagnostics, before anything listens.
            let server = try MoteplanServer(builder: builder, options: serverOptions, logger: logger)
            logger.notice("moteplan serve: http://\(host):\(port)/ (config \(path))")
            try AsyncBridge.run { try await server.run() }
        }
    }
}

extension Serve {
    /// `serve --preflight`: builds what the server would serve from the files and exits 0, or
    /// fails as `check` would. The server runs this in a child before it loads a changed config.
    func runPreflight() throws {
        try reportingFailures {
            let path = try options.resolvedPath()
            let builder = SnapshotBuilder(
                configPath: path, statePath: stateOptions.path(configPath: path), zoneStatus: ZoneCatalog.status)
            _ = try builder.build()
        }
    }
}

/// The wall clock, or a fixed moment from --now (for replays and tests).
private func clock(fixed: LocalDateTime?) -> @Sendable (String) -> LocalDateTime {
    if let fixed { return { _ in fixed } }
    return { WallClock.now(in: $0) }
}

/// Runs async work from the synchronous command line and waits for it.
enum AsyncBridge {
    /// Runs `body` to completion on the concurrency pool, blocking the calling (main) thread.
    static func run(_ body: @escaping @Sendable () async throws -> Void) throws {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await body() } catch { outcome.set(error) }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    /// The error the async work ended with, if any.
    final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Error?
        var error: Error? { lock.withLock { stored } }
        func set(_ error: Error) { lock.withLock { stored = error } }
    }
}
