import Foundation

/// What the served content is a function of: the config file and the state file (with its WAL,
/// where SQLite writes first). Any change of a file's modification time, size or inode changes it.
public struct Fingerprint: Sendable, Hashable {
    /// One file's identity: (seconds since the epoch with fraction, size, inode), or nil when absent.
    struct FileStamp: Sendable, Hashable {
        var modified: Double
        var size: Int
        var inode: Int
    }

    let files: [FileStamp?]

    /// Reads the stamps of `paths` now.
    public static func read(_ paths: [String]) -> Fingerprint {
        Fingerprint(files: paths.map(stamp))
    }

    /// The newest modification among the files, in whole seconds since the epoch (0 when none exists).
    public var newestModification: Int {
        Int(files.compactMap { $0?.modified }.max() ?? 0)
    }

    private static func stamp(_ path: String) -> FileStamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let inode = (attributes[.systemFileNumber] as? NSNumber)?.intValue ?? 0
        return FileStamp(modified: modified, size: size, inode: inode)
    }
}
