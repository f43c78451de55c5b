internal import CZ3

/// Why there is no placement: a set of hard groups that cannot all hold, made minimal.
///
/// Every group is asserted behind a guard literal and checked under all guards; Z3's unsat core is
/// then shrunk by deletion: leave out one group at a time; if the rest is still unsatisfiable,
/// continue from that (smaller) core, else the group is needed. When a check runs out of budget the
/// group is kept, so the core is then still a cause but perhaps not a minimal one.
enum MinimalCore {
    /// The indices (into the encoding's groups) of a minimal core, in group order; nil when the
    /// budget ran out before the first core.
    static func find(
        _ encoding: PlacementEncoding, arithmetic: ArithmeticCopy, seed: UInt32, budget: inout Z3Budget, context: Z3Context
    ) throws(PlacementError) -> [Int]? {
        // A guarded solver; made anew after a check that ran out of units (see `CostSearch` for
        // the Z3 4.8.12 bug: an interrupted solver is not to be trusted afterwards).
        func guardedSolver() throws(PlacementError) -> (Z3Solver, [Z3_ast]) {
            let solver = try Z3Solver(context: context, seed: seed, arithmetic: arithmetic != .none)
            let guards = try HardRules.assertGuarded(encoding, into: solver, arithmetic: arithmetic, context: context)
            return (solver, guards)
        }
        var (solver, guards) = try guardedSolver()
        func groups(_ literals: [Z3_ast]) -> [Int] {
            var index: [UInt32: Int] = [:]
            for (g, guardLiteral) in guards.enumerated() { index[Z3_get_ast_id(context.raw, guardLiteral)] = g }
            return literals.compactMap { index[Z3_get_ast_id(context.raw, $0)] }.sorted()
        }

        guard case .unsatisfiable(let first) = try solver.check(guards, limit: budget.remaining, budget: &budget) else {
            return nil
        }
        var core = groups(first)
        var needed: Set<Int> = []
        while let candidate = core.first(where: { !needed.contains($0) }), !budget.isExhausted {
            let rest = core.filter { $0 != candidate }
            switch try solver.check(rest.map { guards[$0] }, limit: budget.remaining, budget: &budget) {
            case .unsatisfiable(let smaller): core = groups(smaller)
            case .satisfiable: needed.insert(candidate)
            case .unknown:
                needed.insert(candidate)
                if !budget.isExhausted { (solver, guards) = try guardedSolver() }
            }
        }
        return core
    }
}
