import ArgumentParser
import MoteplanCore
import MoteplanReminders

/// `moteplan check`: validates the config and summarises what it plans.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the config and summarise each structure's meetings.")

    @OptionGroup var options: ConfigOptions
    @OptionGroup var stateOptions: StateOptions

    func run() throws {
        try reportingFailures {
            let loaded = try options.load()
            let config = loaded.configuration
            // Template mistakes surface now, not when cron sends.
            _ = try ReminderTemplates.load(folder: ReminderTemplates.folder(configFile: loaded.file, settings: config.reminders))
            let schedule = try stateOptions.planState(loaded).schedule
            let summary = CheckSummary(configuration: config, schedule: schedule)
            let warnings = loaded.warnings + ScheduleWarnings.diagnostics(for: schedule, loaded: loaded)
            Output.raw(summary.render(file: loaded.file))
            for warning in warnings { Output.error(warning.description) }
            Output.line(warnings.isEmpty ? "ok" : "ok, with \(warnings.count) warning\(warnings.count == 1 ? "" : "s")")
        }
    }
}
