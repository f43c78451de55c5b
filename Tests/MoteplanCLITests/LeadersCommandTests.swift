import Foundation
import Testing

/// `moteplan leaders`, history in the state file, and the state file's failure modes.
struct LeadersCommandTests {
    let directory: URL
    let state: String

    init() throws {
        directory = try CLI.temporaryDirectory()
        state = directory.appendingPathComponent("state.sqlite").path
    }

    func run(_ arguments: [String], now: String = "2026-11-22") throws -> CLI.Result {
        try CLI.run(arguments + ["--config", CLI.melhus, "--state", state, "--now", now])
    }

    @Test func listingMarksRecordedProjectedAndOverride() throws {
        let before = try run(["leaders", "--format", "csv", "--group", "melhus-vest", "--terms", "2"])
        #expect(before.code == 0)
        #expect(!FileManager.default.fileExists(atPath: state), "a read-only command created the state file")
        #expect(before.stdout == """
            group,term,start,end,leader,status\r
            melhus-vest,2026/27,2026-08-01,2027-07-31,eid-barnehage-og-skole,projected\r
            melhus-vest,2027/28,2027-08-01,2028-07-31,gasbakken-barnehage-og-skole,projected\r
            melhus-vest,2028/29,2028-08-01,2029-07-31,eid-barnehage-og-skole,projected\r

            """)
        let set = try run(["leaders", "set", "melhus-vest", "2027/28", "eid-barnehage-og-skole", "--reason", "Ny rektor på Gåsbakken", "--by", "Rådgiver"])
        #expect(set.code == 0, "\(set.stderr)")
        let after = try run(["leaders", "--format", "csv", "--group", "melhus-vest", "--terms", "2"])
        #expect(after.stdout.contains("melhus-vest,2026/27,2026-08-01,2027-07-31,eid-barnehage-og-skole,recorded\r\n"))
        #expect(after.stdout.contains("melhus-vest,2027/28,2027-08-01,2028-07-31,eid-barnehage-og-skole,override\r\n"))
        #expect(after.stdout.contains("melhus-vest,2028/29,2028-08-01,2029-07-31,gasbakken-barnehage-og-skole,projected\r\n"))
        // The meetings follow: in 2027/28 Eid still leads Melhus vest.
        let plan = try run(["plan", "--structure", "nettverk", "--instance", "melhus-vest", "--format", "csv", "--from", "2027-08-01"])
        #expect(plan.stdout.split(separator: "\r\n").dropFirst().allSatisfy { $0.contains("Eid barnehage og skole") })
    }

    @Test func handoverShowsInThePlan() throws {
        let plan = try run(["plan", "--structure", "nettverk", "--instance", "nedre-melhus", "--format", "csv"])
        let lines = plan.stdout.split(separator: "\r\n")
        let handover = lines.filter { $0.contains("Lederskifte") }
        #expect(handover.count == 1)
        #expect(handover.first?.hasPrefix("nettverk.nedre-melhus-20270915@") ?? false)
        #expect(handover.first?.contains("Lederskifte 2027/28: Rektor, Gimse barneskole overtar etter Rektor, Gimse ungdomsskole (Eksempel: Per Hansen)") ?? false)
    }

    @Test func changingTheCurrentTermNeedsForceAndIsLogged() throws {
        let refused = try run(["leaders", "set", "melhus-vest", "2026/27", "gasbakken-barnehage-og-skole", "--reason", "Sykdom"])
        #expect(refused.code == 2)
        #expect(refused.stderr.contains("has begun; its leader is history. Add --force"))
        #expect(!FileManager.default.fileExists(atPath: state))
        let forced = try run(["leaders", "set", "melhus-vest", "2026/27", "gasbakken-barnehage-og-skole", "--reason", "Sykdom", "--force", "--by", "Kari"])
        #expect(forced.code == 0)
        #expect(forced.stdout.contains("melhus-vest 2026/27: eid-barnehage-og-skole → gasbakken-barnehage-og-skole (override by Kari: Sykdom)"))
        let audit = try sqlite("SELECT group_id, term_start_year, old_leader_id, new_leader_id, forced, reason, actor FROM rotation_audit")
        #expect(audit == "melhus-vest|2026|eid-barnehage-og-skole|gasbakken-barnehage-og-skole|1|Sykdom|Kari\n")
    }

    @Test(arguments: [
        (["leaders", "--group", "melhus-nord"], "unknown group \"melhus-nord\""),
        (["leaders", "set", "melhus-nord", "2027/28", "eid-barnehage-og-skole", "--reason", "x"], "unknown group \"melhus-nord\""),
        (["leaders", "set", "melhus-vest", "2027/29", "eid-barnehage-og-skole", "--reason", "x"], "\"2027/29\" is not a term of melhus-vest"),
        (["leaders", "set", "melhus-vest", "2025/26", "eid-barnehage-og-skole", "--reason", "x"], "is before melhus-vest's first term 2026/27"),
        (["leaders", "set", "melhus-vest", "2027/28", "eid-barnehage", "--reason", "x"], "unknown leader \"eid-barnehage\": not defined: add it under [[roles]] or [[units]]"),
        (["leaders", "set", "melhus-vest", "2027/28", "ola-nordmann", "--reason", "x"], "not defined: add it under [[roles]] or [[units]]"),
        (["leaders", "set", "melhus-vest", "2027/28", "eid-barnehage-og-skole", "--reason", " "], "--reason must not be empty"),
    ])
    func badLeaderInputExitsTwoAndChangesNothing(arguments: [String], message: String) throws {
        let result = try run(arguments)
        #expect(result.code == 2, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: state))
    }

    @Test func corruptStateFileFailsAndLeavesFeedsAndFileAlone() throws {
        let out = directory.appendingPathComponent("feeds")
        #expect(try run(["ics", "--out", out.path]).code == 0)
        let feeds = CLI.snapshot(out)
        let garbage = Data(repeating: 0x41, count: 4096)
        try FileManager.default.removeItem(atPath: state)
        try garbage.write(to: URL(fileURLWithPath: state))
        for command in [["ics", "--out", out.path], ["leaders"], ["plan"], ["leaders", "set", "melhus-vest", "2027/28", "eid-barnehage-og-skole", "--reason", "x"]] {
            let result = try run(command)
            #expect(result.code == 1, "\(command)")
            #expect(result.stderr.contains("is not a moteplan state database or is damaged"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: state)) == garbage)
        #expect(CLI.same(feeds, CLI.snapshot(out)))
    }

    @Test func unwritableStateLeavesFeedsAlone() throws {
        let out = directory.appendingPathComponent("feeds")
        #expect(try run(["ics", "--out", out.path]).code == 0)
        let feeds = CLI.snapshot(out)
        let blocker = directory.appendingPathComponent("blocker")
        try Data("x".utf8).write(to: blocker)
        let result = try CLI.run(["ics", "--config", CLI.melhus, "--out", out.path, "--state", blocker.appendingPathComponent("s.sqlite").path, "--now", "2027-01-01"])
        #expect(result.code == 1)
        #expect(result.stderr.hasPrefix("moteplan: error: cannot write state file"))
        #expect(CLI.same(feeds, CLI.snapshot(out)))
    }

    @Test func concurrentRunsBothSucceedAndNeverDoubleASequence() throws {
        // Two configs that differ in one structure's time; each round flips between them, and two
        // processes publish the same flip at once. SEQUENCE must grow by exactly one per flip.
        let other = directory.appendingPathComponent("other.toml")
        let text = try String(contentsOfFile: CLI.melhus, encoding: .utf8)
            .replacingOccurrences(of: "start = \"09:00\"\nend = \"11:30\"", with: "start = \"09:30\"\nend = \"11:30\"")
        try Data(text.utf8).write(to: other)
        let out = directory.appendingPathComponent("feeds")
        for round in 0..<6 {
            let config = round % 2 == 0 ? CLI.melhus : other.path
            let arguments = ["ics", "--config", config, "--out", out.path, "--state", state, "--now", "2026-09-\(10 + round)T08:00"]
            let processes = try (0..<2).map { _ in try CLI.start(arguments) }
            for process in processes {
                process.waitUntilExit()
                #expect(process.terminationStatus == 0)
            }
            let sequence = try sqlite("SELECT sequence FROM published_revision WHERE uid LIKE 'samarbeidsgruppe-20270107@%'")
            #expect(sequence == "\(round)\n", "round \(round)")
            let feed = try String(contentsOf: out.appendingPathComponent("samarbeidsgruppe.ics"), encoding: .utf8)
            #expect(round == 0 ? !feed.contains("SEQUENCE:") : feed.contains("SEQUENCE:\(round)\r\n"))
        }
        // One revision per Melhus meeting over 2026/27 and 2027/28, counted from Config/melhus.toml:
        //   lokalt-team       16 schools and kindergartens × 10 (2nd Tuesday, September–June: August's
        //                     is before the first school day, July is the summer holiday) × 2 = 320
        //   drofting          every other Thursday from 2026-08-06, July excluded: 24 × 2      =  48
        //   nettverk          3 groups × 4 (September, November, February, April) × 2         =  24
        //   samarbeidsgruppe  first Thursday, July excluded: 11 × 2                          =  22
        //   slt-styringsgruppe  weeks 11 and 43: 2 × 2                                       =   4
        //   fagdag            2 dates × 2 slots                                                =   4
        //                                                                                     = 422
        #expect(try sqlite("SELECT count(*) FROM published_revision") == "422\n")
        #expect(try sqlite("PRAGMA integrity_check") == "ok\n")
    }

    func sqlite(_ query: String) throws -> String { try CLI.sqlite(state, query) }
}
