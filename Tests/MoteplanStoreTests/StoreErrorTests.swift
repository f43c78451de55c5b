import Foundation
import MoteplanStore
import Testing

/// A state file that cannot be used gets a clear error and is left as it was.
struct StoreErrorTests {
    @Test func corruptFileIsRefusedAndUntouched() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("s.sqlite").path
        let garbage = Data(repeating: 0x42, count: 8192)
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try StateStore.openForWriting(path: path)
        } throws: { error in
            "\(error)".contains("is not a moteplan state database or is damaged")
        }
        #expect {
            _ = try StateStore.openForReading(path: path)
        } throws: { error in
            "\(error)".contains("is not a moteplan state database or is damaged")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test func newerSchemaIsRefusedAndUntouched() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("s.sqlite").path
        let store = try StateStore.openForWriting(path: path)
        _ = try store.integrityCheck()
        // A later moteplan added a migration this build does not know.
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"INSERT INTO grdb_migrations VALUES ('v9-future')\"); c.commit()", path]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect {
            _ = try StateStore.openForWriting(path: path)
        } throws: { error in
            "\(error)".contains("was written by a newer moteplan (unknown schema steps: v9-future)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func unwritableLocationsAreRefused() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        // A directory where the file should be, and a path under a regular file: both fail even as root.
        #expect {
            _ = try StateStore.openForWriting(path: directory.path)
        } throws: { error in
            "\(error)".hasPrefix("cannot write state file") || "\(error)".contains("is not a moteplan state database")
        }
        let file = directory.appendingPathComponent("plain")
        try Data("x".utf8).write(to: file)
        #expect {
            _ = try StateStore.openForWriting(path: file.appendingPathComponent("s.sqlite").path)
        } throws: { error in
            "\(error)".hasPrefix("cannot write state file")
        }
    }

    @Test func readingNeverCreatesTheStore() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("s.sqlite").path
        #expect(try StateStore.openForReading(path: path) == nil)
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
