extension PlacementProblem {
    /// One dated meeting of a choice (or a fixed meeting) and the resources it takes.
    public struct Occurrence: Codable, Sendable, Equatable {
        /// The first minute of the meeting.
        public var start: Int
        /// The first minute after the meeting; greater than `start`.
        public var end: Int
        /// The ids of the resources it takes, each at most once.
        public var resources: [String]

        /// An occurrence from its parts.
        public init(start: Int, end: Int, resources: [String]) {
            self.start = start
            self.end = end
            self.resources = resources
        }

        /// The meeting's own time, without any buffer.
        public var interval: Interval { Interval(start: start, end: end) }
    }
}
