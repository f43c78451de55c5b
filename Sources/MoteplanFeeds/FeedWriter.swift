import Foundation

/// Writes feed files into an output directory: each file atomically (temporary file, then
/// rename), unchanged files left alone, and files of feeds that vanished removed. Only files
/// listed in the directory's manifest are ever removed, so nothing else there is touched.
public struct FeedWriter: Sendable {
    /// The manifest: the relative paths of the feeds the last run wrote, one per line.
    public static let manifestName = ".moteplan-feeds"

    /// The output directory.
    public let directory: String

    /// Creates a writer for `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// What a write did.
    public struct Report: Sendable, Equatable {
        /// Files whose content changed or that are new.
        public var written: [String] = []
        /// Files left as they were.
        public var unchanged: [String] = []
        /// Files of vanished feeds, removed.
        public var removed: [String] = []
    }

    /// Writes `files` (relative path, text); throws `FeedError` on the first failure.
    public func write(_ files: [(path: String, text: String)]) throws -> Report {
        let fm = FileManager.default
        var report = Report()
        try makeDirectory(directory)
        for file in files {
            let target = directory + "/" + file.path
            let data = Data(file.text.utf8)
            if fm.contents(atPath: target) == data {
                report.unchanged.append(file.path)
                continue
            }
            try makeDirectory((target as NSString).deletingLastPathComponent)
            try atomicWrite(data, to: target)
            report.written.append(file.path)
        }
        let current = Set(files.map(\.path))
        for old in previousManifest() where !current.contains(old) && Self.isSafeRelativePath(old) {
            let target = directory + "/" + old
            if fm.fileExists(atPath: target) {
                do {
                    try fm.removeItem(atPath: target)
                } catch {
                    throw FeedError.cannotWrite(path: target, reason: "cannot remove the vanished feed (\(error.localizedDescription))")
                }
                report.removed.append(old)
            }
            let parent = (target as NSString).deletingLastPathComponent
            if parent != directory, (try? fm.contentsOfDirectory(atPath: parent))?.isEmpty == true {
                try? fm.removeItem(atPath: parent)
            }
        }
        let manifest = Data((files.map(\.path).joined(separator: "\n") + "\n").utf8)
        let manifestPath = directory + "/" + Self.manifestName
        if fm.contents(atPath: manifestPath) != manifest { try atomicWrite(manifest, to: manifestPath) }
        return report
    }

    private func previousManifest() -> [String] {
        guard let data = FileManager.default.contents(atPath: directory + "/" + Self.manifestName) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// A manifest line that stays inside the directory: no absolute paths, no "..".
    static func isSafeRelativePath(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/").contains("..") && path.hasSuffix(".ics")
    }

    private func makeDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw FeedError.cannotWrite(path: path, reason: "cannot create the directory (\(error.localizedDescription))")
        }
    }

    /// Writes to a temporary file beside the target, flushes it, then renames it over the target.
    private func atomicWrite(_ data: Data, to target: String) throws {
        let parent = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = "\(parent)/.\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw FeedError.cannotWrite(path: target, reason: "cannot create a temporary file in \(parent)")
        }
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            try handle.synchronize()
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw FeedError.cannotWrite(path: target, reason: error.localizedDescription)
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw FeedError.cannotWrite(path: target, reason: reason)
        }
    }
}
