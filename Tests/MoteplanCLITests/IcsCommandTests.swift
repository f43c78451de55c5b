import Foundation
import Testing

/// `moteplan ics`: atomic, deterministic, and untouched output on bad input.
struct IcsCommandTests {
    /// `moteplan ics` with a state file in `directory` and a fixed --now.
    func ics(config: String = CLI.melhus, out: URL, state directory: URL, extra: [String] = []) throws -> CLI.Result {
        try CLI.run(["ics", "--config", config, "--out", out.path, "--state", directory.appendingPathComponent("state.sqlite").path, "--now", "2026-08-01T08:00"] + extra)
    }

    @Test func writesEveryFeedAndIsByteIdenticalOnRerun() throws {
        let directory = try CLI.temporaryDirectory()
        let out = directory.appendingPathComponent("feeds")
        let first = try ics(out: out, state: directory)
        #expect(first.code == 0, "\(first.stderr)")
        let files = CLI.snapshot(out).keys.filter { $0.hasSuffix(".ics") }.sorted()
        // alle + 6 structures + 16 local teams + 3 networks (drøfting, samarbeidsgruppe, SLT and
        // fagdag have one instance: their structure feed only) = 26, and a personal feed for each
        // of the 14 roles, 24 units and 3 locations = 41: 67.
        #expect(files.count == 67)
        #expect(!files.contains("/drofting/drofting.ics"))
        #expect(files.contains("/for/ppt.ics"))
        #expect(files.contains("/alle.ics"))
        #expect(files.contains("/nettverk/melhus-sor.ics"))
        #expect(files.contains("/lokalt-team/oya-ungdomsskole.ics"))
        let before = CLI.snapshot(out)
        let second = try ics(out: out, state: directory)
        #expect(second.code == 0)
        #expect(second.stdout.contains("0 written, 67 unchanged; 0 events revised"))
        #expect(CLI.same(before, CLI.snapshot(out)))
        // A second, separate directory and state, at the same --now, gets the same bytes.
        let other = try CLI.temporaryDirectory()
        _ = try ics(out: other, state: other)
        for file in files {
            #expect(FileManager.default.contents(atPath: out.path + file) == FileManager.default.contents(atPath: other.path + file))
        }
    }

    @Test func feedsOfVanishedInstancesAreRemovedAndOtherFilesKept() throws {
        let directory = try CLI.temporaryDirectory()
        let out = directory.appendingPathComponent("feeds")
        #expect(try ics(out: out, state: directory).code == 0)
        let mine = out.appendingPathComponent("README.txt")
        try Data("not a feed".utf8).write(to: mine)
        // Melhus vest leaves the networks; the fagdag structure is removed.
        var text = try String(contentsOfFile: CLI.melhus, encoding: .utf8)
        text = text.replacingOccurrences(of: "per = \"group\"\n", with: "per = \"group\"\ngroups = [\"nedre-melhus\", \"melhus-sor\"]\n")
        let fagdag = try #require(text.range(of: "# Tverrfaglig fagdag"))
        text = String(text[..<fagdag.lowerBound])
        let edited = directory.appendingPathComponent("edited.toml")
        try Data(text.utf8).write(to: edited)
        let result = try ics(config: edited.path, out: out, state: directory)
        #expect(result.code == 0, "\(result.stderr)")
        let fm = FileManager.default
        #expect(!fm.fileExists(atPath: out.appendingPathComponent("nettverk/melhus-vest.ics").path))
        #expect(fm.fileExists(atPath: out.appendingPathComponent("nettverk/melhus-sor.ics").path))
        #expect(!fm.fileExists(atPath: out.appendingPathComponent("fagdag.ics").path))
        #expect(!fm.fileExists(atPath: out.appendingPathComponent("fagdag").path))
        #expect(fm.fileExists(atPath: mine.path))
        // nettverk/melhus-vest.ics and fagdag.ics (fagdag had no instance feed of its own).
        #expect(result.stdout.contains("2 removed"))
    }

