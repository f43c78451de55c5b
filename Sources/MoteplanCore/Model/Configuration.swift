/// The whole plan as the config states it: what should happen.
public struct Configuration: Sendable, Hashable {
    /// The config format version; 1.
    public var version: Int
    /// The municipality.
    public var municipality: Municipality
    /// Feed settings.
    public var feeds: FeedSettings
    /// School years and closed days.
    public var calendar: CalendarSettings
    /// Roles, in config order.
    public var roles: [Role] { didSet { rolesIndex = Self.index(roles.map(\.id)) } }
    /// Units, in config order.
    public var units: [Unit] { didSet { unitsIndex = Self.index(units.map(\.id)) } }
    /// Groups, in config order.
    public var groups: [Group] { didSet { groupsIndex = Self.index(groups.map(\.id)) } }
    /// Structures, in config order.
    public var structures: [Structure] { didSet { structuresIndex = Self.index(structures.map(\.id)) } }
    /// `moteplan serve`'s settings.
    public var server: ServerSettings
    /// Reminder settings.
    public var reminders: ReminderSettings = ReminderSettings()
    /// Rooms that are resources, in config order.
    public var locations: [Location] = [] { didSet { locationsIndex = Self.index(locations.map(\.id)) } }
    /// Buffers between a person's meetings.
    public var scheduling: SchedulingSettings = SchedulingSettings()
    private var locationsIndex: [String: Int] = [:]
    /// Position of each id (the first, if one repeats): lookups are made per meeting, and Oslo has 900 units.
    private var rolesIndex: [String: Int] = [:]
    private var unitsIndex: [String: Int] = [:]
    private var groupsIndex: [String: Int] = [:]
    private var structuresIndex: [String: Int] = [:]

    /// Creates a configuration.
    public init(
        version: Int = 1, municipality: Municipality, feeds: FeedSettings = FeedSettings(),
        calendar: CalendarSettings = CalendarSettings(), roles: [Role] = [], units: [Unit] = [],
        groups: [Group] = [], structures: [Structure] = [], server: ServerSettings = ServerSettings()
    ) {
        self.version = version
        self.municipality = municipality
        self.feeds = feeds
        self.calendar = calendar
        self.roles = roles
        self.units = units
        self.groups = groups
        self.structures = structures
        self.server = server
        rolesIndex = Self.index(roles.map(\.id))
        unitsIndex = Self.index(units.map(\.id))
        groupsIndex = Self.index(groups.map(\.id))
        structuresIndex = Self.index(structures.map(\.id))
    }

    private static func index(_ ids: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(ids.count)
        for (position, id) in ids.enumerated() where index[id] == nil { index[id] = position }
        return index
    }

    /// The role with this id.
    public func role(_ id: String) -> Role? { rolesIndex[id].map { roles[$0] } }
    /// The unit with this id.
    public func unit(_ id: String) -> Unit? { unitsIndex[id].map { units[$0] } }
    /// The group with this id.
    public func group(_ id: String) -> Group? { groupsIndex[id].map { groups[$0] } }
    /// The structure with this id.
    public func structure(_ id: String) -> Structure? { structuresIndex[id].map { structures[$0] } }
    /// The location with this id.
    public func location(_ id: String) -> Location? { locationsIndex[id].map { locations[$0] } }

    /// Every resource id in config order: roles, units, locations.
    public var resourceIDs: [String] { roles.map(\.id) + units.map(\.id) + locations.map(\.id) }

    /// What a resource id (a role, a unit, or a location) can take, and whether buffers apply
    /// (people need travel time, rooms do not); nil for an unknown id.
    public func resource(_ id: String) -> (availability: Availability, isPerson: Bool)? {
        if let actor = actor(id) { return (actor.availability, true) }
        if let location = location(id) { return (location.availability, false) }
        return nil
    }

    /// Resolves a role-or-unit reference to the person role that acts for it
    /// (a unit acts through its head).
    public func actor(_ id: String) -> Role? {
        if let role = role(id) { return role }
        return unit(id)?.head
    }
}

extension Configuration {
    /// The catalogue of the plan's written language (`[municipality] language`).
    public var catalogue: Catalogue { municipality.catalogue }
}

extension Configuration {
    /// Who leads `instance` of `structure` as the config names it: a fixed role, the unit's head, or
    /// the group's configured leader (a rotating group's leader per meeting date is the scheduler's).
    public func leaderRole(_ structure: Structure, _ instance: StructureInstance) -> Role? {
        switch structure.leader {
        case .fixed(let id): return actor(id)
        case .unitHead: return instance.unitID.flatMap { unit($0)?.head }
        case .groupLeader: return instance.groupID.flatMap { group($0)?.leader }.flatMap { actor($0) }
        }
    }
}
