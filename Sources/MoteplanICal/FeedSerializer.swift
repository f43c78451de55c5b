import CLibical

/// Writes a whole feed: VCALENDAR header, one VTIMEZONE, then the VEVENTs in the order given.
///
/// Every property and component is built with libical; the VEVENTs are serialized one by one and
/// joined inside `BEGIN:VCALENDAR`/`END:VCALENDAR` (faster than serializing one big VCALENDAR).
/// The output depends only on the input: the same header, zone and events give the same bytes.
public struct FeedSerializer: Sendable {
    /// The calendar-level properties.
    public let header: ICalFeedHeader
    /// The zone whose VTIMEZONE is embedded and whose id is every event's TZID.
    public let zone: ICalZone
    private let prefix: String
    private let headerLines: String
    private let events: EventSerializer

    private static let end = "END:VCALENDAR\r\n"

    /// Prepares the header and VTIMEZONE text; throws if the header is unusable or names another zone.
    public init(header: ICalFeedHeader, zone: ICalZone) throws {
        try Self.check(header, zone: zone)
        self.header = header
        self.zone = zone
        headerLines = try Self.headerText(header)
        prefix = "BEGIN:VCALENDAR\r\n" + headerLines + zone.vtimezone
        self.events = EventSerializer(tzid: zone.identifier)
    }

    /// The complete feed text (CRLF line endings); throws for the first invalid event.
    public func serialize(_ events: [ICalEvent]) throws -> String {
        prefix + (try events.map { try self.events.text(for: $0) }).joined() + Self.end
    }

    /// What comes before the first VEVENT (VCALENDAR header and VTIMEZONE) and after the last:
    /// a feed is `frame.prefix`, the event texts, `frame.suffix`.
    public var frame: (prefix: String, suffix: String) { (prefix, Self.end) }

    /// The frame's problems, checked by `FeedValidator` as a feed without events, which must hold
    /// the VTIMEZONE the events' TZID names; empty means valid.
    /// Without `icalrestriction_check`, as for the events: FeedValidator's cardinality rules cover
    /// what it checks, and on a ten-year VTIMEZONE it costs ~110 M instructions (Benchmarks/profile).
    public func frameProblems() -> [String] {
        FeedValidator.problems(in: prefix + Self.end, restrictionCheck: false, requiredZone: zone.identifier)
    }

    /// The problems of the calendar properties alone (a VCALENDAR without the VTIMEZONE): for
    /// feeds whose zone was checked in another frame (every feed of a run has the same VTIMEZONE
    /// text), the part of the frame that differs between them.
    public func headerProblems() -> [String] {
        FeedValidator.problems(in: "BEGIN:VCALENDAR\r\n" + headerLines + Self.end, restrictionCheck: false)
    }

    /// One VEVENT as text, for callers that assemble or diff events themselves.
    public func serializeEvent(_ event: ICalEvent) throws -> String {
        try events.text(for: event)
    }

    private static func check(_ header: ICalFeedHeader, zone: ICalZone) throws {
        if header.prodID.allSatisfy(\.isWhitespace) { throw ICalError.invalidHeader("PRODID is empty") }
        if header.calendarName.allSatisfy(\.isWhitespace) {
            throw ICalError.invalidHeader("calendar name (X-WR-CALNAME) is empty")
        }
        if header.timeZoneID != zone.identifier {
            throw ICalError.invalidHeader(
                "time zone '\(header.timeZoneID)' differs from the VTIMEZONE's zone '\(zone.identifier)'")
        }
        if !(1...525_600).contains(header.refreshIntervalMinutes) {
            throw ICalError.invalidHeader(
                "refresh interval \(header.refreshIntervalMinutes) minutes is not between 1 minute and 1 year")
        }
    }

    /// PRODID … X-PUBLISHED-TTL, each built and serialized by libical.
    private static func headerText(_ header: ICalFeedHeader) throws -> String {
        let refresh = icaldurationtype_from_int(Int32(header.refreshIntervalMinutes * 60))
        guard let duration = takeLibicalString(icaldurationtype_as_ical_string_r(refresh)) else {
            throw ICalError.libical("could not write the refresh interval")
        }
        let interval = icalproperty_new_refreshinterval(refresh)
        icalproperty_add_parameter(interval, icalparameter_new_value(ICAL_VALUE_DURATION))
        let properties = [
            icalproperty_new_prodid(TextCleaning.text(header.prodID)),
            icalproperty_new_version("2.0"),
            icalproperty_new_calscale("GREGORIAN"),
            icalproperty_new_method(ICAL_METHOD_PUBLISH),
            xProperty("X-WR-CALNAME", TextCleaning.text(header.calendarName)),
            xProperty("X-WR-TIMEZONE", header.timeZoneID),
            interval,
            xProperty("X-PUBLISHED-TTL", duration),
        ]
        var text = ""
        for property in properties {
            defer { icalproperty_free(property) }
            guard let line = takeLibicalString(icalproperty_as_ical_string_r(property)) else {
                throw ICalError.libical("could not write a calendar header property")
            }
            text += line
        }
        return text
    }

    private static func xProperty(_ name: String, _ value: String) -> OpaquePointer? {
        let property = icalproperty_new_x(value)
        icalproperty_set_x_name(property, name)
        return property
    }
}
