/// Lists named days off for the `holidays` command.
public enum HolidayListing {
    /// Which days to list.
    public enum Kind: String, Sendable, CaseIterable {
        /// Public holidays (helligdager).
        case `public`
        /// School holidays and school-only closed days from the config.
        case school
        /// Both, plus the config's closed days.
        case all
    }

    /// One named day per line, in date order, for the calendar years `years`.
    /// School days need a config; without one, only public holidays are listed.
    public static func days(years: ClosedRange<Int>, kind: Kind, calendar: CalendarSettings?) -> [NamedDay] {
        var byDate: [LocalDate: [String]] = [:]
        func add(_ date: LocalDate, _ name: String) {
            guard years.contains(date.year) else { return }
            if byDate[date, default: []].contains(name) { return }
            byDate[date, default: []].append(name)
        }
        if kind != .school {
            for year in years {
                for day in PublicHolidays.of(year: year) { add(day.date, day.name) }
            }
        }
        if let calendar, kind != .public {
            for year in calendar.schoolYears {
                for holiday in year.holidays {
                    for date in holiday.range.days { add(date, holiday.name) }
                }
            }
            let spans = calendar.schoolYears.map { DateRange(first: $0.firstDay, last: $0.lastDay) }
            if let first = calendar.schoolYears.first, let last = calendar.schoolYears.last {
                // Summer: from the start of the first school year's span to its first day, between
                // school years, and from the last school day to the end of the last span.
                let whole = DateRange(
                    first: SchoolYear.span(startYear: first.startYear).first,
                    last: SchoolYear.span(startYear: last.startYear).last)
                for date in whole.days where !spans.contains(where: { $0.contains(date) }) {
                    add(date, "Sommerferie")
                }
            }
            for closed in calendar.closedDays where kind == .all || closed.schoolOnly {
                add(closed.day.date, closed.day.name)
            }
        }
        return byDate.keys.sorted().map { NamedDay(date: $0, name: byDate[$0, default: []].joined(separator: ", ")) }
    }
}
