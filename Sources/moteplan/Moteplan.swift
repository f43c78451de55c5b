import ArgumentParser
import Foundation
import MoteplanCore

/// The moteplan command: a municipality's meeting plan, from TOML config to calendars.
@main
struct Moteplan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moteplan",
        abstract: "Turn a municipality's meeting structures (TOML) into a schedule and iCalendar feeds.",
        discussion: """
            The config is found through --config, then $MOTEPLAN_CONFIG, then ./moteplan.toml.
            Exit codes: 0 ok, 2 bad config or usage, 1 any other failure.
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, Check.self, Plan.self, Ics.self, Leaders.self, MeetingCommand.self, ReferatCommand.self,
            Obligations.self, Agenda.self, Remind.self, Report.self, Holidays.self, Serve.self, Arshjul.self, Backup.self, Conflicts.self,
            Place.self, Links.self,
        ]
    )

    /// Runs the command line; usage errors exit 2 (argument-parser's default is 64), as the
    /// README promises: 0 ok, 2 bad config or usage, 1 anything else.
    static func main() {
        // A delivery command that exits without reading its input must be an error, not a SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        // Arguments become reasons, titles, names and references that reach mails, feeds and
        // pages: none may carry a control character (CR, LF, NUL, ESC, …), judged by scalar.
        for (index, argument) in CommandLine.arguments.enumerated().dropFirst() {
            if let problem = FreeText.problem(argument, field: "argument \(index) (\(argument.debugDescription))") {
                Output.error("moteplan: error: \(problem)")
                Foundation.exit(2)
            }
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                Output.error(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
