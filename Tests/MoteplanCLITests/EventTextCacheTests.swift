import Foundation
import Testing

/// The event text cache (issue 18): `ics` with an existing state store reuses each unchanged
/// event's checked text, and its output is byte for byte what a cold run writes.
///
/// "Cold" throughout means the same state store with its `event_text` rows deleted: the same
/// revisions (SEQUENCE, DTSTAMP), but every event built, serialized and parsed back by libical
/// as on a first publication. A warm run that differs from it in any byte is a cache bug.
struct EventTextCacheTests {
    let directory: URL
    let state: String

    init() throws {
        directory = try CLI.temporaryDirectory()
        state = directory.appendingPathComponent("state.sqlite").path
    }

    func ics(_ config: String, out: String, state: String, extra: [String] = [], now: String = "2026-08-01T08:00") throws {
        let result = try CLI.run(["ics", "--config", config, "--out", out, "--state", state, "--now", now] + extra)
        #expect(result.code == 0, "\(result.stderr)")
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Every file under `root` (relative path → bytes).
    func files(_ root: String) -> [String: Data] {
        CLI.snapshot(URL(fileURLWithPath: root)).mapValues(\.0)
    }

    /// Runs one writing statement on the SQLite file at `path` with python's sqlite3 (a second
    /// client) and commits it (`CLI.sqlite` only reads: it never commits).
    func execute(_ path: String, _ statement: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nc.execute(sys.argv[2])\nc.commit()\nc.close()",
            path, statement,
        ]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(statement)")
    }

    /// A copy of the state store with the cache emptied: what a cold run starts from.
    func coldCopy(of state: String, to copy: String) throws {
        try FileManager.default.copyItem(atPath: state, toPath: copy)
        try execute(copy, "DELETE FROM event_text")
        #expect(try CLI.sqlite(copy, "SELECT count(*) FROM event_text") == "0\n")
    }

    /// The VEVENT blocks of a feed by UID (lines unfolded).
    func events(_ data: Data?) -> [String: String] {
        let text = String(decoding: data ?? Data(), as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        var result: [String: String] = [:]
        for block in text.components(separatedBy: "BEGIN:VEVENT").dropFirst() {
            guard let line = block.components(separatedBy: "\r\n").first(where: { $0.hasPrefix("UID:") }) else { continue }
            result[String(line.dropFirst(4))] = block
        }
        return result
    }

    /// Writes a small generated plan (Benchmarks/generate) and returns its path.
    func generated(units: Int, name: String = "generated.toml") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CLI.root.appendingPathComponent("Benchmarks/generate").path, "--units", "\(units)", "--years", "2"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let config = path(name)
        try data.write(to: URL(fileURLWithPath: config))
        return config
    }

    @Test(arguments: ["melhus", "generated"])
    func warmRunWritesTheBytesOfAColdRun(plan: String) throws {
        let config = plan == "melhus" ? CLI.melhus : try generated(units: 12)
        try ics(config, out: path("first"), state: state, extra: ["--private", path("first-private")])
        // One cached entry per meeting: as many rows as VEVENTs in alle.ics.
        let meetings = events(files(path("first"))["/alle.ics"]).count
        #expect(meetings > 100)
        #expect(try CLI.sqlite(state, "SELECT count(*) FROM event_text") == "\(meetings)\n")
        #expect(try CLI.sqlite(state, "SELECT count(*) FROM event_text WHERE private_text IS NULL") == "0\n")
        try coldCopy(of: state, to: path("cold.sqlite"))
        // Warm: every text from the cache, into new directories (so every file is written again).
        try ics(config, out: path("warm"), state: state, extra: ["--private", path("warm-private")])
        try ics(config, out: path("cold"), state: path("cold.sqlite"), extra: ["--private", path("cold-private")])
        let cold = files(path("cold"))
        #expect(cold.count > 20)
        #expect(files(path("warm")) == cold)
        #expect(files(path("first")) == cold)
        #expect(files(path("warm-private")) == files(path("cold-private")))
        if plan == "melhus" {
            // Melhus has addresses: the private feeds differ from the public ones by ATTENDEE lines.
            let privateAll = String(decoding: files(path("warm-private"))["/alle.ics"] ?? Data(), as: UTF8.self)
            #expect(privateAll.contains("\r\nATTENDEE"))
            #expect(!String(decoding: cold["/alle.ics"] ?? Data(), as: UTF8.self).contains("\r\nATTENDEE"))
        }
    }

    @Test func warmRunReusesTheCachedTextOnlyUnderItsOwnKey() throws {
        try ics(CLI.melhus, out: path("first"), state: state)
        let original = files(path("first"))
        let uid = try #require(events(original["/alle.ics"]).keys.sorted().first)
        // Mark one cached text: a warm run must write the mark (it reuses, it does not re-serialize).
        try execute(state, "UPDATE event_text SET public_text = replace(public_text, 'SUMMARY:', 'SUMMARY:CACHED ') WHERE uid = '\(uid)'")
        try ics(CLI.melhus, out: path("warm"), state: state)
        let warm = files(path("warm"))
        #expect(events(warm["/alle.ics"])[uid]?.contains("SUMMARY:CACHED ") == true)
        // Only that event differs from the first run.
        let before = events(original["/alle.ics"])
        let after = events(warm["/alle.ics"])
        #expect(Set(before.keys) == Set(after.keys))
        #expect(before.keys.filter { before[$0] != after[$0] } == [uid])
        // The same entry under another cache format (an older moteplan wrote it) is not used:
        // the event is serialized again, and the row gets the current key and text back.
        try execute(state, "UPDATE event_text SET key = 'moteplan-0.0.9/event-text-0' || substr(key, instr(key, '|')) WHERE uid = '\(uid)'")
        try ics(CLI.melhus, out: path("again"), state: state)
        #expect(files(path("again")) == original)
        let row = try CLI.sqlite(state, "SELECT key LIKE 'moteplan-0.1.0/event-text-1|%', instr(public_text, 'CACHED') FROM event_text WHERE uid = '\(uid)'")
        #expect(row == "1|0\n")
    }

