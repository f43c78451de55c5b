/// The municipality whose plan this is: its name, zone, horizon and UID domain.
public struct Municipality: Sendable, Hashable {
    /// "Melhus kommune".
    public var name: String
    /// IANA time zone, e.g. "Europe/Oslo". Meeting times are wall clock in this zone.
    public var timeZone: String
    /// The domain part of every meeting UID.
    public var uidDomain: String
    /// The plan's revision date, used as DTSTAMP until the state store tracks revisions.
    public var revision: LocalDate
    /// The days the schedule covers.
    public var horizon: DateRange
    /// The written language of everything people read (`language = "nb"` or `"nn"`).
    public var catalogue: Catalogue

    /// Creates a municipality.
    public init(
        name: String, timeZone: String, uidDomain: String, revision: LocalDate, horizon: DateRange,
        catalogue: Catalogue = .bokmal
    ) {
        self.name = name
        self.timeZone = timeZone
        self.uidDomain = uidDomain
        self.revision = revision
        self.horizon = horizon
        self.catalogue = catalogue
    }
}

/// How feeds ask clients to refresh.
public struct FeedSettings: Sendable, Hashable {
    /// REFRESH-INTERVAL and X-PUBLISHED-TTL, in hours.
    public var refreshHours: Int

    /// Creates feed settings.
    public init(refreshHours: Int = 12) {
        self.refreshHours = refreshHours
    }
}
