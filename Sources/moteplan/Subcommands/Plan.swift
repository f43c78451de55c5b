import ArgumentParser
import MoteplanCore

/// `moteplan plan`: lists the planned meetings.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the planned meetings.")

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, html
    }

    @OptionGroup var options: ConfigOptions
    @OptionGroup var stateOptions: StateOptions

    @Option(help: "First day, YYYY-MM-DD (default: the horizon's start; with --weeks: --now).")
    var from: String?

    @Option(help: "Last day, YYYY-MM-DD (default: the horizon's end).")
    var to: String?

    @Option(help: "Only this many weeks from --from.")
    var weeks: Int?

    @Option(help: "Only this structure (its id).")
    var structure: String?

    @Option(help: "Only this instance (a unit or group id).")
    var instance: String?

    @Option(name: .customLong("for"), help: "Only the meetings this role, unit or location is needed at (its id, name, a person's name or e-mail).")
    var needed: String?

    @Option(help: "table, csv, json or html (printable, A4 landscape).")
    var format: Format = .table

    @OptionGroup var now: NowOption

    func run() throws {
        try reportingFailures {
            let loaded = try options.load()
            let config = loaded.configuration
            var query = PlanQuery(structure: structure, instance: instance)
            query.from = try from.map { try parseDate($0, option: "--from") }
            query.to = try to.map { try parseDate($0, option: "--to") }
            if let weeks {
                guard (1...520).contains(weeks) else { throw UsageFailure(message: "--weeks must be 1 to 520.") }
                let start = try query.from ?? now.resolve(timeZone: config.municipality.timeZone).date
                query.from = start
                query.to = start.adding(days: 7 * weeks - 1)
            }
            if let from = query.from, let to = query.to, from > to {
                throw UsageFailure(message: "--from \(from) is after --to \(to).")
            }
            if let structure, config.structure(structure) == nil {
                throw UsageFailure(message: "unknown structure \"\(structure)\"; known: \(config.structures.map(\.id).joined(separator: ", ")).")
            }
            let schedule = try stateOptions.schedule(loaded)
            if let instance, !schedule.instances.contains(where: { $0.instanceID == instance && (structure == nil || $0.structureID == structure) }) {
                throw UsageFailure(message: "unknown instance \"\(instance)\".")
            }
            let needed = try self.needed.map { try resolveID($0, what: "role, unit or location", in: config, sections: .resources) }
            let rows = query.filter(schedule.meetings).filter { needed == nil || $0.needs.contains(needed ?? "") }.map { PlanRow(meeting: $0, uidDomain: config.municipality.uidDomain, catalogue: config.catalogue) }
            switch format {
            case .table: Output.raw(PlanFormatter.table(rows, catalogue: config.catalogue))
            case .csv: Output.raw(PlanFormatter.csv(rows))
            case .json: Output.raw(try PlanFormatter.json(rows))
            case .html: Output.raw(PlanHTML.render(rows, configuration: config))
            }
        }
    }
}
