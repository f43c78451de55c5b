/// Why the state store could not be used. Every message names the file and what to do.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    private enum Kind: Sendable {
        case notADatabase(path: String, detail: String)
        case newerSchema(path: String, unknown: [String])
        case cannotWrite(path: String, detail: String)
        case cannotRead(path: String, detail: String)
    }

    private let kind: Kind

    /// The file is not a moteplan state database, or it is damaged.
    static func notADatabase(_ path: String, _ detail: String) -> StoreError {
        StoreError(kind: .notADatabase(path: path, detail: detail))
    }

    /// The file was written by a newer moteplan.
    static func newerSchema(_ path: String, unknown: [String]) -> StoreError {
        StoreError(kind: .newerSchema(path: path, unknown: unknown))
    }

    /// The file or its directory cannot be written.
    static func cannotWrite(_ path: String, _ detail: String) -> StoreError {
        StoreError(kind: .cannotWrite(path: path, detail: detail))
    }

    /// The file cannot be read.
    static func cannotRead(_ path: String, _ detail: String) -> StoreError {
        StoreError(kind: .cannotRead(path: path, detail: detail))
    }

    /// One line a user can act on.
    public var description: String {
        switch kind {
        case .notADatabase(let path, let detail):
            return "state file \(path) is not a moteplan state database or is damaged (\(detail)); nothing was changed. Restore it from a backup, or move it away to start a new history."
        case .newerSchema(let path, let unknown):
            return "state file \(path) was written by a newer moteplan (unknown schema steps: \(unknown.sorted().joined(separator: ", "))); nothing was changed. Upgrade moteplan."
        case .cannotWrite(let path, let detail):
            return "cannot write state file \(path) (\(detail)); nothing was changed."
        case .cannotRead(let path, let detail):
            return "cannot read state file \(path) (\(detail))."
        }
    }
}
