import Foundation

/// Writes to standard output and standard error without buffering surprises.
///
/// A reader that goes away (`moteplan plan | head -1`) must not crash the command: SIGPIPE is
/// ignored (see Moteplan.main), and the failed write is ignored here, where Foundation's
/// non-throwing `write(_:)` would trap on EPIPE.
enum Output {
    /// Writes `text` and a newline to standard output.
    static func line(_ text: String) {
        raw(text + "\n")
    }

    /// Writes `text` as is to standard output.
    static func raw(_ text: String) {
        try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    }

    /// Writes `text` and a newline to standard error.
    static func error(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8))
    }
}
