extension PlacementProblem {
    /// A wish that at most `atMost` of some choices are taken, e.g. one PPT meeting per week.
    public struct SoftLimit: Codable, Sendable, Equatable {
        /// The limit's name, reported in `PlacementResult.softViolations` as `soft_limit:<name>`.
        public var name: String
        /// What taking more than `atMost` members costs, however many more.
        public var weight: Int
        /// How many members may be taken without cost.
        public var atMost: Int
        /// The choices counted, each as (instance index, choice index).
        public var members: [Member]

        /// A soft limit from its parts.
        public init(name: String, weight: Int, atMost: Int, members: [Member]) {
            self.name = name
            self.weight = weight
            self.atMost = atMost
            self.members = members
        }

        enum CodingKeys: String, CodingKey {
            case name, weight, members
            case atMost = "at_most"
        }
    }

    /// One choice of one instance, by index.
    public struct Member: Codable, Sendable, Equatable, Hashable {
        /// The index into `PlacementProblem.instances`.
        public var instance: Int
        /// The index into that instance's `choices`.
        public var choice: Int

        /// A member from its indices.
        public init(instance: Int, choice: Int) {
            self.instance = instance
            self.choice = choice
        }
    }
}
