import ArgumentParser
import MoteplanStore

/// `moteplan backup DEST`: a consistent copy of the state store, safe while cron runs.
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the state store to DEST (SQLite's online backup; safe while other runs write), and the personal links' key to DEST.links-key.")

    @OptionGroup var options: ConfigOptions
    @OptionGroup var stateOptions: StateOptions

    @Argument(help: "The new file to write; an existing file is never overwritten.")
    var destination: String

    func run() throws {
        try reportingFailures {
            let source = stateOptions.path(configPath: try options.resolvedPath())
            guard let store = try StateStore.openForReading(path: source) else {
                throw CommandFailure(message: "there is no state file at \(source); nothing to back up.")
            }
            let key = try store.backup(to: destination)
            Output.line("\(source) → \(destination): backed up and checked (quick_check ok)")
            if key { Output.line("\(PersonalLinks.keyPath(statePath: source)) → \(PersonalLinks.keyPath(statePath: destination)): the personal links' key (keep it with the backup)") }
        }
    }
}
