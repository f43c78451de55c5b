import Foundation
import Testing

/// The Melhus plan with `language = "nn"`: every command's output, every written file and every
/// reminder mail is nynorsk, with none of the bokmål words; the same plan in bokmål has
/// none of their nynorsk counterparts. The server's pages are checked the same way in
/// MoteplanServerTests (NynorskPagesTests).
@Suite struct LanguageOutputsTests {
    /// The list: words a nynorsk text never has.
    static let bokmalWords = ["Leder", "Deltakere", "ikke", "hva", "hvem", "leveres", "Flyttet"]
    /// Their nynorsk counterparts, which a bokmål text never has.
    static let nynorskWords = ["Leiar", "Deltakarar", "ikkje", "kva", "kven", "leverast", "Flytta"]

    /// The Melhus fixture in nynorsk: `language = "nn"`, and the three config values that are
    /// bokmål words of the list written in nynorsk (a nynorsk municipality names its own roles).
    static func nynorskMelhus() throws -> String {
        var text = try String(contentsOfFile: CLI.melhus, encoding: .utf8)
        for (old, new) in [
            ("[municipality]\n", "[municipality]\nlanguage = \"nn\"\n"),
            ("name = \"Leder drøftingsteam for barn og unge\"", "name = \"Leiar drøftingsteam for born og unge\""),
            ("head = \"Leder PPT\"", "head = \"Leiar PPT\""),
            ("head = \"Leder\"", "head = \"Leiar\""),
        ] {
            #expect(text.components(separatedBy: old).count == 2, "fixture text not unique: \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    /// Every output of a year of the plan: commands, the files `ics` and `report`/`arshjul` write,
    /// and the reminder mails `remind` delivers on the way, by name.
    static func outputs(config text: String, in directory: URL) throws -> [String: String] {
        let config = directory.appendingPathComponent("plan.toml")
        try text.write(to: config, atomically: true, encoding: .utf8)
        let state = directory.appendingPathComponent("state.sqlite").path
        var outputs: [String: String] = [:]
        func run(_ name: String, _ arguments: [String], now: String = "2026-10-01T08:00") throws {
            let result = try CLI.run(arguments + ["--config", config.path, "--state", state, "--now", now])
            #expect(result.code == 0, "\(name): \(result.stderr)")
            outputs[name] = result.stdout
        }
        let check = try CLI.run(["check", "--config", config.path])
        #expect(check.code == 0, "check: \(check.stderr)")
        outputs["check"] = check.stdout
        // A moved and a cancelled meeting, and two referat, so the notes and the ledger have text.
        try run("cancel", ["meeting", "cancel", "nettverk.melhus-vest-20261118@moteplan.melhus.example.no", "--reason", "Sjukdom"])
        try run("move", ["meeting", "move", "nettverk.nedre-melhus-20261118@moteplan.melhus.example.no", "--to", "2026-11-19T09:00"])
        for format in ["table", "csv", "html", "json"] { try run("plan \(format)", ["plan", "--format", format, "--weeks", "60"]) }
        try run("plan for", ["plan", "--for", "ppt", "--weeks", "60"])
        for format in ["text", "markdown", "html"] {
            try run("agenda \(format)", ["agenda", "samarbeidsgruppe", "--format", format], now: "2026-11-20T08:00")
        }
        try run("obligations", ["obligations", "--to", "2027-07-31"], now: "2026-11-20T08:00")
        try run("obligations summer", ["obligations", "--to", "2027-07-31"], now: "2027-06-01T08:00")
        try run("referat status", ["referat", "status"], now: "2027-03-01T08:00")
        try run("leaders", ["leaders"])
        try run("arshjul", ["arshjul", "--school-year", "2026/27"])
        for format in ["text", "html"] {
            try run("report \(format)", ["report", "--school-year", "2026/27", "--format", format], now: "2027-07-31T12:00")
        }
        let feeds = directory.appendingPathComponent("feeds")
        try run("ics", ["ics", "--out", feeds.path])
        if let walker = FileManager.default.enumerator(at: feeds, includingPropertiesForKeys: nil) {
            for case let file as URL in walker where file.pathExtension == "ics" {
                outputs["feed " + file.lastPathComponent] = try String(contentsOf: file, encoding: .utf8)
            }
        }
        // Reminders through the year, as cron sends them (each day once, delivered to stdout).
        for day in ["2026-08-20", "2026-09-01", "2026-09-21", "2026-10-15", "2026-11-27", "2026-12-10", "2027-02-01",
                    "2027-05-03", "2027-06-07", "2027-06-15"] {
            try run("remind \(day)", ["remind", "--deliver", "stdout"], now: day + "T07:00")
        }
        return outputs
    }

    /// "file: word" for every listed word that occurs as a whole word in an output.
    static func occurrences(of words: [String], in outputs: [String: String]) -> [String] {
        var found: [String] = []
        for (name, text) in outputs.sorted(by: { $0.key < $1.key }) {
            let present = Set(text.split(whereSeparator: { !$0.isLetter }).map(String.init))
            for word in words where present.contains(word) { found.append("\(name): \(word)") }
        }
        return found
    }

    @Test func aNynorskPlanWritesNoBokmalWord() throws {
        let directory = try CLI.temporaryDirectory()
        let outputs = try Self.outputs(config: Self.nynorskMelhus(), in: directory)
        #expect(Self.occurrences(of: Self.bokmalWords, in: outputs) == [])
        // Nynorsk is really there: the words a reader sees, in the files they come in.
        let all = outputs.values.joined(separator: "\n")
        for word in ["Leiar", "Flytta frå", "ikkje", "tysdag", "Deltakarar"] { #expect(all.contains(word), "\(word)") }
        #expect(outputs["plan html"]?.contains("<html lang=\"nn\">") == true)
        #expect(outputs["report html"]?.contains("<html lang=\"nn\">") == true)
        #expect(outputs.keys.filter { $0.hasPrefix("remind") }.contains { (outputs[$0] ?? "").contains("Subject:") })
    }

    @Test func aBokmalPlanWritesNoNynorskWord() throws {
        let directory = try CLI.temporaryDirectory()
        let text = try String(contentsOfFile: CLI.melhus, encoding: .utf8)
        let outputs = try Self.outputs(config: text, in: directory)
        #expect(Self.occurrences(of: Self.nynorskWords, in: outputs) == [])
        let all = outputs.values.joined(separator: "\n")
        for word in ["Leder", "Flyttet fra", "tirsdag", "Deltakere"] { #expect(all.contains(word), "\(word)") }
    }
}
