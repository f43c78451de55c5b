import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MoteplanCore
import MoteplanReminders
import MoteplanServer
import MoteplanStore
import Synchronization
import Testing

/// The nettverksleder's loop over a whole school year, stepped day by day at 07:00 as cron runs
/// `remind`, with 30 days without runs (22 September–21 October 2026). Two leaders of 2026/27:
/// Melhus sør's (Lundamo ungdomsskole, "Anne", rektor.lundamo-u@example.no) follows the link in
/// each mail to her page on the live server and presses "Innkalling sendt" the day the innkalling
/// reminder comes and "Referat levert" the day the referat reminder comes; Melhus vest's (Eid,
/// "Liv", leder.eid@example.no) does nothing (LeaderYearTests works her year out in full).
struct LeaderLoopYearTests {
    static let base = "https://moteplan.melhus.example.no"
    static let anne = "rektor.lundamo-u@example.no"
    static let liv = "leder.eid@example.no"
    static let domain = "@moteplan.melhus.example.no"

    /// The server's clock: the day being stepped.
    final class Clock: Sendable {
        private let moment = Mutex(LocalDateTime(date: LocalDate(daysSinceEpoch: 0), time: .midnight))
        var now: LocalDateTime { moment.withLock { $0 } }
        func set(_ value: LocalDateTime) { moment.withLock { $0 = value } }
    }

    func d(_ text: String) -> LocalDate { LocalDate(iso: text) ?? LocalDate(daysSinceEpoch: 0) }

