/// A room (or other place) that is a shared resource: a meeting whose location names it needs it.
public struct Location: Sendable, Hashable {
    /// The id a structure's `location` names.
    public var id: String
    /// The name meetings show ("Melhus rådhus, møterom Gauldal").
    public var name: String
    /// Meetings at once and unavailable times.
    public var availability: Availability

    /// Creates a location.
    public init(id: String, name: String, availability: Availability = Availability()) {
        self.id = id
        self.name = name
        self.availability = availability
    }
}

/// Settings that apply to every resource (`[scheduling]`).
public struct SchedulingSettings: Sendable, Hashable {
    /// The least gap, in minutes, a role or unit needs between two meetings (travel); rooms need none.
    public var bufferMinutes: Int
    /// Whether automatic placement spreads each person's meetings over the weeks of the month.
    public var spread: Bool

    /// Creates settings; no buffer and spreading by default.
    public init(bufferMinutes: Int = 0, spread: Bool = true) {
        self.bufferMinutes = bufferMinutes
        self.spread = spread
    }
}
