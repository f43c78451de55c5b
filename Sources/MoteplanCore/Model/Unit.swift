/// What kind of unit (enhet) a unit is.
public enum UnitKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A school.
    case skole
    /// A kindergarten.
    case barnehage
    /// A service: helsestasjon, PPT, NAV, …
    case tjeneste

    public static func < (lhs: UnitKind, rhs: UnitKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A school, kindergarten or service, with the person who heads it.
public struct Unit: Sendable, Hashable {
    /// The id other entries refer to.
    public var id: String
    /// The unit's name.
    public var name: String
    /// Its kinds; a combined "barnehage og skole" has two.
    public var kinds: Set<UnitKind>
    /// The head's title and contact, who leads the unit's own meetings.
    public var head: Role
    /// Where the unit's own meetings take place; the unit's name when not set.
    public var location: String?
    /// Preferences for automatically placed meetings this unit needs.
    public var wishes: PlacementWishes = PlacementWishes()

    /// Creates a unit.
    public init(id: String, name: String, kinds: Set<UnitKind>, head: Role, location: String? = nil) {
        self.id = id
        self.name = name
        self.kinds = kinds
        self.head = head
        self.location = location
    }
}
