import MoteplanCore
import MoteplanPlacement

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
    /// Why automatic placement failed, when it did: the schedule then shows the recorded patterns
    /// and each missing one's first choice (`check` and `ics` refuse such a config).
    public let placementFailure: PlacementFailure?
    /// The innkallinger recorded as sent: the day, by meeting UID.
    public let innkallingSent: [String: LocalDate]

    /// Derives everything from a configuration and a snapshot; automatically placed instances
    /// without a recorded pattern are placed around the recorded ones (not recorded here: `ics`
    /// and `place` record).
    public init(configuration: Configuration, snapshot: StateSnapshot) {
        self.configuration = configuration
        self.snapshot = snapshot
        innkallingSent = Dictionary(snapshot.innkallingSent.map { ($0.uid, $0.sent) }, uniquingKeysWith: { $1 })
        let placements: PlacementTable
        do {
            placements = try Self.placements(configuration: configuration, snapshot: snapshot)
            placementFailure = nil
        } catch let failure as PlacementFailure {
            placements = PlacementTable(snapshot.placements)
            placementFailure = failure
        } catch {
            placements = PlacementTable(snapshot.placements)
            placementFailure = PlacementFailure(schoolYear: 0, explanation: ["\(error)"], core: [])
        }
        scheduler = Scheduler(
            configuration: configuration, recordedTerms: snapshot.terms, changes: snapshot.changes, placements: placements)
        schedule = scheduler.schedule()
        ledger = ReferatLedger(configuration: configuration, schedule: schedule, records: snapshot.referat)
    }

    /// The recorded placements completed by the solver for what is missing.
    static func placements(configuration: Configuration, snapshot: StateSnapshot) throws -> PlacementTable {
        try PlacementResolver.resolve(
            configuration: configuration, terms: snapshot.terms, changes: snapshot.changes, recorded: snapshot.placements
        ).table
    }

    /// Reads the store at `path` without creating it; an empty state when there is none. Throws
    /// `PlacementFailure` when the automatic instances cannot be placed.
    public static func read(configuration: Configuration, statePath: String) throws -> PlanState {
        let snapshot = try StateSnapshot.read(statePath: statePath)
        let state = PlanState(configuration: configuration, snapshot: snapshot)
        if let failure = state.placementFailure { throw failure }
        return state
    }

    /// Throws `PlacementFailure` when the automatic instances the store has not placed cannot be
    /// placed; reads the store without creating it (so a command can refuse before writing).
    public static func checkPlacement(configuration: Configuration, statePath: String) throws {
        let snapshot = try StateSnapshot.read(statePath: statePath)
        _ = try placements(configuration: configuration, snapshot: snapshot)
    }

    /// Only the schedule, with the store's terms, changes and placements (no referat ledger): for
    /// commands such as `conflicts` that need nothing else, at Oslo size a third less work.
    public static func schedule(configuration: Configuration, statePath: String) throws -> Schedule {
        let snapshot = try StateSnapshot.read(statePath: statePath)
        return Scheduler(
            configuration: configuration, recordedTerms: snapshot.terms, changes: snapshot.changes,
            placements: try placements(configuration: configuration, snapshot: snapshot)
        ).schedule()
    }

    /// Obligations at `now`.
    public var obligations: ObligationPlanner {
        var planner = ObligationPlanner(configuration: configuration, schedule: schedule, ledger: ledger, rotation: scheduler.rotation)
        planner.innkallingSent = Set(innkallingSent.keys)
        return planner
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
