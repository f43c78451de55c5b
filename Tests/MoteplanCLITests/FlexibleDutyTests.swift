import Foundation
import Testing

/// A duty without fixed dates, stepped through a half-year on the second example
/// (Config/examples/fjordvik.toml): hjelpeteam, at least one meeting per half-year at each of
/// Fjordvik skole, Nesset skole and Fjordvik barnehage. Worked out by hand: the half-year
/// January–June 2027 ends Wednesday 30 June; the reminders go 30 days (31 May) and 7 days
/// (23 June) before, while nothing is registered; a registered meeting lasts the structure's
/// 90 minutes.
struct FlexibleDutyTests {
    let directory: URL
    let state: String
    let config = CLI.root.appendingPathComponent("Config/examples/fjordvik.toml").path

    init() throws {
        directory = try CLI.temporaryDirectory()
        state = directory.appendingPathComponent("state.sqlite").path
    }

    func run(_ arguments: [String], now: String) throws -> CLI.Result {
        try CLI.run(arguments + ["--config", config, "--state", state, "--now", now])
    }

    func mails(_ box: String) -> [String] {
        let folder = directory.appendingPathComponent(box).appendingPathComponent("new")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().compactMap {
            try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
    }

    func minstekrav(_ mails: [String]) -> [String] {
        mails.filter { $0.contains("X-Moteplan-Reminder: minstekrav/") }.compactMap { mail in
            mail.components(separatedBy: "\r\n").first { $0.hasPrefix("X-Moteplan-Reminder: ") }.map { String($0.dropFirst(21)) }
        }.sorted()
    }

    @Test func obligationReminderRegistrationAndTheReport() throws {
        // Open in May: each unit's leader owes a meeting this half-year.
        let open = try run(["obligations", "--to", "2027-06-30", "--format", "csv"], now: "2027-05-10T08:00")
        #expect(open.code == 0, "\(open.stderr)")
        let duties = open.stdout.components(separatedBy: "\r\n").filter { $0.contains(",minstekrav,") }
        #expect(duties.count == 3)
        #expect(duties.contains("2027-06-30,\"Rektor, Fjordvik skole (Eksempel: Tor Lie)\",minstekrav,hjelpeteam,fjordvik-skole,,\"Hjelpeteam: minst 1 møte dette halvåret, frist 30. juni 2027. Registrert: 0.\""))

        // 31 May: the 30-day reminder to each of the three.
        let box = "maildir:" + directory.appendingPathComponent("md").path
        #expect(try run(["remind", "--deliver", box], now: "2027-05-31T07:00").code == 0)
        #expect(minstekrav(mails("md")) == [
            "minstekrav/hjelpeteam/fjordvik-barnehage/2027-H1/30",
            "minstekrav/hjelpeteam/fjordvik-skole/2027-H1/30",
            "minstekrav/hjelpeteam/nesset-skole/2027-H1/30",
        ])
        let toRektor = try #require(mails("md").first { $0.contains("minstekrav/hjelpeteam/fjordvik-skole/") })
        #expect(toRektor.contains("To: "))
        #expect(toRektor.contains("<rektor.fjordvik@fjordvik.example.no>"))
        #expect(toRektor.contains("Hjelpeteam for Fjordvik skole skal ha minst 1 møte første halvår 2027. Fristen er 30. juni 2027, og det er registrert 0 så langt."))

        // 1 June: Fjordvik skole registers its meeting on 10 June at 14:00; it is in the feeds.
        let add = try run(["meeting", "add", "hjelpeteam", "fjordvik-skole", "2027-06-10T14:00"], now: "2027-06-01T08:00")
        #expect(add.code == 0, "\(add.stderr)")
        let out = directory.appendingPathComponent("feeds")
        #expect(try run(["ics", "--out", out.path], now: "2027-06-01T08:00").code == 0)
        let feed = try String(contentsOf: out.appendingPathComponent("hjelpeteam/fjordvik-skole.ics"), encoding: .utf8)
        #expect(feed.contains("DTSTART;TZID=Europe/Oslo:20270610T140000\r\n"))
        #expect(feed.contains("DTEND;TZID=Europe/Oslo:20270610T153000\r\n"))
        #expect(!feed.contains("Ekstra møte"))

