/// A closed range of dates, first and last day included.
public struct DateRange: Hashable, Sendable, CustomStringConvertible {
    /// The first day.
    public let first: LocalDate
    /// The last day.
    public let last: LocalDate

    /// Creates a range; `first` must not be after `last`.
    public init(first: LocalDate, last: LocalDate) {
        precondition(first <= last, "DateRange with first after last")
        self.first = first
        self.last = last
    }

    /// Whether `date` lies in the range.
    public func contains(_ date: LocalDate) -> Bool { first <= date && date <= last }

    /// Whether the two ranges share a day.
    public func overlaps(_ other: DateRange) -> Bool { first <= other.last && other.first <= last }

    /// Every day in the range, in order.
    public var days: [LocalDate] {
        (0...first.days(to: last)).map { first.adding(days: $0) }
    }

    /// `first–last`.
    public var description: String { "\(first)–\(last)" }
}
