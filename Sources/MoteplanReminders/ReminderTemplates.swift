import Foundation
import MoteplanCore
import Mustache

/// The reminder templates: one Mustache file per kind in the config's templates folder (first
/// line the subject, then a blank line, then the body), for the plan's language, falling back to
/// the built-in ones of that language.
public struct ReminderTemplates: Sendable {
    /// A parsed template and where it came from.
    struct Entry: Sendable {
        var template: MustacheTemplate
        var source: String
        var text: String
    }

    private let entries: [Reminder.Kind: Entry]
    /// Kinds whose template the plan's language lacks in a per-language folder (the built-in one
    /// is used): `check` prints them.
    public let warnings: [ConfigDiagnostic]
    /// Put before every template: the values are plain text, not HTML.
    static let textPragma = "{{% CONTENT_TYPE: TEXT}}"

    /// The variables each kind may use: plain names, and list names with their item fields.
    static func variables(for kind: Reminder.Kind) -> (names: Set<String>, lists: [String: Set<String>], flags: Set<String>) {
        let common: Set<String> = ["mottaker", "tiltale", "kommune", "rolle_uten_epost"]
        let meeting: Set<String> = ["moete", "dato", "tid", "sted", "leder", "uid"]
        // `lenke` (the personal page) is text, but absent when there is none: probed as a flag
        // so that both `{{#lenke}}` and `{{^lenke}}` branches are checked.
        let flags: Set<String> = ["til_radgiver", "lenke"]
        switch kind {
        case .innkalling:
            return (
                common.union(meeting).union(["frist"]), ["deltakere": ["navn"], "punkter": ["punkt", "gjester"]],
                flags.union(["frist_passert"])
            )
        case .invitasjon:
            return (common.union(meeting).union(["punkt", "frist"]), ["gjester": ["navn"]], flags.union(["frist_passert"]))
        case .referatFrist:
            return (common.union(meeting).union(["frist", "til"]), [:], flags)
        case .referatForfalt:
            return (common.union(meeting).union(["frist", "til", "dager_forfalt", "forfalt", "gang"]), [:], flags)
        case .sakliste:
            return (
                common.union(meeting).union(["lukkes"]),
                ["mottatt": ["navn", "dato", "ref", "levert"], "mangler": ["navn", "dato", "frist"]], flags.union(["i_dag"])
            )
        case .lederskifte:
            return (
                common.union(["gruppe", "slutter", "ny_periode", "overtar", "gaar_av", "starter"]),
                ["referat_mangler": ["navn", "dato", "frist"]], flags.union(["utgaaende", "har_mangler"])
            )
        case .minstekrav:
            return (common.union(["moete", "enhet", "krav", "periode", "frist", "registrert"]), [:], flags)
        }
    }

    /// Loads every kind's template for the plan's language from `folder` (see `TemplateFolder`:
    /// `folder/<language>/`, else `folder/`, else the built-in one); reports unparsable templates
    /// and unknown variables, in every template file of the folder, as located config errors
    /// (exit 2). A per-language folder without the language's file for a kind gives a warning.
    public static func load(folder: String, catalogue: Catalogue = .bokmal) throws -> ReminderTemplates {
        let layout = TemplateFolder(path: folder, language: catalogue.code)
        var entries: [Reminder.Kind: Entry] = [:]
        var problems: [ConfigDiagnostic] = []
        var warnings: [ConfigDiagnostic] = []
        for kind in Reminder.Kind.allCases {
            switch layout.source(for: kind) {
            case .file(let path):
                let (entry, found) = read(path, kind: kind)
                entries[kind] = entry
                problems += found
            case .builtIn(let missing):
                let (entry, found) = parse(BuiltInTemplates.text(kind, language: catalogue.code), source: "(built-in \(kind.rawValue).mustache)", kind: kind)
                entries[kind] = entry
                problems += found
                if let missing {
                    warnings.append(ConfigDiagnostic(
                        severity: .warning, file: missing,
                        message: "no \(catalogue.code) template for \(kind.rawValue) reminders here: the built-in one is used. "
                            + "Add this file to use your own ('moteplan init --templates DIR --language \(catalogue.code)' writes the built-in ones to start from)."))
                }
            }
        }
        for path in layout.unusedFiles() {
            guard let kind = Reminder.Kind(rawValue: ((path as NSString).lastPathComponent as NSString).deletingPathExtension) else { continue }
            problems += read(path, kind: kind).problems
        }
        guard problems.isEmpty else { throw ConfigError(diagnostics: problems) }
        return ReminderTemplates(entries: entries, warnings: warnings)
    }

