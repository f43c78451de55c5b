import Dispatch
import Foundation

/// Where the server's log lines go: a file descriptor (standard error), written in batches.
///
/// An access-log line per request written on its own costs a system call and a locked write per
/// request, which was a quarter of the cost of a 304 (Benchmarks/serve/run). Lines are appended to
/// a buffer and written at least every `interval`, at once when it holds 64 KiB, at once for
/// lines that must not wait (notices, warnings, errors), and by `flush()` at shutdown. Order is
/// kept. A crash can lose at most the last `interval` of info lines.
public final class LogSink: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private let writeLock = NSLock()
    private var buffer: [UInt8] = []
    private var stampSecond = -1
    private var stampText = ""
    private let timer: DispatchSourceTimer
    private static let limit = 64 * 1024

    /// A sink for `fd` (not closed by the sink), flushed every `interval`.
    public init(fd: Int32 = STDERR_FILENO, interval: DispatchTimeInterval = .milliseconds(100)) {
        self.fd = fd
        buffer.reserveCapacity(Self.limit)
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "moteplan.log-sink"))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [weak self] in self?.flush() }
        timer.resume()
    }

    deinit {
        timer.cancel()
        flush()
    }

    /// Appends one line (a newline is added); `now` writes it, and everything before it, at once.
    public func append(_ line: String, now: Bool) {
        let full = lock.withLock { () -> Bool in
            buffer.append(contentsOf: line.utf8)
            buffer.append(0x0A)
            return buffer.count >= Self.limit
        }
        if now || full { flush() }
    }

    /// Writes everything buffered.
    public func flush() {
        writeLock.withLock {
            let pending = lock.withLock { () -> [UInt8] in
                defer { buffer.removeAll(keepingCapacity: true) }
                return buffer
            }
            var offset = 0
            while offset < pending.count {
                let written = pending.withUnsafeBytes { bytes in
                    bytes.baseAddress.map { write(fd, $0 + offset, bytes.count - offset) } ?? -1
                }
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }  // nowhere to log to: drop, never block the server
                offset += written
            }
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS+HHMM` in local time, as swift-log's StreamLogHandler writes it; made
    /// once per second.
    func timestamp() -> String {
        var now = time(nil)
        return lock.withLock {
            if Int(now) == stampSecond { return stampText }
            var parts = tm()
            var text = [CChar](repeating: 0, count: 64)
            if localtime_r(&now, &parts) != nil, strftime(&text, text.count, "%Y-%m-%dT%H:%M:%S%z", &parts) > 0 {
                stampText = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            } else {
                stampText = "<unknown>"
            }
            stampSecond = Int(now)
            return stampText
        }
    }
}
