import Foundation
import Testing

/// What an attacker and an accident found, as a user meets it on the command line: a state file
/// that is never silently reset, free text that cannot carry control characters into mails,
/// and cron runs that never hang on a delivery or on each other.
struct HardeningCommandTests {
    let directory: URL
    let state: String
    static let sept = "nettverk.melhus-vest-20260916@moteplan.melhus.example.no"

    init() throws {
        directory = try CLI.temporaryDirectory()
        state = directory.appendingPathComponent("state.sqlite").path
    }

    func run(_ arguments: [String], now: String = "2026-09-21T07:00", config: String = CLI.melhus) throws -> CLI.Result {
        try CLI.run(arguments + ["--config", config, "--state", state, "--now", now])
    }

    func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? -1
    }

    /// A copy of the Melhus config (with its templates) edited by `edit`.
    func config(_ edit: (String) -> String) throws -> String {
        let path = directory.appendingPathComponent("melhus.toml")
        try Data(edit(try String(contentsOfFile: CLI.melhus, encoding: .utf8)).utf8).write(to: path)
        let templates = directory.appendingPathComponent("templates")
        if !FileManager.default.fileExists(atPath: templates.path) {
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Config/templates"), to: templates)
        }
        return path.path
    }

    @Test func aTruncatedStateIsRefusedByEveryCommandAndStaysAsItIs() throws {
        #expect(try run(["ics", "--out", directory.appendingPathComponent("f").path]).code == 0)
        try Data().write(to: URL(fileURLWithPath: state))
        let writers: [[String]] = [
            ["ics", "--out", directory.appendingPathComponent("f").path],
            ["remind", "--deliver", "maildir:" + directory.appendingPathComponent("mail").path],
            ["leaders", "set", "melhus-vest", "2027/28", "eid-barnehage-og-skole", "--reason", "Ny rektor"],
            ["referat", "record", Self.sept, "--ref", "P360-1"],
            ["meeting", "cancel", Self.sept, "--reason", "Sykdom"],
        ]
        for command in writers {
            let result = try run(command)
            #expect(result.code == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("state file \(state) is empty (0 bytes)"), "\(command): \(result.stderr)")
            #expect(result.stderr.contains("moteplan backup"))
            #expect(size(state) == 0, "\(command) wrote to the empty file")
        }
        for command in [["plan"], ["referat", "status"], ["obligations"]] {
            let result = try run(command)
            #expect(result.code == 1, "\(command)")
            #expect(result.stderr.contains("is empty (0 bytes)"), "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("no such table"))
        }
    }

    @Test func anotherProgramsDatabaseIsLeftAlone() throws {
        let foreign = directory.appendingPathComponent("app.sqlite").path
        _ = try CLI.sqlite(foreign, "CREATE TABLE customers (id INTEGER)")
        let result = try CLI.run(["ics", "--config", CLI.melhus, "--state", foreign, "--out", directory.appendingPathComponent("f").path, "--now", "2026-09-01"])
        #expect(result.code == 1)
        #expect(result.stderr.contains("is not a moteplan state file"))
        #expect(try CLI.sqlite(foreign, "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name") == "customers\n")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("f").path))
    }

    @Test func backupCopiesTheStoreAndRefusesToOverwrite() throws {
        #expect(try run(["meeting", "cancel", Self.sept, "--reason", "Sykdom"]).code == 0)
        let copy = directory.appendingPathComponent("backup.sqlite").path
        let first = try CLI.run(["backup", copy, "--config", CLI.melhus, "--state", state])
        #expect(first.code == 0, "\(first.stderr)")
        #expect(try CLI.sqlite(copy, "SELECT uid, reason FROM meeting_change") == "\(Self.sept)|Sykdom\n")
        let again = try CLI.run(["backup", copy, "--config", CLI.melhus, "--state", state])
        #expect(again.code == 1)
        #expect(again.stderr.contains("the file exists"))
    }

    /// The personal links are derived from `<state>.links-key`; a backup without it would, once
    /// restored, break every link people have in their mail. It goes with the backup, 0600.
    @Test func backupTakesThePersonalLinksKeyAlong() throws {
        #expect(try run(["meeting", "cancel", Self.sept, "--reason", "Sykdom"]).code == 0)
        let key = Data((0..<32).map { UInt8($0 * 7 % 256) })
        try key.write(to: URL(fileURLWithPath: state + ".links-key"))
        let copy = directory.appendingPathComponent("with-key.sqlite").path
        let result = try CLI.run(["backup", copy, "--config", CLI.melhus, "--state", state])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("with-key.sqlite.links-key"))
        #expect(FileManager.default.contents(atPath: copy + ".links-key") == key)
        let mode = try FileManager.default.attributesOfItem(atPath: copy + ".links-key")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // A stale key where the new backup's would go: refused before anything is written.
        let other = directory.appendingPathComponent("other.sqlite").path
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: other + ".links-key"))
        let refused = try CLI.run(["backup", other, "--config", CLI.melhus, "--state", state])
        #expect(refused.code == 1)
        #expect(refused.stderr.contains("other.sqlite.links-key") && refused.stderr.contains("the file exists"))
        #expect(!FileManager.default.fileExists(atPath: other))
        #expect(FileManager.default.contents(atPath: other + ".links-key") == Data([1, 2, 3]))
    }

    /// CRLF is one Character equal to neither "\r" nor "\n": today's main let it through into
    /// the sakliste mail. Every free-text option refuses control characters by scalar.
    @Test func controlCharactersAreRefusedInEveryFreeTextOption() throws {
        #expect(try run(["referat", "status"]).code == 0)
        // (No NUL: an argument vector cannot carry one; the server's JSON can, see ReferatEndpointTests.)
        let injections = ["P360\r\nContent-Type: text/html", "x\ny", "a\u{1b}[31mb", "a\u{7}b", "a\u{2028}b"]
        for text in injections {
            let commands: [[String]] = [
                ["referat", "record", Self.sept, "--ref", text],
                ["referat", "record", Self.sept, "--by", text],
                ["meeting", "cancel", Self.sept, "--reason", text],
                ["meeting", "add", "nettverk", "melhus-vest", "2026-10-07T13:00", "--title", text],
                ["leaders", "set", "melhus-vest", "2027/28", "eid-barnehage-og-skole", "--reason", text],
            ]
            for command in commands {
                let result = try run(command)
                #expect(result.code == 2, "\(command)")
                #expect(result.stderr.contains("control character U+"), "\(command): \(result.stderr)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: state))
        // An actor name from the environment with CRLF is passed over, not recorded.
        let recorded = try CLI.run(
            ["meeting", "cancel", Self.sept, "--reason", "Sykdom", "--config", CLI.melhus, "--state", state, "--now", "2026-09-10"],
            environment: ["MOTEPLAN_ACTOR": "Kari\r\nBcc: x@example.no", "USER": "radgiver"])
        #expect(recorded.code == 0)
        #expect(try CLI.sqlite(state, "SELECT actor FROM meeting_change") == "radgiver\n")
    }

    /// Two runs of the same invitations (the example's samarbeidsgruppe of 3 September, from
    /// 20 August; reminders are plain text) get MIME boundaries nobody can predict.
    @Test func mimeBoundariesAreRandom() throws {
        let example = CLI.root.appendingPathComponent("Config/melhus.toml").path
        let arguments = ["remind", "--deliver", "stdout", "--config", example, "--state", state, "--now", "2026-08-20T07:00"]
        let first = try CLI.run(arguments)
        try FileManager.default.removeItem(atPath: state)
        let second = try CLI.run(arguments)
        func boundaries(_ text: String) -> [String] {
            text.components(separatedBy: "boundary=\"").dropFirst().compactMap { $0.components(separatedBy: "\"").first }
        }
        let a = boundaries(first.stdout)
        let b = boundaries(second.stdout)
        #expect(!a.isEmpty && a.count == b.count)
        #expect(Set(a).isDisjoint(with: Set(b)))
        #expect(a.allSatisfy { $0.count == "=_moteplan_".count + 32 })
    }

    /// A sendmail that never returns used to hang `remind` forever, and every later cron run
    /// behind it on the lock.
    @Test func aHangingSendmailIsStoppedAndTheReminderStaysPending() throws {
        let config = try config { $0.replacingOccurrences(of: "[reminders]\n", with: "[reminders]\ndelivery_timeout_seconds = 1\n") }
        let start = ContinuousClock.now
        let hung = try run(["remind", "--deliver", "sendmail:sleep 600"], config: config)
        #expect(ContinuousClock.now - start < .seconds(60))
        #expect(hung.code == 1)
        #expect(hung.stdout.contains("did not finish within 1 s and was stopped"), "\(hung.stdout)")
        #expect(try CLI.sqlite(state, "SELECT count(*) FROM reminder WHERE status='sent'") == "0\n")
        // The lock was released: the next run delivers at once.
        let next = try run(["remind", "--deliver", "maildir:" + directory.appendingPathComponent("mail").path], config: config)
        #expect(next.code == 0, "\(next.stderr)")
        #expect(try CLI.sqlite(state, "SELECT count(*) FROM reminder WHERE status='pending'") == "0\n")
    }

    @Test func aRunWaitsForTheLockOnlySoLong() throws {
        let config = try config { $0.replacingOccurrences(of: "[reminders]\n", with: "[reminders]\nlock_wait_seconds = 1\n") }
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [state + ".remind.lock", "sleep", "60"]
        try holder.run()
        defer { holder.terminate() }
        Thread.sleep(forTimeInterval: 0.5)
        let result = try run(["remind", "--deliver", "maildir:" + directory.appendingPathComponent("mail").path], config: config)
        #expect(result.code == 1)
        #expect(result.stderr.contains("another remind run has held") || result.stdout.contains("another remind run has held"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("mail/new").path))
    }

    @Test func deeplyNestedTemplateSectionsAreACheckError() throws {
        let nested = (0..<8).map { "{{#l\($0)}}" }.joined() + "x" + (0..<8).reversed().map { "{{/l\($0)}}" }.joined()
        let config = try config { $0 }
        let template = directory.appendingPathComponent("templates/innkalling.mustache")
        try Data(("Emne\n\n" + nested + "\n").utf8).write(to: template)
        let result = try CLI.run(["check", "--config", config])
        #expect(result.code == 2)
        #expect(result.stderr.contains("\(template.path):3:"), "\(result.stderr)")
        #expect(result.stderr.contains("sections nest 7 deep; at most 6 levels"))
    }

    /// A state file this user cannot write (a read-only copy, a locked-down directory) is still
    /// read by the commands that only read; today's main failed even for `plan`.
    @Test func aReadOnlyStateIsStillRead() throws {
        #expect(try run(["ics", "--out", directory.appendingPathComponent("f").path]).code == 0)
        // Everything the other user needs, in a directory it may read but not write.
        let shared = directory.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: false)
        let binary = shared.appendingPathComponent("moteplan").path
        try FileManager.default.copyItem(atPath: CLI.binary.path, toPath: binary)
        try FileManager.default.copyItem(atPath: CLI.melhus, toPath: shared.appendingPathComponent("melhus.toml").path)
        try FileManager.default.copyItem(atPath: state, toPath: shared.appendingPathComponent("s.sqlite").path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: shared.appendingPathComponent("s.sqlite").path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: shared.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: shared.path) }
        let before = CLI.snapshot(shared)
        for command in [["plan", "--weeks", "2"], ["referat", "status"], ["leaders"]] {
            // As root, permissions do not bind: run as nobody (setpriv, util-linux).
            let asOther = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
            let process = Process()
            process.executableURL = URL(fileURLWithPath: asOther.first ?? binary)
            process.arguments = Array(asOther.dropFirst()) + (asOther.isEmpty ? [] : [binary]) + command + [
                "--config", shared.appendingPathComponent("melhus.toml").path,
                "--state", shared.appendingPathComponent("s.sqlite").path, "--now", "2026-09-01",
            ]
            let err = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = err
            try process.run()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(command): \(message)")
        }
        #expect(CLI.same(before, CLI.snapshot(shared)))
    }
}
