import Foundation
import MoteplanCore

/// Shared test inputs: the bundled Melhus config and small configs built in code.
enum Fixtures {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The Melhus example with every time fixed by hand (Tests/Fixtures/melhus-fixed.toml, the
    /// example as it was before automatic placement, lokale team spread by
    /// `[[structures.instances]]`): what the hand-worked dates of these tests were worked out for.
    /// The example itself (`exampleText`) places its lokale team and nettverk automatically.
    static let melhusText: String = {
        (try? String(contentsOf: root.appendingPathComponent("Tests/Fixtures/melhus-fixed.toml"), encoding: .utf8)) ?? ""
    }()

    /// Config/melhus.toml's text: the example as `moteplan init` writes it (automatic placement).
    static let exampleText: String = {
        (try? String(contentsOf: root.appendingPathComponent("Config/melhus.toml"), encoding: .utf8)) ?? ""
    }()

    /// Parses config text as if read from `file`.
    static func load(_ text: String, file: String = "test.toml") throws -> LoadedConfig {
        try ConfigLoader.parse(bytes: Array(text.utf8), file: file)
    }

    /// The Melhus text without its `[[structures.instances]]` tables: every lokalt team on the
    /// 2nd Tuesday 12:30 and every network on the 3rd Wednesday 13:00, the double-booked plan the
    /// example had before it was spread out; the conflict tests need conflicts to find.
    static func withoutInstanceSettings(_ text: String) -> String {
        text.replacingOccurrences(
            of: #"\[\[structures\.instances\]\]\n(?:[a-z_]+ = [^\n]*\n)*"#, with: "", options: .regularExpression)
    }

    /// The Melhus text with the three networks all on the 3rd Wednesday 13:00–15:30, as the plan's
    /// table first had them (without `[[structures.instances]]` for nedre-melhus and melhus-sor):
    /// the stepping and report tests' hand-worked dates were worked out for that schedule, and
    /// they test referat, reminders and figures, not where the networks meet.
    static func networksTogether(_ text: String) -> String {
        guard let start = text.range(of: "# De tre nettverkene deler tjenestene"),
            let sor = text.range(of: "id = \"melhus-sor\"\ncadence", range: start.upperBound..<text.endIndex),
            let end = text.range(of: "\n", range: sor.upperBound..<text.endIndex)
        else { return text }
        return String(text[..<start.lowerBound]) + String(text[end.upperBound...])
    }

    /// The Melhus text with `old` replaced by `new` (exactly once; the test fails otherwise).
    static func melhus(replacing old: String, with new: String) -> String {
        precondition(melhusText.components(separatedBy: old).count == 2, "fixture text not unique: \(old)")
        return melhusText.replacingOccurrences(of: old, with: new)
    }

    /// The errors a text produces, or [] when it loads.
    static func errors(_ text: String) -> [ConfigDiagnostic] {
        do {
            _ = try load(text)
            return []
        } catch let error as ConfigError {
            return error.diagnostics.filter { $0.severity == .error }
        } catch {
            return [ConfigDiagnostic(severity: .error, file: "?", message: "\(error)")]
        }
    }

    /// The 1-based line of the first occurrence of `needle` in `text`.
    static func line(of needle: String, in text: String) -> Int? {
        guard let range = text.range(of: needle) else { return nil }
        return text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    }

    /// A minimal valid config with one structure whose body is `structure`.
    static func minimal(structure: String, extra: String = "", horizon: String = "from = 2026-01-01\nto = 2027-12-31") -> String {
        """
        version = 1
        [municipality]
        name = "Testkommune"
        uid_domain = "test.example.no"
        revision = 2026-01-01
        \(horizon)

        [[roles]]
        id = "leder"
        name = "Leder"

        \(extra)

        [[structures]]
        id = "s"
        title = "Møte"
        leader = "leder"
        start = "14:00"
        end = "15:00"
        \(structure)
        """
    }

    /// The dates of a minimal config's meetings.
    static func dates(structure: String, extra: String = "", horizon: String = "from = 2026-01-01\nto = 2027-12-31") throws -> [String] {
        let loaded = try load(minimal(structure: structure, extra: extra, horizon: horizon))
        return Scheduler(configuration: loaded.configuration).schedule().meetings.map { $0.date.description }
    }
}
