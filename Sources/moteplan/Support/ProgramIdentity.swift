import Foundation

/// The running moteplan: its executable, and what identifies it for caches that must not outlive
/// it.
enum ProgramIdentity {
    /// This binary's path (for a child such as serve's preflight, which must run the same code).
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// The version and the executable's size, modification time and inode: a rebuilt or
    /// reinstalled binary is another program, even under the same version.
    static var current: String {
        let executable = executablePath
        var info = stat()
        guard stat(executable, &info) == 0 else { return "\(Moteplan.configuration.version) \(executable)" }
        return "\(Moteplan.configuration.version) \(executable) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }
}
