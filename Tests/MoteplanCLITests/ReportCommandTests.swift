import Foundation
import Testing

/// `moteplan report` on a scripted school year: the figures are worked out by hand below.
struct ReportCommandTests {
    let directory: URL
    let state: String
    let config: String

    init() throws {
        directory = try CLI.temporaryDirectory()
        state = directory.appendingPathComponent("state.sqlite").path
        config = try CLI.melhusNetworksTogether()
    }

    func run(_ arguments: [String], now: String) throws -> CLI.Result {
        let result = try CLI.run(arguments + ["--config", config, "--state", state, "--now", now])
        #expect(result.code == 0, "\(arguments): \(result.stderr)")
        return result
    }

    func uid(_ group: String, _ day: String) -> String { "nettverk.\(group)-\(day)@moteplan.melhus.example.no" }

    /// The networks of 2026/27 meet 16 Sep, 18 Nov, 17 Feb and 21 Apr. The script:
    /// - Melhus vest's 18 Nov meeting is cancelled; Nedre Melhus' 17 Feb meeting moves to 3 Mar;
    ///   Melhus sør adds a meeting on 10 Mar.
    /// - Referat (due dates: 24 Sep, 26 Nov, 30 Apr; 25 Feb is in the vinterferie and 24 Mar in the
    ///   påskeferie of these school-calendar networks, so they move back to Fri 19 Feb and Fri 19 Mar
    ///   (WorkingDayRule); the moved meeting's 17 Mar):
    ///   Nedre Melhus: 20 Sep, 25 Nov, 27 Mar (10 days late), 28 Apr → 3 on time, 1 late.
    ///   Melhus sør: 26 Sep (2 late), 1 Dec (5 late), Feb missing, extra 20 Mar (1 late), Apr missing → 3 late, 2 missing.
    ///   Melhus vest: 24 Sep, (18 Nov cancelled), 20 Feb (1 late), Apr missing → 1 on time, 1 late, 1 missing.
    func script() throws {
        _ = try run(["meeting", "cancel", uid("melhus-vest", "20261118"), "--reason", "Sykdom"], now: "2026-11-10")
        _ = try run(["meeting", "move", uid("nedre-melhus", "20270217"), "--to", "2027-03-03T13:00"], now: "2027-02-01")
        _ = try run(["meeting", "add", "nettverk", "melhus-sor", "2027-03-10T13:00"], now: "2027-03-01")
        let deliveries = [
            (uid("nedre-melhus", "20260916"), "2026-09-20"), (uid("nedre-melhus", "20261118"), "2026-11-25"),
            (uid("nedre-melhus", "20270217"), "2027-03-27"), (uid("nedre-melhus", "20270421"), "2027-04-28"),
            (uid("melhus-sor", "20260916"), "2026-09-26"), (uid("melhus-sor", "20261118"), "2026-12-01"),
            ("nettverk.melhus-sor-20270310-ekstra-1300@moteplan.melhus.example.no", "2027-03-20"),
            (uid("melhus-vest", "20260916"), "2026-09-24"), (uid("melhus-vest", "20270217"), "2027-02-20"),
        ]
        for (meeting, day) in deliveries {
            _ = try run(["referat", "record", meeting, "--delivered", day, "--ref", "arkiv"], now: day + "T18:00")
        }
    }

