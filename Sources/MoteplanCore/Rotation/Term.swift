/// How long a leader serves.
public enum TermKind: String, Sendable, Hashable, CaseIterable {
    /// 1 August to 31 July, labelled "2026/27".
    case schoolYear = "school_year"
    /// 1 January to 31 December, labelled "2026".
    case calendarYear = "calendar_year"
}

/// One leader term of a rotation.
public struct Term: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// School or calendar year.
    public var kind: TermKind
    /// The year it starts in.
    public var startYear: Int

    /// Creates a term.
    public init(kind: TermKind, startYear: Int) {
        self.kind = kind
        self.startYear = startYear
    }

    /// The term containing `date`.
    public init(kind: TermKind, containing date: LocalDate) {
        self.kind = kind
        startYear = kind == .schoolYear ? SchoolYear.startYear(containing: date) : date.year
    }

    /// Parses "2026/27" (school year) or "2026" (calendar year) for `kind`.
    public init?(kind: TermKind, label: String) {
        switch kind {
        case .schoolYear:
            guard let year = SchoolYear.parse(label: label) else { return nil }
            self.init(kind: kind, startYear: year)
        case .calendarYear:
            guard label.count == 4, let year = Int(label), (1900...9000).contains(year) else { return nil }
            self.init(kind: kind, startYear: year)
        }
    }

    /// Its days.
    public var range: DateRange {
        switch kind {
        case .schoolYear: return SchoolYear.span(startYear: startYear)
        case .calendarYear:
            let first = LocalDate(year: startYear, month: 1, day: 1) ?? LocalDate(daysSinceEpoch: 0)
            let last = LocalDate(year: startYear, month: 12, day: 31) ?? first
            return DateRange(first: first, last: last)
        }
    }

    /// The term after this one.
    public var next: Term { Term(kind: kind, startYear: startYear + 1) }

    /// The term before this one.
    public var previous: Term { Term(kind: kind, startYear: startYear - 1) }

    /// "2026/27" or "2026".
    public var label: String {
        kind == .schoolYear ? SchoolYear.label(startYear: startYear) : String(startYear)
    }

    /// The label.
    public var description: String { label }

    public static func < (lhs: Term, rhs: Term) -> Bool { lhs.startYear < rhs.startYear }
}
