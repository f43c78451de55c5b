extension PlacementProblem {
    /// One pattern an instance can take, such as "3rd Wednesday 08:30", with the meetings it produces.
    public struct Choice: Codable, Sendable, Equatable {
        /// A name for people and logs; need not be unique.
        public var id: String
        /// What taking this choice costs (0 for a choice nobody minds).
        public var penalty: Int
        /// The dated meetings the choice produces.
        public var occurrences: [Occurrence]

        /// A choice from its parts.
        public init(id: String, penalty: Int = 0, occurrences: [Occurrence]) {
            self.id = id
            self.penalty = penalty
            self.occurrences = occurrences
        }

        enum CodingKeys: String, CodingKey {
            case id, penalty, occurrences
        }

        /// Reads the JSON form; `penalty` (0) may be left out.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            penalty = try container.decodeIfPresent(Int.self, forKey: .penalty) ?? 0
            occurrences = try container.decode([Occurrence].self, forKey: .occurrences)
        }
    }
}
