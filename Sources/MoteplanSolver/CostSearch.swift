internal import CZ3

/// The cheapest placement, by bisection on the cost: from a placement of cost U and a lower bound
/// L (first 0), ask for a placement of cost ≤ ⌊(L+U−1)/2⌋ (that bound behind a guard literal of its
/// own). A placement found lowers U to its cost; none raises L past the bound, and cost ≥ L is then
/// asserted for good. When L = U the placement is proven optimal.
///
/// Why not Z3's Optimize: on one district of the Oslo benchmark (60 instances, 9 soft limits)
/// Optimize took 2.6 s to 15 s to prove the optimum, depending on the engine (maxres, wmax, SAT or
/// SMT core), and on all of Oslo it did not finish in 10 minutes; each bisection step here is a
/// plain check, which the SMT core answers in well under a second on these problems.
///
/// Two solvers take turns on each step: the pseudo-boolean one (fast at finding placements) and,
/// made when first needed, one with the arithmetic copy of "exactly one choice", of the soft limits
/// and of the cost (proving a lower bound often means counting: 36 instances cannot keep to 5
/// weekdays of 7 each, so a limit breaks; only the simplex does that quickly). Each gets at most a
/// cap of units per step; when neither decides, the cap grows fourfold, until the budget is spent.
///
/// A solver whose check ran out of units is not asked again but made anew (`make`): Z3 4.8.12's
/// SMT core, once interrupted, later returned models that break its own assertions (a model with
/// no choice for an instance, although "at least one" was asserted), seen here with arithmetic.
struct CostSearch {
    /// A solver taking part, and what has been asserted into it.
    private struct Engine {
        var solver: Z3Solver
        var arithmetic: Bool
        var lowerAsserted = 0
        var boundsAsserted: Set<Int> = []
    }

    /// The best placement found so far.
    private(set) var best: [Int]
    /// Its cost, U.
    private(set) var upper: Int
    /// No placement costs less: L.
    private(set) var lower = 0
    private let encoding: PlacementEncoding
    private let problem: PlacementProblem

    /// A search from `start`, a placement of the problem.
    init(from start: [Int], encoding: PlacementEncoding, problem: PlacementProblem) {
        best = start
        upper = problem.cost(of: start).objective
        self.encoding = encoding
        self.problem = problem
    }

    /// Searches with `solver`, which holds the hard rules with the arithmetic copy `copy`, and,
    /// unless that copy is `.all`, one with the `.choices` copy; `make` makes a solver holding the
    /// hard rules with a given copy, when first needed or anew. Returns whether `best` is proven optimal.
    mutating func run(
        on solver: Z3Solver, copy: ArithmeticCopy, make: (ArithmeticCopy) throws(PlacementError) -> Z3Solver,
        budget: inout Z3Budget, context: Z3Context
    ) throws(PlacementError) -> Bool {
        let kinds: [ArithmeticCopy] = copy == .all ? [.all] : [copy, .choices]
        var engines: [Engine?] = [Engine(solver: solver, arithmetic: copy != .none)]
        if copy != .all { engines.append(nil) }
        var cap = max(100_000, budget.remaining / 100)
        var guards: [Int: Z3_ast] = [:]
        while lower < upper {
            let target = lower + (upper - lower - 1) / 2
            if guards[target] == nil { guards[target] = try context.boolean("cost!\(target)") }
            guard let guardLiteral = guards[target] else { break }
            var decided = false
            for e in engines.indices where !decided {
                var engine: Engine
                if let existing = engines[e] {
                    engine = existing
                } else {
                    engine = Engine(solver: try make(kinds[e]), arithmetic: kinds[e] != .none)
                }
                try prepare(&engine, target: target, guardLiteral: guardLiteral, context: context)
                let outcome = try engine.solver.check([guardLiteral], limit: cap, budget: &budget)
                engines[e] = engine
                switch outcome {
                case .satisfiable(let model):
                    let found = try encoding.placement(in: model, context: context)
                    let cost = problem.cost(of: found).objective
                    guard cost <= target else {
                        throw .solverFailure("a placement under the cost bound \(target) costs \(cost)")
                    }
                    (best, upper, decided) = (found, cost, true)
                case .unsatisfiable:
                    (lower, decided) = (target + 1, true)
                case .unknown:
                    engines[e] = nil
                }
            }
            if !decided {
                if budget.isExhausted { return false }
                cap = cap.multipliedReportingOverflow(by: 4).overflow ? cap : cap * 4
            }
        }
        return true
    }

    /// Brings `engine` up to date: the cost definitions (once), the lower bound, this step's bound.
    private func prepare(
        _ engine: inout Engine, target: Int, guardLiteral: Z3_ast, context: Z3Context
    ) throws(PlacementError) {
        let (solver, arithmetic) = (engine.solver, engine.arithmetic)
        let (literals, weights) = (encoding.costLiterals, encoding.costWeights)
        if engine.lowerAsserted == 0 && engine.boundsAsserted.isEmpty {
            for definition in encoding.costDefinitions { try solver.assert(definition) }
            if arithmetic {
                for (over, sum) in encoding.costDefinitionsLinear {
                    let linear = try context.linear(sum.terms, sum.coefficients, bound: sum.bound, atLeast: false)
                    try solver.assert(try context.or([over, linear]))
                }
            }
        }
        if lower > engine.lowerAsserted {
            try solver.assert(try context.weightedAtLeast(lower, of: literals, coefficients: weights))
            if arithmetic { try solver.assert(try context.linear(literals, weights, bound: lower, atLeast: true)) }
            engine.lowerAsserted = lower
        }
        if engine.boundsAsserted.insert(target).inserted {
            let bound = try context.weightedAtMost(target, of: literals, coefficients: weights)
            try solver.assert(try context.implies(guardLiteral, bound))
            if arithmetic {
                let linear = try context.linear(literals, weights, bound: target, atLeast: false)
                try solver.assert(try context.implies(guardLiteral, linear))
            }
        }
    }
}
