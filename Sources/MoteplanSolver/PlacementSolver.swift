/// Solves a `PlacementProblem` with Z3: a check of the hard rules first (with a minimal unsat core
/// when there is no placement), then a search for the cheapest placement.
///
/// Deterministic: the same problem gives the same result and the same choices on every run and
/// machine. Z3 runs single-threaded with a fixed seed, and the work is bounded by Z3's resource
/// limit (`rlimit`, counted in Z3's own steps), never by a clock. Each solve has a context of its
/// own, freed before it returns, so separate solves may run on separate threads.
///
/// The problem is split into independent parts (`PlacementProblem.components()`: the districts of
/// a city share no resource), each solved on its own within a share of `resourceLimit` (see
/// `solve(_:)`), in these steps:
/// 1. the hard rules as pseudo-boolean constraints, with at most a quarter of the part's budget;
/// 2. if that ran out, the same with each sum also as integer arithmetic (the LP relaxation proves
///    overfull resources at once), with at most half of what is left;
/// 3. no placement: a minimal core, on the encoding that proved it, with the rest;
/// 4. a placement: the cost search (`CostSearch`) on the same solver and one with the arithmetic
///    copy of "exactly one choice", of the soft limits and of the cost, with the rest.
/// The first part without a placement makes the whole infeasible, with that part's core (minimal
/// for the whole: the other parts can always take nothing); a part left unknown makes the whole
/// unknown.
public struct PlacementSolver: Sendable {
    /// The default budget for a whole solve: some five times what the Oslo-size benchmark
    /// (Benchmarks/placement) needs to be solved to proven optimality; spent in full only on a
    /// problem too hard to prove, in up to about half a minute on the 2-core machine it was tuned on.
    public static let defaultResourceLimit = 100_000_000

    /// Z3's resource units for the whole solve; when they run out the result is `feasible` or `unknown`.
    public var resourceLimit: Int
    /// The random seed of Z3's solver.
    public var seed: UInt32

    /// A solver with a budget.
    public init(resourceLimit: Int = PlacementSolver.defaultResourceLimit, seed: UInt32 = 0) {
        self.resourceLimit = resourceLimit
        self.seed = seed
    }

    /// The cheapest placement (`optimal`), the best found within the budget (`feasible`), why there
    /// is none (`infeasible`, with a minimal core), or `unknown` when the budget ran out first.
    /// Throws when the problem is not valid (see `PlacementProblem.validate()`) or Z3 fails.
    public func solve(_ problem: PlacementProblem) throws(PlacementError) -> PlacementResult {
        try problem.validate()
        var budget = Z3Budget(UInt64(max(0, resourceLimit)))
        let parts = problem.components()
        var results: [PlacementResult?] = Array(repeating: nil, count: parts.count)
        // Two rounds: every part with an equal share of what is left (what an easy part leaves goes
        // to the parts after it), then the parts not yet solved to optimality again, from scratch,
        // with what the easy parts left; the better of a part's two placements counts.
        for round in 0..<2 {
            let open = parts.indices.filter { results[$0]?.status != .optimal }
            if round == 1 && (open.isEmpty || budget.isExhausted) { break }
            for (k, p) in open.enumerated() {
                var share = Z3Budget(budget.remaining / UInt64(open.count - k))
                let before = share.remaining
                let result = try solvePart(parts[p].problem, budget: &share)
                budget.spend(before - share.remaining)
                if result.status == .infeasible { return result }
                results[p] = Self.better(results[p], result, parts[p].problem)
            }
        }
        var choices = Array(repeating: 0, count: problem.instances.count)
        for (part, result) in zip(parts, results) {
            guard let result, result.status != .unknown else { return PlacementResult(status: .unknown) }
            for (local, global) in part.instances.enumerated() { choices[global] = result.choices[local] }
        }
        let proven = results.allSatisfy { $0?.status == .optimal }
        return try result(proven ? .optimal : .feasible, choices, problem)
    }

