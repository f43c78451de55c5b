/// ISO 8601 week arithmetic: Norwegian planning speaks in weeks ("uke 41").
public enum ISOWeek {
    /// The Monday of ISO week `week` of `year`, or nil when the year has no such week.
    public static func monday(week: Int, year: Int) -> LocalDate? {
        guard week >= 1, week <= weeksIn(year: year), let jan4 = LocalDate(year: year, month: 1, day: 4)
        else { return nil }
        let week1Monday = jan4.adding(days: -(jan4.weekday.rawValue - 1))
        return week1Monday.adding(days: (week - 1) * 7)
    }

    /// 52 or 53: the number of ISO weeks in `year`.
    public static func weeksIn(year: Int) -> Int {
        guard let jan1 = LocalDate(year: year, month: 1, day: 1) else { return 52 }
        let wd = jan1.weekday
        return wd == .thursday || (wd == .wednesday && LocalDate.isLeap(year)) ? 53 : 52
    }

    /// The ISO (year, week) a date belongs to.
    public static func week(of date: LocalDate) -> (year: Int, week: Int) {
        let thursday = date.adding(days: 4 - date.weekday.rawValue)
        guard let jan1 = LocalDate(year: thursday.year, month: 1, day: 1) else { return (date.year, 1) }
        return (thursday.year, jan1.days(to: thursday) / 7 + 1)
    }
}
