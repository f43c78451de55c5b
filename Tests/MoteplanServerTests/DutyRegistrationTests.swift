import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MoteplanCore
import MoteplanServer
import MoteplanStore
import Testing

/// A duty without fixed dates registered from the personal page: the rektor of Nesset skole
/// (Config/examples/fjordvik.toml, hjelpeteam at least once per half-year) picks a day on her page;
/// the duty disappears, the meeting is in her unit's feed with the structure's 90 minutes, and a
/// closed day or another unit's duty changes nothing.
struct DutyRegistrationTests {
    static let base = "https://moteplan.fjordvik.example.no"
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .origin: base]

    @Test func aRektorRegistersHerHjelpeteamFromHerPage() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("moteplan-duty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("fjordvik.toml").path
        let state = directory.appendingPathComponent("fjordvik.state.sqlite").path
        let text = try String(contentsOf: ServerFixture.root.appendingPathComponent("Config/examples/fjordvik.toml"), encoding: .utf8)
        try (text + "\n[server]\nbase_url = \"\(Self.base)\"\n").write(toFile: config, atomically: true, encoding: .utf8)
        let now = LocalDateTime(text: "2027-02-01T12:00") ?? LocalDateTime(date: LocalDate(daysSinceEpoch: 0), time: .midnight)
        let links = try PersonalLinks(store: try StateStore.openForWriting(path: state), baseURL: Self.base, now: now, actor: "test")
        let page = PersonalLinks.path(token: try links.token(for: "nesset-skole"))
        var logger = Logger(label: "moteplan.test")
        logger.logLevel = .warning
        let server = try MoteplanServer(
            builder: SnapshotBuilder(configPath: config, statePath: state, zoneStatus: ServerFixture.zoneStatus),
            options: ServerOptions(host: "127.0.0.1", port: 0, checkInterval: .zero, pollInterval: nil, now: { _ in now }),
            logger: logger)
        @Sendable func changes() throws -> String { try PersonalLinkTests.sqlite(state, "SELECT uid FROM meeting_change") }
        try await server.application().test(.live) { client in
            let before = try await client.execute(uri: page, method: .get)
            #expect(before.status == .ok)
            #expect(before.text.contains("Hjelpeteam: minst 1 møte dette halvåret, frist 30. juni 2027. Registrert: 0."))
            #expect(before.text.contains("<button type=\"submit\">Registrer møte</button>"))
            // 17 May 2027 is a public holiday: refused, nothing recorded.
            let closed = try await client.execute(
                uri: page, method: .post, headers: Self.form,
                body: .init(string: "handling=registrer&struktur=hjelpeteam&instans=nesset-skole&dato=2027-05-17&tid=14%3A00"))
            #expect(closed.status == .badRequest)
            #expect(closed.text.contains("er ikke en arbeidsdag"))
            // Fjordvik skole's duty is not hers.
            let other = try await client.execute(
                uri: page, method: .post, headers: Self.form,
                body: .init(string: "handling=registrer&struktur=hjelpeteam&instans=fjordvik-skole&dato=2027-03-10&tid=14%3A00"))
            #expect(other.status == .forbidden)
            #expect(try changes().isEmpty)
            // Wednesday 10 March 2027 at 14:00.
            let registered = try await client.execute(
                uri: page, method: .post, headers: Self.form,
                body: .init(string: "handling=registrer&struktur=hjelpeteam&instans=nesset-skole&dato=2027-03-10&tid=14%3A00"))
            #expect(registered.status == .seeOther, "\(registered.text)")
            #expect(try changes() == "hjelpeteam.nesset-skole-20270310-ekstra-1400@moteplan.fjordvik.example.no\n")
            let after = try await client.execute(uri: page, method: .get)
            #expect(!after.text.contains("Hjelpeteam: minst 1 møte dette halvåret"))
            // In the unit's feed, 14:00–15:30 (the structure's 90 minutes), and in her own.
            for feed in ["/feeds/hjelpeteam/nesset-skole.ics", "/feeds/for/nesset-skole.ics"] {
                let ics = try await client.execute(uri: feed, method: .get).text
                #expect(ics.contains("DTSTART;TZID=Europe/Oslo:20270310T140000\r\n"), "\(feed)")
                #expect(ics.contains("DTEND;TZID=Europe/Oslo:20270310T153000\r\n"), "\(feed)")
            }
            // The same meeting again: refused.
            let again = try await client.execute(
                uri: page, method: .post, headers: Self.form,
                body: .init(string: "handling=registrer&struktur=hjelpeteam&instans=nesset-skole&dato=2027-03-10&tid=14%3A00"))
            #expect(again.status == .conflict)
        }
    }
}
