import ArgumentParser
import MoteplanCore

/// `moteplan arshjul`: the annual wheel of one school year as SVG on standard output.
struct Arshjul: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the årshjul (annual wheel) of a school year as SVG: moteplan arshjul --school-year 2026/27 > arshjul.svg")

    @OptionGroup var options: ConfigOptions
    @OptionGroup var stateOptions: StateOptions

    @Option(help: "The school year, e.g. 2026/27 (default: the one containing --now).")
    var schoolYear: String?

    @Option(name: .customLong("structure"), help: "Only this structure (repeat for several; default: all).")
    var structures: [String] = []

    @OptionGroup var now: NowOption

    func run() throws {
        try reportingFailures {
            let loaded = try options.load()
            let config = loaded.configuration
            let startYear = try schoolYear.map { try parseSchoolYear($0) }
                ?? SchoolYear.startYear(containing: try now.resolve(timeZone: config.municipality.timeZone).date)
            let horizon = config.municipality.horizon
            guard SchoolYear.span(startYear: startYear).overlaps(horizon) else {
                throw UsageFailure(message: "\(SchoolYear.label(startYear: startYear)) is outside the plan's horizon (\(horizon)).")
            }
            for id in structures { _ = try requireStructure(id, in: config) }
            let schedule = try stateOptions.schedule(loaded)
            Output.raw(ArshjulSVG.render(configuration: config, schedule: schedule, startYear: startYear, only: structures))
        }
    }
}
