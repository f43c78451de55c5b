/// A time a person, unit or room cannot take a meeting.
public enum Unavailability: Sendable, Hashable {
    /// Every week on `weekday`, the whole day or from–to.
    case weekly(weekday: Weekday, from: LocalTime?, to: LocalTime?)
    /// Whole days from `first` to `last`, inclusive.
    case days(DateRange)

    /// The blocked minutes of `date` as a half-open range of minutes since midnight (a whole day
    /// is 0..<1440), or nil when the date is free.
    public func blocked(on date: LocalDate) -> Range<Int>? {
        switch self {
        case .weekly(let weekday, let from, let to):
            guard date.weekday == weekday else { return nil }
            return (from?.minutesSinceMidnight ?? 0)..<(to?.minutesSinceMidnight ?? 24 * 60)
        case .days(let range):
            return range.contains(date) ? 0..<(24 * 60) : nil
        }
    }
}

/// How many meetings a role, unit or room can take at once, and when it can take none.
public struct Availability: Sendable, Hashable {
    /// Meetings at the same time (PPT with three advisers: 3). At least 1.
    public var capacity: Int
    /// When it can take no meeting.
    public var unavailable: [Unavailability]

    /// Creates an availability; the default is one meeting at a time, always available.
    public init(capacity: Int = 1, unavailable: [Unavailability] = []) {
        self.capacity = capacity
        self.unavailable = unavailable
    }
}