    @Test func oneLeaderUsesHerPageTheOtherDoesNothing() async throws {
        // The Melhus fixture with the networks together (3rd Wednesday, as the reminder tests'
        // hand-worked days assume) and the public address the links use.
        let fixture = try ServerFixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        var text = try String(contentsOf: ServerFixture.root.appendingPathComponent("Tests/Fixtures/melhus-fixed.toml"), encoding: .utf8)
        text = RemindSteppingNetworks.together(text) + "\n[server]\nbase_url = \"\(Self.base)\"\n"
        try text.write(toFile: fixture.configPath, atomically: true, encoding: .utf8)
        let loaded = try ConfigLoader.parse(bytes: Array(text.utf8), file: fixture.configPath)
        let templates = try ReminderTemplates.load(folder: ServerFixture.root.appendingPathComponent("Config/templates").path)
        let mail = fixture.directory.appendingPathComponent("mail").path
        let start = LocalDateTime(date: d("2026-08-01"), time: LocalTime(hour: 7, minute: 0) ?? .midnight)
        let links = try PersonalLinks(store: try StateStore.openForWriting(path: fixture.statePath), baseURL: Self.base, now: start, actor: "test")
        // One test task steps the days: the job is used from that task only.
        nonisolated(unsafe) let job = RemindJob(
            loaded: loaded, statePath: fixture.statePath, templates: templates, delivery: .maildir(mail),
            personalPage: { links.link(for: $0) })
        let clock = Clock()
        var logger = Logger(label: "moteplan.test")
        logger.logLevel = .warning
        let options = ServerOptions(host: "127.0.0.1", port: 0, checkInterval: .zero, pollInterval: nil, now: { _ in clock.now })
        let server = try MoteplanServer(
            builder: SnapshotBuilder(configPath: fixture.configPath, statePath: fixture.statePath, zoneStatus: ServerFixture.zoneStatus),
            options: options, logger: logger)

        let steps = try await server.application().test(.live) { client -> [(id: String, to: String, day: String)] in
            var sent: [(id: String, to: String, day: String)] = []
            var day = d("2026-08-01")
            while day <= d("2027-07-31") {
                defer { day = day.adding(days: 1) }
                if (d("2026-09-22")...d("2026-10-21")).contains(day) { continue }
                let now = LocalDateTime(date: day, time: LocalTime(hour: 7, minute: 0) ?? .midnight)
                clock.set(now)
                let report = try job.run(now: now, dryRun: false)
                #expect(report.failures == 0)
                for line in report.lines where line.hasPrefix("sent: ") {
                    let parts = line.dropFirst(6).components(separatedBy: " → ")
                    guard parts.count == 2 else { continue }
                    sent.append((parts[0], parts[1], day.description))
                    guard parts[1] == Self.anne else { continue }
                    // Anne opens the link in the mail (never a command) and presses the button.
                    let body = try Self.mailBody(id: parts[0], in: mail)
                    #expect(!body.contains("moteplan referat") && !body.contains("moteplan meeting") && !body.contains(" --"), "\(parts[0]) tells her to run a command")
                    guard let page = Self.link(in: body) else {
                        Issue.record("\(parts[0]) on \(day) has no link to her page")
                        continue
                    }
                    let shown = try await client.execute(uri: page, method: .get)
                    #expect(shown.status == .ok, "\(page)")
                    let uid = String(parts[0].split(separator: "/").last ?? "")
                    let form: String
                    if parts[0].hasPrefix("innkalling/") {
                        #expect(shown.text.contains("Innkalling sendt"), "\(parts[0])")
                        form = "handling=innkalling&uid=\(uid)"
                    } else if parts[0].hasPrefix("referat-frist/") {
                        form = "handling=referat&uid=\(uid)&levert=\(day)"
                    } else {
                        continue
                    }
                    let posted = try await client.execute(
                        uri: page, method: .post,
                        headers: [.contentType: "application/x-www-form-urlencoded", .origin: Self.base], body: .init(string: form))
                    #expect(posted.status == .seeOther, "\(parts[0]) on \(day): \(posted.status) \(posted.text)")
                }
            }
            return sent
        }

        let annes = Dictionary(steps.filter { $0.to == Self.anne }.map { ($0.id, $0.day) }, uniquingKeysWith: { a, _ in a })
        func sor(_ date: String) -> String { "nettverk.melhus-sor-\(date)\(Self.domain)" }
        // Worked out by hand: Melhus sør meets on the same days as Melhus vest (3rd Wednesday
        // 13:00: 16 Sep with SLT, 18 Nov, 17 Feb with SLT, 21 Apr), so its reminders fall on the
        // days LeaderYearTests derives for Liv: innkalling 21 Aug (with the SLT invitation), 23 Oct
        // (after the gap, deadline 28 Oct), 22 Jan (with SLT), 19 Mar; referat-frist 21 Sep, 23 Nov,
        // 18 Feb, 27 Apr. Because she delivers each referat that day, no overdue mail ever comes;
        // her handover mail (7 May) lists nothing she owes.
        let expected = [
            "innkalling/\(sor("20260916"))": "2026-08-21", "invitasjon/slt/\(sor("20260916"))": "2026-08-21",
            "referat-frist/\(sor("20260916"))": "2026-09-21",
            "innkalling/\(sor("20261118"))": "2026-10-23", "referat-frist/\(sor("20261118"))": "2026-11-23",
            "innkalling/\(sor("20270217"))": "2027-01-22", "invitasjon/slt/\(sor("20270217"))": "2027-01-22",
            "referat-frist/\(sor("20270217"))": "2027-02-18",
            "innkalling/\(sor("20270421"))": "2027-03-19", "referat-frist/\(sor("20270421"))": "2027-04-27",
            "lederskifte/melhus-sor/2026/27/ut": "2027-05-07",
        ]
        let network = annes.filter { $0.key.contains("melhus-sor") }
        #expect(network == expected, "\(network.sorted { $0.key < $1.key })")
        #expect(!annes.keys.contains { $0.hasPrefix("referat-forfalt") })
        let handover = try Self.mailBody(id: "lederskifte/melhus-sor/2026/27/ut", in: mail)
        #expect(handover.hasPrefix("Hei Anne,") || handover.contains("\nHei Anne,"))
        #expect(!handover.contains("Referat du ikke har levert ennå:"))
        // Her page recorded every delivery on the day she pressed the button: on time, all four.
        let status = try PersonalLinkTests.cli(fixture, ["referat", "status", "--group", "melhus-sor", "--format", "csv", "--now", "2027-07-31T12:00"])
        var delivered: [String: String] = [:]
        for line in status.out.components(separatedBy: .newlines) {
            let fields = line.components(separatedBy: ",")
            if fields.count > 6 { delivered[fields[0]] = fields[5] + " " + fields[6] }
        }
        #expect(delivered[sor("20260916")] == "delivered on time 2026-09-21")
        #expect(delivered[sor("20261118")] == "delivered on time 2026-11-23")
        #expect(delivered[sor("20270217")] == "delivered on time 2027-02-18")
        #expect(delivered[sor("20270421")] == "delivered on time 2027-04-27")
        // Her own lokale team: one innkalling reminder per meeting, each marked sent from the page.
        let team = annes.filter { $0.key.hasPrefix("innkalling/lokalt-team.lundamo-ungdomsskole-") }
        #expect(team.count >= 9, "\(team.keys.sorted())")
        // Liv, who did nothing, got the catch-up and the overdue series (LeaderYearTests): the first
        // run after the gap sends one overdue mail, numbered 1, with the true 28 days.
        let livs = Dictionary(steps.filter { $0.to == Self.liv }.map { ($0.id, $0.day) }, uniquingKeysWith: { a, _ in a })
        let vestSeptember = "nettverk.melhus-vest-20260916\(Self.domain)"
        #expect(livs["referat-forfalt-4/\(vestSeptember)"] == "2026-10-22")
        let catchUp = try Self.mailBody(id: "referat-forfalt-4/\(vestSeptember)", in: mail)
        #expect(catchUp.contains("fristen er passert med 28 dager.") && catchUp.contains("Dette er påminnelse nr. 1."))
        #expect(livs.keys.filter { $0.hasPrefix("referat-forfalt") }.count == 12)
    }

    /// The text of the mail for reminder `id` in the maildir (unfolded, LF).
    static func mailBody(id: String, in maildir: String) throws -> String {
        let folder = maildir + "/new"
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
            if text.contains("\nX-Moteplan-Reminder: \(id)\n") {
                return text.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")
            }
        }
        throw CocoaError(.fileNoSuchFile)
    }

    /// The path of the first personal-page link in `text`.
    static func link(in text: String) -> String? {
        guard let range = text.range(of: base + "/meg/") else { return nil }
        let token = text[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return "/meg/" + token
    }
}

/// The Melhus fixture with the three networks on the same day (as RemindSteppingTests' Setup).
enum RemindSteppingNetworks {
    static func together(_ text: String) -> String {
        guard let start = text.range(of: "# De tre nettverkene deler tjenestene"),
            let sor = text.range(of: "id = \"melhus-sor\"\ncadence", range: start.upperBound..<text.endIndex),
            let end = text.range(of: "\n", range: sor.upperBound..<text.endIndex)
        else { return text }
        return String(text[..<start.lowerBound]) + String(text[end.upperBound...])
    }
}
