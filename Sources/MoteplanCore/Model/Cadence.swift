/// Which occurrence of a weekday in a month: 1st–4th, or the last.
public enum NthWeekday: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1st to 4th (a 5th does not exist in every month, so the config refuses it).
    case nth(Int)
    /// The last one of the month.
    case last

    /// "2." or "siste".
    public var description: String {
        switch self {
        case .nth(let n): return "\(n)."
        case .last: return "siste"
        }
    }

    /// The iCalendar BYDAY prefix: "2" or "-1".
    public var icalPrefix: String {
        switch self {
        case .nth(let n): return String(n)
        case .last: return "-1"
        }
    }

    private var order: Int {
        switch self {
        case .nth(let n): return n
        case .last: return 5
        }
    }

    public static func < (lhs: NthWeekday, rhs: NthWeekday) -> Bool { lhs.order < rhs.order }
}

/// Meeting times on one day: one slot, or several (09–11 and 12–14).
public struct Slot: Sendable, Hashable {
    /// Start, local wall clock.
    public var start: LocalTime
    /// End, local wall clock, after the start.
    public var end: LocalTime

    /// Creates a slot.
    public init(start: LocalTime, end: LocalTime) {
        self.start = start
        self.end = end
    }
}

/// A one-off date, possibly with its own slots.
public struct DatedOccurrence: Sendable, Hashable {
    /// The date.
    public var date: LocalDate
    /// Slots for this date; empty means the structure's slots.
    public var slots: [Slot]

    /// Creates a dated occurrence.
    public init(date: LocalDate, slots: [Slot] = []) {
        self.date = date
        self.slots = slots
    }
}

/// The rule that says on which dates a structure meets.
public enum CadenceRule: Sendable, Hashable {
    /// The nth weekday(s) of every month: "2. og 4. onsdag".
    case monthly(nths: [NthWeekday], weekday: Weekday)
    /// Every `every` weeks on `weekday`, counted from the week of `anchor`.
    case weekly(every: Int, weekday: Weekday, anchor: LocalDate)
    /// The nth weekday(s) in the given months only: quarterly, semi-annual.
    case months(months: [Int], nths: [NthWeekday], weekday: Weekday)
    /// The weekday in the given ISO weeks of every year: "uke 6, 17, 38, 46, onsdag".
    case isoWeeks(weeks: [Int], weekday: Weekday)
    /// Explicit dates.
    case dates([DatedOccurrence])
    /// A duty without fixed dates: at least `count` meetings per half-year or school year, on days
    /// the instance chooses and registers (`moteplan meeting add`). Plans no date itself.
    case atLeast(count: Int, per: MarkerPeriod)
}

/// A cadence rule with its exclusions.
public struct Cadence: Sendable, Hashable {
    /// The rule.
    public var rule: CadenceRule
    /// Months (1–12) in which no meeting is planned, e.g. July.
    public var excludedMonths: Set<Int>
    /// Dates on which no meeting is planned.
    public var excludedDates: Set<LocalDate>

    /// Creates a cadence.
    public init(rule: CadenceRule, excludedMonths: Set<Int> = [], excludedDates: Set<LocalDate> = []) {
        self.rule = rule
        self.excludedMonths = excludedMonths
        self.excludedDates = excludedDates
    }
}
