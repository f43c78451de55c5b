import ArgumentParser
import Foundation
import MoteplanCore
import MoteplanStore

/// `moteplan referat record|undo|status`: referat deliveries (facts only, never content).
struct ReferatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referat",
        abstract: "Record referat deliveries and see which are due, overdue or delivered.",
        subcommands: [ReferatRecordCommand.self, ReferatUndo.self, ReferatStatus.self])
}

struct ReferatRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record that a meeting's referat was delivered: UID, or STRUCTURE INSTANCE DATE.")

    @Argument(help: "The meeting's UID, or STRUCTURE INSTANCE DATE.") var meeting: [String]
    @Option(help: "The day it was delivered (default: --now's date).") var delivered: String?
    @Option(name: .customLong("by"), help: "Who delivered it (default: the meeting's leader).") var deliveredBy: String?
    @Option(help: "An archive id or a link. Never the referat's text.") var ref: String?
    @Flag(help: "Replace a different earlier record (logged).") var force = false
    @Option(name: .customLong("actor"), help: "Who records it (default: $MOTEPLAN_ACTOR, then $USER).")
    var actor: String = DefaultActor.name
    @OptionGroup var config: ConfigOptions
    @OptionGroup var state: StateOptions
    @OptionGroup var now: NowOption

    func run() throws {
        try reportingFailures {
            let loaded = try config.load()
            let configuration = loaded.configuration
            let plan = try state.planState(loaded)
            let found = try resolve(plan)
            let uid = found.uid(domain: configuration.municipality.uidDomain)
            guard plan.ledger.expected(uid: uid) != nil else {
                if found.isCancelled { throw UsageFailure(message: "\(uid) was cancelled; a cancelled meeting owes no referat.") }
                throw UsageFailure(message: "\(found.instance.structureID) meetings owe no referat (no [structures.referat] in the config).")
            }
            let moment = try now.resolve(timeZone: configuration.municipality.timeZone)
            let horizon = configuration.municipality.horizon
            if ReferatRecord.deliveryProblem(meeting: found, day: moment.date, now: moment, horizon: horizon) == .notYetHeld {
                throw UsageFailure(message: "\(uid) is on \(found.startDateTime), after --now \(moment): a referat cannot be recorded for a meeting not yet held.")
            }
            let day = try delivered.map { try parseDate($0, option: "--delivered") } ?? moment.date
            switch ReferatRecord.deliveryProblem(meeting: found, day: day, now: moment, horizon: horizon) {
            case .outsideHorizon: throw UsageFailure(message: "--delivered \(day) is outside the plan's horizon (\(horizon)).")
            case .beforeMeeting: throw UsageFailure(message: "--delivered \(day) is before the meeting (\(found.date)).")
            case .inFuture: throw UsageFailure(message: "--delivered \(day) is in the future (--now is \(moment.date)).")
            case .notYetHeld, nil: break
            }
            if let ref, let problem = ReferatRecord.validateReference(ref) { throw UsageFailure(message: problem) }
            if let deliveredBy, let problem = ReferatRecord.validateDeliveredBy(deliveredBy) { throw UsageFailure(message: problem) }
            let record = ReferatRecord(
                uid: uid, delivered: day, deliveredBy: deliveredBy ?? found.leader.map(LeaderName.display),
                reference: ref?.trimmingCharacters(in: .whitespaces))
            if let previous = plan.ledger.records[uid] {
                if previous == record {
                    Output.line("already recorded: \(uid) delivered \(day); nothing changed.")
                    return
                }
                guard force else {
                    throw UsageFailure(message: "\(uid) is already recorded (delivered \(previous.delivered) by \(previous.deliveredBy ?? "-"), ref \(previous.reference ?? "-")); add --force to replace it (the change is logged).")
                }
            }
            let store = try state.openForWriting(loaded)
            do {
                // Rechecked under the lock: another run may have recorded it meanwhile.
                _ = try store.write { try $0.recordReferat(record, force: force, actor: actor, at: moment) }
            } catch is StateTransaction.ReferatConflict {
                throw UsageFailure(message: "\(uid) was recorded meanwhile; add --force to replace it.")
            }
            let expected = plan.ledger.expected(uid: uid)
            let timing = expected.map { day <= $0.due ? "on time (due \($0.due))" : "late (due \($0.due))" } ?? ""
            Output.line("recorded: referat for \(found.title), \(found.date), delivered \(day) \(timing)")
        }
    }

    /// The meeting named by UID or by STRUCTURE INSTANCE DATE.
    func resolve(_ plan: PlanState) throws -> Meeting {
        switch meeting.count {
        case 1:
            return try findMeeting(meeting[0], in: plan)
        case 3:
            let date = try parseDate(meeting[2], option: "DATE")
            let matches = plan.schedule.meetings.filter {
                $0.instance.structureID == meeting[0] && $0.instance.instanceID == meeting[1] && $0.date == date
            }
            guard let first = matches.first else {
                throw UsageFailure(message: "no meeting of \(meeting[0])/\(meeting[1]) on \(date); 'moteplan plan --structure \(meeting[0])' lists them.")
            }
            guard matches.count == 1 else {
                let uids = matches.map { $0.uid(domain: plan.configuration.municipality.uidDomain) }
                throw UsageFailure(message: "\(matches.count) meetings that day; give the UID: \(uids.joined(separator: ", ")).")
            }
            return first
        default:
            throw UsageFailure(message: "give the meeting's UID, or STRUCTURE INSTANCE DATE.")
        }
    }
}

