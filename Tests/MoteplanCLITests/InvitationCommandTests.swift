import Foundation
import Testing

/// Calendar invitations from `remind` on the Melhus example (samarbeidsgruppe, nettverk and SLT
/// have `invitations = true`). The full REQUEST → update → CANCEL sequence through a real MTA is
/// scripts/mta-test; here: what check says, dry runs, and one invitation per address.
struct InvitationCommandTests {
    let directory: URL
    let state: String
    let example: String

    init() throws {
        directory = try CLI.temporaryDirectory()
        state = directory.appendingPathComponent("state.sqlite").path
        example = CLI.root.appendingPathComponent("Config/melhus.toml").path
    }

    func maildir(_ name: String) -> [String] {
        let folder = directory.appendingPathComponent(name).appendingPathComponent("new")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().compactMap {
            try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
    }

    /// The example copied into the test's directory beside a link to the templates, for a test to
    /// edit; its path and text.
    func editableExample() throws -> (config: URL, text: String) {
        let config = directory.appendingPathComponent("melhus.toml")
        let text = try String(contentsOfFile: example, encoding: .utf8)
        try text.write(to: config, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            at: directory.appendingPathComponent("templates"), withDestinationURL: CLI.root.appendingPathComponent("Config/templates"))
        return (config, text)
    }

    /// `remind` with `config` at `now`, delivering to the maildir "md" (the test's state unless `state`).
    func remind(_ config: URL, at now: String, state: String? = nil) throws -> CLI.Result {
        try CLI.run([
            "remind", "--config", config.path, "--state", state ?? self.state, "--now", now,
            "--deliver", "maildir:" + directory.appendingPathComponent("md").path,
        ])
    }

    @Test func checkNamesLeadersAndInviteesWithoutAnAddress() throws {
        let result = try CLI.run(["check", "--config", example])
        #expect(result.code == 0)
        // nettverk's leaders rotate among three units whose heads have no address in the example.
        #expect(result.stderr.contains("structures[2].invitations: nettverk: the leader"))
        #expect(result.stderr.contains("invitations go out with the [reminders] from address (Møteplan Melhus <moteplan@melhus.example.no>) as organizer"))
        #expect(result.stderr.contains("structures[4].invitations: slt-styringsgruppe: 4 invitee(s) have no e-mail address and get no invitation: Politikontakt, Ordfører, Kommunedirektør, Rektor ved Melhus videregående skole."))
    }

    /// Samarbeidsgruppe meets 3 September 2026 (notice 14 days: invitations from 20 August). Its
    /// members with an address in the example: rådgiver barnehage, rådgiver skole and the
    /// SLT-koordinator; the leader (leder-ffm) is ORGANIZER, not invited to her own meeting.
    @Test func dryRunSaysWhatItWouldSendAndARunSendsOncePerAddress() throws {
        let base = ["--config", example, "--state", state, "--now", "2026-08-19T07:00", "--deliver", "maildir:" + directory.appendingPathComponent("md").path]
        let early = try CLI.run(["remind", "--dry-run"] + base)
        #expect(early.code == 0, "\(early.stderr)")
        #expect(!early.stdout.contains("invitasjon/request/samarbeidsgruppe-20260903"), "before the notice window")
        let now = base.map { $0 == "2026-08-19T07:00" ? "2026-08-20T07:00" : $0 }
        let dry = try CLI.run(["remind", "--dry-run"] + now)
        let uid = "samarbeidsgruppe-20260903@moteplan.melhus.example.no"
        #expect(dry.stdout.contains("would send: invitasjon/request/\(uid)/radgiver.barnehage@example.no/0/"))
        #expect(dry.stdout.contains("would send: invitasjon/request/\(uid)/radgiver.skole@example.no/0/"))
        #expect(!dry.stdout.contains("invitasjon/request/\(uid)/leder.ffm@example.no"))
        #expect(!FileManager.default.fileExists(atPath: state), "a dry run writes no state")
        let run = try CLI.run(["remind"] + now)
        #expect(run.code == 0, "\(run.stderr)")
        let mails = maildir("md").filter { $0.contains("X-Moteplan-Reminder: invitasjon/request/\(uid)/") }
        #expect(mails.count == 3)
        #expect(mails.contains { $0.contains("/slt@example.no/0/") })
        for mail in mails {
            #expect(mail.contains("Content-Type: multipart/alternative;"))
            #expect(mail.contains("Content-Type: text/calendar; charset=UTF-8; method=REQUEST\r\n"))
            #expect(mail.contains("Reply-To: \"Enhetsleder familie, forebygging og mestring (Eksempel: Kari Nordmann)\" <leder.ffm@example.no>"))
        }
        let again = try CLI.run(["remind"] + now)
        #expect(!again.stdout.contains("sent: invitasjon/"))
    }

    @Test func oneInvitationPerAddressEvenInSeveralRoles() throws {
        // Rådgiver skole also holds the barnehage role: the same address twice among the members.
        let (config, original) = try editableExample()
        let text = original.replacingOccurrences(of: "email = \"radgiver.barnehage@example.no\"", with: "email = \"Radgiver.Skole@example.no\"")
        try text.write(to: config, atomically: true, encoding: .utf8)
        let run = try remind(config, at: "2026-08-20T07:00")
        #expect(run.code == 0, "\(run.stderr)")
        let mails = maildir("md").filter { $0.contains("X-Moteplan-Reminder: invitasjon/request/samarbeidsgruppe-20260903@") }
        // radgiver.skole (once, whatever the case of the address) and slt.
        #expect(mails.count == 2)
        #expect(mails.filter { $0.lowercased().contains("/radgiver.skole@example.no/0/") }.count == 1)
    }

    /// Rådgiver barnehage leaves samarbeidsgruppe after the 3 September invitation went out
    /// (20 August): the next run sends her alone a CANCEL (SEQUENCE 1, the request's 0 + 1); the
    /// two who stay get an updated REQUEST at SEQUENCE 1, as their event's attendee list changed.
    @Test func someoneWhoNoLongerTakesPartGetsACancelForHerAlone() throws {
        let (config, original) = try editableExample()
        #expect(try remind(config, at: "2026-08-20T07:00").code == 0)
        let left = original.replacingOccurrences(
            of: "\"leder-aphr\", \"leder-kultur\", \"radgiver-barnehage\", \"radgiver-skole\"", with: "\"leder-aphr\", \"leder-kultur\", \"radgiver-skole\"")
        #expect(left != original)
        try left.write(to: config, atomically: true, encoding: .utf8)
        let run = try remind(config, at: "2026-08-21T07:00")
        #expect(run.code == 0, "\(run.stderr)")
        let uid = "samarbeidsgruppe-20260903@moteplan.melhus.example.no"
        let sent = run.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("sent: invitasjon/") && $0.contains(uid) }.sorted()
        #expect(sent.count == 3, "\(sent)")
        #expect(sent.contains { $0.hasPrefix("sent: invitasjon/cancel/\(uid)/radgiver.barnehage@example.no/1/") })
        #expect(sent.contains { $0.hasPrefix("sent: invitasjon/request/\(uid)/radgiver.skole@example.no/1/") })
        #expect(sent.contains { $0.hasPrefix("sent: invitasjon/request/\(uid)/slt@example.no/1/") })
        let cancel = try #require(maildir("md").first { $0.contains("X-Moteplan-Reminder: invitasjon/cancel/\(uid)/radgiver.barnehage@example.no/") })
        #expect(cancel.contains("method=CANCEL"))
        let calendar = try #require(cancel.components(separatedBy: "Content-Transfer-Encoding: base64\r\n\r\n").last)
        let decoded = String(decoding: Data(base64Encoded: calendar.components(separatedBy: "\r\n--").first?.filter { !$0.isWhitespace } ?? "") ?? Data(), as: UTF8.self)
            .replacingOccurrences(of: "\r\n ", with: "")
        #expect(decoded.contains("METHOD:CANCEL\r\n"))
        #expect(decoded.contains("SEQUENCE:1\r\n"))
        // Her alone: one ATTENDEE, her address.
        let attendees = decoded.components(separatedBy: "\r\n").filter { $0.hasPrefix("ATTENDEE") }
        #expect(attendees.count == 1 && attendees[0].hasSuffix(":mailto:radgiver.barnehage@example.no"), "\(attendees)")
    }

