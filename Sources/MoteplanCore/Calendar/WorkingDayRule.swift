/// Where a deadline or a send day lands when it falls on a day the municipality is closed.
///
/// The one place for the rule "a due date or a reminder that falls on a closed day moves to the
/// previous working day": weekends, public holidays and the config's closed days for every
/// structure, and for structures that follow the school calendar also school-only closed days
/// and the school holidays (juleferie, påskeferie, the summer, …). The referat ledger, the
/// obligations and the reminders all ask this type.
public struct WorkingDayRule: Sendable {
    /// The working-day calendar.
    public let calendar: WorkCalendar
    /// How far back (or forward) a day is moved at most: longer than the summer holiday. Beyond
    /// the calendar's school years every day counts as summer; the date is then kept as it is.
    static let searchDays = 100

    /// A rule over `calendar`.
    public init(calendar: WorkCalendar) {
        self.calendar = calendar
    }

    /// The rule for `configuration`, with public holidays for its horizon and a year either side
    /// (the same span as the scheduler's calendar).
    public init(configuration: Configuration) {
        let horizon = configuration.municipality.horizon
        self.init(calendar: WorkCalendar(
            settings: configuration.calendar, years: (horizon.first.year - 1)...(horizon.last.year + 1),
            catalogue: configuration.catalogue))
    }

    /// `date` if it is a working day, else the nearest working day before it.
    public func onOrBefore(_ date: LocalDate, school: Bool) -> LocalDate {
        step(from: date, by: -1, school: school)
    }

    /// `date` if it is a working day, else the nearest working day after it (for an overdue
    /// reminder, which cannot move back before the deadline it is about).
    public func onOrAfter(_ date: LocalDate, school: Bool) -> LocalDate {
        step(from: date, by: 1, school: school)
    }

    /// `onOrBefore` for a structure's deadline: the school calendar when the structure follows it.
    public func onOrBefore(_ date: LocalDate, for structure: Structure?) -> LocalDate {
        onOrBefore(date, school: structure?.followsSchoolCalendar ?? false)
    }

    /// `onOrAfter` for a structure.
    public func onOrAfter(_ date: LocalDate, for structure: Structure?) -> LocalDate {
        onOrAfter(date, school: structure?.followsSchoolCalendar ?? false)
    }

    private func step(from date: LocalDate, by delta: Int, school: Bool) -> LocalDate {
        var day = date
        for _ in 0...Self.searchDays {
            if calendar.isWorkingDay(day, school: school) { return day }
            day = day.adding(days: delta)
        }
        return date
    }
}
