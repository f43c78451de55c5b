import Foundation
import Testing

/// `moteplan remind` as cron runs it: exit codes, failures that keep reminders pending,
/// template checks, and concurrent runs.
struct RemindCommandTests {
    let directory: URL
    let state: String

    init() throws {
        directory = try CLI.temporaryDirectory()
        state = directory.appendingPathComponent("state.sqlite").path
    }

    func remind(_ extra: [String], config: String = CLI.melhus, now: String = "2026-09-21T07:00") throws -> CLI.Result {
        try CLI.run(["remind", "--config", config, "--state", state, "--now", now] + extra)
    }

    func count(_ status: String) throws -> Int {
        let text = try CLI.sqlite(state, "SELECT count(*) FROM reminder WHERE status='\(status)'")
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// A copy of the Melhus config and its templates in the temporary directory.
    func copyConfig(editing edit: (String) -> String = { $0 }, template: (name: String, text: String)? = nil) throws -> String {
        let config = directory.appendingPathComponent("melhus.toml")
        let text = try String(contentsOfFile: CLI.melhus, encoding: .utf8)
        try Data(edit(text).utf8).write(to: config)
        let templates = directory.appendingPathComponent("templates")
        try? FileManager.default.removeItem(at: templates)
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Config/templates"), to: templates)
        if let template { try Data(template.text.utf8).write(to: templates.appendingPathComponent(template.name)) }
        return config.path
    }

    @Test func dryRunWritesAndSendsNothing() throws {
        let result = try remind(["--dry-run", "--deliver", "sendmail:false"])
        #expect(result.code == 0)
        #expect(result.stdout.contains("would send: referat-frist/nettverk.melhus-vest-20260916@moteplan.melhus.example.no → leder.eid@example.no: Referat fra Tverrfaglig nettverk – Melhus vest skal leveres innen 24. september 2026"))
        #expect(!FileManager.default.fileExists(atPath: state))
    }

    @Test func stdoutShowsAnRFC5322MessageWithEncodedHeaders() throws {
        let result = try remind(["--deliver", "stdout"], now: "2026-09-21T07:00")
        #expect(result.code == 0)
        #expect(result.stdout.contains("Date: Mon, 21 Sep 2026 07:00:00 +0200\r\n"))
        #expect(result.stdout.contains("From: =?UTF-8?B?TcO4dGVwbGFuIE1lbGh1cw==?= <moteplan@melhus.example.no>\r\n"))  // "Møteplan Melhus"
        #expect(result.stdout.contains("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"))
        #expect(!result.stdout.contains("text/calendar"), "reminders attach no calendar object")
        #expect(result.stderr.contains("sent: referat-frist/nettverk.melhus-vest-20260916@moteplan.melhus.example.no → leder.eid@example.no"))
    }

    @Test func failingSendmailExitsOneAndKeepsRemindersPending() throws {
        for command in ["sendmail:false", "sendmail:/nonexistent/sendmail -t -i"] {
            let result = try remind(["--deliver", command])
            #expect(result.code == 1, "\(command)")
            #expect(result.stderr.contains("could not be delivered; they stay pending for the next run"))
            #expect(try count("sent") == 0)
            #expect(try count("pending") > 0)
        }
        #expect(try remind(["--deliver", "sendmail:false"]).stdout.contains("(command not found)") == false)
        let missing = try remind(["--deliver", "sendmail:/nonexistent/sendmail -t -i"])
        #expect(missing.stdout.contains("failed (command not found)"))
    }

    @Test func unwritableMaildirExitsOneAndMarksNothingSent() throws {
        let blocker = directory.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let result = try remind(["--deliver", "maildir:\(blocker.path)/mail"])
        #expect(result.code == 1)
        #expect(result.stdout.contains("cannot be written"))
        #expect(try count("sent") == 0)
        // The next run with a working maildir delivers them all.
        let mail = directory.appendingPathComponent("mail")
        let retry = try remind(["--deliver", "maildir:\(mail.path)"])
        #expect(retry.code == 0)
        #expect(try count("pending") == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: mail.path + "/new").count == (try count("sent")))
    }

    @Test func unknownTemplateVariableIsACheckError() throws {
        let template = "Husk innkalling: {{moete}}\n\nHei {{mottaker}},\n\nmøtet er {{dato}} i {{rommet}}.\n"
        let config = try copyConfig(template: ("innkalling.mustache", template))
        for command in [["check", "--config", config], ["remind", "--config", config, "--state", state, "--dry-run", "--now", "2026-09-21"]] {
            let result = try CLI.run(command)
            #expect(result.code == 2, "\(command)")
            #expect(result.stderr.contains("templates/innkalling.mustache:5:21: error: unknown template variable \"rommet\" for innkalling reminders."), "\(result.stderr)")
        }
        let broken = try copyConfig(template: ("sakliste.mustache", "Emne {{#mottatt}}\n\nuten slutt\n"))
        let result = try CLI.run(["check", "--config", broken])
        #expect(result.code == 2)
        #expect(result.stderr.contains("templates/sakliste.mustache:"))
        #expect(result.stderr.contains("cannot parse the template"))
    }

    @Test func invalidAddressesAreConfigErrors() throws {
        let config = try copyConfig { $0.replacingOccurrences(of: "fallback = \"radgiver.skole@example.no\"", with: "fallback = \"radgiver skole\"") }
        let result = try CLI.run(["remind", "--config", config, "--state", state, "--now", "2026-09-21"])
        #expect(result.code == 2)
        #expect(result.stderr.contains("melhus.toml:"))
        #expect(result.stderr.contains("reminders.fallback: \"radgiver skole\" is not an e-mail address"))
        let from = try copyConfig { $0.replacingOccurrences(of: "from = \"Møteplan Melhus <moteplan@melhus.example.no>\"", with: "from = \"Møteplan Melhus <moteplan>\"") }
        #expect(try CLI.run(["check", "--config", from]).code == 2)
        #expect(!FileManager.default.fileExists(atPath: state))
    }

    @Test func concurrentRunsNeverDeliverAMessageIDTwice() throws {
        let mail = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: mail, withIntermediateDirectories: true)
        let command = "sendmail:cat > \"\(mail.path)/m-$(date +%s%N)-$$\""
        var day = try #require(Calendar(identifier: .gregorian).date(from: DateComponents(year: 2026, month: 8, day: 20)))
        for _ in 0..<50 {
            day = day.addingTimeInterval(3 * 86_400)
            let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: day)
            let now = String(format: "%04d-%02d-%02dT07:00", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
            let arguments = ["remind", "--config", CLI.melhus, "--state", state, "--now", now, "--deliver", command]
            let processes = try (0..<2).map { _ in try CLI.start(arguments) }
            for process in processes {
                process.waitUntilExit()
                #expect(process.terminationStatus == 0)
            }
        }
        var seen = Set<String>()
        var duplicates = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: mail.path) {
            let text = try String(contentsOfFile: mail.path + "/" + file, encoding: .utf8)
            let id = text.components(separatedBy: "\r\n").first { $0.hasPrefix("Message-ID: ") } ?? ""
            if !seen.insert(id).inserted { duplicates += 1 }
        }
        #expect(duplicates == 0)
        #expect(seen.count == (try count("sent")))
        #expect(seen.count > 100)
    }
}
