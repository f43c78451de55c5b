import Foundation
import Testing

/// `moteplan init --language`: nn writes the nynorsk example, nb (the default) keeps the bokmål
/// configs, anything else is a usage error that writes nothing.
struct InitLanguageTests {
    static var nynorskFile: Data {
        get throws { try Data(contentsOf: CLI.root.appendingPathComponent("Config/examples/nynorsk.toml")) }
    }

    @Test func nynorskWritesTheNynorskExampleWhichChecksWithoutWarnings() throws {
        let directory = try CLI.temporaryDirectory()
        let result = try CLI.run(["init", "straumoy.toml", "--language", "nn"], in: directory)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("the nynorsk example"))
        let written = directory.appendingPathComponent("straumoy.toml")
        #expect(try Data(contentsOf: written) == Self.nynorskFile)

        let check = try CLI.run(["check", "--config", written.path], in: directory)
        #expect(check.code == 0, "\(check.stderr)")
        #expect(check.stdout.contains("Straumøy kommune"))
        #expect(check.stdout.contains("ok: no conflicts"))
        #expect(!check.stderr.contains("warning"), "\(check.stderr)")

        // "tysdag" is read as Tuesday: the samarbeidsgruppe meets on the 1st Tuesday, and
        // 2026-09-01 is a Tuesday (1 January 2026 is a Thursday, 243 days earlier; 243 = 34·7 + 5,
        // Thursday + 5 days = Tuesday), so September has exactly that one meeting at 09:00–11:30.
        let plan = try CLI.run([
            "plan", "--config", written.path, "--format", "csv", "--from", "2026-09-01", "--to", "2026-09-30",
            "--structure", "samarbeidsgruppe",
        ], in: directory)
        #expect(plan.code == 0, "\(plan.stderr)")
        let rows = plan.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.dropFirst()
        #expect(rows.count == 1)
        #expect(rows.first?.hasPrefix(
            "samarbeidsgruppe-20260901@moteplan.straumoy.example.no,samarbeidsgruppe,samarbeidsgruppe,Tverrfagleg samarbeidsgruppe for barn og unge,2026-09-01T09:00,2026-09-01T11:30,")
            ?? false, "\(rows)")

        // The feeds are written (and the automatic meetings placed) without a complaint.
        let ics = try CLI.run(["ics", "--config", written.path, "--out", directory.appendingPathComponent("feeds").path,
            "--now", "2026-08-01"], in: directory)
        #expect(ics.code == 0, "\(ics.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("feeds/alle.ics").path))
    }

    @Test func bokmalIsTheDefaultAndKeepsTodaysConfigs() throws {
        let directory = try CLI.temporaryDirectory()
        let starter = try CLI.run(["init", "starter.toml", "--language", "nb"], in: directory)
        #expect(starter.code == 0, "\(starter.stderr)")
        #expect(try Data(contentsOf: directory.appendingPathComponent("starter.toml"))
            == Data(contentsOf: CLI.root.appendingPathComponent("Config/starter.toml")))
        let melhus = try CLI.run(["init", "melhus.toml", "--example", "melhus", "--language", "nb"], in: directory)
        #expect(melhus.code == 0, "\(melhus.stderr)")
        #expect(try Data(contentsOf: directory.appendingPathComponent("melhus.toml"))
            == Data(contentsOf: CLI.root.appendingPathComponent("Config/melhus.toml")))
    }

    @Test func anUnknownLanguageIsAUsageErrorAndWritesNothing() throws {
        let directory = try CLI.temporaryDirectory()
        let unknown = try CLI.run(["init", "x.toml", "--language", "se"], in: directory)
        #expect(unknown.code == 2)
        #expect(unknown.stderr.contains("\"se\""))
        #expect(unknown.stderr.contains("nb") && unknown.stderr.contains("nn"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("x.toml").path))
        // The Melhus example exists in bokmål only: asking for it in nynorsk is refused too.
        let melhus = try CLI.run(["init", "y.toml", "--example", "melhus", "--language", "nn"], in: directory)
        #expect(melhus.code == 2)
        #expect(melhus.stderr.contains("bokmål only"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("y.toml").path))
    }
}
