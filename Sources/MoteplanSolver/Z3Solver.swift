internal import CZ3

/// One Z3 solver: the SMT core (`Z3_mk_simple_solver`) with its theory of pseudo-boolean
/// constraints and, when asked, arithmetic. Chosen over the SAT solver for finite domains (QF_FD),
/// which Z3 4.8.12 also offers: on an Oslo-size problem the SMT core finds a placement in under a
/// second where the QF_FD solver made through the API took over a minute.
///
/// Checks run single-threaded with a fixed seed and at most the units of a `Z3Budget`. With
/// arithmetic, Z3 counts far fewer units for the same work (on this machine about 130 000 a second
/// against 3 to 4 million without, on the same kind of problem), so such a solver charges each
/// unit `arithmeticWeight` times: a budget then stands for about the same time whichever solver
/// spends it. The solver is released with this object, so a solve can drop one it no longer needs.
final class Z3Solver {
    /// What one check found.
    enum Outcome {
        case satisfiable(Z3Model)
        /// The assumptions in the unsat core.
        case unsatisfiable([Z3_ast])
        /// The budget ran out (or Z3 gave up), with Z3's reason.
        case unknown(String)
    }

    /// What a unit spent by a solver with arithmetic costs the budget.
    static let arithmeticWeight: UInt64 = 20

    private let context: Z3Context
    private let solver: Z3_solver
    private let seed: UInt32
    private let weight: UInt64

    /// A solver; `arithmetic` when integer arithmetic will be asserted into it.
    init(context: Z3Context, seed: UInt32, arithmetic: Bool) throws(PlacementError) {
        guard let solver = Z3_mk_simple_solver(context.raw) else {
            try context.check("Z3_mk_simple_solver")
            throw .solverFailure("Z3_mk_simple_solver returned no solver")
        }
        Z3_solver_inc_ref(context.raw, solver)
        self.context = context
        self.solver = solver
        self.seed = seed
        self.weight = arithmetic ? Self.arithmeticWeight : 1
    }

    deinit { Z3_solver_dec_ref(context.raw, solver) }

    /// Asserts `term` for every later check.
    func assert(_ term: Z3_ast) throws(PlacementError) {
        Z3_solver_assert(context.raw, solver, term)
        try context.check("Z3_solver_assert")
    }

    /// Checks under `assumptions`, spending at most `limit` units of the budget, and records what it
    /// spent in `budget`.
    func check(_ assumptions: [Z3_ast], limit: UInt64, budget: inout Z3Budget) throws(PlacementError) -> Outcome {
        guard !budget.isExhausted else { return .unknown("the budget is spent") }
        let raw = context.raw
        // Keys as the SMT core knows them; a key it does not know would only surface at the check.
        let units = UInt32(clamping: max(1, min(limit, budget.remaining) / weight))
        try context.withParameters([
            ("random_seed", seed), ("threads", 1), ("rlimit", units),
        ]) { params throws(PlacementError) in
            Z3_solver_set_params(raw, solver, params)
            try context.check("Z3_solver_set_params")
        }
        let before = try spentUnits()
        let args = assumptions.map(Optional.some)
        let answer = Z3_solver_check_assumptions(raw, solver, UInt32(args.count), args)
        try context.check("Z3_solver_check_assumptions")
        let after = try spentUnits()
        budget.spend((after - min(before, after)) * weight)
        switch answer {
        case Z3_L_TRUE:
            return .satisfiable(try Z3Model(Z3_solver_get_model(raw, solver), context: context))
        case Z3_L_FALSE:
            return .unsatisfiable(try core())
        default:
            let reason = Z3_solver_get_reason_unknown(raw, solver).map { String(cString: $0) } ?? "unknown"
            try context.check("Z3_solver_get_reason_unknown")
            return .unknown(reason)
        }
    }

    /// The last check's unsat core.
    private func core() throws(PlacementError) -> [Z3_ast] {
        let raw = context.raw
        let vector = Z3_solver_get_unsat_core(raw, solver)
        try context.check("Z3_solver_get_unsat_core")
        guard let vector else { return [] }
        Z3_ast_vector_inc_ref(raw, vector)
        defer { Z3_ast_vector_dec_ref(raw, vector) }
        var literals: [Z3_ast] = []
        for k in 0..<Z3_ast_vector_size(raw, vector) {
            literals.append(try context.keep(Z3_ast_vector_get(raw, vector, k), "Z3_ast_vector_get"))
        }
        return literals
    }

    /// Z3's count of resource units so far ("rlimit count" in the solver's statistics).
    private func spentUnits() throws(PlacementError) -> UInt64 {
        let raw = context.raw
        let statistics = Z3_solver_get_statistics(raw, solver)
        try context.check("Z3_solver_get_statistics")
        guard let statistics else { return 0 }
        Z3_stats_inc_ref(raw, statistics)
        defer { Z3_stats_dec_ref(raw, statistics) }
        for k in 0..<Z3_stats_size(raw, statistics) {
            guard let key = Z3_stats_get_key(raw, statistics, k), String(cString: key) == "rlimit count" else { continue }
            // A statistic that is not a 32-bit unsigned comes as a double. Reading such a count as
            // 0 would stop charging the budget, and a search that cannot decide would never end.
            if Z3_stats_is_uint(raw, statistics, k) { return UInt64(Z3_stats_get_uint_value(raw, statistics, k)) }
            return UInt64(max(0, min(Z3_stats_get_double_value(raw, statistics, k), Double(UInt64.max / 2))))
        }
        return 0
    }
}

/// A model from a satisfiable check, released with this object.
final class Z3Model {
    private let context: Z3Context
    /// The C handle, valid while this object lives.
    let raw: Z3_model

    init(_ model: Z3_model?, context: Z3Context) throws(PlacementError) {
        try context.check("Z3_solver_get_model")
        guard let model else { throw .solverFailure("Z3_solver_get_model returned no model") }
        Z3_model_inc_ref(context.raw, model)
        self.context = context
        self.raw = model
    }

    deinit { Z3_model_dec_ref(context.raw, raw) }
}
