import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock for one `remind` run (flock on a file beside the state): a second run waits
/// until the first is done, and the lock dies with its process, so a crash never leaves it held.
final class RunLock {
    private let descriptor: Int32

    /// Takes the lock on `path`, waiting for another holder to finish.
    init(path: String) throws {
        let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw DeliveryError(description: "cannot open the run lock \(path): \(String(cString: strerror(errno)))")
        }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            close(fd)
            throw DeliveryError(description: "cannot take the run lock \(path): \(reason)")
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
