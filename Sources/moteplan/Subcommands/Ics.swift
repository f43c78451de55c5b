import ArgumentParser
import MoteplanCore
import MoteplanFeeds
import MoteplanStore

/// `moteplan ics`: writes the iCalendar feeds, all checked by libical before any is written,
/// and keeps SEQUENCE/DTSTAMP and leader history in the state store in the same transaction.
struct Ics: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the iCalendar feeds: alle.ics, <structure>.ics and <structure>/<instance>.ics.")

    @OptionGroup var options: ConfigOptions
    @OptionGroup var stateOptions: StateOptions

    @Option(help: "The output directory.")
    var out: String = "out/feeds"

    @OptionGroup var now: NowOption

    func run() throws {
        try reportingFailures {
            let loaded = try options.load()
            let config = loaded.configuration
            let moment = try now.resolve(timeZone: config.municipality.timeZone)
            // A plan that cannot be placed is refused before the store or any feed is touched.
            try locatingPlacement(loaded) {
                try PlanState.checkPlacement(configuration: config, statePath: stateOptions.path(configPath: loaded.file))
            }
            let store = try stateOptions.openForWriting(loaded)
            let job = FeedPublication(configuration: config, store: store, directory: out)
            let outcome = try locatingPlacement(loaded) {
                try job.run(now: moment, nowUTC: WallClock.utc(moment, in: config.municipality.timeZone))
            }
            var summary = "\(out): \(outcome.feeds) feeds, \(outcome.meetings) meetings"
            summary += " (\(outcome.written) written, \(outcome.feeds - outcome.written) unchanged"
            summary += outcome.removed.isEmpty ? "" : ", \(outcome.removed.count) removed"
            summary += "; \(outcome.revised) events revised)"
            Output.line(summary)
            if outcome.recovered > 0 {
                Output.line("finished \(outcome.recovered) file(s) an interrupted run had left")
            }
            if !outcome.recordedPlacements.isEmpty {
                Output.line("placed and recorded: \(outcome.recordedPlacements.count) automatic instance-year(s) (see moteplan place)")
            }
            for term in outcome.recordedTerms {
                Output.line("recorded: \(term.groupID) \(term.term.label) led by \(term.leaderID)")
            }
        }
    }
}
