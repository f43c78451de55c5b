import Foundation
import Testing

/// `moteplan conflicts`, `plan --for` and `check --strict` as a rådgiver (or CI) runs them on Melhus.
struct ConflictsCommandTests {
    /// One window as `conflicts --format json` prints it.
    struct Row: Decodable, Equatable {
        var resource: String
        var start: String
        var end: String
        var capacity: Int
        var needed: Int
        var uids: [String]
        var structures: [String]
    }

    /// One meeting as `plan --format json` prints it (the fields these tests read).
    struct PlanRow: Decodable {
        var uid: String
        var start: String
        var end: String
        var needs: [String]
    }

    static func json<T: Decodable>(_ type: T.Type, _ arguments: [String]) throws -> T {
        let result = try CLI.run(arguments)
        #expect(result.code == 0, "\(arguments): \(result.stderr)")
        return try JSONDecoder().decode(T.self, from: Data(result.stdout.utf8))
    }

    /// RFC 4180 records (CRLF line ends, quoted fields with doubled quotes).
    static func csvRecords(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\r\n" || c == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }

    @Test func csvHasTheFixedHeaderAndTheSameWindowsAsJSON() throws {
        let windows = try Self.json([Row].self, ["conflicts", "--config", CLI.melhusTogether, "--format", "json"])
        let result = try CLI.run(["conflicts", "--config", CLI.melhusTogether, "--format", "csv"])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("resource,start,end,capacity,needed,uids\r\n"))
        let records = Self.csvRecords(result.stdout)
        #expect(records.first == ["resource", "start", "end", "capacity", "needed", "uids"])
        let rows = Array(records.dropFirst())
        // Melhus double-books people (16 lokalt teams on the same Tuesday share PPT and helsestasjon).
        #expect(!windows.isEmpty)
        #expect(rows.count == windows.count)
        for (row, window) in zip(rows, windows) {
            #expect(row == [
                window.resource, window.start, window.end, String(window.capacity), String(window.needed),
                window.uids.joined(separator: " "),
            ])
        }
    }

    @Test func jsonWindowsAreExplainedByThePlansNeeds() throws {
        let windows = try Self.json([Row].self, ["conflicts", "--config", CLI.melhusTogether, "--format", "json"])
        let plan = try Self.json([PlanRow].self, ["plan", "--config", CLI.melhusTogether, "--format", "json"])
        let byUID = Dictionary(plan.map { ($0.uid, $0) }, uniquingKeysWith: { first, _ in first })
        for window in windows {
            // Every meeting of a window needs the resource and overlaps the window (Melhus has no buffer).
            for uid in window.uids {
                let meeting = try #require(byUID[uid], "\(uid) is not in the plan")
                #expect(meeting.needs.contains(window.resource), "\(uid) does not need \(window.resource)")
                #expect(meeting.start < window.end && window.start < meeting.end, "\(uid) is outside \(window.start)–\(window.end)")
            }
            #expect(window.needed > window.capacity)
            #expect(window.uids.count >= window.needed)
        }
    }

    @Test func planForListsExactlyTheMeetingsThatNeedIt() throws {
        let all = try Self.json([PlanRow].self, ["plan", "--config", CLI.melhusTogether, "--format", "json"])
        let ppt = try Self.json([PlanRow].self, ["plan", "--config", CLI.melhusTogether, "--for", "ppt", "--format", "json"])
        let expected = all.filter { $0.needs.contains("ppt") }.map(\.uid)
        #expect(!expected.isEmpty)
        #expect(expected.count < all.count)
        #expect(ppt.map(\.uid) == expected)
        let unknown = try CLI.run(["plan", "--config", CLI.melhusTogether, "--for", "ppx"])
        #expect(unknown.code == 2)
        #expect(unknown.stderr.contains("unknown role, unit or location \"ppx\". Did you mean \"ppt\"?"))
    }

    @Test func checkStrictFailsOnDoubleBookingsAndNamesEachResource() throws {
        let windows = try Self.json([Row].self, ["conflicts", "--config", CLI.melhusTogether, "--format", "json"])
        var perResource: [String: Int] = [:]
        for window in windows { perResource[window.resource, default: 0] += 1 }
        let melhus = try String(contentsOfFile: CLI.melhusTogether, encoding: .utf8).components(separatedBy: "\n")

        let strict = try CLI.run(["check", "--strict", "--config", CLI.melhusTogether])
        #expect(strict.code == 2)
        #expect(!strict.stdout.contains("ok: no conflicts") && !strict.stdout.contains("ok, with"))
        let lines = strict.stderr.components(separatedBy: "\n")
        for (resource, count) in perResource {
            let line = try #require(lines.first { $0.contains(": \(resource) is double-booked: ") }, "no warning for \(resource)")
            #expect(line.contains("error: "), "\(line)")
            #expect(line.contains("double-booked: \(count) conflict window\(count == 1 ? "" : "s")"), "\(line)")
            #expect(line.contains("'moteplan conflicts --resource \(resource)'"))
            // Located at the resource's own [[roles]] or [[units]] entry: the line before its id.
            let idLine = try #require(melhus.firstIndex(of: "id = \"\(resource)\"")) + 1
            #expect(line.hasPrefix("\(CLI.melhusTogether):\(idLine - 1):"), "\(line)")
        }
        #expect(lines.filter { $0.contains(" is double-booked: ") }.count == perResource.count)
        #expect(strict.stderr.contains("error: \(windows.count) conflict windows on \(perResource.count) resources"))

        // Without --strict the same findings are warnings and the check passes.
        let lenient = try CLI.run(["check", "--config", CLI.melhusTogether])
        #expect(lenient.code == 0)
        #expect(lenient.stderr.contains("warning: units[17]: ppt is double-booked: \(perResource["ppt"] ?? -1) conflict windows"))
    }

    @Test func checkStrictPassesWithoutDoubleBookings() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("moteplan.toml")
        // PPT (capacity 2) at two meetings at once: within its capacity.
        try Data("""
            version = 1
            [municipality]
            name = "Testkommune"
            uid_domain = "test.example.no"
            revision = 2026-01-01
            from = 2026-01-01
            to = 2026-12-31

            [[roles]]
            id = "la"
            name = "Leder A"

            [[roles]]
            id = "lb"
            name = "Leder B"

            [[roles]]
            id = "ppt"
            name = "PPT"
            capacity = 2

            [[structures]]
            id = "a"
            title = "A"
            leader = "la"
            cadence = { kind = "dates", dates = [2026-09-15] }
            start = "12:00"
            end = "13:00"
            participants = ["ppt"]

            [[structures]]
            id = "b"
            title = "B"
            leader = "lb"
            cadence = { kind = "dates", dates = [2026-09-15] }
            start = "12:00"
            end = "13:00"
            participants = ["ppt"]
            """.utf8).write(to: config)
        let result = try CLI.run(["check", "--strict", "--config", config.path])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ok: no conflicts"))
        let csv = try CLI.run(["conflicts", "--config", config.path, "--format", "csv"])
        #expect(csv.stdout == "resource,start,end,capacity,needed,uids\r\n")
    }

    @Test func unknownResourceIsAUsageError() throws {
        let result = try CLI.run(["conflicts", "--config", CLI.melhusTogether, "--resource", "nosuch"])
        #expect(result.code == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("unknown resource \"nosuch\""))
        let close = try CLI.run(["conflicts", "--config", CLI.melhusTogether, "--resource", "ppx"])
        #expect(close.code == 2)
        #expect(close.stderr.contains("unknown resource \"ppx\". Did you mean \"ppt\"?"))
    }

    @Test func resourceFilterKeepsThatResourcesWindows() throws {
        let all = try Self.json([Row].self, ["conflicts", "--config", CLI.melhusTogether, "--format", "json"])
        let ppt = try Self.json([Row].self, ["conflicts", "--config", CLI.melhusTogether, "--format", "json", "--resource", "ppt"])
        #expect(!ppt.isEmpty)
        #expect(ppt == all.filter { $0.resource == "ppt" })
    }
}
