extension PlacementProblem {
    /// A recurring series to place: it takes exactly one of its choices.
    public struct Instance: Codable, Sendable, Equatable {
        /// The instance's name, unique; cores name it as `choose:<id>` and `pinned:<id>`.
        public var id: String
        /// The patterns it can take, in the order `PlacementResult.choices` indexes.
        public var choices: [Choice]
        /// The index of a choice it must take (a recorded placement), or nil.
        public var pinned: Int?
        /// The index of the choice it was published with, or nil; taking another costs `changeWeight`.
        public var published: Int?
        /// What moving away from the published choice costs (0 when nothing was published).
        public var changeWeight: Int

        /// An instance from its parts.
        public init(id: String, choices: [Choice], pinned: Int? = nil, published: Int? = nil, changeWeight: Int = 0) {
            self.id = id
            self.choices = choices
            self.pinned = pinned
            self.published = published
            self.changeWeight = changeWeight
        }

        enum CodingKeys: String, CodingKey {
            case id, choices, pinned, published
            case changeWeight = "change_weight"
        }

        /// Reads the JSON form; `pinned`, `published` (null) and `change_weight` (0) may be left out.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            choices = try container.decode([Choice].self, forKey: .choices)
            pinned = try container.decodeIfPresent(Int.self, forKey: .pinned)
            published = try container.decodeIfPresent(Int.self, forKey: .published)
            changeWeight = try container.decodeIfPresent(Int.self, forKey: .changeWeight) ?? 0
        }

        /// Writes the JSON form with every key, `null` for no pin or publication.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(choices, forKey: .choices)
            try container.encode(pinned, forKey: .pinned)
            try container.encode(published, forKey: .published)
            try container.encode(changeWeight, forKey: .changeWeight)
        }
    }
}
