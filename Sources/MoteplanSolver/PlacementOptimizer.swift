import CZ3

/// The whole problem on Z3's Optimize: every hard constraint asserted, every soft term weighted into
/// one objective (MaxSAT, solved by Z3's default maxres engine on its SAT core for these Boolean terms).
///
/// Z3 4.8.12's Optimize takes no seed of its own (only `rlimit` among the settings here): its inner
/// solvers keep their default seed 0, as fixed as one set here; setting Z3's global parameters
/// instead would change every context in the process.
struct PlacementOptimizer {
    /// What the optimisation found.
    enum Outcome {
        /// The proven optimum.
        case optimal(Z3_model)
        /// The budget ran out; the best model found by then, if any.
        case interrupted(Z3_model?)
    }

    private let context: Z3Context
    private let optimizer: Z3_optimize

    /// An optimizer holding all of `encoding`, with at most `rlimit` of Z3's resource units.
    init(_ encoding: PlacementEncoding, rlimit: UInt32, context: Z3Context) throws(PlacementError) {
        self.context = context
        let raw = context.raw
        optimizer = try context.keep(
            Z3_mk_optimize(raw), "Z3_mk_optimize",
            incRef: { Z3_optimize_inc_ref($0, $1) }, decRef: { Z3_optimize_dec_ref($0, $1) })
        let params = try context.parameters([("rlimit", .unsigned(rlimit))])
        Z3_optimize_set_params(raw, optimizer, params)
        try context.check("Z3_optimize_set_params")
        for constraint in encoding.atMostOne + encoding.groups.flatMap(\.constraints) {
            Z3_optimize_assert(raw, optimizer, constraint)
            try context.check("Z3_optimize_assert")
        }
        // One id for every soft term: they add up to a single objective.
        let objective = Z3_mk_string_symbol(raw, "cost")
        for soft in encoding.softs {
            _ = Z3_optimize_assert_soft(raw, optimizer, soft.term, String(soft.weight), objective)
            try context.check("Z3_optimize_assert_soft")
        }
    }

    /// Minimises the objective.
    func run() throws(PlacementError) -> Outcome {
        let raw = context.raw
        let answer = Z3_optimize_check(raw, optimizer, 0, nil)
        try context.check("Z3_optimize_check")
        switch answer {
        case Z3_L_TRUE:
            return .optimal(try model())
        case Z3_L_FALSE:
            throw .solverFailure("Z3 Optimize found no placement although the feasibility check found one")
        default:
            // After an interruption Optimize still holds the best model it found, or none.
            let model = Z3_optimize_get_model(raw, optimizer)
            guard Z3_get_error_code(raw) == Z3_OK, let model else { return .interrupted(nil) }
            return .interrupted(
                try context.keep(
                    model, "Z3_optimize_get_model", incRef: { Z3_model_inc_ref($0, $1) },
                    decRef: { Z3_model_dec_ref($0, $1) }))
        }
    }

    private func model() throws(PlacementError) -> Z3_model {
        try context.keep(
            Z3_optimize_get_model(context.raw, optimizer), "Z3_optimize_get_model",
            incRef: { Z3_model_inc_ref($0, $1) }, decRef: { Z3_model_dec_ref($0, $1) })
    }
}
