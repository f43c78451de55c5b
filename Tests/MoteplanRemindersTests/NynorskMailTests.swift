import Foundation
import MoteplanCore
import MoteplanReminders
import MoteplanStore
import Testing

/// Reminders and invitations of a plan with `[municipality] language = "nn"`: the nynorsk
/// templates (Config/templates/nn) and the texts built in Swift, with dates and day counts from
/// the nynorsk catalogue; none of the issue's bokmål words in any mail.
struct NynorskMailTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let bokmalWords: Set<String> = ["Leder", "Deltakere", "ikke", "hva", "hvem", "leveres", "Flyttet"]

    func d(_ text: String) -> LocalDate { LocalDate(iso: text) ?? LocalDate(daysSinceEpoch: 0) }
    func at7(_ text: String) -> LocalDateTime { LocalDateTime(date: d(text), time: LocalTime(hour: 7, minute: 0) ?? .midnight) }

    /// A Melhus config in nynorsk: `language = "nn"`, and its own bokmål "Leder" values (a group's
    /// name, two unit heads) as a nynorsk municipality writes them.
    static func nynorsk(_ relativePath: String) throws -> LoadedConfig {
        let path = root.appendingPathComponent(relativePath).path
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "[municipality]\n", with: "[municipality]\nlanguage = \"nn\"\n")
            .replacingOccurrences(of: "\"Leder drøftingsteam", with: "\"Leiar drøftingsteam")
            .replacingOccurrences(of: "head = \"Leder PPT\"", with: "head = \"Leiar PPT\"")
            .replacingOccurrences(of: "head = \"Leder\"", with: "head = \"Leiar\"")
        return try ConfigLoader.parse(bytes: Array(text.utf8), file: path)
    }

    /// A delivered message read back: headers unfolded with RFC 2047 words decoded, the text part
    /// and (for an invitation) the calendar part decoded from base64.
    struct Mail {
        var headers: String
        var text: String
        var calendar: String

        init(_ raw: String) {
            let split = raw.range(of: "\r\n\r\n")
            var headers = split.map { String(raw[..<$0.lowerBound]) } ?? raw
            headers = headers.replacingOccurrences(of: "\r\n ", with: "")
            while let word = headers.range(of: #"=\?UTF-8\?B\?[^?]*\?="#, options: .regularExpression) {
                let base64 = headers[word].dropFirst(10).dropLast(2)
                headers.replaceSubrange(word, with: Data(base64Encoded: String(base64)).map { String(decoding: $0, as: UTF8.self) } ?? "")
            }
            self.headers = headers
            let body = split.map { String(raw[$0.upperBound...]) } ?? ""
            func part(after marker: String) -> String? {
                guard let start = body.range(of: marker) else { return nil }
                let rest = body[start.upperBound...]
                return String(rest[..<(rest.range(of: "\r\n--")?.lowerBound ?? rest.endIndex)])
            }
            text = part(after: "Content-Transfer-Encoding: 8bit\r\n\r\n") ?? body
            calendar = part(after: "Content-Transfer-Encoding: base64\r\n\r\n")
                .flatMap { Data(base64Encoded: $0.replacingOccurrences(of: "\r\n", with: "")) }
                .map { String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "") } ?? ""
        }

        func header(_ name: String) -> String {
            headers.components(separatedBy: "\r\n").first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) } ?? ""
        }

        /// Every word of the headers, the text and the calendar (its escaped newlines undone).
        var words: Set<String> {
            let all = headers + "\n" + text + "\n" + calendar.replacingOccurrences(of: "\\n", with: "\n")
            return Set(all.split(whereSeparator: { !$0.isLetter }).map(String.init))
        }
    }

    static func mails(in maildir: String) throws -> [String: Mail] {
        var result: [String: Mail] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: maildir + "/new") {
            let mail = Mail(try String(contentsOfFile: maildir + "/new/" + file, encoding: .utf8))
            result[mail.header("X-Moteplan-Reminder")] = mail
        }
        return result
    }

    /// The dry run's subject line for Melhus vest's September referat, as RemindCommandTests has
    /// it in bokmål ("Referat fra … skal leveres innen 24. september 2026"), translated by hand
    /// from the nynorsk template's first line: "Referat frå {{moete}} skal leverast innan {{frist}}".
    @Test func dryRunSubjectIsNynorsk() throws {
        let directory = try MoteplanBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loaded = try Self.nynorsk("Tests/Fixtures/melhus-fixed.toml")
        let templates = try ReminderTemplates.load(
            folder: Self.root.appendingPathComponent("Config/templates").path, catalogue: loaded.configuration.catalogue)
        #expect(templates.warnings.isEmpty)
        let job = RemindJob(
            loaded: loaded, statePath: directory.appendingPathComponent("state.sqlite").path, templates: templates,
            delivery: .maildir(directory.appendingPathComponent("mail").path))
        let report = try job.run(now: at7("2026-09-21"), dryRun: true)
        #expect(report.lines.contains(
            "would send: referat-frist/nettverk.melhus-vest-20260916@moteplan.melhus.example.no → leder.eid@example.no: "
                + "Referat frå Tverrfaglig nettverk – Melhus vest skal leverast innan 24. september 2026"), "\(report.lines)")
    }

    /// A school year of reminders (one run a day at 07:00, as RemindSteppingTests does in bokmål):
    /// every kind's mail in nynorsk, none with a bokmål word of the list.
    @Test func aSchoolYearOfRemindersInNynorsk() throws {
        let directory = try MoteplanBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loaded = try Self.nynorsk("Tests/Fixtures/melhus-fixed.toml")
        // The fixture's own flat folder holds bokmål templates: a folder without templates gives
        // the built-in ones of the plan's language.
        let templates = try ReminderTemplates.load(
            folder: directory.appendingPathComponent("no-templates").path, catalogue: loaded.configuration.catalogue)
        let mail = directory.appendingPathComponent("mail").path
        let job = RemindJob(
            loaded: loaded, statePath: directory.appendingPathComponent("state.sqlite").path, templates: templates,
            delivery: .maildir(mail))
        var day = d("2026-08-01")
        while day <= d("2027-07-31") {
            let report = try job.run(now: LocalDateTime(date: day, time: LocalTime(hour: 7, minute: 0) ?? .midnight), dryRun: false)
            #expect(report.failures == 0)
            day = day.adding(days: 1)
        }
        let mails = try Self.mails(in: mail)
        for (id, mail) in mails {
            #expect(mail.words.intersection(Self.bokmalWords).isEmpty, "\(id): \(mail.words.intersection(Self.bokmalWords))")
            #expect(mail.text.contains("Helsing moteplan for Melhus kommune"), "\(id)")
        }
        func kind(_ prefix: String) -> [Mail] { mails.filter { $0.key.hasPrefix(prefix) }.map(\.value) }
        for prefix in ["innkalling/", "invitasjon/", "referat-frist/", "referat-forfalt-", "sakliste/", "lederskifte/"] {
            #expect(!kind(prefix).isEmpty, "no \(prefix) mail")
        }
        #expect(kind("innkalling/").allSatisfy { $0.header("Subject").hasPrefix("Hugs innkalling: ") && $0.text.contains("\nDeltakarar:\r\n") })
        #expect(kind("invitasjon/").allSatisfy { $0.text.contains(" skal dette på saklista: ") })
        #expect(kind("sakliste/").allSatisfy { $0.header("Subject").hasPrefix("Saklista til ") && $0.text.contains("Referat motteke:") })
        #expect(kind("lederskifte/").allSatisfy { $0.header("Subject").hasPrefix("Leiarskifte i ") })
        // Melhus vest's 16 September (a Wednesday) referat is due Thursday 24 September: the
        // reminder three days before is on Monday 21 September, and says so in nynorsk.
        let vest = "nettverk.melhus-vest-20260916@moteplan.melhus.example.no"
        let frist = try #require(mails["referat-frist/\(vest)"])
        #expect(frist.header("Subject") == "Referat frå Tverrfaglig nettverk – Melhus vest skal leverast innan 24. september 2026")
        // The whole text, worked out from nn/referat-frist.mustache: Eid's head "Eksempel: Liv
        // Dahl" is greeted "Liv"; the referat goes to samarbeidsgruppe (its title); no personal
        // page (no base_url here), so the answer-by-mail line; an address of her own, so no
        // fallback note; the standalone section tags leave no lines.
        #expect(frist.text.contains([
            "Hei Liv,", "",
            "referatet frå Tverrfaglig nettverk – Melhus vest onsdag 16. september 2026 skal sendast til "
                + "Tverrfaglig samarbeidsgruppe barn og unge innan 24. september 2026.",
            "Når referatet er levert, svar på denne e-posten med dato og eventuell arkivreferanse, eller gi beskjed til "
                + "rådgivaren, så blir det registrert.", "",
            "Skriv aldri personopplysningar eller innhaldet i saka i e-post eller i moteplan.", "",
            "Helsing moteplan for Melhus kommune",
        ].joined(separator: "\r\n")), "\(frist.text)")
        // The overdue ones: the first on Friday 25 September, 1 day after the deadline ("1 dag");
        // the second a week later, Friday 2 October, 8 days after ("8 dagar", nynorsk plural).
        let first = try #require(mails["referat-forfalt-1/\(vest)"])
        #expect(first.text.contains("fristen er passert med 1 dag.\r\nDette er påminning nr. 1."))
        let second = try #require(mails["referat-forfalt-2/\(vest)"])
        #expect(second.text.contains("fristen er passert med 8 dagar.\r\nDette er påminning nr. 2."))
        // A role without an address is reminded through [reminders] fallback, named in nynorsk.
        let fallback = mails.values.filter { $0.text.contains("(Denne påminninga gjekk til rådgivaren fordi «") }
        #expect(!fallback.isEmpty)
        #expect(fallback.allSatisfy { $0.header("To").hasPrefix("Rådgivar (for ") })
    }

    /// A duty without fixed dates (the Fjordvik example's hjelpeteam, here at least two meetings
    /// per half-year) in nynorsk. As FlexibleDutyTests works out: the half-year ends Wednesday
    /// 30 June 2027 and the first reminder goes 30 days before, on 31 May. Nynorsk has one plural,
    /// "2 møte" (bokmål "2 møter"); "første halvår" is the same in both.
    @Test func aDutyWithoutFixedDatesInNynorsk() throws {
        let directory = try MoteplanBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = Self.root.appendingPathComponent("Config/examples/fjordvik.toml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "[municipality]\n", with: "[municipality]\nlanguage = \"nn\"\n")
            .replacingOccurrences(of: "{ kind = \"at_least\", count = 1,", with: "{ kind = \"at_least\", count = 2,")
        let loaded = try ConfigLoader.parse(bytes: Array(text.utf8), file: path)
        let templates = try ReminderTemplates.load(folder: directory.appendingPathComponent("none").path, catalogue: loaded.configuration.catalogue)
        let mail = directory.appendingPathComponent("mail").path
        let job = RemindJob(
            loaded: loaded, statePath: directory.appendingPathComponent("state.sqlite").path, templates: templates, delivery: .maildir(mail))
        #expect(try job.run(now: at7("2027-05-31"), dryRun: false).failures == 0)
        let mails = try Self.mails(in: mail)
        let school = try #require(mails["minstekrav/hjelpeteam/fjordvik-skole/2027-H1/30"], "\(mails.keys.sorted())")
        #expect(school.header("Subject") == "Hjelpeteam: minst 2 møte første halvår 2027, frist 30. juni 2027")
        #expect(school.text.contains(
            "Hjelpeteam for Fjordvik skole skal ha minst 2 møte første halvår 2027. Fristen er 30. juni 2027, og det er registrert 0 så langt."))
        #expect(school.text.contains("Når møtet er avtalt, gi rådgivaren dato og tid, så blir det registrert og kjem i kalenderen."))
        for (id, mail) in mails {
            #expect(mail.words.intersection(Self.bokmalWords).isEmpty, "\(id): \(mail.words.intersection(Self.bokmalWords))")
            #expect(!mail.words.contains("møter"), "\(id)")
        }
    }

    /// Calendar invitations from the Melhus example (samarbeidsgruppe, nettverk and SLT send them;
    /// InvitationCommandTests has samarbeidsgruppe's 3 September ones out by 20 August 2026) in nynorsk: the
    /// text part from the catalogue, the event's DESCRIPTION from the feeds' nynorsk lines.
    @Test func invitationsInNynorsk() throws {
        let directory = try MoteplanBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loaded = try Self.nynorsk("Config/melhus.toml")
        let mail = directory.appendingPathComponent("mail").path
        let job = InvitationJob(loaded: loaded, statePath: directory.appendingPathComponent("state.sqlite").path, delivery: .maildir(mail))
        let report = try job.run(now: at7("2026-08-20"), dryRun: false)
        #expect(report.failures == 0 && report.sent > 0)
        let mails = try Self.mails(in: mail)
        #expect(mails.count == report.sent)
        for (id, mail) in mails {
            #expect(mail.words.intersection(Self.bokmalWords).isEmpty, "\(id): \(mail.words.intersection(Self.bokmalWords))")
            // "Invitasjon: {title}, {date}" and "Du er invitert til {title}, {when}{place}." (the
            // same words in both languages), then how to answer.
            #expect(mail.header("Subject").hasPrefix("Invitasjon: "), "\(id)")
            #expect(mail.text.hasPrefix("Hei,\r\n\r\nDu er invitert til "), "\(id)")
            #expect(mail.calendar.contains("DESCRIPTION:"), "\(id)")
        }
        let group = try #require(mails.first { $0.key.contains("/samarbeidsgruppe-20260903@") }?.value)
        // Thursday 3 September 2026 (1 January 2026 was a Thursday, 245 days = 35 weeks before).
        #expect(group.header("Subject").hasSuffix(", 3. september 2026"))
        #expect(group.text.contains(", torsdag 3. september 2026 kl. "))
        #expect(mails.values.contains { $0.calendar.contains("Deltakarar: ") })
    }
}
