import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MoteplanCore
import MoteplanICal
import MoteplanServer

/// A temporary copy of the Melhus config with a `[server]` section, and a server on it with a fixed clock.
struct ServerFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let privateToken = "privat-nokkel-1"
    static let eidToken = "eid-referat-nokkel"
    static let gimseToken = "gimse-referat-nokkel"
    /// Melhus vest's September network meeting, led by Eid barnehage og skole in 2026/27.
    static let vestSeptember = "nettverk.melhus-vest-20260916@moteplan.melhus.example.no"
    static let zoneStatus: @Sendable (String) -> TimeZoneStatus = { ICalZone.isKnown($0) ? .known : .unknown }

    let directory: URL
    var configPath: String { directory.appendingPathComponent("melhus.toml").path }
    var statePath: String { directory.appendingPathComponent("melhus.state.sqlite").path }

    /// The `[server]` section the fixture appends.
    static func serverSection(privateHashes: [String] = [TokenCheck.hash(privateToken)]) -> String {
        """

        [server]
        private_token_hashes = [\(privateHashes.map { "\"\($0)\"" }.joined(separator: ", "))]

        [[server.referat_tokens]]
        role = "eid-barnehage-og-skole"
        token_hash = "\(TokenCheck.hash(eidToken))"

        [[server.referat_tokens]]
        role = "gimse-ungdomsskole"
        token_hash = "\(TokenCheck.hash(gimseToken))"

        """
    }

    /// A fresh directory with the config.
    init(section: String = ServerFixture.serverSection()) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("moteplan-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try writeConfig(section: section)
    }

    /// Rewrites the config: the Melhus example plus `section`, with `replacing` applied to the example.
    func writeConfig(section: String = ServerFixture.serverSection(), replacing: (String, String)? = nil) throws {
        var text = try String(contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/melhus-fixed.toml"), encoding: .utf8)
        if let replacing { text = text.replacingOccurrences(of: replacing.0, with: replacing.1) }
        try (text + section).write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// A server whose clock says `now` and that looks at the files on every request.
    func server(now: String = "2026-10-01T12:00", bodyLimit: Int = 16 * 1024, preflight: Preflight? = nil) throws -> MoteplanServer {
        let moment = LocalDateTime(text: now) ?? LocalDateTime(date: LocalDate(daysSinceEpoch: 0), time: .midnight)
        var logger = Logger(label: "moteplan.test")
        logger.logLevel = .warning
        var options = ServerOptions(host: "127.0.0.1", port: 0, bodyLimit: bodyLimit, checkInterval: .zero, pollInterval: nil, now: { _ in moment })
        options.preflight = preflight
        return try MoteplanServer(
            builder: SnapshotBuilder(configPath: configPath, statePath: statePath, zoneStatus: Self.zoneStatus),
            options: options,
            logger: logger)
    }

    /// Runs `test` against the live server.
    func live<Value: Sendable>(
        now: String = "2026-10-01T12:00", bodyLimit: Int = 16 * 1024, _ test: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        try await server(now: now, bodyLimit: bodyLimit).application().test(.live, test)
    }
}

extension TestResponse {
    /// The body as UTF-8 text.
    var text: String { String(buffer: body) }
}

extension ByteBuffer {
    /// A buffer with the UTF-8 bytes of `text`.
    static func text(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
}
