import Foundation
import Testing

/// `moteplan place`: solves, records as history, keeps what is recorded, replans only on request,
/// and refuses what makes no sense without touching the state.
@Suite struct PlaceCommandTests {
    /// The example (automatic lokale team and nettverk) in its own directory, optionally edited.
    func example(_ edit: (String) -> String = { $0 }) throws -> (config: String, state: String, directory: URL) {
        let directory = try CLI.temporaryDirectory()
        let text = try String(contentsOf: CLI.root.appendingPathComponent("Config/melhus.toml"), encoding: .utf8)
        let config = directory.appendingPathComponent("melhus.toml")
        try Data(edit(text).utf8).write(to: config)
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Config/templates"), to: directory.appendingPathComponent("templates"))
        return (config.path, directory.appendingPathComponent("state.sqlite").path, directory)
    }

    func place(_ setup: (config: String, state: String, directory: URL), _ extra: [String], now: String = "2026-06-01T10:00") throws -> CLI.Result {
        try CLI.run(["place", "--config", setup.config, "--state", setup.state, "--now", now] + extra)
    }

    func rows(_ state: String) throws -> [String] {
        try CLI.sqlite(state, "SELECT structure_id, instance_id, school_year, choice, decision FROM placement ORDER BY id")
            .split(separator: "\n").map(String.init)
    }

