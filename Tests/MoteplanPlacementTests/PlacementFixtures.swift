import Foundation
import MoteplanCore
import MoteplanPlacement

/// The example config and small variants of it, for the placement tests.
enum PlacementFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Config/melhus.toml: the lokale team and nettverk on placement = "auto".
    static let melhusText: String = {
        (try? String(contentsOf: root.appendingPathComponent("Config/melhus.toml"), encoding: .utf8)) ?? ""
    }()

    static func load(_ text: String) throws -> LoadedConfig {
        try ConfigLoader.parse(bytes: Array(text.utf8), file: "test.toml")
    }

    /// The Melhus text with `old` replaced by `new` exactly once.
    static func melhus(replacing old: String, with new: String) -> String {
        precondition(melhusText.components(separatedBy: old).count == 2, "fixture text not unique: \(old)")
        return melhusText.replacingOccurrences(of: old, with: new)
    }

    /// The errors (or, with `warnings`, the warnings) a text produces.
    static func diagnostics(_ text: String, severity: ConfigDiagnostic.Severity = .error) -> [ConfigDiagnostic] {
        do {
            let loaded = try load(text)
            return severity == .warning ? loaded.warnings : []
        } catch let error as ConfigError {
            return error.diagnostics.filter { $0.severity == severity }
        } catch {
            return [ConfigDiagnostic(severity: .error, file: "?", message: "\(error)")]
        }
    }

    /// The 1-based line of `needle` in `text`.
    static func line(of needle: String, in text: String) -> Int? {
        guard let range = text.range(of: needle) else { return nil }
        return text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    }

    /// The lokalt-team structure's auto lines in the example.
    static let lokaltCadence =
        #"cadence = { kind = "monthly", nth = [1, 2, 3], weekday = ["tirsdag", "onsdag", "torsdag"], exclude_months = [7, 8] }"#

    /// Resolves every school year of the horizon and builds the schedule with those placements.
    static func placedSchedule(_ configuration: Configuration, recorded: [RecordedPlacement] = []) throws
        -> (Schedule, PlacementTable, [RecordedPlacement])
    {
        let (table, added) = try PlacementResolver.resolve(configuration: configuration, terms: [], changes: [], recorded: recorded)
        let schedule = Scheduler(configuration: configuration, placements: table).schedule()
        return (schedule, table, added)
    }
}
