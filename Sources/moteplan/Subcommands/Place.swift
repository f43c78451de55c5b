import ArgumentParser
import Foundation
import MoteplanCore
import MoteplanPlacement
import MoteplanStore

/// `moteplan place`: chooses the pattern of every automatically placed instance for a school
/// year and records it; `--replan` shows what re-optimising would move, `--apply` records it.
struct Place: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Place the automatic (placement = \"auto\") meetings of a school year and record the placement.",
        discussion: """
            Recorded placements are pinned: placing again only places what is new. --replan re-optimises a \
            school year's recorded placements and prints what would move; nothing changes without --apply, \
            and never in a school year that has begun without --force.
            """)

    @OptionGroup var options: ConfigOptions
    @OptionGroup var stateOptions: StateOptions

    @Option(help: "The school year, e.g. 2026/27 (default: the one containing --now, or the horizon's first).")
    var schoolYear: String?

    @Flag(help: "Solve and print, record nothing.")
    var dryRun = false

    @Flag(help: "Re-optimise the recorded placements of the school year and print what would move.")
    var replan = false

    @Flag(help: "With --replan: record the new placement.")
    var apply = false

    @Flag(help: "With --replan --apply: allow a school year that has begun.")
    var force = false

    @Option(help: "table, csv or json.")
    var format: ListFormat = .table

    @Option(help: "Also write the placement problem (the neutral JSON the CP-SAT oracle reads) to this file.")
    var writeProblem: String?

    @Option(help: "Who decided (kept with the placement).")
    var by: String = DefaultActor.name

    @OptionGroup var now: NowOption

    func run() throws {
        try reportingFailures {
            let loaded = try options.load()
            let config = loaded.configuration
            let moment = try now.resolve(timeZone: config.municipality.timeZone)
            let years = config.municipality.horizon.schoolYears
            let year = try schoolYear.map { try parseSchoolYear($0) }
                ?? (years.contains(moment.date.schoolYearStart) ? moment.date.schoolYearStart : years.lowerBound)
            guard years.contains(year) else {
                throw UsageFailure(message: "--school-year \(SchoolYear.label(startYear: year)) is outside the horizon (\(config.municipality.horizon)).")
            }
            if apply && !replan { throw UsageFailure(message: "--apply records a replan; give --replan too.") }
            if apply && dryRun { throw UsageFailure(message: "--apply and --dry-run contradict each other; give one.") }
            let label = SchoolYear.label(startYear: year)
            let begun = (DateRange.schoolYear(year)?.first ?? moment.date) <= moment.date
            if apply && begun && !force {
                throw UsageFailure(message: "school year \(label) has begun; its meetings are in people's calendars. Add --force to move them anyway.")
            }
            let statePath = stateOptions.path(configPath: loaded.file)
            let snapshot = try StateSnapshot.read(statePath: statePath)
            let recorded = PlacementTable(snapshot.placements)
            let scheduler = Scheduler(
                configuration: config, recordedTerms: snapshot.terms, changes: snapshot.changes, placements: recorded)
            let placer = Placer(configuration: config, scheduler: scheduler)
            if placer.builder.autoInstances.isEmpty {
                throw UsageFailure(message: "no structure has placement = \"auto\"; there is nothing to place.")
            }
            if replan && !placer.builder.autoInstances.contains(where: {
                recorded.choice(structure: $0.0.structureID, instance: $0.0.instanceID, schoolYear: year) != nil
            }) {
                throw UsageFailure(message: "school year \(label) has no recorded placement to replan; run moteplan place --school-year \(label) first.")
            }
            if let writeProblem {
                // Written before solving, so an impossible plan can be handed to the oracle too.
                let (problem, _) = placer.builder.problem(schoolYear: year, replan: replan)
                do {
                    try PlacementListing.problemJSON(problem).write(to: URL(fileURLWithPath: writeProblem), options: .atomic)
                } catch {
                    throw CommandFailure(message: "cannot write the problem to \(writeProblem): \(error.localizedDescription)")
                }
            }
            let outcome = try locatingPlacement(loaded) { try placer.place(schoolYear: year, replan: replan) }
            switch format {
            case .table: Output.raw(PlacementListing.table(outcome, replan: replan))
            case .csv: Output.raw(PlacementListing.csv(outcome))
            case .json: Output.raw(try PlacementListing.json(outcome))
            }
            // New instances, and recorded ones whose pattern is no longer among their choices.
            let fresh = outcome.entries.filter { $0.previous != $0.choice }.map { $0.record(schoolYear: year) }
            let moved = outcome.entries.filter(\.changed).map { $0.record(schoolYear: year) }
            let toRecord = replan ? (apply ? moved : []) : fresh
            guard !dryRun, !toRecord.isEmpty || (replan && apply) else {
                if replan && !apply && !moved.isEmpty { Output.error("nothing recorded; add --apply to record this replan.") }
                return
            }
            let store = try stateOptions.openForWriting(loaded)
            try store.write { transaction in
                // Placements recorded meanwhile win: the same instance and year is not placed twice.
                let now = PlacementTable(try transaction.recordedPlacements())
                let new = toRecord.filter { record in
                    replan || now.choice(structure: record.structureID, instance: record.instanceID, schoolYear: year)
                        == outcome.entries.first { $0.structureID == record.structureID && $0.instanceID == record.instanceID }?.previous
                }
                try transaction.record(new, replanned: replan, at: moment, actor: by)
            }
            if replan {
                Output.error("recorded the replan of \(label): \(moved.count) instance\(moved.count == 1 ? "" : "s") moved.")
            }
        }
    }
}
