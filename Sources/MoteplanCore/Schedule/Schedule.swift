/// Something the scheduler did that a rådgiver should know about.
public struct ScheduleNote: Sendable, Hashable {
    /// What happened.
    public enum Kind: Sendable, Hashable {
        /// A meeting was moved off a closed day.
        case moved(from: LocalDate, to: LocalDate, reason: String)
        /// A meeting was dropped: a closed day and no working day near enough, or a clash.
        case dropped(date: LocalDate, reason: String)
        /// A half-year (or school year) has fewer meetings than a marker needs.
        case markerShort(markerID: String, period: DateRange, found: Int, needed: Int)
        /// An explicit marker date has no meeting.
        case markerDateUnused(markerID: String, date: LocalDate)
    }

    /// The instance concerned.
    public var instance: StructureInstance
    /// What happened.
    public var kind: Kind
}

/// A calendar half-year: January–June (1) or July–December (2).
public struct HalfYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The calendar year.
    public var year: Int
    /// 1 or 2.
    public var half: Int

    /// The half-year containing `date`.
    public init(containing date: LocalDate) {
        year = date.year
        half = date.month <= 6 ? 1 : 2
    }

    /// Its days.
    public var range: DateRange {
        let first = LocalDate(year: year, month: half == 1 ? 1 : 7, day: 1) ?? LocalDate(daysSinceEpoch: 0)
        let last = LocalDate(year: year, month: half == 1 ? 6 : 12, day: half == 1 ? 30 : 31) ?? first
        return DateRange(first: first, last: last)
    }

    /// "våren 2027" or "høsten 2026" (bokmål; `name(in:)` for the plan's language).
    public var description: String { name(in: .bokmal) }

    /// "våren 2027" or "høsten 2026" in the catalogue's language ("våren"/"hausten").
    public func name(in catalogue: Catalogue) -> String {
        catalogue(half == 1 ? .spring : .autumn, ["year": String(year)])
    }

    public static func < (lhs: HalfYear, rhs: HalfYear) -> Bool { (lhs.year, lhs.half) < (rhs.year, rhs.half) }
}

/// The deterministic result of planning: every meeting in order, and the notes.
public struct Schedule: Sendable {
    /// Every instance, in config order (structures, then units or groups).
    public var instances: [StructureInstance]
    /// Every meeting, ordered by start, then structure and instance config order, then slot.
    public var meetings: [Meeting]
    /// What the scheduler moved, dropped or could not mark.
    public var notes: [ScheduleNote]
}

extension Phrase {
    static let spring = Phrase("duty.spring")
    static let autumn = Phrase("duty.autumn")
}
