extension PlacementProblem {
    /// A person, unit or room that occurrences use: how many at once, the gap it needs, when it is away.
    public struct Resource: Codable, Sendable, Equatable {
        /// The resource's name in the problem, unique; cores name it as `capacity:<id>` and `unavailable:<id>`.
        public var id: String
        /// How many occurrences may use it at the same minute (buffers included).
        public var capacity: Int
        /// Minutes after each of its occurrences during which the occurrence still counts against the capacity.
        public var bufferMinutes: Int
        /// Times when no taken choice may use it.
        public var unavailable: [Interval]

        /// A resource from its parts.
        public init(id: String, capacity: Int, bufferMinutes: Int = 0, unavailable: [Interval] = []) {
            self.id = id
            self.capacity = capacity
            self.bufferMinutes = bufferMinutes
            self.unavailable = unavailable
        }

        enum CodingKeys: String, CodingKey {
            case id, capacity, unavailable
            case bufferMinutes = "buffer_minutes"
        }

        /// Reads the JSON form; `buffer_minutes` (0) and `unavailable` (none) may be left out.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            capacity = try container.decode(Int.self, forKey: .capacity)
            bufferMinutes = try container.decodeIfPresent(Int.self, forKey: .bufferMinutes) ?? 0
            unavailable = try container.decodeIfPresent([Interval].self, forKey: .unavailable) ?? []
        }
    }
}