    /// Loads the templates of a loaded config: its folder, its language.
    public static func load(for loaded: LoadedConfig) throws -> ReminderTemplates {
        try load(
            folder: folder(configFile: loaded.file, settings: loaded.configuration.reminders),
            catalogue: loaded.configuration.catalogue)
    }

    /// A template file, parsed and checked.
    static func read(_ path: String, kind: Reminder.Kind) -> (entry: Entry?, problems: [ConfigDiagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, [ConfigDiagnostic(severity: .error, file: path, line: 1, column: 1, message: "cannot read the template.")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (nil, [ConfigDiagnostic(severity: .error, file: path, line: 1, column: 1, message: "the template is not UTF-8 text.")])
        }
        return parse(text, source: path, kind: kind)
    }

    /// A template's text, parsed and checked: nesting, syntax, variables, a subject line.
    static func parse(_ text: String, source: String, kind: Reminder.Kind) -> (entry: Entry?, problems: [ConfigDiagnostic]) {
        if let deep = TemplateNesting.problem(in: text) {
            return (nil, [ConfigDiagnostic(severity: .error, file: source, line: deep.line, column: deep.column, message: deep.message)])
        }
        do {
            // Plain text e-mail: no HTML escaping of the values.
            let template = try MustacheTemplate(string: Self.textPragma + text)
            var problems = TemplateProbe.unknownVariables(in: template, text: text, kind: kind, source: source)
            if Self.split(text).subject.isEmpty {
                problems.append(ConfigDiagnostic(
                    severity: .error, file: source, line: 1, column: 1,
                    message: "the first line is the subject and must not be empty."))
            }
            return (Entry(template: template, source: source, text: text), problems)
        } catch let error as MustacheTemplate.ParserError {
            let line = error.context.lineNumber
            let column = error.context.columnNumber - (line == 1 ? Self.textPragma.count : 0)
            return (nil, [ConfigDiagnostic(
                severity: .error, file: source, line: line, column: max(1, column),
                message: "cannot parse the template: \(error.error)")])
        } catch {
            return (nil, [ConfigDiagnostic(severity: .error, file: source, message: "cannot parse the template: \(error)")])
        }
    }

    /// The folder a config's templates live in.
    public static func folder(configFile: String, settings: ReminderSettings) -> String {
        if settings.templates.hasPrefix("/") { return settings.templates }
        let directory = (configFile as NSString).deletingLastPathComponent
        return (directory.isEmpty ? "." : directory) + "/" + settings.templates
    }

    /// Subject and body for `kind` with `values`.
    func render(_ kind: Reminder.Kind, _ values: [String: TemplateValue]) -> (subject: String, body: String) {
        guard let entry = entries[kind] else { return (kind.rawValue, "") }
        let rendered = entry.template.render(values.mapValues(\.mustache))
        return Self.split(rendered)
    }

    /// The first line (subject) and the rest after one blank line (body).
    static func split(_ text: String) -> (subject: String, body: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let subject = lines.isEmpty ? "" : lines.removeFirst().trimmingCharacters(in: .whitespaces)
        while lines.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeFirst() }
        return (subject, lines.joined(separator: "\n"))
    }
}
