/// One instance's pattern for one school year, as `moteplan place` recorded it.
public struct RecordedPlacement: Sendable, Hashable {
    /// The structure.
    public var structureID: String
    /// The instance (unit, group or structure id).
    public var instanceID: String
    /// The school year's start year: 2026 for 2026/27.
    public var schoolYear: Int
    /// The chosen pattern's key (`PatternChoice.key`).
    public var choice: String

    /// Creates a record.
    public init(structureID: String, instanceID: String, schoolYear: Int, choice: String) {
        self.structureID = structureID
        self.instanceID = instanceID
        self.schoolYear = schoolYear
        self.choice = choice
    }
}

/// The chosen pattern of every automatically placed instance and school year, by key.
public struct PlacementTable: Sendable, Hashable {
    private var entries: [Key: String] = [:]

    private struct Key: Hashable, Sendable {
        var structureID: String
        var instanceID: String
        var schoolYear: Int
    }

    /// An empty table.
    public init() {}

    /// A table of `records`; a later record for the same instance and year wins.
    public init(_ records: [RecordedPlacement]) {
        for record in records { set(record) }
    }

    /// Whether nothing is placed.
    public var isEmpty: Bool { entries.isEmpty }

    /// The chosen key for an instance in a school year, if placed.
    public func choice(structure: String, instance: String, schoolYear: Int) -> String? {
        entries[Key(structureID: structure, instanceID: instance, schoolYear: schoolYear)]
    }

    /// Records (or replaces) a choice.
    public mutating func set(_ record: RecordedPlacement) {
        entries[Key(structureID: record.structureID, instanceID: record.instanceID, schoolYear: record.schoolYear)] = record.choice
    }

    /// Every entry, sorted by structure, instance and year.
    public var records: [RecordedPlacement] {
        entries.map { RecordedPlacement(structureID: $0.key.structureID, instanceID: $0.key.instanceID, schoolYear: $0.key.schoolYear, choice: $0.value) }
            .sorted { ($0.structureID, $0.instanceID, $0.schoolYear) < ($1.structureID, $1.instanceID, $1.schoolYear) }
    }
}

extension DateRange {
    /// The start years of the school years (1 August–31 July) this range touches.
    public var schoolYears: ClosedRange<Int> {
        let first = first.month >= 8 ? first.year : first.year - 1
        let last = last.month >= 8 ? last.year : last.year - 1
        return first...max(first, last)
    }

    /// 1 August `startYear` to 31 July the year after (nil outside the years a date can have).
    public static func schoolYear(_ startYear: Int) -> DateRange? {
        guard let first = LocalDate(year: startYear, month: 8, day: 1),
            let last = LocalDate(year: startYear + 1, month: 7, day: 31)
        else { return nil }
        return DateRange(first: first, last: last)
    }

    /// The part of this range inside `other`, or nil.
    public func clamped(to other: DateRange) -> DateRange? {
        let from = max(first, other.first)
        let to = min(last, other.last)
        return from <= to ? DateRange(first: from, last: to) : nil
    }
}

extension LocalDate {
    /// The start year of the school year (1 August–31 July) this date is in.
    public var schoolYearStart: Int { month >= 8 ? year : year - 1 }
}
