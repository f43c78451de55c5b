import Foundation
import Testing

/// `moteplan check` reports every problem of a config in one run, each at its line and column.
struct OnePassCheckTests {
    /// Five independent mistakes, one per entry: a duplicate role id (line 14), an unknown weekday
    /// (line 23), an impossible time (line 29), an unknown leader (line 36) and an unknown
    /// location (line 47). The line numbers are counted in the text below (line 1 is `version`).
    static let text = """
        version = 1
        [municipality]
        name = "Testkommune"
        uid_domain = "test.example.no"
        revision = 2026-01-01
        from = 2026-01-01
        to = 2026-12-31

        [[roles]]
        id = "leder"
        name = "Leder"

        [[roles]]
        id = "leder"
        name = "Leder igjen"

        [[structures]]
        id = "a"
        title = "Møte A"
        leader = "leder"
        start = "14:00"
        end = "15:00"
        cadence = { kind = "monthly", nth = [1], weekday = "fredagg" }

        [[structures]]
        id = "b"
        title = "Møte B"
        leader = "leder"
        start = "25:00"
        end = "15:00"
        cadence = { kind = "monthly", nth = [1], weekday = "tirsdag" }

        [[structures]]
        id = "c"
        title = "Møte C"
        leader = "ukjent-leder"
        start = "14:00"
        end = "15:00"
        cadence = { kind = "monthly", nth = [1], weekday = "onsdag" }

        [[structures]]
        id = "d"
        title = "Møte D"
        leader = "leder"
        start = "14:00"
        end = "15:00"
        location = "moterom-gauldal"
        cadence = { kind = "monthly", nth = [1], weekday = "torsdag" }

        """

    @Test func fiveIndependentMistakesAreAllReportedWithTheirPlaces() throws {
        let directory = try CLI.temporaryDirectory()
        let path = directory.appendingPathComponent("feil.toml").path
        try Data(Self.text.utf8).write(to: URL(fileURLWithPath: path))
        let before = CLI.snapshot(directory)
        let result = try CLI.run(["check", "--config", path])
        #expect(result.code == 2)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 5, "\(result.stderr)")
        // Each: the file, the line counted above, a column, and the offending key path.
        let expected: [(line: Int, fragment: String)] = [
            (14, "roles[1].id: duplicate id \"leder\""),
            (23, "unknown weekday \"fredagg\""),
            (29, "structures[1].start"),
            (36, "structures[2].leader: unknown role or unit \"ukjent-leder\""),
            (47, "structures[3].location: unknown location \"moterom-gauldal\""),
        ]
        for (line, fragment) in expected {
            let hit = errors.first { $0.hasPrefix("\(path):\(line):") && $0.contains(fragment) }
            #expect(hit != nil, "no error at line \(line) with \(fragment) in:\n\(result.stderr)")
            if let hit {
                let place = hit.dropFirst(path.count + 1).split(separator: ":").prefix(2)
                #expect(place.count == 2 && place.allSatisfy { Int($0) != nil }, "\(hit) has no line:col")
            }
        }
        #expect(CLI.same(before, CLI.snapshot(directory)), "check wrote something")
    }

    /// An entry that cannot be read is one mistake, reported once: the references to it (group
    /// members, rotation candidates, its [[structures.instances]] settings) are not reported again.
    @Test func anUnreadableEntryIsOneErrorNotACascade() throws {
        let text = try String(contentsOfFile: CLI.melhus, encoding: .utf8)
        let broken = "id = \"eid-barnehage-og-skole\"\nname = 7\n"
        let changed = text.replacingOccurrences(of: "id = \"eid-barnehage-og-skole\"\nname = \"Eid barnehage og skole\"\n", with: broken)
        #expect(changed.contains(broken))
        let directory = try CLI.temporaryDirectory()
        let path = directory.appendingPathComponent("melhus.toml").path
        try Data(changed.utf8).write(to: URL(fileURLWithPath: path))
        let result = try CLI.run(["check", "--config", path])
        #expect(result.code == 2)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 1, "\(result.stderr)")
        #expect(errors.first?.contains("units[14].name: expected a string, found integer.") == true, "\(result.stderr)")
    }
}
