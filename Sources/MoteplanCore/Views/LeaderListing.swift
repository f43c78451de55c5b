import Foundation

/// The rows `moteplan leaders` shows: per group, the recorded past terms, the current term and
/// the next N, each marked recorded / override / projected.
public enum LeaderListing {
    /// One term of one group.
    public struct Row: Sendable, Hashable, Encodable {
        /// The group id.
        public var group: String
        /// "2026/27" or "2026".
        public var term: String
        /// First day.
        public var start: String
        /// Last day.
        public var end: String
        /// The leader's id (a unit or role).
        public var leader: String
        /// recorded, override or projected.
        public var status: String
        /// Whether this is the term containing today.
        public var current: Bool
    }

    /// The CSV header.
    public static let csvHeader = "group,term,start,end,leader,status"

    /// The groups to list: all rotating groups, or the one named (which must exist and rotate).
    public static func groups(_ configuration: Configuration, only: String?) throws -> [Group] {
        guard let only else { return configuration.groups.filter { $0.rotation != nil } }
        guard let group = configuration.group(only) else {
            throw LookupError(
                message: "unknown group \"\(only)\"." + Suggestion.hint(for: only, in: configuration.groups.map(\.id)))
        }
        return [group]
    }

    /// Rows for `groups` as of `today`, with `ahead` terms after the current one.
    public static func rows(planner: RotationPlanner, groups: [Group], today: LocalDate, ahead: Int) -> [Row] {
        var rows: [Row] = []
        for group in groups {
            guard let rule = group.rotation else { continue }
            let current = Term(kind: rule.termKind, containing: today)
            var last = current
            for _ in 0..<ahead { last = last.next }
            for term in planner.terms(group: group.id, through: last) {
                rows.append(Row(
                    group: group.id, term: term.term.label, start: term.term.range.first.description,
                    end: term.term.range.last.description, leader: term.leaderID, status: term.status.rawValue,
                    current: term.term == current))
            }
        }
        return rows
    }

    /// A table with the leader's name and a marker on the current term.
    public static func table(_ rows: [Row], configuration: Configuration) -> String {
        guard !rows.isEmpty else { return "no group has a rotation\n" }
        var cells = [["group", "term", "leader", "status", ""]]
        for row in rows {
            let name = configuration.actor(row.leader).map(LeaderName.display) ?? row.leader
            cells.append([row.group, row.term, name, row.status, row.current ? "← now" : ""])
        }
        return TextTable(rows: cells).render()
    }

    /// CSV with the fixed header.
    public static func csv(_ rows: [Row]) -> String {
        CSV.document(header: csvHeader, rows: rows.map { [$0.group, $0.term, $0.start, $0.end, $0.leader, $0.status] })
    }

    /// JSON array, keys sorted.
    public static func json(_ rows: [Row]) throws -> String {
        try JSONOutput.encode(rows)
    }
}

/// A name the user gave that the config does not know: a usage error (exit 2).
public struct LookupError: Error, CustomStringConvertible, Sendable {
    /// What is unknown, with a suggestion.
    public let message: String

    /// The message.
    public var description: String { message }
}
