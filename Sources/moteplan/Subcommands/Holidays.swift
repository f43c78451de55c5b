import ArgumentParser
import MoteplanCore

/// `moteplan holidays`: public holidays (computed) and the config's school holidays.
struct Holidays: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one 'YYYY-MM-DD<TAB>name' line per day off.")

    @Option(help: "First calendar year.")
    var from: Int

    @Option(help: "Last calendar year.")
    var to: Int

    @Option(help: "public (computed helligdager), school (from the config) or all.")
    var kind: HolidayListing.Kind = .public

    @OptionGroup var options: ConfigOptions

    func run() throws {
        try reportingFailures {
            guard (1583...9999).contains(from), (1583...9999).contains(to) else {
                throw UsageFailure(message: "years must be between 1583 and 9999 (the Gregorian calendar).")
            }
            guard from <= to else { throw UsageFailure(message: "--from \(from) is after --to \(to).") }
            guard to - from <= 1000 else { throw UsageFailure(message: "list at most 1000 years at a time.") }
            let calendar = kind == .public ? nil : try options.load().configuration.calendar
            for day in HolidayListing.days(years: from...to, kind: kind, calendar: calendar) {
                Output.line("\(day.date)\t\(day.name)")
            }
        }
    }
}

extension HolidayListing.Kind: ExpressibleByArgument {}
