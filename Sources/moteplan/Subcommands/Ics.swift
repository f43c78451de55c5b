import ArgumentParser
import MoteplanCore
import MoteplanFeeds

/// `moteplan ics`: writes the iCalendar feeds, all checked by libical before any is written.
struct Ics: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the iCalendar feeds: alle.ics, <structure>.ics and <structure>/<instance>.ics.")

    @OptionGroup var options: ConfigOptions

    @Option(help: "The output directory.")
    var out: String = "out/feeds"

    func run() throws {
        try reportingFailures {
            let loaded = try options.load()
            let config = loaded.configuration
            let schedule = Scheduler(configuration: config).schedule()
            let files = try FeedRenderer(configuration: config).render(schedule)
            let report = try FeedWriter(directory: out).write(files)
            var summary = "\(out): \(files.count) feeds, \(schedule.meetings.count) meetings"
            summary += " (\(report.written.count) written, \(report.unchanged.count) unchanged"
            summary += report.removed.isEmpty ? ")" : ", \(report.removed.count) removed)"
            Output.line(summary)
        }
    }
}
