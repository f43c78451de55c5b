import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A new config is first loaded by a child process (the same binary, `serve --preflight`) under a
/// deadline. Only when the child succeeds does the server load it itself, so a config that would
/// crash the loader (a trap ends a Swift process) or make it loop costs a child, never the server.
public struct Preflight: Sendable {
    /// The child's executable and arguments.
    public let command: [String]
    /// How long the child may take; then it is killed and the config refused.
    public let deadline: Duration

    /// Creates a preflight that runs `command` with `deadline`.
    public init(command: [String], deadline: Duration) {
        self.command = command
        self.deadline = deadline
    }

    /// What the child said about the new files.
    public enum Outcome: Sendable, Equatable {
        /// It loaded them: the server may too.
        case passed
        /// It refused them (exit status and the first lines of its stderr).
        case refused(String)
        /// It died from a signal (a trap, a crash).
        case crashed(Int32)
        /// It ran past the deadline and was killed.
        case timedOut
        /// It could not be started.
        case notStarted(String)
    }

    /// coreutils' timeout(1) runs the child in a process group of its own and, at the deadline,
    /// signals the whole group (TERM, then KILL 2 s later): nothing the child started outlives it
    /// or keeps its pipes open. It exits 124 (137 after KILL) when it had to, and dies of the
    /// child's signal when the child did.
    static let timeoutTool = "/usr/bin/timeout"

    /// Runs the child and waits at most `deadline` (plus the time to stop it).
    public func run() -> Outcome {
        guard !command.isEmpty else { return .notStarted("no command") }
        let seconds = Double(deadline.components.seconds) + Double(deadline.components.attoseconds) / 1e18
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.timeoutTool)
        process.arguments = ["-k", "2", String(format: "%.3f", seconds)] + command
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return .notStarted("\(error)")
        }
        let collected = Collected()
        let reader = Thread { collected.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        // timeout(1) ends it all by deadline + 2 s; waiting longer than that means it could not.
        if finished.wait(timeout: .now() + seconds + 10) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            return .timedOut
        }
        // A child that ignores TERM (the server ignores it for its own graceful shutdown, and
        // children inherit that) is ended by the KILL, which reaches timeout(1) too.
        if process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL { return .timedOut }
        if process.terminationReason == .uncaughtSignal { return .crashed(process.terminationStatus) }
        if process.terminationStatus == 124 || process.terminationStatus == 137 { return .timedOut }
        if process.terminationStatus == 127 || process.terminationStatus == 126 {
            return .notStarted(String(decoding: collected.wait(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        if process.terminationStatus == 0 { return .passed }
        let text = String(decoding: collected.wait(), as: UTF8.self)
        let lines = text.split(separator: "\n").prefix(5).joined(separator: " | ")
        return .refused("exit \(process.terminationStatus): \(lines)")
    }

    /// One line for the log.
    public static func describe(_ outcome: Outcome, deadline: Duration) -> String {
        switch outcome {
        case .passed: return "loads"
        case .refused(let why): return "does not load (\(why))"
        case .crashed(let signal): return "crashed the loader (signal \(signal))"
        case .timedOut: return "took longer than \(deadline) to load and was stopped"
        case .notStarted(let why): return "could not be checked (\(why))"
        }
    }

    /// The child's stderr, handed from the reader thread.
    private final class Collected: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var data = Data()
        func set(_ value: Data) {
            data = value
            done.signal()
        }
        func wait() -> Data {
            done.wait()
            return data
        }
    }
}
