/// A local wall-clock time (to the minute) in the feed's time zone, as written after `TZID=…:`.
public struct ICalDateTime: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Calendar year, e.g. 2026.
    public var year: Int
    /// Month, 1–12.
    public var month: Int
    /// Day of the month, 1–31.
    public var day: Int
    /// Hour, 0–23.
    public var hour: Int
    /// Minute, 0–59.
    public var minute: Int

    /// Creates a local time from its parts; they are checked when the time is serialized.
    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// Orders by year, month, day, hour, minute.
    public static func < (lhs: ICalDateTime, rhs: ICalDateTime) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour, lhs.minute) < (rhs.year, rhs.month, rhs.day, rhs.hour, rhs.minute)
    }

    /// The iCalendar local form, e.g. `20260908T140000`.
    public var description: String {
        Civil.basic(year: year, month: month, day: day, hour: hour, minute: minute, second: 0)
    }

    /// Whether every part is in range and the day exists in its month.
    var isValid: Bool {
        Civil.isValid(year: year, month: month, day: day, hour: hour, minute: minute, second: 0)
    }
}

/// A UTC instant to the second, written with a trailing `Z` (used for DTSTAMP).
public struct ICalUTCStamp: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Calendar year, e.g. 2026.
    public var year: Int
    /// Month, 1–12.
    public var month: Int
    /// Day of the month, 1–31.
    public var day: Int
    /// Hour, 0–23.
    public var hour: Int
    /// Minute, 0–59.
    public var minute: Int
    /// Second, 0–59.
    public var second: Int

    /// Creates a UTC instant from its parts; they are checked when the stamp is serialized.
    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Orders by time.
    public static func < (lhs: ICalUTCStamp, rhs: ICalUTCStamp) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour, lhs.minute, lhs.second)
            < (rhs.year, rhs.month, rhs.day, rhs.hour, rhs.minute, rhs.second)
    }

    /// The iCalendar UTC form, e.g. `20260901T100000Z`.
    public var description: String {
        Civil.basic(year: year, month: month, day: day, hour: hour, minute: minute, second: second) + "Z"
    }

    /// Whether every part is in range and the day exists in its month.
    var isValid: Bool {
        Civil.isValid(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }
}
