import ArgumentParser
import Foundation
import MoteplanCore
import MoteplanICal

/// `--config PATH`, resolved as --config, then $MOTEPLAN_CONFIG, then ./moteplan.toml.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "The config file (default: $MOTEPLAN_CONFIG, then ./moteplan.toml).")
    var config: String?

    /// The config path to use, or a usage failure that suggests `moteplan init`.
    func resolvedPath() throws -> String {
        if let config { return config }
        if let fromEnvironment = ProcessInfo.processInfo.environment["MOTEPLAN_CONFIG"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        if FileManager.default.fileExists(atPath: "moteplan.toml") { return "moteplan.toml" }
        throw UsageFailure(
            message: "no config found: pass --config PATH, set MOTEPLAN_CONFIG, or create ./moteplan.toml with 'moteplan init'.")
    }

    /// Loads and validates the config, checking the time zone the way the feeds will use it.
    func load() throws -> LoadedConfig {
        try ConfigLoader.load(path: try resolvedPath(), zoneStatus: ZoneCatalog.status)
    }
}

/// `--now`: the moment commands that look at the clock treat as now.
struct NowOption: ParsableArguments {
    @Option(name: .long, help: "Treat this local time as now: YYYY-MM-DD or YYYY-MM-DDTHH:MM.")
    var now: String?

    /// The given moment, or the wall clock in `timeZone`.
    func resolve(timeZone: String) throws -> LocalDateTime {
        try fixed() ?? WallClock.now(in: timeZone)
    }

    /// The given moment, or nil without `--now`.
    func fixed() throws -> LocalDateTime? {
        guard let now else { return nil }
        guard let parsed = LocalDateTime(text: now), LocalDate.planningYears.contains(parsed.date.year) else {
            throw UsageFailure(message: "--now \"\(now)\" is not a local time; write YYYY-MM-DD or YYYY-MM-DDTHH:MM.")
        }
        return parsed
    }
}

/// A date option value: YYYY-MM-DD.
func parseDate(_ text: String, option: String) throws -> LocalDate {
    guard let date = LocalDate(iso: text), LocalDate.planningYears.contains(date.year) else {
        throw UsageFailure(message: "\(option) \"\(text)\" is not a date between 1900 and 2200; write YYYY-MM-DD.")
    }
    return date
}
