/// An error from placement, with a message a user can act on.
public struct PlacementError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of failure this is, for code that wants to react to one kind.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case invalidProblem, unreadableProblem, unwritableProblem, solverFailure
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The problem breaks a rule of its format (an unknown resource, an index out of range, …).
        public static let invalidProblem = Code(.invalidProblem)
        /// The problem's JSON could not be read.
        public static let unreadableProblem = Code(.unreadableProblem)
        /// The problem's JSON could not be written.
        public static let unwritableProblem = Code(.unwritableProblem)
        /// Z3 failed where it should not (a bug here or in Z3, or memory ran out).
        public static let solverFailure = Code(.solverFailure)

        /// The code's name, e.g. `invalidProblem`.
        public var description: String { base.rawValue }
    }

    private enum Kind: Equatable, Sendable {
        case invalidProblem(path: String, reason: String)
        case unreadableProblem(source: String, reason: String)
        case unwritableProblem(destination: String, reason: String)
        case solverFailure(String)
    }

    private let kind: Kind

    private init(_ kind: Kind) { self.kind = kind }

    /// The kind of failure.
    public var code: Code {
        switch kind {
        case .invalidProblem: .invalidProblem
        case .unreadableProblem: .unreadableProblem
        case .unwritableProblem: .unwritableProblem
        case .solverFailure: .solverFailure
        }
    }

    /// One line saying what went wrong and what to do about it.
    public var description: String {
        switch kind {
        case .invalidProblem(let path, let reason):
            "invalid placement problem: \(path): \(reason)"
        case .unreadableProblem(let source, let reason):
            "cannot read the placement problem \(source): \(reason)"
        case .unwritableProblem(let destination, let reason):
            "cannot write the placement problem to \(destination): \(reason)"
        case .solverFailure(let what):
            "the placement solver failed: \(what); this is a bug, please report it with the problem's JSON"
        }
    }

    static func invalidProblem(_ path: String, _ reason: String) -> PlacementError {
        PlacementError(.invalidProblem(path: path, reason: reason))
    }
    static func unreadableProblem(_ source: String, _ reason: String) -> PlacementError {
        PlacementError(.unreadableProblem(source: source, reason: reason))
    }
    static func unwritableProblem(_ destination: String, _ reason: String) -> PlacementError {
        PlacementError(.unwritableProblem(destination: destination, reason: reason))
    }
    static func solverFailure(_ what: String) -> PlacementError { PlacementError(.solverFailure(what)) }
}
