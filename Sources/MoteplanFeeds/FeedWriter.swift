import Foundation
import MoteplanCore

/// A feed file written to a temporary name, waiting to be renamed over its target.
public struct StagedFile: Sendable, Hashable {
    /// The temporary file, beside the target.
    public var temporary: String
    /// The final path.
    public var target: String

    /// Creates a staged file.
    public init(temporary: String, target: String) {
        self.temporary = temporary
        self.target = target
    }
}

/// Writes feed files into an output directory in two steps: `stage` writes changed files under
/// temporary names, `commit` renames them into place, removes feeds that vanished and updates the
/// manifest last. A crash between the steps is repaired by committing the same staged list again.
/// Only files listed in the directory's manifest are ever removed, so nothing else there is touched.
public struct FeedWriter: Sendable {
    /// The manifest: the relative paths of the feeds the last run wrote, one per line.
    public static let manifestName = ".moteplan-feeds"
    /// Temporary files carry this marker: `.<name>.moteplan-tmp-<pid>`.
    static let temporaryMarker = ".moteplan-tmp-"

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

    /// Stages and commits in one go (for callers without a state store).
    public func write(_ files: [FeedFile]) throws -> Report {
        var report = Report()
        let staged = try stage(files)
        let changed = Set(staged.map(\.target))
        for file in files {
            if changed.contains(target(file.path)) { report.written.append(file.path) } else { report.unchanged.append(file.path) }
        }
        report.removed = try commit(staged)
        return report
    }

    /// The absolute target of a relative feed path.
    public func target(_ relativePath: String) -> String { directory + "/" + relativePath }

    /// Writes every file whose content differs from what is on disk (and the manifest, if it
    /// changes) to a temporary file beside its target; nothing visible changes yet. Contents are
    /// streamed part by part, and compared with what is on disk the same way.
    public func stage(_ files: [FeedFile]) throws -> [StagedFile] {
        try stageStamped(files).staged
    }

    /// `stage`, and the `FeedStamp` of every file with a digest that was compared or written, by
    /// target (a written one's is its temporary's: the rename keeps it). A file that `isCurrent`
    /// is left alone, neither compared nor written.
    public func stageStamped(_ files: [FeedFile]) throws -> (staged: [StagedFile], stamps: [String: FeedStamp]) {
        try makeDirectory(directory)
        var made: Set<String> = [directory]
        for file in files {
            let parent = (target(file.path) as NSString).deletingLastPathComponent
            if made.insert(parent).inserted { try makeDirectory(parent) }
        }
        // Feeds are independent files: compared and written on every core, the largest first
        // (alle.ics and the structures' feeds come first in the catalog).
        let outcomes = Parallel.map(files.count, chunk: 1) { i -> Result<(StagedFile?, FeedStamp?), FeedError> in
            let file = files[i]
            let path = target(file.path)
            if file.isCurrent { return .success((nil, nil)) }
            if !file.differsFromDisk, FeedFileIO.matches(file, path: path) {
                return .success((nil, file.digest.flatMap { FeedStamp.of(path, digest: $0) }))
            }
            return Result { try writeTemporary(file, beside: path) }
                .map { temporary in
                    (StagedFile(temporary: temporary, target: path), file.digest.flatMap { FeedStamp.of(temporary, digest: $0) })
                }
                .mapError { $0 as? FeedError ?? FeedError.cannotWrite(path: path, reason: "\($0)") }
        }
        var staged = outcomes.compactMap { (try? $0.get())?.0 }
        var stamps: [String: FeedStamp] = [:]
        for (file, outcome) in zip(files, outcomes) {
            if case .success((_, let stamp?)) = outcome { stamps[target(file.path)] = stamp }
        }
        if let failure = outcomes.lazy.compactMap({ outcome -> FeedError? in
            if case .failure(let error) = outcome { return error } else { return nil }
        }).first {
            discard(staged)
            throw failure
        }
        do {
            let manifest = FeedFile(path: Self.manifestName, text: files.map(\.path).joined(separator: "\n") + "\n")
            let manifestPath = target(Self.manifestName)
            if !FeedFileIO.matches(manifest, path: manifestPath) {
                staged.append(StagedFile(temporary: try writeTemporary(manifest, beside: manifestPath), target: manifestPath))
            }
        } catch {
            discard(staged)
            throw error
        }
        return (staged, stamps)
    }

    /// Renames staged files into place, removes feeds listed in the old manifest but not the new,
    /// and renames the manifest last. A staged file whose temporary is gone was committed already.
    /// Returns the removed relative paths.
    @discardableResult
    public func commit(_ staged: [StagedFile]) throws -> [String] {
        let fm = FileManager.default
        let manifestPath = target(Self.manifestName)
        var removed: [String] = []
        for file in staged where file.target != manifestPath && fm.fileExists(atPath: file.temporary) {
            try rename(file)
        }
        if let manifest = staged.first(where: { $0.target == manifestPath }), fm.fileExists(atPath: manifest.temporary) {
            let keep = Set(Self.lines(fm.contents(atPath: manifest.temporary)))
            for old in Self.lines(fm.contents(atPath: manifestPath)) where !keep.contains(old) && Self.isSafeRelativePath(old) {
                let path = target(old)
                if OwnedFile.isRegularFile(old, inside: directory) {
                    try OwnedFile.remove(path)
                    removed.append(old)
                    let parent = (path as NSString).deletingLastPathComponent
                    if parent != directory { OwnedFile.removeIfEmptyDirectory(parent) }
                }
            }
            try rename(manifest)
        }
        return removed
    }

    /// Removes staged temporaries (after a failure before commit).
    public func discard(_ staged: [StagedFile]) {
        for file in staged { try? FileManager.default.removeItem(atPath: file.temporary) }
    }

    /// Removes temporaries left behind by runs that died before recording them. Only call this
    /// while no other run can be staging (under the state store's write lock).
    public func removeOrphanedTemporaries() {
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: directory) else { return }
        for case let relative as String in enumerator
        where (relative as NSString).lastPathComponent.contains(Self.temporaryMarker)
            && OwnedFile.isRegularFile(relative, inside: directory)
        {
            try? OwnedFile.remove(target(relative))
        }
    }

    static func lines(_ data: Data?) -> [String] {
        guard let data else { return [] }
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

    /// Writes `file`'s content to a flushed temporary file beside `target` and returns its path.
    private func writeTemporary(_ file: FeedFile, beside target: String) throws -> String {
        let parent = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = "\(parent)/.\(name)\(Self.temporaryMarker)\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try FeedFileIO.write(file, to: temporary)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw FeedError.cannotWrite(path: target, reason: error.reason)
        }
        return temporary
    }

    private func rename(_ file: StagedFile) throws {
        guard Foundation.rename(file.temporary, file.target) == 0 else {
            throw FeedError.cannotWrite(path: file.target, reason: String(cString: strerror(errno)))
        }
    }
}
