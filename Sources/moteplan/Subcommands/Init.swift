import ArgumentParser
import Foundation
import MoteplanCore

/// `moteplan init [PATH] [--example melhus] [--language nb|nn]`: writes a config to start from;
/// `moteplan init --templates DIR [--language nn]`: the built-in reminder templates (InitTemplates.swift).
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented starting config for a new municipality, the Melhus example or the nynorsk example (refuses to overwrite).")

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
            let nynorsk = try Self.wantsNynorsk(language, example: example)
            guard !FileManager.default.fileExists(atPath: path) else {
                throw CommandFailure(message: "\(path) already exists; not overwriting it. Choose another path or remove it first.")
            }
            let text = nynorsk ? NynorskExample.toml : example == .melhus ? MelhusExample.toml : StarterConfig.toml
            let data = Data((text + "\n").utf8)
            // withoutOverwriting: a file created meanwhile is not clobbered either.
            do {
                try data.write(to: URL(fileURLWithPath: path), options: [.withoutOverwriting])
            } catch {
                throw CommandFailure(message: "cannot write \(path): \(error.localizedDescription)")
            }
            let what = nynorsk ? "the nynorsk example (Straumøy kommune)"
                : example == .melhus ? "the Melhus example" : "a starting config for a new municipality"
            Output.line("wrote \(path): \(what). Edit it, then run 'moteplan check --config \(path)'.")
        }
    }

    /// Whether `--language` asks for the nynorsk example (nb, the default, keeps the bokmål
    /// configs). An unknown language, or nn with the bokmål-only Melhus example, is a usage error.
    static func wantsNynorsk(_ language: String?, example: Example?) throws -> Bool {
        switch language {
        case nil, "nb":
            return false
        case "nn":
            guard example != .melhus else {
                throw UsageFailure(message: "the Melhus example is in bokmål only; leave out --example melhus to get the nynorsk example, or use --language nb.")
            }
            return true
        case let other?:
            throw UsageFailure(message: "unknown language \"\(other)\" for --language; use nb (bokmål) or nn (nynorsk).")
        }
    }
}
