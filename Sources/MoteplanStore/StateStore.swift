import Foundation
import GRDB
import MoteplanCore

/// The state store: what did happen (leader terms, published revisions). SQLite in WAL mode,
/// one file beside the config. Writers take SQLite's write lock for their whole job
/// (`BEGIN IMMEDIATE`), so two runs at once are serialized, never interleaved.
public final class StateStore: Sendable {
    /// The file.
    public let path: String
    private let pool: DatabasePool

    private init(path: String, pool: DatabasePool) {
        self.path = path
        self.pool = pool
    }

    /// Opens the store for writing, creating it and bringing its schema up to date.
    public static func openForWriting(path: String) throws -> StateStore {
        let directory = (path as NSString).deletingLastPathComponent
        let parent = directory.isEmpty ? "." : directory
        if !FileManager.default.fileExists(atPath: path) && !FileManager.default.isWritableFile(atPath: parent) {
            throw StoreError.cannotWrite(path, "the directory \(parent) is not writable")
        }
        if FileManager.default.fileExists(atPath: path) && !FileManager.default.isWritableFile(atPath: path) {
            throw StoreError.cannotWrite(path, "the file is not writable")
        }
        let pool = try open(path: path, readonly: false)
        let migrator = Schema.migrator
        do {
            try refuseNewerSchema(pool, migrator, path: path)
            try migrate(pool, with: migrator)
        } catch let error as StoreError {
            throw error
        } catch {
            throw classify(error, path: path, writing: true)
        }
        return StateStore(path: path, pool: pool)
    }

    /// Throws `StoreError.newerSchema` when a newer moteplan migrated the file (it has migrations
    /// this one does not know); a store must then be left alone, never read or written.
    private static func refuseNewerSchema(_ pool: DatabasePool, _ migrator: DatabaseMigrator, path: String) throws {
        let (superseded, applied) = try pool.read { db in
            (try migrator.hasBeenSuperseded(db), try migrator.appliedIdentifiers(db))
        }
        if superseded {
            throw StoreError.newerSchema(path, unknown: applied.filter { !migrator.migrations.contains($0) }.sorted())
        }
    }

    /// Brings the schema up to date. Two runs creating a new store at the same moment race on the
    /// migrations (each migration is one transaction, the check before it is not): the loser's
    /// "table already exists" is answered by waiting for the winner to finish.
    private static func migrate(_ pool: DatabasePool, with migrator: DatabaseMigrator) throws {
        var attempt = 0
        while true {
            do {
                try migrator.migrate(pool)
                return
            } catch {
                attempt += 1
                let done = (try? pool.read { try migrator.hasCompletedMigrations($0) }) ?? false
                if done { return }
                if attempt >= 100 { throw error }
                usleep(50_000)
            }
        }
    }

    /// Opens an existing store for reading; nil when there is none (reading never creates it).
    public static func openForReading(path: String) throws -> StateStore? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let pool = try open(path: path, readonly: true)
        do {
            try refuseNewerSchema(pool, Schema.migrator, path: path)
        } catch let error as StoreError {
            throw error
        } catch {
            throw classify(error, path: path, writing: false)
        }
        return StateStore(path: path, pool: pool)
    }

    private static func open(path: String, readonly: Bool) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.busyMode = .timeout(60)
        configuration.label = "moteplan-state"
        // Two runs opening a new file at once: the loser's switch to WAL finds the file locked and
        // SQLite does not wait for it (no busy handler there), so it is retried for a while.
        var attempt = 0
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 200 {
                attempt += 1
                usleep(50_000)
            } catch {
                throw classify(error, path: path, writing: !readonly)
            }
        }
    }

    /// Maps SQLite's errors to what a user can act on.
    static func classify(_ error: Error, path: String, writing: Bool) -> StoreError {
        if let db = error as? DatabaseError {
            switch db.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return .notADatabase(path, db.message ?? "\(db.resultCode)")
            case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_IOERR, .SQLITE_FULL:
                return writing ? .cannotWrite(path, db.message ?? "\(db.resultCode)") : .cannotRead(path, db.message ?? "\(db.resultCode)")
            default:
                return writing ? .cannotWrite(path, "\(db)") : .cannotRead(path, "\(db)")
            }
        }
        return writing ? .cannotWrite(path, "\(error)") : .cannotRead(path, "\(error)")
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: committed if it returns, rolled back if it throws.
    public func write<T>(_ body: (StateTransaction) throws -> T) throws -> T {
        var result: T?
        do {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    result = try body(StateTransaction(db: db))
                    return .commit
                }
            }
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path, writing: true)
        }
        guard let result else { throw StoreError.cannotWrite(path, "the transaction returned nothing") }
        return result
    }

    /// Runs `body` with a consistent read of the store.
    public func read<T>(_ body: (StateTransaction) throws -> T) throws -> T {
        do {
            return try pool.read { db in try body(StateTransaction(db: db)) }
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path, writing: false)
        }
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        try read { try $0.integrityCheck() }
    }
}
