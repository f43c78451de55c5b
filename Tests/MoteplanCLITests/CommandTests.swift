import Foundation
import Testing

/// The commands as a rådgiver runs them: exit codes, output, and files.
struct CommandTests {
    @Test func checkSummarisesEachStructure() throws {
        let result = try CLI.run(["check", "--config", CLI.melhus])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("6 structures, 23 instances"))
        let row = result.stdout.split(separator: "\n").first { $0.hasPrefix("nettverk ") }
        // 3 networks × 4 meetings in each school year; the last is Melhus sør's on the 4th
        // Wednesday of April 2028 (Wednesdays 5, 12, 19, 26).
        #expect(row?.split(separator: " ").map(String.init) == ["nettverk", "3", "12", "12", "2026-09-16", "2028-04-26"])
        // Warnings are located and name what happened.
        #expect(result.stderr.contains("melhus-fixed.toml:"))
        #expect(result.stderr.contains("warning: structures[3].cadence: samarbeidsgruppe: meeting on 2027-05-06 (Kristi himmelfartsdag) moved to 2027-05-07."))
    }

    @Test func initWritesAStartingConfigAndRefusesToOverwrite() throws {
        let directory = try CLI.temporaryDirectory()
        let first = try CLI.run(["init"], in: directory)
        #expect(first.code == 0)
        #expect(first.stdout.contains("a starting config for a new municipality"))
        let written = directory.appendingPathComponent("moteplan.toml")
        let starter = try Data(contentsOf: CLI.root.appendingPathComponent("Config/starter.toml"))
        #expect(try Data(contentsOf: written) == starter)
        let text = String(decoding: starter, as: UTF8.self)
        // Not Melhus' header or names; a commented [server] section to fill in.
        #expect(!text.lowercased().contains("melhus"))
        #expect(text.contains("# [server]\n# base_url = "))
        // ./moteplan.toml is found without --config, and the starting point has no warnings.
        let check = try CLI.run(["check"], in: directory)
        #expect(check.code == 0, "\(check.stderr)")
        #expect(check.stdout.contains("ok: no conflicts"))
        #expect(!check.stderr.contains("warning"))
        try Data("version = 1\n".utf8).write(to: written)
        let second = try CLI.run(["init"], in: directory)
        #expect(second.code == 1)
        #expect(second.stderr.contains("already exists; not overwriting"))
        #expect(try Data(contentsOf: written) == Data("version = 1\n".utf8))
    }

    @Test func initWithTheMelhusExampleWritesTodaysExample() throws {
        let directory = try CLI.temporaryDirectory()
        let result = try CLI.run(["init", "melhus.toml", "--example", "melhus"], in: directory)
        #expect(result.code == 0)
        let original = try Data(contentsOf: CLI.root.appendingPathComponent("Config/melhus.toml"))
        #expect(try Data(contentsOf: directory.appendingPathComponent("melhus.toml")) == original)
        let unknown = try CLI.run(["init", "x.toml", "--example", "oslo"], in: directory)
        #expect(unknown.code == 64 || unknown.code == 2)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("x.toml").path))
    }

    @Test func configIsResolvedFromTheEnvironmentThenTheWorkingDirectory() throws {
        let empty = try CLI.temporaryDirectory()
        let none = try CLI.run(["check"], in: empty)
        #expect(none.code == 2)
        #expect(none.stderr.contains("moteplan init"))
        let viaEnvironment = try CLI.run(["check"], environment: ["MOTEPLAN_CONFIG": CLI.melhus], in: empty)
        #expect(viaEnvironment.code == 0)
        #expect(viaEnvironment.stdout.hasPrefix(CLI.melhus + ": Melhus kommune"))
    }

    @Test func planCSVHasTheFixedHeaderAndLocalTimes() throws {
        let result = try CLI.run([
            "plan", "--config", CLI.melhus, "--format", "csv", "--from", "2027-05-01", "--to", "2027-05-31",
            "--structure", "samarbeidsgruppe",
        ])
        #expect(result.code == 0)
        let lines = result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "uid,structure,instance,title,start,end,leader,location,notes")
        #expect(lines.count == 2)
        #expect(lines.last?.hasPrefix(
            "samarbeidsgruppe-20270506@moteplan.melhus.example.no,samarbeidsgruppe,samarbeidsgruppe,Tverrfaglig samarbeidsgruppe barn og unge,2027-05-07T09:00,2027-05-07T11:30,")
            ?? false)
        #expect(lines.last?.hasSuffix(",\"Melhus rådhus, møterom Gauldal\",Flyttet fra 6. mai 2027 (Kristi himmelfartsdag)") ?? false)
    }

    @Test func planJSONAndFilters() throws {
        let result = try CLI.run([
            "plan", "--config", CLI.melhus, "--format", "json", "--structure", "nettverk", "--instance", "melhus-vest",
        ])
        #expect(result.code == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 8)
        #expect(rows.allSatisfy { $0["instance"] as? String == "melhus-vest" })
        #expect(rows.first?["start"] as? String == "2026-09-16T13:00")
    }

    @Test func planWeeksCountsFromNow() throws {
        let result = try CLI.run(["plan", "--config", CLI.melhus, "--weeks", "1", "--now", "2027-02-15", "--format", "csv"])
        #expect(result.code == 0)
        let starts = result.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
            .map { $0.split(separator: ",")[4] }
        #expect(!starts.isEmpty)
        #expect(starts.allSatisfy { $0 >= "2027-02-15" && $0 < "2027-02-22" })
    }

    @Test func badUsageExitsTwo() throws {
        for arguments in [
            ["plan", "--config", CLI.melhus, "--from", "2027-13-01"],
            ["plan", "--config", CLI.melhus, "--weeks", "2", "--now", "tomorrow"],
            ["plan", "--config", CLI.melhus, "--structure", "nettverkk"],
            ["plan", "--config", CLI.melhus, "--format", "xml"],
            ["holidays", "--from", "2028", "--to", "2027"],
            ["frobnicate"],
        ] {
            let result = try CLI.run(arguments)
            #expect(result.code == 2, "\(arguments): \(result.code) \(result.stderr)")
            #expect(!result.stderr.isEmpty)
        }
    }

    @Test func holidaysPrintsOneLinePerDay() throws {
        let result = try CLI.run(["holidays", "--from", "2027", "--to", "2027"])
        #expect(result.code == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 11)  // 12 holidays, two on 17 May 2027
        #expect(lines.contains("2027-05-06\tKristi himmelfartsdag"))
        let school = try CLI.run(["holidays", "--from", "2026", "--to", "2026", "--kind", "school", "--config", CLI.melhus])
        #expect(school.stdout.contains("2026-10-07\tHøstferie\n"))
        #expect(!school.stdout.contains("Kristi himmelfartsdag"))
    }
}

/// A reader that stops early (`moteplan plan | head -1`) ends the pipe; the command must not crash.
struct ClosedPipeTests {
    @Test func planIntoAClosedPipeDoesNotCrash() throws {
        // bash, to read the producer's exit status from PIPESTATUS.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "'\(CLI.binary.path)' plan --config '\(CLI.melhus)' --format csv 2>/dev/null | head -1; echo \"status ${PIPESTATUS[0]}\""]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("uid,structure,instance,title,start,end,leader,location,notes"))
        #expect(text.hasSuffix("status 0\n"), "\(text)")
    }
}
