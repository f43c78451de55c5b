import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What moteplan may remove in an output directory: a regular file reached through real
/// directories below it. Nothing is followed through a symbolic link, and no directory is ever
/// removed but an empty one, so a manifest line or a planted link can never point a removal at
/// anything moteplan did not write.
enum OwnedFile {
    /// Whether `relative` names a regular file inside `directory` through real subdirectories
    /// (every step checked with lstat; a symbolic link anywhere on the way means no).
    static func isRegularFile(_ relative: String, inside directory: String) -> Bool {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !parts.isEmpty, !parts.contains(".."), !parts.contains(".") else { return false }
        var path = directory
        for (index, part) in parts.enumerated() {
            path += "/" + part
            var info = stat()
            guard lstat(path, &info) == 0 else { return false }
            let type = info.st_mode & S_IFMT
            if index == parts.count - 1 { return type == S_IFREG }
            guard type == S_IFDIR else { return false }
        }
        return false
    }

    /// Removes the regular file at `path` (unlink: never a directory, never through a link's target).
    static func remove(_ path: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else {
            throw FeedError.cannotWrite(path: path, reason: "cannot remove the vanished feed (\(String(cString: strerror(errno))))")
        }
    }

    /// Removes `path` if it is an empty real directory (rmdir refuses anything else).
    static func removeIfEmptyDirectory(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return }
        _ = rmdir(path)
    }
}
