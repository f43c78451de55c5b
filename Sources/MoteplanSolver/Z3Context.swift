import CZ3

/// One Z3 context for one solve, and everything made in it: created in reference-counting mode
/// with an error handler of ours, freed (objects first, then the context) when released.
///
/// Z3's default error handler prints the message and calls `exit(1)`. Ours does nothing, so a failed
/// call returns (a null handle or a default value) and leaves its error code in the context, and
/// `check(_:)` after each call turns that code into a thrown `PlacementError`. In reference-counting
/// mode an object with no reference may be freed at the next call, so every AST we keep (sorts too:
/// a freed Bool sort reappears as "Sort mismatch" and, under the default handler, ends the process)
/// and every solver, optimizer, parameter set and model gets an `inc_ref`, and its `dec_ref` here.
/// A context is not thread-safe; this one never leaves the solve that made it.
final class Z3Context {
    /// The C handle, valid while this object lives.
    let raw: Z3_context
    private var keptASTs: [Z3_ast] = []
    private var boolSort: Z3_sort?
    private var releases: [() -> Void] = []

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
        for release in releases.reversed() { release() }
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

    /// Checks the call that made a solver, optimizer, parameter set or model, then keeps it until the
    /// context ends, with its own pair of reference functions.
    func keep(
        _ object: OpaquePointer?, _ operation: String,
        incRef: (Z3_context, OpaquePointer) -> Void,
        decRef: @escaping (Z3_context, OpaquePointer) -> Void
    ) throws(PlacementError) -> OpaquePointer {
        try check(operation)
        guard let object else { throw .solverFailure("\(operation) returned nothing") }
        incRef(raw, object)
        let raw = raw
        releases.append { decRef(raw, object) }
        return object
    }

    /// The Bool sort, made once.
    func booleanSort() throws(PlacementError) -> Z3_sort {
        if let boolSort { return boolSort }
        let sort = try keep(Z3_mk_bool_sort(raw), "Z3_mk_bool_sort")
        boolSort = sort
        return sort
    }

    /// A parameter set for a solver or optimizer.
    func parameters(_ settings: [(String, Z3Setting)]) throws(PlacementError) -> Z3_params {
        let params = try keep(
            Z3_mk_params(raw), "Z3_mk_params", incRef: { Z3_params_inc_ref($0, $1) },
            decRef: { Z3_params_dec_ref($0, $1) })
        for (name, setting) in settings {
            let key = Z3_mk_string_symbol(raw, name)
            switch setting {
            case .unsigned(let value): Z3_params_set_uint(raw, params, key, value)
            case .boolean(let value): Z3_params_set_bool(raw, params, key, value)
            }
            try check("setting the Z3 parameter \(name)")
        }
        return params
    }
}

/// A value of one Z3 parameter.
enum Z3Setting {
    case unsigned(UInt32)
    case boolean(Bool)
}