struct ReferatUndo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "undo", abstract: "Remove a recorded delivery (logged).")

    @Argument(help: "The meeting's UID.") var uid: String
    @Option(help: "Why.") var reason: String?
    @Option(name: .customLong("actor"), help: "Who undoes it (default: $MOTEPLAN_ACTOR, then $USER).")
    var actor: String = DefaultActor.name
    @OptionGroup var config: ConfigOptions
    @OptionGroup var state: StateOptions
    @OptionGroup var now: NowOption

    func run() throws {
        try reportingFailures {
            let loaded = try config.load()
            let plan = try state.planState(loaded)
            _ = try findMeeting(uid, in: plan)
            guard let previous = plan.ledger.records[uid] else {
                throw UsageFailure(message: "no referat is recorded for \(uid).")
            }
            let moment = try now.resolve(timeZone: loaded.configuration.municipality.timeZone)
            let store = try state.openForWriting(loaded)
            try store.write { try $0.undoReferat(previous, reason: reason, actor: actor, at: moment) }
            Output.line("undone: referat for \(uid) (was delivered \(previous.delivered))")
        }
    }
}

struct ReferatStatus: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "List every expected referat and where it stands.")

    @Option(help: "Only this group's meetings.") var group: String?
    @Flag(help: "Only overdue referat.") var overdue = false
    @Option(help: "table, csv or json.") var format: ListFormat = .table
    @OptionGroup var config: ConfigOptions
    @OptionGroup var state: StateOptions
    @OptionGroup var now: NowOption

    func run() throws {
        try reportingFailures {
            let loaded = try config.load()
            if let group, loaded.configuration.group(group) == nil {
                throw UsageFailure(message: "unknown group \"\(group)\"." + Suggestion.hint(for: group, in: loaded.configuration.groups.map(\.id)))
            }
            let plan = try state.planState(loaded)
            let moment = try now.resolve(timeZone: loaded.configuration.municipality.timeZone)
            let rows = ReferatListing.rows(plan.ledger, now: moment, group: group, overdueOnly: overdue)
            switch format {
            case .table: Output.raw(ReferatListing.table(rows))
            case .csv: Output.raw(ReferatListing.csv(rows))
            case .json: Output.raw(try ReferatListing.json(rows))
            }
        }
    }
}
