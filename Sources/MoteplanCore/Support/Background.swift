import Dispatch
import Synchronization

/// Work started on another thread at once and awaited later with `value()`.
public final class Background<Value: Sendable>: Sendable {
    private let outcome = Mutex<Result<Value, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work`.
    public init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async {
            let result = Result { try work() }
            self.outcome.withLock { $0 = result }
            self.done.signal()
        }
    }

    /// The work's value, or its error; waits until it has finished.
    public func value() throws -> Value {
        done.wait()
        done.signal()  // a second call returns at once
        guard let result = outcome.withLock({ $0 }) else { throw CancellationError() }
        return try result.get()
    }
}
