internal import CZ3

/// How much of the encoding's sums also goes into a solver as integer arithmetic.
enum ArithmeticCopy {
    /// None: pseudo-boolean constraints only.
    case none
    /// "Exactly one choice per instance" only: enough to count instances against soft limits and
    /// the cost, and cheap (a row per instance).
    case choices
    /// Every sum, capacity windows included: needed to count instances against a resource.
    case all
}

/// Asserting the hard rules into a solver: all of them, or each group behind a guard literal of
/// its own (for unsat cores), with as much of the arithmetic copy as asked.
enum HardRules {
    /// Asserts every hard constraint unconditionally.
    static func assertAll(
        _ encoding: PlacementEncoding, into solver: Z3Solver, arithmetic: ArithmeticCopy, context: Z3Context
    ) throws(PlacementError) {
        try assertAtMostOne(encoding, into: solver, arithmetic: arithmetic, context: context)
        for group in encoding.groups {
            for constraint in try constraints(of: group, arithmetic: arithmetic, context: context) {
                try solver.assert(constraint)
            }
        }
    }

    /// Asserts each group g as guard(g) ⇒ constraint, and returns the guards, one per group in order.
    static func assertGuarded(
        _ encoding: PlacementEncoding, into solver: Z3Solver, arithmetic: ArithmeticCopy, context: Z3Context
    ) throws(PlacementError) -> [Z3_ast] {
        try assertAtMostOne(encoding, into: solver, arithmetic: arithmetic, context: context)
        var guards: [Z3_ast] = []
        for (g, group) in encoding.groups.enumerated() {
            let guardLiteral = try context.boolean("group!\(g)")
            guards.append(guardLiteral)
            for constraint in try constraints(of: group, arithmetic: arithmetic, context: context) {
                try solver.assert(try context.implies(guardLiteral, constraint))
            }
        }
        return guards
    }

    private static func assertAtMostOne(
        _ encoding: PlacementEncoding, into solver: Z3Solver, arithmetic: ArithmeticCopy, context: Z3Context
    ) throws(PlacementError) {
        for constraint in encoding.atMostOne { try solver.assert(constraint) }
        guard arithmetic != .none else { return }
        for sum in encoding.atMostOneLinear { try solver.assert(try linear(sum, context)) }
    }

    private static func constraints(
        of group: PlacementEncoding.Group, arithmetic: ArithmeticCopy, context: Z3Context
    ) throws(PlacementError) -> [Z3_ast] {
        let copied = group.kind == .choose ? arithmetic != .none : arithmetic == .all
        guard copied else { return group.constraints }
        var all = group.constraints
        for sum in group.linear { all.append(try linear(sum, context)) }
        return all
    }

    private static func linear(_ sum: PlacementEncoding.Linear, _ context: Z3Context) throws(PlacementError) -> Z3_ast {
        try context.linear(sum.terms, sum.coefficients, bound: sum.bound, atLeast: sum.atLeast)
    }
}
