import ArgumentParser
import Foundation
import MoteplanCore

/// `moteplan init [PATH] [--example melhus]`: writes a config to start from;
/// `moteplan init --templates DIR [--language nn]`: the built-in reminder templates (InitTemplates.swift).
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented starting config for a new municipality, or the Melhus example (refuses to overwrite).")

    /// The bundled examples.
    enum Example: String, ExpressibleByArgument, CaseIterable {
        case melhus
    }

    @Argument(help: "Where to write it.")
    var path: String = "moteplan.toml"

    @Option(help: "Write a bundled example instead of the starting config: melhus.")
    var example: Example?

    @Option(help: "The language of the example config or templates: nb or nn.")
    var language: String?

    @Option(help: ArgumentHelp("Write the built-in reminder templates into this folder for editing, instead of a config.", valueName: "dir"))
    var templates: String?

    func run() throws {
        if let templates { return try writeTemplates(into: templates) }
        try reportingFailures {
            guard !FileManager.default.fileExists(atPath: path) else {
                throw CommandFailure(message: "\(path) already exists; not overwriting it. Choose another path or remove it first.")
            }
            let text = example == .melhus ? MelhusExample.toml : StarterConfig.toml
            let data = Data((text + "\n").utf8)
            // withoutOverwriting: a file created meanwhile is not clobbered either.
            do {
                try data.write(to: URL(fileURLWithPath: path), options: [.withoutOverwriting])
            } catch {
                throw CommandFailure(message: "cannot write \(path): \(error.localizedDescription)")
            }
            let what = example == .melhus ? "the Melhus example" : "a starting config for a new municipality"
            Output.line("wrote \(path): \(what). Edit it, then run 'moteplan check --config \(path)'.")
        }
    }
}