    /// Samarbeidsgruppe moves from the first Thursday to the first Wednesday after the 3 September
    /// invitations went out (20 August): that meeting's UID leaves the plan, so the next run sends
    /// each of the three a CANCEL of it (SEQUENCE 1), with what the outbox knows (its start) and
    /// the structure's title, and requests the 2 September meeting. Once, and never for a
    /// meeting that has started.
    @Test func aMeetingThatLeftThePlanIsCancelledWhereItWasRequested() throws {
        let (config, original) = try editableExample()
        let later = directory.appendingPathComponent("later.sqlite").path
        #expect(try remind(config, at: "2026-08-20T07:00").code == 0)
        #expect(try remind(config, at: "2026-08-20T07:00", state: later).code == 0)
        let moved = original.replacingOccurrences(
            of: "cadence = { kind = \"monthly\", nth = [1], weekday = \"torsdag\", exclude_months = [7] }",
            with: "cadence = { kind = \"monthly\", nth = [1], weekday = \"onsdag\", exclude_months = [7] }")
        #expect(moved != original)
        try moved.write(to: config, atomically: true, encoding: .utf8)
        let run = try remind(config, at: "2026-08-21T07:00")
        #expect(run.code == 0, "\(run.stderr)")
        let old = "samarbeidsgruppe-20260903@moteplan.melhus.example.no"
        let new = "samarbeidsgruppe-20260902@moteplan.melhus.example.no"
        let lines = run.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("sent: invitasjon/") }
        let cancels = lines.filter { $0.contains(old) }.sorted()
        #expect(cancels.count == 3, "\(lines)")
        for address in ["radgiver.barnehage@example.no", "radgiver.skole@example.no", "slt@example.no"] {
            #expect(cancels.contains { $0.hasPrefix("sent: invitasjon/cancel/\(old)/\(address)/1/") }, "\(cancels)")
            #expect(lines.contains { $0.hasPrefix("sent: invitasjon/request/\(new)/\(address)/0/") }, "\(lines)")
        }
        let cancel = try #require(maildir("md").first { $0.contains("X-Moteplan-Reminder: invitasjon/cancel/\(old)/slt@example.no/") })
        #expect(cancel.contains("method=CANCEL"))
        #expect(cancel.contains("Tverrfaglig samarbeidsgruppe barn og unge, torsdag 3. september 2026 klokka 09:00, er tatt ut av møteplanen og blir ikke holdt."))
        let calendar = try #require(cancel.components(separatedBy: "Content-Transfer-Encoding: base64\r\n\r\n").last)
        let decoded = String(decoding: Data(base64Encoded: calendar.components(separatedBy: "\r\n--").first?.filter { !$0.isWhitespace } ?? "") ?? Data(), as: UTF8.self)
            .replacingOccurrences(of: "\r\n ", with: "")
        for line in ["METHOD:CANCEL", "UID:\(old)", "SEQUENCE:1", "STATUS:CANCELLED", "DTSTART;TZID=Europe/Oslo:20260903T090000",
                     "SUMMARY:Tverrfaglig samarbeidsgruppe barn og unge"] {
            #expect(decoded.contains(line + "\r\n"), "\(line) in \(decoded)")
        }
        let attendees = decoded.components(separatedBy: "\r\n").filter { $0.hasPrefix("ATTENDEE") }
        #expect(attendees.count == 1 && attendees[0].hasSuffix(":mailto:slt@example.no"), "\(attendees)")
        // Sent once.
        let again = try remind(config, at: "2026-08-22T07:00")
        #expect(again.code == 0, "\(again.stderr)")
        #expect(!again.stdout.contains("invitasjon/cancel/\(old)"), "\(again.stdout)")
        // A meeting that has started as it was invited is left alone.
        let late = try remind(config, at: "2026-09-03T09:00", state: later)
        #expect(late.code == 0, "\(late.stderr)")
        #expect(!late.stdout.contains("invitasjon/cancel/\(old)"), "\(late.stdout)")
    }
}
