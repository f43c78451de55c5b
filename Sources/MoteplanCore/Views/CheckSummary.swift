/// The per-structure table `moteplan check` prints: instances, meetings per school year,
/// first and last date.
public struct CheckSummary: Sendable {
    /// The config checked.
    public let configuration: Configuration
    /// Its schedule.
    public let schedule: Schedule

    /// Creates a summary.
    public init(configuration: Configuration, schedule: Schedule) {
        self.configuration = configuration
        self.schedule = schedule
    }

    /// The school years the horizon touches, by start year.
    public var schoolYears: [Int] {
        let horizon = configuration.municipality.horizon
        return Array(SchoolYear.startYear(containing: horizon.first)...SchoolYear.startYear(containing: horizon.last))
    }

    /// The summary text, ending in a newline.
    public func render(file: String) -> String {
        let m = configuration.municipality
        var rows: [[String]] = [["structure", "instances"] + schoolYears.map { SchoolYear.label(startYear: $0) } + ["first", "last"]]
        for structure in configuration.structures {
            let meetings = schedule.meetings.filter { $0.instance.structureID == structure.id }
            let instances = schedule.instances.filter { $0.structureID == structure.id }.count
            var row = [structure.id, String(instances)]
            for year in schoolYears {
                row.append(String(meetings.filter { SchoolYear.startYear(containing: $0.date) == year }.count))
            }
            row.append(meetings.first.map { $0.date.description } ?? "-")
            row.append(meetings.last.map { $0.date.description } ?? "-")
            rows.append(row)
        }
        var text = "\(file): \(m.name), \(m.horizon), \(configuration.structures.count) structures, "
        text += "\(schedule.instances.count) instances, \(schedule.meetings.count) meetings\n"
        text += TextTable(rows: rows, rightAligned: Set(1..<(rows[0].count - 2))).render()
        return text
    }
}