    @Test func aFeedChangedOnDiskIsRepairedAndUntouchedFeedsAreLeftAlone() throws {
        // A feed file whose stamp (size, mtime, inode) no longer matches is compared and rewritten;
        // the others are skipped by their stamps and keep their modification times.
        let out = path("feeds")
        try ics(CLI.melhus, out: out, state: state)
        let before = CLI.snapshot(URL(fileURLWithPath: out))
        #expect(try CLI.sqlite(state, "SELECT count(*) FROM feed_stamp") == "\(before.keys.filter { $0.hasSuffix(".ics") }.count)\n")
        // Same size, one byte different: the file's mtime changes with the write.
        let victim = out + "/for/ppt.ics"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: victim))
        let at = try #require(bytes.firstRange(of: Data("SUMMARY:".utf8)))
        bytes[at.upperBound] = bytes[at.upperBound] == UInt8(ascii: "X") ? UInt8(ascii: "Y") : UInt8(ascii: "X")
        Thread.sleep(forTimeInterval: 0.01)
        try bytes.write(to: URL(fileURLWithPath: victim))
        try ics(CLI.melhus, out: out, state: state)
        let after = CLI.snapshot(URL(fileURLWithPath: out))
        #expect(after["/for/ppt.ics"]?.0 == before["/for/ppt.ics"]?.0)
        for (file, value) in before where file != "/for/ppt.ics" {
            #expect(after[file]?.0 == value.0 && after[file]?.1 == value.1, "\(file)")
        }
        // The stamp is what is trusted: the same edit with size, inode and mtime put back (cp -p
        // keeps the nanoseconds, touch -r restores them) is not noticed, so an unchanged feed is
        // indeed neither read nor compared.
        let reference = path("reference.ics")
        try shell(["cp", "-p", victim, reference])
        try bytes.write(to: URL(fileURLWithPath: victim))
        try shell(["touch", "-r", reference, victim])
        try ics(CLI.melhus, out: out, state: state)
        #expect(try Data(contentsOf: URL(fileURLWithPath: victim)) == bytes)
    }

    func shell(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(arguments)")
    }

    @Test func oneMovedMeetingChangesExactlyItsEvent() throws {
        let out = path("feeds")
        try ics(CLI.melhus, out: out, state: state, now: "2026-09-01T08:00")
        let before = files(out)
        // Moving one meeting by hand changes its DTSTART/DTEND, DESCRIPTION ("Flyttet fra …") and
        // SEQUENCE; no other meeting refers to it, so no other VEVENT may change.
        let uid = "nettverk.melhus-vest-20260916@moteplan.melhus.example.no"
        let move = try CLI.run([
            "meeting", "move", uid, "--to", "2026-09-22T14:00", "--reason", "Kollisjon", "--config", CLI.melhus,
            "--state", state, "--now", "2026-09-01T08:00",
        ])
        #expect(move.code == 0, "\(move.stderr)")
        try coldCopy(of: state, to: path("cold.sqlite"))
        try ics(CLI.melhus, out: out, state: state, now: "2026-09-01T08:00")
        let after = files(out)
        for (file, old) in before where file.hasSuffix(".ics") {
            let a = events(old)
            let b = events(after[file])
            #expect(Set(a.keys) == Set(b.keys), "\(file)")
            let changed = a.keys.filter { a[$0] != b[$0] }
            #expect(changed == (a[uid] == nil ? [] : [uid]), "\(file): \(changed)")
        }
        let moved = try #require(events(after["/alle.ics"])[uid])
        #expect(moved.contains("DTSTART;TZID=Europe/Oslo:20260922T140000\r\n"))
        #expect(moved.contains("SEQUENCE:1\r\n"))
        // And the warm result is what a cold run writes from the same state.
        try ics(CLI.melhus, out: path("cold"), state: path("cold.sqlite"), now: "2026-09-01T08:00")
        #expect(files(path("cold")) == after)
        // The moved event's row carries its new text.
        #expect(try CLI.sqlite(state, "SELECT instr(public_text, '20260922T140000') > 0 FROM event_text WHERE uid = '\(uid)'") == "1\n")
    }

    @Test func entriesOfMeetingsThatLeftTheScheduleAreRemoved() throws {
        let out = path("feeds")
        try ics(try generated(units: 12), out: out, state: state)
        let twelve = Set(events(files(out)["/alle.ics"]).keys)
        #expect(try CLI.sqlite(state, "SELECT count(*) FROM event_text") == "\(twelve.count)\n")
        // Ten units: the last two units' meetings leave the schedule, and so do their cache rows.
        try ics(try generated(units: 10, name: "ten.toml"), out: out, state: state)
        let ten = Set(events(files(out)["/alle.ics"]).keys)
        #expect(!ten.isEmpty && ten.count < twelve.count)
        let cached = try CLI.sqlite(state, "SELECT uid FROM event_text ORDER BY uid").split(separator: "\n").map(String.init)
        #expect(cached == ten.sorted())
    }
}
