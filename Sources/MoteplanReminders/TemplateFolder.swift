import Foundation
import MoteplanCore

/// A config's templates folder, in either layout: one subfolder per language (`nb/`, `nn/`), read
/// for the plan's language, or flat (the files directly in the folder, for any language).
///
/// A kind's template is the plan language's file, else a file directly in the folder, else the
/// built-in one of the plan's language. When the folder has language subfolders but not the plan
/// language's file for a kind, `check` warns and names the missing file.
struct TemplateFolder {
    /// Where a kind's template comes from.
    enum Source: Equatable {
        /// A file in the folder.
        case file(String)
        /// The built-in template; `missing` is the file the folder lacks (per-language layout).
        case builtIn(missing: String?)
    }

    /// The folder's path.
    let path: String
    /// The plan's language code.
    let language: String
    /// Whether the folder has a subfolder named for any language moteplan has.
    let isPerLanguage: Bool

    init(path: String, language: String) {
        self.path = path
        self.language = language
        isPerLanguage = Catalogue.codes.contains { Self.isDirectory(path + "/" + $0) }
    }

    /// The file the plan's language reads for `kind` in the per-language layout.
    func languageFile(_ kind: Reminder.Kind) -> String { path + "/" + language + "/" + kind.rawValue + ".mustache" }

    /// The file directly in the folder for `kind`.
    func flatFile(_ kind: Reminder.Kind) -> String { path + "/" + kind.rawValue + ".mustache" }

    /// Where `kind`'s template comes from.
    func source(for kind: Reminder.Kind) -> Source {
        let own = languageFile(kind)
        if isPerLanguage, FileManager.default.fileExists(atPath: own) { return .file(own) }
        let flat = flatFile(kind)
        if FileManager.default.fileExists(atPath: flat) { return .file(flat) }
        return .builtIn(missing: isPerLanguage ? own : nil)
    }

    /// Every template file in the folder the plan's language does not read: another language's,
    /// or a file directly in the folder that the language's own replaces. Checked all the same,
    /// so a mistake in any template of the config surfaces in `check` and `remind` alike, and
    /// before the plan's language changes.
    func unusedFiles() -> [String] {
        var files: [String] = []
        for kind in Reminder.Kind.allCases {
            let used = source(for: kind)
            var candidates = [flatFile(kind)]
            if isPerLanguage { candidates += Catalogue.codes.map { path + "/" + $0 + "/" + kind.rawValue + ".mustache" } }
            for file in candidates where used != .file(file) && FileManager.default.fileExists(atPath: file) {
                files.append(file)
            }
        }
        return files
    }

    static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}
