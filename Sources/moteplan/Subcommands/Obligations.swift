import ArgumentParser
import MoteplanCore
import MoteplanStore

/// `moteplan obligations`: what a leader owes, and by when.
struct Obligations: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List open obligations: innkallinger, referat, invitations, the next sakliste, handovers.")

    @Option(help: "Only this leader: a role or unit id, a person's name or an e-mail address.") var leader: String?
    @Option(help: "Only this unit's meetings and what its head leads (its id, name, or its head's name or e-mail).") var unit: String?
    @Option(help: "Only this group.") var group: String?
    @Option(help: "Only obligations due from this day (overdue ones always show).") var from: String?
    @Option(help: "Only obligations due by this day (default: six weeks after --now).") var to: String?
    @Option(help: "table, csv or json.") var format: ListFormat = .table
    @OptionGroup var config: ConfigOptions
    @OptionGroup var state: StateOptions
    @OptionGroup var now: NowOption

    func run() throws {
        try reportingFailures {
            let loaded = try config.load()
            let configuration = loaded.configuration
            let filters = [leader, unit, group].compactMap { $0 }
            guard filters.count <= 1 else { throw UsageFailure(message: "give at most one of --leader, --unit and --group.") }
            let filter: ObligationPlanner.Filter
            if let leader {
                filter = .leader(try resolveID(leader, what: "leader", in: configuration, sections: .actors))
            } else if let unit {
                filter = .unit(try resolveID(unit, what: "unit", in: configuration, sections: .units))
            } else if let group {
                guard configuration.group(group) != nil else {
                    throw UsageFailure(message: "unknown group \"\(group)\"." + Suggestion.hint(for: group, in: configuration.groups.map(\.id)))
                }
                filter = .group(group)
            } else {
                filter = .all
            }
            let moment = try now.resolve(timeZone: configuration.municipality.timeZone)
            let start = try from.map { try parseDate($0, option: "--from") }
            let end = try to.map { try parseDate($0, option: "--to") } ?? moment.date.adding(days: 42)
            if let start, start > end { throw UsageFailure(message: "--from \(start) is after --to \(end).") }
            let plan = try state.planState(loaded)
            let list = plan.obligations.obligations(filter: filter, now: moment, from: start, to: end)
            switch format {
            case .table: Output.raw(ObligationListing.table(list, now: moment.date))
            case .csv: Output.raw(ObligationListing.csv(list))
            case .json: Output.raw(try ObligationListing.json(list))
            }
        }
    }
}
