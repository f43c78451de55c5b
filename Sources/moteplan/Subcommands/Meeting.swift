import ArgumentParser
import MoteplanCore
import MoteplanStore

/// `moteplan meeting cancel|move|add`: changes to single meetings, kept in the state store.
struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: "Cancel, move or add a meeting (kept in the state store with reason, actor and time).",
        subcommands: [MeetingCancel.self, MeetingMove.self, MeetingAdd.self])
}

/// The options every meeting change takes.
struct ChangeOptions: ParsableArguments {
    @OptionGroup var config: ConfigOptions
    @OptionGroup var state: StateOptions
    @OptionGroup var now: NowOption

    @Option(help: "Who makes the change (default: $MOTEPLAN_ACTOR, then $USER).")
    var by: String = DefaultActor.name
}

/// Finds a meeting by UID, or fails with exit 2.
func findMeeting(_ uid: String, in plan: PlanState) throws -> Meeting {
    guard let meeting = plan.meeting(uid: uid) else {
        throw UsageFailure(message: "unknown meeting UID \"\(uid)\"; 'moteplan plan --format csv' lists them.")
    }
    return meeting
}

/// Parses `YYYY-MM-DDTHH:MM` inside the horizon, or fails with exit 2.
func meetingTime(_ text: String, option: String, _ config: Configuration) throws -> LocalDateTime {
    guard text.contains("T"), let value = LocalDateTime(text: text) else {
        throw UsageFailure(message: "\(option) \"\(text)\" is not a local date and time; write YYYY-MM-DDTHH:MM.")
    }
    let horizon = config.municipality.horizon
    guard horizon.contains(value.date) else {
        throw UsageFailure(message: "\(value.date) is outside the plan's horizon (\(horizon)).")
    }
    return value
}

/// Refuses a change that double-books someone unless forced (exit 2, naming each resource, time
/// and the other meetings); returns the warnings to print when forced.
func conflictCheck(_ change: MeetingChange, plan: PlanState, force: Bool, what: String) throws -> [String] {
    let clashes = plan.conflicts(after: change)
    guard !clashes.isEmpty else { return [] }
    let lines = ChangeConflictMessage.lines(clashes, uid: change.uid)
    guard force else {
        throw UsageFailure(message: "\(what) double-books " + lines.joined(separator: "; ") + "; choose another time, or add --force to do it anyway.")
    }
    return lines.map { "warning: double-booked: \($0)." }
}

/// Refuses a closed day unless forced; returns the warning to print when forced.
func closedDayCheck(_ date: LocalDate, structure: Structure, plan: PlanState, force: Bool) throws -> String? {
    guard let closure = plan.scheduler.calendar.closure(on: date, school: structure.followsSchoolCalendar) else { return nil }
    let warning = "\(date) is not a working day for \(structure.id) (\(closure))"
    guard force else { throw UsageFailure(message: "\(warning); add --force to use it anyway.") }
    return "warning: \(warning)."
}

struct MeetingCancel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel a meeting: it stays in the feeds as CANCELLED.")

    @Argument(help: "The meeting's UID.") var uid: String
    @Option(help: "Why (required).") var reason: String
    @OptionGroup var options: ChangeOptions

    func run() throws {
        try reportingFailures {
            let loaded = try options.config.load()
            let plan = try options.state.planState(loaded)
            let found = try findMeeting(uid, in: plan)
            let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !why.isEmpty else { throw UsageFailure(message: "--reason must not be empty.") }
            if found.isCancelled {
                Output.line("\(uid) is already cancelled; nothing changed.")
                return
            }
            let now = try options.now.resolve(timeZone: loaded.configuration.municipality.timeZone)
            let store = try options.state.openForWriting(loaded)
            let snapshot = try store.write { transaction -> StateSnapshot in
                try transaction.append(MeetingChange(uid: uid, kind: .cancel, reason: why, actor: options.by, at: now))
                return try StateSnapshot(transaction)
            }
            Output.line("cancelled \(found.title), \(found.startDateTime): \(why)")
            // The plan after the cancellation, from what the write just saw.
            let after = PlanState(configuration: loaded.configuration, snapshot: snapshot)
            for note in after.schedule.notes where note.instance == found.instance {
                if case .markerShort(let marker, let period, _, _) = note.kind, period.contains(found.date) {
                    Output.error("warning: \(found.instance.structureID)/\(found.instance.instanceID) has no later meeting in \(period) to take over the marker \"\(marker)\".")
                }
            }
        }
    }
}

