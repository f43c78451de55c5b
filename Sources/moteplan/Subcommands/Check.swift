import ArgumentParser
import MoteplanCore
import MoteplanReminders

/// `moteplan check`: validates the config and summarises what it plans.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the config and summarise each structure's meetings.")

    @OptionGroup var options: ConfigOptions
    @OptionGroup var stateOptions: StateOptions

    @Flag(help: "Treat every double-booking as an error (exit 2), e.g. to guard the config in CI.")
    var strict = false

    func run() throws {
        try reportingFailures {
            let loaded = try options.load()
            let config = loaded.configuration
            // Template mistakes surface now, not when cron sends; a missing template of the plan's
            // language is a warning (the built-in one is used). Check runs on every config edit,
            // so the templates are read on a second core while the plan is built. (The store is
            // not opened before the config has loaded: a bad config must leave it untouched, and
            // even a read makes SQLite's -wal and -shm files.)
            let templatesLoad = Background { try ReminderTemplates.load(for: loaded) }
            let schedule = try stateOptions.schedule(loaded)
            let summary = CheckSummary(configuration: config, schedule: schedule)
            let conflicts = ConflictFinder(configuration: config).conflicts(in: schedule.meetings)
            var clashes = ConflictListing.diagnostics(conflicts, loaded: loaded)
            if strict { clashes = clashes.map { $0.with(severity: .error) } }
            let planWarnings = ScheduleWarnings.diagnostics(for: schedule, loaded: loaded)
                + InvitationWarnings.diagnostics(for: schedule, loaded: loaded)
            let warnings = loaded.warnings + (try templatesLoad.value()).warnings + planWarnings
            Output.raw(summary.render(file: loaded.file))
            let findings = warnings + clashes
            if !findings.isEmpty { Output.error(findings.map(\.description).joined(separator: "\n")) }  // one write
            if strict && !conflicts.isEmpty { throw ExitCode(2) }
            let count = warnings.count + clashes.count
            Output.line(count == 0 ? "ok: no conflicts" : "ok, with \(count) warning\(count == 1 ? "" : "s")")
        }
    }
}
