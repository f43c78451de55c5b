/// A hard rule that a placement breaks, found by `PlacementProblem.violations(of:)`.
public struct PlacementViolation: Sendable, Equatable, CustomStringConvertible {
    /// The rule's group, named as in an unsat core: `choose:<instance id>`, `pinned:<instance id>`,
    /// `capacity:<resource id>`, `unavailable:<resource id>`, or `choices` when the vector has the wrong length.
    public let group: String
    /// What is wrong, with the instance, choice, resource and minute involved.
    public let detail: String

    /// A violation from its parts.
    public init(group: String, detail: String) {
        self.group = group
        self.detail = detail
    }

    /// `group: detail`.
    public var description: String { "\(group): \(detail)" }
}
