/// A set of units that meets as one, such as a tverrfaglig nettverk.
public struct Group: Sendable, Hashable {
    /// The id other entries refer to.
    public var id: String
    /// The group's name ("Nedre Melhus").
    public var name: String
    /// Member unit ids, in config order.
    public var members: [String]
    /// The fixed leader: a role id or a unit id (whose head then leads).
    public var leader: String?
    /// The rotating leadership, when the leader changes term by term.
    public var rotation: RotationRule?

    /// Creates a group.
    public init(id: String, name: String, members: [String], leader: String? = nil, rotation: RotationRule? = nil) {
        self.id = id
        self.name = name
        self.members = members
        self.leader = leader
        self.rotation = rotation
    }
}
