import Foundation
import MoteplanCore
import MoteplanStore
import Testing

/// A state file is never silently started over: empty, foreign and damaged files are refused
/// with the file named and the backup to restore, and nothing is written to them.
struct StoreHardeningTests {
    func python(_ script: String, _ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// A store with a leader term in it, as `ics` would leave it.
    func filledStore(_ path: String) throws {
        let store = try StateStore.openForWriting(path: path)
        try store.write { transaction in
            try transaction.append(MeetingChange(
                uid: "x-20260916@example.no", kind: .cancel, reason: "test", actor: "t",
                at: LocalDateTime(text: "2026-09-01T08:00") ?? LocalDateTime(date: LocalDate(daysSinceEpoch: 0), time: .midnight)))
        }
    }

    @Test func aTruncatedFileIsRefusedForWritingAndReading() throws {
        let path = try StoreFixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path
        try filledStore(path)
        // Truncated to 0 bytes (a full disk, a bad copy): today's main created fresh tables here.
        try Data().write(to: URL(fileURLWithPath: path))
        for open in [{ _ = try StateStore.openForWriting(path: path) }, { _ = try StateStore.openForReading(path: path) }] {
            #expect {
                try open()
            } throws: { error in
                "\(error)".contains("state file \(path) is empty (0 bytes)") && "\(error)".contains("moteplan backup")
            }
        }
        #expect(try bytes(path).isEmpty)
    }

    @Test func anotherProgramsDatabaseGetsNoTablesAdded() throws {
        let path = try StoreFixtures.temporaryDirectory().appendingPathComponent("other.sqlite").path
        try python("import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE invoices (id INTEGER)'); c.commit()", path)
        let before = try bytes(path)
        for open in [{ _ = try StateStore.openForWriting(path: path) }, { _ = try StateStore.openForReading(path: path) }] {
            #expect {
                try open()
            } throws: { error in
                "\(error)".contains("\(path) is not a moteplan state file")
            }
        }
        #expect(try bytes(path) == before)
    }

    @Test func aDamagedFileIsRefusedBeforeAnyWrite() throws {
        let path = try StoreFixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path
        try filledStore(path)
        // Checkpointed and closed, then a b-tree page in the middle overwritten: the header stays
        // valid, so only a check of the pages finds it.
        try python("""
            import sqlite3,sys
            c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA wal_checkpoint(TRUNCATE)'); c.execute('PRAGMA journal_mode=DELETE'); c.close()
            size=4096
            data=bytearray(open(sys.argv[1],'rb').read())
            assert len(data) >= 4*size, len(data)
            data[2*size+8:3*size]=b'\\xa5'*(size-8)
            open(sys.argv[1],'wb').write(data)
            """, path)
        let before = try bytes(path)
        #expect {
            _ = try StateStore.openForWriting(path: path)
        } throws: { error in
            "\(error)".contains("is damaged") || "\(error)".contains("is not a moteplan state database or is damaged")
        }
        #expect(try bytes(path) == before)
    }

    @Test func aNewStoreAppearsComplete() throws {
        let path = try StoreFixtures.temporaryDirectory().appendingPathComponent("new.sqlite").path
        _ = try StateStore.openForWriting(path: path)
        // Readable again at once, with its schema marker.
        #expect(try StateStore.openForReading(path: path) != nil)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
            .filter { $0.contains(".new-") }
        #expect(leftovers.isEmpty)
    }

    @Test func backupIsAConsistentCheckedCopyAndNeverOverwrites() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("s.sqlite").path
        try filledStore(path)
        let copy = directory.appendingPathComponent("backup.sqlite").path
        let store = try StateStore.openForWriting(path: path)
        try store.backup(to: copy)
        let restored = try #require(try StateStore.openForReading(path: copy))
        #expect(try restored.read { try StateSnapshot($0) }.changes.count == 1)
        #expect {
            try store.backup(to: copy)
        } throws: { error in
            "\(error)".contains("the file exists")
        }
    }
}
