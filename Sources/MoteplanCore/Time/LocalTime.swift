/// A wall-clock time of day in the municipality's zone, to the minute.
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 0–23.
    public let hour: Int
    /// 0–59.
    public let minute: Int

    /// Creates a time, or nil outside 00:00–23:59.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM` (or `H:MM`); nil for anything else, including 25:00.
    public init?(text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts[0].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isASCII),
            let h = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        self.init(hour: h, minute: m)
    }

    /// Minutes since midnight.
    public var minutesSinceMidnight: Int { hour * 60 + minute }

    /// The time `minutes` later on the same day, or nil when that is not the same day.
    public func adding(minutes: Int) -> LocalTime? {
        // Any amount beyond a day leaves the day; checked first, so no sum can overflow.
        guard (-(24 * 60)...(24 * 60)).contains(minutes) else { return nil }
        let total = minutesSinceMidnight + minutes
        guard (0..<(24 * 60)).contains(total) else { return nil }
        return LocalTime(hour: total / 60, minute: total % 60)
    }

    /// `HH:MM`.
    public var description: String { "\(pad(hour, 2)):\(pad(minute, 2))" }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }
}

/// A wall-clock date and time in the municipality's zone.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The date.
    public let date: LocalDate
    /// The time of day.
    public let time: LocalTime

    /// Creates a date-time from its parts.
    public init(date: LocalDate, time: LocalTime) {
        self.date = date
        self.time = time
    }

    /// Parses `YYYY-MM-DD` (midnight) or `YYYY-MM-DDTHH:MM`, the form `--now` takes.
    public init?(text: String) {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard let date = parts.first.flatMap({ LocalDate(iso: $0) }) else { return nil }
        switch parts.count {
        case 1: self.init(date: date, time: LocalTime.midnight)
        case 2:
            guard let time = LocalTime(text: parts[1]) else { return nil }
            self.init(date: date, time: time)
        default: return nil
        }
    }

    /// `YYYY-MM-DDTHH:MM`, the form plan output uses.
    public var description: String { "\(date)T\(time)" }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.time) < (rhs.date, rhs.time)
    }
}

extension LocalTime {
    /// 00:00.
    public static let midnight = LocalTime(unchecked: 0, 0)

    private init(unchecked hour: Int, _ minute: Int) {
        self.hour = hour
        self.minute = minute
    }
}
