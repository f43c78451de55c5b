/// Expands a cadence rule into its planned dates: pure date arithmetic, no libical
/// (its RRULE iterator is the second implementation in the tests).
public enum CadenceExpander {
    /// The planned dates in `range`, ascending and unique, before exclusions and holidays.
    public static func dates(_ rule: CadenceRule, in range: DateRange) -> [LocalDate] {
        var result: [LocalDate] = []
        switch rule {
        case .atLeast:
            return []
        case .monthly(let nths, let weekday):
            forEachMonth(in: range) { year, month in
                for nth in nths {
                    if let date = nthWeekday(nth, weekday, year: year, month: month) { result.append(date) }
                }
            }
        case .months(let months, let nths, let weekday):
            forEachMonth(in: range) { year, month in
                guard months.contains(month) else { return }
                for nth in nths {
                    if let date = nthWeekday(nth, weekday, year: year, month: month) { result.append(date) }
                }
            }
        case .weekly(let every, let weekday, let anchor):
            let step = 7 * every
            let anchorMonday = anchor.adding(days: -(anchor.weekday.rawValue - 1))
            let base = anchorMonday.adding(days: weekday.rawValue - 1)
            let offset = base.days(to: range.first)
            let k = offset <= 0 ? -((-offset) / step) : (offset + step - 1) / step
            var date = base.adding(days: k * step)
            while date <= range.last {
                if date >= range.first { result.append(date) }
                date = date.adding(days: step)
            }
        case .isoWeeks(let weeks, let weekday):
            for year in (range.first.year - 1)...(range.last.year + 1) {
                for week in weeks {
                    if let monday = ISOWeek.monday(week: week, year: year) {
                        result.append(monday.adding(days: weekday.rawValue - 1))
                    }
                }
            }
        case .dates(let occurrences):
            result = occurrences.map(\.date)
        }
        return Array(Set(result.filter(range.contains))).sorted()
    }

    /// The `nth` `weekday` of a month, or nil when the month has none (never for 1–4 and last).
    public static func nthWeekday(_ nth: NthWeekday, _ weekday: Weekday, year: Int, month: Int) -> LocalDate? {
        guard let first = LocalDate(year: year, month: month, day: 1) else { return nil }
        let firstMatch = first.adding(days: (weekday.rawValue - first.weekday.rawValue + 7) % 7)
        switch nth {
        case .nth(let n):
            let date = firstMatch.adding(days: 7 * (n - 1))
            return date.month == month ? date : nil
        case .last:
            let days = LocalDate.daysIn(month: month, year: year)
            let weeks = (days - firstMatch.day) / 7
            return firstMatch.adding(days: 7 * weeks)
        }
    }

    private static func forEachMonth(in range: DateRange, _ body: (Int, Int) -> Void) {
        var year = range.first.year
        var month = range.first.month
        while (year, month) <= (range.last.year, range.last.month) {
            body(year, month)
            month += 1
            if month > 12 {
                month = 1
                year += 1
            }
        }
    }
}
