import Foundation

/// What identifies the running moteplan for caches that must not outlive it: the version and the
/// executable's size, modification time and inode (a rebuilt or reinstalled binary is another
/// program, even under the same version).
enum ProgramIdentity {
    static var current: String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var info = stat()
        guard stat(executable, &info) == 0 else { return "\(Moteplan.configuration.version) \(executable)" }
        return "\(Moteplan.configuration.version) \(executable) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }
}
