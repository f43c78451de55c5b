import Foundation
import Testing

/// The steady state of `ics` (issue 18): a run that finds its inputs, the state store and the
/// files as the last complete run left them does nothing ("nothing changed since the last run"),
/// and anything that could change a feed makes the run a full one again (`RunFingerprint`).
///
/// Every "full run" below is checked by its output: the same bytes as a run from a copy of the
/// store into a new directory, which can take no shortcut (its output directory is another input).
struct RunFingerprintTests {
    let directory: URL
    let state: String
    let out: String

    init() throws {
        directory = try CLI.temporaryDirectory()
        state = directory.appendingPathComponent("state.sqlite").path
        out = directory.appendingPathComponent("feeds").path
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Runs `ics` and returns its standard output.
    @discardableResult
    func ics(_ config: String = CLI.melhus, out: String? = nil, state: String? = nil, now: String = "2026-08-01T08:00",
             extra: [String] = []) throws -> String {
        let result = try CLI.run(["ics", "--config", config, "--out", out ?? self.out, "--state", state ?? self.state, "--now", now] + extra)
        #expect(result.code == 0, "\(result.stderr)")
        return result.stdout
    }

    func files(_ root: String) -> [String: Data] {
        CLI.snapshot(URL(fileURLWithPath: root)).mapValues(\.0)
    }

    /// What a run without any shortcut writes from a copy of the store as it is now.
    func fullRun(_ config: String = CLI.melhus, now: String = "2026-08-01T08:00", name: String) throws -> [String: Data] {
        let copy = path(name + ".sqlite")
        try FileManager.default.copyItem(atPath: state, toPath: copy)
        let printed = try ics(config, out: path(name), state: copy, now: now)
        #expect(!printed.contains("nothing changed"))
        return files(path(name))
    }

    static let skipped = "nothing changed since the last run"

    @Test func aSecondRunWithNothingChangedDoesNothing() throws {
        let first = try ics()
        #expect(!first.contains(Self.skipped))
        let before = CLI.snapshot(URL(fileURLWithPath: out))
        let second = try ics(now: "2026-09-15T06:00")
        #expect(second.contains("(0 written, 67 unchanged; 0 events revised; \(Self.skipped))"), "\(second)")
        // Not a file touched: same bytes and the same modification times.
        #expect(CLI.same(CLI.snapshot(URL(fileURLWithPath: out)), before))
        // And again: the run that did nothing passes the fingerprint on.
        #expect(try ics(now: "2026-10-01T06:00").contains(Self.skipped))
        #expect(files(out) == (try fullRun(name: "reference")))
    }

    @Test func anEditedConfigIsPublished() throws {
        try ics()
        let source = try String(contentsOfFile: CLI.melhus, encoding: .utf8)
        let edited = path("edited.toml")
        // The same plan with one more space in a comment-free spot: other bytes, same meetings.
        try (source + "\n").write(toFile: edited, atomically: true, encoding: .utf8)
        let printed = try ics(edited)
        #expect(!printed.contains(Self.skipped))
        #expect(printed.contains("0 events revised"))
        // A real change: every samarbeidsgruppe meeting starts at another time.
        let moved = source.replacingOccurrences(
            of: "exclude_months = [7] }\nstart = \"09:00\"\nend = \"11:30\"",
            with: "exclude_months = [7] }\nstart = \"12:00\"\nend = \"14:30\"")
        #expect(moved != source)
        try moved.write(toFile: edited, atomically: true, encoding: .utf8)
        let again = try ics(edited)
        #expect(!again.contains(Self.skipped))
        #expect(!again.contains("; 0 events revised"))
        #expect(files(out) == (try fullRun(edited, name: "reference")))
    }

    @Test func aChangeByAnotherCommandIsPublished() throws {
        try ics()
        let uid = "nettverk.melhus-vest-20260916@moteplan.melhus.example.no"
        let move = try CLI.run([
            "meeting", "move", uid, "--to", "2026-09-22T14:00", "--reason", "Kollisjon", "--config", CLI.melhus,
            "--state", state, "--now", "2026-08-01T08:00",
        ])
        #expect(move.code == 0, "\(move.stderr)")
        let printed = try ics()
        #expect(printed.contains("1 events revised"), "\(printed)")
        let alle = String(decoding: files(out)["/alle.ics"] ?? Data(), as: UTF8.self)
        #expect(alle.contains("DTSTART;TZID=Europe/Oslo:20260922T140000"))
        #expect(try ics().contains(Self.skipped))
    }

    @Test func aTermThatBeganSinceIsRecorded() throws {
        try ics(now: "2026-08-01T08:00")
        #expect(try ics(now: "2027-07-31T08:00").contains(Self.skipped))
        // The networks' school-year terms: a new one begins on 1 August 2027 (recorded, though
        // the projected leader is the one recorded, so no feed changes).
        let printed = try ics(now: "2027-08-02T08:00")
        #expect(!printed.contains(Self.skipped))
        #expect(printed.contains("recorded: nedre-melhus 2027/28 led by gimse-barneskole"), "\(printed)")
        #expect(files(out) == (try fullRun(now: "2027-08-02T08:00", name: "reference")))
    }

    @Test func filesChangedOnDiskAreRepaired() throws {
        try ics()
        let published = files(out)
        // A feed rewritten behind moteplan's back (its mtime changes), the manifest edited, and a
        // temporary a killed run left behind.
        let victim = out + "/alle.ics"
        Thread.sleep(forTimeInterval: 0.01)
        try Data("BEGIN:VCALENDAR\r\n".utf8).write(to: URL(fileURLWithPath: victim))
        #expect(!(try ics()).contains(Self.skipped))
        #expect(files(out) == published)
        try Data("alle.ics\n".utf8).write(to: URL(fileURLWithPath: out + "/.moteplan-feeds"))
        #expect(!(try ics()).contains(Self.skipped))
        #expect(files(out) == published)
        let leftover = out + "/.alle.ics.moteplan-tmp-99999"
        try Data("half a feed".utf8).write(to: URL(fileURLWithPath: leftover))
        #expect(try ics().contains(Self.skipped))
        #expect(!FileManager.default.fileExists(atPath: leftover))
        #expect(files(out) == published)
        // A removed feed is written again.
        try FileManager.default.removeItem(atPath: out + "/for/ppt.ics")
        #expect(!(try ics()).contains(Self.skipped))
        #expect(files(out) == published)
    }

    @Test func anotherOutputDirectoryOrPrivateDirectoryIsAFullRun() throws {
        try ics()
        #expect(!(try ics(out: path("elsewhere"))).contains(Self.skipped))
        #expect(files(path("elsewhere")) == files(out))
        // Back to the first directory: the last complete run wrote elsewhere, so this one is full too.
        #expect(!(try ics()).contains(Self.skipped))
        let withPrivate = try ics(extra: ["--private", path("private")])
        #expect(!withPrivate.contains(Self.skipped))
        #expect(try ics(extra: ["--private", path("private")]).contains(Self.skipped))
        #expect(!(try ics()).contains(Self.skipped))
    }
}
