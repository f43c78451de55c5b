import MoteplanCore

/// The plan as it stands: the config's schedule with the store's facts applied (leader terms,
/// meeting changes, delivered referat), and what follows from them.
public struct PlanState: Sendable {
    /// The configuration.
    public let configuration: Configuration
    /// The store's facts.
    public let snapshot: StateSnapshot
    /// The scheduler (with terms and changes).
    public let scheduler: Scheduler
    /// The schedule, changes applied.
    public let schedule: Schedule
    /// Expected and delivered referat.
    public let ledger: ReferatLedger

    /// Derives everything from a configuration and a snapshot.
    public init(configuration: Configuration, snapshot: StateSnapshot) {
        self.configuration = configuration
        self.snapshot = snapshot
        scheduler = Scheduler(configuration: configuration, recordedTerms: snapshot.terms, changes: snapshot.changes)
        schedule = scheduler.schedule()
        ledger = ReferatLedger(configuration: configuration, schedule: schedule, records: snapshot.referat)
    }

    /// Reads the store at `path` without creating it; an empty state when there is none.
    public static func read(configuration: Configuration, statePath: String) throws -> PlanState {
        guard let store = try StateStore.openForReading(path: statePath) else {
            return PlanState(configuration: configuration, snapshot: StateSnapshot())
        }
        return PlanState(configuration: configuration, snapshot: try store.read { try StateSnapshot($0) })
    }

    /// Only the schedule, with the store's terms and changes (no referat ledger): for commands
    /// such as `conflicts` that need nothing else, at Oslo size a third less work.
    public static func schedule(configuration: Configuration, statePath: String) throws -> Schedule {
        let snapshot = try StateStore.openForReading(path: statePath).map { store in try store.read { try StateSnapshot($0) } } ?? StateSnapshot()
        return Scheduler(configuration: configuration, recordedTerms: snapshot.terms, changes: snapshot.changes).schedule()
    }

    /// Obligations at `now`.
    public var obligations: ObligationPlanner {
        ObligationPlanner(configuration: configuration, schedule: schedule, ledger: ledger, rotation: scheduler.rotation)
    }

    /// The meeting with `uid`, if the schedule has it.
    public func meeting(uid: String) -> Meeting? {
        // Meetings that owe a referat (what POST /referat asks for) are indexed by the ledger;
        // the rest (cancelled, or no referat duty) are searched.
        if let owed = ledger.expected(uid: uid) { return owed.meeting }
        let domain = configuration.municipality.uidDomain
        return schedule.meetings.first { $0.uid(domain: domain) == uid }
    }
}
