import ArgumentParser
import MoteplanCore
import MoteplanStore

/// `moteplan report`: did the structures work? Figures per structure and instance.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate a school year or period: meetings held, cadence kept, referat, markers, leaders.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, csv, json, text }

    @Option(help: "The school year, e.g. 2026/27 (default: the one containing --now).") var schoolYear: String?
    @Option(help: "First day (with --to instead of --school-year).") var from: String?
    @Option(help: "Last day.") var to: String?
    @Option(name: .customLong("structure"), help: "Only these structures (repeatable).") var structures: [String] = []
    @Option(help: "html, csv, json or text.") var format: Format = .text
    @OptionGroup var config: ConfigOptions
    @OptionGroup var state: StateOptions
    @OptionGroup var now: NowOption

    func run() throws {
        try reportingFailures {
            let loaded = try config.load()
            let configuration = loaded.configuration
            let moment = try now.resolve(timeZone: configuration.municipality.timeZone)
            for id in structures { _ = try requireStructure(id, in: configuration) }
            let period: DateRange
            var wholeYear: Int?
            if let schoolYear {
                guard from == nil && to == nil else { throw UsageFailure(message: "give --school-year or --from/--to, not both.") }
                let start = try parseSchoolYear(schoolYear)
                period = SchoolYear.span(startYear: start)
                wholeYear = start
            } else if from != nil || to != nil {
                guard let from, let to else { throw UsageFailure(message: "give both --from and --to.") }
                let first = try parseDate(from, option: "--from")
                let last = try parseDate(to, option: "--to")
                guard first <= last else { throw UsageFailure(message: "--from \(first) is after --to \(last).") }
                period = DateRange(first: first, last: last)
            } else {
                let start = SchoolYear.startYear(containing: moment.date)
                period = SchoolYear.span(startYear: start)
                wholeYear = start
            }
            let horizon = configuration.municipality.horizon
            guard horizon.contains(period.first) && horizon.contains(period.last) else {
                throw UsageFailure(message: "the period \(period) is outside the plan's horizon (\(horizon)).")
            }
            let plan = try state.planState(loaded)
            let report = ReportBuilder(
                configuration: configuration, schedule: plan.schedule, ledger: plan.ledger, rotation: plan.scheduler.rotation
            ).build(period: period, now: moment, only: structures)
            switch format {
            case .text: Output.raw(ReportFormatter.text(report, configuration: configuration))
            case .csv: Output.raw(ReportFormatter.csv(report))
            case .json: Output.raw(try ReportFormatter.json(report))
            case .html:
                var wheel: String?
                var wheelTable: String?
                if let year = wholeYear {
                    var held = plan.schedule
                    held.meetings = held.meetings.filter { !$0.isCancelled && $0.startDateTime <= moment }
                    wheel = ArshjulSVG.render(configuration: configuration, schedule: held, startYear: year, only: structures)
                    wheelTable = ArshjulText.render(configuration: configuration, schedule: held, startYear: year, only: structures)
                }
                Output.raw(ReportHTML.render(report, configuration: configuration, wheel: wheel, wheelTable: wheelTable))
            }
        }
    }
}
