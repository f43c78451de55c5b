/// A time window in which a role, unit or room is needed by more meetings than it can take
/// (or by any meeting while it is unavailable: capacity 0).
public struct Conflict: Sendable, Hashable {
    /// The resource id (a role, unit or location).
    public var resource: String
    /// The window's start, local wall time.
    public var start: LocalDateTime
    /// The window's end (for people, meetings count until their buffer after them has passed).
    public var end: LocalDateTime
    /// What it can take in the window: its capacity, or 0 while unavailable.
    public var capacity: Int
    /// The most meetings needing it at one moment of the window.
    public var needed: Int
    /// The UIDs of every meeting that needs it during the window, sorted.
    public var uids: [String]
    /// The structures of those meetings, sorted.
    public var structures: [String]

    /// Creates a conflict.
    public init(resource: String, start: LocalDateTime, end: LocalDateTime, capacity: Int, needed: Int, uids: [String], structures: [String]) {
        self.resource = resource
        self.start = start
        self.end = end
        self.capacity = capacity
        self.needed = needed
        self.uids = uids
        self.structures = structures
    }
}

/// Minutes since 1970-01-01 00:00 local wall time: the sweep's clock (meetings are wall-clock
/// times on one day, so no zone arithmetic is needed), and the placement solver's.
public enum WallMinutes {
    /// The wall-clock minute of `time` on `date`.
    public static func of(_ date: LocalDate, _ time: LocalTime) -> Int {
        date.daysSinceEpoch * 24 * 60 + time.minutesSinceMidnight
    }

    /// The date and time of a wall-clock minute.
    public static func dateTime(_ minutes: Int) -> LocalDateTime {
        let days = minutes >= 0 ? minutes / (24 * 60) : (minutes - (24 * 60 - 1)) / (24 * 60)
        let rest = minutes - days * 24 * 60
        return LocalDateTime(date: LocalDate(daysSinceEpoch: days), time: LocalTime(hour: rest / 60, minute: rest % 60) ?? .midnight)
    }
}