    /// Each bad input of the core issue, through the CLI: exit 2, a located message, and the
    /// previous feeds untouched.
    @Test(arguments: [
        ("name = \"Melhus kommune\"", "name = \"Melhus kommune", ":18:"),
        ("refresh_hours = 12", "refresh_hour = 12", "unknown key \"refresh_hour\". Did you mean \"refresh_hours\"?"),
        ("leader = \"leder-drofting\"", "leader = \"leder-drofing\"", "unknown role or unit \"leder-drofing\""),
        ("start = \"12:30\"\nend = \"14:00\"\nleader = \"unit-head\"", "start = \"25:00\"\nend = \"14:00\"\nleader = \"unit-head\"", "\"25:00\" is not a time of day"),
        ("start = \"10:00\"\nend = \"12:00\"", "start = \"10:00\"\nend = \"09:00\"", "before it starts"),
        ("kind = \"weeks\"", "kind = \"fortnightly\"", "unknown cadence \"fortnightly\""),
        ("weekday = \"tirsdag\", exclude_months = [7, 8] }\nstart = \"12:30\"\nend = \"14:00\"\nleader", "weekday = \"tuesdy\", exclude_months = [7, 8] }\nstart = \"12:30\"\nend = \"14:00\"\nleader", "unknown weekday \"tuesdy\". Did you mean \"tuesday\"?"),
        ("from = 2026-12-21, to = 2027-01-01", "from = 2027-01-01, to = 2026-12-21", "swap from and to"),
        ("from = 2027-03-22, to = 2027-03-29", "from = 2027-02-20, to = 2027-03-29", "overlaps Påskeferie (2027-02-20–2027-03-29); holidays must not overlap"),
        ("time_zone = \"Europe/Oslo\"", "time_zone = \"Europe/Olso\"", "unknown time zone \"Europe/Olso\""),
        ("id = \"nav\"", "id = \"ppt\"", "duplicate id \"ppt\""),
    ])
    func badInputExitsTwoLocatedAndChangesNothing(old: String, new: String, expected: String) throws {
        let directory = try CLI.temporaryDirectory()
        let out = directory.appendingPathComponent("feeds")
        #expect(try ics(out: out, state: directory).code == 0)
        let before = CLI.snapshot(directory)
        let text = try String(contentsOfFile: CLI.melhus, encoding: .utf8)
        #expect(text.components(separatedBy: old).count == 2, "fixture not unique: \(old)")
        let bad = directory.appendingPathComponent("bad.toml")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: bad)
        let state = directory.appendingPathComponent("state.sqlite").path
        for command in [["ics", "--out", out.path], ["check"], ["plan"], ["leaders"]] {
            let result = try CLI.run(command + ["--config", bad.path, "--state", state])
            #expect(result.code == 2, "\(command): \(result.stderr)")
            #expect(result.stderr.contains(expected), "\(result.stderr)")
            // file:line:col: error: …
            let located = result.stderr.split(separator: "\n").contains {
                $0.hasPrefix(bad.path + ":") && $0.contains(": error: ")
                    && $0.dropFirst(bad.path.count + 1).prefix(while: { $0 != " " }).filter({ $0 == ":" }).count >= 2
            }
            #expect(located, "\(result.stderr)")
        }
        // Neither the feeds nor the state file changed.
        #expect(CLI.same(before.filter { !$0.key.hasPrefix("/bad.toml") }, CLI.snapshot(directory).filter { !$0.key.hasPrefix("/bad.toml") }))
    }

    @Test func unwritableOutputFailsWithExitOne() throws {
        let directory = try CLI.temporaryDirectory()
        let blocker = directory.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let result = try ics(out: blocker.appendingPathComponent("feeds"), state: directory)
        #expect(result.code == 1)
        #expect(result.stderr.hasPrefix("moteplan: error: cannot write"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
