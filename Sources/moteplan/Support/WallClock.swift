import Foundation
import MoteplanCore
import MoteplanICal

/// The one place moteplan reads the system clock; every command that uses it takes --now.
enum WallClock {
    /// The local date and time now in `timeZone` (the system zone if the id is unknown).
    static func now(in timeZone: String) -> LocalDateTime {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date())
        let date = LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? LocalDate(daysSinceEpoch: 0)
        let time = LocalTime(hour: parts.hour ?? 0, minute: parts.minute ?? 0) ?? .midnight
        return LocalDateTime(date: date, time: time)
    }

    /// The UTC instant of a local wall time in `timeZone` (for DTSTAMP).
    static func utc(_ local: LocalDateTime, in timeZone: String) -> ICalUTCStamp {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? .current
        let parts = DateComponents(
            year: local.date.year, month: local.date.month, day: local.date.day, hour: local.time.hour,
            minute: local.time.minute)
        let instant = calendar.date(from: parts) ?? Date(timeIntervalSince1970: 0)
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? .current
        let u = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        return ICalUTCStamp(
            year: u.year ?? 1970, month: u.month ?? 1, day: u.day ?? 1, hour: u.hour ?? 0, minute: u.minute ?? 0,
            second: u.second ?? 0)
    }
}
