/// A function that leads or attends meetings ("SLT-koordinator"), optionally with a person.
public struct Role: Sendable, Hashable {
    /// The id other entries refer to.
    public var id: String
    /// The role's Norwegian name.
    public var name: String
    /// The person holding it, if configured.
    public var person: String?
    /// The address reminders and invitations go to, if configured.
    public var email: String?
    /// Meetings at once and unavailable times (a unit's head carries the unit's).
    public var availability: Availability = Availability()
    /// Preferences for automatically placed meetings this role needs.
    public var wishes: PlacementWishes = PlacementWishes()

    /// Creates a role.
    public init(id: String, name: String, person: String? = nil, email: String? = nil) {
        self.id = id
        self.name = name
        self.person = person
        self.email = email
    }
}
