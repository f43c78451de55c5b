/// The evaluation of a period: did the structures work? Counts per instance and structure of
/// what was planned, held, cancelled, moved and added; whether the cadence was kept; referat on
/// time, late and missing; the half-yearly markers; and who led the networks. Only the past
/// counts: meetings after `now` are "upcoming", never missed.
public struct EvaluationReport: Sendable {
    /// One instance's (or a structure's, or the municipality's) figures.
    public struct Figures: Sendable, Hashable, Encodable {
        public var structure: String
        public var instance: String
        public var planned = 0
        public var held = 0
        public var cancelled = 0
        public var moved = 0
        public var added = 0
        public var upcoming = 0
        public var periodsRequired = 0
        public var periodsMet = 0
        public var referatExpected = 0
        public var referatOnTime = 0
        public var referatLate = 0
        public var referatMissing = 0
        public var referatPending = 0
        /// Median days late of the late referat; 0 when none.
        public var referatMedianDaysLate = 0.0
        public var markersRequired = 0
        public var markersMet = 0

        mutating func add(_ other: Figures) {
            planned += other.planned; held += other.held; cancelled += other.cancelled; moved += other.moved
            added += other.added; upcoming += other.upcoming; periodsRequired += other.periodsRequired
            periodsMet += other.periodsMet; referatExpected += other.referatExpected; referatOnTime += other.referatOnTime
            referatLate += other.referatLate; referatMissing += other.referatMissing; referatPending += other.referatPending
            markersRequired += other.markersRequired; markersMet += other.markersMet
        }
    }

    /// A cancelled meeting and why.
    public struct Cancellation: Sendable, Hashable, Encodable {
        public var structure, instance, meeting, reason: String
    }

    /// A period in which a structure's cadence asked for a meeting and none was held.
    public struct MissedPeriod: Sendable, Hashable, Encodable {
        public var structure, instance, period: String
    }

    /// A marker requirement of one half-year (or school year) of one instance.
    public struct MarkerCheck: Sendable, Hashable, Encodable {
        public var structure, instance, marker, period: String
        public var required: Int
        /// The held meetings that carried it, `YYYY-MM-DD`.
        public var meetings: [String]
        public var met: Bool
    }

    /// A network leader term overlapping the period.
    public struct LeaderTerm: Sendable, Hashable, Encodable {
        public var group, term, leader, status: String
    }

    /// The period evaluated.
    public var period: DateRange
    /// The moment "now": later meetings are upcoming.
    public var now: LocalDateTime
    /// Per instance, in schedule order of structures and instances.
    public var instances: [Figures] = []
    /// Per structure (instance "*").
    public var structures: [Figures] = []
    /// The municipality (structure and instance "*").
    public var total = Figures(structure: "*", instance: "*")
    /// Cancellations with reasons.
    public var cancellations: [Cancellation] = []
    /// Periods missed.
    public var missed: [MissedPeriod] = []
    /// Marker checks.
    public var markers: [MarkerCheck] = []
    /// Leaders per term for rotating groups.
    public var leaders: [LeaderTerm] = []
    /// What needs attention, in Norwegian.
    public var attention: [String] = []
    /// Double-bookings whose window starts in the period.
    public var conflicts: [ConflictEntry] = []

    /// A double-booking as the report lists it.
    public struct ConflictEntry: Sendable, Hashable, Encodable {
        public var resource, start, end: String
        public var capacity, needed: Int
        public var uids: [String]
    }
}
