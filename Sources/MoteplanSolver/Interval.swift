extension PlacementProblem {
    /// A half-open span of minutes, [start, end).
    public struct Interval: Codable, Sendable, Equatable, Hashable {
        /// The first minute inside.
        public var start: Int
        /// The first minute after; greater than `start`.
        public var end: Int

        /// An interval from its ends.
        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }

        /// Whether the two share at least one minute.
        public func overlaps(_ other: Interval) -> Bool { start < other.end && other.start < end }
    }
}
