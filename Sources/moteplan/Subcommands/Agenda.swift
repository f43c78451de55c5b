import ArgumentParser
import MoteplanCore
import MoteplanStore

/// `moteplan agenda STRUCTURE [--instance ID]`: a draft sakliste in Norwegian. A structure with
/// one instance per unit or group needs `--instance` (or `--meeting`): each has its own leader.
struct Agenda: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a draft sakliste for a meeting (default: the structure's next meeting).")

    @Argument(help: "The structure id.") var structure: String
    @Option(help: "The instance (a unit or group id or name); needed when the structure has one per unit or group.") var instance: String?
    @Option(help: "The meeting's UID.") var meeting: String?
    @Option(help: "The meeting's date, YYYY-MM-DD.") var date: String?
    @Option(help: "text, markdown or html.") var format: AgendaFormat = .text
    @OptionGroup var config: ConfigOptions
    @OptionGroup var state: StateOptions
    @OptionGroup var now: NowOption

    func run() throws {
        try reportingFailures {
            let loaded = try config.load()
            let configuration = loaded.configuration
            let found = try requireStructure(structure, in: configuration)
            guard meeting == nil || date == nil else { throw UsageFailure(message: "give --meeting or --date, not both.") }
            let plan = try state.planState(loaded)
            let instanceID = try AgendaInstance.resolve(instance, meeting: meeting, structure: found, in: plan.schedule)
            let own = plan.schedule.meetings.filter {
                $0.instance.structureID == structure && (instanceID == nil || $0.instance.instanceID == instanceID)
            }
            let target: Meeting
            if let meeting {
                let chosen = try findMeeting(meeting, in: plan)
                guard chosen.instance.structureID == structure else {
                    throw UsageFailure(message: "\(meeting) is a meeting of \(chosen.instance.structureID), not \(structure).")
                }
                if let instanceID, chosen.instance.instanceID != instanceID {
                    throw UsageFailure(message: "\(meeting) is a meeting of \(chosen.instance.instanceID), not \(instanceID).")
                }
                target = chosen
            } else if let date {
                let day = try parseDate(date, option: "--date")
                let horizon = configuration.municipality.horizon
                guard horizon.contains(day) else { throw UsageFailure(message: "\(day) is outside the plan's horizon (\(horizon)).") }
                let matches = own.filter { $0.date == day }
                guard let first = matches.first else {
                    let which = instanceID.map { "\(structure)/\($0)" } ?? structure
                    throw UsageFailure(message: "\(which) has no meeting on \(day); 'moteplan plan --structure \(structure)' lists them.")
                }
                guard matches.count == 1 else {
                    let uids = matches.map { $0.uid(domain: configuration.municipality.uidDomain) }
                    throw UsageFailure(message: "\(matches.count) meetings that day; give --meeting with one of: \(uids.joined(separator: ", ")).")
                }
                target = first
            } else {
                let moment = try now.resolve(timeZone: configuration.municipality.timeZone)
                guard let next = own.first(where: { !$0.isCancelled && $0.startDateTime > moment }) else {
                    let which = instanceID.map { "\(structure)/\($0)" } ?? structure
                    throw UsageFailure(message: "\(which) has no meeting after \(moment); give --date or --meeting.")
                }
                target = next
            }
            let draft = AgendaDraft(structure: found, meeting: target, schedule: plan.schedule, ledger: plan.ledger)
            Output.raw(draft.render(format, in: configuration.catalogue))
        }
    }
}

extension AgendaFormat: ExpressibleByArgument {}
