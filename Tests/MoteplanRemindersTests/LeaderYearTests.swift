import Foundation
import MoteplanCore
import MoteplanReminders
import MoteplanStore
import Testing

/// A school year stepped day by day at 07:00 for Melhus vest's leader 2026/27 (Eid barnehage og
/// skole, "Eksempel: Liv Dahl", leder.eid@example.no), who never records anything, with 30 days
/// without runs (22 September–21 October 2026): the mails she receives, their days and figures.
struct LeaderYearTests {
    typealias Setup = RemindSteppingTests.Setup
    static let liv = "leder.eid@example.no"

    func d(_ text: String) -> LocalDate { LocalDate(iso: text) ?? LocalDate(daysSinceEpoch: 0) }
    func at7(_ day: LocalDate) -> LocalDateTime { LocalDateTime(date: day, time: LocalTime(hour: 7, minute: 0) ?? .midnight) }

    /// One delivered mail: its reminder id, the day it was sent, subject and body.
    struct Mail {
        var id: String
        var day: String
        var to: String
        var subject: String
        var body: String
    }

    /// Steps the year and reads every delivered mail back from the maildir.
    func year(_ setup: Setup, skipping: ClosedRange<LocalDate>?) throws -> [Mail] {
        var dayOf: [String: String] = [:]
        var day = d("2026-08-01")
        while day <= d("2027-07-31") {
            defer { day = day.adding(days: 1) }
            if let skipping, skipping.contains(day) { continue }
            let report = try setup.job.run(now: at7(day), dryRun: false)
            #expect(report.failures == 0)
            for line in report.lines where line.hasPrefix("sent: ") {
                let id = String(line.dropFirst(6).prefix { $0 != " " })
                #expect(dayOf[id] == nil, "sent twice: \\(id)")
                dayOf[id] = day.description
            }
        }
        return try FileManager.default.contentsOfDirectory(atPath: setup.mail + "/new").map { file in
            let text = try String(contentsOfFile: setup.mail + "/new/" + file, encoding: .utf8)
                .replacingOccurrences(of: "\r\n", with: "\n")
            let parts = text.components(separatedBy: "\n\n")
            let headers = (parts.first ?? "").replacingOccurrences(of: "\n ", with: " ")
            func header(_ name: String) -> String {
                headers.split(separator: "\n").first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) } ?? ""
            }
            let id = header("X-Moteplan-Reminder")
            return Mail(
                id: id, day: dayOf[id] ?? "?", to: header("To"), subject: Self.decode(header("Subject")),
                body: parts.dropFirst().joined(separator: "\n\n"))
        }
    }

    /// RFC 2047 `=?UTF-8?B?…?=` words back to text (the whitespace between words dropped).
    static func decode(_ header: String) -> String {
        guard header.contains("=?UTF-8?B?") else { return header }
        return header.split(separator: " ").map { word -> String in
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else { return String(word) }
            let base64 = word.dropFirst(10).dropLast(2)
            return String(decoding: Data(base64Encoded: String(base64)) ?? Data(), as: UTF8.self)
        }.joined()
    }

    @Test func theLeaderWhoDoesNothing() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let mails = try year(setup, skipping: d("2026-09-22")...d("2026-10-21"))
        let hers = mails.filter { $0.to.contains(Self.liv) }
        let vest = "@moteplan.melhus.example.no"
        func m(_ date: String) -> String { "nettverk.melhus-vest-\(date)\(vest)" }
        // Worked out by hand (see WorkingDayRuleTests for the calendar). Melhus vest meets Wed
        // 16 Sep (SLT), 18 Nov, 17 Feb (SLT) and 21 Apr (children and parents); notice 21 days,
        // innkalling reminder 3 days before its deadline, referat due at the latest when the
        // samarbeidsgruppe's agenda closes (its meeting − 7), the frist reminder 3 days before,
        // overdue reminders the day after and every 7 days (4 at most); all on working days.
        let expected: [String: String] = [
            // 16 Sep − 21 = Wed 26 Aug; − 3 = Sun 23 Aug → Fri 21 Aug. The SLT invitation (16 Sep − 14
            // = 2 Sep) comes no later: 21 Aug.
            "innkalling/\(m("20260916"))": "2026-08-21",
            "invitasjon/slt/\(m("20260916"))": "2026-08-21",
            // Due Thu 24 Sep (samarbeidsgruppe 1 Oct − 7); − 3 = Mon 21 Sep, the last run before the gap.
            "referat-frist/\(m("20260916"))": "2026-09-21",
            // Rounds 1–4 (25 Sep, 2 Oct, 12 Oct, 16 Oct) all fell in the gap: the first run after it
            // sends only the latest, numbered 1, 28 days late (24 Sep → 22 Oct: 6 + 22).
            "referat-forfalt-4/\(m("20260916"))": "2026-10-22",
            // 18 Nov: deadline Wed 28 Oct, reminder Sun 25 Oct → Fri 23 Oct.
            "innkalling/\(m("20261118"))": "2026-10-23",
            // Due Thu 26 Nov (samarbeidsgruppe 3 Dec − 7); − 3 = Mon 23 Nov; overdue 27 Nov, 4, 11, 18 Dec.
            "referat-frist/\(m("20261118"))": "2026-11-23",
            "referat-forfalt-1/\(m("20261118"))": "2026-11-27",
            "referat-forfalt-2/\(m("20261118"))": "2026-12-04",
            "referat-forfalt-3/\(m("20261118"))": "2026-12-11",
            "referat-forfalt-4/\(m("20261118"))": "2026-12-18",
            // 17 Feb: deadline Wed 27 Jan, reminder Sun 24 Jan → Fri 22 Jan; the invitation with it.
            "innkalling/\(m("20270217"))": "2027-01-22",
            "invitasjon/slt/\(m("20270217"))": "2027-01-22",
            // Due: samarbeidsgruppe 4 Mar − 7 = Thu 25 Feb, in the vinterferie → Fri 19 Feb. Frist
            // reminder: 16 Feb is before the meeting, so the day after it, Thu 18 Feb. Overdue: Sat 20 Feb
            // (round 1) and Sat 27 Feb (round 2) both move past the vinterferie to Mon 1 Mar, where
            // round 2 supersedes round 1: nr. 1, 10 days late. Round 3: Sat 6 Mar → Mon 8 Mar (nr. 2,
            // 17 days); round 4: Sat 13 Mar → Mon 15 Mar (nr. 3, 24 days).
            "referat-frist/\(m("20270217"))": "2027-02-18",
            "referat-forfalt-2/\(m("20270217"))": "2027-03-01",
            "referat-forfalt-3/\(m("20270217"))": "2027-03-08",
            "referat-forfalt-4/\(m("20270217"))": "2027-03-15",
            // 21 Apr: deadline Wed 31 Mar; reminder Sun 28 Mar (Easter, påskeferie 22–29 Mar) → Fri 19 Mar.
            "innkalling/\(m("20270421"))": "2027-03-19",
            // Due: samarbeidsgruppe 6 May (Kristi himmelfartsdag) moved to Fri 7 May, − 7 = Fri 30 Apr
            // (ReferatSteppingTests). Frist reminder Tue 27 Apr. Overdue: Sat 1 May (1. mai) → Mon 3 May
            // (nr. 1, 3 days); Sat 8 May → Mon 10 May (nr. 2, 10 days); Sat 15 May, Sun 16 (1. pinsedag),
            // Mon 17 (17. mai, 2. pinsedag) → Tue 18 May (nr. 3, 18 days); Sat 22 May → Mon 24 May (nr. 4, 24 days).
            "referat-frist/\(m("20270421"))": "2027-04-27",
            "referat-forfalt-1/\(m("20270421"))": "2027-05-03",
            "referat-forfalt-2/\(m("20270421"))": "2027-05-10",
            "referat-forfalt-3/\(m("20270421"))": "2027-05-18",
            "referat-forfalt-4/\(m("20270421"))": "2027-05-24",
            // Last school day Fri 18 Jun − 6 weeks = Fri 7 May.
            "lederskifte/melhus-vest/2026/27/ut": "2027-05-07",
            // Her lokale team meets Wed 6 Jan 2027: deadline 30 Dec (juleferie) → Fri 18 Dec; reminder
            // 3 days before, Tue 15 Dec (not Sun 27 Dec in the juleferie).
            "innkalling/lokalt-team.eid-barnehage-og-skole-20270106\(vest)": "2026-12-15",
        ]
        let byID = Dictionary(hers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (id, day) in expected {
            #expect(byID[id]?.day == day, "\(id): \(byID[id]?.day ?? "not sent")")
        }
        // Nothing else about her network.
        let network = hers.filter { $0.id.contains("melhus-vest") }
        #expect(Set(network.map(\.id)) == Set(expected.keys.filter { $0.contains("melhus-vest") }), "\(network.map(\.id).sorted())")

        func body(_ id: String) -> String { byID[id]?.body ?? "" }
        // Figures counted on the day of sending; the first overdue mail she receives is nr. 1.
        #expect(body("referat-forfalt-4/\(m("20260916"))").contains("fristen er passert med 28 dager."))
        #expect(body("referat-forfalt-4/\(m("20260916"))").contains("Dette er påminnelse nr. 1."))
        for (round, days, number) in [(1, "1 dag", 1), (2, "8 dager", 2), (3, "15 dager", 3), (4, "22 dager", 4)] {
            let text = body("referat-forfalt-\(round)/\(m("20261118"))")
            #expect(text.contains("fristen er passert med \(days)."), "\(round): \(text)")
            #expect(text.contains("Dette er påminnelse nr. \(number)."), "\(round)")
        }
        for (round, days, number) in [(1, "3 dager", 1), (2, "10 dager", 2), (3, "18 dager", 3), (4, "24 dager", 4)] {
            let text = body("referat-forfalt-\(round)/\(m("20270421"))")
            #expect(text.contains("fristen er passert med \(days)."), "\(round): \(text)")
            #expect(text.contains("Dette er påminnelse nr. \(number)."), "\(round)")
        }
        for (round, days, number) in [(2, "10 dager", 1), (3, "17 dager", 2), (4, "24 dager", 3)] {
            let text = body("referat-forfalt-\(round)/\(m("20270217"))")
            #expect(text.contains("fristen er passert med \(days)."), "\(round): \(text)")
            #expect(text.contains("Dette er påminnelse nr. \(number)."), "\(round)")
        }
        // The deadline in the mail is the moved one.
        #expect(body("referat-frist/\(m("20270217"))").contains("innen 19. februar 2027."))
        #expect(body("innkalling/lokalt-team.eid-barnehage-og-skole-20270106\(vest)").contains("senest 18. desember 2026."))
        // The innkalling names the markers and whom to invite.
        #expect(body("innkalling/\(m("20260916"))").contains("SLT på agendaen – inviter SLT-koordinator og politikontakt."))
        #expect(body("innkalling/\(m("20270421"))").contains("Barn, ungdom og foreldrerepresentanter invitert.\n"))
        #expect(!body("innkalling/\(m("20261118"))").contains("SLT"))
        // The outgoing leader's handover lists the four referat she owes on 7 May.
        let handover = body("lederskifte/melhus-vest/2026/27/ut")
        #expect(handover.contains("Referat du ikke har levert ennå:"))
        #expect(handover.contains("- Tverrfaglig nettverk – Melhus vest, møte 16. september 2026 (frist 24. september 2026)"))
        #expect(handover.contains("- Tverrfaglig nettverk – Melhus vest, møte 18. november 2026 (frist 26. november 2026)"))
        #expect(handover.contains("- Tverrfaglig nettverk – Melhus vest, møte 17. februar 2027 (frist 19. februar 2027)"))
        #expect(handover.contains("- Tverrfaglig nettverk – Melhus vest, møte 21. april 2027 (frist 30. april 2027)"))
        // Greeted by her first name; never told to type a command.
        for mail in hers {
            // The text part starts after its part headers (a mail with a meeting is multipart).
            #expect(mail.body.hasPrefix("Hei Liv,\n") || mail.body.contains("\n\nHei Liv,\n"), "\(mail.id)")
            #expect(!mail.body.contains("Hei Enhetsleder"), "\(mail.id)")
        }
        for mail in mails {
            #expect(!mail.body.contains("moteplan referat"), "\(mail.id)")
            #expect(!mail.body.contains(" 1 dager"), "\(mail.id)")
        }
        // Never on a weekend, on 24 or 31 December, or in the juleferie (all her mails are about
        // school-calendar structures); the invitation never after its innkalling.
        let weekend: Set<Weekday> = [.saturday, .sunday]
        for mail in hers {
            let day = d(mail.day)
            #expect(!weekend.contains(day.weekday), "\(mail.id) on \(mail.day)")
            #expect(!(d("2026-12-21")...d("2027-01-01")).contains(day), "\(mail.id) on \(mail.day)")
        }
        for mail in mails where mail.id.hasPrefix("invitasjon/") {
            let uid = mail.id.split(separator: "/").last.map(String.init) ?? ""
            if let innkalling = byID["innkalling/\(uid)"] ?? mails.first(where: { $0.id == "innkalling/\(uid)" }) {
                #expect(mail.day <= innkalling.day, "\(mail.id)")
            }
        }
        // The samarbeidsgruppe's agenda closed on Thu 24 Sep, in the gap: that sakliste mail is
        // dropped, not sent late saying "i dag". The next one goes on its closing day, Thu 29 Oct.
        #expect(!mails.contains { $0.id == "sakliste/samarbeidsgruppe-20261001\(vest)" })
        let sakliste = try #require(mails.first { $0.id == "sakliste/samarbeidsgruppe-20261105\(vest)" })
        #expect(sakliste.day == "2026-10-29")
        #expect(sakliste.subject == "Saklisten til Tverrfaglig samarbeidsgruppe barn og unge lukkes i dag")
    }

    /// A first run after the innkalling deadline (Wed 26 Aug for Melhus vest's 16 Sep meeting, see
    /// above) does not say it "bør sendes senest" a day that has passed: it says it is late.
    @Test func aLateInnkallingSaysItIsLate() throws {
        let setup = try Setup()
        defer { setup.remove() }
        #expect(try setup.job.run(now: at7(d("2026-08-27")), dryRun: false).failures == 0)
        let mails = try FileManager.default.contentsOfDirectory(atPath: setup.mail + "/new").map {
            try String(contentsOfFile: setup.mail + "/new/" + $0, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
        }
        let uid = "nettverk.melhus-vest-20260916@moteplan.melhus.example.no"
        let innkalling = try #require(mails.first { $0.contains("X-Moteplan-Reminder: innkalling/\(uid)") })
        #expect(innkalling.contains("Innkallingen skulle vært sendt senest 26. august 2026: send den så snart som mulig."))
        #expect(!innkalling.contains("bør sendes senest"))
        let invitation = try #require(mails.first { $0.contains("X-Moteplan-Reminder: invitasjon/slt/\(uid)") })
        #expect(invitation.contains("Fristen for innkallingen var 26. august 2026; inviter dem så snart som mulig:"))
        // On its own day (Fri 21 Aug) the same reminder gives the deadline ahead.
        let early = try Setup()
        defer { early.remove() }
        #expect(try early.job.run(now: at7(d("2026-08-21")), dryRun: false).failures == 0)
        let onTime = try FileManager.default.contentsOfDirectory(atPath: early.mail + "/new").map {
            try String(contentsOfFile: early.mail + "/new/" + $0, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
        }
        let timely = try #require(onTime.first { $0.contains("X-Moteplan-Reminder: innkalling/\(uid)") })
        #expect(timely.contains("Innkallingen bør sendes senest 26. august 2026."))
    }

    /// With a personal page, the referat reminder links to it instead of asking for a reply.
    @Test func remindersLinkToThePersonalPage() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let job = RemindJob(
            loaded: setup.job.loaded, statePath: setup.state, templates: setup.job.templates, delivery: setup.job.delivery,
            personalPage: { $0 == "eid-barnehage-og-skole" ? "https://moteplan.example.no/meg/abc" : nil })
        // 21 Sep 2026: the referat-frist for Melhus vest's 16 Sep meeting (see above).
        #expect(try job.run(now: at7(d("2026-09-21")), dryRun: false).failures == 0)
        let mails = try FileManager.default.contentsOfDirectory(atPath: setup.mail + "/new").map {
            try String(contentsOfFile: setup.mail + "/new/" + $0, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
        }
        let frist = try #require(mails.first { $0.contains("X-Moteplan-Reminder: referat-frist/nettverk.melhus-vest-20260916") })
        #expect(frist.contains("Merk det som levert på siden din: https://moteplan.example.no/meg/abc\n"))
        #expect(!frist.contains("svar på denne e-posten"))
        // Someone without a page is asked to answer the mail or contact the rådgiver.
        let other = mails.filter { $0.contains("X-Moteplan-Reminder: referat-frist/") && !$0.contains("melhus-vest") }
        #expect(other.allSatisfy { $0.contains("svar på denne e-posten") && !$0.contains("/meg/") })
    }
}
