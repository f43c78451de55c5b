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
    public var roles: [Role]
    /// Units, in config order.
    public var units: [Unit]
    /// Groups, in config order.
    public var groups: [Group]
    /// Structures, in config order.
    public var structures: [Structure]
    /// `moteplan serve`'s settings.
    public var server: ServerSettings
    /// Reminder settings.
    public var reminders: ReminderSettings = ReminderSettings()

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
    }

    /// The role with this id.
    public func role(_ id: String) -> Role? { roles.first { $0.id == id } }
    /// The unit with this id.
    public func unit(_ id: String) -> Unit? { units.first { $0.id == id } }
    /// The group with this id.
    public func group(_ id: String) -> Group? { groups.first { $0.id == id } }
    /// The structure with this id.
    public func structure(_ id: String) -> Structure? { structures.first { $0.id == id } }

    /// Resolves a role-or-unit reference to the person role that acts for it
    /// (a unit acts through its head).
    public func actor(_ id: String) -> Role? {
        if let role = role(id) { return role }
        return unit(id)?.head
    }
}
