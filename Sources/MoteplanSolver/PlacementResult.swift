/// What the solver found: a placement and its cost, or why there is none.
public struct PlacementResult: Codable, Sendable, Equatable {
    /// How far the solver got within its budget.
    public enum Status: String, Codable, Sendable, Equatable {
        /// The placement has the least cost there is (proven).
        case optimal
        /// A valid placement, the best found before the budget ran out; a cheaper one may exist.
        case feasible
        /// No placement meets the hard rules; `core` says which rules clash.
        case infeasible
        /// The budget ran out before any placement was found or ruled out.
        case unknown
    }

    /// How far the solver got.
    public var status: Status
    /// The index of the taken choice per instance; empty unless `optimal` or `feasible`.
    public var choices: [Int]
    /// The placement's cost (see `PlacementCost`); 0 without a placement.
    public var objective: Int
    /// What costs something in the placement: `penalty:<instance id>`, `change:<instance id>`,
    /// `soft_limit:<name>`, in instance order and then soft limit order.
    public var softViolations: [String]
    /// When infeasible: hard groups that cannot all hold, minimal (leave any one out and the rest
    /// can), in the order of `PlacementProblem`'s documentation: `choose:`, `pinned:`,
    /// `capacity:`, `unavailable:`, each in problem order. If the budget ran out while the core was
    /// being shrunk it is still a cause but perhaps not minimal; if it ran out before any core was
    /// found, empty.
    public var core: [String]

    /// A result from its parts.
    public init(status: Status, choices: [Int] = [], objective: Int = 0, softViolations: [String] = [], core: [String] = []) {
        self.status = status
        self.choices = choices
        self.objective = objective
        self.softViolations = softViolations
        self.core = core
    }

    enum CodingKeys: String, CodingKey {
        case status, choices, objective, core
        case softViolations = "soft_violations"
    }
}
