import ArgumentParser
import Foundation
import MoteplanCore

/// `moteplan init [PATH]`: writes the Melhus example config to start from.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the Melhus example config (refuses to overwrite).")

    @Argument(help: "Where to write it.")
    var path: String = "moteplan.toml"

    func run() throws {
        try reportingFailures {
            guard !FileManager.default.fileExists(atPath: path) else {
                throw CommandFailure(message: "\(path) already exists; not overwriting it. Choose another path or remove it first.")
            }
            let data = Data((MelhusExample.toml + "\n").utf8)
            // withoutOverwriting: a file created meanwhile is not clobbered either.
            do {
                try data.write(to: URL(fileURLWithPath: path), options: [.withoutOverwriting])
            } catch {
                throw CommandFailure(message: "cannot write \(path): \(error.localizedDescription)")
            }
            Output.line("wrote \(path): the Melhus example. Edit it, then run 'moteplan check --config \(path)'.")
        }
    }
}