struct MeetingMove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move a meeting to another time: it keeps its UID.")

    @Argument(help: "The meeting's UID.") var uid: String
    @Option(help: "The new start, YYYY-MM-DDTHH:MM (the length stays).") var to: String
    @Option(help: "Why.") var reason: String?
    @Flag(help: "Allow a day that is not a working day, or a double-booking.") var force = false
    @OptionGroup var options: ChangeOptions

    func run() throws {
        try reportingFailures {
            let loaded = try options.config.load()
            let config = loaded.configuration
            let plan = try options.state.planState(loaded)
            let found = try findMeeting(uid, in: plan)
            guard !found.isCancelled else {
                throw UsageFailure(message: "\(uid) is cancelled; it cannot be moved.")
            }
            let start = try meetingTime(to, option: "--to", config)
            let length = found.end.minutesSinceMidnight - found.start.minutesSinceMidnight
            guard let end = start.time.adding(minutes: length) else {
                throw UsageFailure(message: "a meeting starting \(start.time) would end after midnight.")
            }
            guard let structure = config.structure(found.instance.structureID) else { return }
            let warning = try closedDayCheck(start.date, structure: structure, plan: plan, force: force)
            let now = try options.now.resolve(timeZone: config.municipality.timeZone)
            let change = MeetingChange(uid: uid, kind: .move(start: start, end: end), reason: reason, actor: options.by, at: now)
            let clashes = try conflictCheck(change, plan: plan, force: force, what: "moving \(uid) to \(start)")
            let store = try options.state.openForWriting(loaded)
            try store.write { try $0.append(change) }
            if let warning { Output.error(warning) }
            clashes.forEach(Output.error)
            Output.line("moved \(found.title) from \(found.startDateTime) to \(start)–\(end)")
        }
    }
}

struct MeetingAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add an extra meeting (\"ved behov\") with its own UID.")

    @Argument(help: "The structure id.") var structure: String
    @Argument(help: "The instance id (the structure id for single structures).") var instance: String
    @Argument(help: "Start, YYYY-MM-DDTHH:MM.") var start: String
    @Option(help: "End, HH:MM (default: the structure's usual length).") var end: String?
    @Option(help: "A title added to the structure's.") var title: String?
    @Option(help: "Why.") var reason: String?
    @Flag(help: "Allow a day that is not a working day, or a double-booking.") var force = false
    @OptionGroup var options: ChangeOptions

    func run() throws {
        try reportingFailures {
            let loaded = try options.config.load()
            let config = loaded.configuration
            let found = try requireStructure(structure, in: config)
            let plan = try options.state.planState(loaded)
            let instances = plan.scheduler.instances(of: found)
            guard let target = instances.first(where: { $0.instanceID == instance }) else {
                throw UsageFailure(message: "unknown instance \"\(instance)\" of \(structure)." + Suggestion.hint(for: instance, in: instances.map(\.instanceID)))
            }
            let begin = try meetingTime(start, option: "START", config)
            let slot = found.slots.first
            let length = slot.map { $0.end.minutesSinceMidnight - $0.start.minutesSinceMidnight } ?? 60
            let finish: LocalTime
            if let end {
                guard let parsed = LocalTime(text: end), parsed > begin.time else {
                    throw UsageFailure(message: "--end \"\(end)\" must be a time HH:MM after the start.")
                }
                finish = parsed
            } else {
                guard let value = begin.time.adding(minutes: length) else {
                    throw UsageFailure(message: "a meeting starting \(begin.time) would end after midnight; give --end.")
                }
                finish = value
            }
            let warning = try closedDayCheck(begin.date, structure: found, plan: plan, force: force)
            let uid = Meeting.addedUID(target, start: begin, domain: config.municipality.uidDomain)
            guard plan.meeting(uid: uid) == nil else {
                throw UsageFailure(message: "an extra meeting of \(target.uidBase) at \(begin) already exists (\(uid)).")
            }
            let now = try options.now.resolve(timeZone: config.municipality.timeZone)
            let change = MeetingChange(
                uid: uid, kind: .add(structureID: structure, instanceID: instance, start: begin, end: finish, title: title),
                reason: reason, actor: options.by, at: now)
            let clashes = try conflictCheck(change, plan: plan, force: force, what: "adding \(uid)")
            let store = try options.state.openForWriting(loaded)
            try store.write { try $0.append(change) }
            if let warning { Output.error(warning) }
            clashes.forEach(Output.error)
            Output.line("added \(uid)")
        }
    }
}
