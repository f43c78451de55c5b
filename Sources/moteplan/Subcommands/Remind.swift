import ArgumentParser
import MoteplanCore
import MoteplanReminders
import MoteplanStore

/// `moteplan remind`: the cron job. Sends every due reminder once.
struct Remind: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send due reminders (for cron). Exit 0 ok, 1 a delivery failed (retried next run), 2 config problem.")

    @OptionGroup var config: ConfigOptions
    @OptionGroup var state: StateOptions
    @OptionGroup var now: NowOption

    @Flag(help: "Say what would be sent or dropped; write and send nothing.")
    var dryRun = false

    @Option(help: "stdout, maildir:DIR, sendmail or sendmail:COMMAND (default: sendmail, i.e. '/usr/sbin/sendmail -t -i').")
    var deliver: String = "sendmail"

    func run() throws {
        try reportingFailures {
            guard let delivery = Delivery(spec: deliver) else {
                throw UsageFailure(message: "--deliver \"\(deliver)\" is not stdout, maildir:DIR, sendmail or sendmail:COMMAND.")
            }
            let loaded = try config.load()
            let templates = try ReminderTemplates.load(for: loaded)
            let moment = try now.resolve(timeZone: loaded.configuration.municipality.timeZone)
            let statePath = state.path(configPath: loaded.file)
            // Each recipient's personal page (/meg/<token>) in their mails, when [server] base_url
            // is set; a dry run makes no link (it would record one).
            var personalPage: @Sendable (String) -> String? = { _ in nil }
            if !dryRun, let baseURL = loaded.configuration.server.baseURL {
                let links = try PersonalLinks(
                    store: try StateStore.openForWriting(path: statePath), baseURL: baseURL, now: moment, actor: "moteplan remind")
                personalPage = { id in links.link(for: id) }
            }
            let job = RemindJob(
                loaded: loaded, statePath: statePath, templates: templates, delivery: delivery, personalPage: personalPage)
            // Messages on stdout would mix with the report: report on stderr then.
            let toStderr = delivery == .stdout
            let say: (String) -> Void = { line in
                if toStderr { Output.error(line) } else { Output.line(line) }
            }
            var report = try job.run(now: moment, dryRun: dryRun, log: say)
            // Calendar invitations (structures with invitations = true) after the reminders, in the
            // same cron run, through the same outbox and lock.
            let invitations = InvitationJob(loaded: loaded, statePath: state.path(configPath: loaded.file), delivery: delivery)
            let invited = try invitations.run(now: moment, dryRun: dryRun, log: say)
            report.failures += invited.failures
            if report.failures > 0 {
                throw CommandFailure(message: "\(report.failures) reminder(s) could not be delivered; they stay pending for the next run.")
            }
        }
    }
}
