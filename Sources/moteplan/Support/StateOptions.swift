import ArgumentParser
import Foundation
import MoteplanCore
import MoteplanStore

/// `--state PATH`, resolved as --state, then $MOTEPLAN_STATE, then `<config-name>.state.sqlite`
/// beside the config.
struct StateOptions: ParsableArguments {
    @Option(name: .long, help: "The state file (default: $MOTEPLAN_STATE, then <config>.state.sqlite beside the config).")
    var state: String?

    /// The state file for the config at `configPath`.
    func path(configPath: String) -> String {
        if let state { return state }
        if let fromEnvironment = ProcessInfo.processInfo.environment["MOTEPLAN_STATE"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        let url = URL(fileURLWithPath: configPath)
        var name = url.lastPathComponent
        if name.hasSuffix(".toml") { name.removeLast(5) }
        return url.deletingLastPathComponent().appendingPathComponent("\(name).state.sqlite").path
    }

    /// The plan with the store's facts applied, read without creating the store.
    func planState(_ loaded: LoadedConfig) throws -> PlanState {
        try locatingPlacement(loaded) {
            try PlanState.read(configuration: loaded.configuration, statePath: path(configPath: loaded.file))
        }
    }

    /// Only the schedule, with the store's terms, changes and placements: for commands that need
    /// no referat ledger or obligations.
    func schedule(_ loaded: LoadedConfig) throws -> Schedule {
        try locatingPlacement(loaded) {
            try PlanState.schedule(configuration: loaded.configuration, statePath: path(configPath: loaded.file))
        }
    }

    /// Opens the store for a command that writes it.
    func openForWriting(_ loaded: LoadedConfig) throws -> StateStore {
        try StateStore.openForWriting(path: path(configPath: loaded.file))
    }

    /// The recorded leader terms, read without creating the store.
    func recordedTerms(configPath: String) throws -> [RecordedTerm] {
        guard let store = try StateStore.openForReading(path: path(configPath: configPath)) else { return [] }
        return try store.read { try $0.recordedTerms() }
    }
}
