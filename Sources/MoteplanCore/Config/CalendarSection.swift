extension ConfigReader {
    static let calendarKeys = ["school_years", "closed_days"]
    static let schoolYearKeys = ["year", "first_day", "last_day", "holidays"]
    static let holidayKeys = ["name", "weeks", "from", "to"]
    static let closedDayKeys = ["date", "name", "school_only"]

    func readCalendar(_ table: TableReader, horizon: DateRange?) -> CalendarSettings {
        table.rejectUnknownKeys(Self.calendarKeys)
        var years: [(SchoolYear, ConfigPath)] = []
        for entry in table.tables("school_years") {
            if let year = readSchoolYear(entry) { years.append((year, entry.path)) }
        }
        var seen: [Int: ConfigPath] = [:]
        for (year, path) in years {
            if seen[year.startYear] != nil {
                diagnostics.error(path.appending("year"), "school year \(year.label) is defined twice.")
            }
            seen[year.startYear] = path
        }
        let closed = table.tables("closed_days").compactMap(readClosedDay)
        return CalendarSettings(
            schoolYears: years.map(\.0).sorted { $0.startYear < $1.startYear }, closedDays: closed)
    }

    func readSchoolYear(_ table: TableReader) -> SchoolYear? {
        table.rejectUnknownKeys(Self.schoolYearKeys)
        guard let label = table.string("year", required: "the school year, e.g. \"2026/27\""),
            let start = schoolYear(label, at: table.path.appending("year"))
        else { return nil }
        let span = SchoolYear.span(startYear: start)
        let first = table.date("first_day", required: "the first school day")
        let last = table.date("last_day", required: "the last school day")
        guard let first, let last else { return nil }
        for (key, day) in [("first_day", first), ("last_day", last)] where !span.contains(day) {
            diagnostics.error(table.path.appending(key), "\(day) is outside school year \(label) (\(span)).")
        }
        guard first <= last else {
            diagnostics.error(table.path.appending("last_day"), "the last school day (\(last)) is before the first (\(first)).")
            return nil
        }
        var holidays: [(NamedRange, ConfigPath)] = []
        for entry in table.tables("holidays") {
            holidays.append(contentsOf: readHoliday(entry, startYear: start).map { ($0, entry.path) })
        }
        holidays.sort { $0.0.range.first < $1.0.range.first }
        for (a, b) in zip(holidays, holidays.dropFirst()) where a.0.range.overlaps(b.0.range) {
            diagnostics.error(
                b.1, "\(b.0.name) (\(b.0.range)) overlaps \(a.0.name) (\(a.0.range)); holidays must not overlap.")
        }
        return SchoolYear(startYear: start, firstDay: first, lastDay: last, holidays: holidays.map(\.0))
    }

    /// One holiday entry: ISO weeks (each a Monday–Sunday range) or a from–to range.
    func readHoliday(_ table: TableReader, startYear: Int) -> [NamedRange] {
        table.rejectUnknownKeys(Self.holidayKeys)
        guard let name = table.text("name", required: "the holiday's name, e.g. \"Høstferie\"") else { return [] }
        if table.has("weeks") {
            if table.has("from") || table.has("to") {
                diagnostics.error(table.path.appending("weeks"), "give either weeks or from/to, not both.")
            }
            guard let weeks = table.array("weeks", allowSingle: true) else { return [] }
            var ranges: [NamedRange] = []
            for (raw, at) in weeks {
                guard raw.type == .int, let week = raw.int else {
                    wrongTypeWeek(at, raw)
                    continue
                }
                // Weeks from 31 belong to the autumn (start year), lower weeks to the spring.
                let year = week >= 31 ? startYear : startYear + 1
                guard let monday = ISOWeek.monday(week: week, year: year) else {
                    diagnostics.error(at, "\(year) has no week \(week) (weeks run 1–\(ISOWeek.weeksIn(year: year))).")
                    continue
                }
                ranges.append(NamedRange(name: name, range: DateRange(first: monday, last: monday.adding(days: 6))))
            }
            return ranges
        }
        let from = table.date("from", required: "the first day off (or weeks = [41])")
        let to = table.date("to", required: "the last day off")
        guard let from, let to else { return [] }
        guard from <= to else {
            diagnostics.error(table.path.appending("to"), "\(name) ends (\(to)) before it starts (\(from)); swap from and to.")
            return []
        }
        return [NamedRange(name: name, range: DateRange(first: from, last: to))]
    }

    private func wrongTypeWeek(_ at: ConfigPath, _ raw: Any) {
        diagnostics.error(at, "expected a week number such as 41.")
    }

    func readClosedDay(_ table: TableReader) -> ClosedDay? {
        table.rejectUnknownKeys(Self.closedDayKeys)
        let date = table.date("date", required: "the closed day")
        let name = table.text("name", required: "why the day is closed, e.g. \"Julaften\"")
        let schoolOnly = table.bool("school_only") ?? false
        guard let date, let name else { return nil }
        return ClosedDay(day: NamedDay(date: date, name: name), schoolOnly: schoolOnly)
    }
}
