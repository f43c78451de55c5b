internal import CZ3

/// The Boolean, pseudo-boolean and (for the LP copy) integer terms the placement encoding is made of,
/// each kept by the context.
extension Z3Context {
    /// A new Boolean constant (the name is for debugging output only; constants are told apart by it).
    func boolean(_ name: String) throws(PlacementError) -> Z3_ast {
        let sort = try booleanSort()
        let symbol = Z3_mk_string_symbol(raw, name)
        return try keep(Z3_mk_const(raw, symbol, sort), "Z3_mk_const \(name)")
    }

    /// The constant false.
    func falsity() throws(PlacementError) -> Z3_ast { try keep(Z3_mk_false(raw), "Z3_mk_false") }

    /// ¬a.
    func not(_ a: Z3_ast) throws(PlacementError) -> Z3_ast { try keep(Z3_mk_not(raw, a), "Z3_mk_not") }

    /// a ⇒ b.
    func implies(_ a: Z3_ast, _ b: Z3_ast) throws(PlacementError) -> Z3_ast {
        try keep(Z3_mk_implies(raw, a, b), "Z3_mk_implies")
    }

    /// At least one of `terms` (false for none).
    func or(_ terms: [Z3_ast]) throws(PlacementError) -> Z3_ast {
        guard !terms.isEmpty else { return try falsity() }
        let args = terms.map(Optional.some)
        return try keep(Z3_mk_or(raw, UInt32(args.count), args), "Z3_mk_or")
    }

    /// All of `terms` (true for none).
    func and(_ terms: [Z3_ast]) throws(PlacementError) -> Z3_ast {
        guard !terms.isEmpty else { return try keep(Z3_mk_true(raw), "Z3_mk_true") }
        let args = terms.map(Optional.some)
        return try keep(Z3_mk_and(raw, UInt32(args.count), args), "Z3_mk_and")
    }

    /// At most `bound` of `terms` are true (a cardinality constraint).
    func atMost(_ bound: Int, of terms: [Z3_ast]) throws(PlacementError) -> Z3_ast {
        guard bound >= 0 else { return try falsity() }
        let args = terms.map(Optional.some)
        return try keep(Z3_mk_atmost(raw, UInt32(args.count), args, UInt32(clamping: bound)), "Z3_mk_atmost")
    }

    /// Σ coefficients[k]·terms[k] ≤ bound over Booleans (a pseudo-boolean constraint); a plain
    /// cardinality constraint when every coefficient is 1.
    func weightedAtMost(_ bound: Int, of terms: [Z3_ast], coefficients: [Int]) throws(PlacementError) -> Z3_ast {
        if coefficients.allSatisfy({ $0 == 1 }) { return try atMost(bound, of: terms) }
        let args = terms.map(Optional.some)
        let weights = coefficients.map { Int32(clamping: $0) }
        return try keep(Z3_mk_pble(raw, UInt32(args.count), args, weights, Int32(clamping: bound)), "Z3_mk_pble")
    }

    /// Σ coefficients[k]·terms[k] ≥ bound over Booleans.
    func weightedAtLeast(_ bound: Int, of terms: [Z3_ast], coefficients: [Int]) throws(PlacementError) -> Z3_ast {
        let args = terms.map(Optional.some)
        let weights = coefficients.map { Int32(clamping: $0) }
        return try keep(Z3_mk_pbge(raw, UInt32(args.count), args, weights, Int32(clamping: bound)), "Z3_mk_pbge")
    }

    /// Σ coefficients[k]·(terms[k] ? 1 : 0) ≤ bound (or ≥ when `atLeast`), as integer arithmetic:
    /// the same constraint as the pseudo-boolean one, but one the simplex (the LP relaxation) sees.
    func linear(_ terms: [Z3_ast], _ coefficients: [Int], bound: Int, atLeast: Bool) throws(PlacementError) -> Z3_ast {
        let sort = try integerSort()
        let zero = try keep(Z3_mk_int64(raw, 0, sort), "Z3_mk_int64")
        var summands: [Z3_ast?] = []
        for (term, coefficient) in zip(terms, coefficients) {
            let value = try keep(Z3_mk_int64(raw, Int64(coefficient), sort), "Z3_mk_int64")
            summands.append(try keep(Z3_mk_ite(raw, term, value, zero), "Z3_mk_ite"))
        }
        let sum = summands.isEmpty ? zero : try keep(Z3_mk_add(raw, UInt32(summands.count), summands), "Z3_mk_add")
        let limit = try keep(Z3_mk_int64(raw, Int64(bound), sort), "Z3_mk_int64")
        return try keep(atLeast ? Z3_mk_ge(raw, sum, limit) : Z3_mk_le(raw, sum, limit), "Z3_mk_le")
    }

    /// Whether `term` is true in `model` (completed: a term the model leaves open counts as false).
    func isTrue(_ term: Z3_ast, in model: Z3Model) throws(PlacementError) -> Bool {
        var value: Z3_ast?
        let evaluated = Z3_model_eval(raw, model.raw, term, true, &value)
        try check("Z3_model_eval")
        guard evaluated, let value else { throw .solverFailure("Z3_model_eval could not evaluate a choice") }
        Z3_inc_ref(raw, value)
        defer { Z3_dec_ref(raw, value) }
        return Z3_get_bool_value(raw, value) == Z3_L_TRUE
    }
}
