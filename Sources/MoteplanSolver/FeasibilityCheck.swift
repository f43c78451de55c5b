import CZ3

/// The hard part alone, on Z3's SAT-based solver for finite domains (QF_FD): each hard group is
/// asserted under a guard literal of its own, so a check under all guards either finds a placement or
/// gives an unsat core of guards, which `minimalCore` shrinks until no group can be left out.
struct FeasibilityCheck {
    /// What one check under some guards found.
    enum Outcome {
        case satisfiable(Z3_model)
        /// The indices (into the encoding's groups) of an unsat core, in group order.
        case unsatisfiable([Int])
        /// The budget ran out (or Z3 gave up) with this reason.
        case unknown(String)
    }

    private let context: Z3Context
    private let solver: Z3_solver
    private let guards: [Z3_ast]

    /// A solver holding `encoding`'s hard constraints, single-threaded, with a fixed random seed, and
    /// at most `rlimit` of Z3's deterministic resource units per check.
    init(_ encoding: PlacementEncoding, rlimit: UInt32, seed: UInt32, context: Z3Context) throws(PlacementError) {
        self.context = context
        let raw = context.raw
        let logic = Z3_mk_string_symbol(raw, "QF_FD")
        solver = try context.keep(
            Z3_mk_solver_for_logic(raw, logic), "Z3_mk_solver_for_logic QF_FD",
            incRef: { Z3_solver_inc_ref($0, $1) }, decRef: { Z3_solver_dec_ref($0, $1) })
        // Keys as this solver knows them (it rejects module prefixes such as `sat.`); a wrong key
        // would only surface at the first check.
        let params = try context.parameters([
            ("random_seed", .unsigned(seed)), ("threads", .unsigned(1)), ("rlimit", .unsigned(rlimit)),
            ("core.minimize", .boolean(true)),
        ])
        Z3_solver_set_params(raw, solver, params)
        try context.check("Z3_solver_set_params")
        for constraint in encoding.atMostOne {
            Z3_solver_assert(raw, solver, constraint)
            try context.check("Z3_solver_assert")
        }
        var guards: [Z3_ast] = []
        for (g, group) in encoding.groups.enumerated() {
            let guardLiteral = try context.boolean("group!\(g)")
            guards.append(guardLiteral)
            for constraint in group.constraints {
                Z3_solver_assert(raw, solver, try context.implies(guardLiteral, constraint))
                try context.check("Z3_solver_assert")
            }
        }
        self.guards = guards
    }

    /// Checks with the groups `enabled` (indices into the encoding's groups) switched on.
    func check(_ enabled: [Int]) throws(PlacementError) -> Outcome {
        let raw = context.raw
        let assumptions = enabled.map { Optional.some(guards[$0]) }
        let answer = Z3_solver_check_assumptions(raw, solver, UInt32(assumptions.count), assumptions)
        try context.check("Z3_solver_check_assumptions")
        switch answer {
        case Z3_L_TRUE:
            let model = try context.keep(
                Z3_solver_get_model(raw, solver), "Z3_solver_get_model",
                incRef: { Z3_model_inc_ref($0, $1) }, decRef: { Z3_model_dec_ref($0, $1) })
            return .satisfiable(model)
        case Z3_L_FALSE:
            return .unsatisfiable(try core())
        default:
            let reason = Z3_solver_get_reason_unknown(raw, solver).map { String(cString: $0) } ?? "unknown"
            try context.check("Z3_solver_get_reason_unknown")
            return .unknown(reason)
        }
    }

    /// All groups switched on: a placement, a minimal core, or unknown.
    ///
    /// Z3's core (already shrunk with `core.minimize`) is made minimal by deletion: leave out one
    /// group at a time; if the rest is still unsatisfiable, continue from that (smaller) core, else
    /// the group is needed. When a check runs out of budget the group is kept, so the core is then
    /// still a cause but perhaps not a minimal one.
    func run() throws(PlacementError) -> Outcome {
        let outcome = try check(Array(guards.indices))
        guard case .unsatisfiable(var core) = outcome else { return outcome }
        var needed: Set<Int> = []
        while let candidate = core.first(where: { !needed.contains($0) }) {
            switch try check(core.filter { $0 != candidate }) {
            case .unsatisfiable(let smaller): core = smaller
            case .satisfiable, .unknown: needed.insert(candidate)
            }
        }
        return .unsatisfiable(core)
    }

    /// The last check's unsat core as group indices, in group order.
    private func core() throws(PlacementError) -> [Int] {
        let raw = context.raw
        let vector = try context.keep(
            Z3_solver_get_unsat_core(raw, solver), "Z3_solver_get_unsat_core",
            incRef: { Z3_ast_vector_inc_ref($0, $1) }, decRef: { Z3_ast_vector_dec_ref($0, $1) })
        var ids: Set<UInt32> = []
        for k in 0..<Z3_ast_vector_size(raw, vector) {
            let literal = Z3_ast_vector_get(raw, vector, k)
            try context.check("Z3_ast_vector_get")
            ids.insert(Z3_get_ast_id(raw, literal))
        }
        return guards.indices.filter { ids.contains(Z3_get_ast_id(raw, guards[$0])) }
    }
}
