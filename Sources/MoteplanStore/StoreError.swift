/// Why the state store could not be used. Every message names the file and what to do.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    private enum Kind: Sendable {
        case notADatabase(path: String, detail: String)
        case newerSchema(path: String, unknown: [String])
        case cannotWrite(path: String, detail: String)
        case cannotRead(path: String, detail: String)
        case empty(path: String)
        case foreign(path: String)
        case damaged(path: String, detail: String)
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

    /// The file has 0 bytes: a truncated store.
    static func empty(_ path: String) -> StoreError { StoreError(kind: .empty(path: path)) }

    /// The file is an SQLite database without moteplan's schema.
    static func foreign(_ path: String) -> StoreError { StoreError(kind: .foreign(path: path)) }

    /// `PRAGMA quick_check` found damage.
    static func damaged(_ path: String, _ detail: String) -> StoreError {
        StoreError(kind: .damaged(path: path, detail: detail))
    }

    /// What to do with a file that must not be used: restore the backup, never start over silently.
    static func restoreAdvice(_ path: String) -> String {
        "Restore it from your latest backup (made with 'moteplan backup'), e.g. cp BACKUP \(path); only if there is none, move it away to start a new history."
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
        case .empty(let path):
            return "state file \(path) is empty (0 bytes): its history (leader terms, changes, referat, revisions, reminders sent) is gone; nothing was changed. " + Self.restoreAdvice(path)
        case .foreign(let path):
            return "\(path) is not a moteplan state file (an SQLite database without moteplan's schema); nothing was changed. Check --state or $MOTEPLAN_STATE. " + Self.restoreAdvice(path)
        case .damaged(let path, let detail):
            return "state file \(path) is damaged (quick_check: \(detail)); nothing was changed. " + Self.restoreAdvice(path)
        }
    }
}
