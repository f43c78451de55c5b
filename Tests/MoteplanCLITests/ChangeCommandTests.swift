import Foundation
import Testing

/// Meetings that change, and referat deliveries, through the CLI: plan, feeds and obligations follow.
struct ChangeCommandTests {
    let directory: URL
    let state: String
    let out: URL

    init() throws {
        directory = try CLI.temporaryDirectory()
        state = directory.appendingPathComponent("state.sqlite").path
        out = directory.appendingPathComponent("feeds")
    }

    let actorName = "Testperson"

    func run(_ arguments: [String], now: String = "2026-09-01T08:00") throws -> CLI.Result {
        try CLI.run(arguments + ["--config", CLI.melhus, "--state", state, "--now", now], environment: ["MOTEPLAN_ACTOR": actorName])
    }

    func feed(_ path: String) throws -> String {
        try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
    }

    func event(_ uid: String, in text: String) -> String? {
        text.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("UID:\(uid)\r\n") }
    }

    static let sept = "nettverk.melhus-vest-20260916@moteplan.melhus.example.no"
    static let nov = "nettverk.melhus-vest-20261118@moteplan.melhus.example.no"

    @Test func cancelShowsEverywhereAndMovesTheMarker() throws {
        #expect(try run(["ics", "--out", out.path]).code == 0)
        let cancel = try run(["meeting", "cancel", Self.sept, "--reason", "Få påmeldte", "--by", "Rådgiver"])
        #expect(cancel.code == 0, "\(cancel.stderr)")
        #expect(try run(["ics", "--out", out.path]).code == 0)
        let text = try feed("nettverk/melhus-vest.ics")
        let cancelled = try #require(event(Self.sept, in: text))
        #expect(cancelled.contains("STATUS:CANCELLED\r\n"))
        #expect(cancelled.contains("SEQUENCE:1\r\n"))
        #expect(cancelled.contains("DESCRIPTION:AVLYST: Få påmeldte."))
        // The SLT marker moved to the next meeting in the same half-year.
        #expect(!cancelled.contains("SLT på agendaen"))
        #expect(event(Self.nov, in: text)?.contains("SLT på agendaen") ?? false)
        #expect(event(Self.nov, in: text)?.contains("SEQUENCE:1\r\n") ?? false)
        let plan = try run(["plan", "--format", "csv", "--structure", "nettverk", "--instance", "melhus-vest", "--to", "2026-12-31"])
        #expect(plan.stdout.contains(",AVLYST (Få påmeldte)\r\n"))
        // No referat owed, no innkalling to send.
        let status = try run(["referat", "status", "--group", "melhus-vest", "--format", "csv"], now: "2026-10-01")
        #expect(!status.stdout.contains(Self.sept))
        let obligations = try run(["obligations", "--group", "melhus-vest", "--format", "csv", "--to", "2026-11-30"], now: "2026-09-01")
        #expect(!obligations.stdout.contains("2026-09-16T13:00"))
        #expect(obligations.stdout.contains("invitasjon,nettverk,melhus-vest,2026-11-18T13:00"))
        // Cancelling again changes nothing.
        let again = try run(["meeting", "cancel", Self.sept, "--reason", "x"])
        #expect(again.code == 0 && again.stdout.contains("already cancelled"))
    }

    @Test func moveKeepsTheUIDAndTheDueDateFollows() throws {
        #expect(try run(["ics", "--out", out.path]).code == 0)
        let move = try run(["meeting", "move", Self.sept, "--to", "2026-09-22T14:00", "--reason", "Kollisjon"])
        #expect(move.code == 0, "\(move.stderr)")
        #expect(try run(["ics", "--out", out.path]).code == 0)
        let moved = try #require(event(Self.sept, in: try feed("nettverk/melhus-vest.ics")))
        #expect(moved.contains("DTSTART;TZID=Europe/Oslo:20260922T140000\r\n"))
        #expect(moved.contains("DTEND;TZID=Europe/Oslo:20260922T163000\r\n"))  // the length (2h30) stays
        #expect(moved.contains("SEQUENCE:1\r\n"))
        // Due: 22 Sep + 14 = 6 Oct, but the 1 Oct agenda closes 24 Sep → 24 Sep.
        let status = try run(["referat", "status", "--group", "melhus-vest", "--format", "csv"], now: "2026-09-23")
        #expect(status.stdout.contains("\(Self.sept),nettverk,melhus-vest,2026-09-22T14:00,2026-09-24,due by 2026-09-24,,,\r\n"))
    }

    @Test func addedMeetingHasItsOwnUID() throws {
        #expect(try run(["ics", "--out", out.path]).code == 0)
        let add = try run(["meeting", "add", "nettverk", "melhus-vest", "2026-10-14T13:00", "--title", "Ekstra om skolemiljø"])
        #expect(add.code == 0, "\(add.stderr)")
        let uid = "nettverk.melhus-vest-20261014-ekstra-1300@moteplan.melhus.example.no"
        #expect(add.stdout.contains(uid))
        let ics = try run(["ics", "--out", out.path])
        #expect(ics.stdout.contains("1 events revised"))
        let added = try #require(event(uid, in: try feed("nettverk/melhus-vest.ics")))
        #expect(added.contains("SUMMARY:Tverrfaglig nettverk – Melhus vest: Ekstra om skolemiljø\r\n"))
        #expect(added.contains("DTEND;TZID=Europe/Oslo:20261014T153000\r\n"))
        let duplicate = try run(["meeting", "add", "nettverk", "melhus-vest", "2026-10-14T13:00"])
        #expect(duplicate.code == 2)
    }

    @Test func referatRecordIsIdempotentNeedsForceToChangeAndIsAudited() throws {
        let first = try run(["referat", "record", "nettverk", "melhus-vest", "2026-09-16", "--ref", "P360-2026/1234", "--delivered", "2026-09-20"], now: "2026-09-21")
        #expect(first.code == 0, "\(first.stderr)")
        #expect(first.stdout.contains("delivered 2026-09-20 on time (due 2026-09-24)"))
        let same = try run(["referat", "record", Self.sept, "--ref", "P360-2026/1234", "--delivered", "2026-09-20"], now: "2026-09-22")
        #expect(same.code == 0 && same.stdout.contains("nothing changed"))
        let different = try run(["referat", "record", Self.sept, "--ref", "P360-2026/9999", "--delivered", "2026-09-20"], now: "2026-09-22")
        #expect(different.code == 2)
        #expect(different.stderr.contains("add --force"))
        let forced = try run(["referat", "record", Self.sept, "--ref", "P360-2026/9999", "--delivered", "2026-09-20", "--force", "--actor", "Kari"], now: "2026-09-22")
        #expect(forced.code == 0)
        let undo = try run(["referat", "undo", Self.sept, "--reason", "Feil møte", "--actor", "Kari"], now: "2026-09-23")
        #expect(undo.code == 0)
        let status = try run(["referat", "status", "--group", "melhus-vest", "--format", "csv"], now: "2026-09-25")
        #expect(status.stdout.contains("\(Self.sept),nettverk,melhus-vest,2026-09-16T13:00,2026-09-24,overdue by 1 day,,,\r\n"))
        // Each step is logged with what it replaced: delivered|by|ref.
        let audit = try sqlite("SELECT action, reference, previous, reason, actor FROM referat_audit ORDER BY id")
        let previous = "2026-09-20|Enhetsleder, Eid barnehage og skole (Eksempel: Liv Dahl)"
        #expect(audit == """
            record|P360-2026/1234|None|None|\(actorName)
            change|P360-2026/9999|\(previous)|P360-2026/1234|None|Kari
            undo|None|\(previous)|P360-2026/9999|Feil møte|Kari

            """)
    }

    @Test(arguments: [
        (["meeting", "cancel", "nettverk.melhus-vest-20260917@moteplan.melhus.example.no", "--reason", "x"], "unknown meeting UID"),
        (["meeting", "move", "nettverk.melhus-vest-20260916@moteplan.melhus.example.no", "--to", "2029-01-10T13:00"], "outside the plan's horizon"),
        (["meeting", "move", "nettverk.melhus-vest-20260916@moteplan.melhus.example.no", "--to", "2026-10-07"], "not a local date and time"),
        (["meeting", "move", "nettverk.melhus-vest-20260916@moteplan.melhus.example.no", "--to", "2026-10-06T13:00"], "is not a working day for nettverk (Høstferie); add --force"),
        (["meeting", "move", "nettverk.melhus-vest-20260916@moteplan.melhus.example.no", "--to", "2026-12-25T13:00"], "(Første juledag); add --force"),
        (["meeting", "add", "nettverkk", "melhus-vest", "2026-10-14T13:00"], "unknown structure \"nettverkk\". Did you mean \"nettverk\"?"),
        (["meeting", "add", "nettverk", "melhus-nord", "2026-10-14T13:00"], "unknown instance \"melhus-nord\" of nettverk"),
        (["referat", "record", "nettverk.melhus-vest-20261118@moteplan.melhus.example.no"], "not yet held"),
        (["referat", "record", "samarbeidsgruppe-20260806@moteplan.melhus.example.no"], "owe no referat"),
        (["referat", "record", "nettverk", "melhus-vest", "2026-09-17"], "no meeting of nettverk/melhus-vest on 2026-09-17"),
        (["referat", "record", "nettverk.melhus-vest-20260916@moteplan.melhus.example.no", "--delivered", "2026-09-10"], "is before the meeting"),
        (["referat", "record", "nettverk.melhus-vest-20260916@moteplan.melhus.example.no", "--delivered", "2026-10-30"], "is in the future"),
        (["referat", "record", "nettverk.melhus-vest-20260916@moteplan.melhus.example.no", "--ref", "Referat:\nSak 1: …"], "contains the control character U+000A"),
        (["referat", "record", "nettverk.melhus-vest-20260916@moteplan.melhus.example.no", "--by", "Kari\nSak 1: …"], "contains the control character U+000A"),
        (["referat", "undo", "nettverk.melhus-vest-20260916@moteplan.melhus.example.no"], "no referat is recorded"),
        (["referat", "status", "--group", "melhus-nord"], "unknown group"),
        (["obligations", "--leader", "rektor"], "unknown leader \"rektor\""),
        (["obligations", "--leader", "leder-ffm", "--group", "melhus-vest"], "at most one of"),
        (["agenda", "samarbeidsgruppe", "--date", "2026-10-02"], "has no meeting on 2026-10-02"),
        (["agenda", "samarbeidsgruppe", "--date", "2030-10-02"], "outside the plan's horizon"),
    ])
    func badInputExitsTwoAndChangesNothing(arguments: [String], message: String) throws {
        let result = try run(arguments, now: "2026-10-01T12:00")
        #expect(result.code == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: state))
    }

    @Test func referatForACancelledMeetingIsRefused() throws {
        #expect(try run(["meeting", "cancel", Self.sept, "--reason", "x"]).code == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: state))
        let result = try run(["referat", "record", Self.sept], now: "2026-09-20")
        #expect(result.code == 2)
        #expect(result.stderr.contains("was cancelled; a cancelled meeting owes no referat"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: state)) == before)
    }

    @Test func movingOntoAHolidayIsAllowedWithForce() throws {
        let result = try run(["meeting", "move", Self.sept, "--to", "2026-10-06T13:00", "--force"])
        #expect(result.code == 0)
        #expect(result.stderr.contains("warning: 2026-10-06 is not a working day for nettverk (Høstferie)."))
        let plan = try run(["plan", "--format", "csv", "--structure", "nettverk", "--instance", "melhus-vest", "--to", "2026-10-31"])
        #expect(plan.stdout.contains("\(Self.sept),nettverk,melhus-vest,Tverrfaglig nettverk – Melhus vest,2026-10-06T13:00,2026-10-06T15:30"))
    }

    @Test func agendaRendersTheNextMeeting() throws {
        #expect(try run(["referat", "record", Self.sept, "--ref", "arkiv/42", "--delivered", "2026-09-18"], now: "2026-09-18").code == 0)
        let agenda = try run(["agenda", "samarbeidsgruppe", "--format", "markdown"], now: "2026-09-20")
        #expect(agenda.code == 0)
        #expect(agenda.stdout.hasPrefix("# Sakliste – Tverrfaglig samarbeidsgruppe barn og unge, torsdag 1. oktober 2026"))
        #expect(agenda.stdout.contains("Tverrfaglig nettverk – Melhus vest, 16. september 2026: mottatt 18. september 2026 – ref. arkiv/42"))
    }

    func sqlite(_ query: String) throws -> String { try CLI.sqlite(state, query) }
}
