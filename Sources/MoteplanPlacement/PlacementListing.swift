import Foundation
import MoteplanCore
import MoteplanSolver

/// `moteplan place` output: the pattern per instance, or the changes of a replan, as a table, CSV
/// or JSON, with the soft violations and whether the placement is proven optimal.
public enum PlacementListing {
    /// "optimal (proven)" or "the best found within the budget".
    public static func proof(_ status: PlacementResult.Status) -> String {
        status == .optimal ? "optimal (proven)" : "the best found within the budget (not proven optimal)"
    }

    /// The table: one line per instance, then the summary.
    public static func table(_ outcome: PlacementOutcome, replan: Bool) -> String {
        var rows: [[String]] = []
        let shown = replan ? outcome.entries.filter(\.changed) : outcome.entries
        for entry in shown {
            let id = "\(entry.structureID)/\(entry.instanceID)"
            if replan {
                rows.append([id, "\(entry.previous ?? "-") → \(entry.choice)", "\(entry.people) people"])
            } else {
                rows.append([id, entry.choice, entry.penalty > 0 ? "cost \(entry.penalty)" : ""])
            }
        }
        let header = replan ? ["instance", "change", "affects"] : ["instance", "pattern", "wishes"]
        var text = TextTable(rows: [header] + rows).render()
        let label = SchoolYear.label(startYear: outcome.schoolYear)
        if replan && shown.isEmpty { text = "no instance would move\n" }
        text += "\(label): \(outcome.entries.count) instance\(outcome.entries.count == 1 ? "" : "s"), "
        text += "\(outcome.softViolations.count) soft violation\(outcome.softViolations.count == 1 ? "" : "s") (cost \(outcome.objective)), "
        text += proof(outcome.status) + "\n"
        for violation in outcome.softViolations { text += "  soft: \(violation)\n" }
        return text
    }

    /// CSV: `structure,instance,pattern,previous,people,cost`.
    public static func csv(_ outcome: PlacementOutcome) -> String {
        var text = "structure,instance,pattern,previous,people,cost\n"
        for entry in outcome.entries {
            text += [entry.structureID, entry.instanceID, entry.choice, entry.previous ?? "", "\(entry.people)", "\(entry.penalty)"]
                .map(field).joined(separator: ",") + "\n"
        }
        return text
    }

    /// JSON with sorted keys.
    public static func json(_ outcome: PlacementOutcome) throws -> String {
        struct Entry: Encodable {
            var structure: String, instance: String, name: String, pattern: String, previous: String?, changed: Bool
            var people: Int, cost: Int
        }
        struct Document: Encodable {
            var school_year: String, status: String, objective: Int, soft_violations: [String], placements: [Entry]
        }
        let document = Document(
            school_year: SchoolYear.label(startYear: outcome.schoolYear), status: outcome.status.rawValue,
            objective: outcome.objective, soft_violations: outcome.softViolations,
            placements: outcome.entries.map {
                Entry(
                    structure: $0.structureID, instance: $0.instanceID, name: $0.name, pattern: $0.choice,
                    previous: $0.previous, changed: $0.changed, people: $0.people, cost: $0.penalty)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    /// The problem as the neutral JSON the oracle reads.
    public static func problemJSON(_ problem: PlacementProblem) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(problem)
    }

    private static func field(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