    @Test func scriptedSchoolYearGivesTheFiguresWorkedOutByHand() throws {
        try script()
        let csv = try run(["report", "--school-year", "2026/27", "--structure", "nettverk", "--format", "csv"], now: "2027-07-31")
        // planned,held,cancelled,moved,added,upcoming | periods required,met | referat expected,on time,late,missing,pending,median late | markers required,met
        // Periods are the planned months (Sep, Nov, Feb, Apr): Nedre Melhus held none in February (moved to March),
        // Melhus vest none in November (cancelled). Markers: SLT autumn 2026 and spring 2027, and the children and
        // parents' meeting of the school year (the last one, 21 Apr) — all carried by held meetings.
        // Median days late: Nedre Melhus 10; Melhus sør (1, 2, 5) → 2; Melhus vest 1; all networks (1, 1, 2, 5, 10) → 2.
        #expect(csv.stdout == """
            structure,instance,planned,held,cancelled,moved,added,upcoming,periods_required,periods_met,referat_expected,referat_on_time,referat_late,referat_missing,referat_pending,referat_median_days_late,markers_required,markers_met\r
            nettverk,nedre-melhus,4,4,0,1,0,0,4,3,4,3,1,0,0,10,3,3\r
            nettverk,melhus-sor,4,5,0,0,1,0,4,4,5,0,3,2,0,2,3,3\r
            nettverk,melhus-vest,4,3,1,0,0,0,4,3,3,1,1,1,0,1,3,3\r
            nettverk,*,12,12,1,1,1,0,12,10,12,4,5,3,0,2,9,9\r
            *,*,12,12,1,1,1,0,12,10,12,4,5,3,0,2,9,9\r

            """)
        let text = try run(["report", "--school-year", "2026/27", "--structure", "nettverk"], now: "2027-07-31")
        #expect(text.stdout.contains("- Tverrfaglig nettverk Melhus vest: 1 av 3 referat mangler"))
        #expect(text.stdout.contains("- Tverrfaglig nettverk Melhus sør: 2 av 5 referat mangler"))
        #expect(text.stdout.contains("- Tverrfaglig nettverk Nedre Melhus: møtet ble ikke holdt i 1 av 4 perioder"))
        let json = try run(["report", "--school-year", "2026/27", "--structure", "nettverk", "--format", "json"], now: "2027-07-31")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let cancellations = try #require(document["cancellations"] as? [[String: String]])
        #expect(cancellations == [["structure": "nettverk", "instance": "melhus-vest", "meeting": "2026-11-18T13:00", "reason": "Sykdom"]])
        #expect((document["missedPeriods"] as? [[String: String]])?.map { $0["period"] ?? "" } == ["2027-02", "2026-11"])
    }

    @Test func onlyThePastCounts() throws {
        // In mid-December only the autumn has happened: February and April are upcoming, not missed;
        // the SLT item of the autumn (16 Sep) is met although the half-year has not ended; the
        // school year's children-and-parents meeting (21 Apr) is neither met nor missed yet.
        let csv = try run(["report", "--school-year", "2026/27", "--structure", "nettverk", "--format", "csv"], now: "2026-12-15")
        #expect(csv.stdout.contains("\r\nnettverk,melhus-vest,4,2,0,0,0,2,2,2,2,0,0,2,0,0,1,1\r\n"))
    }

    @Test func htmlIsOneSelfContainedFileWithCharts() throws {
        try script()
        let html = try run(["report", "--school-year", "2026/27", "--format", "html"], now: "2027-07-31").stdout
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nb\">"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 3)  // two charts and the årshjul
        // The årshjul's text alternative under it: the held meetings per month as a table. Its
        // total for the networks is the report's own count of held network meetings (another path).
        let wheelTable = try #require(html.components(separatedBy: "<caption>Årshjul 2026/27 som tabell: møter per måned</caption>").last)
        let csv = try run(["report", "--school-year", "2026/27", "--format", "csv"], now: "2027-07-31").stdout
        let structureRow = try #require(csv.components(separatedBy: "\r\n").first { $0.hasPrefix("nettverk,*,") })
        let held = structureRow.split(separator: ",")[3]
        let networkRow = try #require(wheelTable.components(separatedBy: "</tr>").first { $0.contains(">Tverrfaglig nettverk<") })
        #expect(networkRow.hasSuffix("<td>\(held)</td>"), "\(networkRow) vs held \(held)")
        #expect(html.contains("Planlagt, holdt og avlyst per struktur"))
        #expect(html.contains("@page { size: A4 landscape"))
        // The pages' shared rules (long words broken, focus visible) in its head, before its own.
        let head = try #require(html.components(separatedBy: "</head>").first)
        #expect(head.contains("<style>\n:focus-visible, input:focus-within { outline: 3px solid #1b6ca8; outline-offset: 2px; }"))
        #expect(head.contains("body { overflow-wrap: break-word; }"))
    }

    @Test func schoolYearWithADashAsInTheServersURLs() throws {
        let slash = try run(["report", "--school-year", "2026/27", "--format", "csv"], now: "2027-08-01")
        let dash = try run(["report", "--school-year", "2026-27", "--format", "csv"], now: "2027-08-01")
        #expect(!slash.stdout.isEmpty)
        #expect(dash.stdout == slash.stdout)
    }

    @Test(arguments: [
        (["report", "--school-year", "2026/28"], "\"2026/28\" is not a school year; write it as 2026/27"),
        (["report", "--school-year", "2030/31"], "is outside the plan's horizon"),
        (["report", "--from", "2025-01-01", "--to", "2026-12-31"], "is outside the plan's horizon"),
        (["report", "--structure", "nettverkk"], "unknown structure \"nettverkk\". Did you mean \"nettverk\"?"),
    ])
    func badInputExitsTwoAndWritesNothing(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments + ["--config", CLI.melhus, "--state", state, "--now", "2027-01-01"])
        #expect(result.code == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: state))
    }
}