        // Registered: no more duty or reminder for Fjordvik skole; the others still owe theirs.
        let after = try run(["obligations", "--to", "2027-06-30", "--format", "csv"], now: "2027-06-02T08:00")
        #expect(!after.stdout.contains(",minstekrav,hjelpeteam,fjordvik-skole,"))
        #expect(after.stdout.contains(",minstekrav,hjelpeteam,nesset-skole,"))
        #expect(try run(["remind", "--deliver", box], now: "2027-06-23T07:00").code == 0)
        #expect(minstekrav(mails("md")).filter { $0.hasSuffix("/7") } == [
            "minstekrav/hjelpeteam/fjordvik-barnehage/2027-H1/7",
            "minstekrav/hjelpeteam/nesset-skole/2027-H1/7",
        ])

        // The report for the school year at 1 July: both half-years ended; Fjordvik skole met
        // 2027-H1 (held 10 June) and missed 2026-H2, the others missed both.
        let report = try run(["report", "--school-year", "2026/27", "--format", "json", "--structure", "hjelpeteam"], now: "2027-07-01T08:00")
        #expect(report.code == 0, "\(report.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let instances = try #require(json["instances"] as? [[String: Any]])
        let figures = Dictionary(uniqueKeysWithValues: instances.compactMap { row -> (String, [Int])? in
            guard let id = row["instance"] as? String, let required = row["periodsRequired"] as? Int, let met = row["periodsMet"] as? Int else { return nil }
            return (id, [required, met])
        })
        #expect(figures == ["fjordvik-skole": [2, 1], "nesset-skole": [2, 0], "fjordvik-barnehage": [2, 0]])
        let missed = try #require(json["missedPeriods"] as? [[String: Any]]).compactMap { row in
            (row["instance"] as? String).map { "\($0) \(row["period"] as? String ?? "")" }
        }
        #expect(missed.sorted() == [
            "fjordvik-barnehage 2026-H2", "fjordvik-barnehage 2027-H1", "fjordvik-skole 2026-H2",
            "nesset-skole 2026-H2", "nesset-skole 2027-H1",
        ])
    }

    @Test func badAtLeastDutiesAreLocatedErrors() throws {
        let cases: [(String, String, String)] = [
            ("count = 1, per = \"half_year\"", "count = 0, per = \"half_year\"", "count = 0: at least one meeting per period"),
            ("count = 1, per = \"half_year\"", "count = 1, per = \"kvartal\"", "unknown period \"kvartal\""),
            ("duration_minutes = 90\nstart = \"14:00\"", "duration_minutes = 90\nstart = \"14:00\"\nplacement = \"auto\"", "an at_least duty has no dates to place"),
        ]
        for (old, new, expected) in cases {
            let text = try String(contentsOfFile: config, encoding: .utf8)
            #expect(text.components(separatedBy: old).count == 2, "\(old)")
            let edited = directory.appendingPathComponent("fjordvik.toml")
            try text.replacingOccurrences(of: old, with: new).write(to: edited, atomically: true, encoding: .utf8)
            let result = try CLI.run(["check", "--config", edited.path])
            #expect(result.code == 2, "\(new)")
            #expect(result.stderr.contains("fjordvik.toml:") && result.stderr.contains(expected), "\(result.stderr)")
        }
    }

    @Test func theSecondExampleChecksCleanlyOfErrorsAndPublishes() throws {
        let check = try CLI.run(["check", "--config", config])
        #expect(check.code == 0, "\(check.stderr)")
        #expect(!check.stderr.contains("error"))
        let out = directory.appendingPathComponent("feeds")
        let ics = try run(["ics", "--out", out.path], now: "2026-08-01T08:00")
        #expect(ics.code == 0, "\(ics.stderr)")
        // The biweekly ICDP group: every other Thursday from 3 September, none before; none in the
        // school holidays (1 October in Høstferie week 40, 24 December, 4 March in Vinterferie week 9).
        let plan = try run(["plan", "--structure", "foreldreveiledning", "--format", "csv", "--to", "2026-12-31"], now: "2026-08-01T08:00")
        let starts = plan.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.map { $0.components(separatedBy: ",")[4] }
        #expect(starts == ["2026-09-03T18:00", "2026-09-17T18:00", "2026-10-15T18:00", "2026-10-29T18:00", "2026-11-12T18:00", "2026-11-26T18:00", "2026-12-10T18:00"])
    }
}
