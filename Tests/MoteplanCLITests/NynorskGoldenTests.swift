import Foundation
import Testing

/// A nynorsk feed and a nynorsk reminder, byte for byte, checked by hand once
/// (Tests/Fixtures/golden/nn/): the Melhus plan with `language = "nn"`, the autumn SLT meeting
/// moved from Tuesday 20 to 27 October 2026 and the spring one cancelled, published and reminded
/// as cron would. What was checked by hand is written beside each file's test.
@Suite struct NynorskGoldenTests {
    let directory: URL
    let config: String
    let state: String

    init() throws {
        directory = try CLI.temporaryDirectory()
        config = directory.appendingPathComponent("nn.toml").path
        state = directory.appendingPathComponent("state.sqlite").path
        try LanguageOutputsTests.nynorskMelhus().write(toFile: config, atomically: true, encoding: .utf8)
        for arguments in [
            ["meeting", "move", "slt-styringsgruppe-20261020@moteplan.melhus.example.no", "--to", "2026-10-27T10:00",
             "--reason", "Kollisjon med budsjettmøtet"],
            ["meeting", "cancel", "slt-styringsgruppe-20270316@moteplan.melhus.example.no", "--reason", "Ordføraren er sjuk"],
        ] {
            let result = try CLI.run(arguments + ["--config", config, "--state", state, "--now", "2026-09-01T08:00"])
            #expect(result.code == 0, "\(result.stderr)")
        }
    }

    static func golden(_ name: String) throws -> String {
        try String(contentsOf: CLI.root.appendingPathComponent("Tests/Fixtures/golden/nn/\(name)"), encoding: .utf8)
    }

    /// Checked by hand: "Leiar:", "Deltakarar:" (not Leder/Deltakere); the moved meeting on Tuesday
    /// 27 October 10:00–12:00 keeps its UID and says "Flytta frå tysdag 20. oktober 2026 (…)"
    /// (20 October 2026 is a Tuesday: 1 October is a Thursday); the cancelled one is "AVLYST: …",
    /// STATUS:CANCELLED, TRANSP:TRANSPARENT; a first publication, so no SEQUENCE; DTSTAMP is --now,
    /// 08:00 CEST = 06:00Z.
    /// The config's own texts (the description, "Enhetsleder …") stay as the config writes them.
    @Test func theSltFeedInNynorsk() throws {
        let feeds = directory.appendingPathComponent("feeds")
        let result = try CLI.run(["ics", "--out", feeds.path, "--config", config, "--state", state, "--now", "2026-09-01T08:00"])
        #expect(result.code == 0, "\(result.stderr)")
        let feed = try String(contentsOf: feeds.appendingPathComponent("slt-styringsgruppe.ics"), encoding: .utf8)
        #expect(feed == (try Self.golden("slt-styringsgruppe.ics")))
    }

    /// Checked by hand: the subject "Hugs innkalling: SLT styringsgruppe/politiråd tysdag 27. oktober
    /// 2026" (RFC 2047, decoded with python's email), "Hei Siri," (the first name), "du leier …
    /// tysdag 27. oktober 2026 kl. 10:00–12:00", due 14 days before, "seinast 13. oktober 2026",
    /// "Deltakarar:", "Helsing moteplan for Melhus kommune"; no claim of an attached calendar file
    /// (reminders attach none).
    @Test func theSltInnkallingInNynorsk() throws {
        let maildir = directory.appendingPathComponent("mail")
        let result = try CLI.run([
            "remind", "--deliver", "maildir:\(maildir.path)", "--config", config, "--state", state, "--now", "2026-10-13T07:00",
        ])
        #expect(result.code == 0, "\(result.stderr)")
        let new = maildir.appendingPathComponent("new")
        let files = try FileManager.default.contentsOfDirectory(atPath: new.path)
        let messages = try files.map { try String(contentsOf: new.appendingPathComponent($0), encoding: .utf8) }
        let slt = messages.filter { $0.contains("X-Moteplan-Reminder: innkalling/slt-styringsgruppe-20261020@") }
        #expect(slt.count == 1)
        #expect(slt.first == (try Self.golden("innkalling-slt.eml")))
    }
}
