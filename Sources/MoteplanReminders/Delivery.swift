import Foundation

/// Why a delivery failed; the reminder stays pending and the next run tries again.
public struct DeliveryError: Error, CustomStringConvertible, Sendable {
    /// One line.
    public let description: String
}

/// Where reminders go: standard output, a maildir, or a sendmail-compatible command.
public enum Delivery: Sendable, Equatable {
    /// Print each message.
    case stdout
    /// Write each message into a maildir (idempotent: the file name comes from the reminder).
    case maildir(String)
    /// Pipe each message to a command such as `/usr/sbin/sendmail -t -i` (run by /bin/sh).
    case sendmail(String)

    /// The default sendmail command.
    public static let defaultSendmail = "/usr/sbin/sendmail -t -i"

    /// Parses `stdout`, `maildir:DIR`, `sendmail` or `sendmail:COMMAND`.
    public init?(spec: String) {
        if spec == "stdout" {
            self = .stdout
        } else if spec == "sendmail" {
            self = .sendmail(Self.defaultSendmail)
        } else if spec.hasPrefix("sendmail:"), spec.count > 9 {
            self = .sendmail(String(spec.dropFirst(9)))
        } else if spec.hasPrefix("maildir:"), spec.count > 8 {
            self = .maildir(String(spec.dropFirst(8)))
        } else {
            return nil
        }
    }

    /// Delivers `message`; `fileName` names it in a maildir. A delivery command still running
    /// after `timeoutSeconds` is stopped (with everything it started) and the delivery fails.
    func deliver(_ message: String, fileName: String, timeoutSeconds: Int = 60) throws {
        switch self {
        case .stdout:
            do {
                try FileHandle.standardOutput.write(contentsOf: Data((message + "\r\n").utf8))
            } catch {
                throw DeliveryError(description: "cannot write to standard output (\(error.localizedDescription))")
            }
        case .maildir(let directory):
            try Self.maildir(message, directory: directory, name: fileName)
        case .sendmail(let command):
            try Self.sendmail(message, command: command, timeoutSeconds: timeoutSeconds)
        }
    }

    private static func maildir(_ message: String, directory: String, name: String) throws {
        let fm = FileManager.default
        do {
            for sub in ["tmp", "new", "cur"] {
                try fm.createDirectory(atPath: directory + "/" + sub, withIntermediateDirectories: true)
            }
        } catch {
            throw DeliveryError(description: "maildir \(directory) cannot be written (\(error.localizedDescription))")
        }
        let target = "\(directory)/new/\(name)"
        // Idempotent: delivered before (and perhaps already read into cur/) means done.
        if fm.fileExists(atPath: target) { return }
        if let seen = try? fm.contentsOfDirectory(atPath: directory + "/cur"), seen.contains(where: { $0 == name || $0.hasPrefix(name + ":") }) {
            return
        }
        let temporary = "\(directory)/tmp/\(name)"
        guard fm.createFile(atPath: temporary, contents: Data(message.utf8)) else {
            throw DeliveryError(description: "maildir \(directory) is not writable (cannot create \(temporary))")
        }
        if let handle = FileHandle(forWritingAtPath: temporary) {
            try? handle.synchronize()
            try? handle.close()
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            try? fm.removeItem(atPath: temporary)
            throw DeliveryError(description: "maildir \(directory): cannot move the message into new/ (\(reason))")
        }
    }

    /// coreutils' timeout(1) runs the command in a process group of its own and, on expiry,
    /// signals the whole group (TERM, then KILL after 5 s): a hung sendmail and anything it
    /// started end, and the pipes close. It exits 124 (or 137 after KILL) when it had to.
    static let timeoutTool = "/usr/bin/timeout"

    private static func sendmail(_ message: String, command: String, timeoutSeconds: Int) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: timeoutTool)
        process.arguments = ["-k", "5", String(timeoutSeconds), "/bin/sh", "-c", command]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw DeliveryError(description: "cannot run '\(command)': \(error.localizedDescription)")
        }
        // Write on another thread: a command that stops reading must not block us forever.
        let data = Data(message.utf8)
        let writer = Thread {
            try? input.fileHandleForWriting.write(contentsOf: data)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let text = String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
            if killed || (process.terminationReason == .exit && (process.terminationStatus == 124 || process.terminationStatus == 137)) {
                throw DeliveryError(description: "'\(command)' did not finish within \(timeoutSeconds) s and was stopped; the reminder stays pending")
            }
            let why = process.terminationStatus == 127 ? "command not found" : "exit \(process.terminationStatus)"
            throw DeliveryError(description: "'\(command)' failed (\(why))\(text.isEmpty ? "" : ": \(text.split(separator: "\n").first ?? "")")")
        }
    }
}
