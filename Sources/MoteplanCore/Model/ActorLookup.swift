/// Finds a role, unit or location by what a person knows of it: its id, a person's name, an
/// e-mail address or the entry's own name, compared without regard to case or extra spaces.
public struct ActorLookup: Sendable {
    /// Which sections a lookup searches.
    public struct Sections: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        /// Creates a set of sections.
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// `[[roles]]`.
        public static let roles = Sections(rawValue: 1)
        /// `[[units]]` (a unit acts through its head).
        public static let units = Sections(rawValue: 2)
        /// `[[locations]]`.
        public static let locations = Sections(rawValue: 4)
        /// Roles and units: whoever can lead or attend.
        public static let actors: Sections = [.roles, .units]
        /// Every resource: roles, units and locations.
        public static let resources: Sections = [.roles, .units, .locations]

        /// `[[roles]] or [[units]]`, for "add it under …".
        public var tables: String {
            var names: [String] = []
            if contains(.roles) { names.append("[[roles]]") }
            if contains(.units) { names.append("[[units]]") }
            if contains(.locations) { names.append("[[locations]]") }
            guard let last = names.popLast() else { return "" }
            return names.isEmpty ? last : names.joined(separator: ", ") + " or " + last
        }
    }

    /// One entry a query could mean: its id and how people know it.
    public struct Candidate: Sendable, Hashable {
        /// The id to give instead.
        public var id: String
        /// The entry's name, with the person when one is configured.
        public var label: String
        /// Every text the entry is known by (id, names, person, e-mail), folded.
        var keys: [String]
    }

    /// What a query found.
    public enum Outcome: Sendable, Hashable {
        /// Exactly one entry: its id.
        case found(String)
        /// Several entries fit; the query must be narrowed (give the id).
        case ambiguous([Candidate])
        /// Nothing fits; `suggestion` is an id only when one is close to the query.
        case unknown(suggestion: String?)
    }

    /// The entries searched, in config order (roles, units, locations).
    public let candidates: [Candidate]

    /// A lookup over `sections` of `configuration`.
    public init(_ configuration: Configuration, sections: Sections) {
        var candidates: [Candidate] = []
        if sections.contains(.roles) {
            candidates += configuration.roles.map { role in
                Candidate(id: role.id, label: LeaderName.display(role), keys: [role.id, role.name, role.person, role.email].compactMap { $0 })
            }
        }
        if sections.contains(.units) {
            candidates += configuration.units.map { unit in
                // The head's role is named "Rektor, Gimse ungdomsskole" already.
                let head = unit.head
                return Candidate(id: unit.id, label: LeaderName.display(head), keys: [unit.id, unit.name, head.person, head.email].compactMap { $0 })
            }
        }
        if sections.contains(.locations) {
            candidates += configuration.locations.map { Candidate(id: $0.id, label: $0.name, keys: [$0.id, $0.name]) }
        }
        self.candidates = candidates.map { candidate in
            var folded = candidate
            folded.keys = candidate.keys.flatMap(Self.variants)
            return folded
        }
    }

    /// The entry `query` names: an id first; else every entry known by that name or address.
    public func find(_ query: String) -> Outcome {
        let key = Self.fold(query)
        if let exact = candidates.first(where: { Self.fold($0.id) == key }) { return .found(exact.id) }
        let matches = candidates.filter { $0.keys.contains(key) }
        if matches.count == 1, let only = matches.first { return .found(only.id) }
        if matches.count > 1 { return .ambiguous(matches) }
        return .unknown(suggestion: Suggestion.closest(to: query, in: candidates.map(\.id)))
    }

    /// A text and, for a person written "Eksempel: Kari Nordmann" as the example config does,
    /// the name alone, each folded.
    static func variants(_ text: String) -> [String] {
        let folded = fold(text)
        guard let colon = folded.firstIndex(of: ":") else { return [folded] }
        let rest = fold(String(folded[folded.index(after: colon)...]))
        return rest.isEmpty ? [folded] : [folded, rest]
    }

    /// Lower case, with runs of white space made one space and the ends trimmed.
    static func fold(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
