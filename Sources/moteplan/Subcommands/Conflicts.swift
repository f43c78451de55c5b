import ArgumentParser
import MoteplanCore
import MoteplanStore

/// `moteplan conflicts`: every window in which a role, unit or room is double-booked.
struct Conflicts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every double-booking: a role, unit or room needed by more meetings than it can take.")

    @OptionGroup var options: ConfigOptions
    @OptionGroup var stateOptions: StateOptions

    @Option(help: "First day, YYYY-MM-DD (default: the horizon's start).")
    var from: String?

    @Option(help: "Last day, YYYY-MM-DD (default: the horizon's end).")
    var to: String?

    @Option(help: "Only this role, unit or location (its id, name, a person's name or e-mail).")
    var resource: String?

    @Option(help: "table, csv or json.")
    var format: ListFormat = .table

    /// Accepted like every command's; conflicts do not depend on the clock.
    @OptionGroup var now: NowOption

    func run() throws {
        try reportingFailures {
            let loaded = try options.load()
            let config = loaded.configuration
            let first = try from.map { try parseDate($0, option: "--from") }
            let last = try to.map { try parseDate($0, option: "--to") }
            if let first, let last, first > last { throw UsageFailure(message: "--from \(first) is after --to \(last).") }
            let resource = try self.resource.map { try resolveID($0, what: "resource", in: config, sections: .resources) }
            let schedule = try stateOptions.schedule(loaded)
            let conflicts = ConflictFinder(configuration: config).conflicts(in: schedule.meetings, from: first, to: last, resource: resource)
            switch format {
            case .table: Output.raw(ConflictListing.table(conflicts))
            case .csv: Output.raw(ConflictListing.csv(conflicts))
            case .json: Output.raw(try ConflictListing.json(conflicts))
            }
        }
    }
}
