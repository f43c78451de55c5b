import Foundation
import MoteplanReminders

extension Init {
    /// `moteplan init --templates DIR [--language nn]`: writes the built-in reminder templates of
    /// the language (default nb) into DIR for editing. Refuses (exit 2, naming the file, nothing
    /// written) when any of them exists already.
    func writeTemplates(into folder: String) throws {
        try reportingFailures {
            let code = language ?? "nb"
            let files = BuiltInTemplates.files(language: code)
            guard !files.isEmpty else {
                throw UsageFailure(message: "--language \"\(code)\" is not one of \(BuiltInTemplates.languages.joined(separator: ", ")).")
            }
            guard example == nil else {
                throw UsageFailure(message: "--templates writes templates only; leave out --example, or run init again without --templates.")
            }
            let manager = FileManager.default
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw UsageFailure(message: "\(folder) is a file, not a folder; choose a folder for the templates.")
            }
            let paths = files.map { (folder as NSString).appendingPathComponent($0.name) }
            // Every file checked before any is written: a refusal leaves the folder as it was.
            if let existing = paths.first(where: { manager.fileExists(atPath: $0) }) {
                throw UsageFailure(message: "\(existing) already exists; not overwriting it. Choose another folder or remove it first.")
            }
            do {
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                for (path, file) in zip(paths, files) {
                    // withoutOverwriting: a file created meanwhile is not clobbered either.
                    try Data(file.text.utf8).write(to: URL(fileURLWithPath: path), options: [.withoutOverwriting])
                }
            } catch {
                throw CommandFailure(message: "cannot write the templates into \(folder): \(error.localizedDescription)")
            }
            Output.line("wrote \(files.count) \(code) reminder templates into \(folder). Edit them, then point [reminders] templates at the folder"
                + " (or at its parent, with the files in \(code)/) and run 'moteplan check'.")
        }
    }
}
