import MoteplanCore
import Mustache

/// Finds template variables a kind does not provide, by rendering the template against a context
/// that records every name looked up (swift-mustache does not expose a template's tokens).
/// Rendered twice, with flags and lists present and absent, so both branches are visited.
enum TemplateProbe {
    final class Recorder: @unchecked Sendable {
        var asked: [String] = []
        var known: Set<String> = []
    }

    /// A context level that answers known names with sample values and records every question.
    final class Level: MustacheParent {
        let values: [String: Any]
        let recorder: Recorder

        init(_ values: [String: Any], _ recorder: Recorder) {
            self.values = values
            self.recorder = recorder
        }

        func child(named name: String) -> Any? {
            if !recorder.asked.contains(name) { recorder.asked.append(name) }
            guard let value = values[name] else { return nil }
            recorder.known.insert(name)
            return value
        }
    }

    static func unknownVariables(in template: MustacheTemplate, text: String, kind: Reminder.Kind, source: String) -> [ConfigDiagnostic] {
        let (names, lists, flags) = ReminderTemplates.variables(for: kind)
        let recorder = Recorder()
        for present in [true, false] {
            var values: [String: Any] = [:]
            for name in names { values[name] = "x" }
            for flag in flags { values[flag] = present }
            for (list, fields) in lists {
                var item: [String: Any] = [:]
                for field in fields { item[field] = "x" }
                values[list] = present ? [Level(item, recorder)] : [Level]()
            }
            _ = template.render(Level(values, recorder))
        }
        let unknown = recorder.asked.filter { !recorder.known.contains($0) && $0 != "." }
        let allowed = Array(names) + Array(flags) + Array(lists.keys) + lists.values.flatMap { $0 }
        return unknown.map { name in
            let (line, column) = position(of: name, in: text)
            return ConfigDiagnostic(
                severity: .error, file: source, line: line, column: column,
                message: "unknown template variable \"\(name)\" for \(kind.rawValue) reminders." + Suggestion.hint(for: name, in: allowed.sorted()))
        }
    }

    /// Where `{{name` (or `{{#name`, …) first appears.
    static func position(of name: String, in text: String) -> (Int, Int) {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for prefix in ["{{", "{{#", "{{^", "{{&", "{{{", "{{/"] {
                for spaced in [prefix + name, prefix + " " + name] {
                    if let range = line.range(of: spaced) {
                        return (index + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
                    }
                }
            }
        }
        return (1, 1)
    }
}
