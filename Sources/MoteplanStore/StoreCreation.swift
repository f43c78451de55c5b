import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#endif

/// How a store comes into being, and how a file that is not one is told apart: a new store is
/// made complete under a temporary name and linked into place, so the file at the state path is
/// never empty or without its schema. Anything else found there (0 bytes, another program's
/// database) is refused, never silently started over.
enum StoreCreation {
    /// The first migration: every moteplan store has it, no other database does.
    static let marker = "v1-rotation-and-revisions"

    /// Creates the store at `path` with its full schema, unless a file appeared there meanwhile
    /// (another run created it first: that one is used).
    static func create(path: String, migrator: DatabaseMigrator) throws {
        let temporary = "\(path).new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { unlink(temporary) }
        do {
            let queue = try DatabaseQueue(path: temporary)
            try migrator.migrate(queue)
            try queue.close()
        } catch {
            throw StateStore.classify(error, path: path, writing: true)
        }
        // link(2) never replaces an existing file: of two runs creating the store, one wins.
        if link(temporary, path) != 0 && errno != EEXIST {
            throw StoreError.cannotWrite(path, String(cString: strerror(errno)))
        }
    }

    /// Refuses a file of 0 bytes: a truncated store, whose history must be restored, not replaced.
    static func refuseEmpty(path: String) throws {
        var info = stat()
        if stat(path, &info) == 0, info.st_size == 0 { throw StoreError.empty(path) }
    }

    /// Refuses what must not be used, through a read-only connection that changes nothing (opening
    /// the store itself would switch a foreign file to WAL mode): an empty file, a database without
    /// moteplan's schema marker (another program's, or one that lost its tables), and, when
    /// `quickCheck`, a file that `PRAGMA quick_check` finds damaged.
    static func inspect(path: String, quickCheck: Bool, immutable: Bool = false) throws {
        let queue = try inspected(path: path, quickCheck: quickCheck, immutable: immutable)
        do { try queue.close() } catch { throw StateStore.classify(error, path: path, writing: false) }
    }

    /// `inspect`, returning its read-only connection open (a reader needs no second one).
    static func inspected(path: String, quickCheck: Bool, immutable: Bool = false) throws -> DatabaseQueue {
        try refuseEmpty(path: path)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(60)
        let verdict: (marked: Bool, check: [String])
        let queue: DatabaseQueue
        do {
            queue = immutable
                ? try StateStore.openImmutable(path: path) : try DatabaseQueue(path: path, configuration: configuration)
            verdict = try queue.read { db -> (Bool, [String]) in
                guard try db.tableExists("grdb_migrations") else { return (false, []) }
                let marked = try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = ?)", arguments: [marker]) ?? false
                return (marked, quickCheck ? try String.fetchAll(db, sql: "PRAGMA quick_check") : ["ok"])
            }
        } catch {
            throw StateStore.classify(error, path: path, writing: false)
        }
        if !verdict.marked { throw StoreError.foreign(path) }
        if verdict.check != ["ok"] { throw StoreError.damaged(path, verdict.check.prefix(3).joined(separator: "; ")) }
        return queue
    }
}
