import ArgumentParser
import Foundation
import MoteplanCore
import MoteplanStore

/// `moteplan leaders`: who leads each rotating group, term by term.
struct Leaders: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show or set the network leaders per term.",
        subcommands: [LeadersList.self, LeadersSet.self],
        defaultSubcommand: LeadersList.self)
}

/// `moteplan leaders [list]`: recorded past terms, the current term and the next N projected.
struct LeadersList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List past, current and coming terms per group (recorded / override / projected).")


    @OptionGroup var options: ConfigOptions
    @OptionGroup var stateOptions: StateOptions

    @Option(help: "Only this group.")
    var group: String?

    @Option(help: "How many terms after the current one to project.")
    var terms: Int = 3

    @Option(help: "table, csv or json.")
    var format: ListFormat = .table

    @OptionGroup var now: NowOption

    func run() throws {
        try reportingFailures {
            let loaded = try options.load()
            let config = loaded.configuration
            guard (0...50).contains(terms) else { throw UsageFailure(message: "--terms must be 0 to 50.") }
            let groups = try LeaderListing.groups(config, only: group)
            let moment = try now.resolve(timeZone: config.municipality.timeZone)
            let planner = RotationPlanner(
                configuration: config, recorded: try stateOptions.recordedTerms(configPath: loaded.file))
            let rows = LeaderListing.rows(planner: planner, groups: groups, today: moment.date, ahead: terms)
            switch format {
            case .table: Output.raw(LeaderListing.table(rows, configuration: config))
            case .csv: Output.raw(LeaderListing.csv(rows))
            case .json: Output.raw(try LeaderListing.json(rows))
            }
        }
    }
}

/// `moteplan leaders set GROUP TERM LEADER --reason TEXT [--by NAME] [--force]`.
struct LeadersSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Name the leader of a term. The current or a past term needs --force; every change is logged.")

    @Argument(help: "The group id.")
    var group: String

    @Argument(help: "The term: 2026/27 (school year) or 2026 (calendar year).")
    var term: String

    @Argument(help: "The leader: a unit id (its head leads) or a role id, a person's name or an e-mail address.")
    var leader: String

    @Option(help: "Why (kept in the log).")
    var reason: String

    @Option(help: "Who decided (kept in the log).")
    var by: String = DefaultActor.name

    @Flag(help: "Allow changing the current or a past term.")
    var force = false

    @OptionGroup var options: ConfigOptions
    @OptionGroup var stateOptions: StateOptions
    @OptionGroup var now: NowOption

    func run() throws {
        try reportingFailures {
            let loaded = try options.load()
            let config = loaded.configuration
            let groups = try LeaderListing.groups(config, only: group)
            guard let rule = groups.first?.rotation else {
                throw UsageFailure(message: "group \"\(group)\" has no rotation; give it [groups.rotation] in the config.")
            }
            guard let target = Term(kind: rule.termKind, label: term) else {
                let example = rule.termKind == .schoolYear ? "2026/27" : "2026"
                throw UsageFailure(message: "\"\(term)\" is not a term of \(group); write it as \(example).")
            }
            guard target >= rule.firstTerm else {
                throw UsageFailure(message: "term \(target.label) is before \(group)'s first term \(rule.firstTerm.label).")
            }
            let leader = try resolveID(self.leader, what: "leader", in: config, sections: .actors)
            let reasonText = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reasonText.isEmpty else { throw UsageFailure(message: "--reason must not be empty.") }
            let moment = try now.resolve(timeZone: config.municipality.timeZone)
            let begun = target.range.first <= moment.date
            if begun && !force {
                throw UsageFailure(message: "term \(target.label) has begun; its leader is history. Add --force to change it anyway (the change is logged).")
            }
            let store = try stateOptions.openForWriting(loaded)
            let old = try store.write { transaction -> String? in
                try TermRecorder.recordBegunTerms(configuration: config, now: moment, in: transaction)
                let planner = RotationPlanner(configuration: config, recorded: try transaction.recordedTerms())
                let before = planner.terms(group: group, through: target).last?.leaderID
                try transaction.record(
                    RecordedTerm(
                        groupID: group, term: target, leaderID: leader, decision: .override, decidedAt: moment,
                        actor: by, reason: reasonText),
                    replace: true)
                try transaction.audit(
                    group: group, term: target, oldLeader: before, newLeader: leader, forced: begun, reason: reasonText,
                    actor: by, at: moment)
                return before
            }
            Output.line("\(group) \(target.label): \(old ?? "-") → \(leader) (override by \(by): \(reasonText))")
        }
    }
}
