import MoteplanCore

/// HTTP dates (RFC 9110 §5.6.7): IMF-fixdate out; IMF-fixdate, RFC 850 and asctime in.
/// Whole seconds since 1970-01-01 UTC, computed without locale or time-zone lookups.
public enum HTTPDate {
    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Sun, 06 Nov 1994 08:49:37 GMT".
    public static func format(_ seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let date = LocalDate(daysSinceEpoch: days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let weekday = weekdays[date.weekday.rawValue - 1]
        return "\(weekday), \(two(date.day)) \(months[date.month - 1]) \(date.year) "
            + "\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60)) GMT"
    }

    /// Seconds since the epoch of an HTTP date in any of the three formats; nil if it is not one.
    public static func parse(_ text: String) -> Int? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT → [Sun, 06, Nov, 1994, 08:49:37, GMT]
        if words.count == 6, words[5] == "GMT", let day = Int(words[1]), let year = Int(words[3]) {
            return seconds(year: year, month: words[2], day: day, time: words[4])
        }
        // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
        if words.count == 4, words[3] == "GMT" {
            let parts = words[1].split(separator: "-").map(String.init)
            guard parts.count == 3, let day = Int(parts[0]), let short = Int(parts[2]), parts[2].count == 2 else { return nil }
            return seconds(year: short < 70 ? 2000 + short : 1900 + short, month: parts[1], day: day, time: words[2])
        }
        // asctime: Sun Nov  6 08:49:37 1994
        if words.count == 5, let day = Int(words[2]), let year = Int(words[4]) {
            return seconds(year: year, month: words[1], day: day, time: words[3])
        }
        return nil
    }

    private static func seconds(year: Int, month: String, day: Int, time: String) -> Int? {
        guard let monthIndex = months.firstIndex(of: month), let date = LocalDate(year: year, month: monthIndex + 1, day: day)
        else { return nil }
        let clock = time.split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]), (0..<61).contains(clock[2])
        else { return nil }
        return date.daysSinceEpoch * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2]
    }
}
