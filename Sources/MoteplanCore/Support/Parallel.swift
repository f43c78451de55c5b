import Dispatch

/// Runs independent work on every core and collects the results in order.
public enum Parallel {
    /// `transform(i)` for i in 0..<count, in chunks across cores; results in index order. The
    /// first error thrown (by index) is rethrown after all chunks finished.
    public static func map<T: Sendable>(_ count: Int, chunk: Int = 256, _ transform: @Sendable (Int) throws -> T) throws -> [T] {
        guard count > 0 else { return [] }
        let chunks = (count + chunk - 1) / chunk
        let results = Results<T>(count: count, chunks: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let start = c * chunk
            let end = min(count, start + chunk)
            do {
                for i in start..<end { results.set(i, try transform(i)) }
            } catch {
                results.fail(c, error)
            }
        }
        return try results.collect()
    }

    /// `transform(i)` for i in 0..<count, in chunks across cores; results in index order.
    public static func map<T: Sendable>(_ count: Int, chunk: Int = 256, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let chunks = (count + chunk - 1) / chunk
        let results = Results<T>(count: count, chunks: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            for i in (c * chunk)..<min(count, c * chunk + chunk) { results.set(i, transform(i)) }
        }
        return results.all()
    }

    /// Slots written by exactly one chunk each, so no two threads touch the same element. The
    /// storage is allocated once and reached through a pointer: an array property would be
    /// accessed "exclusively" by every write, and two overlapping writes trap at run time.
    private final class Results<T>: @unchecked Sendable {
        private let values: UnsafeMutableBufferPointer<T?>
        private let errors: UnsafeMutableBufferPointer<Error?>

        init(count: Int, chunks: Int) {
            values = .allocate(capacity: count)
            values.initialize(repeating: nil)
            errors = .allocate(capacity: chunks)
            errors.initialize(repeating: nil)
        }

        deinit {
            values.deinitialize()
            values.deallocate()
            errors.deinitialize()
            errors.deallocate()
        }

        func set(_ index: Int, _ value: T) {
            values[index] = value
        }

        func fail(_ chunk: Int, _ error: Error) {
            errors[chunk] = error
        }

        func collect() throws -> [T] {
            if let error = errors.lazy.compactMap({ $0 }).first { throw error }
            return values.compactMap { $0 }
        }

        /// The values, when no chunk can fail.
        func all() -> [T] {
            values.compactMap { $0 }
        }
    }
}
