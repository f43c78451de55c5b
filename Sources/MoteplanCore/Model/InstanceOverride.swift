/// What one instance of a per-unit or per-group structure does differently
/// (`[[structures.instances]]`): its own cadence, times, place or participants, so the instances
/// of one structure need not all meet at the same hour.
public struct InstanceOverride: Sendable, Hashable {
    /// The instance id (the unit or group id).
    public var id: String
    /// Its own cadence.
    public var cadence: Cadence?
    /// Its own slots.
    public var slots: [Slot]?
    /// Its own location (free text or a location id).
    public var location: String?
    /// Its own participants (replacing the structure's).
    public var participants: [String]?
    /// Its own placement: the structure's (nil), fixed (an empty list) or its own choices.
    public var choices: [PatternChoice]?
    /// Its own preferences, added to the structure's.
    public var wishes: PlacementWishes = PlacementWishes()
    /// Its own first day (`from`), replacing the structure's.
    public var from: LocalDate?
    /// Its own last day (`until`), replacing the structure's.
    public var until: LocalDate?

    /// Creates an override.
    public init(id: String, cadence: Cadence? = nil, slots: [Slot]? = nil, location: String? = nil, participants: [String]? = nil) {
        self.id = id
        self.cadence = cadence
        self.slots = slots
        self.location = location
        self.participants = participants
    }

    /// `structure` as this instance sees it.
    public func applied(to structure: Structure) -> Structure {
        var copy = structure
        if let cadence { copy.cadence = cadence }
        if let slots { copy.slots = slots }
        if let location { copy.location = location }
        if let participants { copy.participants = participants }
        if let choices {
            copy.choices = choices.isEmpty ? nil : choices
            if let first = choices.first {
                copy.cadence = first.cadence
                copy.slots = first.slots
            }
        }
        if let from { copy.active.from = from }
        if let until { copy.active.until = until }
        if wishes.prefer != nil { copy.wishes.prefer = wishes.prefer }
        if wishes.avoid != nil { copy.wishes.avoid = wishes.avoid }
        return copy
    }
}
