import Dispatch

/// Runs independent work on every core and collects the results in order.
enum Parallel {
    /// `transform(i)` for i in 0..<count, in chunks across cores; results in index order. The
    /// first error thrown (by index) is rethrown after all chunks finished.
    static func map<T: Sendable>(_ count: Int, chunk: Int = 256, _ transform: @Sendable (Int) throws -> T) throws -> [T] {
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

    /// Slots written by exactly one chunk each, so no two threads touch the same element.
    private final class Results<T>: @unchecked Sendable {
        private var values: [T?]
        private var errors: [Error?]

        init(count: Int, chunks: Int) {
            values = Array(repeating: nil, count: count)
            errors = Array(repeating: nil, count: chunks)
        }

        func set(_ index: Int, _ value: T) {
            values.withUnsafeMutableBufferPointer { $0[index] = value }
        }

        func fail(_ chunk: Int, _ error: Error) {
            errors.withUnsafeMutableBufferPointer { $0[chunk] = error }
        }

        func collect() throws -> [T] {
            if let error = errors.compactMap({ $0 }).first { throw error }
            return values.compactMap { $0 }
        }
    }
}
