/// When an arena runs: `from` and `until` (both included); nil ends are open.
public struct ActivePeriod: Sendable, Hashable {
    /// The first day a meeting may fall on.
    public var from: LocalDate?
    /// The last day a meeting may fall on.
    public var until: LocalDate?

    /// Creates a period.
    public init(from: LocalDate? = nil, until: LocalDate? = nil) {
        self.from = from
        self.until = until
    }

    /// Whether `date` lies within the period.
    public func contains(_ date: LocalDate) -> Bool {
        if let from, date < from { return false }
        if let until, date > until { return false }
        return true
    }

    /// Whether both ends are open.
    public var isUnbounded: Bool { from == nil && until == nil }
}
