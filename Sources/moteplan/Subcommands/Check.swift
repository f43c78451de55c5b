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
            // language is a warning (the built-in one is used).
            let templates = try ReminderTemplates.load(for: loaded)
            let schedule = try stateOptions.planState(loaded).schedule
            let summary = CheckSummary(configuration: config, schedule: schedule)
            let conflicts = ConflictFinder(configuration: config).conflicts(in: schedule.meetings)
            var clashes = ConflictListing.diagnostics(conflicts, loaded: loaded)
            if strict { clashes = clashes.map { $0.with(severity: .error) } }
            let warnings = loaded.warnings + templates.warnings + ScheduleWarnings.diagnostics(for: schedule, loaded: loaded)
                + InvitationWarnings.diagnostics(for: schedule, loaded: loaded)
            Output.raw(summary.render(file: loaded.file))
            for warning in warnings + clashes { Output.error(warning.description) }
            if strict && !conflicts.isEmpty { throw ExitCode(2) }
            let count = warnings.count + clashes.count
            Output.line(count == 0 ? "ok: no conflicts" : "ok, with \(count) warning\(count == 1 ? "" : "s")")
        }
    }
}
