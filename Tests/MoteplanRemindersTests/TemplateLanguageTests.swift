import Foundation
import MoteplanReminders
import Testing

/// The templates folder per language, through the real `moteplan` binary: `nb/` and `nn/` read for
/// the plan's language, a flat folder as before, a missing template of the plan's language
/// warned of by `check`, and `init --templates` writing the built-in ones.
struct TemplateLanguageTests {
    static let root = MoteplanBinary.root
    let directory: URL

    init() throws {
        directory = try MoteplanBinary.temporaryDirectory()
    }

    /// The Melhus fixture in `language` beside a templates folder made by `templates` (given the
    /// folder's URL); returns the config's path.
    func config(language: String, templates: (URL) throws -> Void) throws -> String {
        var text = try String(contentsOfFile: Self.root.appendingPathComponent("Tests/Fixtures/melhus-fixed.toml").path, encoding: .utf8)
        text = text.replacingOccurrences(of: "[municipality]\n", with: "[municipality]\nlanguage = \"\(language)\"\n")
        let path = directory.appendingPathComponent("melhus.toml")
        try Data(text.utf8).write(to: path)
        try templates(directory.appendingPathComponent("templates"))
        return path.path
    }

    /// A copy of Config/templates (nb/ and nn/) at `folder`.
    func copyShipped(_ folder: URL) throws {
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Config/templates"), to: folder)
    }

    func shipped(_ language: String, _ name: String) throws -> String {
        try String(contentsOfFile: Self.root.appendingPathComponent("Config/templates/\(language)/\(name)").path, encoding: .utf8)
    }

    /// The built-in templates are Config/templates as it is: scripts/embed-example was run.
    @Test func builtInTemplatesAreTheShippedFiles() throws {
        #expect(BuiltInTemplates.languages == ["nb", "nn"])
        for language in BuiltInTemplates.languages {
            let files = BuiltInTemplates.files(language: language)
            #expect(files.count == 7)
            for file in files { #expect(try file.text == shipped(language, file.name), "run scripts/embed-example: \(language)/\(file.name)") }
        }
    }

    /// nn/ lacks referat-frist: `check` passes (exit 0) and names that one file on stderr.
    @Test func checkWarnsOfTheMissingTemplateOfThePlansLanguage() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try config(language: "nn") { folder in
            try copyShipped(folder)
            try FileManager.default.removeItem(at: folder.appendingPathComponent("nn/referat-frist.mustache"))
        }
        let result = try MoteplanBinary.run(["check", "--config", config])
        #expect(result.code == 0, "\(result.stderr)")
        let missing = directory.appendingPathComponent("templates/nn/referat-frist.mustache").path
        #expect(result.stderr.contains(
            "\(missing): warning: no nn template for referat-frist reminders here: the built-in one is used."), "\(result.stderr)")
        // Only that file: every other kind has its nynorsk file.
        #expect(result.stderr.components(separatedBy: ".mustache").count - 1 == 1, "\(result.stderr)")
        // The same folder for a bokmål plan: nb/ is complete, nothing to say.
        try FileManager.default.removeItem(atPath: config)
        let bokmal = try self.config(language: "nb") { _ in }
        let again = try MoteplanBinary.run(["check", "--config", bokmal])
        #expect(again.code == 0)
        #expect(!again.stderr.contains(".mustache"), "\(again.stderr)")
    }

    /// Today's flat folder (the fixture's) keeps working in nynorsk: no warning, exit 0.
    @Test func aFlatFolderKeepsWorking() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try config(language: "nn") { folder in
            try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Tests/Fixtures/templates"), to: folder)
        }
        let result = try MoteplanBinary.run(["check", "--config", config])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(!result.stderr.contains(".mustache"), "\(result.stderr)")
    }

    /// Each language reads its own subfolder: an edited subject in nn/ shows in the nynorsk
    /// plan's dry run and not in the bokmål one's (which reads nb/). The referat-frist reminder
    /// of Melhus vest's 16 September meeting is due on 21 September (RemindCommandTests).
    @Test func thePlansLanguageFolderIsRead() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = directory.appendingPathComponent("state.sqlite").path
        let arguments = ["--state", state, "--dry-run", "--now", "2026-09-21T07:00"]
        let nynorsk = try config(language: "nn") { folder in
            try copyShipped(folder)
            try Data("Eige emne: {{moete}}\n\nHei {{tiltale}}.\n".utf8).write(to: folder.appendingPathComponent("nn/referat-frist.mustache"))
        }
        let result = try MoteplanBinary.run(["remind", "--config", nynorsk] + arguments)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("leder.eid@example.no: Eige emne: Tverrfaglig nettverk – Melhus vest\n"), "\(result.stdout)")
        try FileManager.default.removeItem(atPath: nynorsk)
        let bokmal = try config(language: "nb") { _ in }
        let other = try MoteplanBinary.run(["remind", "--config", bokmal] + arguments)
        #expect(other.stdout.contains("leder.eid@example.no: Referat fra Tverrfaglig nettverk – Melhus vest skal leveres innen 24. september 2026\n"))
    }

    /// A template of the folder is part of the config whichever language reads it: a broken nn/
    /// template fails `check` of a bokmål plan too (exit 2, located), before the language changes.
    @Test func aBrokenTemplateOfTheOtherLanguageIsAnError() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try config(language: "nb") { folder in
            try copyShipped(folder)
            try Data("Hugs {{moete}}\n\nmøtet er i {{rommet}}.\n".utf8).write(to: folder.appendingPathComponent("nn/innkalling.mustache"))
        }
        let result = try MoteplanBinary.run(["check", "--config", config])
        #expect(result.code == 2)
        // Line 3, column 12: "møtet er i " is 11 characters before "{{rommet}}".
        #expect(result.stderr.contains("templates/nn/innkalling.mustache:3:12: error: unknown template variable \"rommet\""), "\(result.stderr)")
    }

    @Test func initTemplatesWritesTheBuiltInOnesAndRefusesToOverwrite() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        for language in ["nb", "nn"] {
            let folder = directory.appendingPathComponent("mine-\(language)")
            let arguments = ["init", "--templates", folder.path] + (language == "nb" ? [] : ["--language", language])
            let result = try MoteplanBinary.run(arguments)
            #expect(result.code == 0, "\(result.stderr)")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(names == [
                "innkalling.mustache", "invitasjon.mustache", "lederskifte.mustache", "minstekrav.mustache",
                "referat-forfalt.mustache", "referat-frist.mustache", "sakliste.mustache",
            ])
            for name in names {
                #expect(try String(contentsOfFile: folder.appendingPathComponent(name).path, encoding: .utf8) == shipped(language, name))
            }
        }
        // A folder with one of the files already: exit 2 naming it, nothing written.
        let taken = directory.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: taken, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: taken.appendingPathComponent("sakliste.mustache"))
        let refused = try MoteplanBinary.run(["init", "--templates", taken.path, "--language", "nn"])
        #expect(refused.code == 2)
        #expect(refused.stderr.contains("\(taken.appendingPathComponent("sakliste.mustache").path) already exists"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: taken.path) == ["sakliste.mustache"])
        #expect(try String(contentsOfFile: taken.appendingPathComponent("sakliste.mustache").path, encoding: .utf8) == "mine")
        // A language without templates: exit 2, nothing written.
        let unknown = try MoteplanBinary.run(["init", "--templates", directory.appendingPathComponent("se").path, "--language", "se"])
        #expect(unknown.code == 2)
        #expect(unknown.stderr.contains("--language \"se\" is not one of nb, nn."))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("se").path))
    }
}
