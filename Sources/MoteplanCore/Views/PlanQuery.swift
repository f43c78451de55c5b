/// Which meetings `moteplan plan` lists.
public struct PlanQuery: Sendable {
    /// First day included.
    public var from: LocalDate?
    /// Last day included.
    public var to: LocalDate?
    /// Only this structure.
    public var structure: String?
    /// Only this instance.
    public var instance: String?

    /// Creates a query.
    public init(from: LocalDate? = nil, to: LocalDate? = nil, structure: String? = nil, instance: String? = nil) {
        self.from = from
        self.to = to
        self.structure = structure
        self.instance = instance
    }

    /// The meetings that match, in schedule order.
    public func filter(_ meetings: [Meeting]) -> [Meeting] {
        meetings.filter { m in
            (from.map { m.date >= $0 } ?? true) && (to.map { m.date <= $0 } ?? true)
                && (structure.map { m.instance.structureID == $0 } ?? true)
                && (instance.map { m.instance.instanceID == $0 } ?? true)
        }
    }
}