    /// Of two results for the same part: a proven one, else the cheaper placement, else the first.
    private static func better(
        _ first: PlacementResult?, _ second: PlacementResult, _ problem: PlacementProblem
    ) -> PlacementResult {
        guard let first, first.status != .unknown, second.status != .optimal else { return second }
        guard second.status == .feasible else { return first }
        return problem.cost(of: second.choices).objective < problem.cost(of: first.choices).objective ? second : first
    }

    /// Steps 1 to 4 for one independent part of the problem.
    private func solvePart(_ problem: PlacementProblem, budget: inout Z3Budget) throws(PlacementError) -> PlacementResult {
        let context = try Z3Context()
        let encoding = try PlacementEncoding(problem, in: context)
        switch try checkHardRules(encoding, budget: &budget, context: context) {
        case .unknown:
            return PlacementResult(status: .unknown)
        case .noPlacement(let arithmetic):
            let core = try MinimalCore.find(encoding, arithmetic: arithmetic, seed: seed, budget: &budget, context: context)
            return PlacementResult(status: .infeasible, core: (core ?? []).map { encoding.groups[$0].name })
        case .placement(let start, let solver, let arithmetic):
            try checkValid(start, problem)
            var search = CostSearch(from: start, encoding: encoding, problem: problem)
            let proven = try search.run(
                on: solver, copy: arithmetic,
                make: { (copy) throws(PlacementError) in try makeSolver(encoding, copy: copy, context: context) },
                budget: &budget, context: context)
            return PlacementResult(status: proven ? .optimal : .feasible, choices: search.best)
        }
    }

    /// What the check of the hard rules found.
    private enum HardOutcome {
        /// A placement, and the solver that found it (to search on for cheaper ones).
        case placement([Int], Z3Solver, arithmetic: ArithmeticCopy)
        /// None exists, proven with (`arithmetic`) or without the arithmetic copy.
        case noPlacement(arithmetic: ArithmeticCopy)
        case unknown
    }

    /// Steps 1 and 2: the hard rules, as pseudo-boolean constraints and, if that runs out, with the
    /// arithmetic copy. A solver that did not answer is released here.
    private func checkHardRules(
        _ encoding: PlacementEncoding, budget: inout Z3Budget, context: Z3Context
    ) throws(PlacementError) -> HardOutcome {
        for (arithmetic, share) in [(ArithmeticCopy.none, 0.25), (.all, 0.5)] {
            let solver = try makeSolver(encoding, copy: arithmetic, context: context)
            switch try solver.check([], limit: budget.share(share), budget: &budget) {
            case .satisfiable(let model):
                return .placement(try encoding.placement(in: model, context: context), solver, arithmetic: arithmetic)
            case .unsatisfiable:
                return .noPlacement(arithmetic: arithmetic)
            case .unknown:
                continue
            }
        }
        return .unknown
    }

    /// A solver holding every hard rule, with the arithmetic copy `copy`.
    private func makeSolver(
        _ encoding: PlacementEncoding, copy: ArithmeticCopy, context: Z3Context
    ) throws(PlacementError) -> Z3Solver {
        let solver = try Z3Solver(context: context, seed: seed, arithmetic: copy != .none)
        try HardRules.assertAll(encoding, into: solver, arithmetic: copy, context: context)
        return solver
    }

    /// A result for `choices`, checked against the hard rules by the independent check.
    private func result(
        _ status: PlacementResult.Status, _ choices: [Int], _ problem: PlacementProblem
    ) throws(PlacementError) -> PlacementResult {
        try checkValid(choices, problem)
        let cost = problem.cost(of: choices)
        return PlacementResult(
            status: status, choices: choices, objective: cost.objective, softViolations: cost.softViolations)
    }

    /// Throws when Z3's placement breaks a hard rule by `PlacementProblem.violations(of:)`: the
    /// encoding and the check disagree, a bug.
    private func checkValid(_ choices: [Int], _ problem: PlacementProblem) throws(PlacementError) {
        if let first = problem.violations(of: choices).first {
            throw .solverFailure("Z3's placement breaks a hard rule (\(first))")
        }
    }
}
