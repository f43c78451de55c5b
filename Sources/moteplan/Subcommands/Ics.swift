import ArgumentParser
import Foundation
import MoteplanCore
import MoteplanFeeds
import MoteplanStore

/// `moteplan ics`: writes the iCalendar feeds, all checked by libical before any is written,
/// and keeps SEQUENCE/DTSTAMP and leader history in the state store in the same transaction.
struct Ics: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the iCalendar feeds: alle.ics, <structure>.ics, <structure>/<instance>.ics and for/<id>.ics.",
        discussion: """
            The feeds in --out carry no e-mail address, ORGANIZER or ATTENDEE: they may be put on a \
            public web server. --private DIR also writes the same feeds with addresses to DIR, which \
            must not be public (and must not be inside --out, nor --out inside it).
            """)

    @OptionGroup var options: ConfigOptions
    @OptionGroup var stateOptions: StateOptions

    @Option(help: "The output directory (public: no e-mail addresses).")
    var out: String = "out/feeds"

    @Option(name: .customLong("private"), help: "Also write the feeds with ORGANIZER and ATTENDEE here (not public).")
    var privateDirectory: String?

    @OptionGroup var now: NowOption

    func run() throws {
        try reportingFailures {
            if let privateDirectory { try Self.checkSeparate(public: out, private: privateDirectory) }
            let loaded = try options.load()
            let config = loaded.configuration
            let moment = try now.resolve(timeZone: config.municipality.timeZone)
            // A plan that cannot be placed is refused before the store or any feed is touched.
            try locatingPlacement(loaded) {
                try PlanState.checkPlacement(configuration: config, statePath: stateOptions.path(configPath: loaded.file))
            }
            let store = try stateOptions.openForWriting(loaded)
            let job = FeedPublication(
                configuration: config, store: store, directory: out, privateDirectory: privateDirectory,
                inputs: RunInputs(configSource: loaded.source, program: ProgramIdentity.current))
            let outcome = try locatingPlacement(loaded) {
                try job.run(now: moment, nowUTC: WallClock.utc(moment, in: config.municipality.timeZone))
            }
            var summary = "\(out): \(outcome.feeds) feeds, \(outcome.meetings) meetings"
            summary += " (\(outcome.written) written, \(outcome.feeds - outcome.written) unchanged"
            summary += outcome.removed.isEmpty ? "" : ", \(outcome.removed.count) removed"
            summary += "; \(outcome.revised) events revised"
            summary += outcome.nothingChanged ? "; nothing changed since the last run)" : ")"
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

    /// Refuses a private directory that is the public one, inside it, or around it: the addressed
    /// feeds would be served with the public ones.
    static func checkSeparate(public: String, private: String) throws {
        let publicPath = absolute(`public`)
        let privatePath = absolute(`private`)
        if publicPath == privatePath || privatePath.hasPrefix(publicPath + "/") || publicPath.hasPrefix(privatePath + "/") {
            throw UsageFailure(message: "--private \(`private`) overlaps --out \(`public`): the feeds with e-mail addresses would be public; choose a directory outside the public one.")
        }
    }

    private static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        var text = url.path
        while text.count > 1 && text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
