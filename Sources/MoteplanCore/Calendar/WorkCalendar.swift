/// Which days are working days, for ordinary structures and for those that follow
/// the school calendar, with the reason a day is not.
public struct WorkCalendar: Sendable {
    private let publicHolidays: [LocalDate: String]
    private let closedForAll: [LocalDate: String]
    private let closedForSchool: [LocalDate: String]
    private let schoolYears: [SchoolYear]
    private let catalogue: Catalogue

    /// Builds the calendar for `settings`, with public holidays for `years`, named in `catalogue`'s language.
    public init(settings: CalendarSettings, years: ClosedRange<Int>, catalogue: Catalogue = .bokmal) {
        self.catalogue = catalogue
        var holidays: [LocalDate: String] = [:]
        for year in years {
            for day in PublicHolidays.of(year: year, in: catalogue) { holidays[day.date] = day.name }
        }
        publicHolidays = holidays
        var all: [LocalDate: String] = [:]
        var school: [LocalDate: String] = [:]
        for closed in settings.closedDays {
            if closed.schoolOnly {
                school[closed.day.date] = closed.day.name
            } else {
                all[closed.day.date] = closed.day.name
            }
        }
        closedForAll = all
        closedForSchool = school
        schoolYears = settings.schoolYears
    }

    /// Why `date` is not a working day, or nil when it is one.
    public func closure(on date: LocalDate, school: Bool) -> String? {
        if let name = publicHolidays[date] { return name }
        if let name = closedForAll[date] { return name }
        if date.weekday.isWeekend { return catalogue.weekday(date.weekday) }
        guard school else { return nil }
        if let name = closedForSchool[date] { return name }
        return schoolHoliday(on: date)
    }

    /// What closes `date` for school-calendar structures only: a school-only closed day or a
    /// school holiday (by its configured name), or nil.
    public func schoolClosure(on date: LocalDate) -> String? {
        closedForSchool[date] ?? schoolHoliday(on: date)
    }

    /// The names `skip_holidays` may use: every configured school holiday and closed day, and
    /// the summer holiday ("Sommerferie").
    public var holidayNames: [String] {
        var names: [String] = []
        for year in schoolYears { for holiday in year.holidays where !names.contains(holiday.name) { names.append(holiday.name) } }
        for name in closedForSchool.values.sorted() + closedForAll.values.sorted() where !names.contains(name) { names.append(name) }
        let summer = catalogue(.summerHoliday)
        if !names.contains(summer) { names.append(summer) }
        return names
    }

    /// Whether `date` is a working day.
    public func isWorkingDay(_ date: LocalDate, school: Bool) -> Bool {
        closure(on: date, school: school) == nil
    }

    /// The public holiday on `date`, if any.
    public func publicHoliday(on date: LocalDate) -> String? { publicHolidays[date] }

    /// The school holiday covering `date`: a configured holiday, or "Sommerferie" for any day
    /// outside every school year's first and last school day.
    public func schoolHoliday(on date: LocalDate) -> String? {
        for year in schoolYears where year.firstDay <= date && date <= year.lastDay {
            return year.holidays.first { $0.range.contains(date) }?.name
        }
        return catalogue(.summerHoliday)
    }
}

extension Phrase {
    static let summerHoliday = Phrase("holiday.summer")
}
