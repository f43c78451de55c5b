/// A named stretch of days off, such as "Høstferie".
public struct NamedRange: Sendable, Hashable {
    /// The Norwegian name.
    public var name: String
    /// The days, both ends included.
    public var range: DateRange

    /// Creates a named range.
    public init(name: String, range: DateRange) {
        self.name = name
        self.range = range
    }
}

/// One school year: its first and last school day and its holidays.
public struct SchoolYear: Sendable, Hashable {
    /// The year the school year starts in: 2026 for "2026/27".
    public var startYear: Int
    /// The first school day.
    public var firstDay: LocalDate
    /// The last school day.
    public var lastDay: LocalDate
    /// The holidays within the year, sorted and not overlapping.
    public var holidays: [NamedRange]

    /// Creates a school year.
    public init(startYear: Int, firstDay: LocalDate, lastDay: LocalDate, holidays: [NamedRange]) {
        self.startYear = startYear
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.holidays = holidays
    }

    /// "2026/27".
    public var label: String { SchoolYear.label(startYear: startYear) }

    /// The label of the school year starting in `startYear`.
    public static func label(startYear: Int) -> String {
        "\(startYear)/\(pad((startYear + 1) % 100, 2))"
    }

    /// 1 August of the start year to 31 July of the next: the span a school year labels.
    public static func span(startYear: Int) -> DateRange {
        let first = LocalDate(year: startYear, month: 8, day: 1) ?? LocalDate(daysSinceEpoch: 0)
        let last = LocalDate(year: startYear + 1, month: 7, day: 31) ?? first
        return DateRange(first: first, last: last)
    }

    /// "2026/27" → 2026, or nil.
    public static func parse(label text: String) -> Int? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts[0].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isASCII),
            let start = Int(parts[0]), let end = Int(parts[1]),
            (1900...9000).contains(start), end == (start + 1) % 100
        else { return nil }
        return start
    }

    /// The school year (by start year) whose 1 Aug–31 Jul span contains `date`.
    public static func startYear(containing date: LocalDate) -> Int {
        date.month >= 8 ? date.year : date.year - 1
    }
}

/// A closed day the config adds: for everyone, or only for school-calendar structures.
public struct ClosedDay: Sendable, Hashable {
    /// The day and its name.
    public var day: NamedDay
    /// Whether only structures that follow the school calendar skip it.
    public var schoolOnly: Bool

    /// Creates a closed day.
    public init(day: NamedDay, schoolOnly: Bool) {
        self.day = day
        self.schoolOnly = schoolOnly
    }
}

/// The calendar part of the config: school years and extra closed days.
public struct CalendarSettings: Sendable, Hashable {
    /// School years, sorted by start year.
    public var schoolYears: [SchoolYear]
    /// Extra closed days.
    public var closedDays: [ClosedDay]

    /// Creates calendar settings.
    public init(schoolYears: [SchoolYear] = [], closedDays: [ClosedDay] = []) {
        self.schoolYears = schoolYears
        self.closedDays = closedDays
    }
}
