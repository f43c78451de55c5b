import CZ3

/// Solves a `PlacementProblem` with Z3: a feasibility check first (with a minimal unsat core when
/// there is no placement), then the optimisation of the soft rules.
///
/// Deterministic: the same problem gives the same result and the same choices on every run and
/// machine. Z3 runs single-threaded with fixed seeds, and the work is bounded by Z3's resource
/// limit (`rlimit`, counted in Z3's own steps), never by a clock. Every check (the feasibility
/// check, each check that shrinks a core, the optimisation) gets the whole budget. Each solve has
/// a context of its own, freed before it returns, so separate solves may run on separate threads.
public struct PlacementSolver: Sendable {
    /// The default budget per check: a few times what an Oslo-size problem (900 instances of 24
    /// choices) needs to be solved to optimality.
    public static let defaultResourceLimit: UInt32 = 200_000_000

    /// Z3's resource limit per check; when it runs out the result is `feasible` or `unknown`.
    public var resourceLimit: UInt32
    /// The random seed of the feasibility solver.
    public var seed: UInt32

    /// A solver with a budget per check.
    public init(resourceLimit: UInt32 = PlacementSolver.defaultResourceLimit, seed: UInt32 = 0) {
        self.resourceLimit = resourceLimit
        self.seed = seed
    }

    /// The cheapest placement (`optimal`), the best found within the budget (`feasible`), why there
    /// is none (`infeasible`, with a minimal core), or `unknown` when the budget ran out first.
    /// Throws when the problem is not valid (see `PlacementProblem.validate()`) or Z3 fails.
    public func solve(_ problem: PlacementProblem) throws(PlacementError) -> PlacementResult {
        try problem.validate()
        let context = try Z3Context()
        let encoding = try PlacementEncoding(problem, in: context)
        let feasibility = try FeasibilityCheck(encoding, rlimit: resourceLimit, seed: seed, context: context)
        let fallback: [Int]
        switch try feasibility.run() {
        case .unknown:
            return PlacementResult(status: .unknown)
        case .unsatisfiable(let core):
            return PlacementResult(status: .infeasible, core: core.map { encoding.groups[$0].name })
        case .satisfiable(let model):
            fallback = try encoding.placement(in: model, context: context)
        }
        let optimizer = try PlacementOptimizer(encoding, rlimit: resourceLimit, context: context)
        switch try optimizer.run() {
        case .optimal(let model):
            return try result(.optimal, try encoding.placement(in: model, context: context), problem)
        case .interrupted(let model?):
            let found = try encoding.placement(in: model, context: context)
            // The better of the optimiser's best and the feasibility check's placement.
            let best = problem.cost(of: found).objective <= problem.cost(of: fallback).objective ? found : fallback
            return try result(.feasible, best, problem)
        case .interrupted(nil):
            return try result(.feasible, fallback, problem)
        }
    }

    /// A result for `choices`, checked against the hard rules by the independent check.
    private func result(
        _ status: PlacementResult.Status, _ choices: [Int], _ problem: PlacementProblem
    ) throws(PlacementError) -> PlacementResult {
        let violations = problem.violations(of: choices)
        if let first = violations.first {
            throw .solverFailure("Z3's placement breaks a hard rule (\(first))")
        }
        let cost = problem.cost(of: choices)
        return PlacementResult(
            status: status, choices: choices, objective: cost.objective, softViolations: cost.softViolations)
    }
}
