import Foundation
import MoteplanCore
import MoteplanReminders
import MoteplanStore
import Testing

/// The clock stepped through a school year, one run a day at 07:00, delivering into a real
/// maildir with a real state file: every reminder is sent exactly once, on the right day.
struct RemindSteppingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func d(_ text: String) -> LocalDate { LocalDate(iso: text) ?? LocalDate(daysSinceEpoch: 0) }

    /// Melhus with its templates, a fresh state file and a maildir in a temporary directory.
    struct Setup {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("moteplan-remind-\(UUID().uuidString)")
        var state: String { directory.appendingPathComponent("state.sqlite").path }
        var mail: String { directory.appendingPathComponent("mail").path }
        let job: RemindJob

        init() throws {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            // The networks all on the 3rd Wednesday, as the hand-worked days below assume.
            let text = try String(contentsOfFile: RemindSteppingTests.root.appendingPathComponent("Tests/Fixtures/melhus-fixed.toml").path, encoding: .utf8)
            let loaded = try ConfigLoader.parse(bytes: Array(Self.networksTogether(text).utf8), file: RemindSteppingTests.root.appendingPathComponent("Tests/Fixtures/melhus-fixed.toml").path)
            let templates = try ReminderTemplates.load(folder: RemindSteppingTests.root.appendingPathComponent("Config/templates").path)
            job = RemindJob(
                loaded: loaded, statePath: directory.appendingPathComponent("state.sqlite").path, templates: templates,
                delivery: .maildir(directory.appendingPathComponent("mail").path))
        }

        /// The Melhus text without the networks' own days (see MoteplanCoreTests' Fixtures.networksTogether).
        static func networksTogether(_ text: String) -> String {
            guard let start = text.range(of: "# De tre nettverkene deler tjenestene"),
                let sor = text.range(of: "id = \"melhus-sor\"\ncadence", range: start.upperBound..<text.endIndex),
                let end = text.range(of: "\n", range: sor.upperBound..<text.endIndex)
            else { return text }
            return String(text[..<start.lowerBound]) + String(text[end.upperBound...])
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    @Test func everyReminderOnceOnTheRightDay() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let (state, mail) = (setup.state, setup.mail)
        let job = setup.job
        // Melhus sør delivers its September referat on 20 September, before any reminder about it.
        let sorUID = "nettverk.melhus-sor-20260916@moteplan.melhus.example.no"
        var sentOn: [String: [String]] = [:]
        var day = d("2026-08-01")
        while day <= d("2027-07-31") {
            let now = LocalDateTime(date: day, time: LocalTime(hour: 7, minute: 0) ?? .midnight)
            if day == d("2026-09-20") {
                let store = try StateStore.openForWriting(path: state)
                try store.write {
                    try $0.saveReferat(
                        ReferatRecord(uid: sorUID, delivered: day, deliveredBy: nil, reference: "arkiv/1"), replacing: nil,
                        actor: "test", at: now)
                }
            }
            let report = try job.run(now: now, dryRun: false)
            #expect(report.failures == 0)
            for line in report.lines where line.hasPrefix("sent: ") {
                let id = String(line.dropFirst(6).prefix { $0 != " " })
                sentOn[id, default: []].append(day.description)
            }
            day = day.adding(days: 1)
        }
        // Exactly once each, and one maildir file per reminder (no duplicate Message-ID).
        #expect(sentOn.values.allSatisfy { $0.count == 1 })
        let files = try FileManager.default.contentsOfDirectory(atPath: mail + "/new")
        #expect(files.count == sentOn.count)
        var ids = Set<String>()
        for file in files {
            let text = try String(contentsOfFile: mail + "/new/" + file, encoding: .utf8)
            let id = text.split(separator: "\r\n").first { $0.hasPrefix("Message-ID: ") }.map(String.init) ?? ""
            #expect(ids.insert(id).inserted, "duplicate \(id)")
        }
        // Worked out by hand from the config (notice_days 21, innkalling_lead_days 3,
        // referat_due_days 3, overdue every 7 days at most 4 times, invitation 14 days before,
        // handover_weeks 6), with every send and deadline on a closed day moved (WorkingDayRule):
        // back to the working day before, an overdue reminder forward to the next one.
        let vest = "nettverk.melhus-vest-20260916@moteplan.melhus.example.no"
        let expected: [String: String] = [
            // 18 Nov − 21 = Wed 28 Oct (frist), − 3 = Sun 25 Oct → Fri 23 Oct.
            "innkalling/nettverk.melhus-vest-20261118@moteplan.melhus.example.no": "2026-10-23",
            "referat-frist/\(vest)": "2026-09-21",  // due Thu 24 Sep − 3
            "referat-forfalt-1/\(vest)": "2026-09-25",
            "referat-forfalt-2/\(vest)": "2026-10-02",
            "referat-forfalt-3/\(vest)": "2026-10-12",  // Fri 9 Oct is in the høstferie (week 41): Mon 12 Oct
            "referat-forfalt-4/\(vest)": "2026-10-16",
            "sakliste/samarbeidsgruppe-20261001@moteplan.melhus.example.no": "2026-09-24",  // agenda closes 1 Oct − 7
            // 17 Feb − 14 = 3 Feb, but no later than the innkalling reminder: 17 Feb − 21 − 3 = Sun 24 Jan → Fri 22 Jan.
            "invitasjon/slt/nettverk.melhus-vest-20270217@moteplan.melhus.example.no": "2027-01-22",
            // Last school day Fri 18 Jun 2027 − 42 days = Fri 7 May (not 31 Jul − 42, a Saturday after school ended).
            "lederskifte/melhus-vest/2026/27/ut": "2027-05-07",
            "lederskifte/melhus-vest/2026/27/inn": "2027-05-07",
            // The first run catches up: the 6 August samarbeidsgruppe's innkalling (due 23 July) still matters.
            "innkalling/samarbeidsgruppe-20260806@moteplan.melhus.example.no": "2026-08-01",
        ]
        #expect(sentOn["referat-forfalt-5/\(vest)"] == nil)
        // Delivered before its reminders were due: none sent.
        #expect(sentOn.keys.filter { $0.hasPrefix("referat") && $0.hasSuffix(sorUID) }.isEmpty)
        #expect(sentOn["innkalling/\(sorUID)"] != nil)
        // The same run again changes and sends nothing.
        let again = try job.run(now: LocalDateTime(date: d("2027-07-31"), time: LocalTime(hour: 7, minute: 0) ?? .midnight), dryRun: false)
        #expect(again.sent == 0)
    }

    /// Reminder mails carry no calendar object: Outlook shows a METHOD:PUBLISH attachment in a mail
    /// as raw lines, and one with the recipient as ORGANIZER invites replies to herself. The
    /// innkalling for Melhus vest's 18 November meeting goes out on 23 October (see above).
    @Test func remindersAttachNoCalendar() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let now = LocalDateTime(date: d("2026-10-23"), time: LocalTime(hour: 7, minute: 0) ?? .midnight)
        let report = try setup.job.run(now: now, dryRun: false)
        #expect(report.failures == 0 && report.sent > 0)
        for file in try FileManager.default.contentsOfDirectory(atPath: setup.mail + "/new") {
            let text = try String(contentsOfFile: setup.mail + "/new/" + file, encoding: .utf8)
            #expect(!text.contains("text/calendar") && !text.contains("BEGIN:VCALENDAR") && !text.contains("ORGANIZER"), "\(file)")
            #expect(text.contains("Content-Type: text/plain; charset=utf-8\r\n"))
        }
    }
}
