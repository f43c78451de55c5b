import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The secret the personal links are derived from: 32 random bytes in a file beside the state
/// database (`<state>.links-key`, mode 0600). Made complete under a temporary name opened with
/// O_EXCL and linked into place, so of two runs creating it at once one wins and both read the
/// same bytes; never replaced once there (rotating a person's link bumps their generation instead).
enum LinkKey {
    /// The key's length in bytes.
    static let length = 32

    /// The key file for the state file at `statePath`.
    static func path(statePath: String) -> String { statePath + ".links-key" }

    /// Reads the key, creating it first when there is none.
    static func loadOrCreate(path: String) throws -> [UInt8] {
        if let key = try load(path: path) { return key }
        try create(path: path)
        guard let key = try load(path: path) else { throw StoreError.cannotRead(path, "the key file vanished after it was made") }
        return key
    }

    /// The key, or nil when the file does not exist; a file of another length is refused.
    static func load(path: String) throws -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.cannotRead(path, "the personal links' key file cannot be read")
        }
        guard data.count == length else {
            throw StoreError.cannotRead(
                path, "the personal links' key file has \(data.count) bytes, not \(length); restore it from a backup, or move it away and run 'moteplan links' to make new links for everyone")
        }
        return Array(data)
    }

    /// Writes 32 random bytes to a new file (mode 0600) and links it to `path` unless one is there.
    static func create(path: String) throws {
        var generator = SystemRandomNumberGenerator()
        try writeNew((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }, to: path)
    }

    /// Copies the key of the state file `statePath` beside `destinationState` (a backup), mode
    /// 0600, never over an existing file. False when the state has no key yet.
    static func copy(statePath: String, toState destinationState: String) throws -> Bool {
        guard let key = try load(path: path(statePath: statePath)) else { return false }
        let destination = path(statePath: destinationState)
        if FileManager.default.fileExists(atPath: destination) {
            throw StoreError.cannotWrite(destination, "the file exists; give a new name, an old backup is never overwritten")
        }
        try writeNew(key, to: destination)
        return true
    }

    /// Writes `bytes` to a new file (mode 0600) under a temporary name and links it to `path`
    /// unless one is there.
    private static func writeNew(_ bytes: [UInt8], to path: String) throws {
        let temporary = "\(path).new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw StoreError.cannotWrite(path, String(cString: strerror(errno))) }
        defer { unlink(temporary) }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, length) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == length, synced == 0 else { throw StoreError.cannotWrite(path, "the key could not be written") }
        // link(2) never replaces an existing file: of two runs creating the key, one wins.
        if link(temporary, path) != 0 && errno != EEXIST {
            throw StoreError.cannotWrite(path, String(cString: strerror(errno)))
        }
    }
}
