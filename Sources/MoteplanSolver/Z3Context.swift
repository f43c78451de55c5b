internal import CZ3

/// One Z3 context for one solve, and the terms made in it: created in reference-counting mode
/// with an error handler of ours, freed (terms first, then the context) when released.
///
/// Z3's default error handler prints the message and calls `exit(1)`. Ours does nothing, so a failed
/// call returns (a null handle or a default value) and leaves its error code in the context, and
/// `check(_:)` after each call turns that code into a thrown `PlacementError`. In reference-counting
/// mode an object with no reference may be freed at the next call, so every AST we keep (sorts too:
/// a freed Bool sort reappears as "Sort mismatch" and, under the default handler, ends the process)
/// gets an `inc_ref`, and its `dec_ref` here; solvers and models hold their own reference (and the
/// context, so it outlives them), parameter sets and statistics live only as long as their call.
/// A context is not thread-safe; this one never leaves the solve that made it.
final class Z3Context {
    /// The C handle, valid while this object lives.
    let raw: Z3_context
    private var keptASTs: [Z3_ast] = []
    private var boolSort: Z3_sort?
    private var intSort: Z3_sort?

    init() throws(PlacementError) {
        guard let config = Z3_mk_config() else { throw .solverFailure("Z3_mk_config returned no configuration") }
        defer { Z3_del_config(config) }
        guard let raw = Z3_mk_context_rc(config) else {
            throw .solverFailure("Z3_mk_context_rc returned no context")
        }
        Z3_set_error_handler(raw) { _, _ in }
        self.raw = raw
    }

    deinit {
        for ast in keptASTs.reversed() { Z3_dec_ref(raw, ast) }
        Z3_del_context(raw)
    }

    /// Throws when the last Z3 call failed, naming the call and Z3's message.
    func check(_ operation: String) throws(PlacementError) {
        let code = Z3_get_error_code(raw)
        guard code != Z3_OK else { return }
        let message = Z3_get_error_msg(raw, code).map { String(cString: $0) } ?? "error code \(code.rawValue)"
        throw .solverFailure("\(operation): \(message)")
    }

    /// Checks the call that made `ast`, then keeps it (a reference until the context ends).
    func keep(_ ast: Z3_ast?, _ operation: String) throws(PlacementError) -> Z3_ast {
        try check(operation)
        guard let ast else { throw .solverFailure("\(operation) returned no term") }
        Z3_inc_ref(raw, ast)
        keptASTs.append(ast)
        return ast
    }

    /// The Bool sort, made once.
    func booleanSort() throws(PlacementError) -> Z3_sort {
        if let boolSort { return boolSort }
        let sort = try keep(Z3_mk_bool_sort(raw), "Z3_mk_bool_sort")
        boolSort = sort
        return sort
    }

    /// The Int sort, made once.
    func integerSort() throws(PlacementError) -> Z3_sort {
        if let intSort { return intSort }
        let sort = try keep(Z3_mk_int_sort(raw), "Z3_mk_int_sort")
        intSort = sort
        return sort
    }

    /// Runs `body` with a parameter set holding `settings`, released afterwards.
    func withParameters(
        _ settings: [(String, UInt32)], _ body: (Z3_params) throws(PlacementError) -> Void
    ) throws(PlacementError) {
        let params = Z3_mk_params(raw)
        try check("Z3_mk_params")
        guard let params else { throw .solverFailure("Z3_mk_params returned nothing") }
        Z3_params_inc_ref(raw, params)
        defer { Z3_params_dec_ref(raw, params) }
        for (name, value) in settings {
            Z3_params_set_uint(raw, params, Z3_mk_string_symbol(raw, name), value)
            try check("setting the Z3 parameter \(name)")
        }
        try body(params)
    }
}

