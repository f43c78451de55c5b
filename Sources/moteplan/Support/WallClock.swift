import Foundation
import MoteplanCore

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
}
