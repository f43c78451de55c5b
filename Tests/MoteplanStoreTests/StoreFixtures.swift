import Foundation
import MoteplanCore
import MoteplanStore

/// Small configs and temporary state files for the store tests.
enum StoreFixtures {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("moteplan-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A config with one rotating group over `candidates` (role ids r0, r1, …) and one network
    /// structure meeting on the first Wednesday of September and February.
    static func rotationConfig(candidates: [String], first: String, roles: Int = 12, start: String = "13:00", title: String = "Nettverk") throws -> Configuration {
        var text = """
            version = 1
            [municipality]
            name = "Test"
            uid_domain = "test.example.no"
            revision = 2026-08-01
            from = 2026-08-01
            to = 2046-07-31

            """
        for index in 0..<roles {
            text += "[[roles]]\nid = \"r\(index)\"\nname = \"Rolle \(index)\"\n"
        }
        text += """
            [[units]]
            id = "u"
            name = "Enhet"
            kind = "skole"
            head = "Rektor"

            [[groups]]
            id = "g"
            name = "Gruppe"
            members = ["u"]
            [groups.rotation]
            candidates = [\(candidates.map { "\"\($0)\"" }.joined(separator: ", "))]
            first_term = "2026/27"
            first_leader = "\(first)"

            [[structures]]
            id = "nettverk"
            title = "\(title)"
            per = "group"
            leader = "group-leader"
            cadence = { kind = "months", months = [9, 2], nth = [1], weekday = "onsdag" }
            start = "\(start)"
            end = "15:00"
            """
        return try ConfigLoader.parse(bytes: Array(text.utf8), file: "rotation.toml").configuration
    }

    /// The local start of a school year's term, as --now.
    static func now(_ startYear: Int, month: Int = 8, day: Int = 1) -> LocalDateTime {
        LocalDateTime(
            date: LocalDate(year: startYear, month: month, day: day) ?? LocalDate(daysSinceEpoch: 0),
            time: LocalTime(hour: 9, minute: 0) ?? .midnight)
    }
}