    @Test func dryRunPrintsThePlacementAndRecordsNothing() throws {
        let setup = try example()
        let result = try place(setup, ["--school-year", "2026/27", "--dry-run"])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("lokalt-team/gimse-barneskole"))
        #expect(result.stdout.contains("nettverk/melhus-vest"))
        #expect(result.stdout.contains("2026/27: 19 instances, 0 soft violations (cost 0), optimal (proven)"))
        #expect(!FileManager.default.fileExists(atPath: setup.state))
    }

    @Test func aRecordedPlacementIsPinnedAndPlacingAgainAddsNothing() throws {
        let setup = try example()
        let first = try place(setup, ["--school-year", "2026/27", "--format", "csv"])
        #expect(first.code == 0, "\(first.stderr)")
        let recorded = try rows(setup.state)
        #expect(recorded.count == 19)
        #expect(recorded.allSatisfy { $0.contains("|2026|") && $0.hasSuffix("|placed") })
        // Every CSV line's pattern is what was recorded.
        let csv = first.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(3).joined(separator: "|") }
        #expect(csv == recorded.map { row in
            let parts = row.split(separator: "|")
            return [parts[0], parts[1], parts[3]].joined(separator: "|")
        })
        // The rådgiver now wishes Thursdays: the recorded placement does not move.
        let edited = try example { $0.replacingOccurrences(of: "avoid = { weekday = [\"torsdag\"] }", with: "prefer = { weekday = [\"torsdag\"] }") }
        try FileManager.default.copyItem(atPath: setup.state, toPath: edited.state)
        let again = try place(edited, ["--school-year", "2026/27", "--format", "csv"])
        #expect(again.code == 0, "\(again.stderr)")
        #expect(again.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(3).joined(separator: "|") } == csv)
        #expect(try rows(edited.state) == recorded)
    }

    @Test func replanPrintsTheMovesAndRecordsThemOnlyWithApply() throws {
        let setup = try example()
        #expect(try place(setup, ["--school-year", "2026/27"]).code == 0)
        let recorded = try rows(setup.state)
        // Gimse barneskole's rektor can no longer at the recorded time of its local team (only
        // then: a quarter of an hour from its start, so no other meeting of the school is hit).
        let gimse = try #require(recorded.first { $0.hasPrefix("lokalt-team|gimse-barneskole|2026|") })
        let pattern = gimse.split(separator: "|")[3].split(separator: " ")  // "2.", "onsdag", "12:30"
        let (day, start) = (String(pattern[1]), String(pattern[2]))
        let until = start.replacingOccurrences(of: ":30", with: ":45")
        let edited = try example {
            $0.replacingOccurrences(of: "[[units]]\nid = \"gimse-barneskole\"\nname = \"Gimse barneskole\"\nkind = \"skole\"\nhead = \"Rektor\"\n",
                                    with: "[[units]]\nid = \"gimse-barneskole\"\nname = \"Gimse barneskole\"\nkind = \"skole\"\nhead = \"Rektor\"\nunavailable = [{ weekday = \"\(day)\", from = \"\(start)\", to = \"\(until)\" }]\n")
        }
        try FileManager.default.copyItem(atPath: setup.state, toPath: edited.state)
        // Placing keeps the pins and so cannot: the explanation names them and the way out.
        let pinned = try place(edited, ["--school-year", "2026/27", "--dry-run"])
        #expect(pinned.code == 2)
        #expect(pinned.stderr.contains("lokalt-team/gimse-barneskole is recorded at \(pattern.joined(separator: " "))"))
        #expect(pinned.stderr.contains("unavailable"))
        #expect(pinned.stderr.contains("moteplan place --replan --school-year 2026/27"))
        let replan = try place(edited, ["--school-year", "2026/27", "--replan"])
        #expect(replan.code == 0, "\(replan.stderr)")
        // Only Gimse barneskole moves (every other move costs and gains nothing), named with the
        // people it affects: the unit, PPT and helsestasjon.
        let moves = replan.stdout.split(separator: "\n").filter { $0.contains("→") }
        #expect(moves.count == 1, "\(replan.stdout)")
        #expect(moves.first?.hasPrefix("lokalt-team/gimse-barneskole") == true)
        #expect(moves.first?.contains("\(pattern.joined(separator: " ")) → ") == true)
        #expect(moves.first?.hasSuffix("3 people") == true)
        #expect(replan.stdout.contains("optimal (proven)"))
        #expect(replan.stderr.contains("add --apply"))
        #expect(try rows(edited.state) == recorded)
        let applied = try place(edited, ["--school-year", "2026/27", "--replan", "--apply"])
        #expect(applied.code == 0, "\(applied.stderr)")
        let after = try rows(edited.state)
        #expect(after.count == 19 + 1)
        #expect(after.last?.hasPrefix("lokalt-team|gimse-barneskole|2026|") == true)
        #expect(after.last?.hasSuffix("|replanned") == true)
        // The new placement holds: placing again changes nothing, and check passes.
        let again = try place(edited, ["--school-year", "2026/27"])
        #expect(again.code == 0, "\(again.stderr)")
        #expect(try rows(edited.state).count == 20)
    }

    @Test func badRequestsExitTwoAndLeaveTheStateAlone() throws {
        let setup = try example()
        let noPlacement = try place(setup, ["--school-year", "2026/27", "--replan"])
        #expect(noPlacement.code == 2)
        #expect(noPlacement.stderr.contains("has no recorded placement to replan"))
        #expect(!FileManager.default.fileExists(atPath: setup.state))
        #expect(try place(setup, ["--school-year", "2026/27"]).code == 0)
        let before = CLI.snapshot(setup.directory)
        let begun = try place(setup, ["--school-year", "2026/27", "--replan", "--apply"], now: "2026-09-01T10:00")
        #expect(begun.code == 2)
        #expect(begun.stderr.contains("has begun"))
        #expect(begun.stderr.contains("--force"))
        let outside = try place(setup, ["--school-year", "2030/31"])
        #expect(outside.code == 2)
        #expect(outside.stderr.contains("outside the horizon"))
        let applyAlone = try place(setup, ["--apply"])
        #expect(applyAlone.code == 2)
        #expect(CLI.same(before, CLI.snapshot(setup.directory)))
        let forced = try place(setup, ["--school-year", "2026/27", "--replan", "--apply", "--force"], now: "2026-09-01T10:00")
        #expect(forced.code == 0, "\(forced.stderr)")
    }

    @Test func icsPlacesWhatIsMissingAndRecordsItOnce() throws {
        let setup = try example()
        let out = setup.directory.appendingPathComponent("feeds")
        let first = try CLI.run(["ics", "--config", setup.config, "--state", setup.state, "--out", out.path, "--now", "2026-08-01T08:00"])
        #expect(first.code == 0, "\(first.stderr)")
        #expect(first.stdout.contains("placed and recorded: 38 automatic instance-year(s)"))
        #expect(try rows(setup.state).count == 38)
        let second = try CLI.run(["ics", "--config", setup.config, "--state", setup.state, "--out", out.path, "--now", "2026-08-01T08:00"])
        #expect(second.code == 0)
        #expect(!second.stdout.contains("placed and recorded"))
        #expect(second.stdout.contains("0 written"))
        // What place prints is what the feeds hold: the recorded pattern, not a new solve.
        let shown = try place(setup, ["--school-year", "2026/27", "--dry-run", "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
        let placements = document?["placements"] as? [[String: Any]] ?? []
        #expect(placements.count == 19)
        #expect(placements.allSatisfy { ($0["previous"] as? String) == ($0["pattern"] as? String) })
    }

    @Test func anImpossiblePlanIsALocatedErrorAndWritesNothing() throws {
        let setup = try example {
            $0.replacingOccurrences(of: "barnehager: tre møter samtidig.\ncapacity = 3", with: "barnehager: tre møter samtidig.\ncapacity = 1")
                .replacingOccurrences(of: "start = [\"08:30\", \"12:30\"]\nduration_minutes = 90", with: "start = [\"12:30\"]\nduration_minutes = 90")
        }
        let check = try CLI.run(["check", "--config", setup.config, "--state", setup.state])
        #expect(check.code == 2)
        let text = try String(contentsOfFile: setup.config, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let placementLine = (lines.firstIndex(of: "placement = \"auto\"") ?? -1) + 1
        #expect(check.stderr.contains("melhus.toml:\(placementLine):1: error: structures[0].placement: no placement for 2026/27"))
        #expect(check.stderr.contains("PPT (ppt) takes 1 meeting at a time"))
        #expect(check.stderr.contains("units["))
        let out = setup.directory.appendingPathComponent("feeds")
        let ics = try CLI.run(["ics", "--config", setup.config, "--state", setup.state, "--out", out.path, "--now", "2026-08-01T08:00"])
        #expect(ics.code == 2)
        #expect(!FileManager.default.fileExists(atPath: setup.state))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
