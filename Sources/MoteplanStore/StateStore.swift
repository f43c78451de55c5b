import Foundation
import GRDB
import MoteplanCore

/// The state store: what did happen (leader terms, published revisions). SQLite in WAL mode,
/// one file beside the config. Writers take SQLite's write lock for their whole job
/// (`BEGIN IMMEDIATE`), so two runs at once are serialized, never interleaved.
public final class StateStore: Sendable {
    /// The file.
    public let path: String
    private let pool: any DatabaseWriter

    private init(path: String, pool: any DatabaseWriter) {
        self.path = path
        self.pool = pool
    }

    /// Opens the store for writing: creates it only where no file exists, refuses a file that is
    /// empty, damaged (`PRAGMA quick_check`) or not moteplan's, and brings the schema up to date.
    public static func openForWriting(path: String) throws -> StateStore {
        let directory = (path as NSString).deletingLastPathComponent
        let parent = directory.isEmpty ? "." : directory
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.isWritableFile(atPath: parent) else {
                throw StoreError.cannotWrite(path, "the directory \(parent) is not writable")
            }
            try StoreCreation.create(path: path, migrator: Schema.migrator)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw StoreError.cannotWrite(path, "it is a directory")
        }
        if !FileManager.default.isWritableFile(atPath: path) {
            throw StoreError.cannotWrite(path, "the file is not writable")
        }
        try StoreCreation.inspect(path: path, quickCheck: true)
        let pool = try openWritable(path: path)
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
    private static func refuseNewerSchema(_ pool: any DatabaseReader, _ migrator: DatabaseMigrator, path: String) throws {
        let (superseded, applied) = try pool.read { db in
            (try migrator.hasBeenSuperseded(db), try migrator.appliedIdentifiers(db))
        }
        if superseded {
            throw StoreError.newerSchema(path, unknown: applied.filter { !migrator.migrations.contains($0) }.sorted())
        }
    }

    /// Brings the schema up to date (a store made by an older moteplan). Two runs at the same
    /// moment race on the migrations (each migration is one transaction, the check before it is
    /// not): the loser's "table already exists" is answered by waiting for the winner to finish.
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
    /// An empty or foreign file is refused; a file this user cannot write is read all the same.
    public static func openForReading(path: String) throws -> StateStore? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let immutable = !canWriteBeside(path)
        // The read-only connection that inspected the file is the one that reads it (one open
        // instead of two: every command that reads the store starts with this).
        let pool = try StoreCreation.inspected(path: path, quickCheck: false, immutable: immutable)
        do {
            try refuseNewerSchema(pool, Schema.migrator, path: path)
        } catch let error as StoreError {
            throw error
        } catch {
            throw classify(error, path: path, writing: false)
        }
        return StateStore(path: path, pool: pool)
    }

    /// Whether this user may write the file and its directory (where SQLite keeps the WAL index).
    static func canWriteBeside(_ path: String) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        return access(path, W_OK) == 0 && access(directory.isEmpty ? "." : directory, W_OK) == 0
    }

    /// Opens a store for reading that this user may not write (a read-only file or directory):
    /// SQLite cannot make the WAL index there, so the file is read as immutable (`immutable=1`),
    /// which writes nothing at all.
    static func openImmutable(path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "moteplan-state"
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let uri = "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute) + "?immutable=1"
        do {
            return try DatabaseQueue(path: uri, configuration: configuration)
        } catch {
            throw classify(error, path: path, writing: false)
        }
    }

    /// The writers' connection pool (readers use the connection that inspected the file).
    private static func openWritable(path: String) throws -> DatabasePool {
        var configuration = Configuration()
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
                throw classify(error, path: path, writing: true)
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
                    // Every write raises the generation, so a run fingerprint saved by an earlier
                    // transaction no longer matches once anything else has been written.
                    try db.execute(sql: "UPDATE store_generation SET n = n + 1 WHERE id = 1")
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

    /// Whether other threads can read while a write transaction is open (a pool of connections in
    /// WAL mode). A store opened for reading has one connection: a read from another thread
    /// during a write would wait for the write, which waits for it.
    var readsBesideWrites: Bool { pool is DatabasePool }

    /// Runs `body` with a consistent read of the store.
    public func read<T>(_ body: (StateTransaction) throws -> T) throws -> T {
        do {
            return try pool.read { db in try body(StateTransaction(db: db)) }
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path, writing: false)
        }
    }

    /// Copies the store to `destination` (a new file) with SQLite's online backup, consistent
    /// even while another run writes, and checks the copy with `PRAGMA quick_check`.
    /// Copies the store to `destination` with SQLite's online backup, and the personal links' key
    /// beside it (`<destination>.links-key`, 0600) when there is one: restored without it, every
    /// link people have in their mail would stop working. Nothing existing is overwritten.
    /// Returns whether the key was copied.
    @discardableResult
    public func backup(to destination: String) throws -> Bool {
        for file in [destination, LinkKey.path(statePath: destination)] where FileManager.default.fileExists(atPath: file) {
            throw StoreError.cannotWrite(file, "the file exists; give a new name, an old backup is never overwritten")
        }
        do {
            let target = try DatabaseQueue(path: destination)
            try pool.backup(to: target)
            let check = try target.read { try String.fetchAll($0, sql: "PRAGMA quick_check") }
            try target.close()
            if check != ["ok"] { throw StoreError.damaged(destination, check.prefix(3).joined(separator: "; ")) }
            return try LinkKey.copy(statePath: path, toState: destination)
        } catch let error as StoreError {
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: destination)
            throw Self.classify(error, path: destination, writing: true)
        }
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        try read { try $0.integrityCheck() }
    }
}
