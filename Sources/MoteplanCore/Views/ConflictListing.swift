/// Conflicts as `moteplan conflicts` prints them, and as `check` summarises them.
public enum ConflictListing {
    /// The CSV header, fixed.
    public static let csvHeader = "resource,start,end,capacity,needed,uids"

    /// RFC 4180 CSV: one row per window, UIDs joined by a space.
    public static func csv(_ conflicts: [Conflict]) -> String {
        CSV.document(header: csvHeader, rows: conflicts.map { c in
            [c.resource, c.start.description, c.end.description, String(c.capacity), String(c.needed), c.uids.joined(separator: " ")]
        })
    }

    /// A table for people.
    public static func table(_ conflicts: [Conflict]) -> String {
        guard !conflicts.isEmpty else { return "no conflicts\n" }
        var rows = [["resource", "start", "end", "capacity", "needed", "meetings"]]
        for c in conflicts {
            rows.append([c.resource, c.start.description, c.end.description, String(c.capacity), String(c.needed), c.uids.joined(separator: " ")])
        }
        return TextTable(rows: rows, rightAligned: [3, 4]).render()
    }

    /// A JSON array, keys sorted.
    public static func json(_ conflicts: [Conflict]) throws -> String {
        try JSONOutput.encode(conflicts.map(Row.init))
    }

    private struct Row: Encodable {
        var resource: String
        var start: String
        var end: String
        var capacity: Int
        var needed: Int
        var uids: [String]
        var structures: [String]

        init(_ c: Conflict) {
            resource = c.resource
            start = c.start.description
            end = c.end.description
            capacity = c.capacity
            needed = c.needed
            uids = c.uids
            structures = c.structures
        }
    }

    /// One warning per resource with conflicts, located at the resource's entry in the config,
    /// and a last line with the total; empty when there are none.
    public static func diagnostics(_ conflicts: [Conflict], loaded: LoadedConfig) -> [ConfigDiagnostic] {
        guard !conflicts.isEmpty else { return [] }
        let config = loaded.configuration
        var byResource: [String: [Conflict]] = [:]
        for conflict in conflicts { byResource[conflict.resource, default: []].append(conflict) }
        var result: [ConfigDiagnostic] = []
        let entries = config.roles.enumerated().map { ($0.element.id, ConfigPath([.key("roles"), .index($0.offset)])) }
            + config.units.enumerated().map { ($0.element.id, ConfigPath([.key("units"), .index($0.offset)])) }
            + config.locations.enumerated().map { ($0.element.id, ConfigPath([.key("locations"), .index($0.offset)])) }
        for (id, path) in entries {
            guard let list = byResource[id], let first = list.first else { continue }
            let worst = list.max { ($0.needed - $0.capacity, $1.start) < ($1.needed - $1.capacity, $0.start) } ?? first
            let unavailable = list.filter { $0.capacity == 0 }.count
            let structures = Set(list.flatMap(\.structures)).sorted().joined(separator: ", ")
            var message = "\(id) is double-booked: \(list.count) conflict window\(list.count == 1 ? "" : "s")"
            if unavailable > 0 { message += " (\(unavailable) in unavailable time)" }
            message += ", at worst \(worst.needed) meeting\(worst.needed == 1 ? "" : "s") at once where it can take \(worst.capacity) (\(worst.start))"
            message += ", first on \(first.start.date); structures: \(structures). 'moteplan conflicts --resource \(id)' lists them."
            result.append(loaded.diagnostic(.warning, at: path, message))
        }
        let meetings = Set(conflicts.flatMap(\.uids)).count
        result.append(ConfigDiagnostic(
            severity: .warning, file: loaded.file,
            message: "\(conflicts.count) conflict window\(conflicts.count == 1 ? "" : "s") on \(byResource.count) resource\(byResource.count == 1 ? "" : "s"), touching \(meetings) meeting\(meetings == 1 ? "" : "s"); give capacities, move instances apart ([[structures.instances]]) or let moteplan place them."))
        return result
    }
}
