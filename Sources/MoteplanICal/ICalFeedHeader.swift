/// The calendar-level properties of a feed (everything before the VTIMEZONE).
public struct ICalFeedHeader: Hashable, Sendable {
    /// PRODID, e.g. `-//Moteplan//moteplan 1.0//NB`.
    public var prodID: String
    /// Name clients show for the subscribed calendar (X-WR-CALNAME).
    public var calendarName: String
    /// IANA zone id of the feed (X-WR-TIMEZONE); must equal the serializer's zone.
    public var timeZoneID: String
    /// How often clients should re-fetch (REFRESH-INTERVAL and X-PUBLISHED-TTL), in minutes.
    public var refreshIntervalMinutes: Int

    /// Creates a header.
    public init(prodID: String, calendarName: String, timeZoneID: String, refreshIntervalMinutes: Int) {
        self.prodID = prodID
        self.calendarName = calendarName
        self.timeZoneID = timeZoneID
        self.refreshIntervalMinutes = refreshIntervalMinutes
    }
}
