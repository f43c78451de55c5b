import Foundation
import Testing

/// A hand change that would double-book someone is refused with the resource, the time and the
/// other meeting named, unless forced; a cancelled meeting frees its people. The report lists
/// the double-bookings of its period.
struct MeetingConflictTests {
    let directory: URL
    let state: String
    static let vest = "nettverk.melhus-vest-20260916@moteplan.melhus.example.no"
    static let nedre = "nettverk.nedre-melhus-20260916@moteplan.melhus.example.no"

    init() throws {
        directory = try CLI.temporaryDirectory()
        state = directory.appendingPathComponent("state.sqlite").path
    }

    func run(_ arguments: [String], now: String = "2026-09-01", config: String = CLI.melhus) throws -> CLI.Result {
        try CLI.run(arguments + ["--config", config, "--state", state, "--now", now])
    }

    /// Melhus vest (13:00–15:30) moved onto Nedre Melhus' morning (09:30–12:00, the same hall, the
    /// same services, SLT on both agendas): the hall is needed by two meetings 09:30–12:00.
    @Test func aMoveOntoAnotherMeetingIsRefusedUnlessForced() throws {
        let refused = try run(["meeting", "move", Self.vest, "--to", "2026-09-16T09:30"])
        #expect(refused.code == 2)
        #expect(refused.stderr.contains("double-books"))
        #expect(refused.stderr.contains("kommunestyresalen (capacity 1) on 2026-09-16 09:30–12:00 with \(Self.nedre)"), "\(refused.stderr)")
        // People keep their 30 minutes after the meeting: the window runs to 12:30.
        #expect(refused.stderr.contains("nav (capacity 1) on 2026-09-16 09:30–12:30 with \(Self.nedre)"))
        #expect(refused.stderr.contains("slt-koordinator (capacity 1) on 2026-09-16 09:30–12:30"))
        #expect(refused.stderr.contains("add --force"))
        #expect(!FileManager.default.fileExists(atPath: state))
        let forced = try run(["meeting", "move", Self.vest, "--to", "2026-09-16T09:30", "--force"])
        #expect(forced.code == 0, "\(forced.stderr)")
        #expect(forced.stderr.contains("warning: double-booked: kommunestyresalen"))
        let listed = try run(["conflicts", "--resource", "kommunestyresalen", "--format", "csv"])
        #expect(listed.stdout.contains("kommunestyresalen,2026-09-16T09:30,2026-09-16T12:00,1,2,\(Self.vest) \(Self.nedre)\r\n"), "\(listed.stdout)")
    }

    @Test func aCancelledMeetingFreesItsPeopleAndRoom() throws {
        #expect(try run(["meeting", "cancel", Self.nedre, "--reason", "Sykdom"]).code == 0)
        let moved = try run(["meeting", "move", Self.vest, "--to", "2026-09-16T09:30"])
        #expect(moved.code == 0, "\(moved.stderr)")
        #expect(try run(["conflicts", "--format", "csv"]).stdout == "resource,start,end,capacity,needed,uids\r\n")
    }

    /// An extra meeting of Melhus vest at the hour of its own September meeting needs every member twice.
    @Test func anAddedMeetingOnTopOfAnotherIsRefused() throws {
        let refused = try run(["meeting", "add", "nettverk", "melhus-vest", "2026-09-16T13:00"])
        #expect(refused.code == 2)
        #expect(refused.stderr.contains("adding nettverk.melhus-vest-20260916-ekstra-1300@moteplan.melhus.example.no double-books"))
        #expect(refused.stderr.contains("eid-barnehage-og-skole (capacity 1) on 2026-09-16 13:00–16:00 with \(Self.vest)"), "\(refused.stderr)")
        #expect(try run(["meeting", "add", "nettverk", "melhus-vest", "2026-09-16T13:00", "--force"]).code == 0)
    }

    /// With Melhus sør back on the 3rd Wednesday with Melhus vest, the report of 2026/27 lists the
    /// hall twice in 2026 (16 Sep and 18 Nov, 13:00–15:30) among its double-bookings.
    @Test func theReportListsTheDoubleBookingsOfItsPeriod() throws {
        let config = directory.appendingPathComponent("melhus.toml")
        let text = try String(contentsOfFile: CLI.melhus, encoding: .utf8)
            .replacingOccurrences(of: "months = [\"september\", \"november\", \"februar\", \"april\"], nth = [4]", with: "months = [\"september\", \"november\", \"februar\", \"april\"], nth = [3]")
        try Data(text.utf8).write(to: config)
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Config/templates"), to: directory.appendingPathComponent("templates"))
        let json = try CLI.run(["report", "--school-year", "2026/27", "--format", "json", "--config", config.path, "--state", state, "--now", "2026-12-31"])
        #expect(json.code == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let conflicts = try #require(document["conflicts"] as? [[String: Any]])
        let hall = conflicts.filter { ($0["resource"] as? String) == "kommunestyresalen" }.compactMap { $0["start"] as? String }
        #expect(hall.prefix(2) == ["2026-09-16T13:00", "2026-11-18T13:00"])
        let attention = try #require(document["attention"] as? [String])
        #expect(attention.first?.hasPrefix("\(conflicts.count) dobbeltbookinger i perioden") == true)
        // The Melhus example itself has none.
        let clean = try CLI.run(["report", "--school-year", "2026/27", "--format", "json", "--config", CLI.melhus, "--state", state, "--now", "2026-12-31"])
        #expect(clean.stdout.contains("\"conflicts\" : [\n\n  ]") || clean.stdout.contains("\"conflicts\" : []"))
    }
}
