import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock for one `remind` run (flock on a file beside the state): a second run waits
/// until the first is done, and the lock dies with its process, so a crash never leaves it held.
/// The wait is bounded: a run that cannot get the lock within `wait` gives up with a clear error
/// (nothing sent; the next cron run tries again) instead of queueing behind a stuck one forever.
final class RunLock {
    private let descriptor: Int32

    /// Takes the lock on `path`, waiting at most `waitSeconds` for another holder to finish.
    init(path: String, waitSeconds: Int) throws {
        let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw DeliveryError(description: "cannot open the run lock \(path): \(String(cString: strerror(errno)))")
        }
        let deadline = ContinuousClock.now + .seconds(waitSeconds)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK else {
                close(fd)
                throw DeliveryError(description: "cannot take the run lock \(path): \(String(cString: strerror(code)))")
            }
            guard ContinuousClock.now < deadline else {
                close(fd)
                throw DeliveryError(description: "another remind run has held \(path) for over \(waitSeconds) s; nothing was sent, the next run will try again ([reminders] lock_wait_seconds)")
            }
            usleep(100_000)
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
